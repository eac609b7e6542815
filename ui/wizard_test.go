package ui

import (
	"strings"
	"testing"

	"reintegrate/model"
)

// The new case wizard ends with the forms ticked, one after another in the
// protocol's order (issue 5: "then the forms in the protocol's order").
func TestNewCaseFillsTheChosenFormsInTurn(t *testing.T) {
	tests := []struct {
		name      string
		afterOne  []string // keys once the first form is open
		wantTitle string   // the screen after those keys
		wantSaves int
	}{
		{"saving the first opens the second", []string{"Mrs K Khan", "enter", "03/11/2026", "enter"},
			"Reintegration plan · Aisha Khan", 1},
		{"keeping it part-done stops there", []string{"Mrs K", "esc", "d"}, "[3 Forms]", 1},
		{"leaving it stops there", []string{"Mrs K", "esc", "y"}, "[3 Forms]", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDriver(t, 100, 30, false)
			// pupil; kind, reasons, start, end, named person; both forms.
			d.keys("n", "aisha", "enter", "enter", "enter", "enter", "enter", "Mr B Lee", "enter",
				"space", "down", "space", "enter")
			d.mustSee("Parental consent · Aisha Khan")
			d.keys(tt.afterOne...)
			d.mustSee(tt.wantTitle)
			saves := 0
			for _, fc := range d.store.cases {
				if fc.c.NamedPerson == "Mr B Lee" {
					saves = fc.version - 1
				}
			}
			if saves != tt.wantSaves {
				t.Errorf("the new case was saved %d times after its first form, want %d", saves, tt.wantSaves)
			}
		})
	}
}

// The forms open in the protocol's order, whatever order they were ticked
// in: the plan ticked first, the consent second, the consent opens first.
func TestNewCaseFormsInProtocolOrder(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("n", "aisha", "enter", "enter", "enter", "enter", "enter", "Mr B Lee", "enter",
		"down", "space", "up", "space", "enter")
	d.mustSee("Parental consent · Aisha Khan")
	d.mustNotSee("Reintegration plan · Aisha Khan")
}

// A child's year group is set by their age on 31 August at the start of
// the school year (England; the LGSCO hours in 002 s2 go by year group).
func TestYearGroupFromDateOfBirth(t *testing.T) {
	tests := []struct {
		dob, on, want string
	}{
		{"2013-09-01", "2026-11-23", "Y8"},  // oldest in the year
		{"2014-08-31", "2026-11-23", "Y8"},  // youngest in the year
		{"2014-09-01", "2026-11-23", "Y7"},  // a day younger: the year below
		{"2021-08-31", "2026-11-23", "Y1"},  // five on 31 August 2026
		{"2022-06-02", "2026-11-23", "R"},   // four
		{"2023-01-10", "2026-11-23", "N2"},  // three
		{"2024-03-01", "2026-11-23", "N1"},  // two
		{"2009-10-03", "2026-11-23", "Y12"}, // sixteen
		{"2013-09-01", "2027-07-20", "Y8"},  // July is still the same school year
		{"2013-09-01", "2027-09-01", "Y9"},  // September starts the next
	}
	for _, tt := range tests {
		got, ok := model.YearGroupFor(date(tt.dob), date(tt.on))
		if !ok || string(got) != tt.want {
			t.Errorf("born %s, on %s: year group %q (%v), want %s", tt.dob, tt.on, got, ok, tt.want)
		}
	}
	if _, ok := model.YearGroupFor(date("2000-01-01"), date("2026-11-23")); ok {
		t.Error("a 26-year-old was given a year group")
	}
}

// Typing the date of birth moves the year group list to the year it gives.
func TestNewPupilYearGroupFollowsDateOfBirth(t *testing.T) {
	d := newDriver(t, 100, 40, false)
	d.keys("n", "enter", "Ada Lovelace", "enter", "01/09/2013", "enter", "enter")
	if got := selectedLineWith(d.view(), "> Y"); !strings.Contains(got, "> Y8") {
		t.Fatalf("the year group list is on %q, want Y8 for a pupil born 01/09/2013:\n%s", got, d.view())
	}
}

// selectedLineWith is the first line holding the text (huh marks its
// choice with "> ").
func selectedLineWith(screen, text string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}
