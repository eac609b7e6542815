package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"reintegrate/model"
	"reintegrate/storage"
)

// halfTermSchool is a school with a February half term, 15/02-19/02/2027,
// and its own session lengths.
func halfTermSchool() model.School {
	s := model.DefaultSchool()
	s.Name = "St Zoë's Academy"
	s.Sessions = model.SessionLengths{AM: 180, PM: 120}
	s.Closures = []model.Closure{{First: model.MustDate("2027-02-15"), Last: model.MustDate("2027-02-19"), Name: "February half term"}}
	return s
}

// schoolDB is a database holding only the half-term school's profile.
func schoolDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "school.db")
	s, err := storage.Open(context.Background(), path, storage.Options{User: "test", SkipQuickCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SaveSchool(context.Background(), halfTermSchool()); err != nil {
		t.Fatal(err)
	}
	return path
}

// overHalfTerm is a case file whose plan runs from Thursday 04/02/2027 to
// Friday 05/03/2027 with every school week planned full time, and no week
// for the half term, when the school is shut.
func overHalfTerm(t *testing.T) string {
	return caseFile(t, func(doc map[string]any) {
		c := doc["case"].(map[string]any)
		c["start"], c["planned_end"], c["agreed"], c["extensions"] = "2027-02-04", "2027-03-05", "2027-01-29", []any{}
		full := map[string]any{"am": map[string]any{"mode": "school"}, "pm": map[string]any{"mode": "school"}}
		var weeks []any
		for _, monday := range []string{"2027-02-01", "2027-02-08", "2027-02-22", "2027-03-01"} {
			weeks = append(weeks, map[string]any{"week_beginning": monday, "sessions": map[string]any{
				"mon": full, "tue": full, "wed": full, "thu": full, "fri": full}})
		}
		doc["timetable"], doc["reviews"] = weeks, []any{}
	})
}

type checkOut struct {
	On       string           `json:"on"`
	Packs    []string         `json:"packs"`
	School   *checkSchoolJSON `json:"school"`
	Findings []findingJSON    `json:"findings"`
	Weeks    []weekJSON       `json:"weeks"`
}

func checkJSONOf(t *testing.T, args ...string) checkOut {
	t.Helper()
	r := runCLI(t, append([]string{"--on", "2027-02-16", "check", "--json"}, args...)...)
	if r.code != exitOK && r.code != exitBlocker {
		t.Fatalf("check %s: exit %d\n%s", strings.Join(args, " "), r.code, r.stderr)
	}
	var out checkOut
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		t.Fatalf("check --json: %v\n%s", err, r.stdout)
	}
	return out
}

func finding(out checkOut, rule string) findingJSON {
	for _, f := range out.Findings {
		if f.Rule == rule {
			return f
		}
	}
	return findingJSON{}
}

// 000; 002 appendix 1 (timetable.covers-plan: every school week of the plan
// has a timetable): a case over half term is met through --file with the
// school, from --school or --db, as it is in the database, and unmet with
// none, when the half term looks like school days. check says which school
// it used. The first week starts on a Thursday: two school days, 24 h x
// 2/5 = 9.6 h (RULES.md, "Full-time hours").
func TestCheckFileTakesTheSchool(t *testing.T) {
	db := schoolDB(t)
	file := overHalfTerm(t)
	schoolFile := filepath.Join(t.TempDir(), "school.json")
	mustRun(t, "--db", db, "export", "--school", "-o", schoolFile)

	none := checkJSONOf(t, "--file", file)
	fromDB := checkJSONOf(t, "--file", file, "--db", db)
	fromFile := checkJSONOf(t, "--file", file, "--school", schoolFile)
	if f := finding(none, "timetable.covers-plan"); f.Status != model.Unmet || !strings.Contains(f.Message, "15/02/2027") {
		t.Errorf("with no school the half term is school days: want covers-plan unmet naming 15/02/2027, got %+v", f)
	}
	for name, out := range map[string]checkOut{"--db": fromDB, "--school": fromFile} {
		if f := finding(out, "timetable.covers-plan"); f.Status != model.Met {
			t.Errorf("%s: covers-plan %s (%s), want met: the half term is shut", name, f.Status, f.Message)
		}
		if w := out.Weeks[0]; w.SchoolDays != 2 || *w.ThresholdHours != 9.6 || w.HoursInEducation != 10 {
			t.Errorf("%s: the Thursday start's week is %+v, want 2 school days, 10 of 9.6 h", name, w)
		}
	}
	if none.School.Source != "default" || fromDB.School.Source != "database" || fromDB.School.Path != db ||
		fromFile.School.Source != "school_file" || fromFile.School.Path != schoolFile || fromFile.School.Closures != 1 ||
		fromFile.School.Name != "St Zoë's Academy" {
		t.Errorf("school used: none %+v, --db %+v, --school %+v", none.School, fromDB.School, fromFile.School)
	}
	// The school file gives the same findings and weeks as the database.
	fromDB.School, fromFile.School = nil, nil
	if !reflect.DeepEqual(fromDB, fromFile) {
		t.Errorf("--school and --db disagree:\n%+v\n%+v", fromFile, fromDB)
	}
	// The text says which school, in words.
	text := runCLI(t, "--on", "2027-02-16", "check", "--file", file, "--school", schoolFile).stdout
	if !strings.Contains(text, "School: from the school file "+schoolFile+" (St Zoë's Academy: 1 closure, sessions 180 and 120 min)") {
		t.Errorf("the text does not say which school:\n%s", text)
	}
	text = runCLI(t, "--on", "2027-02-16", "check", "--file", file).stdout
	if !strings.Contains(text, "School: none given, so no holidays or INSET days") {
		t.Errorf("the text does not say no school was given:\n%s", text)
	}
}

// Bad usage and a bad school file get exit 2 and a message naming the
// flag or the key, and what to type.
func TestCheckSchoolRefusals(t *testing.T) {
	db := schoolDB(t)
	file := overHalfTerm(t)
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"format": "reintegrate/school@1", "closures": [{"first": "2027-02-30", "last": "2027-02-19"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "nowhere.db")
	tests := []struct {
		name string
		args []string
		says string
	}{
		{"--school and --db", []string{"--db", db, "check", "--file", file, "--school", bad}, "not both"},
		{"--school with a stored case", []string{"--db", db, "check", "1", "--school", bad}, "--school: only with --file"},
		{"a school file with a bad date", []string{"check", "--file", file, "--school", bad}, "closures[0].first:"},
		{"no such school file", []string{"check", "--file", file, "--school", missing}, "nowhere.db"},
		{"a --db with nothing at it", []string{"--db", missing, "check", "--file", file}, "--db: there is no database at"},
		{"export --school as a PDF", []string{"--db", db, "export", "--school", "--format", "pdf"}, "--format: a school file is json"},
		{"export --school with a case", []string{"--db", db, "export", "1", "--school"}, "exported alone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, tt.args...)
			if r.code != exitUsage || !strings.Contains(r.stderr, tt.says) {
				t.Errorf("exit %d, stderr %q; want exit 2 saying %q", r.code, r.stderr, tt.says)
			}
		})
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("check --db created a database where there was none")
	}
}
