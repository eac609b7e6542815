package storage

import (
	"fmt"
	"io/fs"
	"syscall"
)

// systemIdentity is the device, inode and status-change time (ctime),
// which no ordinary tool can set back (see checked.go).
func systemIdentity(info fs.FileInfo) string {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return ""
	}
	return fmt.Sprintf(" %d %d %d.%09d", st.Dev, st.Ino, st.Ctim.Sec, st.Ctim.Nsec)
}
