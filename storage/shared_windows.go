package storage

import (
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

// networkFolder reports whether the folder is on a network share: a UNC
// path (\\server\share) or a drive letter mapped to one.
func networkFolder(dir string) (string, bool) {
	vol := filepath.VolumeName(dir)
	if strings.HasPrefix(vol, `\\`) {
		return "on a network share (" + vol + ")", true
	}
	root, err := windows.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return "", false
	}
	if windows.GetDriveType(root) == windows.DRIVE_REMOTE {
		return "on a network drive (" + vol + ")", true
	}
	return "", false
}
