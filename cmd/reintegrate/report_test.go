package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"reintegrate/model"
)

// demoOn is the as-of date the demo reports are read on: a Monday in the
// autumn half term the demo's plans run in.
const demoOn = "--on=2026-11-23"

// Each report on the demo data, as the terminal shows it. The goldens are
// read by a person: go test ./cmd/reintegrate -run ReportDemo -update.
func TestReportDemo(t *testing.T) {
	for _, name := range model.ReportNames {
		t.Run(name, func(t *testing.T) {
			golden.RequireEqual(t, mustRun(t, "--demo", demoOn, "report", name))
		})
	}
}

// Issue 6: the demo's figures as an LA attendance officer and a governor
// would check them.
func TestReportDemoFigures(t *testing.T) {
	la := mustRun(t, "--demo", demoOn, "report", "la")
	for _, want := range []string{
		"Period 02/11/2026 to 18/12/2026, as of 23/11/2026", // the half term, not into Christmas
		"7 pupils were on a reduced timetable",
		"Ruby Patel", "Full time (h)     21", // Reception: 21 h (002 s2)
	} {
		if !strings.Contains(la, want) {
			t.Errorf("la: no %q in\n%s", want, la)
		}
	}
	if strings.Contains(la, "Nguyễn Thị Mai") {
		t.Error("la lists a draft: nothing runs until a plan is agreed")
	}
	gov := mustRun(t, "--demo", demoOn, "report", "governors")
	for _, name := range []string{"Zoë", "Łukasz", "Ruby", "Oliver"} {
		if strings.Contains(gov, name) {
			t.Errorf("governors names %s without --names", name)
		}
	}
	if named := mustRun(t, "--demo", demoOn, "report", "governors", "--names"); !strings.Contains(named, "Łukasz Nowak") {
		t.Error("governors --names does not name the pupils")
	}
	reg := mustRun(t, "--demo", demoOn, "report", "register", "--from", "16/11/2026", "--to", "20/11/2026")
	if !strings.Contains(reg, "Ruby Patel      R     16/11/2026  Mon  /   X   X: not of compulsory school age") {
		t.Errorf("register: the Reception pupil's afternoon is not X:\n%s", reg)
	}
}

// Files are written 0600 in the format asked for.
func TestReportFiles(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args   []string
		file   string
		prefix string
	}{
		{[]string{"la", "--csv"}, "la.csv", "\ufeffUPN,Pupil,Date of birth (YYYY-MM-DD)"},
		{[]string{"governors", "--md"}, "governors.md", "# Reduced timetables: summary for governors"},
		{[]string{"trust", "--pdf"}, "trust.pdf", "%PDF-"},
		{[]string{"register"}, "register.txt", "Register pattern: codes for each session\n"},
	}
	for _, tt := range tests {
		path := filepath.Join(dir, tt.file)
		out := mustRun(t, append([]string{"--demo", demoOn, "report", "-o", path}, tt.args...)...)
		if out != "" {
			t.Errorf("%s: with -o nothing goes to standard output, got %q", tt.file, out)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte(tt.prefix)) {
			t.Errorf("%s starts %q, want %q", tt.file, data[:min(len(data), 60)], tt.prefix)
		}
		if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600 (children's personal data)", tt.file, info.Mode().Perm())
		}
	}
}

// A school with nobody on a reduced timetable sends a nil return.
func TestReportNilReturn(t *testing.T) {
	out := strings.Join(strings.Fields(mustRun(t, newDB(t), asOf, "report", "la")), " ")
	if !strings.Contains(out, "Nil return: no pupils on a reduced timetable between 10/10/2026 and 20/11/2026.") {
		t.Errorf("no nil return:\n%s", out)
	}
}

// Bad input gets exit 2 and a message naming the flag and what to type.
func TestReportRefusals(t *testing.T) {
	db := newDB(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown report", []string{"report", "ofsted"}, `"ofsted" is not a report: choose la`},
		{"two formats", []string{"report", "la", "--csv", "--pdf"}, "--csv, --pdf and --md: choose one format"},
		{"names on the trust", []string{"report", "trust", "--names"}, "--names: only the governors report leaves names out by default; trust is anonymised"},
		{"bad from", []string{"report", "la", "--from", "2026-13-01"}, "--from: \"2026-13-01\" is not a real date"},
		{"to before from", []string{"report", "la", "--from", "18/12/2026", "--to", "02/11/2026"}, "from 18/12/2026 is after to 02/11/2026: give a from date on or before the to date"},
		{"no report", []string{"report"}, "accepts 1 arg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, append([]string{db, asOf}, tt.args...)...)
			if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", r.code, r.stderr, tt.want)
			}
		})
	}
}
