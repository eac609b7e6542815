package storage

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// access is how the database file may be used.
type access int

const (
	readWrite      access = iota
	fileReadOnly          // the file cannot be written
	folderReadOnly        // the folder cannot be written: no -wal or -shm can be made
)

// prepareFile creates the database file 0600 before SQLite sees it, so the
// mode does not depend on the umask: SQLite gives the -wal and -shm files
// the database file's own mode. An existing file is checked before
// anything is done to it: a regular file (or a link to one) that is a
// reintegrate database; only then is one readable by others tightened to
// owner-only. It reports whether it made the file, and how it may be used.
func prepareFile(path string) (created bool, use access, err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	switch {
	case err == nil:
		f.Close()
		return true, readWrite, os.Chmod(path, 0o600)
	case errors.Is(err, fs.ErrNotExist):
		return false, 0, fmt.Errorf("create the database at %s: the folder %s does not exist; create it or choose another --db path", path, filepath.Dir(path))
	case !errors.Is(err, fs.ErrExist) && !existsAsLink(path):
		return false, 0, fmt.Errorf("create the database at %s: %w; choose a folder you can write to with --db", path, err)
	}
	if err := checkOurs(path); err != nil {
		return false, 0, err
	}
	// A link has passed checkOurs only if it leads to one of ours: the
	// file it leads to is the one tightened.
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return false, 0, fmt.Errorf("open the database at %s: %w", path, err)
	}
	if err := tighten(real, true); err != nil {
		return false, 0, err
	}
	tighten(path+"-wal", false)
	tighten(path+"-shm", false)
	return false, howWritable(path), nil
}

// checkOurs refuses anything at the database's path that is not a
// reintegrate database: a folder, a device, text, another program's SQLite
// file, or a link to any of those.
func checkOurs(path string) error {
	info, err := os.Lstat(path)
	if err != nil {
		return fmt.Errorf("open the database at %s: %w", path, err)
	}
	what := path
	if info.Mode()&fs.ModeSymlink != 0 {
		if info, err = os.Stat(path); err != nil {
			return fmt.Errorf("open the database at %s: it is a link to a file that cannot be opened (%w); give the database's own path with --db", path, err)
		}
		dest, _ := filepath.EvalSymlinks(path)
		what = path + " (a link to " + dest + ")"
	}
	if info.IsDir() {
		return fail(ErrNotOurs, "open the database at %s: that is a folder; give the path of a file, such as %s", what, filepath.Join(path, "reintegrate.db"))
	}
	if !info.Mode().IsRegular() {
		return notOurs(what, "a "+kindOf(info.Mode()), openTodo)
	}
	head, err := fileHead(path)
	if err != nil {
		return fmt.Errorf("open the database at %s: %w", what, err)
	}
	if len(head) == 0 {
		return nil // a new database whose first write was cut short: SQLite starts it
	}
	if !bytes.HasPrefix(head, []byte(sqliteHeader)) || len(head) < 100 {
		todo := openTodo
		if looksLike(head) == binaryData {
			todo += "; if it was your database, its start is damaged: restore a backup with `reintegrate restore FILE`"
		}
		return notOurs(what, looksLike(head), todo)
	}
	// The header's schema cookie counts changes to the tables; user_version
	// is our schema number. Tables without our number are another
	// program's (a new database of ours has neither).
	cookie, version := binary.BigEndian.Uint32(head[40:]), binary.BigEndian.Uint32(head[60:])
	if version == 0 && cookie != 0 {
		return notOurs(what, "a SQLite database of another program", openTodo)
	}
	return nil
}

// openTodo is what to do when --db names a file that is not ours.
const openTodo = "give the path of your reintegrate database with --db (or REINTEGRATE_DB), or a new file name to start an empty one"

func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "special file"
}

// tighten takes group and other permissions off the database (isDB) or
// its -wal or -shm, once checkOurs has passed. Only a regular file is
// changed, never a link or what it points to; a file of another owner's
// is left (best effort). The database is compared with the schema its
// number names first, so another program's SQLite file is never made ours.
func tighten(name string, isDB bool) error {
	info, err := os.Lstat(name)
	if err != nil || !info.Mode().IsRegular() || info.Mode().Perm()&0o077 == 0 {
		return nil
	}
	if isDB {
		if err := checkSchema(name); err != nil {
			return err
		}
	}
	_ = os.Chmod(name, info.Mode().Perm()&0o700)
	return nil
}

// checkSchema compares a database's tables with the schema its number
// names, reading it without changing it.
func checkSchema(path string) error {
	ctx := context.Background()
	db, err := sql.Open("sqlite", fileURI(path, "mode=ro&_pragma=busy_timeout(5000)"))
	if err != nil {
		return fmt.Errorf("open the database at %s: %w", path, err)
	}
	defer db.Close()
	v, err := userVersion(ctx, db)
	if err != nil || v == 0 || v > SchemaVersion() {
		return nil // a new file, or one Open refuses anyway with its own reason
	}
	diff, err := schemaDiff(ctx, db, v)
	if err != nil {
		return fmt.Errorf("open the database at %s: %w", path, err)
	}
	if diff != "" {
		return notOurs(path, fmt.Sprintf("a SQLite database whose tables differ from reintegrate's schema %d (%s)", v, diff), openTodo)
	}
	return nil
}

// howWritable tells a file that cannot be written from one in a folder
// that cannot be written (where SQLite cannot make its -wal and -shm).
func howWritable(path string) access {
	if !folderWritable(filepath.Dir(path)) {
		return folderReadOnly
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return fileReadOnly
	}
	f.Close()
	return readWrite
}
