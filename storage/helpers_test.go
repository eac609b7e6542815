package storage

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"reintegrate/model"
)

// clock is the pinned time the tests' audit rows carry.
var clock = time.Date(2026, 11, 2, 8, 30, 0, 0, time.UTC)

func testOptions() Options {
	return Options{User: "r.khan", Now: func() time.Time { return clock }}
}

// openTemp opens a new database in a fresh folder; it is closed at the end
// of the test.
func openTemp(t testing.TB) *Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "reintegrate.db"))
}

func openAt(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path, testOptions())
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

var ctx = context.Background()

func d(s string) model.Date { return model.MustDate(s) }

// pupilZoe and friends have the accents schools' lists must survive.
func pupilZoe() model.Pupil {
	return model.Pupil{Name: "Zoë Ó Briain", DateOfBirth: d("2013-04-02"), UPN: "A123456789012",
		YearGroup: "Y8", Flags: []model.Flag{model.ChildInNeed, model.SENSupport}}
}

func savePupil(t testing.TB, s *Store, p model.Pupil) model.Pupil {
	t.Helper()
	if err := s.SavePupil(ctx, &p); err != nil {
		t.Fatalf("SavePupil(%s): %v", p.Name, err)
	}
	return p
}

// fullCase has every part filled, a partial session and a form record, as
// a case at the meeting of 002 appendix 1 would be.
func fullCase(p model.Pupil) model.Case {
	week1 := model.Week{WeekBeginning: d("2026-11-02")}
	for day := range 5 {
		week1.Days[day][model.AM] = model.Session{Mode: model.InSchool}
		week1.Days[day][model.PM] = model.Session{Mode: model.HomeLearning}
	}
	week1.Days[1][model.PM] = model.Session{Mode: model.Offsite, Minutes: 120, Partial: true}
	week1.Days[0][model.AM] = model.Session{Mode: model.InSchool, Minutes: 150, Partial: true}
	week2 := week1
	week2.WeekBeginning = d("2026-11-09")
	week2.Days[4][model.PM] = model.Session{Mode: model.NoSession}
	return model.Case{Pupil: p, Kind: model.ReducedTimetable,
		Reasons: []model.Reason{model.MentalHealth, model.Transition}, Start: d("2026-11-02"),
		PlannedEnd: d("2026-12-11"), Status: model.Active, Agreed: d("2026-10-30"),
		NamedPerson: "Ms R Khan", Outcome: "",
		Consent: model.Consent{ParentName: "J Ó Briain", Relationship: "mother", LivesWithPupil: true,
			Signed: d("2026-10-30"), AuthorisedBy: "Mr T Green"},
		RiskAssessment: model.RiskAssessment{Completed: d("2026-10-29")},
		Involvement: []model.Involvement{{Role: model.SocialWorker, Name: "A Patel", Agreed: d("2026-10-29"), AttendedMeeting: true},
			{Role: model.SENDTeam, Name: "Łucja Nowak", EarlyReviewAsked: true}},
		Notifications: []model.Notification{{To: model.LocalAuthority, Sent: d("2026-11-03"), What: "plan", SentBy: "Ms R Khan"}},
		Extensions:    []model.Extension{{Agreed: d("2026-12-07"), NewEnd: d("2026-12-18"), Reason: "anxiety on Fridays", ParentAgreed: true}},
		Referral:      model.Referral{FairAccessReferred: d("2026-09-01")},
		HomeLearning:  "Work set on the class page, marked weekly by the form tutor",
		Timetable:     []model.Week{week1, week2},
		Reviews: []model.Review{{Due: d("2026-11-16"), Held: d("2026-11-16"), Kind: "review", PupilViews: true,
			ParentAttended: true, Notes: "Going well;\nmornings settled"}},
		Forms: []model.FormRecord{{Template: "bwmat.plan", Completed: d("2026-10-30"), Version: 1,
			Fields: map[string]string{"objectives": "Full days by December", "child_voice": "Ich möchte… ✓"}}},
	}
}

func mustCreateCase(t testing.TB, s *Store, c model.Case) model.Case {
	t.Helper()
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatalf("CreateCase: %v", err)
	}
	return c
}

// wantErr fails unless err is kind and its message holds every part.
func wantErr(t testing.TB, err, kind error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want %v", kind)
	}
	if kind != nil && !errors.Is(err, kind) {
		t.Errorf("error %q is not %v", err, kind)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error %q does not say %q", err, p)
		}
	}
}

func same(t testing.TB, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %+v\nwant %+v", what, got, want)
	}
}

func count(t testing.TB, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.reader.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// testUPN is a valid UPN for the number i: its check letter is the one
// model.ParseUPN accepts.
func testUPN(i int) string {
	digits := fmt.Sprintf("%012d", i)
	for _, l := range "ABCDEFGHJKLMNPQRTUVWXYZ" {
		if u, err := model.ParseUPN(string(l) + digits); err == nil {
			return u
		}
	}
	panic("no check letter for " + digits)
}
