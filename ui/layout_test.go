package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// layoutSizes run from a small laptop terminal to a large monitor; the odd
// ones catch rounding in shared-out widths.
var layoutSizes = [][2]int{{60, 20}, {61, 21}, {80, 24}, {100, 30}, {120, 40}, {157, 45}, {200, 60}}

// TestLayoutFillsTerminal renders every screen at every size (superfile's
// layout test): no line may be wider than the terminal, and the view must
// be exactly the terminal's height, so nothing wraps and no old frame
// shows below.
func TestLayoutFillsTerminal(t *testing.T) {
	for _, size := range layoutSizes {
		for _, s := range screens {
			t.Run(fmt.Sprintf("%s-%dx%d", s.name, size[0], size[1]), func(t *testing.T) {
				t.Parallel() // each has its own app and store; most of the time is waiting
				d := newDriver(t, size[0], size[1], false)
				s.open(d)
				checkFits(t, d.m.View().Content, size[0], size[1])
				if size[0] >= 80 {
					checkBody(t, d.root().top().View(), size[0], size[1]-chrome)
				}
			})
		}
	}
}

// checkBody holds a screen to its own share of the terminal from 80
// columns up: the root cuts whatever overflows, but a cut line loses what
// it said. Below 80 the root's cut is the safety net (the brief: "works
// at 80x24").
func checkBody(t *testing.T, body string, width, height int) {
	t.Helper()
	lines := strings.Split(body, "\n")
	if len(lines) > height {
		t.Errorf("body has %d lines, room for %d", len(lines), height)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("body line %d is %d cells wide, room for %d: %q", i+1, w, width, ansi.Strip(l))
		}
	}
}

func checkFits(t *testing.T, view string, width, height int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != height {
		t.Errorf("view has %d lines, want exactly %d", len(lines), height)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("line %d is %d cells wide, terminal is %d: %q", i+1, w, width, ansi.Strip(l))
		}
	}
}

// TestLayoutUsesWidth checks that the wide screens use a wide terminal:
// the grid's bar and the tables grow with it rather than leaving it empty.
func TestLayoutUsesWidth(t *testing.T) {
	for _, s := range []string{"timetable", "today"} {
		var widest [2]int
		for i, width := range []int{80, 200} {
			d := newDriver(t, width, 30, false)
			for _, sc := range screens {
				if sc.name == s {
					sc.open(d)
				}
			}
			for _, l := range strings.Split(d.view(), "\n") {
				widest[i] = max(widest[i], ansi.StringWidth(strings.TrimRight(l, " ")))
			}
		}
		if widest[1] <= widest[0]+40 {
			t.Errorf("%s: widest line %d cells at 200 columns against %d at 80; the screen does not fill a wide terminal",
				s, widest[1], widest[0])
		}
	}
}

// TestLayoutRealData holds the screens to the terminal with the real demo
// data, the real rules and the real protocol forms in a real store: longer
// names, findings and form titles than the fixtures have.
func TestLayoutRealData(t *testing.T) {
	s, school := openDemo(t)
	flows := []struct {
		name string
		keys []string
	}{
		{"today", nil},
		{"cases", []string{"c"}},
		{"findings", []string{"c", "zoe", "enter", "2"}},
		{"forms", []string{"c", "zoe", "enter", "3"}},
		{"appendix-1", []string{"c", "zoe", "enter", "3", "enter"}},
		{"timetable", []string{"c", "amara", "enter", "t"}},
		{"new-case-forms", []string{"n", "ruby", "enter", "enter", "x", "enter", "enter", "enter", "enter"}},
		{"settings", []string{"s"}},
	}
	for _, size := range layoutSizes {
		for _, f := range flows {
			t.Run(fmt.Sprintf("%s-%dx%d", f.name, size[0], size[1]), func(t *testing.T) {
				t.Parallel() // one store, read only; most of the time is waiting
				d := &driver{t: t}
				m := New(s, school, demoOn, Options{IdleAfter: -1}).(Model)
				d.m = m
				d.run(m.Init())
				d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				d.keys(f.keys...)
				checkFits(t, d.m.View().Content, size[0], size[1])
				if size[0] >= 80 {
					checkBody(t, d.root().top().View(), size[0], size[1]-chrome)
				}
			})
		}
	}
}
