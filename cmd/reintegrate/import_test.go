package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reintegrate/storage"
)

// writeFile writes data to a new file in the test's folder.
func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// zoeCase is a case file for Zoë Łukasz Nguyễn, UPN A123456789012, as
// typed at the school: the pupil the Arbor export spells "Nguyen, Zoe".
func zoeCase(t *testing.T) string {
	return caseFile(t, func(doc map[string]any) {
		p := pupilOf(doc)
		p["name"], p["date_of_birth"] = "Zoë Łukasz Nguyễn", "2014-03-14"
	})
}

// The silent rename seen in use (an Arbor CSV turned "Zoë Łukasz Nguyễn"
// into "Nguyen, Zoe" everywhere, printing only "Imported 2 pupils."): the
// import now lists it and keeps the typed name unless --update-names, and
// says new / updated / unchanged / refused, and a second run says unchanged.
func TestImportArborCSVKeepsTypedName(t *testing.T) {
	db := newDB(t)
	mustRun(t, db, asOf, "import", zoeCase(t))
	r := runCLI(t, db, asOf, "import", fixture("pupils-arbor.csv"))
	if r.code != exitUsage {
		t.Fatalf("exit %d, want 2 (something refused)\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{
		"Imported: 1 new, 0 updated, 1 unchanged, 1 refused; 1 name kept as typed.",
		`line 2, name: the MIS has "Zoe Nguyen", the record "Zoë Łukasz Nguyễn": the record's name is kept; to take the MIS's spelling, import again with --update-names`,
		"line 3: new pupil Samira Ahmed Khan, born 02/10/2011, Y10",
		`line 4, reg group: "Oak" does not begin with a year group`,
		"Columns not read: Gender.",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("import output lacks %q:\n%s", want, r.stdout)
		}
	}
	if out := mustRun(t, db, asOf, "cases"); !strings.Contains(out, "Zoë Łukasz Nguyễn") || strings.Contains(out, "Zoe Nguyen") {
		t.Errorf("the case list after the import:\n%s", out)
	}
	again := runCLI(t, db, asOf, "import", fixture("pupils-arbor.csv"))
	if !strings.Contains(again.stdout, "Imported: 0 new, 0 updated, 2 unchanged, 1 refused; 1 name kept as typed.") {
		t.Errorf("re-import:\n%s", again.stdout)
	}
	taken := runCLI(t, db, asOf, "import", "--update-names", fixture("pupils-arbor.csv"))
	if !strings.Contains(taken.stdout, "line 2: Zoe Nguyen, name: Zoë Łukasz Nguyễn -> Zoe Nguyen") {
		t.Errorf("--update-names:\n%s", taken.stdout)
	}
}

// A SIMS export in Windows-1252, semicolon separated: Zo\xeb is Zoë, and a
// year that does not fit the date of birth is listed, not changed.
func TestImportSIMSWindows1252(t *testing.T) {
	db := newDB(t)
	out := mustRun(t, db, asOf, "import", fixture("pupils-sims-1252.csv"))
	for _, want := range []string{
		"Imported: 2 new, 0 updated, 0 unchanged, 0 refused.",
		"new pupil Zoë Ó Briain, born 19/05/2015, Y7",
		"line 3, year group: Y8 does not fit the date of birth 04/03/2013, which gives Y9 in the school year 2026/27",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	s, err := storage.Open(context.Background(), strings.TrimPrefix(db, "--db="), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	pupils, _ := s.Pupils(context.Background())
	if len(pupils) != 2 || pupils[1].Name != "Zoë Ó Briain" || pupils[1].PreferredName != "Zo" {
		t.Errorf("pupils stored: %+v", pupils)
	}
}

// --dry-run prints the same report and leaves the database file as it was,
// byte for byte.
func TestImportDryRunWritesNothing(t *testing.T) {
	db := newDB(t)
	path := strings.TrimPrefix(db, "--db=")
	mustRun(t, db, asOf, "import", zoeCase(t))
	before, _ := os.ReadFile(path)
	wal, _ := os.ReadFile(path + "-wal")
	r := runCLI(t, db, asOf, "import", "--dry-run", fixture("pupils-arbor.csv"))
	if !strings.Contains(r.stdout, "Dry run, nothing was written. The import would give: 1 new, 0 updated, 1 unchanged, 1 refused") {
		t.Errorf("dry run output:\n%s", r.stdout)
	}
	after, _ := os.ReadFile(path)
	wal2, _ := os.ReadFile(path + "-wal")
	if !bytes.Equal(before, after) || !bytes.Equal(wal, wal2) {
		t.Error("--dry-run changed the database file")
	}
	if out := mustRun(t, db, asOf, "cases", "--all"); strings.Contains(out, "Samira") {
		t.Errorf("a dry run added a pupil")
	}
}

// What the file is, and what to do: a JSON list, UTF-16, binary garbage
// and a semicolon file with unknown headings each say so (all four said
// "line 1: the file is empty: export the pupils from the MIS" before).
func TestImportMessagesSayWhatTheFileIs(t *testing.T) {
	utf16 := []byte{0xff, 0xfe}
	for _, c := range "Name,DOB,Year\r\nSam,01/01/2013,Y8\r\n" {
		utf16 = append(utf16, byte(c), 0)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"list.json", []byte(`[{"format": "reintegrate/case@1"}]`), "this is a JSON list ([ ... ]), not a case file"},
		{"pupils.txt", utf16, "UTF-16 text (Excel's \"Unicode Text\")"},
		{"garbage.bin", []byte("\x8f\x01\x00\x13\xff\x00binary"), "binary data"},
		{"pupils.xlsx", []byte("PK\x03\x04\x14\x00\x06\x00"), "Excel workbook (.xlsx)"},
		{"semi.csv", []byte("Nom;Naissance;Classe\nSam;01/01/2013;Y8\n"), "separated by semicolons"},
	}
	db := newDB(t)
	for _, tt := range tests {
		r := runCLI(t, db, "import", writeFile(t, tt.name, tt.data))
		if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) || strings.Contains(r.stderr, "the file is empty") {
			t.Errorf("%s: exit %d, %s; want exit 2 saying %q", tt.name, r.code, r.stderr, tt.want)
		}
	}
	// A semicolon CSV with the usual headings is simply read.
	out := mustRun(t, db, asOf, "import", writeFile(t, "ok.csv", []byte("Name;DOB;Year\nSam Taylor;02/04/2013;Y9\n")))
	if !strings.Contains(out, "1 new") {
		t.Errorf("semicolon CSV: %s", out)
	}
}
