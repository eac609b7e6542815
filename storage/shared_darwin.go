package storage

import (
	"strings"
	"syscall"
)

// networkFileSystems are the macOS file system type names of network
// shares and FUSE mounts, whose locks cannot be trusted.
var networkFileSystems = []string{"nfs", "smbfs", "afpfs", "webdav", "cifs", "macfuse", "osxfuse", "fusefs"}

// networkFolder reports whether the folder is on a network file system.
func networkFolder(dir string) (string, bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return "", false
	}
	var b strings.Builder
	for _, c := range st.Fstypename {
		if c == 0 {
			break
		}
		b.WriteByte(byte(c))
	}
	name := b.String()
	for _, n := range networkFileSystems {
		if strings.HasPrefix(name, n) {
			return "on a network or FUSE file system (" + name + ")", true
		}
	}
	return "", false
}
