package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"reintegrate/model"
)

// End-to-end flows through a real Bubble Tea program (teatest): the keys
// go in as a terminal would send them and the screen comes out as bytes.

func startProgram(t *testing.T, opts ...tea.ProgramOption) (*teatest.TestModel, *fakeStore) {
	t.Helper()
	store := newFakeStore(testSchool())
	seed(store)
	m := New(store, testSchool(), testOn, Options{Forms: fakeForms{}})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30), teatest.WithProgramOptions(opts...))
	waitFor(t, tm, "On reduced timetables today")
	return tm, store
}

// waitFor waits until the text has been drawn (styling stripped).
func waitFor(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	var seen []byte
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		seen = append(seen, b...)
		return strings.Contains(ansi.Strip(string(seen)), text)
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

func press(tm *teatest.TestModel, keys ...string) {
	for _, k := range keys {
		if nk, ok := namedKeys[k]; ok {
			tm.Send(tea.KeyPressMsg(nk))
			continue
		}
		tm.Type(k)
	}
}

// finalView quits and returns the last screen, unstyled.
func finalView(t *testing.T, tm *teatest.TestModel) string {
	t.Helper()
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	m := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second))
	return ansi.Strip(m.View().Content)
}

func TestFlowFindPupilEditSessionSave(t *testing.T) {
	tm, store := startProgram(t)
	press(tm, "c")
	waitFor(t, tm, "Search:")
	press(tm, "lukasz")
	waitFor(t, tm, "1 of 6")
	press(tm, "enter")
	waitFor(t, tm, "Overview")
	press(tm, "t")
	waitFor(t, tm, "register code D") // Monday 02/11 am: dual registered (001: D)
	// Week of 02/11/2026 has four school days (INSET on Friday): Y10's
	// 24 h is 19.2 h pro rata (RULES.md). Monday am from dual (3 h) to
	// none leaves 17 h: below full time.
	press(tm, "0")
	waitFor(t, tm, "below")
	press(tm, "ctrl+s")
	waitFor(t, tm, "Saved.")
	v := finalView(t, tm)
	if !strings.Contains(v, "    17  19.2  89%") {
		t.Errorf("the grid does not show 17 of 19.2 hours after the edit:\n%s", v)
	}
	store.mu.Lock()
	defer store.mu.Unlock()
	if store.saves != 1 || store.lastSave.Timetable[0].Days[0][model.AM].Mode != model.NoSession {
		t.Errorf("saves = %d, Monday am = %q; want one save with no session", store.saves, store.lastSave.Timetable[0].Days[0][model.AM].Mode)
	}
}

func TestFlowFillForm(t *testing.T) {
	tm, store := startProgram(t)
	press(tm, "down", "enter")
	waitFor(t, tm, "Overview")
	press(tm, "3")
	waitFor(t, tm, "Parental consent")
	press(tm, "enter")
	waitFor(t, tm, "Parent or carer's name")
	press(tm, "Mrs E Brontë", "enter")
	// huh moves to the next field through a command, which runs after any
	// keys already queued: give it the moment a person's fingers would.
	time.Sleep(150 * time.Millisecond)
	press(tm, "03/11/2026", "enter")
	waitFor(t, tm, "Parental consent saved.")
	v := finalView(t, tm)
	if !strings.Contains(v, "completed 03/11/2026") {
		t.Errorf("the Forms tab does not show the form completed on the day it was signed:\n%s", v)
	}
	store.mu.Lock()
	defer store.mu.Unlock()
	if store.lastSave.Consent.ParentName != "Mrs E Brontë" {
		t.Errorf("consent parent = %q, want the name typed in the form", store.lastSave.Consent.ParentName)
	}
}

// TestFlowNoColour runs the app as NO_COLOR does (colorprofile ASCII):
// no colour reaches the terminal, and the meaning is still there in words.
func TestFlowNoColour(t *testing.T) {
	store := newFakeStore(testSchool())
	seed(store)
	m := New(store, testSchool(), testOn, Options{Forms: fakeForms{}})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.ASCII)))
	var out []byte
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		out = append(out, b...)
		return strings.Contains(ansi.Strip(string(out)), "BLOCKER")
	}, teatest.WithDuration(5*time.Second))
	for _, sgr := range []string{"38;2;", "38;5;", "48;2;", "48;5;"} {
		if strings.Contains(string(out), sgr) {
			t.Errorf("output has a colour sequence %q under NO_COLOR", sgr)
		}
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
}
