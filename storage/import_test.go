package storage

import (
	"testing"

	"reintegrate/model"
)

func caseFile(p model.Pupil) model.CaseFile {
	c := fullCase(p)
	return model.CaseFile{Pupil: p, Case: c, History: []model.PastCase{
		{Kind: model.ReducedTimetable, Reasons: []model.Reason{model.Behaviour}, Start: d("2025-03-03"), Closed: d("2025-04-11")}}}
}

func TestImportCaseFile(t *testing.T) {
	s := openTemp(t)
	cf := caseFile(pupilZoe())
	id, err := s.ImportCaseFile(ctx, cf)
	if err != nil {
		t.Fatal(err)
	}
	got, version, err := s.Case(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	want := cf.Case
	want.ID, want.Pupil = id, got.Pupil
	same(t, "imported case", got, want)
	if version != 1 || got.Pupil.ID == 0 || got.Pupil.Name != "Zoë Ó Briain" {
		t.Errorf("version %d, pupil %+v", version, got.Pupil)
	}
	// 002 s5.10: the history from the AP setting feeds the repeat rule.
	history, _ := s.History(ctx, got.Pupil.ID, id)
	same(t, "history", history, cf.History)
	if a, _ := s.Audit(ctx, "case", id); len(a) != 1 || a[0].Action != "import" {
		t.Errorf("audit of the import: %+v", a)
	}

	// The same file again is refused: it would be a second copy of the case.
	_, err = s.ImportCaseFile(ctx, cf)
	wantErr(t, err, ErrDuplicate, "already has this Reduced timetable starting 02/11/2026 as case 1", "nothing was imported")

	// A later case for the same child, matched by name and date of birth
	// when the file lacks the UPN; the history is not recorded twice, and
	// the file's flag is added to the pupil's.
	next := caseFile(pupilZoe())
	next.Pupil.UPN = ""
	next.Pupil.Flags = []model.Flag{model.EHCP}
	next.Case.Start = d("2027-01-04")
	id2, err := s.ImportCaseFile(ctx, next)
	if err != nil {
		t.Fatal(err)
	}
	second, _, _ := s.Case(ctx, id2)
	if second.Pupil.ID != got.Pupil.ID || second.Pupil.UPN != "A123456789012" {
		t.Errorf("second file matched pupil %+v, want pupil %d keeping the UPN", second.Pupil, got.Pupil.ID)
	}
	same(t, "flags after import", second.Pupil.Flags, []model.Flag{model.ChildInNeed, model.SENSupport, model.EHCP})
	if n := count(t, s, "past_cases"); n != 1 {
		t.Errorf("past cases = %d, want 1", n)
	}
}

func TestImportCaseFileIsAllOrNothing(t *testing.T) {
	s := openTemp(t)
	bad := caseFile(pupilZoe())
	bad.History[0].Kind = "exclusion"
	_, err := s.ImportCaseFile(ctx, bad)
	wantErr(t, err, nil, `earlier plan kind "exclusion"`, "nothing was imported")
	bad = caseFile(pupilZoe())
	bad.Case.Timetable[1].WeekBeginning = d("2026-11-10")
	_, err = s.ImportCaseFile(ctx, bad)
	wantErr(t, err, nil, "10/11/2026 is a Tuesday", "nothing was imported")
	for _, table := range []string{"pupils", "cases", "past_cases", "weeks", "audit"} {
		if n := count(t, s, table); n != 0 {
			t.Errorf("%s has %d rows after refused imports", table, n)
		}
	}
}
