package forms

import "reintegrate/model"

// newWorcsOutcomeSuccessful builds 001 "SUCCESSFUL Reintegration Outcome Form to
// be completed by Host School", returned via the Children's Services Portal
// so the Fair Access weightings can be adjusted (001 process 9, 10).
func newWorcsOutcomeSuccessful() *Template {
	return &Template{
		ID: model.TemplateWorcsOutcomeSuccessful, Title: "SUCCESSFUL Reintegration Outcome Form to be completed by Host School",
		Pack: model.Worcestershire, Source: "001 SUCCESSFUL Reintegration Outcome Form; process 9",
		Kinds: []model.Kind{model.APReintegration},
		Sections: []Section{{Fields: []Field{
			short("pupil", "Child/YP's Name & DOB").req().bound(pupilNameDOB).hint(nameDOBHint),
			long("address", "Address").lines(2),
			short("ap_setting", "Alternative Provision Setting").bound(involvementName(model.APSetting)),
			short("host_school", "Host School").bound(involvementName(model.HostSchool)),
			short("parent", "Parent/Carer").bound(consentParent),
			date("on_roll", "Date child/yp placed on roll").req().dated().bound(outcome(model.Successful)),
			worcsYesNo(model.FieldJoinerForm, "Joiner Form completed on Children's Services Portal").req(),
			note("NB The Alternative Provision Setting must notify the LA using the Children's Services Portal (https://capublic.worcestershire.gov.uk/InYearAdmissions/Homepage.aspx) by completing a Leavers Form on the Children's Services Portal"),
			date("returned", "Date this form was returned via the Children's Services Portal (001 process 9)").
				bound(notified(model.SchoolAdmissions, "outcome")),
		}}},
	}
}
