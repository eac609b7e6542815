package model

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

// go test ./model -run Report -update-reports rewrites the report golden
// files under testdata/reports; read the diff before keeping it.
var updateReports = flag.Bool("update-reports", false, "rewrite the report golden files")

// goldenReport compares got with testdata/reports/name.
func goldenReport(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "reports", name)
	if *updateReports {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update-reports to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run with -update-reports and read the diff)\n--- got\n%s", path, got)
	}
}

// The reports' fixture: a school with an October half term and a
// Christmas holiday, and six cases that are not in the repository's demo:
//
//   - Zoë Nguyễn, Y8, a six-week reduced timetable from 02/11/2026 stepping
//     up one afternoon a week from 15 h to 25 h (24 h is full time);
//   - Łukasz Kowalski, Reception, four years old (under compulsory school
//     age: X, not C2), mornings only from 09/11/2026 to 04/12/2026, EHCP;
//   - Amelia-Rose O'Connor, Y10, looked after, a reduced timetable for
//     behaviour (her second: a repeat) from 07/09/2026, extended from
//     16/10 to 13/11/2026 and closed that day, successful (full time in
//     her last week);
//   - Noor Hussain, Y9, back from AP full time (dual registered mornings):
//     not a reduced timetable, but a plan governors and the register see;
//   - a draft, and a plan closed before the half term: neither counts.
const reportOn = "2026-11-27"

func reportSchool() School {
	s := DefaultSchool()
	s.Name, s.URN, s.LocalAuthority = "Rosehill Academy", "139999", "Oxfordshire County Council"
	s.Packs.On = []Pack{National, Oxfordshire, BWMAT}
	s.Closures = []Closure{
		{First: MustDate("2026-10-26"), Last: MustDate("2026-10-30"), Name: "October half term"},
		{First: MustDate("2026-12-21"), Last: MustDate("2027-01-01"), Name: "Christmas holiday"},
		{First: MustDate("2027-01-04"), Last: MustDate("2027-01-04"), Name: "INSET"},
	}
	return s
}

// reportWeek is a week with mornings am and afternoons pm in the mode given,
// Monday first; the other sessions are none.
func reportWeek(monday string, mode Mode, am, pm int) Week {
	w := Week{WeekBeginning: MustDate(monday)}
	for day := range 5 {
		w.Days[day] = [2]Session{{Mode: NoSession}, {Mode: NoSession}}
		if day < am {
			w.Days[day][AM] = Session{Mode: mode}
		}
		if day < pm {
			w.Days[day][PM] = Session{Mode: mode}
		}
	}
	return w
}

func reportCases() []Case {
	zoe := natCase(func(c *Case) {
		c.ID, c.Pupil.ID, c.Pupil.UPN = 11, 1, "A123456789012"
		c.Pupil.Flags = []Flag{SENSupport}
	})
	lukasz := Case{ID: 12, Kind: ReducedTimetable, Reasons: []Reason{Transition}, Status: Active,
		Pupil: Pupil{ID: 2, Name: "Łukasz Kowalski", DateOfBirth: MustDate("2022-06-02"), YearGroup: "R",
			UPN: "B123456789012", Flags: []Flag{EHCP}},
		Start: MustDate("2026-11-09"), PlannedEnd: MustDate("2026-12-04"), Agreed: MustDate("2026-11-05"),
		Consent:     Consent{ParentName: "Anna Kowalska", Relationship: "mother", LivesWithPupil: true, Signed: MustDate("2026-11-05")},
		Involvement: []Involvement{{Role: SENDTeam, Name: "Ms L Fairweather", Agreed: MustDate("2026-11-04")}},
		Notifications: []Notification{{To: LocalAuthority, What: "plan", Sent: MustDate("2026-11-06")},
			{To: SocialCare, What: "plan", Sent: MustDate("2026-11-20")}},
		Reviews: []Review{{Due: MustDate("2026-11-23"), Held: MustDate("2026-11-23")}},
	}
	for i := range 4 {
		lukasz.Timetable = append(lukasz.Timetable, reportWeek(MustDate("2026-11-09").AddDays(7*i).String(), InSchool, 5, 0))
	}
	amelia := Case{ID: 13, Kind: ReducedTimetable, Reasons: []Reason{Behaviour}, Status: Closed,
		Pupil: Pupil{ID: 3, Name: "Amelia-Rose O'Connor", DateOfBirth: MustDate("2011-01-15"), YearGroup: "Y10",
			UPN: "C123456789012", Flags: []Flag{LookedAfter}},
		Start: MustDate("2026-09-07"), PlannedEnd: MustDate("2026-10-16"), Closed: MustDate("2026-11-13"),
		Outcome: Successful, OutcomeNote: "Back full time",
		Consent:    Consent{ParentName: "Foster carer", Relationship: "carer", LivesWithPupil: true, Signed: MustDate("2026-09-03")},
		Extensions: []Extension{{Agreed: MustDate("2026-10-12"), NewEnd: MustDate("2026-11-13"), Reason: "Anxiety after a move", ParentAgreed: true}},
		Reviews: []Review{{Held: MustDate("2026-09-21")}, {Held: MustDate("2026-10-05")}, {Held: MustDate("2026-10-12")},
			{Held: MustDate("2026-11-09")}},
	}
	for i, pm := range []int{0, 1, 2, 3, 3, 3, 4, 4, 5} {
		monday := MustDate("2026-09-07").AddDays(7 * i)
		if i >= 7 {
			monday = monday.AddDays(7) // over the half term
		}
		amelia.Timetable = append(amelia.Timetable, reportWeek(monday.String(), InSchool, 5, pm))
	}
	noor := Case{ID: 14, Kind: APReintegration, Reasons: []Reason{Reintegration}, Status: Active,
		Pupil: Pupil{ID: 4, Name: "Noor Hussain", DateOfBirth: MustDate("2012-10-01"), YearGroup: "Y9"},
		Start: MustDate("2026-11-16"), PlannedEnd: MustDate("2026-12-18")}
	for i := range 5 {
		w := reportWeek(MustDate("2026-11-16").AddDays(7*i).String(), Dual, 5, 0)
		for day := range 5 {
			w.Days[day][PM] = Session{Mode: InSchool}
		}
		noor.Timetable = append(noor.Timetable, w)
	}
	draft := Case{ID: 15, Kind: ReducedTimetable, Status: Draft, Start: MustDate("2026-11-30"),
		Pupil: Pupil{ID: 5, Name: "Dan Draft", YearGroup: "Y7"}}
	old := Case{ID: 16, Kind: ReducedTimetable, Status: Closed, Start: MustDate("2026-09-07"),
		PlannedEnd: MustDate("2026-10-09"), Closed: MustDate("2026-10-09"),
		Pupil: Pupil{ID: 6, Name: "Ben Earlier", YearGroup: "Y6"}}
	return []Case{zoe, lukasz, amelia, noor, draft, old}
}

func reportInput() ReportInput {
	return ReportInput{School: reportSchool(), Cases: reportCases(), On: MustDate(reportOn),
		History: map[int64][]PastCase{3: {{Kind: ReducedTimetable, Reasons: []Reason{Behaviour},
			Start: MustDate("2025-03-03"), Closed: MustDate("2025-04-11")}}}}
}

// mustReport builds a report of the fixture, changed by mod.
func mustReport(t testing.TB, name string, mod func(*ReportInput)) Report {
	t.Helper()
	in := reportInput()
	if mod != nil {
		mod(&in)
	}
	r, err := BuildReport(name, in)
	if err != nil {
		t.Fatalf("BuildReport(%s): %v", name, err)
	}
	return r
}
