package storage

import (
	"strings"
	"unicode"

	"github.com/mtibben/confusables"
	"golang.org/x/text/unicode/norm"

	"reintegrate/model"
)

// Two records of one child must not be made by a spelling only a computer
// can tell apart: "Sam Taylor", "sam taylor", "Sаm Taylor" (a Cyrillic а)
// and "Zoe"/"Zoë" all show the same to a person. lookalikeKey folds a name
// so that such spellings meet: compatibility forms, accents and case are
// folded (FoldAccents), then each character that looks like another is
// mapped to it by Unicode's confusables table (UTS #39 "skeleton", from
// github.com/mtibben/confusables: x/text has no confusables data, and the
// table is Unicode's own, generated, not hand-kept).

// FoldAccents is a name as staff search for it: lower case, accents gone
// (Zoë -> zoe, Nguyễn -> nguyen, Łukasz -> lukasz), spaces closed up.
// Compatibility decomposition (NFKD) also turns full-width letters and
// ligatures into plain ones; the table covers letters that are not a base
// letter plus a mark.
func FoldAccents(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFKD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if t, ok := foldTable[r]; ok {
			b.WriteString(t)
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

var foldTable = map[rune]string{
	'ł': "l", 'Ł': "l", 'ø': "o", 'Ø': "o", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d",
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'þ': "th", 'Þ': "th",
	'ı': "i", 'ħ': "h", 'Ħ': "h",
}

// lookalikeKey is the key two pupils share when a person could not tell
// their names apart: accents and case folded, confusables mapped, then
// folded again (a skeleton may bring back a mark or a capital), spaces and
// punctuation dropped, with the date of birth. It is only ever compared, never shown or stored.
func lookalikeKey(name string, dob model.Date) string {
	skeleton := confusables.Skeleton(FoldAccents(model.CleanName(name)))
	letters := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1 // "Sam Taylor", "SamTaylor" (a zero-width space removed), "Sam-Taylor"
	}, FoldAccents(skeleton))
	return letters + "|" + dob.String()
}

// accentsOnly reports whether two different spellings of a name differ
// only in accents and case: the MIS's "Zoe Nguyen" for a typed "Zoë Nguyễn".
func accentsOnly(typed, mis string) bool {
	return typed != mis && FoldAccents(typed) == FoldAccents(mis)
}
