package forms

import "reintegrate/model"

// ratings are the Reintegration Information form's tick-box columns.
var ratings = []string{"Overall Good", "Overall Satisfactory", "Overall Poor"}
var ratingValues = []string{"good", "satisfactory", "poor"}

func rating(key, title string) Field {
	return Field{Key: key, Title: title, Kind: Rating, Options: ratings, Values: ratingValues}
}

// newWorcsInformation builds 001 "Reintegration Information": completed by the AP
// setting and parent before the Initial Meeting (001 Gathering information).
func newWorcsInformation() *Template {
	return &Template{
		ID: model.TemplateWorcsInformation, Title: "Reintegration Information",
		Pack: model.Worcestershire, Source: "001 Reintegration Information; Gathering information",
		Kinds: []model.Kind{model.APReintegration},
		Sections: []Section{
			{Fields: []Field{
				note("Information to be completed by Alternative Provision setting and parent prior Reintegration Initial Meeting."),
				short("pupil", "Child/YP's Name and DOB").req().bound(pupilNameDOB).hint(nameDOBHint),
				short("ap_setting", "Alternative Provision Setting").bound(involvementName(model.APSetting)),
				date("consent_date", "Date Parental Consent Gained").bound(consentSigned),
				short("proposed_school", "Proposed School").bound(involvementName(model.HostSchool)),
				note("Please tick one box for each category √"),
				rating("attainment", "Attainment"),
				rating("effort", "Effort"),
				rating("attitude_staff", "Attitude to staff"),
				rating("attitude_peers", "Attitude to Peers"),
				rating("homework", "Homework"),
				long("reasons", "Reasons for reintegration – why might a reintegration to this school be successful?"),
				short("send", "SEND Level/Category").bound(pupilSEND),
				short("lac", "LAC status").bound(pupilLAC),
				short("ethnicity", "Ethnicity"),
				short("attendance", "Attendance"),
				short("exclusions", "Exclusions (current academic year)"),
			}},
			{Fields: []Field{
				table("professionals", "Other relevant professionals",
					col("name", "Names of other relevant professionals involved"), longCol("involvement", "Current Level of Involvement")).rows(6),
				table("measures", "Measures already taken",
					longCol("measure", "Measures already taken by the Alternative Provision setting"), col("success", "Level of success")).rows(6),
				long("gcse", "(Key Stage 4) Subjects taken for GCSE and exam board"),
				long("alternative_curriculum", "Alternative curriculum arrangements currently in place"),
			}},
			{Title: "Transport", Fields: []Field{
				note("Transport – it is the responsibility of the Alternative Provision setting to liaise with the parent to ensure that the child will be able to get to the proposed school during the reintegration"),
				long("travel", "How will the child/yp get to the proposed school?"),
				worcsYesNo("parent_transport", "Has the parent/carer been involved in making transport arrangements for the reintegration?"),
				note("Please make sure any evidence of previous interventions and relevant documentation are included or attached."),
			}},
		},
	}
}
