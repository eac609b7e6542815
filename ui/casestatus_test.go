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
// rules count by, the note beside it, the date it closed and who closed
// it; the Overview then shows all three.
func TestCloseThePlan(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("enter", "x")
	d.mustSee("Close the plan", "Successful: back in full-time education", "Moved to another provision")
	d.keys("down", "enter", "Moved to a specialist setting", "enter", "enter", "enter")
	d.mustSee("Closed by: type the name of the person closing the plan")
	d.keys("Ms R Khan", "enter")
	d.mustSee("Plan closed on 04/11/2026: unsuccessful.")
	got := caseOf(t, d, "Sam Taylor")
	if got.Status != model.Closed || !got.Closed.Equal(testOn) || got.Outcome != model.Unsuccessful ||
		got.OutcomeNote != "Moved to a specialist setting" || got.ClosedBy != "Ms R Khan" || !got.ClosedOver.IsZero() {
		t.Fatalf("after closing: status %q on %s, outcome %q, note %q, by %q, over %+v", got.Status, got.Closed,
			got.Outcome, got.OutcomeNote, got.ClosedBy, got.ClosedOver)
	}
	d.mustSee("Closed     04/11/2026 by Ms R Khan", "Outcome    Unsuccessful · Moved to a specialist setting")
}

// A plan cannot close on a day still to come, nor before it started.
func TestCloseDateHasHappened(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("enter", "x", "enter", "enter")
	clearInput(d)
	d.keys("05/11/2026", "enter")
	d.mustSee("Closed on: 05/11/2026 is in the future (today is 04/11/2026): type the date it was closed")
	clearInput(d)
	d.keys("01/11/2026", "enter")
	d.mustSee("Closed on: it must be on or after 02/11/2026")
	if got := caseOf(t, d, "Sam Taylor"); got.Status != model.Active {
		t.Fatalf("the plan was closed on a refused date: %q", got.Status)
	}
}

// 002 s5.2-5.3: Aisha's plan has no written consent, a blocker. Closing it
// all the same says which blockers are open and asks why; the reason and
// the blockers are recorded with the case and shown on the Overview.
func TestCloseWithABlockerOpenAsksWhy(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("c", "aisha", "enter", "x", "down", "down", "enter", "Family moved away", "enter")
	clearInput(d)
	d.keys("04/11/2026", "enter", "Mr T Green", "enter")
	d.mustSee("1 blocker is still open", "no written agreement from a parent or carer (consent.parent)",
		"Why close the plan with them open?")
	d.keys("enter")
	d.mustSee("Why close with blockers open: type why the plan is closed while they are open")
	if got := caseOf(t, d, "Aisha Khan"); got.Status == model.Closed {
		t.Fatal("closed with a blocker open and no reason")
	}
	d.keys("The family moved to Leeds before it started", "enter")
	d.mustSee("Plan closed on 04/11/2026: moved to another provision.", "Blockers   open when closed: consent.parent",
		"why: The family moved to Leeds before it started")
	got := caseOf(t, d, "Aisha Khan")
	if got.Outcome != model.MovedProvision || len(got.ClosedOver.Blockers) != 1 || got.ClosedOver.Blockers[0] != "consent.parent" ||
		got.ClosedOver.Reason != "The family moved to Leeds before it started" {
		t.Fatalf("closed: outcome %q, over %+v", got.Outcome, got.ClosedOver)
	}
}

// 002 s5.10: an extension is agreed on a day that has come.
func TestExtensionAgreedNotInTheFuture(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("enter", "e", "18/12/2026", "enter", "Anxiety about the return", "enter", "y")
	clearInput(d)
	d.keys("10/11/2026", "enter")
	d.mustSee("Agreed on: 10/11/2026 is in the future (today is 04/11/2026): type the date it was agreed")
	if ext := caseOf(t, d, "Sam Taylor").Extensions; len(ext) != 0 {
		t.Fatalf("an extension agreed in the future was saved: %+v", ext)
	}
}
