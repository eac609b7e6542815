package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"reintegrate/model"
	"reintegrate/storage"
)

// `today` works the findings out afresh when its cache is stale, and keeps
// them for next time. When they cannot be kept (another program holds the
// database past the busy timeout; the disk is full) the register still
// prints, whole, with a warning on standard error, and exit 0.

const cacheDay = "2026-11-20"

// demoAt makes a database at path with the demo school and cases, whose
// findings for cacheDay are not yet cached.
func demoAt(t *testing.T, path string) {
	t.Helper()
	on, _ := model.ParseDate(cacheDay)
	s, err := storage.Open(context.Background(), path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := storage.LoadDemo(context.Background(), s, on); err != nil {
		t.Fatal(err)
	}
}

// todayChild runs `today` as a program of its own.
func todayChild(t *testing.T, path string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := cliChild(t.TempDir(), nil, "--db="+path, "--on="+cacheDay, "today")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	return out.String(), errb.String(), cmd.ProcessState.ExitCode()
}

// wantRegisterWithWarning checks a run that could not keep its findings:
// the register as a run that could, and the warning saying why.
func wantRegisterWithWarning(t *testing.T, path, stdout, stderr string, code int, why string) {
	t.Helper()
	if code != exitOK || !strings.Contains(stdout, "20/11/2026") {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	for _, want := range []string{"reintegrate: warning: the findings worked out afresh", "were not kept for next time", why,
		"The register printed is complete"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not say %q:\n%s", want, stderr)
		}
	}
	again, stderr2, code2 := todayChild(t, path)
	if code2 != exitOK || stderr2 != "" {
		t.Fatalf("once the database is free: exit %d, stderr %q", code2, stderr2)
	}
	if again != stdout {
		t.Errorf("the register printed with the warning differs from the one printed without it:\n%s\n---\n%s", stdout, again)
	}
}

func TestTodayPrintsWhenTheDatabaseIsHeld(t *testing.T) {
	if testing.Short() {
		t.Skip("waits out the five-second busy timeout")
	}
	path := filepath.Join(t.TempDir(), "reintegrate.db")
	demoAt(t, path)
	// A second connection, as another program saving, holds the write lock.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	stdout, stderr, code := todayChild(t, path)
	t.Logf("today with the write lock held elsewhere: exit %d after %v", code, time.Since(start).Round(time.Millisecond))
	if _, err := conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	wantRegisterWithWarning(t, path, stdout, stderr, code, "is busy (another reintegrate is saving to it)")
}

// The disk is full: the findings cannot be written, the register still
// prints. Whether another program has the database open (its shared-memory
// index is there already) or not (SQLite cannot make one: the file is read
// as it stands).
func TestTodayPrintsOnAFullDisk(t *testing.T) {
	for _, held := range []bool{true, false} {
		t.Run(fmt.Sprintf("open elsewhere %v", held), func(t *testing.T) {
			dir := smallDisk(t)
			path := filepath.Join(dir, "reintegrate.db")
			demoAt(t, path)
			if held {
				open, err := storage.Open(context.Background(), path, storage.Options{}) // the TUI, say, left open
				if err != nil {
					t.Fatal(err)
				}
				defer open.Close()
				if _, err := open.School(context.Background()); err != nil {
					t.Fatal(err)
				}
			}
			fill := fillDisk(t, dir)
			stdout, stderr, code := todayChild(t, path)
			if err := os.Remove(fill); err != nil {
				t.Fatal(err)
			}
			wantRegisterWithWarning(t, path, stdout, stderr, code, "is full")
		})
	}
}

// smallDisk mounts a 2 MB tmpfs for the test, or skips it saying why.
func smallDisk(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs to fill needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs (%v: %s)", err, out)
	}
	t.Cleanup(func() { _ = syscall.Unmount(dir, 0) })
	return dir
}

// fillDisk fills the file system holding dir to its last byte and returns
// the file that does it.
func fillDisk(t *testing.T, dir string) string {
	t.Helper()
	name := filepath.Join(dir, "fill")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := make([]byte, 4096)
	for {
		if _, err := f.Write(block); err != nil {
			break
		}
	}
	for {
		if _, err := f.Write(block[:1]); err != nil {
			return name
		}
	}
}
