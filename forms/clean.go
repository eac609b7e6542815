package forms

import (
	"strings"

	"golang.org/x/text/unicode/norm"

	"reintegrate/model"
)

// Clean makes a typed or imported value safe to store and print (DESIGN.md,
// "Safety of what is shown and written"): model.CleanText strips C0 and C1
// controls (tab and newline kept when multiline), carriage returns, ANSI and
// OSC sequences and bidi overrides. Clean then composes the text (NFC) so a
// name typed on a Mac as "Nguye\u0302\u0303n" prints as the one letter
// "Nguyễn" the font has, and trims it: a one-line value of spaces only, and
// trailing blank lines, are nothing.
func Clean(s string, multiline bool) string {
	s = norm.NFC.String(model.CleanText(s, multiline))
	if !multiline {
		return strings.TrimSpace(s)
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}
