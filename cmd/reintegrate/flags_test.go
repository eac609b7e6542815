package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --demo opens a throwaway database; with --db as well one of the two
// would be ignored without a word, so the pair is refused (exit 2) and the
// file --db names is not created.
func TestDemoWithDBIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mine.db")
	for _, args := range [][]string{
		{"--demo", "--db", path, "cases"},
		{"cases", "--db=" + path, "--demo"},
		{"--demo", "--db", path, asOf, "today"},
	} {
		r := runCLI(t, args...)
		if r.code != exitUsage {
			t.Errorf("reintegrate %s: exit %d, want %d\n%s%s", strings.Join(args, " "), r.code, exitUsage, r.stdout, r.stderr)
		}
		if !strings.Contains(r.stderr, "--demo and --db together") || !strings.Contains(r.stderr, path) {
			t.Errorf("reintegrate %s: the message does not name the pair and the file:\n%s", strings.Join(args, " "), r.stderr)
		}
		if _, err := os.Stat(path); err == nil {
			t.Fatalf("reintegrate %s created %s", strings.Join(args, " "), path)
		}
	}
	// Each alone still works.
	mustRun(t, "--demo", asOf, "cases")
	mustRun(t, "--db", path, "cases")
}
