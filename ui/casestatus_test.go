package ui

import (
	"strings"
	"testing"

	"reintegrate/model"
)

// caseOf is the stored case of the pupil (the first, by id).
func caseOf(t *testing.T, d *driver, pupil string) model.Case {
	t.Helper()
	d.store.mu.Lock()
	defer d.store.mu.Unlock()
	for _, fc := range d.store.sorted() {
		if fc.c.Pupil.Name == pupil {
			return fc.c
		}
	}
	t.Fatalf("no case for %s", pupil)
	return model.Case{}
}

// A draft starts only when nothing blocks it: the blockers are what the
// protocols need in place first (002 s5.2-5.3: written parental consent).
func TestStartThePlan(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("c", "aisha", "enter")
	d.mustSee("Reintegration after suspension · draft", "s start the plan")
	d.keys("s")
	d.mustSee("Not started: 1 blocker to clear first (Findings, tab 2): no written agreement from a parent")
	if got := caseOf(t, d, "Aisha Khan"); got.Status != model.Draft {
		t.Fatalf("a blocked plan was started: status %q", got.Status)
	}

	d.store.mu.Lock()
	for _, fc := range d.store.cases {
		if fc.c.Pupil.Name == "Aisha Khan" {
			fc.c.Consent = model.Consent{ParentName: "R Khan", Signed: date("2026-11-03")}
		}
	}
	d.store.mu.Unlock()
	d.keys("r", "s")
	d.mustSee("Start the plan: nothing blocks it", "16/11/2026")
	d.keys("enter")
	d.mustSee("Plan started: the pupil is on the register from 16/11/2026.")
	if got := caseOf(t, d, "Aisha Khan"); got.Status != model.Active || !got.Start.Equal(date("2026-11-16")) {
		t.Fatalf("after starting: status %q from %s, want active from 16/11/2026", got.Status, got.Start)
	}
}

// 002 s5.10: an extension records the new end, why, and the parent's
// agreement (the extension.justified rule reads all three).
func TestExtendThePlan(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("enter", "e")
	d.mustSee("Extend the plan (now ending 11/12/2026)")
	d.keys("04/12/2026", "enter")
	d.mustSee("New planned end: it must be on or after 11/12/2026")
	for range 10 {
		d.keys("backspace")
	}
	d.keys("18/12/2026", "enter", "Anxiety about the return after illness", "enter", "y", "enter")
	d.mustSee("Plan extended.")
	ext := caseOf(t, d, "Sam Taylor").Extensions
	if len(ext) != 1 || !ext[0].NewEnd.Equal(date("2026-12-18")) || !ext[0].ParentAgreed ||
		!strings.HasPrefix(ext[0].Reason, "Anxiety") || !ext[0].Agreed.Equal(testOn) {
		t.Fatalf("extensions = %+v, want one to 18/12/2026, agreed today with the parent and a reason", ext)
	}
}

// Closing records the typed outcome the reports and the Worcestershire
// rules count by, the note beside it, and the date it closed.
func TestCloseThePlan(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("enter", "x")
	d.mustSee("Close the plan", "Successful: back in full-time education")
	d.keys("down", "enter", "Moved to a specialist setting", "enter", "enter")
	d.mustSee("Plan closed.")
	got := caseOf(t, d, "Sam Taylor")
	if got.Status != model.Closed || !got.Closed.Equal(testOn) ||
		got.Outcome != model.Unsuccessful || got.OutcomeNote != "Moved to a specialist setting" {
		t.Fatalf("after closing: status %q on %s, outcome %q, note %q", got.Status, got.Closed, got.Outcome, got.OutcomeNote)
	}
}
