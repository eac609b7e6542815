package forms

import "reintegrate/model"

// newWorcsOutcomeUnsuccessful builds 001 "UNSUCCESSFUL Reintegration Outcome Form
// to be completed by Home School" (001 process 9).
func newWorcsOutcomeUnsuccessful() *Template {
	return &Template{
		ID: model.TemplateWorcsOutcomeUnsuccessful, Title: "UNSUCCESSFUL Reintegration Outcome Form to be completed by Home School",
		Pack: model.Worcestershire, Source: "001 UNSUCCESSFUL Reintegration Outcome Form; process 9",
		Kinds: []model.Kind{model.APReintegration},
		Sections: []Section{{Fields: []Field{
			short("pupil", "Child/YP's Name & DOB").req().bound(pupilNameDOB).hint(nameDOBHint),
			long("address", "Address").lines(2),
			short("ap_setting", "Alternative Provision Setting").bound(involvementName(model.APSetting)),
			short("host_school", "Host School").bound(involvementName(model.HostSchool)),
			short("parent", "Parent/Carer").bound(consentParent),
			long("reasons", "Reasons for failure if different to those included in Review form"),
			long("provision", "What provision has home school put in place for the child/yp to return?"),
			date(model.FieldReturnToAP, "Date of Return to Alternative Provision Setting").req().dated().bound(outcome(model.Unsuccessful)),
			short("completed_by", "Name of Person Completing this form").req().hint("type your name"),
			note("The Host School must notify the LA using the Children's Services Portal (https://capublic.worcestershire.gov.uk/InYearAdmissions/Homepage.aspx) that the student has been deleted from their roll under Regulation 8 (1)(c) The Education (Pupil Registration) (England) Regulations 2006."),
			date("returned", "Date this form was returned via the Children's Services Portal (001 process 9)").
				bound(notified(model.SchoolAdmissions, "outcome")),
		}}},
	}
}
