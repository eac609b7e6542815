package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"reintegrate/model"
)

// clearInput deletes what an input holds (at most 20 characters).
func clearInput(d *driver) {
	for range 20 {
		d.keys("backspace")
	}
}

// recordSamsReview records the review due by 16/11/2026 for Sam Taylor,
// held on the day given, with the pupil and a parent taking part and what
// they said, from the Reviews tab.
func recordSamsReview(d *driver, held string) {
	d.keys("enter", "4", "a")
	d.mustSee("Which review is this?", "> The review due by 16/11/2026", "An extra review (not on the schedule)")
	d.keys("enter", "enter") // the due date picked, a planned review
	clearInput(d)
	d.keys(held, "enter")
	d.keys("space", "down", "space", "enter") // the pupil and a parent took part
	d.keys("Mornings are fine", "enter", "Wants Fridays kept short", "enter", "Full days from 16/11", "enter")
}

// 001 initial meeting; 002 appendix 1: recording the review due by
// 16/11/2026 marks that review held (it does not add a row beside it);
// the schedule and the Overview move on to 30/11/2026 at once, and the
// count is of reviews held.
func TestRecordingMarksTheScheduledReviewHeld(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("enter", "4")
	d.mustSee("Reviews held: 0", "next by 16/11/2026", "16/11/2026 not held")
	d.mustNotSee("Reviews recorded: 1") // the planned review is not a review held
	d.keys("esc", "esc")
	recordSamsReview(d, "04/11/2026")
	d.mustSee("Review recorded: held 04/11/2026.", "Reviews held: 1", "next by 30/11/2026",
		"16/11/2026 04/11/2026        review    pupil, parent or carer",
		"Pupil: Mornings are fine · Parent: Wants Fridays kept short · Decided: Full days")
	r := caseOf(t, d, "Sam Taylor").Reviews
	if len(r) != 1 || !r[0].Due.Equal(date("2026-11-16")) || !r[0].Held.Equal(testOn) ||
		!slices.Equal(r[0].Attended, []model.Role{model.PupilRole, model.ParentRole}) || !r[0].PupilViews ||
		!r[0].ParentAttended || r[0].Decisions != "Full days from 16/11" {
		t.Fatalf("reviews = %+v; want the planned review of 16/11/2026 marked held today with who took part", r)
	}
	d.keys("1")
	d.mustSee("Reviews    1 held · next by 30/11/2026")
}

// Held on must fall within the plan and not in the future: a date before
// the start and tomorrow are refused, naming the field and what to type,
// and nothing is saved.
func TestReviewHeldDateWithinThePlan(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("enter", "4", "a", "enter", "enter")
	clearInput(d)
	d.keys("03/12/2025", "enter")
	d.mustSee("Held on: 03/12/2025 is before the plan started on 02/11/2026: type a date from 02/11/2026 on")
	clearInput(d)
	d.keys("05/11/2026", "enter")
	d.mustSee("Held on: 05/11/2026 is in the future (today is 04/11/2026)")
	if d.store.saves != 0 {
		t.Fatalf("a review held on a refused date was saved")
	}
}

// A review picked from the schedule is held in its own fortnight: one
// held before it belongs to an earlier due date or is an extra review.
func TestReviewHeldInItsFortnight(t *testing.T) {
	store := newFakeStore(testSchool())
	seed(store)
	on := date("2026-11-20")
	clock := &fakeClock{clockStart}
	d := &driver{t: t, m: New(store, testSchool(), on, Options{Forms: fakeForms{}, IdleAfter: -1, Now: clock.now}),
		store: store, clock: clock, pace: time.Second}
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	d.keys("enter", "4", "a", "down", "enter", "enter") // the review due by 30/11/2026
	clearInput(d)
	d.keys("10/11/2026", "enter")
	d.mustSee("Held on: 10/11/2026 is before the fortnight of the review due by 30/11/2026 (17/11/2026 to", "type a date in it, or record an extra review")
	clearInput(d)
	d.keys("18/11/2026", "enter", "enter", "enter", "enter", "enter")
	d.mustSee("Review recorded: held 18/11/2026.")
	r := caseOf(t, d, "Sam Taylor").Reviews
	if len(r) != 2 || !r[1].Due.Equal(date("2026-11-30")) || !r[1].Held.Equal(date("2026-11-18")) {
		t.Fatalf("reviews = %+v; want the one due by 30/11/2026 held 18/11/2026", r)
	}
}

// An extra review (an emergency one, 001 process 7) is recorded beside
// the schedule, and counts for the due date whose fortnight it was held
// in, as reviews.scheduled counts it; for a reintegration from AP both
// schools are offered as taking part, whether or not they are on the case
// yet (001 process 6).
func TestExtraReviewWithBothSchools(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("c", "lukasz", "enter", "4", "a", "down", "down", "down", "enter")
	d.keys("right", "enter", "enter") // emergency, held today
	d.mustSee("AP setting", "Receiving school (host)", "Local authority")
	d.keys("down", "down", "space", "down", "space", "enter", "enter", "enter", "enter")
	d.mustSee("Review recorded: held 04/11/2026.", "16/11/2026 04/11/2026        emergency AP setting, host school", "next by 30/11/2026")
	r := caseOf(t, d, "Łukasz Nowak").Reviews
	if len(r) != 1 || !r[0].Due.IsZero() || r[0].Kind != model.ReviewKindEmergency || !r[0].BothSchools() {
		t.Fatalf("reviews = %+v; want one extra emergency review with both schools", r)
	}
}

// A wrong review is corrected (enter on it) or struck out with a reason
// (del): the struck-out one stays on the tab, marked, no longer counts, and
// the schedule goes back to it.
func TestCorrectAndStrikeOutAReview(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	recordSamsReview(d, "04/11/2026")
	d.keys("enter")
	d.mustSee("Correct the review held 04/11/2026 (the old record stays in the history)")
	d.keys("enter") // the kind stays
	clearInput(d)
	d.keys("03/11/2026", "enter", "enter", "enter", "enter", "enter")
	d.mustSee("Review corrected; the record as it was is kept in the history (tab 5).", "16/11/2026 03/11/2026 ")
	if r := caseOf(t, d, "Sam Taylor").Reviews; len(r) != 1 || !r[0].Held.Equal(date("2026-11-03")) ||
		r[0].PupilViewsText != "Mornings are fine" {
		t.Fatalf("corrected reviews = %+v; want the one review held 03/11/2026, views kept", r)
	}
	d.keys("delete")
	d.mustSee("Strike out the review held 03/11/2026")
	d.keys("enter")
	d.mustSee("Reason: type why the review is struck out")
	d.keys("Recorded against the wrong pupil", "enter")
	d.mustSee("Struck out: the review held 03/11/2026", "Reviews held: 0", "next by 16/11/2026",
		"1 review struck out", "STRUCK OUT 04/11/2026: Recorded against the wrong pupil (was held 03/11/2026)")
	r := caseOf(t, d, "Sam Taylor").Reviews
	if len(r) != 1 || r[0].Counts() || r[0].StruckOut.Reason != "Recorded against the wrong pupil" || !r[0].Held.Equal(date("2026-11-03")) {
		t.Fatalf("reviews = %+v; want the review kept, struck out with the reason", r)
	}
	for range 5 {
		d.keys("down")
	}
	d.keys("enter")
	d.mustSee("This review was struck out on 04/11/2026")
}

// Over the real store, a correction and a strike-out are each a change
// in the case's history, with the review as it was before it.
func TestReviewChangesAreInTheHistory(t *testing.T) {
	d, s := newRealDriver(t, 120, 40)
	d.keys("c", "lukasz", "enter", "4")
	d.mustSee("Reviews held: 1", "02/11/2026 01/11/2026")
	d.keys("enter", "enter")
	clearInput(d)
	d.keys("31/10/2026", "enter", "enter", "enter", "enter", "enter")
	d.mustSee("Review corrected")
	d.keys("delete", "Typed on the wrong case", "enter")
	d.mustSee("Struck out", "Reviews held: 0")
	d.keys("5")
	d.mustSee("update: reviews")
	rows, err := s.Cases(context.Background(), CaseFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	for _, r := range rows {
		if r.Pupil.Name == "Łukasz Nowak" {
			id = r.ID
		}
	}
	audit, err := s.Audit(context.Background(), "case", id)
	if err != nil {
		t.Fatal(err)
	}
	var reviewChanges int
	for _, a := range audit {
		if strings.Contains(auditText(a), "reviews") {
			reviewChanges++
		}
	}
	if reviewChanges != 2 {
		t.Errorf("%d changes to the reviews in the history, want the correction and the strike-out", reviewChanges)
	}
}
