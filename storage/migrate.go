package storage

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
)

// The schema is versioned with PRAGMA user_version and upgraded by the
// embedded migrations/NNNN_name.sql files, each applied in one transaction
// that also sets user_version (soju's database/sqlite.go does the same).
// Why not goose: the version lives in the database header, written in the
// same transaction as the tables it describes, so the two can never
// disagree; there is no bookkeeping table, no extra dependency, and no
// down-migrations, which a school with one copy of its record should never
// run. Refusing a newer schema is one comparison.

//go:embed migrations/*.sql
var migrationFiles embed.FS

// schemaSteps reads the migrations in order; steps[0] takes an empty file
// to schema 1. The file numbers must run 1, 2, 3 ... with no gap.
func schemaSteps() ([]string, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	steps := make([]string, 0, len(names))
	for i, name := range names {
		num, _, _ := strings.Cut(path.Base(name), "_")
		if n, err := strconv.Atoi(num); err != nil || n != i+1 {
			return nil, fmt.Errorf("internal error: migration %s is out of sequence (want number %04d)", name, i+1)
		}
		b, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		steps = append(steps, string(b))
	}
	return steps, nil
}

// SchemaVersion is the schema this binary writes (for `reintegrate version`).
func SchemaVersion() int {
	steps, _ := schemaSteps()
	return len(steps)
}

// migrate brings the file up to the latest schema, one transaction per step.
func (s *Store) migrate(ctx context.Context) error {
	steps, err := schemaSteps()
	if err != nil {
		return err
	}
	// Read by a reader: the writer connects only if there is work for it.
	have, err := userVersion(ctx, s.reader)
	if err != nil {
		return fmt.Errorf("read the schema version of %s: %w", s.path, s.explain(err))
	}
	if err := newerSchema(have, len(steps)); err != nil {
		return err
	}
	if have < len(steps) && s.diskFull {
		return fail(ErrFull, "the database at %s needs upgrading from schema %d to %d, but the disk holding it is full: nothing was changed; free some space and try again", s.path, have, len(steps))
	}
	if have < len(steps) && s.readOnly {
		return fail(ErrReadOnly, "the database at %s needs upgrading from schema %d to %d but is read-only; check the file's permissions", s.path, have, len(steps))
	}
	// Before an upgrade changes the file, it must be ours: another
	// program's SQLite file that happens to carry a schema number is not.
	if have > 0 && have < len(steps) {
		if diff, err := schemaDiff(ctx, s.reader, have); err != nil {
			return fmt.Errorf("read the schema of %s: %w", s.path, s.explain(err))
		} else if diff != "" {
			return notOurs(s.path, fmt.Sprintf("a SQLite database whose tables differ from reintegrate's schema %d (%s)", have, diff), openTodo)
		}
	}
	for v := have + 1; v <= len(steps); v++ {
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			// Another process may have upgraded the file since we looked.
			now, err := userVersion(ctx, tx)
			if err != nil || now >= v {
				return err
			}
			if _, err := tx.ExecContext(ctx, steps[v-1]); err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v))
			return err
		})
		if err != nil {
			return fmt.Errorf("upgrade the database at %s to schema %d: %w", s.path, v, err)
		}
	}
	return nil
}

func newerSchema(have, know int) error {
	if have > know {
		return fail(ErrNewerSchema, "this database was written by a newer reintegrate (schema %d, this one knows %d): update reintegrate", have, know)
	}
	return nil
}

type rowQueryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func userVersion(ctx context.Context, q rowQueryer) (int, error) {
	var v int
	err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}
