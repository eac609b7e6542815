package storage

import "testing"

func TestNetworkFileSystems(t *testing.T) {
	tests := []struct {
		name   string
		magic  uint32
		shared bool
	}{
		{"NFS", 0x6969, true},
		{"CIFS", 0xFF534D42, true},
		{"SMB2", 0xFE534D42, true},
		{"FUSE (sshfs, rclone)", 0x65735546, true},
		{"ext4", 0xEF53, false},
		{"tmpfs", 0x01021994, false},
		{"btrfs", 0x9123683E, false},
	}
	for _, tt := range tests {
		if _, shared := networkKind(tt.magic); shared != tt.shared {
			t.Errorf("%s (%#x): shared = %v, want %v", tt.name, tt.magic, shared, tt.shared)
		}
	}
	// The test's own temporary folder is local.
	if where, shared := networkFolder(t.TempDir()); shared {
		t.Errorf("the temporary folder is %s", where)
	}
}
