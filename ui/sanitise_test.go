package ui

import (
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"reintegrate/model"
)

// Hostile text pasted into a record (issue 7 part 1; DESIGN.md, "Safety of
// what is shown and written"): a carriage return that would overwrite the
// start of the line ("Sam" then "NONE" over it), screen-clearing and
// colour escapes, an OSC 8 link, an OSC title change, and bidi overrides
// that would show the name backwards. None may reach the terminal.
var hostile = []struct{ name, text string }{
	{"carriage return", "Sam\r       NONE"},
	{"clear screen", "Eve\x1b[2J\x1b[HMallory"},
	{"colour", "\x1b[31;1mRed\x1b[0m Alert"},
	{"OSC 8 link", "\x1b]8;;https://evil.example/\x07Click me\x1b]8;;\x07"},
	{"OSC title", "\x1b]0;pwned\x07Tit Le"},
	{"bidi override", "Kate \u202eredrum\u202c Bell"},
	{"bidi isolate", "Ivy \u2066Isolated\u2069 Ash"},
	{"C1 CSI", "Ned\u009b2JStark"},
	{"backspace and bell", "Bob\b\b\bXXX\a"},
}

// seedHostile adds one pupil and case per hostile name, active on testOn,
// with the hostile text in the named person, the home learning, the
// consent and the people involved as well.
func seedHostile(f *fakeStore) {
	for _, h := range hostile {
		p := f.addPupil(model.Pupil{Name: h.text, DateOfBirth: date("2013-04-02"), YearGroup: "Y8"})
		f.addCase(model.Case{Pupil: p, Kind: model.ReducedTimetable, Reasons: []model.Reason{model.OtherReason},
			Start: date("2026-11-02"), PlannedEnd: date("2026-12-11"), Status: model.Active,
			NamedPerson: h.text, HomeLearning: h.text,
			Consent:     model.Consent{ParentName: h.text, Relationship: h.text, Signed: date("2026-10-30")},
			Involvement: []model.Involvement{{Role: model.SocialWorker, Name: h.text}},
			Timetable:   []model.Week{mornings("2026-11-02")}})
	}
}

// sgr is a styling sequence: the only escape the app itself writes.
var sgr = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// mustBeClean fails if the frame holds anything but text and styling.
func mustBeClean(t *testing.T, screen, frame string) {
	t.Helper()
	rest := sgr.ReplaceAllString(frame, "")
	for _, bad := range []struct{ what, s string }{
		{"an escape sequence", "\x1b"}, {"a carriage return", "\r"}, {"a bell", "\a"}, {"a backspace", "\b"},
		{"a C1 control", "\u009b"}, {"a bidi override", "\u202e"}, {"a bidi isolate", "\u2066"},
		{"a bidi pop", "\u202c"},
	} {
		if i := strings.Index(rest, bad.s); i >= 0 {
			t.Errorf("%s: the frame holds %s near %q", screen, bad.what, rest[max(0, i-20):min(len(rest), i+20)])
		}
	}
	for _, word := range []string{"pwned", "evil.example"} {
		if strings.Contains(rest, word) {
			t.Errorf("%s: the frame shows %q, which only an escape sequence held", screen, word)
		}
	}
}

func TestHostileNamesCannotChangeTheScreen(t *testing.T) {
	store := newFakeStore(testSchool())
	seedHostile(store)
	for _, s := range []struct {
		name string
		keys []string
	}{
		{"today", nil},
		{"cases", []string{"c"}},
		{"cases-search", []string{"c", "sam"}},
		{"case-overview", []string{"enter"}},
		{"case-findings", []string{"enter", "2"}},
		{"timetable", []string{"enter", "t"}},
		{"new-case", []string{"n"}},
		{"initials", []string{"ctrl+p"}},
	} {
		for i := range hostile {
			d := &driver{t: t, store: store}
			m := New(store, testSchool(), testOn, Options{Forms: fakeForms{}, IdleAfter: -1}).(Model)
			m.common.check = pinnedCheck
			d.m = m
			d.run(m.Init())
			d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
			for range i { // the hostile case under the cursor
				d.keys("down")
			}
			d.keys(s.keys...)
			mustBeClean(t, s.name+"/"+hostile[i].name, d.m.View().Content)
		}
	}
}

// The sanitiser keeps what a name should show: the letters, accents and
// spaces, in order.
func TestSanitiseKeepsTheText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Zoë Brontë", "Zoë Brontë"},
		{"Nguyễn Văn An", "Nguyễn Văn An"},
		{"Sam\r       NONE", "Sam       NONE"},
		{"\x1b[31;1mRed\x1b[0m Alert", "Red Alert"},
		{"\x1b]8;;https://evil.example/\x07Click me\x1b]8;;\x07", "Click me"},
		{"Kate \u202eredrum\u202c Bell", "Kate redrum Bell"},
		{"line one\nline two", "line one line two"},
	}
	for _, tt := range tests {
		if got := sanitise(tt.in); got != tt.want {
			t.Errorf("sanitise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
