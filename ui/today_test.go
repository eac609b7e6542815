package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"reintegrate/storage"
)

// selectedLine is the line the cursor is on (marked "›").
func selectedLine(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(l, "›") {
			return l
		}
	}
	return ""
}

// Tab jumps between the Today screen's sections, so the duties and the
// blockers are one key away however long the register is.
func TestTodayTabJumpsBetweenSections(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	for _, step := range []struct{ key, want string }{
		{"tab", "OVERDUE 19/10/2026 Zoë Brontë"},
		{"tab", "BLOCKER ×1"},
		{"tab", "Sam Taylor"}, // round to the register
		{"shift+tab", "BLOCKER ×1"},
		{"shift+tab", "OVERDUE 19/10/2026 Zoë Brontë"},
	} {
		d.keys(step.key)
		if got := selectedLine(d.view()); !strings.Contains(got, step.want) {
			t.Fatalf("after %s the cursor is on %q, want the row with %q", step.key, got, step.want)
		}
	}
}

// The first line sums the day up: the register's and the duties' counts.
func TestTodayCountsOnTheFirstLine(t *testing.T) {
	d := newDriver(t, 120, 30, false)
	// The fixtures: 4 on plans; overdue LA notices on all 4; reviews due on
	// all 4; consent missing for Zoë and Nguyễn (pinnedCheck).
	d.mustSee("Wednesday 04/11/2026 · a school day · 4 on plans · 4 overdue · 4 due · 2 BLOCKERS")
}

// The register shows even when the duties cannot be worked out, and the
// screen says what went wrong and what to do.
func TestTodayDutiesFailing(t *testing.T) {
	store := newFakeStore(testSchool())
	seed(store)
	store.dutiesErr = errors.New("database is locked")
	d := &driver{t: t, store: store}
	m := New(store, testSchool(), testOn, Options{Forms: fakeForms{}, IdleAfter: -1}).(Model)
	d.m = m
	d.run(m.Init())
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	d.mustSee("On reduced timetables today: 4", "Sam Taylor",
		"check the active cases: database is locked", "Press r to try again.")
	d.mustNotSee("Due and overdue")
}

// When the findings were worked out but could not be kept for next time
// (a full disk, the database held by another program), the screen shows
// them all the same and the status line warns.
func TestTodayWarnsWhenTheFindingsAreNotKept(t *testing.T) {
	store := newFakeStore(testSchool())
	seed(store)
	store.notCached = fmt.Errorf("the findings worked out afresh (4 active cases) were not kept for next time: %w", storage.ErrFull)
	d := &driver{t: t, store: store}
	m := New(store, testSchool(), testOn, Options{Forms: fakeForms{}, IdleAfter: -1}).(Model)
	d.m = m
	d.run(m.Init())
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.mustSee("On reduced timetables today: 4", "Due and overdue: 7", "BLOCKER ×4",
		"Findings not cached: the disk is full. This list is complete.")
	d.keys("down")
	d.mustNotSee("Findings not cached")
	store.notCached = fmt.Errorf("not kept: %w", storage.ErrBusy)
	d.keys("r")
	d.mustSee("Findings not cached: another program is saving. This list is complete.")
}
