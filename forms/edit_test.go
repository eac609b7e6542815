package forms

import (
	"testing"

	"reintegrate/model"
)

// A form opens with what the case and the pupil already say; a resumed or
// earlier record wins where it has an answer, but its blanks do not hide
// what the case has learnt since.
func TestEditPrefill(t *testing.T) {
	c := sampleCase(model.ReducedTimetable)
	c.Consent.ParentName = "Jo Taylor"
	fresh := bwmatPlan.Edit(c, sampleSchool(), nil, false).Record(model.Date{})
	for key, want := range map[string]string{"pupil_name": "Zoë Nguyễn-Łukasz", "school_name": "St Anne's C of E Primary School",
		"start": "2026-11-02", "end": "2026-12-11", "reasons": "mental_health", "child_in_need": "yes", "looked_after": "no",
		model.FieldReview2Weeks: "2026-11-16", model.FieldReviewFinal: "2026-12-11", // 6 weeks falls after the end: the end
		model.FieldParentSigned + ".name": "Jo Taylor", "people.0.name": "A Patel", "people.0.role": "Social worker",
		"timetable.0.week": "2026-11-02", "timetable.0.mon.am": "school 150", "timetable.0.fri.pm": "offsite"} {
		if got := fresh.Fields[key]; got != want {
			t.Errorf("fresh %s = %q, want %q", key, got, want)
		}
	}
	if _, ok := fresh.Fields["timetable.0.mon.pm"]; ok {
		t.Error("a session with nothing planned was stored")
	}

	prior := model.FormRecord{Template: bwmatPlan.ID, Version: 3, Fields: map[string]string{
		"location": "Room 4", "start": "", "people.0.name": "K Osei", "people.0.role": "SEND team"}}
	resumed := bwmatPlan.Edit(c, sampleSchool(), &prior, false).Record(model.Date{})
	for key, want := range map[string]string{"location": "Room 4", "start": "2026-11-02",
		"people.0.name": "K Osei", "people.0.role": "SEND team", "pupil_name": "Zoë Nguyễn-Łukasz"} {
		if got := resumed.Fields[key]; got != want {
			t.Errorf("resumed %s = %q, want %q", key, got, want)
		}
	}
}

// A part-done form resumed keeps its version; a completed one is never
// overwritten: editing it makes the next version.
func TestEditVersions(t *testing.T) {
	c := sampleCase(model.ReducedTimetable)
	first := bwmatPlan.Edit(c, sampleSchool(), nil, false).Record(model.MustDate("2026-10-30"))
	if first.Version != 1 {
		t.Fatalf("first version %d", first.Version)
	}
	AddRecord(&c, first)
	second := bwmatPlan.Edit(c, sampleSchool(), &first, false).Record(model.Date{})
	if second.Version != 2 {
		t.Fatalf("editing a completed form made version %d", second.Version)
	}
	AddRecord(&c, second)
	resumed := bwmatPlan.Edit(c, sampleSchool(), &second, false).Record(model.MustDate("2026-11-01"))
	if resumed.Version != 2 {
		t.Fatalf("resuming part-done version 2 made version %d", resumed.Version)
	}
	AddRecord(&c, resumed)
	if len(c.Forms) != 2 || c.Forms[0].Completed != first.Completed || c.Forms[1].Completed.IsZero() {
		t.Errorf("forms after saving = %+v", c.Forms)
	}
	if rec, _ := c.Form(bwmatPlan.ID); rec.Version != 2 {
		t.Errorf("latest = version %d", rec.Version)
	}
}

// Which templates a case gets: its kind's, from the packs that are on, in
// protocol order.
func TestForCase(t *testing.T) {
	packs := model.Packs{On: []model.Pack{model.National, model.BWMAT, model.Havering}}
	var got []string
	for _, tmpl := range ForCase(sampleCase(model.ReducedTimetable), packs) {
		got = append(got, tmpl.ID)
	}
	if want := []string{model.TemplateBWMATPlan, model.TemplateBWMATRiskAssessment}; !equal(got, want) {
		t.Errorf("reduced timetable: %v, want %v", got, want)
	}
	got = nil
	for _, tmpl := range ForCase(sampleCase(model.APReintegration), packs) {
		got = append(got, tmpl.ID)
	}
	if want := []string{model.TemplateHaveringPlan}; !equal(got, want) {
		t.Errorf("AP reintegration: %v, want %v", got, want)
	}
	for i, tmpl := range Templates() {
		if tmpl.ID != model.Templates[i] {
			t.Errorf("template %d is %s, want %s (model.Templates' order)", i, tmpl.ID, model.Templates[i])
		}
		if found, ok := Lookup(tmpl.ID); !ok || found != tmpl {
			t.Errorf("Lookup(%s) failed", tmpl.ID)
		}
	}
	if _, ok := Lookup("nope"); ok {
		t.Error("Lookup found a template that does not exist")
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Every template is well formed: keys unique, choices with their values,
// tables with columns, and every binding's record keys its own.
func TestTemplatesWellFormed(t *testing.T) {
	for _, tmpl := range Templates() {
		seen := map[string]bool{}
		for _, in := range tmpl.allInputs() {
			if seen[in.key] {
				t.Errorf("%s: key %s twice", tmpl.ID, in.key)
			}
			seen[in.key] = true
			if in.title == "" || in.label == "" {
				t.Errorf("%s: %s has no title", tmpl.ID, in.key)
			}
			if (in.kind == Choice || in.kind == Rating || in.kind == MultiChoice) && (len(in.options) == 0 ||
				(in.values != nil && len(in.values) != len(in.options))) {
				t.Errorf("%s: %s options %v values %v", tmpl.ID, in.key, in.options, in.values)
			}
		}
		for _, f := range tmpl.Fields() {
			if f.Kind == Rows && len(f.Columns) == 0 {
				t.Errorf("%s: table %s has no columns", tmpl.ID, f.Key)
			}
			if f.Kind.answers() && f.Key == "" {
				t.Errorf("%s: %q has no key", tmpl.ID, f.Title)
			}
		}
	}
}

// 001's forms, the Reintegration Timetable last as the seed has it, are
// offered for a reintegration from alternative provision and for nothing
// else: "this form is only to be used for those children/young people to
// be reintegrated from alternative provision, who are not already also on
// the roll of a mainstream school" (001 Procedures), so the seed is not
// wider than that kind.
func TestForCaseWorcestershire(t *testing.T) {
	packs := model.Packs{On: []model.Pack{model.National, model.Worcestershire}}
	var got []string
	for _, tmpl := range ForCase(sampleCase(model.APReintegration), packs) {
		got = append(got, tmpl.ID)
	}
	want := []string{model.TemplateWorcsConsent, model.TemplateWorcsInformation, model.TemplateWorcsViews,
		model.TemplateWorcsInitialMeeting, model.TemplateWorcsReview, model.TemplateWorcsOutcomeSuccessful,
		model.TemplateWorcsOutcomeUnsuccessful, model.TemplateWorcsFailedLetter, model.TemplateWorcsTimetable}
	if !equal(got, want) {
		t.Errorf("AP reintegration: %v, want %v", got, want)
	}
	for _, kind := range []model.Kind{model.ReducedTimetable, model.SuspensionReintegration} {
		if got := ForCase(sampleCase(kind), packs); len(got) != 0 {
			t.Errorf("%s: offered %d Worcestershire forms, want none", kind, len(got))
		}
	}
}
