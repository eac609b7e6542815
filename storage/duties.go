package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"

	"reintegrate/model"
)

// Reading the daily list of duties from the findings cache. This is most
// of what `today` spends (DESIGN.md, "Budgets"). Through the pure-Go driver
// every value of every row costs two allocations and a few locked calls
// into SQLite, and on a school laptop's first touch of fresh memory each
// allocation is dear, so the query returns one row per active case, its
// duties gathered by SQLite into one text (dutiesQuery), which is then cut
// up in place when each duty is asked for (DutyList). The duties come
// through the findings_duties index (migrations/0003), which holds only the
// duty rows. A rule's pack and source are the catalogue's (model.Check
// copies them from it), so they are taken from there, not read 6,000 times.

// dutyCasesQuery reads each active case with its pupil's name, and
// whether the findings cache holds its findings for this day and version
// (fresh) or not (stale: it is checked again).
const dutyCasesQuery = `SELECT c.id, p.name, fc.case_id IS NOT NULL
	FROM cases c JOIN pupils p ON p.id = c.pupil_id
	LEFT JOIN findings_checked fc ON fc.case_id = c.id AND fc.on_date = ?1 AND fc.case_version = c.version
	WHERE c.status = 'active'
	ORDER BY c.id`

// dutiesQuery reads the cached duties (due, overdue, or a blocker not met:
// the cache holds only outstanding findings) of every case in the cache,
// a row a case in case order, packed: a duty's rule, status, severity,
// deadline and message joined by dutyField, the duties joined by dutySep,
// in no particular order (DutyList.sort orders them). It is one pass over
// the findings_duties index, which holds nothing else; matching the rows
// to the cases in Go costs less than SQLite looking up each case's duties
// (a fifth of the read).
const dutiesQuery = `SELECT case_id, group_concat(rule || char(31) || status || char(31) || severity || char(31) ||
		coalesce(due, '') || char(31) || message, char(30))
	FROM findings WHERE status IN ('due', 'overdue') OR severity = 'blocker'
	GROUP BY case_id ORDER BY case_id`

// The separators of dutiesQuery's packed text: the ASCII unit and record
// separators, which model.CleanText keeps out of everything stored.
const (
	dutyField = "\x1f"
	dutySep   = "\x1e"
)

// dutyCase is one active case as dutiesQuery reads it.
type dutyCase struct {
	id     int64
	pupil  string
	duties string // packed; see dutiesQuery
	fresh  bool   // the cache holds this day's findings for this version
}

// catalogueRule is what the catalogue says of a rule.
type catalogueRule struct {
	id     string
	pack   model.Pack
	source string
}

// rulesByID is the catalogue by rule id, made once.
var rulesByID = sync.OnceValue(func() map[string]*catalogueRule {
	rules := model.Catalogue()
	m := make(map[string]*catalogueRule, len(rules))
	for _, r := range rules {
		m[r.ID] = &catalogueRule{id: r.ID, pack: r.Pack, source: r.Source}
	}
	return m
})

// readDutyCases reads every active case with its packed duties, in case
// order: the cases, then the duties matched to them, in one read
// transaction, so both see the same moment.
func (s *Store) readDutyCases(ctx context.Context, q readConn, on model.Date) ([]dutyCase, error) {
	tx, err := q.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("read the findings cache: %w", s.explain(err))
	}
	defer tx.Rollback()
	// Counted before the read: see Cases.
	cases := make([]dutyCase, 0, countCases(ctx, tx, "c.status = 'active'"))
	var c dutyCase // made once: see Today
	err = eachRow(ctx, tx, dutyCasesQuery, []any{on.String()}, func(rows *sql.Rows) error {
		err := rows.Scan(&c.id, &c.pupil, &c.fresh)
		cases = append(grow(cases), c)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read the findings cache: %w", s.explain(err))
	}
	at := 0 // both come in case order
	var id int64
	var duties string
	err = eachRow(ctx, tx, dutiesQuery, nil, func(rows *sql.Rows) error {
		if err := rows.Scan(&id, &duties); err != nil {
			return err
		}
		for at < len(cases) && cases[at].id < id {
			at++
		}
		if at < len(cases) && cases[at].id == id {
			cases[at].duties = duties
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the findings cache: %w", s.explain(err))
	}
	return cases, nil
}

// countDuties counts the fresh cases' packed duties, so that the list of
// thousands is made at its size once rather than grown and copied (a Duty
// is large, and each first touch of fresh memory is dear).
func countDuties(cases []dutyCase) int {
	n := 0
	for _, c := range cases {
		if c.fresh && c.duties != "" {
			n += strings.Count(c.duties, dutySep) + 1
		}
	}
	return n
}

// unpackDuty reads one packed duty: rule, status, severity, deadline and
// message.
func unpackDuty(packed string) (Duty, bool) {
	field, ok := unpack5(packed)
	if !ok {
		return Duty{}, false
	}
	due, err := parseStoredDate(field[3])
	if err != nil {
		return Duty{}, false
	}
	return Duty{Finding: model.Finding{Rule: field[0], Status: model.Status(field[1]),
		Severity: model.Severity(field[2]), Due: due, Message: field[4]}}, true
}

// unpack5 cuts a text SQLite packed from five fields joined by dutyField
// (char(31)) into them. The last takes the rest, so it alone may be free
// text.
func unpack5(packed string) (field [5]string, ok bool) {
	rest := packed
	for i := range 4 {
		if field[i], rest, ok = strings.Cut(rest, dutyField); !ok {
			return field, false
		}
	}
	field[4] = rest
	return field, true
}

// cachedRuleDetails reads the pack and source of duties whose rule the
// catalogue does not know from the cache itself: a cache written by
// another version of reintegrate on the same day may name one.
func (s *Store) cachedRuleDetails(ctx context.Context, q queryer, duties []Duty, unknown []int) error {
	for _, i := range unknown {
		d := &duties[i]
		var pack string
		err := q.QueryRowContext(ctx, "SELECT pack, source FROM findings WHERE case_id = ? AND rule = ?",
			d.CaseID, d.Rule).Scan(&pack, &d.Source)
		if err != nil {
			return fmt.Errorf("read the findings cache: case %d, rule %s: %w", d.CaseID, d.Rule, s.explain(err))
		}
		d.Pack = model.Pack(pack)
	}
	return nil
}
