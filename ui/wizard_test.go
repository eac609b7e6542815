package ui

import "testing"

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
		{"keeping it part-done stops there", []string{"Mrs K", "esc", "s"}, "[3 Forms]", 1},
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
