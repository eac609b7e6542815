package storage

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Snapshot is a consistent, compact copy of the database (VACUUM INTO, safe
// while others keep writing), made in memory: SQLite's memdb holds it, so
// no copy of the record touches a disk on its way to a backup (an
// encrypted backup is encrypted from it). It costs the file's size in
// memory, twice over for a moment.
func (s *Store) Snapshot(ctx context.Context) ([]byte, error) {
	name := make([]byte, 8)
	rand.Read(name)
	uri := "file:/reintegrate-backup-" + hex.EncodeToString(name) + "?vfs=memdb"
	// The memdb lives while a connection holds it: this one, opened first.
	mem, err := sql.Open("sqlite", uri)
	if err != nil {
		return nil, fmt.Errorf("back up: %w", err)
	}
	defer mem.Close()
	hold, err := mem.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("back up: %w", err)
	}
	defer hold.Close()
	if _, err := hold.ExecContext(ctx, "PRAGMA user_version"); err != nil {
		return nil, fmt.Errorf("back up: %w", err)
	}
	// The query-only readers may not run VACUUM INTO; the writer may, and
	// holds only a read snapshot while it does. Its sorts stay in memory too.
	if _, err := s.writer.ExecContext(ctx, "PRAGMA temp_store = MEMORY"); err != nil {
		return nil, fmt.Errorf("back up %s: %w", s.path, s.explain(err))
	}
	if _, err := s.writer.ExecContext(ctx, "VACUUM INTO ?", uri); err != nil {
		return nil, fmt.Errorf("back up %s: %w", s.path, s.explain(err))
	}
	var image []byte
	err = hold.Raw(func(dc any) error {
		ser, ok := dc.(interface{ Serialize() ([]byte, error) })
		if !ok {
			return errors.New("the SQLite driver cannot serialise a database")
		}
		image, err = ser.Serialize()
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("back up %s: %w", s.path, err)
	}
	return image, nil
}

// Backup writes a snapshot of the database to path, whole or not at all
// (OutputFile): created 0600, and an existing file is never overwritten.
func (s *Store) Backup(ctx context.Context, path string) error {
	image, err := s.Snapshot(ctx)
	if err != nil {
		return err
	}
	err = WriteOutput(ctx, path, image, false)
	if errors.Is(err, ErrExists) {
		return fail(ErrExists, "back up to %s: the file already exists; choose a new name (a backup is never overwritten)", path)
	}
	return err
}

// Restore replaces the database at to with the backup at from.
func Restore(ctx context.Context, from, to string) error {
	f, err := os.Open(from)
	if err != nil {
		return fmt.Errorf("restore from %s: %w", from, err)
	}
	defer f.Close()
	return RestoreFrom(ctx, f, from, to)
}

// RestoreFrom replaces the database at to with the backup read from r (a
// file, or an encrypted one being decrypted); name is the backup as the
// person gave it. The backup is written beside the database (an
// OutputFile, so an interrupted restore leaves nothing behind) and checked
// whole (checkBackup) before anything changes. The database it replaces is
// kept beside it as TO.replaced-YYYYMMDD-HHMMSS, linked there before the
// backup is renamed over it, so the database's own name never stands
// empty: a restore killed at any moment leaves the old database or the
// new one in place, never none. No Store may have the database open. The
// restored file is upgraded to the current schema and its audit log
// records the restore.
func RestoreFrom(ctx context.Context, r io.Reader, name, to string) error {
	to, err := filepath.Abs(to)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	staged, err := CreateOutput(ctx, to, true)
	if err != nil {
		return fmt.Errorf("restore from %s: %w", name, err)
	}
	defer staged.Discard()
	if _, err := io.Copy(staged, r); err != nil {
		if staged.err != nil {
			return fmt.Errorf("restore from %s: %w", name, err)
		}
		return fail(ErrDamaged, "restore from %s: the file cannot be read whole (%v): nothing was changed; try another backup", name, err)
	}
	if err := checkBackup(ctx, staged.TempPath(), name); err != nil {
		return err
	}
	replaced, err := setAside(ctx, to, to+".replaced-"+time.Now().Format("20060102-150405"))
	if err != nil {
		return err
	}
	if err := staged.Commit(); err != nil {
		return fmt.Errorf("restore from %s: %w (the database is as it was)", name, err)
	}
	s, err := Open(ctx, to, Options{AllowSharedFolder: true})
	if err != nil {
		return fmt.Errorf("restore from %s: %w", name, err)
	}
	defer s.Close()
	return s.write(ctx, func(c *change) error {
		return c.audit("database", 0, "restore", nil, map[string]string{"from": name, "replaced": replaced})
	})
}

// removeDB removes a database file and any log SQLite left beside it.
func removeDB(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}

// setAside keeps the current database as replaced (a second name for the
// same file; a copy where the disk has no hard links), after opening and
// closing it once so its write-ahead log is folded into the file. If the
// log is still there afterwards, another program has the database open.
// It returns the name it kept, or "" when there was no database.
func setAside(ctx context.Context, path, replaced string) (string, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return "", nil // nothing to replace
	}
	db, err := sql.Open("sqlite", fileURI(path, "_pragma=busy_timeout(5000)"))
	if err == nil {
		_, err = db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
		err = errors.Join(err, db.Close())
	}
	if err != nil {
		return "", fmt.Errorf("restore: prepare %s to be replaced: %w (nothing was changed)", path, err)
	}
	// The last connection to close deletes the log; another keeps it.
	if _, err := os.Stat(path + "-wal"); err == nil {
		return "", fmt.Errorf("restore: the database at %s is open in another reintegrate; close it and try again (nothing was changed)", path)
	}
	os.Remove(path + "-shm")
	// Two restores in one second must not share a name (nor lose the first).
	for n := 2; existsAsLink(replaced); n++ {
		replaced = strings.TrimSuffix(replaced, fmt.Sprintf("-%d", n-1)) + fmt.Sprintf("-%d", n)
	}
	if err := os.Link(path, replaced); err != nil {
		if err := copyWhole(ctx, path, replaced); err != nil {
			return "", fmt.Errorf("restore: keep %s as %s: %w (nothing was changed)", path, replaced, err)
		}
	}
	return replaced, nil
}

// copyWhole copies a file to a new name, whole or not at all.
func copyWhole(ctx context.Context, from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := CreateOutput(ctx, to, false)
	if err != nil {
		return err
	}
	defer dst.Discard()
	if _, err := io.Copy(dst, src); err != nil {
		return err
	}
	return dst.Commit()
}
