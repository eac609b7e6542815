package forms

import (
	"strings"

	"golang.org/x/text/unicode/norm"

	"reintegrate/model"
)

// Clean makes a typed or imported value safe to store and print (DESIGN.md,
// "Safety of what is shown and written") with the product's one sanitiser:
// model.CleanName for a one-line value (controls, escape sequences and bidi
// overrides out, runs of spaces closed up, the ends trimmed), model.CleanText
// for a multi-line one (tab and newline kept), with each line's trailing
// spaces and the trailing blank lines dropped. The text is then composed
// (NFC), so a name typed on a Mac as "Nguye\u0302\u0303n" prints as the
// one letter "Nguyễn" the font has.
func Clean(s string, multiline bool) string {
	if !multiline {
		return norm.NFC.String(model.CleanName(s))
	}
	lines := strings.Split(model.CleanText(s, true), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return norm.NFC.String(strings.Trim(strings.Join(lines, "\n"), "\n"))
}
