package storage

import (
	"os"
	"runtime"
	"testing"
	"time"
)

// openChecked opens path remembering checks in records, at now, and
// reports whether Open ran the whole-file quick_check.
func openChecked(t *testing.T, path, records string, now time.Time) (bool, error) {
	t.Helper()
	opt := testOptions()
	opt.CheckRecordDir = records
	opt.Now = func() time.Time { return now }
	s, err := Open(ctx, path, opt)
	if err != nil {
		return false, err
	}
	checked := s.checkedWholeFile
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return checked, nil
}

// Issue 3: quick_check on open. With a record of the last clean check it
// runs whenever the file may have been written since, and once a day.
func TestQuickCheckRunsWhenTheFileMayHaveChanged(t *testing.T) {
	path, records := filled(t), t.TempDir()
	nextDay := clock.Add(24 * time.Hour)
	steps := []struct {
		name   string
		before func(t *testing.T)
		now    time.Time
		dir    string
		check  bool
	}{
		{"first open: no record yet", nil, clock, records, true},
		{"unchanged since a clean check today", nil, clock, records, false},
		{"written since (a pupil saved)", func(t *testing.T) {
			s := openAt(t, path)
			savePupil(t, s, pupilZoe())
			s.Close()
		}, clock, records, true},
		{"unchanged again", nil, clock, records, false},
		{"a new day: damage without a write is caught daily", nil, nextDay, records, true},
		{"unchanged on the new day", nil, nextDay, records, false},
		{"no record folder: every open", nil, nextDay, "", true},
		{"the file replaced by a copy of itself", func(t *testing.T) {
			b, err := os.ReadFile(path)
			if err == nil {
				err = os.Remove(path)
			}
			if err == nil {
				err = os.WriteFile(path, b, 0o600)
			}
			if err != nil {
				t.Fatal(err)
			}
		}, nextDay, records, true},
	}
	for _, st := range steps {
		if st.before != nil {
			st.before(t)
		}
		checked, err := openChecked(t, path, st.dir, st.now)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if checked != st.check {
			t.Errorf("%s: quick_check ran = %v, want %v", st.name, checked, st.check)
		}
	}
}

// Damage written into the file after a clean check is found at the next
// open, even when the damage puts the modification time back: the
// status-change time (ctime) cannot be set back (checked.go).
func TestQuickCheckRecordDoesNotHideDamage(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" {
		t.Skip("the identity needs the inode and ctime, which Linux and macOS give")
	}
	path, records := filled(t), t.TempDir()
	if _, err := openChecked(t, path, records, clock); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	middle := info.Size() / 2
	junk := make([]byte, 12288)
	for i := range junk {
		junk[i] = byte(0xA5 ^ i)
	}
	if _, err := f.WriteAt(junk, middle-4096); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.Chtimes(path, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	_, err = openChecked(t, path, records, clock)
	wantErr(t, err, ErrDamaged, "the database at "+path+" is damaged:", "restore a backup")
}

// The record is kept in its own folder, one small file per database, and
// a database in use by another connection with writes in its -wal is
// checked, not trusted.
func TestQuickCheckRecordWithAnotherWriter(t *testing.T) {
	path, records := filled(t), t.TempDir()
	if _, err := openChecked(t, path, records, clock); err != nil {
		t.Fatal(err)
	}
	if entries, err := os.ReadDir(records); err != nil || len(entries) != 1 {
		t.Fatalf("records: %v, %v; want one file", entries, err)
	}
	other := openAt(t, path) // stays open: its write stays in the -wal
	savePupil(t, other, pupilZoe())
	if info, err := os.Stat(path + "-wal"); err != nil || info.Size() == 0 {
		t.Fatalf("-wal after a write: %v, %v", info, err)
	}
	if checked, err := openChecked(t, path, records, clock); err != nil || !checked {
		t.Errorf("with another connection's writes in the -wal: checked %v, %v; want a check", checked, err)
	}
}
