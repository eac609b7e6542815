package storage

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"reintegrate/model"
)

// A run that only reads (`today`, `cases`) never opens the write
// connection: opening one costs about a millisecond of the daily lookup's
// budget (DESIGN.md, "Budgets"). The file still ends up in WAL mode
// (DESIGN.md, "Storage"): a new one at once, an existing one in the older
// rollback mode at its first write.
func TestReadsLeaveTheWriterClosed(t *testing.T) {
	steps, err := schemaSteps()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name       string
		file       func(t *testing.T) string
		walAtOpen  bool // the file is in WAL mode before anything is written
		writerOpen bool // Open itself connects the writer
	}{
		{"a new file", func(t *testing.T) string { return filepath.Join(t.TempDir(), "new.db") }, true, true},
		{"a file in rollback mode at the latest schema", func(t *testing.T) string {
			path := filepath.Join(t.TempDir(), "rollback.db")
			buildDB(t, path, append(steps, fmt.Sprintf("PRAGMA user_version = %d", len(steps)))...)
			return path
		}, false, false},
		{"a file at an older schema, upgraded at open", func(t *testing.T) string { return frozen(t, 1) }, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openAt(t, tc.file(t))
			if got := s.writer.Stats().OpenConnections == 1; got != tc.writerOpen {
				t.Errorf("after Open the writer is connected: %v, want %v", got, tc.writerOpen)
			}
			if got := journalMode(t, s) == "wal"; got != tc.walAtOpen {
				t.Errorf("after Open WAL mode is %v, want %v", got, tc.walAtOpen)
			}
			if _, err := s.Today(ctx, d("2026-11-16")); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Duties(ctx, d("2026-11-16")); err != nil {
				t.Fatal(err)
			}
			if got := s.writer.Stats().OpenConnections == 1; got != tc.writerOpen {
				t.Errorf("after reading the day's list and duties the writer is connected: %v, want %v", got, tc.writerOpen)
			}
			if err := s.SaveSchool(ctx, model.DefaultSchool()); err != nil {
				t.Fatal(err)
			}
			if mode := journalMode(t, s); mode != "wal" {
				t.Errorf("after a write the journal mode is %q, want wal", mode)
			}
		})
	}
}

// journalMode is the file's own record of its journal mode: bytes 18 and
// 19 of the header are 2 in WAL mode, 1 in rollback mode (SQLite's file
// format, "The Database Header"). A connection's PRAGMA journal_mode may
// not have looked at the file since another connection switched it.
func journalMode(t *testing.T, s *Store) string {
	t.Helper()
	f, err := os.Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	header := make([]byte, 20)
	if _, err := io.ReadFull(f, header); err != nil {
		t.Fatal(err)
	}
	if header[18] == 2 && header[19] == 2 {
		return "wal"
	}
	return fmt.Sprintf("rollback (%d, %d)", header[18], header[19])
}
