package storage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reintegrate/model"
)

func TestBackupAndRestoreRoundTrip(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "reintegrate.db")
	s := openAt(t, path)
	c := mustCreateCase(t, s, fullCase(savePupil(t, s, pupilZoe())))
	backup := filepath.Join(dir, "backup-2026-11-02.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	wantMode(t, backup, 0o600)
	wantErr(t, s.Backup(ctx, backup), ErrExists, "already exists", "never overwritten")

	// A change after the backup, then the restore takes it away again.
	savePupil(t, s, model.Pupil{Name: "Added Later", YearGroup: "Y7"})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := Restore(ctx, backup, path); err != nil {
		t.Fatal(err)
	}
	wantMode(t, path, 0o600)
	replaced, _ := filepath.Glob(path + ".replaced-*")
	if len(replaced) != 1 {
		t.Fatalf("replaced files: %v, want one", replaced)
	}
	wantMode(t, replaced[0], 0o600)

	r := openAt(t, path)
	got, _, err := r.Case(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "restored case", got, c)
	if pupils, _ := r.Pupils(ctx); len(pupils) != 1 {
		t.Errorf("restored pupils = %d, want the 1 in the backup", len(pupils))
	}
	audit, err := r.Audit(ctx, "database", 0)
	if err != nil || len(audit) != 1 || !strings.Contains(string(audit[0].After), "backup-2026-11-02.db") {
		t.Errorf("the restore is not in the audit log: %+v %v", audit, err)
	}
	// The file set aside still has the later change.
	old := openAt(t, replaced[0])
	if pupils, _ := old.Pupils(ctx); len(pupils) != 2 {
		t.Errorf("replaced file has %d pupils, want 2", len(pupils))
	}
}

func TestRestoreRefusesBadBackups(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "reintegrate.db")
	s := openAt(t, path)
	savePupil(t, s, pupilZoe())
	s.Close()
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	newer := filepath.Join(dir, "newer.db")
	n := openAt(t, newer)
	if _, err := n.writer.ExecContext(ctx, "PRAGMA user_version = 42"); err != nil {
		t.Fatal(err)
	}
	n.Close()
	notDB := filepath.Join(dir, "notes.txt")
	os.WriteFile(notDB, []byte(strings.Repeat("not a database\n", 500)), 0o600)
	tests := []struct {
		name, from string
		kind       error
		says       []string
	}{
		{"newer schema", newer, ErrNewerSchema, []string{"schema 42"}},
		{"not a database", notDB, ErrNotOurs, []string{"notes.txt is not a reintegrate database (it looks like a text file)", "nothing was changed"}},
		{"missing", filepath.Join(dir, "nope.db"), nil, []string{"nope.db"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantErr(t, Restore(ctx, tt.from, path), tt.kind, tt.says...)
			now, _ := os.ReadFile(path)
			if string(now) != string(good) {
				t.Error("a refused restore changed the database")
			}
			if left, _ := filepath.Glob(path + ".re*"); len(left) != 0 {
				t.Errorf("a refused restore left %v", left)
			}
		})
	}
}

func TestRestoreRefusesADatabaseInUse(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "reintegrate.db")
	s := openAt(t, path)
	savePupil(t, s, pupilZoe())
	backup := filepath.Join(dir, "b.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	wantErr(t, Restore(ctx, backup, path), nil, "open in another reintegrate", "nothing was changed")
	if pupils, err := s.Pupils(ctx); err != nil || len(pupils) != 1 {
		t.Errorf("the open store after a refused restore: %d pupils, %v", len(pupils), err)
	}
}

func wantMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != want && os.PathSeparator == '/' {
		t.Errorf("%s has mode %v, want %v", filepath.Base(path), got, want)
	}
}
