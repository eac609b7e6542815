package model

import (
	"strings"
	"testing"
)

// DESIGN.md "Safety of what is shown and written": nothing a person typed
// may carry control characters, escape sequences or bidi overrides onward.
func TestCleanText(t *testing.T) {
	tests := []struct {
		name, in  string
		multiline bool
		want      string
	}{
		{"plain", "Sam Taylor", false, "Sam Taylor"},
		{"accents kept", "Zoë Łukasz Nguyễn Thị Mai", false, "Zoë Łukasz Nguyễn Thị Mai"},
		{"apostrophe kept", "Oliver O'Brien", false, "Oliver O'Brien"},
		{"emoji kept", "Ava 🌟", false, "Ava 🌟"},
		{"carriage return overwrite", "Sam\r       NONE", false, "Sam       NONE"},
		{"CSI colour", "\x1b[31mRed\x1b[0m Name", false, "Red Name"},
		{"OSC 8 link", "\x1b]8;;https://evil.example\x07Click\x1b]8;;\x07", false, "Click"},
		{"OSC with ST", "\x1b]0;title\x1b\\Name", false, "Name"},
		{"DCS", "\x1bPq#0;2;0;0;0\x1b\\Mo", false, "Mo"},
		{"C1 CSI", "A\u009b31mB", false, "AB"},
		{"right-to-left override", "Sam \u202eroloc\u202c Taylor", false, "Sam roloc Taylor"},
		{"isolates", "\u2066Zoë\u2069", false, "Zoë"},
		{"NUL and BEL", "Sa\x00m\x07", false, "Sam"},
		{"tab and newline one-line", "a\tb\nc", false, "a b c"},
		{"tab and newline kept in notes", "a\tb\nc", true, "a\tb\nc"},
		{"CRLF in notes", "line one\r\nline two", true, "line one\nline two"},
		{"invalid UTF-8", "Zo\xffë", false, "Zoë"},
		{"unterminated CSI", "Name\x1b[31", false, "Name"},
		{"lone ESC", "Name\x1b", false, "Name"},
		// Invisible format characters make lookalikes: all out.
		{"zero-width space", "Sam\u200bTaylor", false, "SamTaylor"},
		{"word joiner", "Sam Taylor\u2060", false, "Sam Taylor"},
		{"soft hyphen", "Nguy\u00adễn", false, "Nguyễn"},
		{"byte order mark inside", "Zo\ufeffë", false, "Zoë"},
		{"tag characters", "Sam\U000E0041\U000E0042", false, "Sam"},
		{"Hangul filler", "Sam\u3164 Taylor", false, "Sam Taylor"},
		{"zero-width joiner between Latin letters", "Sa\u200dm", false, "Sam"},
		{"Persian non-joiner kept", "می\u200cخواهم", false, "می\u200cخواهم"},
		{"emoji joiner kept", "Kai 👩\u200d👧", false, "Kai 👩\u200d👧"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CleanText(tt.in, tt.multiline); got != tt.want {
				t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCleanName(t *testing.T) {
	if got := CleanName("  Zoë \t Clarke\r "); got != "Zoë Clarke" {
		t.Errorf("CleanName = %q", got)
	}
}

func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"Sam\r NONE", "\x1b]8;;x\x07y", "\u202eabc", "Zoë"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, multiline bool) {
		got := CleanText(s, multiline)
		if again := CleanText(got, multiline); again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, got, again)
		}
		for _, r := range got {
			if r == '\r' || r == 0x1b || isBidiControl(r) || (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) {
				t.Fatalf("CleanText(%q) kept %U", s, r)
			}
			if !multiline && strings.ContainsAny(string(r), "\n\t") {
				t.Fatalf("one-line field kept %U", r)
			}
		}
	})
}
