package ui

import (
	"strings"

	"github.com/sahilm/fuzzy"

	"reintegrate/storage"
)

// fold makes a name searchable the way staff type it: lower case, accents
// gone (Zoë -> zoe, Nguyễn -> nguyen, Łukasz -> lukasz), by the one fold
// storage matches imported pupils with (storage.FoldAccents).
func fold(s string) string { return storage.FoldAccents(s) }

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
