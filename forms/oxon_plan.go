package forms

import "reintegrate/model"

// newOxonPlan builds 000, Oxfordshire's reintegration timetable plan: the County
// Attendance Team told, the meeting with the parent/carer and, by the
// pupil's flags, the Local Authority's people, the plan's nine contents,
// the parent's signature and the copy to the LA within 2 days.
func newOxonPlan() *Template {
	return &Template{
		ID: model.TemplateOxonPlan, Title: "Reintegration timetable plan",
		Pack: model.Oxfordshire, Source: "000",
		Kinds: []model.Kind{model.ReducedTimetable, model.SuspensionReintegration},
		Sections: []Section{
			{Fields: []Field{
				short("pupil", "Name of pupil").req().bound(pupilName),
				date("dob", "Date of birth").bound(pupilDOB),
				short("year_group", "Year group").bound(pupilYear),
				short("school", "School").bound(schoolName),
				note("In circumstances where the school considers that a reintegration timetable for a pupil is needed, the school must notify the County Attendance Team."),
				date("attendance_team", "Date the County Attendance Team was notified").bound(notified(model.AttendanceTeam, "proposed")),
			}},
			{Title: "School must convene a meeting to discuss the proposals for a reintegration timetable.", Fields: []Field{
				date(model.FieldMeetingDate, "Date of meeting").req().dated().bound(caseAgreed),
				short("parent_name", "This must include the parent/carer of the pupil: name").req().hint(parentNameHint).bound(consentParent),
				yesno(model.FieldParentAttended, "Did the parent/carer attend?").req(),
				note("This meeting must also include the Local Authority where the pupil is:"),
				oxonAttendee("virtual_school", "one that We Care For (the Virtual School)", "the pupil is looked after", fixedRole(model.VirtualSchool), model.LookedAfter),
				oxonAttendee("yjes", "subject of a Court Order (YJES worker)", "the pupil is open to youth justice", fixedRole(model.YouthJusticeRole), model.YouthJustice),
				oxonAttendee("social_worker", "subject of a Child Protection, Child in Need Plan or Team Around the Family plan (Social Worker or Early Help worker)",
					"the pupil has a Child Protection, Child in Need or Team Around the Family plan",
					involvedRole(model.SocialWorker, model.EarlyHelpRole), model.ChildProtection, model.ChildInNeed, model.EarlyHelp),
				oxonAttendee("sen_officer", "has a EHCP (SEN Officer)", "the pupil has an EHCP", fixedRole(model.SENDTeam), model.EHCP),
			}},
			// The nine contents the plan "details" (000) are all needed (oxon.plan-contents).
			{Title: "School, parents and other professionals must establish a plan (Pastoral Support Plan, Individual Learning Plan, Personal Education Plan etc.) for the reintegration timetable which details:", Fields: []Field{
				short("plan_type", "The plan (Pastoral Support Plan, Individual Learning Plan, Personal Education Plan etc.)"),
				long(model.FieldTimetableSupport, "the proposed timetable with reintegration support to get back to full-time attendance within 6 weeks").req(),
				date("start", "Start date").req().bound(caseStart),
				date("end", "End date (within 6 weeks)").req().bound(casePlannedEnd),
				timetable("Reintegration timetable"),
				long(model.FieldReviewSchedule, "details of the review schedule").req().bound(reviewSchedule),
				long(model.FieldInterventions, "the supportive interventions that will accompany this reduction in time at school").req(),
				long(model.FieldSchoolChanges, "school including the environment system changes within school and the new skills that will be taught").req(),
				long(model.FieldExitStrategies, "outcome and exit strategies. How will all parties know that this short term exceptional arrangement has been successful?").req(),
				short(model.FieldNamedPerson, "the named person responsible for the plan within the school").req().bound(namedPerson),
				long(model.FieldSafeguarding, "the consideration of safeguarding measures for the duration. The school must carry out a risk assessment (including CSE and CDE) before implementation, of the child spending more time out of the school and this should be recorded in the plan").req(),
				date("risk_assessment", "Date the risk assessment (including CSE and CDE) was completed").bound(riskCompleted),
				long(model.FieldExternalSupport, "consideration should be given in many cases to external behaviour support and/or targeted early help family support").req(),
				long(model.FieldAPConsidered, "consideration should be given to whether alternative provision should be considered to meet need.").req(),
				long("home_learning", "How work is set, sent home and marked while the pupil is not in school").bound(homeLearning),
			}},
			{Fields: []Field{
				note("Send the Local Authority a copy of the hours agreed and the plan upon which it was agreed within 2 days."),
				date(model.FieldLACopySent, "Date the copy was sent to the Local Authority").bound(notified(model.LocalAuthority, "plan")),
				note("The plan and the teaching hours must be signed by the parent and without parental agreement this strategy of a reduction in hours cannot be implemented"),
				short("relationship", "Parent/carer's relationship to the pupil").bound(consentRelationship),
				yesno("lives_with", "Does the pupil normally live with this parent/carer?").bound(consentLivesWith),
				// "The plan and the teaching hours must be signed by the parent" (000).
				signature(model.FieldParentSigned, "Parent/carer").req().bound(parentSigned("")),
				signature(model.FieldSchoolSigned, "For the school").bound(authorisedBy),
				note("Consider the need to carry out an Early Help Assessment (EHA) to establish if there are wider needs and support required from external agencies."),
				yesno(model.FieldEHAConsidered, "Was the need for an Early Help Assessment considered?").req(),
				long("eha_outcome", "What was decided about an Early Help Assessment"),
				note("The names of pupils on a Reintegration Timetable are passed from Education to Social Care, the Youth Justice Team Operational Group and the Early Help and Prevention Team once per half term."),
			}},
		},
		Checks: []Check{inOrder("start", "end", "end date")},
	}
}

// oxonAttendee is one of the Local Authority's people the meeting must
// include for a pupil with one of the flags (000).
func oxonAttendee(key, title, why string, role func(model.Case) model.Role, flags ...model.Flag) Field {
	f := person(key, title).bound(attendee(role, model.FieldMeetingDate))
	f.NeededWhen = whenFlag(why, flags...)
	return f
}

// reviewSchedule offers the fortnightly reviews from the start (000 "details
// of the review schedule"; RULES.md reviews.scheduled).
var reviewSchedule = &Binding{Case: "reviews",
	Fill: func(c model.Case, _ model.School, v Value) {
		if c.Start.IsZero() {
			return
		}
		s := "Reviews every two weeks:"
		for k := 1; k <= 3; k++ {
			s += " " + c.Start.AddDays(14*k).UK()
			if k < 3 {
				s += ","
			}
		}
		v.Set("", s)
	}}
