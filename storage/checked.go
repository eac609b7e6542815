package storage

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/adrg/xdg"

	"reintegrate/model"
)

// Remembering the last clean quick_check.
//
// PRAGMA quick_check reads every page of the file: for the budget's 5 MB
// file it costs more than the whole of the rest of `today` (issue 3 asks
// for it on open, and DESIGN.md gives `today` 50 ms). So, when told where
// to keep records (Options.CheckRecordDir), Open notes after a clean check
// who the file was: its device, inode, size, modification and status-change
// times, and the same for a -wal file that has anything in it. The next
// open checks again unless the file is still exactly that, and the record
// is from the same day.
//
// Why skipping then is safe: SQLite changes a database only by writing the
// file or its -wal, and every write moves the file's modification and
// status-change (ctime) times; replacing the file (a restore, a copy, a
// sync tool) makes a new inode. No ordinary tool can set ctime back (touch
// and cp -p set only the modification time), so an unchanged identity means
// no byte was written since the pages passed the check. What a record
// cannot see is damage that comes without a write, from a failing disk:
// that is why a record lasts only the day, and why any damaged page a
// query does read is still reported as ErrDamaged, with the same advice.
// On Windows, which has no inode or ctime here, the identity is the size
// and modification time, and the daily check does the rest.
//
// A record is derived data kept in the user's cache folder, not in the
// database: writing it there would itself change the file. Losing it only
// costs one whole-file check.

// DefaultCheckRecordDir is where the app keeps its check records: a
// reintegrate folder in the OS cache directory (~/.cache/reintegrate/checked
// on Linux), created 0700.
func DefaultCheckRecordDir() (string, error) {
	p, err := xdg.CacheFile(filepath.Join("reintegrate", "checked", "record"))
	if err != nil {
		return "", fmt.Errorf("find the cache folder for check records: %w", err)
	}
	return filepath.Dir(p), nil
}

// checkOnOpen runs quick_check unless the record says this very file
// passed it today and has not been written since.
func (s *Store) checkOnOpen(ctx context.Context) error {
	record := s.checkRecordFile()
	before, known := fileIdentity(s.path)
	stamp := model.DateOf(s.now()).String() + " " + before
	if record != "" && known {
		if got, err := os.ReadFile(record); err == nil && string(got) == stamp {
			return nil
		}
	}
	s.checkedWholeFile = true
	if err := s.quickCheck(ctx); err != nil {
		return err
	}
	// Another process may have written while we checked: then what passed
	// is not what is there now, and nothing is recorded.
	if after, ok := fileIdentity(s.path); record != "" && known && ok && after == before {
		writeRecord(record, stamp)
	}
	return nil
}

// checkRecordFile is the record's path for this database ("" when Open
// was not given a folder): named by a hash of the database's absolute path.
func (s *Store) checkRecordFile() string {
	if s.checkRecordDir == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(s.path))
	return filepath.Join(s.checkRecordDir, hex.EncodeToString(sum[:16]))
}

// fileIdentity describes the database file and its -wal as they stand;
// false when the file cannot be looked at. An empty or missing -wal holds
// nothing, so only its being empty counts (each open makes a new one).
func fileIdentity(path string) (string, bool) {
	info, err := os.Stat(path)
	if err != nil {
		return "", false
	}
	id := statIdentity(info)
	wal, err := os.Stat(path + "-wal")
	switch {
	case errors.Is(err, fs.ErrNotExist) || (err == nil && wal.Size() == 0):
		return id + " wal empty", true
	case err != nil:
		return "", false
	}
	return id + " wal " + statIdentity(wal), true
}

func statIdentity(info fs.FileInfo) string {
	return fmt.Sprintf("%d %d%s", info.Size(), info.ModTime().UnixNano(), systemIdentity(info))
}

// writeRecord replaces the record in one step (a new file renamed over the
// old), so a reader never sees half of one. It is best effort: a record
// that cannot be written only means checking again next time.
func writeRecord(record, stamp string) {
	f, err := os.CreateTemp(filepath.Dir(record), ".record-*")
	if err != nil {
		return
	}
	_, err = f.WriteString(stamp)
	if err = errors.Join(err, f.Close()); err == nil {
		err = os.Rename(f.Name(), record)
	}
	if err != nil {
		os.Remove(f.Name())
	}
}
