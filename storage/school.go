package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"reintegrate/model"
)

// queryer is what loaders read through: the read pool, or the write
// transaction when a change needs the value it is about to replace.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// readConn is the pool of read connections (*sql.DB) or one of them held
// (*sql.Conn).
type readConn interface {
	queryer
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}

// paramsJSON is how the rule parameters are stored: with named keys, so a
// renamed Go field cannot silently lose a school's settings, and a key the
// column lacks takes its default. It is the school file's shape
// (model.ParamsJSON), so the two never name a parameter differently.
type paramsJSON = model.ParamsJSON

// School is the school profile, or model.DefaultSchool() when none has
// been saved yet.
func (s *Store) School(ctx context.Context) (model.School, error) {
	sc, err := loadSchool(ctx, s.reader)
	if err != nil {
		return sc, fmt.Errorf("read the school profile: %w", s.explain(err))
	}
	return sc, nil
}

func loadSchool(ctx context.Context, q queryer) (model.School, error) {
	sc := model.DefaultSchool()
	var params string
	err := q.QueryRowContext(ctx, `SELECT name, urn, local_authority, trust, am_minutes, pm_minutes,
		packs_on, params, retention_years FROM school WHERE id = 1`).Scan(&sc.Name, &sc.URN,
		&sc.LocalAuthority, &sc.Trust, &sc.Sessions.AM, &sc.Sessions.PM, codes(&sc.Packs.On), &params, &sc.RetentionYears)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return sc, nil
	case err != nil:
		return sc, err
	}
	p := paramsJSON(model.DefaultParams())
	if err := json.Unmarshal([]byte(params), &p); err != nil {
		return sc, fmt.Errorf("the stored rule parameters are not valid JSON: %w", err)
	}
	sc.Packs.Params = model.Params(p)
	sc.Closures, err = loadClosures(ctx, q)
	return sc, err
}

func loadClosures(ctx context.Context, q queryer) ([]model.Closure, error) {
	rows, err := q.QueryContext(ctx, "SELECT first, last, name FROM closures ORDER BY first, id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Closure
	for rows.Next() {
		var c model.Closure
		if err := rows.Scan(date(&c.First), date(&c.Last), &c.Name); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SaveSchool replaces the school profile and its closures. It clears the
// findings cache: packs, parameters and closures change every finding.
func (s *Store) SaveSchool(ctx context.Context, sc model.School) error {
	if err := validateSchool(sc); err != nil {
		return err
	}
	err := s.write(ctx, func(c *change) error {
		before, err := loadSchool(ctx, c)
		if err != nil {
			return err
		}
		if err := replaceSchool(ctx, c.Tx, sc); err != nil {
			return err
		}
		if _, err := c.ExecContext(ctx, "DELETE FROM findings_checked"); err != nil {
			return err
		}
		return c.audit("school", 1, "update", before, sc)
	})
	if err != nil {
		return fmt.Errorf("save the school profile: %w", err)
	}
	return nil
}

func replaceSchool(ctx context.Context, tx *sql.Tx, sc model.School) error {
	params, err := json.Marshal(paramsJSON(sc.Packs.Params))
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO school (id, name, urn, local_authority, trust,
		am_minutes, pm_minutes, packs_on, params, retention_years)
		VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, urn = excluded.urn,
		local_authority = excluded.local_authority, trust = excluded.trust,
		am_minutes = excluded.am_minutes, pm_minutes = excluded.pm_minutes,
		packs_on = excluded.packs_on, params = excluded.params,
		retention_years = excluded.retention_years`,
		sc.Name, sc.URN, sc.LocalAuthority, sc.Trust, sc.Sessions.AM, sc.Sessions.PM,
		joinCodes(sc.Packs.On), string(params), sc.RetentionYears)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM closures"); err != nil {
		return err
	}
	for _, cl := range sc.Closures {
		if _, err := tx.ExecContext(ctx, "INSERT INTO closures (first, last, name) VALUES (?, ?, ?)",
			dateArg(cl.First), dateArg(cl.Last), cl.Name); err != nil {
			return err
		}
	}
	return nil
}

func validateSchool(sc model.School) error {
	if err := sc.CheckLimits(); err != nil {
		return fmt.Errorf("school profile: %w", err)
	}
	if sc.Sessions.AM < 0 || sc.Sessions.AM > 600 || sc.Sessions.PM < 0 || sc.Sessions.PM > 600 {
		return fmt.Errorf("school session lengths %d am and %d pm are not possible: type the minutes of direct contact, such as 180 and 120", sc.Sessions.AM, sc.Sessions.PM)
	}
	if sc.RetentionYears < 0 {
		return fmt.Errorf("school retention of %d years is not possible: type a number of years, such as 25", sc.RetentionYears)
	}
	if err := known("school pack", sc.Packs.On, model.AllPacks); err != nil {
		return err
	}
	for _, cl := range sc.Closures {
		if cl.First.IsZero() || cl.Last.IsZero() || cl.Last.Before(cl.First) {
			return fmt.Errorf("school closure %q runs from %q to %q: give a first and last day, the first on or before the last", cl.Name, cl.First.UK(), cl.Last.UK())
		}
	}
	return nil
}
