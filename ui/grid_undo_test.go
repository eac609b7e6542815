package ui

import (
	"testing"
)

// Undoing every change leaves the timetable as saved: esc then goes back
// without asking to save, and the title no longer says UNSAVED.
func TestGridUndoBackToSavedAsksNothing(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("enter", "t", "space")
	d.mustSee("UNSAVED")
	d.keys("z")
	d.mustSee("Undone: the timetable is as saved.")
	d.mustNotSee("UNSAVED")
	d.keys("esc")
	d.mustNotSee("Save the timetable changes?")
	d.mustSee("1 Overview")
	if saves := d.store.saves; saves != 0 {
		t.Fatalf("the store was written %d times; nothing was changed", saves)
	}
}

// A change undone is not undone twice over: a second edit after the undo
// still asks.
func TestGridUndoOneOfTwoStillAsks(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("enter", "t", "space", "right", "space", "z")
	d.mustSee("UNSAVED")
	d.keys("esc")
	d.mustSee("Save the timetable changes?")
}

// Stepping up from a week that is in school for every session adds
// nothing: it is refused in words and the next week is left as it was.
func TestGridStepUpFromAFullWeekIsRefused(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("enter", "t", "down", "down", "down", "down") // w/c 30/11/2026: full
	d.keys("u")
	d.mustSee("Nothing to step up: the week of 30/11/2026 is in school for every school session")
	d.mustNotSee("0 sessions more", "UNSAVED")
}

// A step up that adds sessions says how many, against which week.
func TestGridStepUpSaysFromWhichWeek(t *testing.T) {
	d := newDriver(t, 120, 40, false)
	d.keys("enter", "t", "down", "u") // from w/c 09/11/2026: mornings only
	d.mustSee("Stepped up: the week of 16/11/2026 has", "more in school than the week of 09/11/2026.")
}
