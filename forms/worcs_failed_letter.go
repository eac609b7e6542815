package forms

import (
	"strings"

	"reintegrate/model"
)

// newWorcsFailedLetter builds 001 "Sample Letter in the case of a failed
// Reintegration": the seed's letter with its blanks filled from the case,
// and the reasons and the support put in place as lists to edit.
func newWorcsFailedLetter() *Template {
	return &Template{
		ID: model.TemplateWorcsFailedLetter, Title: "Sample Letter in the case of a failed Reintegration",
		Pack: model.Worcestershire, Source: "001 Sample Letter in the case of a failed Reintegration; process 7",
		Kinds:  []model.Kind{model.APReintegration},
		Letter: true,
		Sections: []Section{{Fields: []Field{
			date("letter_date", "Date of letter").req().dated(),
			short("parent", "(Name of Parent/Carer)").req().hint(parentNameHint).bound(consentParent),
			short("pupil", "(Child/YP's Name and DOB)").req().bound(pupilNameDOB).hint(nameDOBHint),
			short("home_school", "(name of home school").bound(involvementName(model.APSetting)).
				help("The home school (or AP setting) the reintegration was set up with."),
			date("initial_meeting", "(date of Initial Reintegration Meeting)").bound(initialMeetingDate),
			long("reasons", "The reasons for my decision are as follows:").req().hint("type the reasons for ending the reintegration, one a line").bound(failureReasons).sample(seedReasonsGuidance).
				help("The reasons for ceasing the reintegration should be provided in plain English. As is the case of a permanent exclusion, the head teacher should make it clear that any key incident has been investigated fully, check whether the incident was provoked by racial or sexual harassment, and allow the child to give their version of events. One reason a line."),
			date(model.FieldEndDate, "(date)").req().help("The date the decision to end the reintegration takes effect."),
			long("support", "I have also included details of the support that was put in place to support the reintegration:").bound(supportExamples).sample(seedSupportExamples).
				help("One item a line, for example mentoring/pastoral support; academic support – adapted curriculum/timetable; specific behaviour management strategies."),
			short("home_head", "(name of home school and name of head)").help("The home school's head teacher, who has been told of the decision."),
			short("copy_to", "(Head Teacher of home school)").help("Who the copy of the letter goes to."),
			note("{letter_date}"),
			note("Dear {parent}"),
			note("{pupil}"),
			note("I have today made the decision to end the reintegration arrangement that was set up with {home_school} and yourself/ves at our original meeting on {initial_meeting}."),
			note("The reasons for my decision are as follows:").text("{reasons}"),
			note("The decision to end the reintegration takes place with effect from {" + model.FieldEndDate + "}. I enclose details of the review meetings, previous warnings, fixed term exclusions and other disciplinary measures that have taken place during the period of the reintegration, that support my decision."),
			note("I have also included details of the support that was put in place to support the reintegration:").text("{support}"),
			note("The head teacher of {home_head} has been notified of my decision and would like to meet with you to discuss what will happen next. I would ask you to contact them urgently."),
			note("Yours sincerely"),
			signature("head_signed", "Head Teacher", col("name", "Head Teacher"), signCol("Signature:")),
			note("Copy sent to: {copy_to}\nSchool Admissions"),
		}}},
	}
}

// The seed's sample letter gives guidance where the reasons go and
// examples where the support goes: a letter printed before they are typed
// shows them, as the sample does.
const (
	seedReasonsGuidance = "- The reasons for ceasing the reintegration should be provided in plain English. As is the case of a permanent exclusion, the head teacher should\n" +
		"- make it clear that any key incident has been investigated fully,\n" +
		"- check whether the incident was provoked by racial or sexual harassment,\n" +
		"- allow the child to give their version of events."
	seedSupportExamples = "- Examples would be mentoring/pastoral support\n" +
		"- Academic support – adapted curriculum/timetable\n" +
		"- Specific behaviour management strategies"
)

// initialMeetingDate fills the letter from the Initial Meeting form.
var initialMeetingDate = &Binding{Case: "forms (worcs.initial-meeting meeting_date)",
	Fill: func(c model.Case, _ model.School, v Value) {
		if rec, ok := c.Form(model.TemplateWorcsInitialMeeting); ok {
			v.Set("", rec.Fields[model.FieldMeetingDate])
		}
	}}

// failureReasons starts the letter's reasons from the Unsuccessful Outcome
// form, else the latest review's concerns.
var failureReasons = &Binding{Case: "forms (worcs.outcome-unsuccessful, worcs.review)",
	Fill: func(c model.Case, _ model.School, v Value) {
		if rec, ok := c.Form(model.TemplateWorcsOutcomeUnsuccessful); ok && rec.Fields["reasons"] != "" {
			v.Set("", bulleted(rec.Fields["reasons"]))
			return
		}
		if rec, ok := c.Form(model.TemplateWorcsReview); ok {
			v.Set("", bulleted(rec.Fields["concerns"]))
		}
	}}

// supportExamples starts the support list with the seed's examples.
var supportExamples = &Binding{Case: "",
	Fill: func(_ model.Case, _ model.School, v Value) {
		v.Set("", "- Mentoring/pastoral support\n- Academic support – adapted curriculum/timetable\n- Specific behaviour management strategies")
	}}

// bulleted makes each line of text a "- " list item.
func bulleted(s string) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, "- "+strings.TrimPrefix(l, "- "))
		}
	}
	return strings.Join(lines, "\n")
}
