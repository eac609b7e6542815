//go:build !linux && !darwin

package storage

import "io/fs"

// systemIdentity has nothing to add where there is no portable inode or
// ctime (Windows): size and modification time, and the daily check, do.
func systemIdentity(fs.FileInfo) string { return "" }
