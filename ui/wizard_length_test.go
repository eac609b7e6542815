package ui

import (
	"strings"
	"testing"

	"reintegrate/model"
)

// toPlannedEnd opens a new case for Aisha Khan and goes to the plan's
// planned end: kind, reasons and start as they come.
func toPlannedEnd(t *testing.T) *driver {
	d := newDriver(t, 120, 40, false)
	d.keys("n", "aisha", "enter", "enter", "enter", "enter")
	d.mustSee("Planned end (DD/MM/YYYY)")
	return d
}

// duration.limit (000; 001 process 4; 002 s5.10): a plan of more than six
// weeks is said to be one before anything is saved, and the user may go
// on with it.
func TestNewCaseSaysWhenThePlanIsOverSixWeeks(t *testing.T) {
	d := toPlannedEnd(t)
	d.keys("ctrl+u", "15/01/2027", "enter") // 11 weeks from Wednesday 04/11/2026
	d.mustRead("11 weeks is past the 6-week limit (duration.limit), which ends 16/12/2026. " +
		"Type an earlier date, or press enter again to keep it.")
	d.keys("enter") // keep it
	d.mustNotSee("6-week limit")
	d.mustSee("Named person")
	d.keys("Mr B Lee", "enter", "enter")
	cs := d.store.caseNamed(t, "Mr B Lee")
	if !cs.PlannedEnd.Equal(model.MustDate("2027-01-15")) {
		t.Fatalf("planned end saved as %s, want the 15/01/2027 kept", cs.PlannedEnd.UK())
	}
}

// Shortening the plan after the warning goes on without a second word.
func TestNewCaseLongPlanShortened(t *testing.T) {
	d := toPlannedEnd(t)
	d.keys("ctrl+u", "15/01/2027", "enter")
	d.mustSee("6-week limit")
	d.keys("ctrl+u", "11/12/2026", "enter")
	d.mustNotSee("6-week limit")
	d.mustSee("Named person")
}

// Six weeks exactly is not warned about.
func TestNewCaseSixWeekPlanIsNotWarned(t *testing.T) {
	d := toPlannedEnd(t)
	d.keys("ctrl+u", "16/12/2026", "enter")
	d.mustNotSee("6-week limit")
	d.mustSee("Named person")
}

// caseNamed is the stored case whose named person is given.
func (f *fakeStore) caseNamed(t *testing.T, named string) model.Case {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, fc := range f.cases {
		if fc.c.NamedPerson == named {
			return fc.c
		}
	}
	t.Fatalf("no case was saved with %s as its named person", named)
	return model.Case{}
}

// mustRead fails unless the text is on the screen whole, read as a person
// reads a message wrapped over lines: line by line, the breaks as spaces.
func (d *driver) mustRead(text string) {
	d.t.Helper()
	if !strings.Contains(flatten(d.view()), flatten(text)) {
		d.t.Fatalf("screen does not say, whole, %q:\n%s", text, d.view())
	}
}

// flatten joins the lines and closes up the spaces, so a message wrapped
// at words reads as one line.
func flatten(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
