package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"reintegrate/model"
)

// The findings cache. Running model.Check on 2,000 fully loaded cases is too
// slow for `today`, so the outstanding findings of each active case are kept
// with the date and the case version they were worked out for. A cache
// write is derived data, not a change to the record, so it is not audited;
// any audited change to a case, its pupil (flags) or the school profile
// (packs, parameters, closures) clears the cached findings it affects.
//
// The caller's loop, once a day or after edits:
//
//	cached, stale, _ := store.Findings(ctx, on)
//	if len(stale) > 0 {
//		cases, _ := store.ActiveCases(ctx) // then check only the stale ones
//		... model.Check(c.Case, c.History, cal, packs, on) ...
//		store.SaveAllFindings(ctx, on, checked)
//	}

// CaseFindings are model.Check's findings for one case at one version.
type CaseFindings struct {
	CaseID   int64
	Version  int
	Findings []model.Finding
}

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

// SaveAllFindings caches many cases' findings in one transaction: one
// durable commit, not one per case, when a morning's first `today` finds
// every case stale. A case that has since changed (or gone) is skipped, so
// an old result never overwrites a newer one.
func (s *Store) SaveAllFindings(ctx context.Context, on model.Date, all []CaseFindings) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		st, err := prepareFindings(ctx, tx)
		if err != nil {
			return err
		}
		defer st.close()
		for _, cf := range all {
			if err := st.save(ctx, on, cf); err != nil {
				return fmt.Errorf("case %d: %w", cf.CaseID, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save the findings cache: %w", err)
	}
	return nil
}

// findingStatements are prepared once per batch: a morning's batch runs
// them tens of thousands of times.
type findingStatements struct {
	version, clear, checked, finding *sql.Stmt
}

func prepareFindings(ctx context.Context, tx *sql.Tx) (*findingStatements, error) {
	var st findingStatements
	for _, p := range []struct {
		stmt  **sql.Stmt
		query string
	}{
		{&st.version, "SELECT version FROM cases WHERE id = ?"},
		{&st.clear, "DELETE FROM findings_checked WHERE case_id = ?"},
		{&st.checked, "INSERT INTO findings_checked (case_id, on_date, case_version) VALUES (?, ?, ?)"},
		{&st.finding, `INSERT INTO findings (case_id, position, rule, pack, status, severity, due, message, source)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`},
	} {
		stmt, err := tx.PrepareContext(ctx, p.query)
		if err != nil {
			st.close()
			return nil, err
		}
		*p.stmt = stmt
	}
	return &st, nil
}

func (st *findingStatements) close() {
	for _, stmt := range []*sql.Stmt{st.version, st.clear, st.checked, st.finding} {
		if stmt != nil {
			stmt.Close()
		}
	}
}

func (st *findingStatements) save(ctx context.Context, on model.Date, cf CaseFindings) error {
	var current int
	err := st.version.QueryRowContext(ctx, cf.CaseID).Scan(&current)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && current != cf.Version) {
		return nil // the case changed (or went) since it was checked
	}
	if err != nil {
		return err
	}
	if _, err := st.clear.ExecContext(ctx, cf.CaseID); err != nil {
		return err
	}
	if _, err := st.checked.ExecContext(ctx, cf.CaseID, on.String(), cf.Version); err != nil {
		return err
	}
	position := 0
	for _, f := range cf.Findings {
		if !f.Outstanding() {
			continue
		}
		if _, err := st.finding.ExecContext(ctx, cf.CaseID, position, f.Rule, string(f.Pack), string(f.Status),
			string(f.Severity), dateArg(f.Due), f.Message, f.Source); err != nil {
			return err
		}
		position++
	}
	return nil
}
