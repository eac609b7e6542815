package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The limits of model/limits.go, met from the command line: a file too big
// is refused before it is read whole, a field too long names itself and
// the limit, and nothing is saved.
func TestLimitsFromTheCommandLine(t *testing.T) {
	db := newDB(t)
	dir := t.TempDir()
	big := filepath.Join(dir, "big.json")
	if err := os.WriteFile(big, []byte(`{"format": "reintegrate/case@1", "x": "`+strings.Repeat("a", 9<<20)+`"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	huge := filepath.Join(dir, "pupils.csv")
	if err := os.WriteFile(huge, []byte("Name,Date of birth,Year group\n"+strings.Repeat("Sam Taylor,02/04/2013,Y8\n", 1_500_000)), 0o600); err != nil {
		t.Fatal(err)
	}
	longNote := caseFile(t, func(doc map[string]any) {
		doc["reviews"].([]any)[0].(map[string]any)["notes"] = strings.Repeat("Zoë ", 6_000)
	})
	tests := []struct {
		name string
		args []string
		says string
	}{
		{"check a 9 MB file", []string{"check", "--file", big}, "is 9 MB: a case file may be at most 8 MB; check it is the file you meant"},
		{"import a 9 MB case file", []string{"import", big}, "is 9 MB: a case file may be at most 8 MB; check it is the case file you meant"},
		{"import a 35 MB CSV", []string{"import", huge}, "is 35.8 MB: a pupils CSV may be at most 32 MB, a case file 8 MB; check it is the file you meant"},
		{"import a note of 24,000 characters", []string{"import", longNote},
			"reviews[0].notes: has 24,000 characters: the most it may have is 20,000; shorten it"},
		{"notify --by of 201 characters", []string{asOf, "notify", "1", "--to", "local_authority", "--what", "plan", "--by", strings.Repeat("é", 201)},
			"--by has 201 characters: the most it may have is 200; shorten it"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, append([]string{db}, tc.args...)...)
			if r.code != exitUsage || !strings.Contains(r.stderr, tc.says) {
				t.Errorf("exit %d, stderr:\n%.600s\nwant exit 2 saying %q", r.code, r.stderr, tc.says)
			}
		})
	}
	if out := mustRun(t, db, "cases", "--all"); strings.Contains(out, "Sam Taylor") {
		t.Errorf("something was saved:\n%s", out)
	}
}
