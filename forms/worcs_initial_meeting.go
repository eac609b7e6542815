package forms

import "reintegrate/model"

// newWorcsInitialMeeting builds 001 "Reintegration Initial Meeting": completed and
// signed by all parties at the meeting, with the review dates at 2, 4 and
// 6 weeks (001 process 4).
func newWorcsInitialMeeting() *Template {
	return &Template{
		ID: model.TemplateWorcsInitialMeeting, Title: "Reintegration Initial Meeting",
		Pack: model.Worcestershire, Source: "001 Reintegration Initial Meeting; process 4",
		Kinds: []model.Kind{model.APReintegration},
		Sections: []Section{
			{Fields: []Field{
				date(model.FieldMeetingDate, "Date of Meeting").req().dated().bound(caseAgreed),
				short("pupil", "Child/YP's Name and DOB").req().bound(pupilNameDOB).hint(nameDOBHint),
				long("address", "Address").lines(2),
				short("ap_setting", "Name of Alternative Provision Setting").bound(involvementName(model.APSetting)),
				short("ap_rep", "Alternative Provision Setting Representative"),
				short("host_school", "Name of Host School").bound(involvementName(model.HostSchool)),
				long("host_rep", "Host School Representative including Key Worker and Head").lines(2),
				short("present", "Parent and Child/YP present"),
				long("reasons", "Reasons for the reintegration"),
				long("why_successful", "Why do staff from the Alternative Provision setting think the reintegration will be successful?"),
			}},
			{Title: "What needs to happen for the Reintegration to be a success? Clear expectations for all parties involved need to be set out here:", Fields: []Field{
				long("child_will", "The child/yp will:"),
				long("school_will", "The receiving school will:"),
				short(model.FieldNamedPerson, "Named contact and contact details at the Host school for the child and parent/carer:").bound(namedPerson),
				long("parent_will", "The child/YP's parent/carer will:"),
				long("ap_support", "What support will the Alternative Provision setting provide throughout the reintegration?:"),
				long("other_agency", "Other agency commitment to the reintegration:"),
				date("start", "Reintegration start date and time:").withTime().req().bound(caseStart),
				long(model.FieldTransport, "Transport Arrangements:").req().hint("type the transport arrangements, or that none are needed").
					help("001 Transport: arrangements (if required) must be considered at this meeting; write \"none needed\" if so."),
				long("uniform", "Uniform Arrangements:"),
			}},
			{Fields: []Field{
				date(model.FieldReview2Weeks, "First Interim Review Date (2 weeks):").req().bound(reviewDue(0, model.ReviewKindReview)),
				date(model.FieldReview4Weeks, "Second Interim Review Date (4 weeks):").req().bound(reviewDue(1, model.ReviewKindReview)),
				date(model.FieldReviewFinal, "Final Review Date (6 weeks):").req().bound(reviewDue(2, model.ReviewKindFinal)),
			}},
			// "completed and signed by all parties at this meeting" (001 process 4).
			{Title: "Attendees Signatures:", Fields: attendeeSignatures(true)},
		},
		Checks: []Check{
			reviewsInPlan("start", "", []string{model.FieldReview2Weeks, model.FieldReview4Weeks, model.FieldReviewFinal}, []int{2, 4, 6}),
		},
	}
}

// attendeeSignatures are the Worcestershire meeting forms' signatories;
// with all, the four parties must sign ("Other" never must).
func attendeeSignatures(all bool) []Field {
	fields := []Field{
		signature(model.FieldParentSigned, "Parent/Carer:"),
		signature(model.FieldChildSigned, "Child/YP:"),
		signature(model.FieldAPSigned, "Alternative Provision Setting:"),
		signature(model.FieldHostSigned, "Host School:"),
	}
	for i := range fields {
		fields[i].Required = all
	}
	return append(fields, signature("other_signed", "Other:"))
}
