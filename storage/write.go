package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// change is one write transaction with its audit trail. Every change to
// the record is made through Store.write, which hands the function a change
// and commits only if the function wrote an audit row for what it did.
type change struct {
	*sql.Tx
	ctx     context.Context
	s       *Store
	audited int
}

// audit appends one row to the audit log, in the same transaction as the
// change it records: who (Options.User), when, what entity, and the model
// value before and after as JSON (nil for none).
func (c *change) audit(entity string, id int64, action string, before, after any) error {
	b, err := jsonOrNull(before)
	if err != nil {
		return err
	}
	a, err := jsonOrNull(after)
	if err != nil {
		return err
	}
	_, err = c.ExecContext(c.ctx, `INSERT INTO audit (at, user, entity, entity_id, action, before, after)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, c.s.stamp(), c.s.who(), entity, id, action, b, a)
	if err == nil {
		c.audited++
	}
	return err
}

func jsonOrNull(v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("record the change in the audit log: %w", err)
	}
	return string(b), nil
}

// errUnaudited stops a transaction that changed rows without saying so in
// the audit log: a programming error, caught before it reaches a school.
var errUnaudited = errors.New("internal error: a change was made without an audit entry, so it was not saved")

// write runs fn in one write transaction and commits it. It is the only way
// the record changes: it refuses to commit rows changed with no audit entry
// (SQLite's total_changes() counts them, the audit rows included).
func (s *Store) write(ctx context.Context, fn func(*change) error) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := totalChanges(ctx, tx)
		if err != nil {
			return err
		}
		c := &change{Tx: tx, ctx: ctx, s: s}
		if err := fn(c); err != nil {
			return err
		}
		after, err := totalChanges(ctx, tx)
		if err != nil {
			return err
		}
		if after > before && c.audited == 0 {
			return errUnaudited
		}
		return nil
	})
}

func totalChanges(ctx context.Context, tx *sql.Tx) (int64, error) {
	var n int64
	err := tx.QueryRowContext(ctx, "SELECT total_changes()").Scan(&n)
	return n, err
}

// inTx runs fn in a write transaction (BEGIN IMMEDIATE) on the one write
// connection, rolling back on any error. Only write and the two kinds of
// derived, unaudited data (the findings cache and GenerateSynthetic's bulk
// sample data) call it directly.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) (err error) {
	if s.readOnly {
		return s.readOnlyError()
	}
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return s.explain(err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback() // SQLite may already have rolled back (SQLITE_FULL)
		}
	}()
	if err = fn(tx); err != nil {
		return s.explain(err)
	}
	return s.explain(tx.Commit())
}

// readTx runs fn in a read transaction, so a case and its parts are read
// from one consistent snapshot while a writer carries on.
func (s *Store) readTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return s.explain(err)
	}
	defer tx.Rollback()
	return s.explain(fn(tx))
}

// AuditEntry is one change in the audit log.
type AuditEntry struct {
	ID       int64
	At       time.Time
	User     string
	Entity   string // school, pupil, case, database
	EntityID int64
	Action   string // create, update, import, restore
	Before   json.RawMessage
	After    json.RawMessage // JSON of the model value; null when none
}

// Audit lists the changes to one entity ("case", 12), oldest first, for
// the case history screen.
func (s *Store) Audit(ctx context.Context, entity string, id int64) ([]AuditEntry, error) {
	out, err := readAudit(ctx, s.reader, "entity = ?1 AND entity_id = ?2", entity, id)
	if err != nil {
		return nil, fmt.Errorf("read the audit log of %s %d: %w", entity, id, s.explain(err))
	}
	return out, nil
}

// readAudit reads the audit entries a condition picks, oldest first.
func readAudit(ctx context.Context, q queryer, where string, args ...any) ([]AuditEntry, error) {
	var out []AuditEntry
	err := eachRow(ctx, q, `SELECT id, at, user, entity, entity_id, action,
		coalesce(before, 'null'), coalesce(after, 'null') FROM audit WHERE `+where+` ORDER BY id`, args,
		func(rows *sql.Rows) error {
			var e AuditEntry
			var at, before, after string
			if err := rows.Scan(&e.ID, &at, &e.User, &e.Entity, &e.EntityID, &e.Action, &before, &after); err != nil {
				return err
			}
			var err error
			if e.At, err = time.Parse(stamp, at); err != nil {
				return fmt.Errorf("audit entry %d has a bad time %q", e.ID, at)
			}
			e.Before, e.After = json.RawMessage(before), json.RawMessage(after)
			out = append(out, e)
			return nil
		})
	return out, err
}
