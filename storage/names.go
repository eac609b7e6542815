package storage

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// sortByName puts people in the order a school's lists use: by name, with
// accents sorting beside their letter (Zoë with Zoe, Łukasz with Lukasz,
// Ölmez before Patel) rather than after Z as byte order would put them.
// The keys are the collation's primary level only (letters, not accents or
// case), which are short and quick to make: 2,000 names cost about a
// millisecond. Names equal at that level fall back to byte order, then to
// their place in rows, so the order is stable and total. keys remembers
// the keys made, so lists read one after another (or side by side, as
// `today` reads the day's list and the duties) make each name's key once.
func sortByName[T any](keys *nameKeys, rows []T, name func(*T) string) {
	permute(rows, keys.order(len(rows), func(i int) string { return name(&rows[i]) }))
}

// nameKeys are the collation keys of the names sorted so far.
type nameKeys struct {
	mu   sync.Mutex
	keys map[string][]byte
	buf  collate.Buffer
	col  *collate.Collator // made at the first name; a Collator is not safe to share
}

// order gives the order of n names (the positions 0 to n-1 sorted as
// sortByName sorts).
func (k *nameKeys) order(n int, name func(i int) string) []int {
	keys := k.of(n, name)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := bytes.Compare(keys[a], keys[b]); c != 0 {
			return c
		}
		return cmp.Or(strings.Compare(name(a), name(b)), a-b)
	})
	return order
}

// of is the keys of the names, made for those not seen before. A second
// list read side by side waits for the first's keys rather than making
// the same ones.
func (k *nameKeys) of(n int, name func(i int) string) [][]byte {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.keys == nil {
		k.keys = make(map[string][]byte, n)
		k.col = collate.New(language.BritishEnglish, collate.Loose)
	}
	keys := make([][]byte, n)
	for i := range keys {
		key, ok := k.keys[name(i)]
		if !ok {
			key = k.col.KeyFromString(&k.buf, name(i))
			k.keys[name(i)] = key
		}
		keys[i] = key
	}
	return keys
}

// nameOrder is where each case comes when the cases are sorted by pupil
// name (as sortByName sorts), then by case id.
type nameOrder struct {
	ids   []int64 // in order
	place []int   // place[i] is ids[i]'s
}

// casesByName is the name order of the cases, which are in case id order.
func casesByName(keys *nameKeys, cases []dutyCase) nameOrder {
	o := nameOrder{ids: make([]int64, len(cases)), place: make([]int, len(cases))}
	for i, c := range cases {
		o.ids[i] = c.id
	}
	for place, i := range keys.order(len(cases), func(i int) string { return cases[i].pupil }) {
		o.place[i] = place
	}
	return o
}

// of is the case's place; a case not among them comes last.
func (o nameOrder) of(id int64) int {
	if i, found := slices.BinarySearch(o.ids, id); found {
		return o.place[i]
	}
	return len(o.ids)
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
