package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The command line as DESIGN.md ("Command line", exit codes 0/1/2/3) and
// the case-file contract (reintegrate/case@1) promise it, driven in-process
// through run.

// asOf pins --on so the findings do not move with the clock.
const asOf = "--on=2026-11-20"

type result struct {
	code           int
	stdout, stderr string
}

// runCLI runs the command line in-process with empty standard input.
func runCLI(t *testing.T, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return result{code, out.String(), errb.String()}
}

// mustRun runs a command that must succeed.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	r := runCLI(t, args...)
	if r.code != exitOK {
		t.Fatalf("reintegrate %s: exit %d\n%s%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r.stdout
}

// newDB is the --db flag for a fresh database in the test's folder.
func newDB(t *testing.T) string {
	t.Helper()
	return "--db=" + filepath.Join(t.TempDir(), "reintegrate.db")
}

// fixture is a case file from model/testdata.
func fixture(name string) string { return filepath.Join("..", "..", "model", "testdata", name) }

// caseFile writes design-example.json changed by edit to a new file.
func caseFile(t *testing.T, edit func(doc map[string]any)) string {
	t.Helper()
	data, err := os.ReadFile(fixture("good/design-example.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	edit(doc)
	out, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.CreateTemp(t.TempDir(), "case-*.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Write(out); err != nil {
		t.Fatal(err)
	}
	return f.Name()
}

// pupilOf is the case file's pupil object, to edit.
func pupilOf(doc map[string]any) map[string]any { return doc["pupil"].(map[string]any) }

// DESIGN.md, "Command line": 0 fine, 1 a blocker not met, 2 bad input.
func TestCheckFileExitCodes(t *testing.T) {
	unknownKey := caseFile(t, func(doc map[string]any) { pupilOf(doc)["shoe_size"] = 5 })
	badDate := caseFile(t, func(doc map[string]any) { pupilOf(doc)["date_of_birth"] = "31/02/2013" })
	tests := []struct {
		name, file string
		code       int
		says       string // in standard output for 0 and 1, standard error for 2
	}{
		{"every blocker met", fixture("good/design-example.json"), exitOK, "hours"},
		{"AP reintegration, all met", fixture("good/hillingdon-ap-placement.json"), exitOK, ""},
		{"a draft suspension plan missing its blockers", fixture("good/national-suspension-draft.json"), exitBlocker, ""},
		{"a wrong format and many errors", fixture("bad/many-errors.json"), exitUsage, `type "reintegrate/case@1"`},
		{"an unknown key names its path", unknownKey, exitUsage, "shoe_size"},
		{"an impossible date names its field", badDate, exitUsage, "date_of_birth"},
		{"no such file", filepath.Join(t.TempDir(), "missing.json"), exitUsage, "missing.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, "check", "--file", tt.file, asOf)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d\n%s%s", r.code, tt.code, r.stdout, r.stderr)
			}
			where := r.stdout
			if tt.code == exitUsage {
				where = r.stderr
			}
			if !strings.Contains(where, tt.says) {
				t.Errorf("output does not say %q:\n%s", tt.says, where)
			}
		})
	}
}

func TestCheckJSONIsOneObject(t *testing.T) {
	r := runCLI(t, "check", "--file", fixture("good/national-suspension-draft.json"), "--json", asOf)
	var got struct {
		On       string `json:"on"`
		Findings []struct {
			Rule, Status, Severity string
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("check --json is not one JSON object: %v\n%s", err, r.stdout)
	}
	blocked := false
	for _, f := range got.Findings {
		blocked = blocked || (f.Severity == "blocker" && f.Status == "unmet")
	}
	if r.code != exitBlocker || got.On != "2026-11-20" || !blocked {
		t.Errorf("exit %d, on %q, a blocker not met %v; want 1, 2026-11-20, true", r.code, got.On, blocked)
	}
}

// Case-file contract: a case exported, imported elsewhere and exported
// again is the same file, byte for byte, and matches the encoded fixture.
func TestImportExportJSONRoundTrip(t *testing.T) {
	names, err := filepath.Glob(fixture("good/*.json"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, name := range names {
		base := filepath.Base(name)
		t.Run(base, func(t *testing.T) {
			first, second := newDB(t), newDB(t)
			mustRun(t, first, "import", name)
			out := filepath.Join(t.TempDir(), "out.json")
			mustRun(t, first, "export", "1", "--format", "json", "-o", out)
			exported, _ := os.ReadFile(out)
			want, err := os.ReadFile(fixture("encoded/" + base))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(exported, want) {
				t.Errorf("export differs from encoded/%s", base)
			}
			mustRun(t, second, "import", out)
			again := mustRun(t, second, "export", "1", "--format", "json")
			if again != string(exported) {
				t.Errorf("second export differs from the first:\n%s\n----\n%s", again, exported)
			}
		})
	}
}

func TestImportRefusals(t *testing.T) {
	db := newDB(t)
	mustRun(t, db, "import", fixture("good/design-example.json"))
	tests := []struct {
		name, file, says string
	}{
		{"the same case twice", fixture("good/design-example.json"), "already has"},
		{"a bad case file", fixture("bad/many-errors.json"), "format"},
		{"no such file", filepath.Join(t.TempDir(), "nope.json"), "cannot read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, db, "import", tt.file)
			if r.code != exitUsage || !strings.Contains(r.stderr, tt.says) {
				t.Errorf("exit %d, %q; want 2 saying %q", r.code, r.stderr, tt.says)
			}
		})
	}
	if got := casesJSON(t, db, "--all"); len(got) != 1 {
		t.Errorf("%d cases after refused imports, want 1: nothing is half-saved", len(got))
	}
}

type caseJSON struct {
	ID        int64  `json:"id"`
	PupilID   int64  `json:"pupil_id"`
	Pupil     string `json:"pupil"`
	YearGroup string `json:"year_group"`
	Kind      string `json:"kind"`
	Status    string `json:"status"`
	Start     string `json:"start"`
}

func casesJSON(t *testing.T, db string, more ...string) []caseJSON {
	t.Helper()
	out := mustRun(t, append([]string{db, "cases", "--json", asOf}, more...)...)
	var rows []caseJSON
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("cases --json: %v\n%s", err, out)
	}
	return rows
}

func TestCasesJSON(t *testing.T) {
	db := newDB(t)
	if got := casesJSON(t, db); len(got) != 0 {
		t.Fatalf("a new database lists %v", got)
	}
	mustRun(t, db, "import", fixture("good/worcestershire-ap-reintegration.json"))
	mustRun(t, db, "import", fixture("good/design-example.json"))
	got := casesJSON(t, db)
	if len(got) != 2 {
		t.Fatalf("got %d cases, want 2: %+v", len(got), got)
	}
	// Sorted by pupil name, accents beside their letters: Łukasz before Sam.
	want := []caseJSON{
		{ID: 1, Pupil: "Łukasz Nowak", YearGroup: "Y9", Kind: "ap_reintegration", Status: "active"},
		{ID: 2, Pupil: "Sam Taylor", YearGroup: "Y8", Kind: "reduced_timetable", Status: "active", Start: "2026-11-02"},
	}
	for i, w := range want {
		g := got[i]
		if g.ID != w.ID || g.Pupil != w.Pupil || g.YearGroup != w.YearGroup || g.Kind != w.Kind || g.Status != w.Status {
			t.Errorf("row %d = %+v, want %+v", i, g, w)
		}
	}
	if got[1].Start != want[1].Start {
		t.Errorf("start %q, want ISO %q", got[1].Start, want[1].Start)
	}
	// The pupil's ID is what export --pupil takes.
	for _, g := range got {
		out := mustRun(t, db, "export", "--pupil", strconv.FormatInt(g.PupilID, 10), "--format", "json")
		if g.PupilID == 0 || !strings.Contains(out, g.Pupil) {
			t.Errorf("case %d: export --pupil %d does not give %s's record", g.ID, g.PupilID, g.Pupil)
		}
	}
	if r := runCLI(t, db, "cases", "--on", "31/02/2026"); r.code != exitUsage || !strings.Contains(r.stderr, "--on") {
		t.Errorf("a bad --on: exit %d, %q; want 2 naming --on", r.code, r.stderr)
	}
}

// DESIGN.md, "Storage": backups are VACUUM INTO copies, 0600, never
// overwritten; restore checks the file first and keeps the old one aside.
func TestBackupAndRestore(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "school.db")
	db := "--db=" + dbPath
	mustRun(t, db, "import", fixture("good/design-example.json"))
	backup := filepath.Join(dir, "backup.db")
	mustRun(t, db, "backup", backup)
	wantMode(t, backup, 0o600)
	if r := runCLI(t, db, "backup", backup); r.code != exitUsage || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("a second backup to the same file: exit %d, %q; want 2, never overwritten", r.code, r.stderr)
	}
	mustRun(t, db, "import", fixture("good/havering-ap-reintegration.json"))
	mustRun(t, db, "restore", backup)
	if got := casesJSON(t, db, "--all"); len(got) != 1 || got[0].Pupil != "Sam Taylor" {
		t.Errorf("after restore: %+v, want Sam Taylor's case alone", got)
	}
	aside, _ := filepath.Glob(dbPath + ".replaced-*")
	if len(aside) != 1 {
		t.Fatalf("old database kept aside as %v, want one file", aside)
	}
	wantMode(t, dbPath, 0o600)
}

func TestRestoreRefusesWhatIsNotABackup(t *testing.T) {
	dir := t.TempDir()
	db := "--db=" + filepath.Join(dir, "school.db")
	mustRun(t, db, "import", fixture("good/design-example.json"))
	good := filepath.Join(dir, "good.db")
	mustRun(t, db, "backup", good)
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	damaged := append([]byte(nil), data...)
	for i := 100; i < len(damaged); i += 7 { // past the header: the pages themselves
		damaged[i] ^= 0x5a
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"a text file", []byte("name,dob\nSam Taylor,2013-04-02\n")},
		{"an empty file", nil},
		{"a damaged backup", damaged},
		{"half a backup", data[:len(data)/2]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := filepath.Join(t.TempDir(), "bad.db")
			if err := os.WriteFile(bad, tt.data, 0o600); err != nil {
				t.Fatal(err)
			}
			r := runCLI(t, db, "restore", bad)
			if r.code != exitUsage || !strings.Contains(r.stderr, "nothing was changed") {
				t.Errorf("exit %d, %q; want 2 saying nothing was changed", r.code, r.stderr)
			}
			if got := casesJSON(t, db, "--all"); len(got) != 1 {
				t.Errorf("after a refused restore: %+v, want the old database as it was", got)
			}
			if left, _ := filepath.Glob(filepath.Join(dir, "school.db.*")); len(left) != 0 {
				t.Errorf("a refused restore left %v beside the database", left)
			}
		})
	}
	if r := runCLI(t, db, "restore", filepath.Join(dir, "missing.db")); r.code != exitUsage {
		t.Errorf("restore of a missing file: exit %d, want 2", r.code)
	}
}

func wantMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	if os.PathSeparator != '/' {
		return // Windows has no Unix modes; its ACLs are another test
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != want {
		t.Errorf("%s has mode %v, want %v", filepath.Base(path), got, want)
	}
}
