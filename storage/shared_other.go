//go:build !linux && !darwin && !windows

package storage

// networkFolder cannot tell on this system; the folder-name check still runs.
func networkFolder(dir string) (string, bool) { return "", false }
