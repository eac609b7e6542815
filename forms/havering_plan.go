package forms

import "reintegrate/model"

// haveringSteps is 003's table of the agreed minimum expectations for a
// reintegration, as the seed sets it out.
var haveringSteps = [][]string{
	{"Steps", "Result", "Outcome"},
	{"A Reintegration Plan is drawn up and followed by all parties",
		"Regular and timely reviews are held and recorded on the Reintegration Plan to monitor progress or identify further support requirements",
		"Pupil is given a clear plan to engage well with the opportunity of a fresh start in school"},
	{"Support staff and buddy are available to ensure pupil feels welcome for a successful reintegration",
		"Pupil feels supported and anxieties are reduced",
		"Pupil settles and engage well which leads to positive relationships being formed with teachers and pupils"},
	{"Reasonable adjustments are explored and put in place to enable pupil to engage well",
		"Pupil understands and engages with the reintegration process",
		"Pupil is able to settle into school with the right support, at the right time in the right place"},
}

// newHaveringPlan builds 003's Re-integration Plan: drafted before the return
// (s3.4), the AP placement's Individual Placement Agreement dates (s3.8),
// and the minimum-expectations table with what is in place for each step.
func newHaveringPlan() *Template {
	return &Template{
		ID: model.TemplateHaveringPlan, Title: "Re-integration Plan",
		Pack: model.Havering, Source: "003 s3.2-3.9, minimum expectations",
		Kinds: []model.Kind{model.APReintegration},
		Sections: []Section{
			{Fields: []Field{
				short("pupil", "Pupil's name and date of birth").req().bound(pupilNameDOB).hint(nameDOBHint),
				short("year_group", "Year group").bound(pupilYear),
				short("referring_school", "Referring school"),
				short("ap_setting", "Alternative provision").bound(involvementName(model.APSetting)),
				short("receiving_school", "Receiving school").bound(involvementName(model.HostSchool)),
			}},
			{Title: "3. Reintegration Process", Fields: []Field{
				date("fap_referred", "Fair Access Protocol referral date (3.1)").bound(fairAccessReferred),
				date("place_offered", "Date a school place was offered").bound(placeOffered),
				note("3.4 A reintegration should be initiated at the point a decision has been made for the pupil to return to mainstream. The Re-integration Plan should be drafted and be ready to use prior to the pupils return to school."),
				date("decision", "Date the decision was made for the pupil to return to mainstream"),
				date("drafted", "Date the Re-integration Plan was drafted").req().dated(),
				date("return", "Date of the pupil's return to school").req().bound(caseStart),
				choice("meeting_by", "Reintegration planning meeting arranged by",
					[]string{"the AP (3.6: the school receives an invitation)", "the local authority's Inclusions Team (3.7)"},
					[]string{"ap", "inclusions_team"}),
				date("meeting_date", "Date of the reintegration planning meeting"),
				note("3.8 All AP placements are time limited, with a start and end date that will be agreed on the Individual Placement Agreement (IPA)."),
				date(model.FieldPlacementStart, "AP placement start date (IPA)").req(),
				date(model.FieldPlacementEnd, "AP placement end date (IPA)").req(),
				note("3.9 A direction off-site would not be considered within the first term after the pupil has returned to their referring school. Pupils must be given reasonable time and support to settle into their environment."),
			}},
			{Title: "The agreed minimum expectations for a reintegration:", Fields: []Field{
				{Kind: Note, Title: "What the plan puts in place for each step:", Table: haveringSteps},
				table("reviews", "Regular and timely reviews are held and recorded on the Reintegration Plan",
					dateCol("date", "Review date"), longCol("progress", "Progress"), longCol("support", "Further support required")).
					rows(6).bound(reviewRows("date", "progress")),
				long(model.FieldBuddy, "Support staff and buddy are available to ensure pupil feels welcome: who they are").req().
					hint("type who the support staff and the buddy are"),
				long(model.FieldAdjustments, "Reasonable adjustments are explored and put in place: what they are").req().
					hint("type the reasonable adjustments, one a line"),
			}},
			{Fields: []Field{
				signature(model.FieldParentSigned, "Parent/carer"),
				signature("pupil_signed", "Pupil"),
				signature(model.FieldSchoolSigned, "Receiving school"),
				signature(model.FieldAPSigned, "Alternative provision"),
			}},
		},
		Checks: []Check{
			inOrder(model.FieldPlacementStart, model.FieldPlacementEnd, "IPA end date"),
			inOrder("decision", "return", "return date"),
		},
	}
}
