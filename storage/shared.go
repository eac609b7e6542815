package storage

import (
	"path/filepath"
	"strings"
)

// SQLite's locking relies on the operating system's file locks, which
// network file systems and sync clients do not honour faithfully: two people
// opening the same file there can both write and corrupt the record (SQLite
// FAQ 5, "How to corrupt an SQLite database file" s2). So a database on a
// network or cloud-synced folder is refused unless the user says otherwise.

// cloudFolders are the folder names sync clients create, lower case; a
// folder whose name starts with one ("OneDrive - Oak Academy Trust",
// "Dropbox (Personal)", "GoogleDrive-head@school.org") counts.
var cloudFolders = []string{"onedrive", "dropbox", "icloud drive", "icloud~", "mobile documents",
	"google drive", "googledrive", "my drive", "cloudstorage", "box sync", "nextcloud", "owncloud"}

// checkLocalFolder refuses a database path inside a cloud-synced folder or
// on a network file system, saying why and what to do.
func checkLocalFolder(path string) error {
	dir := filepath.Dir(path)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	where, shared := cloudFolder(dir)
	if !shared {
		where, shared = networkFolder(dir)
	}
	if !shared {
		return nil
	}
	return fail(ErrSharedFolder, "the database at %s is %s: SQLite's file locking is unreliable there, so two people could corrupt the record; keep the database on this computer's own disk, or pass --allow-shared-folder if only one person ever opens it", path, where)
}

// cloudFolder finds a sync client's folder among the path's folders.
func cloudFolder(dir string) (string, bool) {
	parts := strings.FieldsFunc(dir, func(r rune) bool { return r == '/' || r == '\\' })
	for _, part := range parts {
		lower := strings.ToLower(part)
		for _, name := range cloudFolders {
			if strings.HasPrefix(lower, name) {
				return "in " + part + ", a cloud-synced folder", true
			}
		}
	}
	return "", false
}
