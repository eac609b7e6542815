package forms

import "reintegrate/model"

// newWorcsReview builds 001 "Reintegration Review (or Emergency Review) Meeting":
// each review, and the emergency review that must include the AP setting,
// the family and the Local Authority (001 process 6, 7).
func newWorcsReview() *Template {
	return &Template{
		ID: model.TemplateWorcsReview, Title: "Reintegration Review (or Emergency Review) Meeting",
		Pack: model.Worcestershire, Source: "001 Reintegration Review (or Emergency Review) Meeting; process 6, 7",
		Kinds:   []model.Kind{model.APReintegration},
		Repeats: true,
		Sections: []Section{
			{Fields: []Field{
				choice(model.FieldReviewKind, "Review or Emergency Review",
					[]string{"Review", "Emergency Review", "Final Review"},
					[]string{model.ReviewKindReview, model.ReviewKindEmergency, model.ReviewKindFinal}).req(),
				date(model.FieldMeetingDate, "Date of Meeting").req().dated().bound(reviewMeeting(reviewKeys{
					kind: model.FieldReviewKind, parent: "parent", child: model.FieldChildSigned + ".name", notes: "outcome"})),
				short("pupil", "Child/YP's Name & DOB").req().bound(pupilNameDOB).hint(nameDOBHint),
				long("address", "Address (if this has changed since previous meeting)").lines(2),
				short("ap_rep", "Alternative Provision Representative"),
				yesno(model.FieldAPAttended, "Did the Alternative Provision Representative attend?"),
				short("host_rep", "Host School Representative"),
				short("parent", "Parent/Carer").help("The parent/carer at the meeting; leave blank if none attended."),
				yesno(model.FieldLAAttended, "Did the Local Authority attend? (an emergency review must include the Local Authority, 001 process 7)"),
				long("progress", "Progress towards integration:"),
				long("support", "School support including level of success to date:"),
				long("concerns", "Issues causing concern and suggestions for improvement:"),
				long("additional_support", "Additional Support Required:"),
				long("additional_info", "Additional information:"),
				long("outcome", "Outcome of review:"),
				date("next_meeting", "Date of next meeting:").bound(nextReview),
				note("If this is the final meeting, please complete the Outcome Form"),
			}},
			{Title: "Attendees Signatures:", Fields: attendeeSignatures(false)},
			{Fields: []Field{
				note("If a reintegration is failing prior to a review meeting, an emergency review should be held and documented including reasons for failure and what measures could be put in place to avoid failure, use this Review form to document details and refer back to step 7 of the process."),
			}},
		},
		Checks: []Check{inOrder(model.FieldMeetingDate, "next_meeting", "next meeting")},
	}
}
