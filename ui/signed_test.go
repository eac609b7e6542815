package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"reintegrate/model"
	"reintegrate/storage"
)

// newRealDriver runs the app over the demo in a real store, at a person's
// pace, with the real protocol forms and rules.
func newRealDriver(t *testing.T, width, height int) (*driver, *storage.Store) {
	t.Helper()
	s, school := openDemo(t)
	clock := &fakeClock{clockStart}
	d := &driver{t: t, clock: clock, pace: time.Second}
	m := New(s, school, demoOn, Options{IdleAfter: -1, Now: clock.now}).(Model)
	d.m = m
	d.run(m.Init())
	d.send(tea.WindowSizeMsg{Width: width, Height: height})
	return d, s
}

// 001 process 6: the review meeting's attendees sign it. A signature is
// something that has happened: a date signed still to come is refused,
// naming the field, and nothing is saved; a date that has come is taken.
func TestFormSignatureNotInTheFuture(t *testing.T) {
	d, s := newRealDriver(t, 100, 30)
	d.keys("c", "amara", "enter", "3", "down", "down", "down", "down", "enter", "enter", "23/11/2026", "enter")
	for i := 0; i < 30 && !strings.Contains(d.view(), "┃ Parent/Carer: Date signed"); i++ {
		d.keys("enter")
	}
	d.keys("24/11/2026")
	for i := 0; i < 30 && !strings.Contains(d.view(), "is in the future"); i++ {
		d.keys("enter")
	}
	d.mustSee("Parent/Carer, date signed: 24/11/2026 is in the future (today is 23/11/2026)")
	if n := reviewForms(t, s); n != 0 {
		t.Fatalf("%d review forms saved with a signature dated tomorrow", n)
	}
}

// reviewForms counts Amara's worcs.review records in the database.
func reviewForms(t *testing.T, s *storage.Store) int {
	t.Helper()
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
		n := 0
		for _, f := range cs.Forms {
			if f.Template == model.TemplateWorcsReview {
				n++
			}
		}
		return n
	}
	t.Fatal("Amara Okafor's case is not in the database")
	return 0
}
