//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// plainCopies lists files under dir that hold the database in the clear
// (SQLite's header) or a pupil's name.
func plainCopies(t *testing.T, dir string, secrets ...string) []string {
	t.Helper()
	var found []string
	for _, rel := range filesUnder(t, dir) {
		data, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			continue // a folder
		}
		for _, s := range append(secrets, "SQLite format 3") {
			if bytes.Contains(data, []byte(s)) {
				found = append(found, rel)
				break
			}
		}
	}
	return found
}

// An encrypted backup interrupted by ctrl+c, a kill or a closed terminal
// leaves no plain copy anywhere (the old main left the whole database in
// $TMPDIR/reintegrate-backup-*/backup.db every time) and no file at the
// target's name (it left a 0-byte .age).
func TestInterruptedEncryptedBackupLeavesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes; not with -short")
	}
	base := t.TempDir()
	db := filepath.Join(base, "school", "school.db")
	os.MkdirAll(filepath.Dir(db), 0o700)
	mustRun(t, "--db="+db, "import", fixture("good/design-example.json"))
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		dir := filepath.Join(base, sig.String())
		target := filepath.Join(dir, "out", "backup.db.age")
		os.MkdirAll(filepath.Dir(target), 0o700)
		// The passphrase's scrypt at its real cost (about a second) is
		// where the signal lands: after the snapshot, before the file.
		cmd := cliChild(dir, []string{passphraseEnv + "=" + testPassphrase}, "--db="+db, "backup", "--encrypt", target)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(250 * time.Millisecond)
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		code := cmd.ProcessState.ExitCode()
		if code != 128+int(sig) && err != nil {
			t.Errorf("%v: exit %d (%v), want %d\n%s", sig, code, err, 128+int(sig), stderr.String())
		}
		if _, err := os.Lstat(target); err == nil && code != 0 {
			t.Errorf("%v: an interrupted backup left a file at %s", sig, target)
		}
		if leaks := plainCopies(t, dir, "Sam Taylor"); len(leaks) != 0 {
			t.Errorf("%v: plain copies left: %v", sig, leaks)
		}
		if left := filesUnder(t, filepath.Join(dir, "out")); code != 0 && len(left) != 0 {
			t.Errorf("%v: left beside the target: %v", sig, left)
		}
		if leaks := plainCopies(t, filepath.Dir(db), "Sam Taylor"); len(leaks) != 1 {
			t.Errorf("%v: the database's folder holds %v, want the database alone", sig, leaks)
		}
	}
}

// A closed terminal (SIGHUP) on --demo removes the demo's folder of sample
// data (the old main left /tmp/reintegrate-demo-* behind).
func TestHangUpOnDemoRemovesItsFolder(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process; not with -short")
	}
	dir := t.TempDir()
	cmd := cliChild(dir, nil, "--demo", "--accessible")
	stdin, err := cmd.StdinPipe() // never written: the prompt waits
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(dir, "tmp")
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(stdout.String(), "Type 1, 2 or q") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if demo, _ := filepath.Glob(filepath.Join(tmp, "reintegrate-demo-*")); len(demo) != 1 {
		t.Fatalf("the demo's folder: %v, want one while it runs", demo)
	}
	cmd.Process.Signal(syscall.SIGHUP)
	cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 128+int(syscall.SIGHUP) {
		t.Errorf("exit %d after SIGHUP, want %d", code, 128+int(syscall.SIGHUP))
	}
	if left := filesUnder(t, tmp); len(left) != 0 {
		t.Errorf("the demo left %v in the temporary folder", left)
	}
}
