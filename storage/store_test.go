package storage

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/adrg/xdg"
)

// The default database lives in the OS data folder (XDG_DATA_HOME when
// set), in a reintegrate folder created owner-only.
func TestDefaultPath(t *testing.T) {
	t.Cleanup(xdg.Reload) // runs after t.Setenv has put the variable back
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	xdg.Reload()
	got, err := DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "reintegrate", "reintegrate.db"); got != want {
		t.Errorf("DefaultPath() = %s, want %s", got, want)
	}
	info, err := os.Stat(filepath.Dir(got))
	if err != nil || !info.IsDir() {
		t.Fatalf("the folder was not created: %v", err)
	}
	if perm := info.Mode().Perm(); perm&0o077 != 0 && os.PathSeparator == '/' {
		t.Errorf("the folder is %v, want owner-only", perm)
	}
}
