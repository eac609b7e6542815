package storage

import (
	"context"
	"database/sql"
	"errors"
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
