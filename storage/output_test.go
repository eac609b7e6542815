package storage

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/xdg"
)

// privateDataHome points the OS data folder (where the notes of unfinished
// outputs live) at a folder of the test's own.
func privateDataHome(t *testing.T) string {
	t.Helper()
	t.Cleanup(xdg.Reload) // runs after t.Setenv has put the variable back
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	xdg.Reload()
	return dir
}

// leftovers lists what is in dir besides the names given.
func leftovers(t *testing.T, dir string, expected ...string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "lost+found") && !contains(expected, e.Name()) {
			left = append(left, e.Name())
		}
	}
	return left
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// An output file is made 0600, replaces a file only when asked, and leaves
// no temporary file and no note behind.
func TestWriteOutputReplacesOnlyWhenAsked(t *testing.T) {
	home := privateDataHome(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "Zoë's report.csv")
	if err := WriteOutput(ctx, path, []byte("first"), false); err != nil {
		t.Fatal(err)
	}
	wantMode(t, path, 0o600)
	wantErr(t, WriteOutput(ctx, path, []byte("second"), false), ErrExists, path+" already exists: nothing was written")
	if got, _ := os.ReadFile(path); string(got) != "first" {
		t.Errorf("a refused write changed the file: %q", got)
	}
	if err := WriteOutput(ctx, path, []byte("third"), true); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "third" {
		t.Errorf("replace wrote %q", got)
	}
	wantMode(t, path, 0o600)
	wantErr(t, WriteOutput(ctx, dir, []byte("x"), true), ErrExists, "is a folder")
	if left := leftovers(t, dir, "Zoë's report.csv"); len(left) != 0 {
		t.Errorf("left in the folder: %v", left)
	}
	if notes, _ := os.ReadDir(unfinishedDir()); len(notes) != 0 {
		t.Errorf("notes left in %s: %v", home, notes)
	}
}

// A cancelled run (a signal) writes nothing at the target.
func TestOutputInterruptedWritesNothing(t *testing.T) {
	privateDataHome(t)
	dir := t.TempDir()
	cctx, cancel := context.WithCancel(ctx)
	o, err := CreateOutput(cctx, filepath.Join(dir, "x.pdf"), false)
	if err != nil {
		t.Fatal(err)
	}
	o.Write([]byte("%PDF-"))
	cancel()
	wantErr(t, o.Commit(), context.Canceled, "interrupted: nothing was written")
	if left := leftovers(t, dir); len(left) != 0 {
		t.Errorf("left in the folder: %v", left)
	}
}

// mountTmpfs mounts a small tmpfs for a full or read-only disk; it needs
// root, and the test is skipped with the reason otherwise.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("a full or read-only disk needs a tmpfs mounted as root; not root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size+",mode=0700", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s)", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// fillDisk leaves about free bytes on the disk holding dir.
func fillDisk(t *testing.T, dir string, free int64) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "filler"))
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
	f.Sync()
	info, _ := f.Stat()
	if err := f.Truncate(info.Size() - free); err != nil {
		t.Fatal(err)
	}
}

// A full disk: the write fails naming the target's own disk, the file
// already there stays byte for byte, and no temporary file is left.
func TestOutputOnAFullDiskKeepsTheOldFile(t *testing.T) {
	privateDataHome(t)
	disk := mountTmpfs(t, "2m")
	path := filepath.Join(disk, "good.csv")
	good := bytes.Repeat([]byte("Zoë,Łukasz,Nguyễn\n"), 4000) // 84 KB
	if err := WriteOutput(ctx, path, good, false); err != nil {
		t.Fatal(err)
	}
	fillDisk(t, disk, 4096)
	bigger := bytes.Repeat([]byte("x"), 200_000)
	wantErr(t, WriteOutput(ctx, path, bigger, true), ErrFull, "write "+path, "the disk mounted at "+disk+" is full",
		"nothing was written (a file already there is unchanged)")
	if got, _ := os.ReadFile(path); !bytes.Equal(got, good) {
		t.Errorf("the old file changed: %d bytes, want %d", len(got), len(good))
	}
	if left := leftovers(t, disk, "good.csv", "filler"); len(left) != 0 {
		t.Errorf("left on the disk: %v", left)
	}
}

// A writer killed half-way leaves a temporary file beside the target; the
// next start removes it, and never one whose writer is still at work.
func TestSweepUnfinished(t *testing.T) {
	privateDataHome(t)
	dir := t.TempDir()
	live, err := CreateOutput(ctx, filepath.Join(dir, "live.pdf"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer live.Discard()
	// A dead writer's note: its lock went with it.
	dead := filepath.Join(dir, ".backup.db"+partialMark+"123")
	os.WriteFile(dead, []byte("half a backup"), 0o600)
	os.MkdirAll(unfinishedDir(), 0o700)
	os.WriteFile(filepath.Join(unfinishedDir(), "1.note"), []byte(dead), 0o600)
	// A note naming a file that is not ours is dropped, the file left.
	mine := filepath.Join(dir, "mine.txt")
	os.WriteFile(mine, []byte("keep"), 0o600)
	os.WriteFile(filepath.Join(unfinishedDir(), "2.note"), []byte(mine), 0o600)

	swept := SweepUnfinished()
	same(t, "swept", swept, []string{dead})
	if _, err := os.Stat(live.TempPath()); err != nil {
		t.Errorf("the live writer's file was swept: %v", err)
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("a file not ours was removed: %v", err)
	}
	if notes, _ := os.ReadDir(unfinishedDir()); len(notes) != 1 {
		t.Errorf("notes left: %v, want the live writer's", notes)
	}
}

// A database in a folder that cannot be written (here a read-only disk)
// still reads; a change is refused saying the folder is read-only (the
// old main refused even reads).
func TestReadOnlyFolderStillReads(t *testing.T) {
	disk := mountTmpfs(t, "4m")
	path := filepath.Join(disk, "reintegrate.db")
	s := openAt(t, path)
	savePupil(t, s, pupilZoe())
	s.Close()
	if out, err := exec.Command("mount", "-o", "remount,ro", disk).CombinedOutput(); err != nil {
		t.Skipf("cannot make the tmpfs read-only (%v: %s)", err, out)
	}
	r, err := Open(ctx, path, testOptions())
	if err != nil {
		t.Fatalf("open in a read-only folder: %v", err)
	}
	defer r.Close()
	pupils, err := r.Pupils(ctx)
	if err != nil || len(pupils) != 1 {
		t.Fatalf("read in a read-only folder: %d pupils, %v", len(pupils), err)
	}
	p := pupils[0]
	p.YearGroup = "Y9"
	wantErr(t, r.SavePupil(ctx, &p), ErrReadOnly, "the folder "+disk+" is read-only", "nothing was saved")
}
