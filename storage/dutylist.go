package storage

import (
	"cmp"
	"iter"
	"slices"
	"strings"

	"reintegrate/model"
)

// DutyList is the daily list of duties in the order staff work through it
// (see sort). A big school's list runs to thousands, and on a school
// laptop each first touch of fresh memory is dear, so the list keeps the
// duties as the findings cache gave them, packed a case at a time, and
// makes each Duty when it is asked for: an index of small entries rather
// than thousands of large values.
type DutyList struct {
	cases []dutyCase // the packed duties of each active case
	whole []Duty     // duties held whole: worked out afresh, or of a rule the catalogue lacks
	refs  []dutyRef  // the list, in order

	// NotCached says why findings worked out afresh could not be kept in
	// the findings cache (a full disk; another program holding the
	// database past the busy timeout). The list is whole all the same:
	// the next run works them out again. nil when they were kept.
	NotCached error
}

// dutyRef is one duty of the list: where it is, and what it sorts by.
type dutyRef struct {
	at, off, end int32          // cases[at].duties[off:end]; at < 0: whole[off]
	rule         *catalogueRule // a packed duty's rule
	// key orders the duties (see sort) but for their rule, in one number:
	// from the top bit, the rank (dutyRank), the deadline in days (none
	// last), then the case's place by pupil name (added by sort).
	key uint64
}

// The parts of dutyRef.key.
const (
	nameBits = 30 // over a billion cases
	dueBits  = 30 // days from 1970: until the year 2.9 million
	noDue    = 1<<dueBits - 1
)

// DutyListOf makes a list of whole duties, in the daily list's order (for
// a store of another kind, such as a test's).
func DutyListOf(ds []Duty) DutyList {
	var l DutyList
	cases := make([]dutyCase, 0, len(ds))
	for _, d := range ds {
		l.addWhole(d)
		cases = append(cases, dutyCase{id: d.CaseID, pupil: d.Pupil})
	}
	slices.SortFunc(cases, func(a, b dutyCase) int { return cmp.Compare(a.id, b.id) })
	cases = slices.CompactFunc(cases, func(a, b dutyCase) bool { return a.id == b.id })
	l.sort(casesByName(&nameKeys{}, cases))
	return l
}

// Len is how many duties there are.
func (l DutyList) Len() int { return len(l.refs) }

// At is the i'th duty.
func (l DutyList) At(i int) Duty {
	r := l.refs[i]
	if r.at < 0 {
		return l.whole[r.off]
	}
	c := l.cases[r.at]
	d, _ := unpackDuty(c.duties[r.off:r.end]) // whole: add checked it
	d.CaseID, d.Pupil = c.id, c.pupil
	d.Rule, d.Pack, d.Source = r.rule.id, r.rule.pack, r.rule.source
	return d
}

// All is the duties in order.
func (l DutyList) All() iter.Seq[Duty] {
	return func(yield func(Duty) bool) {
		for i := range l.refs {
			if !yield(l.At(i)) {
				return
			}
		}
	}
}

// Blockers is how many of the duties are blockers not met.
func (l DutyList) Blockers() int {
	n := 0
	for _, r := range l.refs {
		if r.key>>(dueBits+nameBits) == 0 {
			n++
		}
	}
	return n
}

// addWhole adds a duty held whole.
func (l *DutyList) addWhole(d Duty) {
	l.refs = append(l.refs, refOf(-1, int32(len(l.whole)), 0, d.Finding))
	l.whole = append(l.whole, d)
}

// addPacked adds the duties of the fresh case cases[at], and reports false,
// adding nothing, if its packed text is not whole (the case is then
// checked afresh). A duty whose rule the catalogue lacks (a cache written
// on the same day by another version of reintegrate) is added whole, with
// its pack and source to come from the cache: its place in l.whole is
// appended to unknown.
func (l *DutyList) addPacked(at int, unknown []int) ([]int, bool) {
	c := l.cases[at]
	catalogue := rulesByID()
	hadRefs, hadWhole, hadUnknown := len(l.refs), len(l.whole), len(unknown)
	for off := 0; off < len(c.duties); {
		end := off + strings.Index(c.duties[off:], dutySep)
		if end < off {
			end = len(c.duties)
		}
		d, ok := unpackDuty(c.duties[off:end])
		if !ok {
			l.refs, l.whole = l.refs[:hadRefs], l.whole[:hadWhole]
			return unknown[:hadUnknown], false
		}
		if rule, known := catalogue[d.Rule]; known {
			r := refOf(int32(at), int32(off), int32(end), d.Finding)
			r.rule = rule
			l.refs = append(grow(l.refs), r)
		} else {
			d.CaseID, d.Pupil = c.id, c.pupil
			unknown = append(unknown, len(l.whole))
			l.addWhole(d)
		}
		off = end + len(dutySep)
	}
	return unknown, true
}

// refOf is a duty's entry, its name place to come (sort).
func refOf(at, off, end int32, f model.Finding) dutyRef {
	due := uint64(noDue)
	if !f.Due.IsZero() {
		due = min(uint64(max(f.Due.Time().Unix()/(24*60*60), 0)), noDue-1)
	}
	return dutyRef{at: at, off: off, end: end, key: uint64(dutyRank(f))<<(dueBits+nameBits) | due<<nameBits}
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

// sort puts the list in the order staff work through it: blockers first,
// then overdue, then due; the earliest deadline first (a duty with none
// last); then by pupil, names ordered as sortByName orders them; then by
// case and rule, so the order is total. Each case's place by name is
// worked out once (names), and the entries sorted on small integer keys
// rather than on names.
func (l *DutyList) sort(names nameOrder) {
	for i := range l.refs {
		l.refs[i].key |= uint64(names.of(l.caseID(l.refs[i])))
	}
	slices.SortFunc(l.refs, func(a, b dutyRef) int {
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		return strings.Compare(l.rule(a), l.rule(b))
	})
}

func (l DutyList) caseID(r dutyRef) int64 {
	if r.at < 0 {
		return l.whole[r.off].CaseID
	}
	return l.cases[r.at].id
}

// rule is the duty's rule id.
func (l DutyList) rule(r dutyRef) string {
	if r.at < 0 {
		return l.whole[r.off].Rule
	}
	return r.rule.id
}
