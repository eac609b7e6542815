package storage

import (
	"context"
	"fmt"

	"reintegrate/model"
)

// What the tests read of the findings cache, beside the daily list of
// duties (Duties), which is all the product reads of it.

// Findings returns the cached outstanding findings of every active case
// whose cache is fresh (worked out for this date and the case's current
// version; a fresh case with nothing outstanding maps to an empty list),
// and the ids of the active cases whose cache is missing or stale.
func (s *Store) Findings(ctx context.Context, on model.Date) (map[int64][]model.Finding, []int64, error) {
	rows, err := s.reader.QueryContext(ctx, cacheQuery, on.String())
	if err != nil {
		return nil, nil, fmt.Errorf("read the findings cache: %w", s.explain(err))
	}
	defer rows.Close()
	cached := make(map[int64][]model.Finding)
	var stale []int64
	var f model.Finding
	var id int64
	var fresh bool
	var rule, pack, status, severity string
	for rows.Next() {
		if err := rows.Scan(&id, &fresh, text(&rule), text(&pack), text(&status), text(&severity),
			date(&f.Due), text(&f.Message), text(&f.Source)); err != nil {
			return nil, nil, fmt.Errorf("read the findings cache: %w", s.explain(err))
		}
		switch {
		case !fresh:
			stale = append(stale, id)
		case rule == "":
			cached[id] = []model.Finding{}
		default:
			f.Rule, f.Pack, f.Status, f.Severity = rule, model.Pack(pack), model.Status(status), model.Severity(severity)
			cached[id] = append(cached[id], f)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("read the findings cache: %w", s.explain(err))
	}
	return cached, stale, nil
}

// cacheQuery reads the cache in one pass: every active case (through the
// status index, so in id order), whether its cache is fresh, and, for a
// fresh one, its cached findings by their primary key, so they come in
// case then catalogue order with no sort. A fresh case with nothing (left)
// to list gives one row of NULL findings; a stale one gives one row with
// fresh false.
const cacheQuery = `SELECT c.id, fc.case_id IS NOT NULL, f.rule, f.pack, f.status, f.severity,
	f.due, f.message, f.source
	FROM cases c JOIN pupils p ON p.id = c.pupil_id
	LEFT JOIN findings_checked fc ON fc.case_id = c.id AND fc.on_date = ?1 AND fc.case_version = c.version
	LEFT JOIN findings f ON f.case_id = fc.case_id
	WHERE c.status = 'active'
	ORDER BY c.id, f.position`

// SaveFindings caches one case's findings as of the date, for the version
// of the case they were worked out from. Only outstanding findings (unmet,
// due, overdue) are kept: the cache serves the daily list, and a full check
// of one case is quick to rerun.
func (s *Store) SaveFindings(ctx context.Context, on model.Date, caseID int64, version int, findings []model.Finding) error {
	return s.SaveAllFindings(ctx, on, []CaseFindings{{CaseID: caseID, Version: version, Findings: findings}})
}
