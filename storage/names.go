package storage

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"reintegrate/model"
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

// sortDuties puts the daily list of duties in the order staff work through
// it: blockers first, then overdue, then due; the earliest deadline first
// (a duty with none last); then by pupil, names ordered as sortByName
// orders them; then by case and rule, so the order is total.
func sortDuties(ds []Duty) {
	col := collate.New(language.BritishEnglish, collate.Loose)
	var buf collate.Buffer
	keys := make(map[int64][]byte) // one key per case: a case has many duties
	for _, d := range ds {
		if _, ok := keys[d.CaseID]; !ok {
			keys[d.CaseID] = col.KeyFromString(&buf, d.Pupil)
		}
	}
	slices.SortFunc(ds, func(a, b Duty) int {
		return cmp.Or(cmp.Compare(dutyRank(a.Finding), dutyRank(b.Finding)), compareDeadlines(a.Due, b.Due),
			bytes.Compare(keys[a.CaseID], keys[b.CaseID]), strings.Compare(a.Pupil, b.Pupil),
			cmp.Compare(a.CaseID, b.CaseID), strings.Compare(a.Rule, b.Rule))
	})
}

func dutyRank(f model.Finding) int {
	switch {
	case f.Severity == model.Blocker:
		return 0
	case f.Status == model.Overdue:
		return 1
	}
	return 2
}

// compareDeadlines orders dates, a missing one after every date.
func compareDeadlines(a, b model.Date) int {
	switch {
	case a.IsZero() || b.IsZero():
		return cmp.Compare(boolInt(a.IsZero()), boolInt(b.IsZero()))
	case a.Before(b):
		return -1
	case a.After(b):
		return 1
	}
	return 0
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
