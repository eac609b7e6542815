package forms

import "reintegrate/model"

// hseSteps are the five steps of 002 s5.6, as the seed lists them.
const (
	hseStep1 = "Step 1: Identify possible hazards"
	hseStep2 = "Step 2: Decide who may be harmed and how"
	hseStep3 = "Step 3: Evaluate the risks and decide on precaution"
	hseStep4 = "Step 4: Record your findings and implement them"
	hseStep5 = "Step 5: Regularly review your assessment and update if necessary"
)

// newBwmatRiskAssessment builds the risk assessment of 002 s5.6, in the Health
// and Safety Executive's five steps, with the hazards the seed names: the
// pupil's safety and wellbeing, criminal activity, substance misuse,
// exploitation (CSE and CDE, 000) and radicalisation. Step 4's finding of
// significant risk out of school rules the reduced timetable out (002 s4).
func newBwmatRiskAssessment() *Template {
	return &Template{
		ID: model.TemplateBWMATRiskAssessment, Title: "Risk assessment for a reduced timetable",
		Pack: model.BWMAT, Source: "002 s4, s5.6",
		Kinds: []model.Kind{model.ReducedTimetable, model.SuspensionReintegration},
		Sections: []Section{
			{Fields: []Field{
				short("pupil", "Name of pupil").req().bound(pupilName),
				short("year_group", "Year Group").bound(pupilYear),
				short("school", "Name of School").bound(schoolName),
				date("assessed", "Date of assessment").req().dated().bound(riskCompleted),
				short("assessed_by", "Assessment completed by").req().hint("type who completed the assessment, for example Ms R Khan (DSL)"),
				note("Undertake a risk assessment of the pupil's needs to assess the impact that a reduced timetable would have on the pupil. It is essential that the pupil's welfare during any absence from school is considered. Risk assessments should follow the five steps identified by the Health and Safety Executive:"),
			}},
			{Fields: []Field{
				table("hazards", hseStep1,
					longCol("who", hseStep2),
					Column{Key: "level", Title: "Level of risk", Kind: Choice, Options: []string{"Low", "Medium", "High"}, Width: 0.8},
					longCol("precautions", hseStep3)).
					rowTitles("The safety and wellbeing of the pupil whilst not in receipt of education during the school day",
						"Being exposed to or engaging in criminal activity",
						"Substance misuse",
						"Being at risk of exploitation (including CSE and CDE)",
						"Radicalisation",
						"Other hazards"),
			}},
			{Title: hseStep4, Fields: []Field{
				long("findings", "Findings, and how the assessed risk and safeguarding measures will be managed").req().
					hint("type what the assessment found and how each risk will be managed"),
				yesno("significant_risk", "If evidence suggests that the child will be exposed to significant risk if not in school, then a reduced timetable should not be a considered option. Will the child be exposed to significant risk if not in school?").
					req().bound(significantRisk),
			}},
			{Title: hseStep5, Fields: []Field{
				date("review_by", "Date of the next review of this assessment").bound(reviewDueRisk),
				long("review_notes", "Review notes and updates"),
			}},
			{Fields: []Field{
				note("This risk assessment should be signed and dated by all parties (school, parent/carer, social worker where applicable) and regularly reviewed. A signed copy of the risk assessment should be retained on the pupil's file."),
				signature(model.FieldSchoolSigned, "School").req(),
				signature(model.FieldParentSigned, "Parent/carer").req(),
				signature("social_worker_signed", "Social worker (where applicable)").neededWhen(socialWorkerApplies),
			}},
		},
		Checks: []Check{inOrder("assessed", "review_by", "next review")},
	}
}

// reviewDueRisk offers the plan's first review (fortnightly, 002 s4) as the
// assessment's next review.
var reviewDueRisk = &Binding{Case: "reviews",
	Fill: func(c model.Case, _ model.School, v Value) {
		if idx := plannedReviews(c); len(idx) > 0 {
			v.Set("", c.Reviews[idx[0]].Due.String())
		} else if !c.Start.IsZero() {
			v.Set("", c.Start.AddDays(14).String())
		}
	}}

// socialWorkerApplies: the social worker signs the risk assessment "where
// applicable" (002 s5.6): for a pupil on a Child Protection or Child in Need
// plan (002 s5.4), or with a social worker involved.
func socialWorkerApplies(c model.Case) (string, bool) {
	if _, ok := c.Involved(model.SocialWorker); ok {
		return "a social worker is involved", true
	}
	return "the pupil is on a Child Protection or Child in Need plan", c.Pupil.Has(model.ChildProtection, model.ChildInNeed)
}
