package ui

import (
	"strings"
	"testing"
	"time"

	"reintegrate/model"
)

// A fast typist's keys come this far apart.
const typing = 80 * time.Millisecond

// The case: "y" answers a question and the note being typed on
// lands on the case page behind it, where t opens the timetable and the
// letters after it edit the plan. Those keys are dropped, and the status
// line says so.
func TestTypedAheadKeysDoNotReachThePageBehind(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("enter", "3", "enter", "J", "esc")
	d.mustSee("Leave and lose your answers?")
	d.typeFast(typing, "ythe timetable, and a week")
	d.mustSee("[3 Forms]", "25 keys typed straight after the answer went nowhere", "Form closed; nothing was saved.")
	d.mustNotSee("Timetable", "Mon 02/11/2026")
	if d.store.saves != 0 {
		t.Fatalf("the store was written %d times", d.store.saves)
	}
	// After a pause the next key is the user's: t opens the timetable.
	d.keys("t")
	d.mustSee("Timetable", "Mon 02/11/2026")
	d.mustNotSee("went nowhere")
}

// However long the stream runs, it is dropped while it keeps coming; a
// key after a pause is kept.
func TestTypedAheadStreamEndsAtAPause(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("enter", "3", "enter", "J", "esc")
	d.typeFast(300*time.Millisecond, "y"+strings.Repeat("x", 30)) // nine seconds of typing
	d.mustSee("[3 Forms]", "30 keys typed straight after the answer")
	d.tick(DefaultTypeAheadGap)
	d.typeFast(time.Millisecond, "4") // the first key after the pause: the Reviews tab
	d.mustSee("[4 Reviews]")
}

// The grid's own question: y removes the week, and the mode letters typed
// on do not edit the week that comes under the cursor.
func TestTypedAheadAfterTheGridsQuestion(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("enter", "t", "down", "down", "down", "delete")
	d.mustSee("Remove the week of 23/11/2026 from the plan?")
	d.typeFast(typing, "ybdv0")
	d.mustSee("Removed the week of 23/11/2026", "4 keys typed straight after the answer went nowhere")
	g := d.root().top().(*grid)
	if got := g.cs.Timetable[g.row].Days[0][model.AM].Mode; got != model.InSchool {
		t.Fatalf("the week now under the cursor has Monday am %q: a typed-ahead key edited it", got)
	}
}

// A save is not a question: the keys after ctrl+s are meant, even fast.
func TestKeysAfterASaveAreKept(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("enter", "t", "right", "i", "ctrl+s")
	d.mustSee("Saved.")
	d.typeFast(typing, "b")
	d.mustSee("Mon 02/11/2026 pm: approved off-site (B)", "UNSAVED")
}

// A form saved with enter: the keys typed on after it go nowhere either.
func TestTypedAheadAfterAFormIsSaved(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("enter", "3", "enter", "J Taylor", "enter", "03/11/2026", "enter")
	d.typeFast(typing, "taaaa")
	d.mustSee("Parental consent saved.", "5 keys typed straight after the answer went nowhere")
	d.mustNotSee("Timetable")
}

// The same through a real Bubble Tea program, keys as fast as a terminal
// sends them: the answer's y is taken, the note typed on after it is not.
func TestFlowTypedAheadGoesNowhere(t *testing.T) {
	tm, store := startProgram(t)
	press(tm, "enter")
	waitFor(t, tm, "1 Overview")
	press(tm, "3")
	waitFor(t, tm, "Enter fills a form")
	press(tm, "enter")
	waitFor(t, tm, "Parent or carer's name")
	tm.Type("J")
	press(tm, "esc")
	waitFor(t, tm, "Leave and lose your answers?")
	tm.Type("ythe timetable gained weeks")
	waitFor(t, tm, "typed straight after the answer went nowhere")
	v := finalView(t, tm)
	if strings.Contains(v, "Timetable") || !strings.Contains(v, "[3 Forms]") {
		t.Errorf("typed-ahead keys reached the case page:\n%s", v)
	}
	store.mu.Lock()
	defer store.mu.Unlock()
	if store.saves != 0 {
		t.Errorf("the store was written %d times", store.saves)
	}
}
