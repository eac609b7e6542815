package forms

import "reintegrate/model"

// newBwmatPlan builds 002 Appendix 1: Reintegration Plan including Reduced
// Timetable, field by field in the seed's order. Additions the appendix
// lacks but the policy asks for are marked "(002 s...)" in their titles.
func newBwmatPlan() *Template {
	return &Template{
		ID: model.TemplateBWMATPlan, Title: "Appendix 1: Reintegration Plan including Reduced Timetable",
		Pack: model.BWMAT, Source: "002 appendix 1",
		Kinds: []model.Kind{model.ReducedTimetable, model.SuspensionReintegration},
		Sections: []Section{
			{Fields: []Field{
				note("Schools should complete this plan in the exceptional circumstances that a temporary reduced timetable is introduced to meet a pupil's individual needs. Please ensure you have read Bath and Wells Multi Academy Trust guidance on the use of reduced timetables before starting this process."),
				date(model.FieldMeetingDate, "Date of Meeting:").req().dated().bound(caseAgreed),
				short("location", "Location:"),
				short("pupil_name", "Name of pupil(s):").req().bound(pupilName),
				short("school_name", "Name of School:").bound(schoolName),
				short("year_group", "Year Group:").bound(pupilYear),
				short("ethnicity", "Ethnicity:"),
				short("send_status", "SEND status:").bound(pupilSEND),
				yesno("looked_after", "Looked After Child (or previously looked after)").bound(pupilFlag(model.LookedAfter, model.PreviouslyLookedAfter)),
				yesno("child_protection", "Child Protection").bound(pupilFlag(model.ChildProtection)),
				yesno("child_in_need", "Child in Need").bound(pupilFlag(model.ChildInNeed)),
				yesno("early_help", "Early Help/Families Plus").bound(pupilFlag(model.EarlyHelp)),
			}},
			{Fields: []Field{
				table("people", "Parents/Carers (including those who have day to day care) & Professionals involved with the child:",
					col("name", "Name:"), col("role", "Role & Organisation:"), yesnoCol("attended", "Attended? (Y/N)"),
					longCol("informed", "Have they been informed of the timetable? If not, please state why.")).
					rows(8).bound(peopleRows(model.FieldMeetingDate)).
					help("Name the social worker, Virtual School, SEND team or youth justice worker as such: the case records their involvement."),
			}},
			{Fields: []Field{
				date("start", "Start date of timetable:").req().bound(caseStart),
				date("end", "End date of timetable: Pupil should return full-time provision within 6 weeks of start").req().bound(casePlannedEnd),
				multi("reasons", "REASONS FOR THE PLAN: (please tick all that apply)",
					[]string{"Physical Health (supported by a medical professional)", "Reintegration",
						"Mental Health (supported by a medical professional)", "Behaviour", "Other"},
					[]string{string(model.PhysicalHealth), string(model.Reintegration), string(model.MentalHealth),
						string(model.Behaviour), string(model.OtherReason)}).req().bound(caseReasons),
				long("reasons_other", "Other (please describe below):"),
				table("objectives", "Objectives and success criteria",
					longCol("objective", "Objectives (what change do we want to see?)"),
					longCol("success", "Success Criteria (what will the change look like?)")).
					rowTitles("Parent(s)/Carer(s):", "Child:", "School:", "Other (professional or family member):"),
				table("actions", "WHAT NEEDS TO HAPPEN?",
					longCol("action", "Actions to be taken:"), col("by_when", "By When:"), col("person", "Person responsible:"),
					longCol("working", "How will we know it is working?"), longCol("review", "Fortnightly review comments")).rows(6),
				timetable("Re-integration Timetable"),
				long("other_issues", "Other key issues discussed: (Please ensure you record any other issues/key points not captured above)"),
				date(model.FieldReview2Weeks, "Review Meeting Dates: (within 2 weeks of the start date)").bound(reviewDue(0, model.ReviewKindReview)),
				date(model.FieldReview4Weeks, "Review Meeting Dates: (within 4 weeks of the start date)").bound(reviewDue(1, model.ReviewKindReview)),
				date(model.FieldReviewFinal, "Review Meeting Dates: (within 6 weeks of the start date)").bound(reviewDue(2, model.ReviewKindFinal)),
			}},
			{Fields: []Field{
				note("The undersigned confirm that this is an accurate record of the discussions and outcomes agreed within the meeting. By signing this form, the school is confirming that the use of a part-time timetable for a limited period has been judged appropriate, review arrangements have been agreed and a risk assessment has been completed and any safeguarding issues have been fully taken into consideration."),
				note("During the period of the part-time timetable the school will:").
					text("- Monitor the effectiveness of the part-time timetable\n- Hold a review on the agreed date\n- Provide work the child to do whilst at home and mark all work complete"),
				long("home_learning", "How work will be set, sent home and marked while the pupil is not in school (002 s5.8):").bound(homeLearning),
				signature(model.FieldSchoolSigned, "School Representative:",
					col("name", "School Representative:"), dateCol("date", "Date:"), signCol("Signature:")).req().bound(authorisedBy),
				table("professionals_signed", "[INSERT NAMES OF OTHER PROFESSIONALS]:",
					col("name", "Name:"), dateCol("date", "Date:"), signCol("Signature:")).rows(3),
			}},
			// "A reduced timetable can only proceed with parents'/carers' signed consent to the plan".
			parentSection("Parents/carers", true, model.FieldParentAgrees, "parent_reasons", model.FieldParentSigned, parentSigned(model.FieldParentAgrees),
				// reg 11(6) asks for a parent the pupil normally lives with (002 s5.3: "those that have day to day care").
				short("parent_relationship", "Relationship to the pupil:").bound(consentRelationship),
				yesno("parent_lives_with", "Does the pupil normally live with this parent/carer?").bound(consentLivesWith)),
			parentSection("Parents/Carers", false, "parent2_agrees", "parent2_reasons", "parent2_signed", nil),
			{Title: "Child – this section is voluntary for the child to complete.", Fields: []Field{
				choice(model.FieldChildHappy, "Please delete as applicable:",
					[]string{"I am happy with this plan.", "I am not happy with this plan because:"}, yesNoValues),
				long("child_reasons", "Why I am not happy with this plan:"),
				signature(model.FieldChildSigned, "Name of child:", col("name", "Name of child:"), dateCol("date", "Date:"), signCol("Signature:")),
			}},
			{Fields: []Field{
				note("The Local Governing Committee should be notified of the reduced timetable as soon as a plan has been agreed. Please keep a signed copy of the reintegration plan and reduced timetable on CPOMS and use the tag/category 'reduced timetable.' It is important you retain the original signed copy for your records."),
				date("governors_notified", "Date the Local Governing Committee was notified (002 s5.11):").bound(notified(model.Governors, "plan")),
			}},
		},
		Checks: []Check{
			inOrder("start", "end", "end date"),
			reviewsInPlan("start", "end", []string{model.FieldReview2Weeks, model.FieldReview4Weeks, model.FieldReviewFinal}, []int{2, 4, 6}),
			reasonsGiven(model.FieldParentAgrees, "parent_reasons"),
			reasonsGiven("parent2_agrees", "parent2_reasons"),
		},
	}
}

// parentSection is the appendix's parent/carer block, which the seed gives
// twice (one for each parent); the first parent's choice and signature
// are needed.
func parentSection(title string, needed bool, agreeKey, reasonsKey, signedKey string, bind *Binding, extra ...Field) Section {
	agree := choice(agreeKey, "Please delete as applicable:",
		[]string{"1. I agree with the content of these minutes and the reintegration plan.",
			"2. I do not agree with the reintegration for the following reasons:"}, yesNoValues)
	signed := signature(signedKey, "Name of parent:", col("name", "Name of parent:"), dateCol("date", "Date:"), signCol("Signature:")).bound(bind)
	agree.Required, signed.Required = needed, needed
	fields := []Field{
		note("A reduced timetable can only proceed with parents'/carers' signed consent to the plan and cannot be enforced by a school or insisted upon."),
		agree,
		long(reasonsKey, "The reasons I do not agree:"),
	}
	fields = append(fields, extra...)
	fields = append(fields, signed)
	return Section{Title: title, Fields: fields}
}
