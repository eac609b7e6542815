package model

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// The bad-input catalogue (issue 7, part 2). Every input a school's staff,
// an MIS export or another school's case file could plausibly hand us is
// either taken and then survives the trip out and back exactly (encode ->
// parse -> equal), or refused with a message that names the field (its
// JSON path in a case file, its line and column in a CSV) and says what to
// type. A refusal never comes with half a value: ParseCaseFile returns an
// empty CaseFile and ReadPupilsCSV no rows, so nothing half-read can be saved.
//
// Sources: DESIGN.md "Case file" (unknown keys are an error with the key's
// path) and "Safety of what is shown and written" (control characters,
// escape sequences and bidi overrides never travel on); 002 s2 (LGSCO hours
// by year group), 002 appendix 1 (the am/pm timetable grid).

// badResult is what one input came to.
type badResult struct {
	err  error  // the refusal, if refused
	half bool   // a value came back together with the refusal
	trip error  // why the round trip failed; nil when it held
	got  string // the value the entry is about, as read
}

type badInput struct {
	name  string
	run   func() badResult
	field string // where the refusal must point ("file" for the whole file); "" when the input must be taken
	says  string // what the refusal must say (what to type), or the value as read when taken
}

// jsonText writes s as a JSON string, escaping what JSON must.
func jsonText(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// viaCaseFile reads a case file and, when it is taken, writes it and reads
// it back: both reads must agree, and writing twice must give the same bytes.
func viaCaseFile(doc []byte, pick func(CaseFile) string) badResult {
	cf, err := ParseCaseFile(doc)
	if err != nil {
		return badResult{err: err, half: !reflect.DeepEqual(cf, CaseFile{})}
	}
	res := badResult{got: pick(cf)}
	out, err := EncodeCaseFile(cf)
	if err != nil {
		res.trip = fmt.Errorf("taken but cannot be written: %w", err)
		return res
	}
	back, err := ParseCaseFile(out)
	switch {
	case err != nil:
		res.trip = fmt.Errorf("written but not read back: %w", err)
	case !reflect.DeepEqual(back, cf):
		res.trip = fmt.Errorf("read back differently:\n got %+v\nwant %+v", back, cf)
	default:
		if again, _ := EncodeCaseFile(back); !bytes.Equal(again, out) {
			res.trip = errors.New("written twice, the bytes differ")
		}
	}
	return res
}

// viaCSV reads a pupils CSV and, when it is taken, writes the pupils out as
// an MIS would and reads them back.
func viaCSV(data string, pick func([]Pupil) string) badResult {
	pupils, err := readAll([]byte(data))
	if err != nil {
		return badResult{err: err, half: pupils != nil}
	}
	res := badResult{got: pick(pupils)}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"Name", "Date of birth", "UPN", "Year group", "Flags"})
	for _, p := range pupils {
		flags := make([]string, len(p.Flags))
		for i, f := range p.Flags {
			flags[i] = string(f)
		}
		w.Write([]string{p.Name, p.DateOfBirth.UK(), p.UPN, string(p.YearGroup), strings.Join(flags, ";")})
	}
	w.Flush()
	back, err := readAll(buf.Bytes())
	if err != nil || !reflect.DeepEqual(back, pupils) {
		res.trip = fmt.Errorf("written as CSV and read back as %+v, %v; want %+v", back, err, pupils)
	}
	return res
}

func pupilName(cf CaseFile) string { return cf.Pupil.Name }
func firstName(ps []Pupil) string  { return ps[0].Name }

// csvRow is a pupils CSV of a heading and one pupil row.
func csvRow(name, dob, upn, year, flags string) string {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"Name", "Date of birth", "UPN", "Year group", "Flags"})
	w.Write([]string{name, dob, upn, year, flags})
	w.Flush()
	return buf.String()
}

// badNames: names as schools have them, and as an attacker or a careless
// paste would (DESIGN.md, "Safety of what is shown and written").
func badNames(t *testing.T) []badInput {
	name := func(n string) func() badResult {
		return func() badResult { return viaCaseFile(cfEdit(t, `"Sam Taylor"`, jsonText(n)), pupilName) }
	}
	long := strings.Repeat("Zoë-Łukasz ", 500)
	return []badInput{
		{"name with a diaeresis", name("Zoë Clarke"), "", "Zoë Clarke"},
		{"name with a Polish letter", name("Łukasz Wiśniewski"), "", "Łukasz Wiśniewski"},
		{"name with an apostrophe", name("Oliver O'Brien"), "", "Oliver O'Brien"},
		{"Vietnamese name, precomposed", name("Nguyễn Thị Mai"), "", "Nguyễn Thị Mai"},
		{"name with combining marks", name("Zoe\u0308 Nguye\u0302\u0303n"), "", "Zoe\u0308 Nguye\u0302\u0303n"},
		{"name with emoji", name("Ava 🌟 Jones"), "", "Ava 🌟 Jones"},
		{"name with a joined emoji", name("Kai 👩‍👩‍👧"), "", "Kai 👩‍👩‍👧"},
		{"very long name", name(long), "pupil.name", "has 5,500 characters: the most it may have is 200"},
		{"name of 200 characters", name(long[:229]), "", long[:229]},
		{"name spaced out", name("  Zoë \t  Clarke  "), "", "Zoë Clarke"},
		{"carriage return overwriting a name", name("Sam\r       NONE"), "", "Sam NONE"},
		{"OSC 8 link in a name", name("\x1b]8;;https://evil.example\x07Sam\x1b]8;;\x07 Taylor"), "", "Sam Taylor"},
		{"ANSI colour in a name", name("\x1b[31;1mSam\x1b[0m Taylor"), "", "Sam Taylor"},
		{"right-to-left override in a name", name("Sam \u202eroloc\u202c Taylor"), "", "Sam roloc Taylor"},
		{"bidi isolates in a name", name("\u2066Sam\u2069 Taylor"), "", "Sam Taylor"},
		{"NUL and BEL in a name", name("Sa\u0000m\u0007 Taylor"), "", "Sam Taylor"},
		{"C1 control in a name", name("Sam\u0085Taylor"), "", "SamTaylor"},
		{"empty name", name(""), "pupil.name", "is empty: type the pupil's name"},
		{"name of spaces only", name("   "), "pupil.name", "is empty: type the pupil's name"},
		{"name of escapes only", name("\x1b[2J\x1b[H"), "pupil.name", "is empty: type the pupil's name"},
		{"name as a number", func() badResult { return viaCaseFile(cfEdit(t, `"Sam Taylor"`, `42`), pupilName) },
			"pupil.name", "42 is a number: type text in double quotes"},
		{"parent's name with an OSC 8 link", func() badResult {
			return viaCaseFile(cfEdit(t, `"status": "active"`, `"status": "active", "consent": {"parent_name": `+
				jsonText("J \x1b]8;;http://x\x1b\\Taylor\x1b]8;;\x1b\\")+`}`), func(cf CaseFile) string { return cf.Case.Consent.ParentName })
		}, "", "J Taylor"},
		{"CSV name with accents", func() badResult { return viaCSV(csvRow("Siobhán Ó Briain", "02/04/2013", "", "Y8", ""), firstName) }, "", "Siobhán Ó Briain"},
		{"CSV name with a formula", func() badResult {
			return viaCSV(csvRow(`=HYPERLINK("x","Sam")`, "02/04/2013", "", "Y8", ""), firstName)
		}, "", `=HYPERLINK("x","Sam")`},
		{"CSV name with a carriage return", func() badResult { return viaCSV(csvRow("Sam\r   NONE", "02/04/2013", "", "Y8", ""), firstName) }, "", "Sam NONE"},
		{"CSV row with no name", func() badResult { return viaCSV(csvRow("", "02/04/2013", "", "Y8", ""), firstName) }, "line 2, name", "type the pupil's name"},
	}
}

// badNotes: free text keeps its lines and tabs, and loses what could
// change a screen, a PDF or a CSV.
func badNotes(t *testing.T) []badInput {
	note := func(text string) func() badResult {
		return func() badResult {
			return viaCaseFile(cfEdit(t, `]}`, `], "reviews": [{"held": "2026-11-16", "notes": `+jsonText(text)+`}]}`),
				func(cf CaseFile) string { return cf.Case.Reviews[0].Notes })
		}
	}
	line := "Mornings settled;\tafternoons hard. Zoë spoke for herself.\n" // 58 characters
	big := strings.Repeat(line, 1800)                                      // about 100 KB
	most := strings.Repeat(line, 344) + strings.Repeat("x", 20_000-344*58) // the limit, exactly
	field := func(text string) func() badResult {
		return func() badResult {
			return viaCaseFile(cfEdit(t, `]}`, `], "forms": [{"template": "bwmat.plan", "fields": {"objectives": `+jsonText(text)+`}}]}`),
				func(cf CaseFile) string { return cf.Case.Forms[0].Fields["objectives"] })
		}
	}
	return []badInput{
		{"100 KB of review notes", note(big), "reviews[0].notes", "has 104,400 characters: the most it may have is 20,000"},
		{"20,000 characters of review notes", note(most), "", most},
		{"100 KB of notes full of escapes", note(strings.Repeat("\x1b[31mred\x1b[0m\r\n", 10000)), "reviews[0].notes", "the most it may have is 20,000"},
		{"notes full of escapes", note(strings.Repeat("\x1b[31mred\x1b[0m\r\n", 1400)), "", strings.Repeat("red\n", 1400)},
		{"100 KB in one form field", field(big), "forms[0].fields.objectives", "has 104,400 characters: the most it may have is 20,000"},
		{"20,000 characters in one form field", field(most), "", most},
		{"notes with a bidi override", note("Agreed \u202eon Friday\u202c."), "", "Agreed on Friday."},
		{"notes as a list", func() badResult {
			return viaCaseFile(cfEdit(t, `]}`, `], "reviews": [{"notes": ["a"]}]}`), pupilName)
		}, "reviews[0].notes", "type text in double quotes"},
	}
}

// badDates: DESIGN.md, "Command line": accepted as DD/MM/YYYY or
// YYYY-MM-DD, stored and exchanged as YYYY-MM-DD.
func badDates(t *testing.T) []badInput {
	start := func(s string) func() badResult {
		return func() badResult {
			return viaCaseFile(cfEdit(t, `"start": "2026-11-02"`, `"start": `+s), func(cf CaseFile) string { return cf.Case.Start.String() })
		}
	}
	dob := func(s string) func() badResult {
		return func() badResult {
			return viaCSV(csvRow("Sam Taylor", s, "", "Y8", ""), func(ps []Pupil) string { return ps[0].DateOfBirth.String() })
		}
	}
	return []badInput{
		{"ISO date", start(`"2026-11-02"`), "", "2026-11-02"},
		{"UK date", start(`"02/11/2026"`), "", "2026-11-02"},
		{"UK date without leading zeros", start(`"2/11/2026"`), "", "2026-11-02"},
		{"date with spaces round it", start(`" 2026-11-02 "`), "", "2026-11-02"},
		{"29 February in a leap year", start(`"29/02/2028"`), "", "2028-02-29"},
		{"no date", start(`null`), "", ""},
		{"29 February in another year", start(`"29/02/2026"`), "case.start", "February has only 28 days"},
		{"31 April", start(`"31/04/2026"`), "case.start", "April has only 30 days"},
		{"month 13", start(`"2026-13-01"`), "case.start", "the month must be 1-12"},
		{"two-digit year", start(`"02/11/26"`), "case.start", "the year must have four digits"},
		{"year first with slashes", start(`"2026/11/02"`), "case.start", "type DD/MM/YYYY"},
		{"empty date text", start(`""`), "case.start", "type DD/MM/YYYY"},
		{"a date in words", start(`"2nd November"`), "case.start", "type DD/MM/YYYY"},
		{"Arabic-Indic digits", start(`"٢٠٢٦-١١-٠٢"`), "case.start", "type DD/MM/YYYY"},
		{"a date as a number", start(`20261102`), "case.start", `type a date in double quotes, such as "2026-11-02"`},
		{"a date as true", start(`true`), "case.start", `type a date in double quotes`},
		{"a timestamp", start(`"2026-11-02T09:00:00Z"`), "case.start", "type DD/MM/YYYY"},
		{"CSV date of birth, UK form", dob("19/05/2014"), "", "2014-05-19"},
		{"CSV date of birth, American form", dob("05/19/2014"), "line 2, date of birth", "the month must be 1-12"},
		{"CSV date of birth missing", dob(""), "line 2, date of birth", "type DD/MM/YYYY"},
	}
}

// badMinutes: 002 appendix 1's am/pm grid; DESIGN.md: a partial session
// has its own minutes, which must fit the school's session (180 am, 120 pm).
func badMinutes(t *testing.T) []badInput {
	am := func(session string) func() badResult {
		return func() badResult {
			return viaCaseFile(cfEdit(t, `{"mode": "school"}`, session), func(cf CaseFile) string {
				s := cf.Case.Timetable[0].Days[0][AM]
				return fmt.Sprintf("%s %d %v", s.Mode, s.Minutes, s.Partial)
			})
		}
	}
	const path = "timetable[0].sessions.mon.am.minutes"
	return []badInput{
		{"a full session", am(`{"mode": "school"}`), "", "school 0 false"},
		{"minutes null is a full session", am(`{"mode": "offsite", "minutes": null}`), "", "offsite 0 false"},
		{"no minutes of contact", am(`{"mode": "school", "minutes": 0}`), "", "school 0 true"},
		{"the whole morning as minutes", am(`{"mode": "dual", "minutes": 180}`), "", "dual 180 true"},
		{"home learning with minutes", am(`{"mode": "home_learning", "minutes": 60}`), "", "home_learning 60 true"},
		{"one minute too many", am(`{"mode": "school", "minutes": 181}`), path, "type 0 to 180"},
		{"minutes below zero", am(`{"mode": "school", "minutes": -1}`), path, "type 0 to 180"},
		{"minutes with decimals", am(`{"mode": "school", "minutes": 90.5}`), path, "type a number such as 150, with no decimals"},
		{"minutes in exponent form", am(`{"mode": "school", "minutes": 1e2}`), path, "with no decimals"},
		{"minutes beyond any integer", am(`{"mode": "school", "minutes": 99999999999999999999}`), path, "type a number such as 150"},
		{"minutes as text", am(`{"mode": "school", "minutes": "90"}`), path, "type a whole number, such as 150"},
		{"minutes on no session", am(`{"mode": "none", "minutes": 30}`), path, "leave minutes out, or choose another mode"},
		{"a session with no mode", am(`{"minutes": 30}`), "timetable[0].sessions.mon.am.mode", `missing: type the mode, such as "school"`},
	}
}

// badCodes: year groups (002 s2), flags and UPNs, in a case file and a CSV.
func badCodes(t *testing.T) []badInput {
	year := func(y string) func() badResult {
		return func() badResult {
			return viaCaseFile(cfEdit(t, `"Y8"`, y), func(cf CaseFile) string { return string(cf.Pupil.YearGroup) })
		}
	}
	flags := func(f string) func() badResult {
		return func() badResult {
			return viaCaseFile(cfEdit(t, `"year_group": "Y8"`, `"year_group": "Y8", "flags": `+f), func(cf CaseFile) string { return fmt.Sprint(cf.Pupil.Flags) })
		}
	}
	row := func(upn, year, fl string) func() badResult {
		return func() badResult {
			return viaCSV(csvRow("Sam Taylor", "02/04/2013", upn, year, fl), func(ps []Pupil) string {
				return fmt.Sprint(ps[0].UPN, " ", ps[0].YearGroup, " ", ps[0].Flags)
			})
		}
	}
	return []badInput{
		{"Reception", year(`"R"`), "", "R"},
		{"Nursery 1", year(`"N1"`), "", "N1"},
		{"Year 13", year(`"Y13"`), "", "Y13"},
		{"year group as people say it", year(`"Year 8"`), "pupil.year_group", `type "Y8"`},
		{"year group in lower case", year(`"y8"`), "pupil.year_group", `type "Y8"`},
		{"year 14", year(`"Y14"`), "pupil.year_group", "type one of N1, N2, R, Y1"},
		{"year group empty", year(`""`), "pupil.year_group", "type one of N1, N2, R, Y1"},
		{"year group as a number", year(`8`), "pupil.year_group", "type text in double quotes"},
		{"flags by name", flags(`["child_in_need", "sen_support"]`), "", "[child_in_need sen_support]"},
		{"an unknown flag", flags(`["lac"]`), "pupil.flags[0]", "type one of looked_after"},
		{"a flag twice", flags(`["ehcp", "ehcp"]`), "pupil.flags[1]", `"ehcp" is listed twice: keep one`},
		{"flags as one text", flags(`"ehcp"`), "pupil.flags", "type a list in [ ]"},
		{"a null flag", flags(`[null]`), "pupil.flags[0]", "type text in double quotes"},
		{"a flag by its label", flags(`["Looked after"]`), "pupil.flags[0]", `did you mean "looked_after"? Type one of looked_after`},
		{"CSV year group as people say it", row("", "Year 8", ""), "", " Y8 []"},
		{"CSV Reception", row("", "Reception", ""), "", " R []"},
		{"CSV year 14", row("", "Year 14", ""), "line 2, year group", "type N1, N2, R or Y1 to Y13"},
		{"CSV flags by label", row("", "Y8", "Looked after; EHCP"), "", " Y8 [looked_after ehcp]"},
		{"CSV unknown flag", row("", "Y8", "ehcp;wizard"), "line 2, flags", "use looked_after, previously_looked_after"},
		{"CSV UPN", row("A123456789012", "Y8", ""), "", "A123456789012 Y8 []"},
		{"CSV UPN in lower case", row("a123456789012", "Y8", ""), "", "A123456789012 Y8 []"},
		{"CSV temporary UPN", row("A12345678901A", "Y8", ""), "", "A12345678901A Y8 []"},
		{"CSV UPN with a wrong check letter", row("B123456789012", "Y8", ""), "line 2, UPN", "check the number in the MIS"},
		{"CSV UPN one short", row("A12345678901", "Y8", ""), "line 2, UPN", "type the 13 characters from the MIS"},
		{"CSV UPN with I, O or S", row("A12345678901O", "Y8", ""), "line 2, UPN", "a letter other than I, O or S"},
	}
}

// badShapes: the file as a whole, duplicates and unknown keys
// (DESIGN.md, "Case file": "Unknown keys are an error (with the key's path)").
func badShapes(t *testing.T) []badInput {
	doc := func(d string) func() badResult { return func() badResult { return viaCaseFile([]byte(d), pupilName) } }
	edit := func(old, new string) func() badResult { return doc(string(cfEdit(t, old, new))) }
	csvFile := func(data string) func() badResult {
		return func() badResult { return viaCSV(data, func(ps []Pupil) string { return fmt.Sprint(len(ps)) }) }
	}
	const head = "Name,Date of birth,UPN,Year group\n"
	return []badInput{
		{"the contract's minimal file", doc(cfMinimal), "", "Sam Taylor"},
		{"a byte-order mark", doc("\uFEFF" + cfMinimal), "", "Sam Taylor"},
		{"an unknown top-level key", edit(`"format"`, `"comment": "from the AP", "format"`), "comment", "the keys are format, pupil"},
		{"a misspelt pupil key", edit(`"name"`, `"nmae"`), "pupil.nmae", `did you mean "name"?`},
		{"an unknown session key", edit(`{"mode": "school"}`, `{"mode": "school", "mins": 90}`), "timetable[0].sessions.mon.am.mins", "the keys are mode, minutes"},
		{"a key with odd characters", edit(`"format"`, `"fo\u202ermat": 1, "format"`), `["fo\u202ermat"]`, `did you mean "format"?`},
		{"a key given twice", edit(`"kind": "reduced_timetable"`, `"kind": "reduced_timetable", "kind": "ap_reintegration"`), "case.kind", "is given twice: keep one"},
		{"the pupil given twice", edit(`"case":`, `"pupil": {"name": "Other", "year_group": "Y8"}, "case":`), "pupil", "is given twice: keep one"},
		{"the same week twice", edit(`]}`, `, {"week_beginning": "2026-11-02"}]}`), "timetable[1].week_beginning", "planned twice (also at timetable[0]): keep one"},
		{"the same week twice, written two ways", edit(`]}`, `, {"week_beginning": "02/11/2026"}]}`), "timetable[1].week_beginning", "keep one"},
		{"a week on a Wednesday", edit(`"week_beginning": "2026-11-02"`, `"week_beginning": "2026-11-04"`), "timetable[0].week_beginning", `type "2026-11-02"`},
		{"the next version's format", edit(`case@1`, `case@2`), "format", `type "reintegrate/case@1"`},
		{"no format", doc(strings.Replace(cfMinimal, `"format": "reintegrate/case@1",`, "", 1)), "format", `missing: type "format": "reintegrate/case@1"`},
		{"not JSON", doc(`{"format": "reintegrate/case@1",}`), "file", "is not valid JSON at line 1"},
		{"two documents", doc(cfMinimal + cfMinimal), "file", "is not valid JSON"},
		{"an empty file", doc(""), "file", `the file is empty: choose the case file`},
		{"a list, not an object", doc(`[]`), "file", "type an object in { }"},
		{"deep nesting", doc(strings.Repeat("[", 5000) + strings.Repeat("]", 5000)), "file", "type an object in { }"},
		{"CSV: two pupils", csvFile(head + "Zoë Clarke,19/05/2014,J801200000101,Y8\nŁukasz Nowak,03/02/2011,,Y10\n"), "", "2"},
		{"CSV: the same UPN twice", csvFile(head + "Zoë Clarke,19/05/2014,J801200000101,Y8\nZoe Clarke,19/05/2014,J801200000101,Y8\n"), "line 3, UPN", "the same UPN as line 2: remove one of the rows"},
		{"CSV: same name, another birthday", csvFile(head + "Sam Taylor,02/04/2013,,Y8\nSam Taylor,02/04/2015,,Y6\n"), "", "2"},
		{"CSV: no year group column", csvFile("Name,Date of birth\nSam,02/04/2013\n"), "line 1", "add a column headed Year Group"},
		{"CSV: an empty file", csvFile(""), "line 1", "export the pupils from the MIS as CSV with a heading row"},
		{"CSV: a broken quote", csvFile(head + "\"Sam,02/04/2013,,Y8\n"), "line 2", "not valid CSV"},
		{"CSV: a short row", csvFile(head + "Sam Taylor\n"), "line 2, date of birth", "type DD/MM/YYYY"},
	}
}

// whatToType are the words a refusal uses to tell someone what to do.
var whatToType = []string{"type ", "shorten ", "use ", "keep ", "remove ", "add ", "leave ", "export ", "check ", "correct ", "choose ",
	"for example", "such as", "did you mean", "the keys are"}

func TestBadInputCatalogue(t *testing.T) {
	var all []badInput
	for _, group := range []func(*testing.T) []badInput{badNames, badNotes, badDates, badMinutes, badCodes, badShapes} {
		all = append(all, group(t)...)
	}
	if len(all) < 50 {
		t.Fatalf("the catalogue has %d cases; issue 7 asks for at least 50", len(all))
	}
	seen := make(map[string]bool)
	for _, in := range all {
		if seen[in.name] {
			t.Fatalf("two cases are called %q", in.name)
		}
		seen[in.name] = true
		t.Run(in.name, func(t *testing.T) { checkBadInput(t, in, in.run()) })
	}
}

func checkBadInput(t *testing.T, in badInput, res badResult) {
	t.Helper()
	if res.half {
		t.Errorf("refused, but half a value came back with: %v", res.err)
	}
	if in.field == "" { // to be taken
		switch {
		case res.err != nil:
			t.Fatalf("want it taken as %q, got: %v", clip(in.says), clip(res.err.Error()))
		case res.trip != nil:
			t.Fatalf("taken, but the round trip failed: %v", res.trip)
		case res.got != in.says:
			t.Fatalf("taken as %q, want %q", clip(res.got), clip(in.says))
		}
		return
	}
	if res.err == nil {
		t.Fatalf("taken as %q; want it refused at %s saying %q", clip(res.got), in.field, in.says)
	}
	msg := res.err.Error()
	if !strings.Contains(msg, in.says) {
		t.Errorf("refused with %q; want it to say %q", clip(msg), in.says)
	}
	if !refusalNames(res.err, in.field) {
		t.Errorf("refused with %q; want it to name %q", clip(msg), in.field)
	}
	if !saysWhatToType(msg) {
		t.Errorf("refused with %q, which does not say what to type", clip(msg))
	}
}

// refusalNames reports whether the error points at the field: a case-file
// error by its JSON path ("file" for the whole file, as Error() writes it),
// a CSV error by its line and column as Error() writes them.
func refusalNames(err error, field string) bool {
	var cfErrs CaseFileErrors
	if errors.As(err, &cfErrs) {
		for _, e := range cfErrs {
			if e.Path == field || (e.Path == "" && field == "file") {
				return true
			}
		}
		return false
	}
	var csvErrs CSVErrors
	if errors.As(err, &csvErrs) {
		for _, e := range csvErrs {
			if e.Error() == field || strings.HasPrefix(e.Error(), field+":") {
				return true
			}
		}
	}
	return false
}

func saysWhatToType(msg string) bool {
	for _, w := range whatToType {
		if strings.Contains(strings.ToLower(msg), w) {
			return true
		}
	}
	return false
}

func clip(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}
