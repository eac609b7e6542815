package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode/utf8"
)

// sqliteHeader starts every SQLite database file (sqlite.org/fileformat.html).
const sqliteHeader = "SQLite format 3\x00"

// looksLike says what a file that is not a SQLite database seems to be, so
// the message can say so: "an age-encrypted file", "a PDF", "text".
func looksLike(head []byte) string {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	switch {
	case len(head) == 0:
		return "an empty file"
	case bytes.HasPrefix(head, []byte(sqliteHeader)):
		return "a SQLite database"
	case bytes.HasPrefix(head, []byte("age-encryption.org/")):
		return "an encrypted (age) file"
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return "a PDF"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "a zip file (a Word or Excel document is one)"
	case len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '['):
		return "JSON text (a case file is imported with `reintegrate import FILE`)"
	case utf8.Valid(head) && !bytes.ContainsRune(head, 0):
		return "a text file"
	}
	return binaryData
}

const binaryData = "binary data, not a SQLite database"

// fileHead reads the first bytes of a file.
func fileHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, 512)
	n, err := f.Read(head)
	if n == 0 && err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return head[:n], nil
}

// notOurs is the refusal for a file that is not a reintegrate database.
func notOurs(path, what, todo string) error {
	return fail(ErrNotOurs, "%s is not a reintegrate database (it looks like %s): %s", path, what, todo)
}

// checkBackup checks a backup copy whole before it may replace the
// database: SQLite's header, its full integrity_check, a schema version
// this binary knows, every table, index and trigger of that version as the
// migrations make them (nothing missing, nothing changed, nothing added),
// and the audit log whole. The copy is ours alone, so it is opened as any
// database is (a read-only open of a WAL-mode file needs a -shm it lacks).
func checkBackup(ctx context.Context, staged, from string) error {
	const unchanged = "nothing was changed; try another backup"
	head, err := fileHead(staged)
	if err != nil {
		return fmt.Errorf("restore from %s: %w", from, err)
	}
	if !bytes.HasPrefix(head, []byte(sqliteHeader)) {
		return notOurs(from, looksLike(head), unchanged)
	}
	db, err := sql.Open("sqlite", fileURI(staged, "_pragma=busy_timeout(5000)&_pragma=query_only(1)"))
	if err != nil {
		return fmt.Errorf("restore from %s: %w", from, err)
	}
	defer db.Close()
	problems, err := integrity(ctx, db, "integrity_check")
	if err == nil && problems != "" {
		err = errors.New(problems)
	}
	if err != nil {
		return fail(ErrDamaged, "restore from %s: the backup is damaged (%v): %s", from, err, unchanged)
	}
	v, err := userVersion(ctx, db)
	if err != nil {
		return fmt.Errorf("restore from %s: %w", from, err)
	}
	if err := newerSchema(v, SchemaVersion()); err != nil {
		return fmt.Errorf("restore from %s: %w", from, err)
	}
	if v == 0 {
		return notOurs(from, "a SQLite database of another program", unchanged)
	}
	if diff, err := schemaDiff(ctx, db, v); err != nil {
		return fmt.Errorf("restore from %s: %w", from, err)
	} else if diff != "" {
		return notOurs(from, "a SQLite database whose tables differ from reintegrate's schema "+fmt.Sprint(v)+" ("+diff+")", unchanged)
	}
	if err := auditWhole(ctx, db); err != nil {
		return fail(ErrDamaged, "restore from %s: the audit log has been tampered with (%v): %s", from, err, unchanged)
	}
	return nil
}

// schemaObject is one table, index or trigger, as sqlite_schema keeps it.
type schemaObject struct{ kind, name, sql string }

// schemaObjects lists a database's own tables, indexes and triggers, their SQL
// with runs of white space made one.
func schemaObjects(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) ([]schemaObject, error) {
	rows, err := q.QueryContext(ctx, `SELECT type, name, coalesce(sql, '') FROM sqlite_schema
		WHERE name NOT LIKE 'sqlite_%'
		ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []schemaObject
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.kind, &o.name, &o.sql); err != nil {
			return nil, err
		}
		o.sql = strings.Join(strings.Fields(o.sql), " ")
		out = append(out, o)
	}
	return out, rows.Err()
}

// expectedSchema is what migrations 1..v make, built in memory.
func expectedSchema(ctx context.Context, v int) ([]schemaObject, error) {
	steps, err := schemaSteps()
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", "file::memory:")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, step := range steps[:v] {
		if _, err := db.ExecContext(ctx, step); err != nil {
			return nil, fmt.Errorf("internal error: a migration does not run: %w", err)
		}
	}
	return schemaObjects(ctx, db)
}

// schemaDiff names what differs between the file's schema and version v's,
// or "" when they are the same.
func schemaDiff(ctx context.Context, db *sql.DB, v int) (string, error) {
	want, err := expectedSchema(ctx, v)
	if err != nil {
		return "", err
	}
	have, err := schemaObjects(ctx, db)
	if err != nil {
		return "", err
	}
	if !slices.ContainsFunc(have, func(h schemaObject) bool { return h.kind == "table" && h.name == "audit" }) {
		return "none of reintegrate's tables are in it", nil
	}
	var diffs []string
	for _, w := range want {
		i := slices.IndexFunc(have, func(h schemaObject) bool { return h.kind == w.kind && h.name == w.name })
		switch {
		case i < 0:
			diffs = append(diffs, "no "+w.kind+" "+w.name)
		case have[i].sql != w.sql:
			diffs = append(diffs, w.kind+" "+w.name+" changed")
		}
	}
	for _, h := range have {
		if !slices.ContainsFunc(want, func(w schemaObject) bool { return h.kind == w.kind && h.name == w.name }) {
			diffs = append(diffs, "an extra "+h.kind+" "+h.name)
		}
	}
	if len(diffs) > 4 {
		diffs = append(diffs[:4], fmt.Sprintf("and %d more", len(diffs)-4))
	}
	return strings.Join(diffs, ", "), nil
}

// auditWhole checks the audit log has lost no entry. Its entries are
// numbered 1, 2, 3 ... as they are written (an INTEGER PRIMARY KEY takes the
// next number, and the triggers refuse deletion), so a gap, or a log that
// does not start at 1, means entries were removed. (Entries removed from
// the end leave no gap; the triggers the schema check requires are what
// stops that.)
func auditWhole(ctx context.Context, db *sql.DB) error {
	var n, lo, hi int64
	err := db.QueryRowContext(ctx, "SELECT count(*), coalesce(min(id), 1), coalesce(max(id), 0) FROM audit").Scan(&n, &lo, &hi)
	if err != nil {
		return err
	}
	if lo != 1 || hi != n {
		return fmt.Errorf("%d entries numbered %d to %d: %d are missing", n, lo, hi, hi-n)
	}
	return nil
}
