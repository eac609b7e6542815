package storage

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
)

// rawExec runs SQL on a file as any SQLite program would.
func rawExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", fileURI(path, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// backupOf makes a good backup of a database with a pupil and a case.
func backupOf(t *testing.T, dir string) string {
	t.Helper()
	s := openAt(t, filepath.Join(dir, "source.db"))
	mustCreateCase(t, s, fullCase(savePupil(t, s, pupilZoe())))
	path := filepath.Join(dir, "backup.db")
	if err := s.Backup(ctx, path); err != nil {
		t.Fatal(err)
	}
	return path
}

// Restore checks the whole candidate, not its user_version alone: another
// program's file numbered 4, a backup with the audit's triggers dropped and
// entries deleted, one with a gap in the audit, and one with an extra or a
// changed object are all refused, and the live database is untouched.
func TestRestoreChecksTheWholeBackup(t *testing.T) {
	dir := t.TempDir()
	live := filepath.Join(dir, "reintegrate.db")
	s := openAt(t, live)
	savePupil(t, s, pupilZoe())
	s.Close()
	good, _ := os.ReadFile(live)

	foreign := filepath.Join(dir, "foreign.db")
	rawExec(t, foreign, "CREATE TABLE recipes (name TEXT)", "INSERT INTO recipes VALUES ('scones')", "PRAGMA user_version = 4")
	tampered := backupOf(t, t.TempDir())
	rawExec(t, tampered, "DROP TRIGGER audit_no_delete", "DROP TRIGGER audit_no_update", "DELETE FROM audit")
	gap := backupOf(t, t.TempDir())
	rawExec(t, gap, "DROP TRIGGER audit_no_delete", "DELETE FROM audit WHERE id = 1",
		"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be deleted'); END")
	extra := backupOf(t, t.TempDir())
	rawExec(t, extra, "CREATE TABLE notes (body TEXT)")
	changed := backupOf(t, t.TempDir())
	rawExec(t, changed, "DROP INDEX audit_entity", "CREATE INDEX audit_entity ON audit (entity)")
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)

	tests := []struct {
		name, from string
		kind       error
		says       []string
	}{
		{"another program's file numbered 4", foreign, ErrNotOurs, []string{"not a reintegrate database", "none of reintegrate's tables are in it"}},
		{"audit triggers dropped", tampered, ErrNotOurs, []string{"no trigger audit_no_delete", "no trigger audit_no_update"}},
		{"audit entries deleted", gap, ErrDamaged, []string{"the audit log has been tampered with", "1 are missing"}},
		{"an extra table", extra, ErrNotOurs, []string{"an extra table notes"}},
		{"a changed index", changed, ErrNotOurs, []string{"index audit_entity changed"}},
		{"an empty file", empty, ErrNotOurs, []string{"it looks like an empty file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantErr(t, Restore(ctx, tt.from, live), tt.kind, append(tt.says, "nothing was changed")...)
			if now, _ := os.ReadFile(live); !bytes.Equal(now, good) {
				t.Error("a refused restore changed the database")
			}
			if left := leftovers(t, dir, "reintegrate.db", "foreign.db", "empty.db"); len(left) != 0 {
				t.Errorf("a refused restore left %v", left)
			}
		})
	}
	// The good backup still restores.
	if err := Restore(ctx, backupOf(t, t.TempDir()), live); err != nil {
		t.Fatal(err)
	}
}

// --db names a file that is not ours: nothing about it changes (its mode
// least of all), and the message says what it looks like and what to do.
func TestOpenChecksBeforeTightening(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("Zoë's notes\n"), 0o644)
	link := filepath.Join(dir, "link.db")
	os.Symlink(text, link)
	foreign := filepath.Join(dir, "foreign.db")
	rawExec(t, foreign, "CREATE TABLE recipes (name TEXT)")
	numbered := filepath.Join(dir, "numbered.db")
	rawExec(t, numbered, "CREATE TABLE recipes (name TEXT)", "PRAGMA user_version = 2")
	for _, p := range []string{foreign, numbered} {
		os.Chmod(p, 0o644)
	}
	tests := []struct {
		path string
		says []string
	}{
		{text, []string{"notes.txt is not a reintegrate database (it looks like a text file)", "--db"}},
		{link, []string{"(a link to " + text + ") is not a reintegrate database (it looks like a text file)"}},
		{foreign, []string{"it looks like a SQLite database of another program"}},
		{numbered, []string{"differ from reintegrate's schema 2"}},
	}
	for _, tt := range tests {
		before, _ := os.ReadFile(tt.path)
		s, err := Open(ctx, tt.path, testOptions())
		if err == nil {
			s.Close()
		}
		wantErr(t, err, ErrNotOurs, tt.says...)
		wantMode(t, tt.path, 0o644)
		if after, _ := os.ReadFile(tt.path); !bytes.Equal(before, after) {
			t.Errorf("%s changed", tt.path)
		}
	}
	// A link to one of our databases opens, and the database is tightened.
	ours := filepath.Join(dir, "ours.db")
	openAt(t, ours).Close()
	os.Chmod(ours, 0o644)
	toOurs := filepath.Join(dir, "to-ours.db")
	os.Symlink(ours, toOurs)
	openAt(t, toOurs).Close()
	wantMode(t, ours, 0o600)
}
