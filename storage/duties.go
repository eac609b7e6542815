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
// of what `today` spends (DESIGN.md, "Budgets"), and through the pure-Go
// driver each column of each row is a few locked calls into SQLite, so
// the query visits only the duty rows (through the findings_duties index,
// migrations/0003) and reads only what the cache alone knows. A rule's
// pack and source are the catalogue's (model.Check copies them from it),
// so they are taken from there, not read 6,000 times over.

// dutiesQuery is cacheQuery cut down to the duties (due, overdue, or a
// blocker not met: the cache holds only outstanding findings) and to the
// columns the catalogue cannot give, with the pupil's name.
//
// Columns are folded where a value tells the rest: the rule is NULL for a
// stale case and empty for a fresh case with no duties, and status and
// severity come as one "status severity" text (each is one word).
const dutiesQuery = `SELECT c.id, p.name, CASE WHEN fc.case_id IS NOT NULL THEN coalesce(f.rule, '') END,
	f.status || ' ' || f.severity, f.due, f.message
	FROM cases c JOIN pupils p ON p.id = c.pupil_id
	LEFT JOIN findings_checked fc ON fc.case_id = c.id AND fc.on_date = ?1 AND fc.case_version = c.version
	LEFT JOIN findings f ON f.case_id = fc.case_id
		AND (f.status IN ('due', 'overdue') OR f.severity = 'blocker')
	WHERE c.status = 'active'
	ORDER BY c.id, f.position`

// catalogueRule is what the catalogue says of a rule.
type catalogueRule struct {
	pack   model.Pack
	source string
}

// rulesByID is the catalogue by rule id, made once.
var rulesByID = sync.OnceValue(func() map[string]catalogueRule {
	rules := model.Catalogue()
	m := make(map[string]catalogueRule, len(rules))
	for _, r := range rules {
		m[r.ID] = catalogueRule{pack: r.Pack, source: r.Source}
	}
	return m
})

// readDuties returns the cached duties of the fresh active cases, in case
// then catalogue order, and the stale cases' ids in order.
func (s *Store) readDuties(ctx context.Context, on model.Date) ([]Duty, []int64, error) {
	// Counted before the read: while its rows are open, the count would
	// take (and open) another connection.
	duties := make([]Duty, 0, s.countDuties(ctx))
	rows, err := s.reader.QueryContext(ctx, dutiesQuery, on.String())
	if err != nil {
		return nil, nil, fmt.Errorf("read the findings cache: %w", s.explain(err))
	}
	defer rows.Close()
	catalogue := rulesByID()
	var stale []int64
	var unknown []int // duties whose rule this binary's catalogue lacks
	var d Duty
	var rule sql.NullString
	var grade string
	for rows.Next() {
		if err := rows.Scan(&d.CaseID, &d.Pupil, &rule, text(&grade), date(&d.Due), text(&d.Message)); err != nil {
			return nil, nil, fmt.Errorf("read the findings cache: %w", s.explain(err))
		}
		switch {
		case !rule.Valid:
			stale = append(stale, d.CaseID)
			continue
		case rule.String == "":
			continue // a fresh case with no duties
		}
		status, severity, _ := strings.Cut(grade, " ")
		d.Rule, d.Status, d.Severity = rule.String, model.Status(status), model.Severity(severity)
		if r, ok := catalogue[d.Rule]; ok {
			d.Pack, d.Source = r.pack, r.source
		} else {
			unknown = append(unknown, len(duties))
		}
		duties = append(grow(duties), d)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("read the findings cache: %w", s.explain(err))
	}
	rows.Close()
	if err := s.cachedRuleDetails(ctx, duties, unknown); err != nil {
		return nil, nil, err
	}
	return duties, stale, nil
}

// countDuties counts the cached duties, of fresh and stale cases alike,
// from the duties index, so that the list of thousands is made at its
// size once rather than grown and copied (a Duty is large, and clearing
// the grown copies cost a sixth of the read). It is only a size: on any
// error it is 0 and the list grows as it must.
func (s *Store) countDuties(ctx context.Context) int {
	var n int
	err := s.reader.QueryRowContext(ctx, `SELECT count(*) FROM findings
		WHERE status IN ('due', 'overdue') OR severity = 'blocker'`).Scan(&n)
	if err != nil {
		return 0
	}
	return n
}

// cachedRuleDetails reads the pack and source of duties whose rule the
// catalogue does not know from the cache itself: a cache written by
// another version of reintegrate on the same day may name one.
func (s *Store) cachedRuleDetails(ctx context.Context, duties []Duty, unknown []int) error {
	for _, i := range unknown {
		d := &duties[i]
		var pack string
		err := s.reader.QueryRowContext(ctx, "SELECT pack, source FROM findings WHERE case_id = ? AND rule = ?",
			d.CaseID, d.Rule).Scan(&pack, &d.Source)
		if err != nil {
			return fmt.Errorf("read the findings cache: case %d, rule %s: %w", d.CaseID, d.Rule, s.explain(err))
		}
		d.Pack = model.Pack(pack)
	}
	return nil
}
