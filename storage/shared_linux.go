package storage

import "syscall"

// networkFileSystems are the statfs(2) magic numbers (linux/magic.h) of file
// systems whose locks cannot be trusted: network shares, and FUSE, which
// sshfs, rclone and the cloud-drive mounts use.
var networkFileSystems = map[uint32]string{
	0x6969:     "NFS",
	0x517B:     "SMB",
	0xFF534D42: "CIFS",
	0xFE534D42: "SMB2",
	0x65735546: "FUSE",
	0x5346414F: "AFS",
	0x6B414653: "AFS",
	0x73757245: "Coda",
	0x564C:     "NCP",
	0x01021997: "9P",
	0x00C36400: "Ceph",
	0x0BD00BD0: "Lustre",
}

// networkFolder reports whether the folder is on a network file system.
func networkFolder(dir string) (string, bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return "", false
	}
	return networkKind(uint32(st.Type))
}

func networkKind(magic uint32) (string, bool) {
	if kind, ok := networkFileSystems[magic]; ok {
		return "on a network or FUSE file system (" + kind + ")", true
	}
	return "", false
}
