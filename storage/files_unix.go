//go:build unix

package storage

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

const canLockNotes = true

// lockNote takes the note's lock without waiting: the writer holds it,
// and the sweep takes it only when nobody does. flock
// locks go with the process that held them, however it ends.
func lockNote(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}

func isQuota(err error) bool { return errors.Is(err, syscall.EDQUOT) }

// diskOf names the disk a folder is on, by its mount point: the highest
// folder above it on the same device.
func diskOf(dir string) string {
	var st syscall.Stat_t
	if syscall.Stat(dir, &st) != nil {
		return "the disk holding the folder " + dir
	}
	at := dir
	for {
		up := filepath.Dir(at)
		var pst syscall.Stat_t
		if up == at || syscall.Stat(up, &pst) != nil || pst.Dev != st.Dev {
			break
		}
		at = up
	}
	if at == dir {
		return "the disk mounted at " + dir
	}
	return "the disk holding the folder " + dir + " (mounted at " + at + ")"
}

// folderWritable reports whether files can be made in dir (access(2): the
// folder's permissions for this user, and a read-only mount).
func folderWritable(dir string) bool { return syscall.Access(dir, 2 /* W_OK */) == nil }
