package storage

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/adrg/xdg"
)

// A process that is killed (kill -9, a power cut) cannot remove its own
// temporary output file. So each OutputFile leaves a note in the data
// folder while it is open, naming its temporary file, and holds a lock on
// the note; the lock goes when the process does, however it ends. The next
// start (SweepUnfinished) removes the temporary files of notes nobody
// holds. Where there are no such locks (Windows) there are no notes, and
// an open file cannot be deleted there anyway.

// unfinishedDir is where the notes live: the OS data folder, beside the
// default database, whichever database --db names.
func unfinishedDir() string { return filepath.Join(xdg.DataHome, "reintegrate", "unfinished") }

// pendingNote is one note, held locked while its output is being written.
type pendingNote struct{ f *os.File }

// notePending makes a note for a new output file. It is best effort: an
// output is still written whole or not at all without one.
func notePending(target string) *pendingNote {
	if !canLockNotes {
		return nil
	}
	dir := unfinishedDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil
	}
	f, err := os.CreateTemp(dir, "*.note")
	if err != nil {
		return nil
	}
	if lockNote(f) != nil {
		f.Close()
		os.Remove(f.Name())
		return nil
	}
	return &pendingNote{f: f}
}

// name records the temporary file's path in the note.
func (n *pendingNote) name(temp string) {
	if n != nil {
		n.f.WriteString(temp) // not synced: after a power cut the sweep may miss one, no worse
	}
}

func (n *pendingNote) remove() {
	if n != nil {
		os.Remove(n.f.Name())
		n.f.Close()
	}
}

// SweepUnfinished removes the temporary files that interrupted runs left
// (an export, a report, a backup or a restore killed half-way) and returns
// their paths. A file whose writer is still running is left alone.
func SweepUnfinished() []string {
	dir := unfinishedDir()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var swept []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".note") {
			continue
		}
		if temp, ok := sweepNote(filepath.Join(dir, e.Name())); ok && temp != "" {
			swept = append(swept, temp)
		}
	}
	return swept
}

// sweepNote removes one note nobody holds, and the file it names if that
// file is still there and is one of ours (its name carries partialMark).
func sweepNote(note string) (string, bool) {
	f, err := os.Open(note)
	if err != nil {
		return "", false
	}
	defer f.Close()
	if lockNote(f) != nil {
		return "", false // its writer is still at work
	}
	data, err := os.ReadFile(note)
	if err != nil {
		return "", false
	}
	temp := string(data)
	os.Remove(note)
	if !strings.Contains(filepath.Base(temp), partialMark) {
		return "", true
	}
	if _, err := os.Lstat(temp); err != nil {
		return "", true
	}
	removeDB(temp)
	return temp, true
}

// SweepRestoring removes the staged copy an earlier version's restore kept
// beside the database as DB.restoring (with its journal files) when it was
// killed, and returns what it removed. Restores now stage through an
// OutputFile, which SweepUnfinished covers.
func SweepRestoring(db string) []string {
	staged := db + ".restoring"
	if _, err := os.Lstat(staged); err != nil {
		return nil
	}
	removeDB(staged)
	return []string{staged}
}
