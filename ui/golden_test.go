package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// screens opens every screen from the Today screen, by keys, as a user
// would. Sam Taylor is the first row on Today (pupils sort by case).
var screens = []struct {
	name string
	open func(d *driver)
}{
	{"today", func(d *driver) {}},
	{"today-hidden-names", func(d *driver) { d.keys("ctrl+p") }},
	{"help", func(d *driver) { d.keys("?") }},
	{"cases", func(d *driver) { d.keys("c") }},
	{"cases-search", func(d *driver) { d.keys("c", "zoe") }},
	{"cases-all", func(d *driver) { d.keys("c", "tab", "tab", "tab", "tab") }},
	{"case-overview", func(d *driver) { d.keys("enter") }},
	{"case-overview-initials", func(d *driver) { d.keys("enter", "ctrl+p") }},
	{"case-findings", func(d *driver) { d.keys("enter", "2") }},
	{"case-forms", func(d *driver) { d.keys("enter", "3") }},
	{"case-reviews", func(d *driver) { d.keys("enter", "4") }},
	{"case-history", func(d *driver) { d.keys("enter", "5") }},
	{"case-notifications", func(d *driver) { d.keys("enter", "6") }},
	{"case-draft-blocked", func(d *driver) { d.keys("c", "aisha", "enter", "s") }},
	{"case-extend", func(d *driver) { d.keys("enter", "e") }},
	{"case-close", func(d *driver) { d.keys("enter", "x") }},
	{"timetable", func(d *driver) { d.keys("enter", "t") }},
	{"timetable-short-plan", func(d *driver) { d.keys("down", "enter", "t", "down", "down") }},
	{"timetable-minutes", func(d *driver) { d.keys("enter", "t", "m") }},
	// Monday pm off-site, the week copied forward, the next stepped up.
	{"timetable-edited", func(d *driver) { d.keys("enter", "t", "right", "b", ">", "u") }},
	{"timetable-step-up-refused", func(d *driver) { d.keys("enter", "t", "down", "down", "down", "down", "u") }},
	{"timetable-leave", func(d *driver) { d.keys("enter", "t", "space", "esc") }},
	{"timetable-remove-week", func(d *driver) { d.keys("enter", "t", "delete") }},
	{"form", func(d *driver) { d.keys("enter", "3", "enter") }},
	{"form-leave", func(d *driver) { d.keys("enter", "3", "enter", "J", "esc") }},
	// Kept part-done, then opened again: the answer so far is there.
	{"form-resume", func(d *driver) { d.keys("enter", "3", "enter", "J", "esc", "d", "enter") }},
	{"review", func(d *driver) { d.keys("enter", "4", "a") }},
	{"review-who", func(d *driver) { d.keys("enter", "4", "a", "enter", "enter", "enter", "space") }},
	{"review-views", func(d *driver) { d.keys("enter", "4", "a", "enter", "enter", "enter", "space", "enter") }},
	{"case-reviews-held", recordReviewForGolden},
	{"review-correct", func(d *driver) { recordReviewForGolden(d); d.keys("enter") }},
	{"review-strike-out", func(d *driver) { recordReviewForGolden(d); d.keys("delete") }},
	{"case-reviews-struck-out", func(d *driver) {
		recordReviewForGolden(d)
		d.keys("delete", "Recorded against the wrong pupil", "enter")
	}},
	{"case-close-blockers", func(d *driver) {
		d.keys("c", "aisha", "enter", "x", "down", "down", "enter", "Family moved away", "enter", "enter", "Mr T Green", "enter")
	}},
	{"case-closed-overview", func(d *driver) {
		d.keys("enter", "x", "down", "enter", "Back to the AP setting from 09/11/2026", "enter", "enter", "Ms R Khan", "enter")
	}},
	{"notification-sent", func(d *driver) { d.keys("enter", "6", "m") }},
	{"case-details", func(d *driver) { d.keys("enter", "c") }},
	{"case-details-fair-access", func(d *driver) {
		d.keys("c", "lukasz", "enter", "c", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter")
	}},
	{"new-case", func(d *driver) { d.keys("n") }},
	{"new-case-details", func(d *driver) { d.keys("n", "aish", "enter") }},
	{"new-case-new-pupil", func(d *driver) { d.keys("n", "enter") }},
	{"new-case-long-plan", func(d *driver) {
		d.keys("n", "aisha", "enter", "enter", "enter", "enter", "ctrl+u", "15/01/2027", "enter")
	}},
	{"new-case-forms", func(d *driver) {
		d.keys("n", "aish", "enter", "enter", "x", "enter", "enter", "enter", "enter")
	}},
	{"settings", func(d *driver) { d.keys("s") }},
	{"settings-edit", func(d *driver) { d.keys("s", "e") }},
	{"settings-packs", func(d *driver) { d.keys("s", "e", "enter", "enter", "enter", "enter", "enter", "enter") }},
	{"privacy", func(d *driver) { d.keys("enter", "ctrl+l") }},
	{"reports", func(d *driver) { d.keys("p") }},
	{"reports-preview", func(d *driver) { d.keys("p", "down", "down", "down", "down", "down", "enter") }},
	{"pupil", func(d *driver) { d.keys("enter", "p") }},
	{"pupil-flags", func(d *driver) { d.keys("enter", "p", "enter", "enter", "enter", "enter", "enter") }},
	{"pupil-add", func(d *driver) { d.keys("s", "a") }},
	{"pupil-import", func(d *driver) { d.keys("s", "c") }},
	{"new-case-upn-taken", func(d *driver) {
		d.keys("n", "enter", "Ada Lovelace", "enter", "01/09/2013", "enter", "A123456789012", "enter")
	}},
}

// recordReviewForGolden records Sam's review due by 16/11/2026, held
// today, with the pupil and a parent, their views and what was decided.
func recordReviewForGolden(d *driver) {
	d.keys("enter", "4", "a", "enter", "enter", "enter", "space", "down", "space", "enter",
		"Mornings are fine; lunchtimes are hard", "enter", "Wants Fridays kept short", "enter",
		"Full days from 16/11; lunch club on Mondays", "enter")
}

// TestGolden compares every screen, without styling, with its golden file
// at 80x24 and 120x40. go test ./ui -update writes them afresh.
func TestGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, s := range screens {
			t.Run(fmt.Sprintf("%s-%dx%d", s.name, size[0], size[1]), func(t *testing.T) {
				t.Parallel() // each has its own app and store; most of the time is waiting
				d := newDriver(t, size[0], size[1], false)
				s.open(d)
				golden.RequireEqual(t, trimRight(d.view()))
			})
		}
	}
}

// trimRight drops trailing blanks on each line, which a golden file's
// reader cannot see and an editor may strip.
func trimRight(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}
