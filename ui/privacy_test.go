package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// fakeClock is the privacy screen's clock in tests: it moves only when told.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time                  { return c.t }
func (c *fakeClock) after(d time.Duration) time.Time { return c.t.Add(d) }

var clockStart = time.Date(2026, 11, 23, 8, 30, 0, 0, time.UTC)

// demoNames are every pupil in the test data, and the people around them.
var demoNames = []string{"Sam", "Taylor", "Zoë", "Brontë", "Łukasz", "Nowak", "Nguyễn",
	"Aisha", "Khan", "Oliver", "Smith", "J Taylor", "A Patel"}

func idleDriver(t *testing.T, idle time.Duration) (*driver, *fakeClock) {
	clock := &fakeClock{clockStart}
	d := newDriverWith(t, 100, 30, false, Options{IdleAfter: idle, Now: clock.now})
	return d, clock
}

// mustBeHidden fails unless the screen is the privacy screen and shows no
// name or detail at all.
func mustBeHidden(t *testing.T, d *driver) {
	t.Helper()
	v := d.view()
	if !strings.Contains(v, hiddenText) {
		t.Fatalf("the privacy screen is not showing:\n%s", v)
	}
	for _, n := range demoNames {
		if strings.Contains(v, n) {
			t.Errorf("the privacy screen shows %q:\n%s", n, v)
		}
	}
	if rest := strings.TrimSpace(strings.Replace(v, hiddenText, "", 1)); rest != "" {
		t.Errorf("the privacy screen shows more than its words: %q", rest)
	}
}

// Issue 7 part 6: after the idle time the app hides every name and detail.
func TestPrivacyHidesAfterIdleTime(t *testing.T) {
	tests := []struct {
		name   string
		idle   time.Duration
		wait   time.Duration
		hidden bool
	}{
		{"default five minutes not yet up", 0, 4*time.Minute + 59*time.Second, false},
		{"default five minutes up", 0, 5 * time.Minute, true},
		{"a school's shorter setting", time.Minute, 61 * time.Second, true},
		{"turned off", -1, 8 * time.Hour, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, clock := idleDriver(t, tt.idle)
			d.keys("enter") // Sam Taylor's case: his name and his family's
			d.mustSee("Sam Taylor", "J Taylor")
			d.send(idleCheckMsg{at: clock.after(tt.wait)})
			if tt.hidden {
				mustBeHidden(t, d)
			} else {
				d.mustSee("Sam Taylor")
			}
		})
	}
}

// A key resets the idle time: someone working is not hidden from.
func TestPrivacyKeysKeepTheScreen(t *testing.T) {
	d, clock := idleDriver(t, 0)
	clock.t = clock.after(4 * time.Minute)
	d.keys("c") // the Cases screen, at 08:34
	d.send(idleCheckMsg{at: clock.after(3 * time.Minute)})
	d.mustSee("Sam Taylor")
	d.send(idleCheckMsg{at: clock.after(5 * time.Minute)})
	mustBeHidden(t, d)
}

// The key that wakes the screen does nothing else: on the Cases screen a
// letter would go into the search, and q would quit from Today.
func TestPrivacyWakeKeyDoesNothingElse(t *testing.T) {
	for _, lock := range []string{"ctrl+l", "f12"} {
		t.Run(lock, func(t *testing.T) {
			d, _ := idleDriver(t, 0)
			d.keys(lock)
			mustBeHidden(t, d)
			d.keys("q")
			if d.quit {
				t.Fatal("the key that woke the screen also quit the app")
			}
			d.mustSee("On reduced timetables today", "Sam Taylor")
			d.keys("c", lock, "z")
			d.mustSee("Search: ", "Sam Taylor")
			d.mustNotSee("Search: z")
			// A paste while hidden goes nowhere: nobody can see where.
			d.keys(lock)
			d.send(tea.PasteMsg{Content: "Zo"})
			d.keys("x")
			d.mustNotSee("Search: Zo", "Search: x")
		})
	}
}

// Nothing personal in the terminal's title, on any screen (issue 7 part 6).
func TestWindowTitleIsNeverPersonal(t *testing.T) {
	for _, s := range screens {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			d := newDriver(t, 100, 30, false)
			s.open(d)
			if got := d.m.View().WindowTitle; got != "reintegrate" {
				t.Errorf("window title is %q, want only %q", got, "reintegrate")
			}
		})
	}
}

// The idle check runs by itself: Init starts the timer, and each check
// sets the next, so the screen hides without any other message.
func TestPrivacyTimerKeepsTicking(t *testing.T) {
	p := newPrivacy(Options{})
	if p.tick() == nil {
		t.Fatal("no idle timer with the default idle time")
	}
	if p.check(p.lastKey) == nil {
		t.Fatal("an idle check does not set the next one")
	}
	off := newPrivacy(Options{IdleAfter: -1})
	if off.tick() != nil {
		t.Fatal("an idle timer runs with hiding turned off")
	}
}
