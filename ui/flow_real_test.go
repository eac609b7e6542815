package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"reintegrate/model"
	"reintegrate/storage"
)

// demoOn is the as-of date the demo's cases are laid out around.
var demoOn = model.MustDate("2026-11-23")

// openDemo is a real store in a fresh folder, filled as --demo fills it.
func openDemo(t *testing.T) (*storage.Store, model.School) {
	t.Helper()
	ctx := context.Background()
	s, err := storage.Open(ctx, filepath.Join(t.TempDir(), "reintegrate.db"),
		storage.Options{User: "test", Now: func() time.Time { return time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := storage.LoadDemo(ctx, s, demoOn); err != nil {
		t.Fatal(err)
	}
	school, err := s.School(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return s, school
}

// TestFlowRealStore runs the whole app, the real protocol forms and the
// real rules over a real SQLite store holding the demo: find Zoë by typing
// "zoe", open her timetable, put Wednesday afternoon in school, see the
// week's hours go up, save, and find the change in the database.
func TestFlowRealStore(t *testing.T) {
	s, school := openDemo(t)
	tm := teatest.NewTestModel(t, New(s, school, demoOn, Options{}), teatest.WithInitialTermSize(100, 30))
	waitFor(t, tm, "On reduced timetables today")
	press(tm, "c")
	waitFor(t, tm, "Search:")
	press(tm, "zoe", "enter") // keys are handled in order: the search is done before enter
	waitFor(t, tm, "Zoë Clarke · Y8")
	press(tm, "3") // the real protocol forms for her plan (BWMAT pack)
	waitFor(t, tm, "Appendix 1: Reintegration Plan")
	press(tm, "t")
	// 23/11/2026: 19 of Y8's 24 hours (002 s2 LGSCO table).
	waitFor(t, tm, "register code /")
	press(tm, "right", "right", "right", "right", "right", "i")
	waitFor(t, tm, "UNSAVED")
	press(tm, "ctrl+s")
	waitFor(t, tm, "Saved.")
	v := finalView(t, tm)
	if line := lineWith(v, "! 23/11/2026"); !strings.Contains(line, "S [S]  S  H   S  H     21    24  88%") {
		t.Errorf("the week of 23/11/2026 does not show Wednesday pm in school and 21 of 24 hours:\n%s", v)
	}
	rows, err := s.Cases(context.Background(), CaseFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Pupil.Name != "Zoë Clarke" {
			continue
		}
		cs, _, err := s.Case(context.Background(), r.ID)
		if err != nil {
			t.Fatal(err)
		}
		w, ok := cs.WeekFor(demoOn)
		if !ok || w.Days[2][model.PM].Mode != model.InSchool {
			t.Errorf("the database has Wednesday pm as %q, want school", w.Days[2][model.PM].Mode)
		}
		return
	}
	t.Fatal("Zoë Clarke's case is not in the database")
}

// lineWith is the first line of the screen holding the text.
func lineWith(screen, text string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}

// TestRealFormSavesANewVersion fills the Worcestershire child's views form
// (001, "Views of the Child/Young Person and their family") again for
// Amara over the real store: the new record is saved as the next version,
// completed today, and the one signed before stays on file.
func TestRealFormSavesANewVersion(t *testing.T) {
	s, school := openDemo(t)
	d := &driver{t: t}
	m := New(s, school, demoOn, Options{IdleAfter: -1}).(Model)
	d.m = m
	d.run(m.Init())
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	d.keys("c", "amara", "enter", "3", "down", "down", "enter")
	d.mustSee("was completed on 09/11/2026. Start a new version?")
	d.keys("y")
	d.mustSee("Amara Okafor · a new version; the one completed 09/11/2026 stays on file")
	d.keys("enter") // name and date of birth, filled from the record
	for _, r := range "23/11/2026" {
		d.keys(string(r))
	}
	for i := 0; i < 20 && !strings.Contains(d.view(), "saved."); i++ {
		d.keys("enter") // the rest may be left blank
	}
	d.mustSee("Views of the Child/Young Person and their family saved.", "completed 23/11/2026")
	rows, err := s.Cases(context.Background(), CaseFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Pupil.Name != "Amara Okafor" {
			continue
		}
		cs, _, err := s.Case(context.Background(), r.ID)
		if err != nil {
			t.Fatal(err)
		}
		var done []string
		for _, f := range cs.Forms {
			if f.Template == "worcs.views" {
				done = append(done, f.Completed.UK())
			}
		}
		if len(done) != 2 || done[0] != "09/11/2026" || done[1] != "23/11/2026" {
			t.Errorf("worcs.views records completed %v, want the 09/11/2026 one kept and a new one of 23/11/2026", done)
		}
		return
	}
	t.Fatal("Amara Okafor's case is not in the database")
}
