//go:build !unix

package storage

import (
	"errors"
	"os"
	"path/filepath"
)

const canLockNotes = false

func lockNote(*os.File) error { return errors.New("no locks here") }

func isQuota(error) bool { return false }

func diskOf(dir string) string {
	return "the disk holding the folder " + dir + " (" + filepath.VolumeName(dir) + ")"
}

// folderWritable: Windows folders are read-only by their files' access
// lists, which opening the file for writing already tested.
func folderWritable(string) bool { return true }
