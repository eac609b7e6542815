package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// export -o and report -o keep a file that is already there (exit 2, named)
// unless --force is given; a refused export is not logged as made.
func TestOutputIsNotReplacedWithoutForce(t *testing.T) {
	db := newDB(t)
	mustRun(t, db, "import", fixture("good/design-example.json"))
	dir := t.TempDir()
	for _, args := range [][]string{
		{"export", "1", "--format", "json"},
		{"export", "--pupil", "1", "--format", "md"},
		{"report", "la", "--csv", asOf},
	} {
		path := filepath.Join(dir, "Zoë's "+args[1]+".out")
		if err := os.WriteFile(path, []byte("last half term's return"), 0o600); err != nil {
			t.Fatal(err)
		}
		r := runCLI(t, append(append([]string{db}, args...), "-o", path)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, path+" already exists: nothing was written") ||
			!strings.Contains(r.stderr, "--force") {
			t.Errorf("%s over a file: exit %d, %q; want 2 naming it and --force", args[0], r.code, r.stderr)
		}
		if got, _ := os.ReadFile(path); string(got) != "last half term's return" {
			t.Errorf("%s replaced the file without --force: %q", args[0], got)
		}
		mustRun(t, append(append([]string{db}, args...), "-o", path, "--force")...)
		if got, _ := os.ReadFile(path); string(got) == "last half term's return" || len(got) == 0 {
			t.Errorf("%s --force did not replace the file: %q", args[0], got)
		}
		wantMode(t, path, 0o600)
	}
	// The subject access copy refused above was not logged; the forced one was.
	if n := strings.Count(mustRun(t, db, "export", "--pupil", "1", "--format", "json"), `"action": "subject-access"`); n != 1 {
		t.Errorf("the audit log holds %d subject access copies, want the 1 written", n)
	}
	if left := filesUnder(t, dir); len(left) != 3 {
		t.Errorf("the folder holds %v, want the three outputs and nothing else", left)
	}
}

// A case with no completed forms has nothing to print as Markdown: say so,
// exit 2, write nothing.
func TestExportMarkdownWithNoCompletedForms(t *testing.T) {
	db := newDB(t)
	mustRun(t, db, "import", caseFile(t, func(doc map[string]any) { delete(doc, "forms") }))
	out := filepath.Join(t.TempDir(), "forms.md")
	r := runCLI(t, db, "export", "1", "--format", "md", "-o", out)
	if r.code != exitUsage || !strings.Contains(r.stderr, "case 1 has no completed forms") || !strings.Contains(r.stderr, "--form") {
		t.Errorf("md export with no forms: exit %d, %q; want 2 saying so", r.code, r.stderr)
	}
	if _, err := os.Lstat(out); err == nil {
		t.Error("a file was written")
	}
}

// fullDiskWith is a small tmpfs (smallDisk: as root, skipped otherwise)
// holding good (the last good output, if any) as name, then filled.
func fullDiskWith(t *testing.T, name string, good []byte) (disk, path string) {
	t.Helper()
	disk = smallDisk(t)
	path = filepath.Join(disk, name)
	if good != nil {
		if err := os.WriteFile(path, good, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	fillDisk(t, disk)
	return disk, path
}

// A full disk: exit 3 naming the target's own disk, the old file byte for
// byte as it was, nothing left beside it (the old main wrote a cut-short
// file over the good one with exit 0).
func TestOutputToAFullDisk(t *testing.T) {
	good := bytes.Repeat([]byte("Zoë,Łukasz,Nguyễn,register\n"), 1500)
	for _, args := range [][]string{
		{"export", "1", "--format", "pdf"},
		{"report", "register", "--csv"},
		{"export", "--pupil", "1", "--format", "pdf"},
	} {
		disk, path := fullDiskWith(t, "good.out", good)
		r := runCLI(t, append(append([]string{"--demo", asOf}, args...), "--force", "-o", path)...)
		if r.code != exitStorage || !strings.Contains(r.stderr, "the disk mounted at "+disk+" is full") ||
			!strings.Contains(r.stderr, "nothing was written") {
			t.Errorf("%s to a full disk: exit %d, %q; want 3 naming the disk", strings.Join(args, " "), r.code, r.stderr)
		}
		if got, _ := os.ReadFile(path); !bytes.Equal(got, good) {
			t.Errorf("%s: the old file changed: %d bytes, want %d", strings.Join(args, " "), len(got), len(good))
		}
		if left := filesUnder(t, disk); len(left) != 2 {
			t.Errorf("left on the disk: %v", left)
		}
	}
}

// A backup to a full disk names the backup's disk, not the database's, and
// leaves no file at the name; encrypted too.
func TestBackupToAFullDisk(t *testing.T) {
	fastScrypt(t)
	db := newDB(t)
	mustRun(t, db, "import", fixture("good/design-example.json"))
	for _, encrypt := range []bool{false, true} {
		disk, path := fullDiskWith(t, "backup.db", nil)
		args := []string{db, "backup", path}
		if encrypt {
			args = append(args, "--encrypt")
		}
		r := runCLI(t, args...)
		if r.code != exitStorage || !strings.Contains(r.stderr, "the disk mounted at "+disk+" is full") {
			t.Errorf("backup (encrypt %v) to a full disk: exit %d, %q; want 3 naming the backup's disk", encrypt, r.code, r.stderr)
		}
		if left := filesUnder(t, disk); len(left) != 1 {
			t.Errorf("left on the disk: %v", left)
		}
	}
}

// A restore killed by an earlier version left DB.restoring beside the
// database (a whole plain copy of a backup): the next start removes it and
// says so.
func TestStartSweepsAKilledRestoresCopy(t *testing.T) {
	db := filepath.Join(t.TempDir(), "school.db")
	mustRun(t, "--db="+db, "import", fixture("good/design-example.json"))
	staged := db + ".restoring"
	if err := os.WriteFile(staged, []byte("SQLite format 3\x00 and the rest"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "--db="+db, "cases")
	if r.code != exitOK || !strings.Contains(r.stderr, "removed "+staged+", left unfinished by an interrupted run") {
		t.Errorf("cases after a killed restore: exit %d, %q; want 0 and the sweep reported", r.code, r.stderr)
	}
	if _, err := os.Lstat(staged); err == nil {
		t.Error("the killed restore's copy is still there")
	}
}

// --db at a file that is not a database: exit 2, what it looks like and
// what to do, and the file as it was (mode too).
func TestDBThatIsNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(path, []byte("Zoë's notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "--db="+path, "cases")
	if r.code != exitUsage || !strings.Contains(r.stderr, "is not a reintegrate database (it looks like a text file)") ||
		!strings.Contains(r.stderr, "--db") || strings.Contains(r.stderr, "damaged") {
		t.Errorf("--db at a text file: exit %d, %q; want 2 saying what it is", r.code, r.stderr)
	}
	wantMode(t, path, 0o644)
}
