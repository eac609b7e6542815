package forms

import (
	"slices"
	"strings"
	"testing"

	"reintegrate/model"
)

// Pressing Enter through the Worcestershire Initial Meeting with only the
// meeting's date typed no longer completes it: it is a draft, and what is
// missing is every party's signature (001 process 4: "completed and
// signed by all parties at this meeting") and the transport (001
// Transport). Before, it came out "completed" on the day it was typed.
func TestInitialMeetingEnterThroughIsADraft(t *testing.T) {
	c := sampleCase(model.APReintegration)
	on := model.MustDate("2026-12-03")
	d := worcsInitialMeeting.Edit(c, sampleSchool(), nil, false)
	drive(t, d.Form).fill(d, map[string]string{model.FieldMeetingDate: "30/10/2026"})
	if err := d.Validate(); err != nil {
		t.Fatalf("blanks are not problems: %v", err)
	}
	rec, missing := d.Finish(on)
	if !rec.Completed.IsZero() {
		t.Errorf("completed on %s with signatures and transport blank", rec.Completed.UK())
	}
	want := []string{"Transport Arrangements", "Parent/Carer: name, date signed", "Child/YP: name, date signed",
		"Alternative Provision Setting: name, date signed", "Host School: name, date signed"}
	if !slices.Equal(missing, want) {
		t.Errorf("missing:\n%q\nwant\n%q", missing, want)
	}
}

// A form with everything it needs is completed on its own date: the
// meeting's, the parent's signature's, the assessment's (001, 002, 003,
// 000), not the day it was typed; a form with no date of its own (001
// Reintegration Information, 004) on the day it is saved.
func TestCompletedOnTheFormsOwnDate(t *testing.T) {
	typed := model.MustDate("2026-12-03")
	for _, tmpl := range Templates() {
		t.Run(tmpl.ID, func(t *testing.T) {
			c := sampleCase(tmpl.Kinds[0])
			d := tmpl.Edit(c, sampleSchool(), nil, false)
			for k, v := range filled(tmpl, c, sampleSchool()).Fields {
				if p, ok := d.text[k]; ok {
					in, _ := inputByKey(d, k)
					*p = in.display(v)
				} else if p, ok := d.multi[k]; ok {
					*p = strings.Split(v, "\n")
				}
			}
			rec, missing := d.Finish(typed)
			if len(missing) > 0 {
				t.Fatalf("a filled form is missing %q", missing)
			}
			want := typed
			if f := tmpl.datedField(); f != nil {
				want, _ = Record{Fields: rec.Fields}.Date(f.Key)
			}
			if !rec.Completed.Equal(want) || rec.Completed.IsZero() {
				t.Errorf("completed %s, want %s", rec.Completed.UK(), want.UK())
			}
		})
	}
}

func inputByKey(d *Draft, key string) (input, bool) {
	for _, in := range d.inputs {
		if in.key == key {
			return in, true
		}
	}
	return input{}, false
}

// Each template's own date is one field, needed, and a date: the form
// cannot be completed without it.
func TestDatedFields(t *testing.T) {
	undated := []string{model.TemplateWorcsInformation, model.TemplateWorcsTimetable, model.TemplateHillingdonPlacement}
	for _, tmpl := range Templates() {
		var dated []*Field
		for _, f := range tmpl.Fields() {
			if f.Dates {
				dated = append(dated, f)
			}
		}
		switch {
		case slices.Contains(undated, tmpl.ID) && len(dated) == 0:
		case len(dated) != 1:
			t.Errorf("%s has %d dated fields, want 1", tmpl.ID, len(dated))
		case !dated[0].Required || (dated[0].Kind != Date && dated[0].Kind != Signature):
			t.Errorf("%s: its own date %s is not a needed date", tmpl.ID, dated[0].Key)
		}
	}
}

// What each template needs before it counts as completed, decided once in
// its definition from the seed's musts and what the rules read.
func TestRequiredByTemplate(t *testing.T) {
	for _, tc := range []struct {
		id      string
		needs   []string // among what an empty record misses
		neednot []string
	}{
		// 001 Consent Form: the parent's answers and signed consent (worcs.consent-before-approach).
		{model.TemplateWorcsConsent, []string{"Parent/Carer Name", "Does the parent agree to a reintegration?",
			"Parent/Carer's consent: name, date signed"}, []string{"Which school does the parent & young person wish to be considered for a reintegration?"}},
		// 001 process 4, Transport: all four parties sign; "Other" need not.
		{model.TemplateWorcsInitialMeeting, []string{"Date of Meeting", "Transport Arrangements", "Child/YP: name, date signed"},
			[]string{"Other: name, date signed"}},
		// 001 process 6: a review is dated; its signatures are not demanded.
		{model.TemplateWorcsReview, []string{"Date of Meeting", "Review or Emergency Review"}, []string{"Child/YP: name, date signed"}},
		// 002 appendix 1: signed by the school and a parent who chooses; the child's section is voluntary.
		{model.TemplateBWMATPlan, []string{"School Representative: name, date signed", "Please delete as applicable",
			"Name of parent: name, date signed"}, []string{"Name of child: name, date signed"}},
		// 002 s5.6: signed and dated by the school, the parent and, where applicable, the social worker.
		{model.TemplateBWMATRiskAssessment, []string{"School: name, date signed", "Parent/carer: name, date signed",
			"Social worker (where applicable): name, date signed"}, nil},
		// 000: the nine contents and the parent's signature.
		{model.TemplateOxonPlan, []string{"the proposed timetable with reintegration support to get back to full-time attendance within 6 weeks",
			"details of the review schedule", "the supportive interventions that will accompany this reduction in time at school",
			"outcome and exit strategies. How will all parties know that this short term exceptional arrangement has been successful?",
			"consideration should be given to whether alternative provision should be considered to meet need.",
			"Parent/carer: name, date signed"}, []string{"For the school: name, date signed"}},
	} {
		tmpl := mustLookup(tc.id)
		c := sampleCase(tmpl.Kinds[0]) // a Child in Need pupil with a social worker
		c.NamedPerson, c.Start, c.PlannedEnd, c.Reviews = "", model.Date{}, model.Date{}, nil
		missing := tmpl.Missing(model.FormRecord{Template: tc.id, Fields: map[string]string{}}, c, model.MustDate("2026-10-30"))
		for _, want := range tc.needs {
			if !slices.Contains(missing, want) {
				t.Errorf("%s: %q is not needed; missing:\n%s", tc.id, want, strings.Join(missing, "\n"))
			}
		}
		for _, not := range tc.neednot {
			if slices.Contains(missing, not) {
				t.Errorf("%s: %q is needed, want optional", tc.id, not)
			}
		}
	}
}

// A meeting form dated after today is not completed yet: it stays a draft
// until the day has come.
func TestFutureMeetingIsADraft(t *testing.T) {
	c := sampleCase(model.ReducedTimetable)
	rec := filled(bwmatPlan, c, sampleSchool())
	rec.Fields[model.FieldMeetingDate] = "2026-12-10"
	missing := bwmatPlan.Missing(rec, c, model.MustDate("2026-12-03"))
	if len(missing) != 1 || !strings.Contains(missing[0], "Date of Meeting: 10/12/2026 is after today") {
		t.Errorf("missing %q, want the meeting date after today", missing)
	}
	if m := bwmatPlan.Missing(rec, c, model.MustDate("2026-12-10")); len(m) != 0 {
		t.Errorf("on the meeting's day: missing %q", m)
	}
}
