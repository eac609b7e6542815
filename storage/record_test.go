package storage

import (
	"errors"
	"slices"
	"testing"

	"reintegrate/model"
)

func TestPupilRoundTrip(t *testing.T) {
	s := openTemp(t)
	tests := []struct {
		name  string
		pupil model.Pupil
	}{
		{"accents and flags", pupilZoe()},
		{"Polish name, looked after", model.Pupil{Name: "Łukasz Wiśniewski", DateOfBirth: d("2010-12-31"), UPN: "D123456789014",
			YearGroup: "Y11", Flags: []model.Flag{model.LookedAfter, model.YouthJustice}}},
		{"Vietnamese name, no UPN", model.Pupil{Name: "Nguyễn Thị Minh Khai", DateOfBirth: d("2020-02-29"), YearGroup: "R"}},
		{"no date of birth, every flag", model.Pupil{Name: "Sam Taylor", YearGroup: "N2", Flags: model.Flags}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := savePupil(t, s, tt.pupil)
			if p.ID == 0 {
				t.Fatal("SavePupil did not set the ID")
			}
			got, err := s.Pupil(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			same(t, "pupil read back", got, p)
			if p.UPN != "" {
				byUPN, err := s.PupilByUPN(ctx, p.UPN)
				if err != nil {
					t.Fatal(err)
				}
				same(t, "pupil by UPN", byUPN, p)
			}
			p.YearGroup, p.Flags = "Y9", nil // an update: moved up a year, flags cleared
			savePupil(t, s, p)
			got, _ = s.Pupil(ctx, p.ID)
			same(t, "updated pupil", got, p)
		})
	}
}

func TestPupilsSortedByNameWithAccents(t *testing.T) {
	s := openTemp(t)
	for _, name := range []string{"Zoë Brown", "Patel Amir", "Łukasz Nowak", "Zoe Adams", "Ölmez Deniz", "Lukasz Adams", "Nguyễn An"} {
		savePupil(t, s, model.Pupil{Name: name, YearGroup: "Y7"})
	}
	pupils, err := s.Pupils(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range pupils {
		names = append(names, p.Name)
	}
	// Accented letters sort beside their base letter, not after Z.
	want := []string{"Lukasz Adams", "Łukasz Nowak", "Nguyễn An", "Ölmez Deniz", "Patel Amir", "Zoe Adams", "Zoë Brown"}
	same(t, "pupil order", names, want)
}

func TestPupilRefusals(t *testing.T) {
	s := openTemp(t)
	zoe := savePupil(t, s, pupilZoe())
	tests := []struct {
		name  string
		pupil model.Pupil
		kind  error
		says  []string
	}{
		{"UPN taken", model.Pupil{Name: "Other Child", UPN: zoe.UPN, YearGroup: "Y8"}, ErrDuplicate, []string{"another pupil already has UPN " + zoe.UPN}},
		{"no name", model.Pupil{Name: "  ", YearGroup: "Y8"}, nil, []string{"pupil name is empty", "full name"}},
		{"bad year group", model.Pupil{Name: "Amir", YearGroup: "Y14"}, nil, []string{`year group "Y14"`, "N1, N2, R or Y1 to Y13"}},
		{"bad flag", model.Pupil{Name: "Amir", YearGroup: "Y8", Flags: []model.Flag{"lac"}}, nil, []string{`flag "lac" is not known`, "looked_after"}},
		{"gone", model.Pupil{ID: 999, Name: "Ghost", YearGroup: "Y8"}, ErrNotFound, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := count(t, s, "pupils")
			err := s.SavePupil(ctx, &tt.pupil)
			wantErr(t, err, tt.kind, tt.says...)
			if n := count(t, s, "pupils"); n != before {
				t.Errorf("pupils went from %d to %d after a refused save", before, n)
			}
		})
	}
	if _, err := s.Pupil(ctx, 12345); !errors.Is(err, ErrNotFound) {
		t.Errorf("Pupil(12345) = %v, want ErrNotFound", err)
	}
}

func TestSchoolRoundTrip(t *testing.T) {
	s := openTemp(t)
	got, err := s.School(ctx)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "unset profile", got, model.DefaultSchool())

	school := model.School{Name: "St Aidan's Academy", URN: "149012", LocalAuthority: "Somerset Council",
		Trust: "Bath and Wells Multi Academy Trust", Sessions: model.SessionLengths{AM: 165, PM: 110},
		Closures: []model.Closure{{First: d("2026-10-26"), Last: d("2026-10-30"), Name: "October half term"},
			{First: d("2027-01-04"), Last: d("2027-01-04"), Name: "INSET"}},
		Packs:          model.Packs{On: []model.Pack{model.National, model.BWMAT, model.Worcestershire}, Params: model.DefaultParams()},
		RetentionYears: 25}
	school.Packs.Params.ThresholdHours = 25
	school.Packs.Params.MaxWeeks = 8
	if err := s.SaveSchool(ctx, school); err != nil {
		t.Fatal(err)
	}
	got, err = s.School(ctx)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "school read back", got, school)

	bad := school
	bad.Closures = []model.Closure{{First: d("2026-10-30"), Last: d("2026-10-26"), Name: "backwards"}}
	wantErr(t, s.SaveSchool(ctx, bad), nil, `closure "backwards"`, "first on or before the last")
	bad = school
	bad.Packs.On = []model.Pack{"somerset"}
	wantErr(t, s.SaveSchool(ctx, bad), nil, `pack "somerset" is not known`)
}

// A parameter missing from the stored JSON (written before it existed)
// takes the catalogue's default, not zero.
func TestSchoolParamsMissingKeyTakesDefault(t *testing.T) {
	s := openTemp(t)
	if err := s.SaveSchool(ctx, model.DefaultSchool()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.writer.ExecContext(ctx, `UPDATE school SET params = '{"max_weeks": 8}'`); err != nil {
		t.Fatal(err)
	}
	got, err := s.School(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := model.DefaultParams()
	want.MaxWeeks = 8
	same(t, "params", got.Packs.Params, want)
}

func TestCaseRoundTrip(t *testing.T) {
	s := openTemp(t)
	c := fullCase(savePupil(t, s, pupilZoe()))
	c = mustCreateCase(t, s, c)
	got, version, err := s.Case(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if version != 1 {
		t.Errorf("new case version = %d, want 1", version)
	}
	same(t, "case read back", got, c)

	// An empty case (a draft just opened) reads back empty, not half-filled.
	bare := model.Case{Pupil: c.Pupil, Kind: model.APReintegration}
	bare = mustCreateCase(t, s, bare)
	got, _, err = s.Case(ctx, bare.ID)
	if err != nil {
		t.Fatal(err)
	}
	if bare.Status != model.Draft {
		t.Errorf("empty status stored as %q, want draft", bare.Status)
	}
	same(t, "bare case", got, bare)
}

func TestSaveCaseReplacesEverything(t *testing.T) {
	s := openTemp(t)
	c := mustCreateCase(t, s, fullCase(savePupil(t, s, pupilZoe())))
	c.Involvement = c.Involvement[:1]
	c.Extensions = nil
	c.Forms = append(c.Forms, model.FormRecord{Template: "bwmat.risk-assessment", Fields: map[string]string{"step1": "hazards"}})
	c.Timetable = c.Timetable[1:]
	c.Timetable[0].Days[2][model.PM] = model.Session{Mode: model.Dual, Minutes: 90, Partial: true}
	c.Status, c.Closed, c.Outcome = model.Closed, d("2026-12-11"), "successful"
	v, err := s.SaveCase(ctx, c, 1)
	if err != nil {
		t.Fatal(err)
	}
	if v != 2 {
		t.Errorf("version after one save = %d, want 2", v)
	}
	got, version, err := s.Case(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if version != 2 {
		t.Errorf("stored version = %d, want 2", version)
	}
	same(t, "saved case", got, c)
}

func TestStaleVersionIsAConflict(t *testing.T) {
	s := openTemp(t)
	c := mustCreateCase(t, s, fullCase(savePupil(t, s, pupilZoe())))
	mine, v1, _ := s.Case(ctx, c.ID)
	theirs, v2, _ := s.Case(ctx, c.ID)
	theirs.NamedPerson = "Mr B Okafor"
	if _, err := s.SaveCase(ctx, theirs, v2); err != nil {
		t.Fatal(err)
	}
	mine.NamedPerson = "Mrs H Ashworth"
	_, err := s.SaveCase(ctx, mine, v1)
	wantErr(t, err, ErrConflict)
	if err != nil && err.Error() != "case 1 was changed elsewhere; reload it" {
		t.Errorf("conflict message = %q", err)
	}
	got, _, _ := s.Case(ctx, c.ID)
	if got.NamedPerson != "Mr B Okafor" {
		t.Errorf("the stale save overwrote the other: named person %q", got.NamedPerson)
	}
	if _, err := s.SaveCase(ctx, model.Case{ID: 77, Pupil: c.Pupil, Kind: model.ReducedTimetable}, 1); !errors.Is(err, ErrNotFound) {
		t.Errorf("saving a missing case: %v, want ErrNotFound", err)
	}
}

func TestCaseRefusals(t *testing.T) {
	s := openTemp(t)
	p := savePupil(t, s, pupilZoe())
	tuesday := fullCase(p)
	tuesday.Timetable[0].WeekBeginning = d("2026-11-03")
	twice := fullCase(p)
	twice.Timetable[1].WeekBeginning = twice.Timetable[0].WeekBeginning
	badMode := fullCase(p)
	badMode.Timetable[0].Days[2][model.PM].Mode = "skool"
	noPupil := fullCase(model.Pupil{ID: 99, Name: "Ghost"})
	tests := []struct {
		name string
		c    model.Case
		kind error
		says []string
	}{
		{"week not on a Monday", tuesday, nil, []string{"03/11/2026 is a Tuesday", "begins on its Monday (02/11/2026)"}},
		{"week twice", twice, nil, []string{"two weeks beginning 02/11/2026"}},
		{"unknown mode", badMode, nil, []string{"wed pm", `mode "skool" is not known`, "school, offsite"}},
		{"unknown kind", model.Case{Pupil: p, Kind: "part_time"}, nil, []string{`case kind "part_time" is not known`}},
		{"unknown role", model.Case{Pupil: p, Kind: model.ReducedTimetable, Involvement: []model.Involvement{{Role: "nurse"}}}, nil, []string{`involvement role "nurse"`}},
		{"pupil not saved", noPupil, ErrNotFound, []string{"pupil 99 (Ghost) is not in the database: save the pupil first"}},
		{"no pupil", model.Case{Kind: model.ReducedTimetable}, nil, []string{"no pupil"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.CreateCase(ctx, &tt.c)
			wantErr(t, err, tt.kind, tt.says...)
			if n := count(t, s, "cases"); n != 0 {
				t.Errorf("%d cases stored after a refusal", n)
			}
		})
	}
}

func TestHistoryLeavesOutTheCaseAndDrafts(t *testing.T) {
	s := openTemp(t)
	p := savePupil(t, s, pupilZoe())
	earlier := model.Case{Pupil: p, Kind: model.ReducedTimetable, Reasons: []model.Reason{model.Behaviour},
		Start: d("2025-03-03"), Closed: d("2025-04-11"), Status: model.Closed}
	mustCreateCase(t, s, earlier)
	mustCreateCase(t, s, model.Case{Pupil: p, Kind: model.ReducedTimetable, Start: d("2025-09-01")}) // a draft that never ran
	now := mustCreateCase(t, s, fullCase(p))
	other := savePupil(t, s, model.Pupil{Name: "Someone Else", YearGroup: "Y8"})
	mustCreateCase(t, s, model.Case{Pupil: other, Kind: model.ReducedTimetable, Status: model.Closed, Start: d("2024-01-08")})

	got, err := s.History(ctx, p.ID, now.ID)
	if err != nil {
		t.Fatal(err)
	}
	// 002 s5.10: the repeat rule reads the pupil's earlier behaviour plan.
	want := []model.PastCase{{Kind: model.ReducedTimetable, Reasons: []model.Reason{model.Behaviour}, Start: d("2025-03-03"), Closed: d("2025-04-11")}}
	same(t, "history", got, want)
}

func TestCasesList(t *testing.T) {
	s := openTemp(t)
	zoe := savePupil(t, s, pupilZoe())
	amir := savePupil(t, s, model.Pupil{Name: "Amir Patel", YearGroup: "Y5"})
	active := mustCreateCase(t, s, fullCase(zoe))
	closed := mustCreateCase(t, s, model.Case{Pupil: amir, Kind: model.SuspensionReintegration, Status: model.Closed})
	draft := mustCreateCase(t, s, model.Case{Pupil: amir, Kind: model.APReintegration})
	ids := func(f CaseFilter) []int64 {
		t.Helper()
		list, err := s.Cases(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []int64
		for _, c := range list {
			out = append(out, c.ID)
		}
		return out
	}
	tests := []struct {
		name   string
		filter CaseFilter
		want   []int64
	}{
		{"open cases, by pupil name", CaseFilter{}, []int64{draft.ID, active.ID}},
		{"all", CaseFilter{All: true}, []int64{closed.ID, draft.ID, active.ID}},
		{"closed", CaseFilter{Status: model.Closed}, []int64{closed.ID}},
		{"kind", CaseFilter{All: true, Kind: model.ReducedTimetable}, []int64{active.ID}},
		{"draft", CaseFilter{Status: model.Draft}, []int64{draft.ID}},
	}
	for _, tt := range tests {
		if got := ids(tt.filter); !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
	list, err := s.Cases(ctx, CaseFilter{On: d("2026-11-11")})
	if err != nil {
		t.Fatal(err)
	}
	row := list[1]
	if row.ID != active.ID || !row.HasWeek || !row.Week.WeekBeginning.Equal(d("2026-11-09")) {
		t.Fatalf("active row = %+v, want case %d with the week of 09/11/2026", row, active.ID)
	}
	same(t, "this week", row.Week, active.Timetable[1])
	if !row.End.Equal(d("2026-12-18")) {
		t.Errorf("end = %s, want the extension's 18/12/2026", row.End.UK())
	}
	if list[0].HasWeek {
		t.Error("a draft with no timetable has a week")
	}
}
