package ui

import (
	"strings"
	"unicode"

	"github.com/sahilm/fuzzy"
	"golang.org/x/text/unicode/norm"
)

// fold makes a name searchable the way staff type it: lower case, accents
// gone (Zoë -> zoe, Nguyễn -> nguyen). Decomposing with NFD drops the
// combining marks; the table covers letters that are not a base letter
// plus a mark (Łukasz, Øyvind, Straße).
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if t, ok := foldTable[r]; ok {
			b.WriteString(t)
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

var foldTable = map[rune]string{
	'ł': "l", 'Ł': "l", 'ø': "o", 'Ø': "o", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d",
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'þ': "th", 'Þ': "th",
	'ı': "i", 'ħ': "h", 'Ħ': "h",
}

// foldedNames is a fuzzy.Source over names already folded once, so each
// keystroke only folds the pattern.
type foldedNames []string

// foldNames folds the name of each row once, for search.
func foldNames[T any](rows []T, name func(T) string) foldedNames {
	out := make(foldedNames, len(rows))
	for i, r := range rows {
		out[i] = fold(name(r))
	}
	return out
}

func (f foldedNames) String(i int) string { return f[i] }
func (f foldedNames) Len() int            { return len(f) }

// search returns the indexes of the names that match the pattern, best
// first; an empty pattern keeps every name in its order.
func search(pattern string, names foldedNames) []int {
	pattern = strings.TrimSpace(fold(pattern))
	if pattern == "" {
		out := make([]int, len(names))
		for i := range out {
			out[i] = i
		}
		return out
	}
	matches := fuzzy.FindFrom(pattern, names)
	out := make([]int, len(matches))
	for i, m := range matches {
		out[i] = m.Index
	}
	return out
}
