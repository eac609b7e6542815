package ui

import (
	"strings"
	"testing"
)

// Initials only (ctrl+p) hides what picks a child out as surely as the
// name: the date of birth and the UPN, on the case and in the new case
// wizard's list of pupils.
func TestInitialsOnlyHidesBirthDateAndUPN(t *testing.T) {
	d := newDriver(t, 100, 30, false)
	d.keys("enter")
	d.mustSee("Sam Taylor", "02/04/2013", "A123456789012")
	d.keys("ctrl+p")
	d.mustSee("S. T.", "date of birth and UPN hidden (ctrl+p)")
	d.mustNotSee("Sam Taylor", "02/04/2013", "A123456789012")
	d.keys("ctrl+p")
	d.mustSee("Sam Taylor", "02/04/2013", "A123456789012")

	d = newDriver(t, 100, 30, false)
	d.keys("n")
	d.mustSee("Sam Taylor", "born 02/04/2013")
	d.keys("ctrl+p")
	d.mustSee("S. T.", "date of birth hidden (ctrl+p)")
	d.mustNotSee("02/04/2013", "11/06/2018")
}

// A long name on the Overview is cut with an ellipsis; the year group,
// date of birth and UPN after it stay whole at 80 and at 60 columns.
func TestOverviewLongNameKeepsTheDetails(t *testing.T) {
	for _, width := range []int{80, 60} {
		d := newDriver(t, width, 24, false)
		long := "Maximilian Alexander Fitzgerald-Montgomery-Worthington the Third"
		d.store.mu.Lock()
		for _, fc := range d.store.cases {
			if fc.c.Pupil.Name == "Sam Taylor" {
				fc.c.Pupil.Name = long
			}
		}
		d.store.mu.Unlock()
		d.keys("enter")
		line := ""
		for _, l := range strings.Split(d.view(), "\n") {
			if strings.Contains(l, "born ") {
				line = l
			}
		}
		if !strings.Contains(line, "Maximilian") || !strings.Contains(line, "…") ||
			!strings.HasSuffix(strings.TrimRight(line, " "), "· Y8 · born 02/04/2013 · UPN A123456789012") {
			t.Errorf("at %d columns the Overview's first line is %q: want the name cut, the details whole", width, line)
		}
	}
}
