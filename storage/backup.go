package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Backup writes a consistent copy of the database to path with VACUUM INTO
// (compact, and safe while others keep writing). The file is created 0600
// and an existing file is never overwritten.
func (s *Store) Backup(ctx context.Context, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("back up to %q: %w", path, err)
	}
	// Creating the empty file first makes "never overwrite" atomic and the
	// mode 0600 from the start: VACUUM INTO accepts an empty file and keeps
	// its mode.
	f, err := os.OpenFile(abs, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	switch {
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("back up to %s: the file already exists; choose a new name (a backup is never overwritten)", abs)
	case err != nil:
		return fmt.Errorf("back up to %s: %w", abs, err)
	}
	f.Close()
	// The query-only readers may not run VACUUM INTO; the writer may, and
	// holds only a read snapshot while it does.
	if _, err = s.writer.ExecContext(ctx, "VACUUM INTO ?", abs); err == nil {
		err = os.Chmod(abs, 0o600)
	}
	if err != nil {
		os.Remove(abs)
		return fmt.Errorf("back up to %s: %w", abs, s.explain(err))
	}
	return nil
}

// Restore replaces the database at to with the backup at from. The backup
// is checked first (PRAGMA integrity_check, and a schema this binary knows);
// the database it replaces is kept beside it as TO.replaced-YYYYMMDD-HHMMSS.
// No Store may have the database open: close it first. The restored file is
// upgraded to the current schema and its audit log records the restore.
func Restore(ctx context.Context, from, to string) error {
	return RestoreCopy(ctx, from, from, to)
}

// RestoreCopy is Restore from a copy of the backup named backup (such as
// one decrypted into a private folder, soon gone): what it says, and the
// audit log's record of the restore, name the backup, not the copy.
func RestoreCopy(ctx context.Context, copied, backup, to string) error {
	to, err := filepath.Abs(to)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	staged := to + ".restoring"
	if err := copyNew(copied, staged); err != nil {
		return fmt.Errorf("restore from %s: %w", backup, err)
	}
	defer removeDB(staged)
	if err := checkBackup(ctx, staged, backup); err != nil {
		return err
	}
	replaced := to + ".replaced-" + time.Now().Format("20060102-150405")
	if had, err := setAside(ctx, to, replaced); err != nil {
		return err
	} else if !had {
		replaced = ""
	}
	if err := os.Rename(staged, to); err != nil {
		return fmt.Errorf("restore from %s: %w (the database it replaced is %s)", backup, err, replaced)
	}
	s, err := Open(ctx, to, Options{AllowSharedFolder: true})
	if err != nil {
		return fmt.Errorf("restore from %s: %w", backup, err)
	}
	defer s.Close()
	return s.write(ctx, func(c *change) error {
		return c.audit("database", 0, "restore", nil, map[string]string{"from": backup, "replaced": replaced})
	})
}

// copyNew copies a file to a new 0600 file, syncing it to disk.
func copyNew(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	removeDB(to) // a leftover from a restore that was interrupted
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(dst, src)
	if err == nil {
		err = dst.Sync()
	}
	return errors.Join(err, dst.Close())
}

// removeDB removes a database file and any log SQLite left beside it.
func removeDB(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}

// checkBackup runs the full integrity_check and the schema check on the
// staged copy. The copy is ours alone, so it is opened as any database is
// (a read-only open of a WAL-mode file would need a -shm file it lacks).
func checkBackup(ctx context.Context, staged, from string) error {
	db, err := sql.Open("sqlite", fileURI(staged, "_pragma=busy_timeout(5000)"))
	if err != nil {
		return fmt.Errorf("restore from %s: %w", from, err)
	}
	defer db.Close()
	problems, err := integrity(ctx, db, "integrity_check")
	if err == nil && problems != "" {
		err = errors.New(problems)
	}
	if err != nil {
		return fail(ErrDamaged, "restore from %s: the backup is damaged or not a reintegrate database (%v); nothing was changed, try another backup", from, err)
	}
	v, err := userVersion(ctx, db)
	if err != nil {
		return fmt.Errorf("restore from %s: %w", from, err)
	}
	if err := newerSchema(v, SchemaVersion()); err != nil {
		return fmt.Errorf("restore from %s: %w", from, err)
	}
	if v == 0 {
		return fail(ErrDamaged, "restore from %s: the file is not a reintegrate backup; nothing was changed", from)
	}
	return nil
}

// setAside moves the current database out of the way, after opening and
// closing it once so its write-ahead log is folded into the file. If the
// log is still there afterwards, another program has the database open.
func setAside(ctx context.Context, path, replaced string) (bool, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return false, nil // nothing to replace
	}
	db, err := sql.Open("sqlite", fileURI(path, "_pragma=busy_timeout(5000)"))
	if err == nil {
		_, err = db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
		err = errors.Join(err, db.Close())
	}
	if err != nil {
		return false, fmt.Errorf("restore: prepare %s to be replaced: %w", path, err)
	}
	// The last connection to close deletes the log; another keeps it.
	if _, err := os.Stat(path + "-wal"); err == nil {
		return false, fmt.Errorf("restore: the database at %s is open in another reintegrate; close it and try again (nothing was changed)", path)
	}
	if err := os.Rename(path, replaced); err != nil {
		return false, fmt.Errorf("restore: set aside %s: %w (nothing was changed)", path, err)
	}
	os.Remove(path + "-shm")
	return true, nil
}
