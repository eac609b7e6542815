package forms

import (
	"strings"
	"testing"
	"unicode"

	"reintegrate/model"
)

// Validation speaks the user's terms: each problem names the field and says
// what to type.
func TestValidate(t *testing.T) {
	c := sampleCase(model.ReducedTimetable)
	looked := c
	looked.Pupil.Flags = []model.Flag{model.LookedAfter}
	ks4 := sampleCase(model.APReintegration)
	ks4.Pupil.YearGroup = "Y11"
	tests := []struct {
		name   string
		t      *Template
		c      model.Case
		fields map[string]string
		field  string // the field the message must name ("" for no problem)
		says   string
	}{
		// 002 appendix 1: a UK date, DD/MM/YYYY.
		{"impossible date", bwmatPlan, c, map[string]string{model.FieldMeetingDate: "31/02/2026"},
			"Date of Meeting", "type a date as DD/MM/YYYY, for example 02/11/2026"},
		{"US date", bwmatPlan, c, map[string]string{model.FieldMeetingDate: "10/30/2026"},
			"Date of Meeting", "DD/MM/YYYY"},
		{"required date", bwmatPlan, c, map[string]string{model.FieldMeetingDate: ""},
			"Date of Meeting", "this is needed: type a date as DD/MM/YYYY"},
		// 002 s5.10: the timetable has a time limit, so it ends after it starts.
		{"end before start", bwmatPlan, c, map[string]string{"start": "02/11/2026", "end": "30/10/2026"},
			"End date of timetable", "must be after the start date of timetable (02/11/2026)"},
		// 002 appendix 1: reviews within 2, 4 and 6 weeks of the start, inside the plan.
		{"review too late", bwmatPlan, c, map[string]string{"start": "02/11/2026", "end": "11/12/2026", model.FieldReview2Weeks: "20/11/2026"},
			"Review Meeting Dates (within 2 weeks of the start date)", "within 2 weeks of the start date, by 16/11/2026"},
		{"review before start", bwmatPlan, c, map[string]string{"start": "02/11/2026", model.FieldReview2Weeks: "01/11/2026"},
			"Review Meeting Dates (within 2 weeks of the start date)", "must come after the start date (02/11/2026)"},
		{"review after end", bwmatPlan, c, map[string]string{"start": "02/11/2026", "end": "04/12/2026", model.FieldReviewFinal: "11/12/2026"},
			"Review Meeting Dates (within 6 weeks of the start date)", "inside the plan, which ends on 04/12/2026"},
		{"reviews out of order", bwmatPlan, c, map[string]string{"start": "02/11/2026", model.FieldReview2Weeks: "16/11/2026", model.FieldReview4Weeks: "13/11/2026"},
			"Review Meeting Dates (within 4 weeks of the start date)", "after the review before it (16/11/2026)"},
		// 002 appendix 1: "I do not agree ... for the following reasons".
		{"disagree without reasons", bwmatPlan, c, map[string]string{model.FieldParentAgrees: "no", "parent_reasons": ""},
			"The reasons I do not agree", "type the reasons"},
		{"not a choice", bwmatPlan, c, map[string]string{model.FieldParentAgrees: "maybe"},
			"Please delete as applicable", "choose 1 (1. I agree"},
		// 001 Consent form: YES or NO.
		{"yes/no", worcsConsent, sampleCase(model.APReintegration), map[string]string{model.FieldParentAgrees: "perhaps"},
			"Does the parent agree to a reintegration?", "type YES or NO"},
		// 001 initial meeting: the final review within 6 weeks of the start (process 4).
		{"final review after 6 weeks", worcsInitialMeeting, sampleCase(model.APReintegration),
			map[string]string{"start": "02/11/2026", model.FieldReviewFinal: "16/12/2026"},
			"Final Review Date (6 weeks)", "within 6 weeks of the start date, by 14/12/2026"},
		// 000: the Virtual School at the meeting for a child We Care For.
		{"attendee by flag", oxonPlan, looked, map[string]string{"virtual_school.name": ""},
			"one that We Care For (the Virtual School), name", "needed because the pupil is looked after"},
		// 003 s3.8: the IPA's end after its start.
		{"IPA end before start", haveringPlan, sampleCase(model.APReintegration),
			map[string]string{model.FieldPlacementStart: "01/09/2026", model.FieldPlacementEnd: "01/08/2026"},
			"AP placement end date (IPA)", "must be after the ap placement start date (ipa) (01/09/2026)"},
		// 004: weekly contact, each line dated.
		{"undated contact", hillingdonPlacement, ks4, map[string]string{model.FieldContactLog: "04/11/2026 call\nvisit"},
			"Contact log", "line 2 does not start with a date"},
		// 004: a KS4 pupil's September destination.
		{"KS4 destination", hillingdonPlacement, ks4, map[string]string{model.FieldSeptemberDestination: ""},
			"Post 16 options and the planned September destination", "needed because the pupil is in Key Stage 4"},
		// A timetable week must begin on a Monday.
		{"timetable week", bwmatPlan, c, map[string]string{"timetable.0.week": "2026-11-03"},
			"Timetable, week 1", "must be a Monday"},
		{"timetable session", bwmatPlan, c, map[string]string{"timetable.0.week": "2026-11-02", "timetable.0.mon.am": "Q"},
			"Timetable, week 1, mon am", "type S (in school)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := filled(tt.t, tt.c, sampleSchool())
			for k, v := range tt.fields {
				rec.Fields[k] = v
			}
			var got []string
			for _, fe := range tt.t.Validate(rec, tt.c) {
				got = append(got, fe.Error())
				if fe.Field == tt.field && strings.Contains(fe.Message, tt.says) {
					return
				}
			}
			t.Errorf("no %q: %q; got\n%s", tt.field, tt.says, strings.Join(got, "\n"))
		})
	}
}

// A form filled as the golden tests fill it, with the case's own dates,
// has no problems: the checks do not cry wolf.
func TestValidateFilledForms(t *testing.T) {
	for _, tmpl := range Templates() {
		c := sampleCase(tmpl.Kinds[0])
		rec := filled(tmpl, c, sampleSchool())
		for _, fe := range tmpl.Validate(rec, c) {
			t.Errorf("%s: %v", tmpl.ID, fe)
		}
	}
}

// Every message for a needed field that is blank names the field and says
// what to type in a sentence a person would write: no "type the the", no
// title pasted in with its capitals or brackets ("type the (date)").
func TestNeededMessagesSayWhatToType(t *testing.T) {
	c := sampleCase(model.ReducedTimetable)
	c.Pupil.YearGroup = "Y11"
	c.Pupil.Flags = []model.Flag{model.LookedAfter, model.EHCP, model.YouthJustice, model.ChildProtection}
	for _, tmpl := range Templates() {
		for _, fe := range tmpl.Validate(model.FormRecord{Template: tmpl.ID}, c) {
			msg := fe.Error()
			_, what, _ := strings.Cut(fe.Message, ": ")
			switch {
			case fe.Field == "" || !strings.HasPrefix(msg, fe.Field+": "):
				t.Errorf("%s: %q does not start with the field's name", tmpl.ID, msg)
			case !strings.HasPrefix(what, "type ") && !strings.HasPrefix(what, "choose "):
				t.Errorf("%s: %q does not say what to type or choose", tmpl.ID, msg)
			case strings.Contains(what, "the the ") || strings.HasPrefix(what, "type the this ") || strings.HasPrefix(what, "type the ("):
				t.Errorf("%s: %q reads badly", tmpl.ID, msg)
			case strings.HasPrefix(what, "type the ") && keepsCapital(strings.TrimPrefix(what, "type the ")):
				t.Errorf("%s: %q keeps the title's capital", tmpl.ID, msg)
			}
		}
	}
}

// keepsCapital: a phrase starting with a capital that is not an acronym.
func keepsCapital(s string) bool {
	word, _, _ := strings.Cut(s, " ")
	return unicode.IsUpper([]rune(s)[0]) && word != strings.ToUpper(word)
}
