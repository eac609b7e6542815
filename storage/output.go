package storage

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"
)

// OutputFile is a file being written whole or not at all: every file the
// app writes for the user (exports, reports, subject access copies,
// backups, a restored database) goes through one. It is a private
// temporary file (0600) in the target's own folder, so nothing appears at
// the target's name until Commit has written it, synced it, checked its
// size and renamed it into place (and synced the folder). On any error,
// and on Discard, the temporary file is removed and a file already at the
// target is left exactly as it was.
//
// While it is open, a note in the data folder (see SweepUnfinished) names
// the temporary file, so one left by a process that was killed is removed
// at the next start.
type OutputFile struct {
	ctx     context.Context
	target  string
	temp    *os.File
	replace bool
	size    int64
	err     error // the first failed write
	pending *pendingNote
	done    bool
}

// ErrExists: the output file is already there and --force was not given.
var ErrExists = errors.New("file exists")

// partialMark is in the name of every temporary output file: the sweep
// removes nothing without it.
const partialMark = ".partial-"

// CreateOutput starts writing the file at path. Without replace, a file
// already at path is refused (ErrExists), now and again at Commit, so two
// writers cannot both take the name. A cancelled ctx makes Commit fail.
func CreateOutput(ctx context.Context, path string, replace bool) (*OutputFile, error) {
	target, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	if info, err := os.Stat(target); err == nil && info.IsDir() {
		return nil, fail(ErrExists, "%s is a folder: give the name of a file in it, such as %s", target, filepath.Join(target, "report.pdf"))
	} else if !replace && (err == nil || existsAsLink(target)) {
		return nil, exists(target)
	}
	if ctx == nil {
		ctx = context.Background()
	}
	o := &OutputFile{ctx: ctx, target: target, replace: replace}
	// The note first, so a temporary file is never left without one.
	o.pending = notePending(target)
	o.temp, err = os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+partialMark+"*")
	if err == nil {
		openOutputs.add(o)
		o.pending.name(o.temp.Name())
		err = o.temp.Chmod(0o600) // CreateTemp's own mode, said aloud
	}
	if err != nil {
		o.Discard()
		return nil, outputError(target, err)
	}
	return o, nil
}

func existsAsLink(path string) bool { _, err := os.Lstat(path); return err == nil }

// exists is the refusal to replace a file; the caller adds what to do
// (give --force, type another name).
func exists(target string) error {
	return fail(ErrExists, "%s already exists: nothing was written", target)
}

// Write writes to the temporary file. After a failure it keeps failing,
// and Commit reports the first failure.
func (o *OutputFile) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	n, err := o.temp.Write(p)
	o.size += int64(n)
	if err != nil {
		o.err = outputError(o.target, err)
	}
	return n, o.err
}

// TempPath is the temporary file's path, for a writer that must write by
// name (SQLite checking a restored database).
func (o *OutputFile) TempPath() string { return o.temp.Name() }

// Target is the absolute path the file will have.
func (o *OutputFile) Target() string { return o.target }

// Commit puts the file in place: synced, its size checked against what
// was written, renamed over the target (or, without replace, linked to a
// target name that must still be free), and the folder synced.
func (o *OutputFile) Commit() error {
	defer o.Discard()
	if o.err != nil {
		return o.err
	}
	if err := o.ctx.Err(); err != nil {
		return fmt.Errorf("write %s: interrupted: nothing was written: %w", o.target, err)
	}
	err := o.temp.Sync()
	if err == nil {
		err = o.checkSize()
	}
	if cerr := o.temp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return outputError(o.target, err)
	}
	if err := o.place(); err != nil {
		return err
	}
	o.done = true
	return syncFolder(filepath.Dir(o.target))
}

// checkSize compares the file on the disk with what was written to it.
func (o *OutputFile) checkSize() error {
	info, err := o.temp.Stat()
	if err != nil {
		return err
	}
	if info.Size() != o.size {
		return fmt.Errorf("the disk holds %d bytes of the %d written", info.Size(), o.size)
	}
	return nil
}

// place renames the finished file to the target. Without replace it links
// it instead, which fails if the name was taken meanwhile; a file system
// without hard links (FAT on a memory stick) falls back to a check and a
// rename.
func (o *OutputFile) place() error {
	temp := o.temp.Name()
	if !o.replace {
		err := os.Link(temp, o.target)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, fs.ErrExist):
			return exists(o.target)
		case existsAsLink(o.target):
			return exists(o.target)
		}
	}
	if err := os.Rename(temp, o.target); err != nil {
		return outputError(o.target, err)
	}
	return nil
}

// Discard abandons the file: the temporary file goes (with any journal
// SQLite left beside it), and the target is untouched. It is safe to call
// more than once, and after Commit.
func (o *OutputFile) Discard() {
	openOutputs.remove(o)
	if o.temp != nil {
		o.temp.Close()
		removeDB(o.temp.Name())
		o.temp = nil
	}
	o.pending.remove()
	o.pending = nil
}

// openOutputs are the output files being written, for DiscardOpenOutputs.
var openOutputs outputSet

type outputSet struct {
	sync.Mutex
	files map[*OutputFile]bool
}

func (set *outputSet) add(o *OutputFile) {
	set.Lock()
	defer set.Unlock()
	if set.files == nil {
		set.files = map[*OutputFile]bool{}
	}
	set.files[o] = true
}

func (set *outputSet) remove(o *OutputFile) {
	set.Lock()
	defer set.Unlock()
	delete(set.files, o)
}

// DiscardOpenOutputs removes the temporary file of every output still
// being written, for a process about to end at once (a signal whose
// command did not stop in time): nothing is left half-written.
func DiscardOpenOutputs() {
	openOutputs.Lock()
	defer openOutputs.Unlock()
	for o := range openOutputs.files {
		if o.temp != nil {
			removeDB(o.temp.Name())
		}
		o.pending.remove()
	}
}

// WriteOutput writes data to path whole or not at all (OutputFile).
func WriteOutput(ctx context.Context, path string, data []byte, replace bool) error {
	o, err := CreateOutput(ctx, path, replace)
	if err != nil {
		return err
	}
	if _, err := o.Write(data); err != nil {
		o.Discard()
		return err
	}
	return o.Commit()
}

// syncFolder makes the rename durable: a crash after Commit returns
// cannot bring the old file back.
func syncFolder(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil // Windows cannot open a folder this way; its renames are durable
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, fs.ErrPermission) {
		return outputError(filepath.Join(dir, "."), err)
	}
	return nil
}

// outputError says why an output file could not be written, naming the
// disk or folder of the target itself (not the database's), and that
// nothing was written.
func outputError(target string, err error) error {
	var p *problem
	if errors.As(err, &p) {
		return err
	}
	dir := filepath.Dir(target)
	const kept = "nothing was written (a file already there is unchanged)"
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return fail(ErrFull, "write %s: %s is full: %s; free some space there or choose another place", target, diskOf(dir), kept)
	case isQuota(err):
		return fail(ErrFull, "write %s: your disk quota on %s is used up: %s; free some space there or choose another place", target, diskOf(dir), kept)
	case errors.Is(err, syscall.EROFS):
		return fail(ErrReadOnly, "write %s: %s is read-only: %s; choose another place", target, diskOf(dir), kept)
	case errors.Is(err, fs.ErrPermission):
		return fail(ErrReadOnly, "write %s: you may not write to the folder %s: %s; choose a folder you can write to", target, dir, kept)
	case errors.Is(err, fs.ErrNotExist):
		return fail(nil, "write %s: the folder %s does not exist: nothing was written; create it or choose another place", target, dir)
	}
	return fmt.Errorf("write %s: %w; %s", target, err, kept)
}
