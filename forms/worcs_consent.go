package forms

import "reintegrate/model"

// newWorcsConsent builds 001 "Reintegration Consent Form": "Consent to be gained
// from parent by current setting prior to approaching another school"
// (001 process 1).
func newWorcsConsent() *Template {
	return &Template{
		ID: model.TemplateWorcsConsent, Title: "Reintegration Consent Form",
		Pack: model.Worcestershire, Source: "001 Reintegration Consent Form; process 1",
		Kinds: []model.Kind{model.APReintegration},
		Sections: []Section{{Fields: []Field{
			note("Consent to be gained from parent by current setting prior to approaching another school for consideration of a reintegration"),
			short("pupil", "Child/YP's Name and DOB").req().bound(pupilNameDOB).hint(nameDOBHint),
			short("ap_setting", "Alternative Provision Setting").bound(involvementName(model.APSetting)),
			long("address", "Address").lines(2),
			long("parent_address", "Parent/Carer Address if different").lines(2).
				help("Leave blank when the parent/carer lives at the child's address: the case then records that the child lives with them."),
			short("parent_name", "Parent/Carer Name").req().hint(parentNameHint).bound(consentParent),
			short("relationship", "Relationship to child/yp").req().hint("type how they are related to the child, for example mother").bound(consentRelationship),
			worcsYesNo("parental_responsibility", "Does the above Parent/Carer have parental responsibility?").req(),
			worcsYesNo("other_parent_agreed", "Is there another parent with parental responsibility for a child? Has agreement over the reintegration been reached?"),
			worcsYesNo("understands_reasons", "Does the parent understand the reasons for the reintegration?").req(),
			worcsYesNo(model.FieldParentAgrees, "Does the parent agree to a reintegration?").req().bound(livesWithFromAddress),
			short("school_wished", "Which school does the parent & young person wish to be considered for a reintegration?"),
			note("I agree for the current setting to approach another school to discuss a reintegration for the above child/yp and understand the reasons for this. I consent to my child's information being shared."),
			signature(model.FieldParentSigned, "Parent/Carer's consent", col("name", "Name:"), signCol("Signed:"), dateCol("date", "Date:")).
				req().dated().bound(parentSigned(model.FieldParentAgrees)),
		}}},
	}
}

// livesWithFromAddress: a consenting parent with no "address if different"
// lives with the child (consent.parent asks for a parent the pupil
// normally lives with, reg 11(6) 2024 Regs).
var livesWithFromAddress = &Binding{Case: "consent.lives_with_pupil",
	Apply: func(c *model.Case, v Value) {
		if v.Get("") == model.AnswerYes && v.Other("parent_name") != "" {
			c.Consent.LivesWithPupil = v.Other("parent_address") == ""
		}
	}}
