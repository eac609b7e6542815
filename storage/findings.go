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
// Duties reads it (readDutyCases) and checks again only the cases whose
// cache is missing or stale (checkStale), caching what it finds.

// CaseFindings are model.Check's findings for one case at one version.
type CaseFindings struct {
	CaseID   int64
	Version  int
	Findings []model.Finding
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
