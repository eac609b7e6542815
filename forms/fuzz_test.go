package forms

import (
	"strings"
	"testing"
	"unicode"

	"reintegrate/model"
)

// every input of every template, for the parsers' fuzz targets.
func everyInput() []input {
	var out []input
	for _, t := range Templates() {
		out = append(out, t.allInputs()...)
	}
	return out
}

// FuzzParseField: whatever is typed into any field of any template, the
// parser answers without panicking; what it stores reads back as itself,
// and what the form shows of it reads back to it too, so saving and
// reopening a form never changes an answer.
func FuzzParseField(f *testing.F) {
	for _, s := range []string{"", "02/11/2026", "2026-11-02", "31/02/2026", "2/11/26", "yes", "N", "YES",
		"1", "3", "Overall Good", "behaviour\nother", "Zoë\x1b[31m Łukasz", "04/11/2026 call\n05/11/2026", "\u202eevil"} {
		f.Add(s, uint16(0))
		f.Add(s, uint16(7))
	}
	inputs := everyInput()
	f.Fuzz(func(t *testing.T, s string, which uint16) {
		in := inputs[int(which)%len(inputs)]
		stored, err := in.parse(s)
		if err != nil {
			if !strings.Contains(err.Error(), ":") {
				t.Errorf("%s: %q refused without saying what to type: %v", in.key, s, err)
			}
			return
		}
		again, err := in.parse(stored)
		if err != nil || again != stored {
			t.Errorf("%s: stored %q re-reads as %q, %v", in.key, stored, again, err)
		}
		shown, err := in.parse(in.display(stored))
		if err != nil || shown != stored {
			t.Errorf("%s: shown %q of stored %q reads as %q, %v", in.key, in.display(stored), stored, shown, err)
		}
		if in.kind == Date && stored != "" {
			if _, err := model.ParseDate(stored); err != nil || len(stored) != 10 {
				t.Errorf("%s: stored date %q is not YYYY-MM-DD", in.key, stored)
			}
		}
	})
}

// FuzzParseSession: a session typed as staff write it reads, or is
// refused; a session read writes back as itself.
func FuzzParseSession(f *testing.F) {
	for _, s := range []string{"", "S", "s 150", "school 150", "B", "offsite 120", "D", "K", "H 60", "-", "none", "x", "S 601", "S -1", "S 1 2", "home"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseSession(s)
		if err != nil {
			return
		}
		if !got.Mode.Valid() || got.Minutes < 0 || got.Minutes > maxSessionMinutes {
			t.Fatalf("%q read as %+v", s, got)
		}
		back, err := ParseSession(FormatSession(got))
		if err != nil || (FormatSession(back) != FormatSession(got)) {
			t.Errorf("%q: %+v writes %q, which reads %+v, %v", s, got, FormatSession(got), back, err)
		}
	})
}

// FuzzClean: cleaned text has no control characters (but tab and newline
// in multi-line text), no bidi overrides, and cleaning it again changes
// nothing.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"Zoë", "a\rb", "\x1b]8;;http://x\x07link\x1b]8;;\x07", "\u202eabc", "a\tb\nc", "Nguye\u0302\u0303n", "\x9b31m"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, multiline bool) {
		got := Clean(s, multiline)
		if Clean(got, multiline) != got {
			t.Errorf("Clean(%q) = %q is not stable", s, got)
		}
		for _, r := range got {
			if (unicode.IsControl(r) && !(multiline && (r == '\n' || r == '\t'))) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
				t.Errorf("Clean(%q) = %q keeps %U", s, got, r)
			}
		}
	})
}
