package ui

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"reintegrate/model"
)

// storedPupil is the fake store's copy of the pupil with the UPN.
func (d *driver) storedPupil(upn string) model.Pupil {
	d.t.Helper()
	d.store.mu.Lock()
	defer d.store.mu.Unlock()
	for _, p := range d.store.pupils {
		if p.UPN == upn {
			return p
		}
	}
	d.t.Fatalf("no pupil with UPN %s", upn)
	return model.Pupil{}
}

// A pupil is edited from the case page (p): preferred name, year group and
// free school meals typed and chosen by keys, saved, and what changed said.
func TestPupilEditFromCasePage(t *testing.T) {
	d := newDriver(t, 100, 40, false)
	d.keys("enter", "p")
	d.mustSee("Pupil: Sam Taylor", "Pupil's full name", "Preferred name (if not the legal forename)", "> 02/04/2013", "> A123456789012")
	d.keys("enter", "Sam", "enter", "enter", "enter", "down", "down", "enter") // "Sam", the legal forename, is no preferred name
	d.mustSee("Flags and free school meals (2 of 2)", "Eligible for free school meals?")
	d.keys("enter", "left", "enter")
	d.mustSee("Saved Sam Taylor: year group Y8 -> Y10; free school meals no -> yes.")
	if s := d.root().status.text; !strings.Contains(s, "Check: year group Y10 does not fit the date of birth 02/04/2013, which gives Y9 in 2026/27") {
		t.Errorf("status = %q, want the year group flagged", s)
	}
	got := d.storedPupil("A123456789012")
	if got.YearGroup != "Y10" || !got.FreeSchoolMeals || got.PreferredName != "" || len(got.Flags) != 2 {
		t.Errorf("stored %+v", got)
	}
	// The case page shows the pupil again, loaded afresh.
	d.mustSee("Sam Taylor · Y10")
}

// Bad answers are refused at the field with what to type, and nothing is saved.
func TestPupilEditRefusesBadAnswers(t *testing.T) {
	d := newDriver(t, 100, 40, false)
	d.keys("c", "ctrl+e") // from the Cases list
	d.mustSee("Pupil: ")
	d.keys("enter", "enter", "enter")
	for range 13 {
		d.keys("backspace")
	}
	d.keys("B123456789012", "enter")
	d.mustSee("UPN: \"B123456789012\" is not a valid UPN: its check letter should be A")
	for range 13 {
		d.keys("backspace")
	}
	d.keys("J801200000101", "esc", "y")
	d.mustSee("Pupil not changed.")
}

// A UPN another pupil has is refused at the new case wizard's pupil step,
// with everything typed still there.
func TestNewCaseRefusesATakenUPN(t *testing.T) {
	d := newDriver(t, 100, 40, false)
	d.keys("n", "enter", "Ada Lovelace", "enter", "01/09/2013", "enter", "A123456789012", "enter")
	d.mustSee("UPN: A123456789012 is Sam Taylor's (Y8): check it, or choose that pupil", "> Ada Lovelace", "> 01/09/2013")
	for range 13 {
		d.keys("backspace")
	}
	d.keys("enter")
	d.mustSee("Year group")
	d.mustNotSee("is Sam Taylor's")
}

// The app imports pupils as the command does: the MIS's CSV (here a SIMS
// export in Windows-1252) is run dry first and the same summary shown; only
// ctrl+s writes, and the real store then holds Zoë, spelt right.
func TestImportPupilsFromSettings(t *testing.T) {
	s, school := openDemo(t)
	path, err := filepath.Abs(filepath.Join("..", "model", "testdata", "pupils-sims-1252.csv"))
	if err != nil {
		t.Fatal(err)
	}
	tm := teatest.NewTestModel(t, New(s, school, demoOn, Options{IdleAfter: -1}), teatest.WithInitialTermSize(120, 40))
	waitFor(t, tm, "On reduced timetables today")
	press(tm, "s")
	waitFor(t, tm, "School profile")
	press(tm, "c")
	waitFor(t, tm, "Import pupils from the MIS")
	press(tm, path, "enter")
	waitFor(t, tm, "Dry run, nothing was written. The import would give: 2 new, 0 updated, 0 unchanged, 0 refused.")
	if p, _ := s.Pupils(context.Background()); slices.ContainsFunc(p, func(p model.Pupil) bool { return p.Name == "Zoë Ó Briain" }) {
		t.Fatal("the dry run wrote a pupil")
	}
	press(tm, "ctrl+s")
	waitFor(t, tm, "Imported: 2 new, 0 updated, 0 unchanged, 0 refused.")
	pupils, err := s.Pupils(context.Background())
	if err != nil || !slices.ContainsFunc(pupils, func(p model.Pupil) bool { return p.Name == "Zoë Ó Briain" && p.PreferredName == "Zo" }) {
		t.Errorf("Zoë not stored as imported: %v", err)
	}
	press(tm, "esc")
	waitFor(t, tm, "Pupils imported: 2 new")
	tm.Quit()
}

// A new pupil whose name and date of birth look like a pupil on roll's is
// asked about: n goes back to the answers as typed, y adds them all the same.
func TestNewCaseAsksAboutALookalike(t *testing.T) {
	d := newDriver(t, 100, 40, false)
	before := len(d.store.pupils)
	d.keys("n", "enter", "sam taylor", "enter", "02/04/2013", "enter", "enter", "enter", "enter") // the pupil
	d.keys("enter", "enter", "enter", "enter", "enter", "enter")                                  // the plan, no forms
	d.mustSee("Sam Taylor (Y8, born 02/04/2013) is already on roll", "Add a second pupil all the same? y add · n back to the answers")
	d.keys("n")
	d.mustSee("Not added: the pupil on roll may be this child", "> sam taylor", "> 02/04/2013")
	if len(d.store.pupils) != before {
		t.Fatal("a pupil was added before the answer")
	}
	d.keys("enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter")
	d.mustSee("Add a second pupil all the same?")
	d.keys("y")
	d.mustSee("Case opened as a draft.")
	if len(d.store.pupils) != before+1 {
		t.Errorf("%d pupils, want %d", len(d.store.pupils), before+1)
	}
}

// Adding a pupil by hand (Settings, a) asks the same question.
func TestAddPupilAsksAboutALookalike(t *testing.T) {
	d := newDriver(t, 100, 40, false)
	before := len(d.store.pupils)
	d.keys("s", "a")
	d.mustSee("Add a pupil", "Details (1 of 2)")
	d.keys("SAM TAYLOR", "enter", "enter", "02/04/2013", "enter", "enter", "enter", "enter", "enter")
	d.mustSee("Save a second pupil all the same? y save · n back to the answers")
	d.keys("y")
	d.mustSee("Added SAM TAYLOR, born 02/04/2013, Y9.")
	if len(d.store.pupils) != before+1 {
		t.Errorf("%d pupils, want %d", len(d.store.pupils), before+1)
	}
}
