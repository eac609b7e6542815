//go:build unix

package storage

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// The database and its -wal and -shm are 0600 whatever the umask: the file
// holds safeguarding details about children (DESIGN.md, "Storage").
func TestFilesAreOwnerOnlyWhateverTheUmask(t *testing.T) {
	old := syscall.Umask(0) // the most permissive umask; not parallel-safe, so no t.Parallel
	defer syscall.Umask(old)
	dir := t.TempDir()
	path := filepath.Join(dir, "reintegrate.db")
	s := openAt(t, path)
	savePupil(t, s, pupilZoe()) // the first write makes the -wal and -shm
	for _, name := range []string{path, path + "-wal", path + "-shm"} {
		wantMode(t, name, 0o600)
	}
	backup := filepath.Join(dir, "backup.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	wantMode(t, backup, 0o600)
	s.Close()

	// A file someone made readable by others is tightened on open.
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	openAt(t, path)
	wantMode(t, path, 0o600)
}

const readOnlyChildEnv = "REINTEGRATE_TEST_READONLY_DB"

// A database file the user cannot write opens for reading, and every change
// is refused with a clear error and no damage. Root can write any file, so
// as root the check runs in a child process as the user nobody.
func TestReadOnlyFileRefusesWrites(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "reintegrate.db")
	s := openAt(t, path)
	savePupil(t, s, pupilZoe())
	s.Close()
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() != 0 {
		checkReadOnly(t, path)
	} else {
		runAsNobody(t, dir, path)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	r := openAt(t, path) // runs quick_check
	if pupils, err := r.Pupils(ctx); err != nil || len(pupils) != 1 {
		t.Errorf("after refused writes: %d pupils, %v", len(pupils), err)
	}
}

// TestReadOnlyChild is run as nobody by TestReadOnlyFileRefusesWrites.
func TestReadOnlyChild(t *testing.T) {
	path := os.Getenv(readOnlyChildEnv)
	if path == "" {
		t.Skip("run as a child by TestReadOnlyFileRefusesWrites")
	}
	checkReadOnly(t, path)
}

func checkReadOnly(t *testing.T, path string) {
	s, err := Open(ctx, path, testOptions())
	if err != nil {
		t.Fatalf("open a read-only file for reading: %v", err)
	}
	defer s.Close()
	pupils, err := s.Pupils(ctx)
	if err != nil || len(pupils) != 1 {
		t.Fatalf("read a read-only file: %d pupils, %v", len(pupils), err)
	}
	p := pupils[0]
	p.YearGroup = "Y9"
	wantErr(t, s.SavePupil(ctx, &p), ErrReadOnly, "is read-only: nothing was saved", "permissions")
	c := fullCase(pupils[0])
	wantErr(t, s.CreateCase(ctx, &c), ErrReadOnly)
}

func runAsNobody(t *testing.T, dir, path string) {
	const nobody = 65534
	// nobody needs to reach the folder, own the file (0400: readable, not
	// writable) and make its -shm, and run a copy of this test binary.
	binary := filepath.Join(dir, "storage.test")
	exe, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(binary, exe, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chown(dir, nobody, nobody); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(path, nobody, nobody); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary, "-test.run=^TestReadOnlyChild$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), readOnlyChildEnv+"="+path)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestReadOnlyChild") {
		t.Fatalf("read-only check as nobody: %v\n%s", err, out)
	}
	os.Chown(path, 0, 0)
}
