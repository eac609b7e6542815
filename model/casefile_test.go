package model

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// go test ./model -run CaseFile -update-casefiles rewrites the golden files
// under testdata/encoded and testdata/bad; read the diff before keeping it.
var updateCaseFiles = flag.Bool("update-casefiles", false, "rewrite the case-file golden files")

func cfRead(t testing.TB, path string) CaseFile {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cf, err := ParseCaseFile(data)
	if err != nil {
		t.Fatalf("%s:\n%v", path, err)
	}
	return cf
}

func cfGoodFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("testdata/good/*.json")
	if err != nil || len(files) < 6 {
		t.Fatalf("want the realistic case files in testdata/good, found %v (%v)", files, err)
	}
	return files
}

func cfGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *updateCaseFiles {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update-casefiles to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from what was produced:\n%s", path, got)
	}
}

// DESIGN.md, "Case file": storage's export and import depend on the round
// trip: Parse(Encode(x)) == x, and Encode(Parse(Encode(x))) == Encode(x)
// byte for byte. The encoded golden files pin the writer's exact shape.
func TestCaseFileRoundTrip(t *testing.T) {
	for _, path := range cfGoodFiles(t) {
		cf := cfRead(t, path)
		if !reflect.DeepEqual(cf.Case.Pupil, cf.Pupil) {
			t.Errorf("%s: the case's pupil is not the file's pupil", path)
		}
		first, err := EncodeCaseFile(cf)
		if err != nil {
			t.Fatalf("%s: encode: %v", path, err)
		}
		again, err := ParseCaseFile(first)
		if err != nil {
			t.Fatalf("%s: the encoded file does not read back:\n%v", path, err)
		}
		if !reflect.DeepEqual(again, cf) {
			t.Errorf("%s: Parse(Encode(x)) != x\n got %+v\nwant %+v", path, again, cf)
		}
		second, err := EncodeCaseFile(again)
		if err != nil || !bytes.Equal(first, second) {
			t.Errorf("%s: encoding twice differs (%v)", path, err)
		}
		cfGolden(t, filepath.Join("testdata", "encoded", filepath.Base(path)), first)
	}
}

// DESIGN.md, "Case file": a session without minutes (mode other than none or
// home learning) is a full session; a day missing from a week is none;
// missing optional parts are empty; dates as DD/MM/YYYY are accepted; names
// lose only the whitespace around them, notes are kept as typed.
func TestParseCaseFileHandwritten(t *testing.T) {
	cf := cfRead(t, "testdata/good/handwritten-uk-dates.json")
	c := cf.Case
	w := c.Timetable[0]
	checks := []struct {
		name string
		got  any
		want any
	}{
		{"pupil name trimmed, inner spaces closed up (CleanName)", cf.Pupil.Name, "Chloé Dubois"},
		{"named person trimmed", c.NamedPerson, "Mr Ó Briain"},
		{"DD/MM/YYYY date of birth", cf.Pupil.DateOfBirth.String(), "2014-09-09"},
		{"DD/MM/YYYY week beginning", w.WeekBeginning.String(), "2027-01-04"},
		{"home learning kept as typed", c.HomeLearning, "  Worksheets <maths> & \"reading\"\n  (kept as typed)  "},
		{"partial session", w.Days[0][AM], Session{Mode: InSchool, Minutes: 90, Partial: true}},
		{"half missing from a day is none", w.Days[0][PM], Session{Mode: NoSession}},
		{"null session is none", w.Days[2][PM], Session{Mode: NoSession}},
		{"home learning without minutes is not partial", w.Days[2][AM], Session{Mode: HomeLearning}},
		{"day missing from a week is none", w.Days[1], [2]Session{{Mode: NoSession}, {Mode: NoSession}}},
		{"empty day is none", w.Days[4], [2]Session{{Mode: NoSession}, {Mode: NoSession}}},
		{"week without sessions is all none", c.Timetable[1].Days[3][PM], Session{Mode: NoSession}},
		{"null flags are none", len(cf.Pupil.Flags), 0},
		{"null history is empty", len(cf.History), 0},
		{"null risk assessment is empty", c.RiskAssessment, RiskAssessment{}},
		{"missing authorised_by is empty", c.Consent.AuthorisedBy, ""},
		{"null outcome is empty", c.Outcome, NoOutcome},
		{"form field with spaces in its key", c.Forms[0].Fields["Date of Meeting"], "18/12/2026"},
		{"form field with an empty key", c.Forms[0].Fields[""], "empty key kept"},
	}
	for _, ch := range checks {
		if !reflect.DeepEqual(ch.got, ch.want) {
			t.Errorf("%s: got %#v, want %#v", ch.name, ch.got, ch.want)
		}
	}
}

// The realistic files read into the hours the rules see (RULES.md, "Full-time
// hours"; 000: "planned progression back to full-time attendance").
func TestParseCaseFileRealisticHours(t *testing.T) {
	tests := []struct {
		file  string
		hours []float64
	}{
		{"oxfordshire-reduced-timetable.json", []float64{12.5, 15, 19, 23, 24, 25}},
		{"worcestershire-ap-reintegration.json", []float64{25, 25, 25, 25, 25, 25}}, // D counts as education
		{"bwmat-reduced-timetable.json", []float64{10, 15, 20, 22, 23, 25}},
		{"havering-ap-reintegration.json", []float64{23, 23, 25, 20}},       // Good Friday 26/03/2027: a 4-day week
		{"hillingdon-ap-placement.json", []float64{23, 23, 20, 25, 25, 20}}, // Early May and Spring bank holidays
	}
	for _, tt := range tests {
		cf := cfRead(t, filepath.Join("testdata", "good", tt.file))
		weeks := PlannedWeeks(cf.Case, NewCalendar(), DefaultParams())
		var got []float64
		for _, w := range weeks {
			got = append(got, w.HoursInEducation)
		}
		if !reflect.DeepEqual(got, tt.hours) {
			t.Errorf("%s: hours in education %v, want %v", tt.file, got, tt.hours)
		}
		if last := weeks[len(weeks)-1]; !last.FullTime {
			t.Errorf("%s: the last planned week is not full time: %+v", tt.file, last)
		}
	}
}

// The contract's optional keys beyond the example that our export writes:
// sent_by, early_review_requested (002 s5.5) and version.
func TestParseCaseFileExportKeys(t *testing.T) {
	c := cfRead(t, "testdata/good/bwmat-reduced-timetable.json").Case
	if in, _ := c.Involved(SENDTeam); !in.EarlyReviewAsked {
		t.Error("early_review_requested was not read")
	}
	if n, _ := c.NotifiedFirst(Governors, ""); n.SentBy != "Mrs P Hughes" {
		t.Errorf("sent_by = %q", n.SentBy)
	}
	if f, _ := c.Form("bwmat.plan"); f.Version != 2 {
		t.Errorf("version = %d", f.Version)
	}
	if !c.End().Equal(MustDate("2027-02-26")) {
		t.Errorf("the extension did not move the end: %s", c.End())
	}
}

// cfMinimal is the smallest valid file; tests swap parts of it.
const cfMinimal = `{"format": "reintegrate/case@1",
 "pupil": {"name": "Sam Taylor", "year_group": "Y8"},
 "case": {"kind": "reduced_timetable", "status": "active", "start": "2026-11-02"},
 "timetable": [{"week_beginning": "2026-11-02", "sessions": {"mon": {"am": {"mode": "school"}}}}]}`

// edit replaces one part of cfMinimal, failing loudly if it is not there.
func cfEdit(t *testing.T, old, new string) []byte {
	t.Helper()
	if !strings.Contains(cfMinimal, old) {
		t.Fatalf("cfMinimal has no %q", old)
	}
	return []byte(strings.Replace(cfMinimal, old, new, 1))
}

type cfWantError struct{ path, says string }

// DESIGN.md, "Case file": unknown keys are an error with the key's path;
// every bad value names its JSON path and the value, and says what to type.
func TestParseCaseFileErrors(t *testing.T) {
	const sessions = `"sessions": {"mon": {"am": {"mode": "school"}}}`
	tests := []struct {
		name string
		doc  []byte
		want []cfWantError
	}{
		{"unknown key, with its path and a guess", cfEdit(t, `"start": "2026-11-02"`, `"start": "2026-11-02", "consent": {"signd": "2026-10-30"}`),
			[]cfWantError{{"case.consent.signd", `"signd" is not a key of the consent: did you mean "signed"?`}}},
		{"unknown top-level key", cfEdit(t, `"format"`, `"formats": 1, "format"`),
			[]cfWantError{{"formats", `did you mean "format"?`}}},
		{"a key given twice", cfEdit(t, `"status": "active"`, `"status": "active", "status": "closed"`),
			[]cfWantError{{"case.status", `"status" is given twice: keep one`}}},
		{"not a real date", cfEdit(t, `"start": "2026-11-02"`, `"start": "31/02/2026"`),
			[]cfWantError{{"case.start", `"31/02/2026" is not a real date: February has only 28 days`}}},
		{"not a date at all", cfEdit(t, `"start": "2026-11-02"`, `"start": "next Monday"`),
			[]cfWantError{{"case.start", `"next Monday" is not a date: type DD/MM/YYYY`}}},
		{"a date as a number", cfEdit(t, `"start": "2026-11-02"`, `"start": 20261102`),
			[]cfWantError{{"case.start", `20261102 is a number: type a date in double quotes, such as "2026-11-02", or null`}}},
		{"planned end before start", cfEdit(t, `"start": "2026-11-02"`, `"start": "2026-11-02", "planned_end": "2026-10-30"`),
			[]cfWantError{{"case.planned_end", `30/10/2026 is before the start (02/11/2026)`}}},
		{"earlier case closed before it started", cfEdit(t, `"case"`, `"history": [{"kind": "reduced_timetable", "start": "2025-03-03", "closed": "2025-03-01"}], "case"`),
			[]cfWantError{{"history[0].closed", `01/03/2025 is before the start (03/03/2025)`}}},
		{"am minutes beyond the session", cfEdit(t, `{"mode": "school"}`, `{"mode": "school", "minutes": 181}`),
			[]cfWantError{{"timetable[0].sessions.mon.am.minutes", `181 minutes does not fit the am session of 180 minutes: type 0 to 180`}}},
		{"pm minutes beyond the session", cfEdit(t, `"am": {"mode": "school"}`, `"pm": {"mode": "offsite", "minutes": 121}`),
			[]cfWantError{{"timetable[0].sessions.mon.pm.minutes", `type 0 to 120`}}},
		{"minutes below zero", cfEdit(t, `{"mode": "school"}`, `{"mode": "school", "minutes": -5}`),
			[]cfWantError{{"timetable[0].sessions.mon.am.minutes", `-5 minutes does not fit`}}},
		{"minutes with decimals", cfEdit(t, `{"mode": "school"}`, `{"mode": "school", "minutes": 90.5}`),
			[]cfWantError{{"timetable[0].sessions.mon.am.minutes", `90.5 is not a whole number`}}},
		{"minutes as text", cfEdit(t, `{"mode": "school"}`, `{"mode": "school", "minutes": "90"}`),
			[]cfWantError{{"timetable[0].sessions.mon.am.minutes", `"90" is text: type a whole number`}}},
		{"minutes on no session", cfEdit(t, `{"mode": "school"}`, `{"mode": "none", "minutes": 0}`),
			[]cfWantError{{"timetable[0].sessions.mon.am.minutes", `a session with mode "none" has no minutes`}}},
		{"a session without a mode", cfEdit(t, `{"mode": "school"}`, `{"minutes": 60}`),
			[]cfWantError{{"timetable[0].sessions.mon.am.mode", `missing: type the mode`}}},
		{"unknown mode", cfEdit(t, `{"mode": "school"}`, `{"mode": "home"}`),
			[]cfWantError{{"timetable[0].sessions.mon.am.mode", `"home" is not a session mode: did you mean "home_learning"?`}}},
		{"unknown day", cfEdit(t, sessions, `"sessions": {"sat": {"am": {"mode": "school"}}}`),
			[]cfWantError{{"timetable[0].sessions.sat", `the keys are mon, tue, wed, thu, fri`}}},
		{"unknown half", cfEdit(t, sessions, `"sessions": {"mon": {"morning": {"mode": "school"}}}`),
			[]cfWantError{{"timetable[0].sessions.mon.morning", `the keys are am, pm`}}},
		{"week beginning on a Tuesday", cfEdit(t, `"week_beginning": "2026-11-02"`, `"week_beginning": "2026-11-03"`),
			[]cfWantError{{"timetable[0].week_beginning", `03/11/2026 is a Tuesday: a week begins on a Monday, type "2026-11-02"`}}},
		{"the same week twice", cfEdit(t, `]}`, `, {"week_beginning": "02/11/2026"}]}`),
			[]cfWantError{{"timetable[1].week_beginning", `the week beginning 02/11/2026 is planned twice (also at timetable[0])`}}},
		{"a week without its Monday", cfEdit(t, `"week_beginning": "2026-11-02", `, ``),
			[]cfWantError{{"timetable[0].week_beginning", `missing: type the Monday's date`}}},
		{"unknown year group", cfEdit(t, `"Y8"`, `"Y14"`),
			[]cfWantError{{"pupil.year_group", `"Y14" is not a year group: type one of N1, N2, R, Y1`}}},
		{"year group as people say it", cfEdit(t, `"Y8"`, `"Year 8"`),
			[]cfWantError{{"pupil.year_group", `"Year 8" is not how the file writes a year group: type "Y8"`}}},
		{"unknown flag and a repeat", cfEdit(t, `"year_group": "Y8"`, `"year_group": "Y8", "flags": ["lac", "ehcp", "ehcp"]`),
			[]cfWantError{{"pupil.flags[0]", `"lac" is not a pupil flag`}, {"pupil.flags[2]", `"ehcp" is listed twice`}}},
		{"unknown kind", cfEdit(t, `"reduced_timetable"`, `"part_time"`),
			[]cfWantError{{"case.kind", `"part_time" is not a case kind: type one of reduced_timetable, ap_reintegration, suspension_reintegration`}}},
		{"unknown reason", cfEdit(t, `"status"`, `"reasons": ["anxiety"], "status"`),
			[]cfWantError{{"case.reasons[0]", `"anxiety" is not a reason: type one of physical_health, mental_health`}}},
		{"unknown status", cfEdit(t, `"active"`, `"open"`),
			[]cfWantError{{"case.status", `"open" is not a case status: type one of draft, active, closed`}}},
		{"a notification target is not an involvement role", cfEdit(t, `"status"`, `"involvement": [{"role": "local_authority"}], "status"`),
			[]cfWantError{{"case.involvement[0].role", `"local_authority" is not an involvement role`}}},
		{"unknown notification target", cfEdit(t, `"status"`, `"notifications": [{"to": "ofsted"}], "status"`),
			[]cfWantError{{"case.notifications[0].to", `"ofsted" is not a notification target`}}},
		{"unknown review kind", cfEdit(t, `]}`, `], "reviews": [{"kind": "termly"}]}`),
			[]cfWantError{{"reviews[0].kind", `"termly" is not a review kind: type one of review, emergency, final`}}},
		{"wrong format", cfEdit(t, `case@1`, `case@2`),
			[]cfWantError{{"format", `"reintegrate/case@2" is not a format this version reads: type "reintegrate/case@1"`}}},
		{"required parts missing", []byte(`{"pupil": {}, "case": {}}`),
			[]cfWantError{{"pupil.name", "missing"}, {"pupil.year_group", "missing"}, {"case.kind", "missing"}, {"case.status", "missing"}, {"format", "missing"}}},
		{"a required part null", cfEdit(t, `"reduced_timetable"`, `null`),
			[]cfWantError{{"case.kind", "must not be null"}}},
		{"an empty name", cfEdit(t, `"Sam Taylor"`, `" "`),
			[]cfWantError{{"pupil.name", "is empty: type the pupil's name"}}},
		{"wrong JSON types", cfEdit(t, `"status": "active"`, `"status": "active", "consent": {"lives_with_pupil": "yes"}, "involvement": {}, "referral": [], "home_learning": 3`),
			[]cfWantError{{"case.consent.lives_with_pupil", `"yes" is text: type true or false`}, {"case.involvement", "{} is an object: type a list in [ ]"},
				{"case.referral", "[] is a list: type an object in { }"}, {"case.home_learning", "3 is a number: type text in double quotes"}}},
		{"a null entry in a list", cfEdit(t, `]}`, `, null]}`),
			[]cfWantError{{"timetable[1]", "is null: type an object in { }"}}},
		{"form field that is not text", cfEdit(t, `]}`, `], "forms": [{"template": "oxon.plan", "version": "2", "fields": {"Named person": 7}}]}`),
			[]cfWantError{{"forms[0].version", `"2" is text: type a whole number`}, {`forms[0].fields["Named person"]`, "7 is a number: type text"}}},
		{"not an object", []byte(`["reintegrate/case@1"]`),
			[]cfWantError{{"", `["reintegrate/case@1"] is a list: type an object in { }`}}},
		{"not JSON", []byte("{\"format\": \"reintegrate/case@1\",\n \"pupil\": {\"name\": \"Sam\",}}"),
			[]cfWantError{{"", "is not valid JSON at line 2, column 26"}}},
		{"an empty file", []byte(" \n"), []cfWantError{{"", "the file is empty"}}},
	}
	for _, tt := range tests {
		_, err := ParseCaseFile(tt.doc)
		var errs CaseFileErrors
		if !errors.As(err, &errs) {
			t.Errorf("%s: got %v, want CaseFileErrors", tt.name, err)
			continue
		}
		if len(errs) != len(tt.want) {
			t.Errorf("%s: got %d errors, want %d:\n%v", tt.name, len(errs), len(tt.want), err)
			continue
		}
		for i, w := range tt.want {
			if errs[i].Path != w.path || !strings.Contains(errs[i].Message, w.says) {
				t.Errorf("%s: error %d is %q at %q, want %q at %q", tt.name, i, errs[i].Message, errs[i].Path, w.says, w.path)
			}
		}
	}
}

// The brief's own example, word for word, through Error().
func TestCaseFileErrorLines(t *testing.T) {
	_, err := ParseCaseFile(cfEdit(t, `"start": "2026-11-02"`, `"start": "31/02/2026", "kind2": 1`))
	want := "case.start: \"31/02/2026\" is not a real date: February has only 28 days; type a day from 1 to 28\n" +
		"case.kind2: \"kind2\" is not a key of the case: did you mean \"kind\"? The keys are kind, reasons, start, planned_end, status, closed, outcome, outcome_note, closed_by, closed_with_blockers, agreed, named_person, consent, risk_assessment, involvement, notifications, extensions, referral, home_learning"
	if err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
	var errs CaseFileErrors
	if errors.As(err, &errs) && (errs[0].Value != `"31/02/2026"` || errs[1].Value != "kind2") {
		t.Errorf("values: %q, %q", errs[0].Value, errs[1].Value)
	}
}

// A file with many mistakes reports them all at once, in document order.
func TestParseCaseFileAllErrorsAtOnce(t *testing.T) {
	data, err := os.ReadFile("testdata/bad/many-errors.json")
	if err != nil {
		t.Fatal(err)
	}
	_, err = ParseCaseFile(data)
	if err == nil {
		t.Fatal("a file full of mistakes was accepted")
	}
	cfGolden(t, "testdata/bad/many-errors.errors", []byte(err.Error()+"\n"))
}

// The school's own session lengths decide how many minutes fit.
func TestParseCaseFileSessionLengths(t *testing.T) {
	doc := cfEdit(t, `"am": {"mode": "school"}`, `"am": {"mode": "school", "minutes": 195}, "pm": {"mode": "school", "minutes": 100}`)
	if _, err := ParseCaseFile(doc); err == nil {
		t.Error("195 minutes fitted the default 180-minute morning")
	}
	cf, err := ParseCaseFile(doc, WithSessionLengths(SessionLengths{AM: 200, PM: 100}))
	if err != nil || cf.Case.Timetable[0].Days[0][AM].Minutes != 195 {
		t.Errorf("with a 200-minute morning: %v", err)
	}
	if _, err := ParseCaseFile(doc, WithSessionLengths(SessionLengths{})); err == nil {
		t.Error("zero session lengths should mean the defaults")
	}
}

// Windows Notepad starts a UTF-8 file with a byte-order mark.
func TestParseCaseFileByteOrderMark(t *testing.T) {
	cf, err := ParseCaseFile(append([]byte("\uFEFF"), cfMinimal...))
	if err != nil || cf.Pupil.Name != "Sam Taylor" {
		t.Errorf("with a BOM: %v", err)
	}
}

// Whatever the bytes, an error and never a panic: every cut of every
// realistic file, and every single byte of one changed.
func TestParseCaseFileDamaged(t *testing.T) {
	for _, path := range cfGoodFiles(t) {
		data, _ := os.ReadFile(path)
		for n := range len(data) {
			if len(bytes.TrimSpace(data[n:])) == 0 {
				break // only the final newline is cut
			}
			if _, err := ParseCaseFile(data[:n]); err == nil {
				t.Fatalf("%s cut to %d bytes was accepted", path, n)
			}
		}
	}
	data, _ := os.ReadFile("testdata/good/design-example.json")
	for i := range data {
		for _, b := range []byte{'"', '}', 'x'} {
			damaged := bytes.Clone(data)
			damaged[i] = b
			ParseCaseFile(damaged) // must not panic; many of these are still valid
		}
	}
}

// builtCase is a case as the app builds it (not read from a file), in the
// reader's normal form: names trimmed, sessions none rather than unset.
func cfBuilt() CaseFile {
	p := Pupil{Name: "Nguyễn Văn An", DateOfBirth: MustDate("2014-02-28"), YearGroup: "Y7", Flags: []Flag{EHCP}}
	w := weekEveryDay("2026-11-02", sessFull(InSchool), sessNone)
	w.Days[4][PM] = sessPart(HomeLearning, 60)
	c := Case{Pupil: p, Kind: ReducedTimetable, Reasons: []Reason{MentalHealth}, Start: MustDate("2026-11-02"),
		PlannedEnd: MustDate("2026-12-11"), Status: Active, NamedPerson: "Ms R Khan & Mr T Green",
		Involvement:   []Involvement{{Role: SENDTeam, Name: "EHCP officer", EarlyReviewAsked: true}},
		Notifications: []Notification{{To: Governors, Sent: MustDate("2026-10-30"), What: "plan"}},
		Timetable:     []Week{w, weekOf("2026-11-09")},
		Forms:         []FormRecord{{Template: "bwmat.plan", Version: 3, Fields: map[string]string{"objectives": "<b>"}}}}
	return CaseFile{Pupil: p, Case: c}
}

// DESIGN.md, "Case file": the contract's shape and key order; null for
// unset dates; minutes only for partial sessions; quiet days left out.
func TestEncodeCaseFile(t *testing.T) {
	cf := cfBuilt()
	out, err := EncodeCaseFile(cf)
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	order := []string{`"format"`, `"pupil"`, `"history"`, `"case"`, `"kind"`, `"reasons"`, `"start"`, `"planned_end"`,
		`"status"`, `"closed"`, `"outcome"`, `"agreed"`, `"named_person"`, `"consent"`, `"risk_assessment"`,
		`"involvement"`, `"notifications"`, `"extensions"`, `"referral"`, `"home_learning"`, `"timetable"`, `"reviews"`, `"forms"`}
	at := 0
	for _, k := range order {
		i := strings.Index(text[at:], k)
		if i < 0 {
			t.Fatalf("%s is missing or out of the contract's order", k)
		}
		at += i
	}
	checks := []struct {
		name string
		ok   bool
	}{
		{"unset dates are null", strings.Contains(text, `"closed": null`) && strings.Contains(text, `"agreed": null`)},
		{"unset outcome is null, as in the contract's example", strings.Contains(text, `"outcome": null`)},
		{"full sessions carry no minutes", strings.Count(text, `"minutes"`) == 1 && strings.Contains(text, `"minutes": 60`)},
		{"a week of no sessions is empty", strings.Contains(text, `"sessions": {}`)},
		{"days are keyed mon..fri", strings.Contains(text, `"mon": {`) && strings.Contains(text, `"fri": {`)},
		{"& and < are written as typed", strings.Contains(text, "Ms R Khan & Mr T Green") && strings.Contains(text, `"<b>"`)},
		{"export-only keys when set", strings.Contains(text, `"early_review_requested": true`) && strings.Contains(text, `"version": 3`)},
		{"export-only keys left out when unset", !strings.Contains(text, `"sent_by"`)},
		{"indented, one key a line", strings.Contains(text, "\n  \"pupil\": {\n    \"name\": \"Nguyễn Văn An\",")},
		{"ends with a newline", strings.HasSuffix(text, "}\n")},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s:\n%s", c.name, text)
		}
	}
	back, err := ParseCaseFile(out)
	if err != nil || !reflect.DeepEqual(back, cf) {
		t.Errorf("Parse(Encode(x)) != x: %v\n got %+v\nwant %+v", err, back, cf)
	}
}

// IDs belong to one school's database; the pupil may come from the case.
func TestEncodeCaseFilePupilAndIDs(t *testing.T) {
	cf := cfBuilt()
	cf.Case.ID, cf.Case.Pupil.ID = 41, 7
	cf.Pupil = Pupil{}
	out, err := EncodeCaseFile(cf)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseCaseFile(out)
	if err != nil || back.Pupil.Name != "Nguyễn Văn An" || back.Case.ID != 0 || back.Pupil.ID != 0 {
		t.Errorf("got %+v, %v", back.Pupil, err)
	}
}

// The writer never writes a file the reader would refuse.
func TestEncodeCaseFileRefusesWhatCannotBeRead(t *testing.T) {
	tests := []struct {
		name   string
		change func(*CaseFile)
		path   string
	}{
		{"no kind", func(cf *CaseFile) { cf.Case.Kind = "" }, "case.kind"},
		{"unknown mode", func(cf *CaseFile) { cf.Case.Timetable[0].Days[0][AM].Mode = "beach" }, "timetable[0].sessions.mon.am.mode"},
		{"minutes on no session", func(cf *CaseFile) { cf.Case.Timetable[1].Days[2][PM] = sessPart(NoSession, 30) }, "timetable[1].sessions.wed.pm.minutes"},
		{"week not on a Monday", func(cf *CaseFile) { cf.Case.Timetable[1].WeekBeginning = MustDate("2026-11-10") }, "timetable[1].week_beginning"},
		{"a five-digit year", func(cf *CaseFile) { cf.Case.Agreed = NewDate(20260, 1, 1) }, "case.agreed"},
		{"no pupil", func(cf *CaseFile) { cf.Pupil, cf.Case.Pupil = Pupil{}, Pupil{} }, "pupil.name"},
	}
	for _, tt := range tests {
		cf := cfBuilt()
		tt.change(&cf)
		out, err := EncodeCaseFile(cf)
		var errs CaseFileErrors
		if !errors.As(err, &errs) || errs[0].Path != tt.path || out != nil {
			t.Errorf("%s: got %v, want an error at %s", tt.name, err, tt.path)
		}
	}
	// The writer does not know the school's session lengths, so long
	// sessions of a school with a long morning still export.
	cf := cfBuilt()
	cf.Case.Timetable[0].Days[0][AM] = sessPart(InSchool, 210)
	if _, err := EncodeCaseFile(cf); err != nil {
		t.Errorf("a 210-minute morning: %v", err)
	}
}

// The keys a review and a closed case carry beyond the contract's example:
// who attended (both schools, 001 process 6), the views and decisions, a
// struck-out review with its reason, the typed outcome with its note, who
// closed the plan and the blockers it was closed over.
func TestParseCaseFileReviewsAndClosure(t *testing.T) {
	c := cfRead(t, "testdata/good/worcestershire-reviews-closed.json").Case
	if c.Outcome != Unsuccessful || !strings.HasPrefix(c.OutcomeNote, "Back to the AP") || c.ClosedBy != "Mr D Okafor" {
		t.Errorf("closure: %q %q %q", c.Outcome, c.OutcomeNote, c.ClosedBy)
	}
	if len(c.ClosedOver.Blockers) != 1 || c.ClosedOver.Blockers[0] != "worcs.initial-meeting" || c.ClosedOver.Reason == "" {
		t.Errorf("closed over: %+v", c.ClosedOver)
	}
	first := c.Reviews[0]
	if !first.BothSchools() || !first.Present(PupilRole) || first.PupilViewsText == "" || first.Decisions == "" {
		t.Errorf("first review: %+v", first)
	}
	if c.Reviews[1].Counts() || c.Reviews[1].StruckOut.Reason != "Recorded against the wrong pupil." {
		t.Errorf("struck-out review: %+v", c.Reviews[1])
	}
	if n := c.HeldReviews(); n != 2 {
		t.Errorf("held reviews %d, want 2", n)
	}
}

// A case file written before the outcome was typed reads its free text as
// the typed value, the text kept as the note; an outcome_note beside it
// follows.
func TestParseCaseFileFreeTextOutcome(t *testing.T) {
	cf, err := ParseCaseFile(cfEdit(t, `"status": "active"`,
		`"status": "closed", "closed": "2026-11-27", "outcome": "Reintegration failed: back to AP", "outcome_note": "Family agreed"`))
	if err != nil {
		t.Fatal(err)
	}
	if c := cf.Case; c.Outcome != Unsuccessful || c.OutcomeNote != "Reintegration failed: back to AP\nFamily agreed" {
		t.Errorf("outcome %q, note %q", c.Outcome, c.OutcomeNote)
	}
	again, err := EncodeCaseFile(cf)
	if err != nil || !strings.Contains(string(again), `"outcome": "unsuccessful"`) {
		t.Errorf("the typed value is not what is written back (%v):\n%s", err, again)
	}
}

func TestParseCaseFileReviewErrors(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []cfWantError
	}{
		{"strike-out with no reason", `"timetable"`,
			`"reviews": [{"held": "2026-11-16", "struck_out": {"on": "2026-11-17", "reason": " "}}], "timetable"`,
			[]cfWantError{{"reviews[0].struck_out.reason", "type why the review was struck out"}}},
		{"strike-out with no date", `"timetable"`,
			`"reviews": [{"held": "2026-11-16", "struck_out": {"reason": "typo"}}], "timetable"`,
			[]cfWantError{{"reviews[0].struck_out.on", "type the date it was struck out"}}},
		{"someone who is not at reviews", `"timetable"`,
			`"reviews": [{"held": "2026-11-16", "attended": ["pupil", "governors"]}], "timetable"`,
			[]cfWantError{{"reviews[0].attended[1]", "is not someone who takes part in a review"}}},
		{"closed over blockers with no reason", `"status": "active"`,
			`"status": "active", "closed_with_blockers": {"rules": ["consent.parent"]}`,
			[]cfWantError{{"case.closed_with_blockers.reason", "type why the plan was closed with blockers open"}}},
	}
	for _, tt := range tests {
		_, err := ParseCaseFile(cfEdit(t, tt.old, tt.new))
		var errs CaseFileErrors
		if !errors.As(err, &errs) || len(errs) != len(tt.want) {
			t.Errorf("%s: got %v, want %d errors", tt.name, err, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			if errs[i].Path != w.path || !strings.Contains(errs[i].Message, w.says) {
				t.Errorf("%s: error %d is %q at %q, want %q at %q", tt.name, i, errs[i].Message, errs[i].Path, w.says, w.path)
			}
		}
	}
}

// One UPN rule everywhere: the case file checks the check letter as the
// pupils CSV and the screens do (B123456789012's letter should be A).
func TestCaseFileUPNCheckLetter(t *testing.T) {
	_, err := ParseCaseFile(cfEdit(t, `"name": "Sam Taylor"`, `"name": "Sam Taylor", "upn": "B123456789012"`))
	if err == nil || !strings.Contains(err.Error(), "pupil.upn: \"B123456789012\" is not a valid UPN: its check letter should be A") {
		t.Errorf("error = %v", err)
	}
	cf, err := ParseCaseFile(cfEdit(t, `"name": "Sam Taylor"`, `"name": "Sam Taylor", "upn": "a123456789012"`))
	if err != nil || cf.Pupil.UPN != "A123456789012" {
		t.Errorf("a good UPN in lower case: %q, %v", cf.Pupil.UPN, err)
	}
}

// One decoding rule: a case file in Windows-1252 reads (Zo\xeb is Zoë, not
// Zo\uFFFD); UTF-8 with a stray byte is refused naming the line.
func TestCaseFileDecoding(t *testing.T) {
	cf, err := ParseCaseFile(cfEdit(t, `"Sam Taylor"`, "\"Zo\xeb Taylor\""))
	if err != nil || cf.Pupil.Name != "Zoë Taylor" {
		t.Errorf("Windows-1252 case file: %q, %v", cf.Pupil.Name, err)
	}
	_, err = ParseCaseFile(cfEdit(t, `"Sam Taylor"`, "\"Zoë\", \"preferred_name\": \"Zo\xeb\""))
	if err == nil || !strings.Contains(err.Error(), "line 2: has a byte that is not UTF-8") {
		t.Errorf("mixed case file: %v", err)
	}
}

// The pupil's preferred name and free school meals travel in the file,
// and a file without them is written as before (no new keys).
func TestCaseFilePreferredNameAndFSM(t *testing.T) {
	cf, err := ParseCaseFile(cfEdit(t, `"name": "Sam Taylor"`, `"name": "Samira Taylor", "preferred_name": "Sam", "free_school_meals": true`))
	if err != nil || cf.Pupil.PreferredName != "Sam" || !cf.Pupil.FreeSchoolMeals {
		t.Fatalf("read %+v, %v", cf.Pupil, err)
	}
	out, err := EncodeCaseFile(cf)
	if err != nil || !strings.Contains(string(out), `"preferred_name": "Sam"`) || !strings.Contains(string(out), `"free_school_meals": true`) {
		t.Errorf("written %s, %v", out, err)
	}
	plain, _ := ParseCaseFile([]byte(cfMinimal))
	if out, _ := EncodeCaseFile(plain); strings.Contains(string(out), "preferred_name") || strings.Contains(string(out), "free_school_meals") {
		t.Errorf("a pupil with neither gained the keys: %s", out)
	}
}
