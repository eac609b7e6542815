package storage

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// The kinds of trouble a caller may need to tell apart. Every error this
// package returns wraps at most one of them; test with errors.Is. The
// messages around them say what to do.
var (
	// ErrNotFound: no such pupil, case or audit entry.
	ErrNotFound = errors.New("not found")
	// ErrConflict: the case was changed elsewhere since it was loaded.
	ErrConflict = errors.New("changed elsewhere")
	// ErrDuplicate: another pupil already has the UPN.
	ErrDuplicate = errors.New("already recorded")
	// ErrLookalike: another pupil with a name a person could not tell
	// apart (lookalikeKey) has the same date of birth. SavePupil with
	// AllowLookalike adds the pupil all the same.
	ErrLookalike = errors.New("a pupil who looks the same is on roll")
	// ErrNewerSchema: the file was written by a newer reintegrate.
	ErrNewerSchema = errors.New("newer schema")
	// ErrDamaged: the file failed SQLite's integrity checks.
	ErrDamaged = errors.New("damaged database")
	// ErrSharedFolder: the file is on a network or cloud-synced folder.
	ErrSharedFolder = errors.New("shared folder")
	// ErrReadOnly: the file cannot be written.
	ErrReadOnly = errors.New("read-only database")
	// ErrFull: the disk (or the database's size limit) is full.
	ErrFull = errors.New("disk full")
	// ErrErased: the pupil or case was erased; the message says when, by
	// whom and why.
	ErrErased = errors.New("erased")
	// ErrBusy: another program held the database for longer than the
	// five-second busy timeout.
	ErrBusy = errors.New("database busy")
	// ErrNotOurs: the file is not a reintegrate database (another
	// program's, or no database at all).
	ErrNotOurs = errors.New("not a reintegrate database")
)

// problem is an error whose message is complete in itself (it already says
// what failed and what to do) and which still matches its kind with errors.Is.
type problem struct {
	msg  string
	kind error
}

func (p *problem) Error() string { return p.msg }
func (p *problem) Unwrap() error { return p.kind }

func fail(kind error, format string, a ...any) error {
	return &problem{msg: fmt.Sprintf(format, a...), kind: kind}
}

// explain turns SQLite's result codes into the messages a school's staff can
// act on, naming the file. Errors that are already explained pass through.
func (s *Store) explain(err error) error {
	if err == nil {
		return nil
	}
	var p *problem
	if errors.As(err, &p) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code() & 0xff { // the primary code; the driver reports extended codes
	case sqlite3.SQLITE_READONLY:
		return s.readOnlyError()
	case sqlite3.SQLITE_FULL:
		return fail(ErrFull, "the disk holding %s is full: nothing was saved; free some space and try again", s.path)
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return damaged(s.path, se.Error())
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return fail(ErrBusy, "the database at %s is busy (another reintegrate is saving to it): nothing was saved; try again", s.path)
	}
	return err
}

// readOnlyError refuses a change to a database that can only be read,
// saying whether the file or its folder is the reason.
func (s *Store) readOnlyError() error {
	if s.diskFull {
		return fail(ErrFull, "the disk holding %s is full: nothing was saved; free some space and try again", s.path)
	}
	if s.roFolder {
		return fail(ErrReadOnly, "the folder %s is read-only, so the database in it can be read but not changed: nothing was saved; copy %s to a folder you can write to (or ask for write access to this one)",
			filepath.Dir(s.path), filepath.Base(s.path))
	}
	return fail(ErrReadOnly, "the database at %s is read-only: nothing was saved; check the file's permissions or copy it to a folder you can write to", s.path)
}

func damaged(path, detail string) error {
	return fail(ErrDamaged, "the database at %s is damaged: %s; restore a backup with `reintegrate restore FILE`", path, detail)
}

// isUnique reports a UNIQUE or PRIMARY KEY constraint failure.
func isUnique(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) &&
		(se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY)
}
