package storage

import (
	"bytes"
	"cmp"
	"math"
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
	permute(rows, order)
}

// sortDuties puts the daily list of duties in the order staff work through
// it: blockers first, then overdue, then due; the earliest deadline first
// (a duty with none last); then by pupil, names ordered as sortByName
// orders them; then by case and rule, so the order is total. A big school
// has thousands of duties over a few thousand cases, so each case's place
// by name is worked out once, and the duties are sorted on small integer
// keys rather than on names.
func sortDuties(ds []Duty) {
	byName := nameOrder(ds)
	keys := make([]dutyKey, len(ds))
	for i := range ds {
		keys[i] = dutyKey{rank: dutyRank(ds[i].Finding), due: math.MaxInt64, name: byName[ds[i].CaseID], at: i}
		if !ds[i].Due.IsZero() {
			keys[i].due = ds[i].Due.Time().Unix()
		}
	}
	slices.SortFunc(keys, func(a, b dutyKey) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.due, b.due), cmp.Compare(a.name, b.name),
			strings.Compare(ds[a.at].Rule, ds[b.at].Rule))
	})
	order := make([]int, len(keys))
	for i, k := range keys {
		order[i] = k.at
	}
	permute(ds, order)
}

type dutyKey struct {
	rank int
	due  int64 // the deadline in seconds; none sorts last
	name int   // the case's place by pupil name, then case id
	at   int   // the duty's place in the list being sorted
}

// nameOrder gives each case among the duties its place when the cases are
// sorted by pupil name (as sortByName sorts), then by case id.
func nameOrder(ds []Duty) map[int64]int {
	type named struct {
		id   int64
		name string
	}
	var cases []named
	seen := make(map[int64]bool)
	for _, d := range ds {
		if !seen[d.CaseID] {
			seen[d.CaseID] = true
			cases = append(cases, named{d.CaseID, d.Pupil})
		}
	}
	slices.SortFunc(cases, func(a, b named) int { return cmp.Compare(a.id, b.id) })
	sortByName(cases, func(c *named) string { return c.name }) // stable: ties stay in id order
	order := make(map[int64]int, len(cases))
	for i, c := range cases {
		order[c.id] = i
	}
	return order
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

// permute puts rows in order in place: rows[i] becomes the old
// rows[order[i]]. It follows each cycle of the permutation, so every row
// moves once and no second list of rows is made. It uses up order.
func permute[T any](rows []T, order []int) {
	for i := range rows {
		if order[i] < 0 {
			continue // already in place
		}
		held := rows[i]
		j := i
		for order[j] != i {
			next := order[j]
			rows[j] = rows[next]
			order[j] = -1
			j = next
		}
		rows[j] = held
		order[j] = -1
	}
}

// grow makes room for one more row by doubling the slice's capacity:
// append alone grows a big slice by a quarter at a time, copying several
// times its final size when thousands of rows are read.
func grow[T any](rows []T) []T {
	if len(rows) < cap(rows) {
		return rows
	}
	return slices.Grow(rows, max(len(rows), 16))
}
