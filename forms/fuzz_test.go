package forms

import (
	"io"
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

// Clean is the product's one sanitiser (model.CleanName, model.CleanText)
// with Unicode composed, so names typed on any keyboard print as one.
func TestClean(t *testing.T) {
	for _, tc := range []struct {
		in        string
		multiline bool
		want      string
	}{
		{"Zoë  Clarke ", false, "Zoë Clarke"},
		{"Nguye\u0302\u0303n Thi\u0323 Mai", false, "Nguyễn Thị Mai"},
		{"Sam\r    NONE", false, "Sam NONE"},
		{"\x1b[31mŁukasz\x1b[0m", false, "Łukasz"},
		{"\u202eevil\u202c", false, "evil"},
		{"line one\r\nline two  \n\n", true, "line one\nline two"},
		{"a\tb", false, "a b"},
		{"a\tb", true, "a\tb"},
	} {
		if got := Clean(tc.in, tc.multiline); got != tc.want {
			t.Errorf("Clean(%q, %v) = %q, want %q", tc.in, tc.multiline, got, tc.want)
		}
	}
}

// FuzzRecord: whatever a record holds under any key of a template (typed
// in, or read from a case file), validating it, writing it into the case
// and printing it never panic; a value refused is refused with a message
// naming the field and saying what to type, and a record that validates
// writes into the case.
func FuzzRecord(f *testing.F) {
	for _, s := range []string{"", "02/11/2026", "31/02/2026", "yes", "S 150", "x 999", "2026-11-02", "Zoë\x1b[2J",
		"04/11/2026 call\nnot a date", "behaviour\nother", "3"} {
		f.Add(uint8(0), uint16(0), s)
		f.Add(uint8(8), uint16(40), s)
		f.Add(uint8(10), uint16(3), s)
	}
	school := sampleSchool()
	f.Fuzz(func(t *testing.T, which uint8, key uint16, value string) {
		tmpl := all()[int(which)%len(all())]
		keys := []string{"timetable.0.week", "timetable.0.mon.am", "timetable.0.fri.pm"}
		for _, in := range tmpl.allInputs() {
			keys = append(keys, in.key)
		}
		k := keys[int(key)%len(keys)]
		rec := model.FormRecord{Template: tmpl.ID, Fields: map[string]string{k: value}}
		if k != "timetable.0.week" && strings.HasPrefix(k, "timetable.") {
			rec.Fields["timetable.0.week"] = "2026-11-02"
		}
		c := sampleCase(tmpl.Kinds[0])
		errs := tmpl.Validate(rec, c)
		for _, fe := range errs {
			if fe.Field == "" || !strings.Contains(fe.Message, ":") {
				t.Errorf("%s=%q: a message that does not name the field or say what to type: %+v", k, value, fe)
			}
		}
		applied := c
		if err := ApplyRecord(tmpl, rec, &applied); err != nil && len(errs) == 0 {
			t.Errorf("%s=%q validates but does not write into the case: %v", k, value, err)
		}
		Markdown(tmpl, rec, applied, school)
		if err := PDF(tmpl, rec, applied, school, io.Discard); err != nil {
			t.Errorf("%s=%q does not print: %v", k, value, err)
		}
	})
}
