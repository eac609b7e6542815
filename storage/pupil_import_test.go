package storage

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reintegrate/model"
)

// csvFile reads a pupils CSV as the import does, as of 02/11/2026.
func csvFile(t *testing.T, text string) model.PupilsCSV {
	t.Helper()
	f, err := model.ReadPupilsCSV([]byte(text), d("2026-11-02"))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func mustImport(t *testing.T, s *Store, f model.PupilsCSV, opt ImportOptions) ImportReport {
	t.Helper()
	rep, err := s.ImportPupils(ctx, f, opt)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func counts(rep ImportReport) [5]int {
	return [5]int{rep.New, rep.Updated, rep.Unchanged, rep.Refused, rep.NamesKept}
}

func TestImportPupilsReport(t *testing.T) {
	s := openTemp(t)
	zoe := savePupil(t, s, model.Pupil{Name: "Zoë Ó Briain", DateOfBirth: d("2013-04-02"), YearGroup: "Y7",
		Flags: []model.Flag{model.LookedAfter}})
	savePupil(t, s, model.Pupil{Name: "Amir Patel", DateOfBirth: d("2016-01-09"), UPN: "Y801200000102", YearGroup: "Y5"})
	mis := csvFile(t, "Name,DOB,UPN,Year,FSM\n"+
		"Zoë Ó Briain,02/04/2013,A123456789012,Y8,Y\n"+ // matched by name and date of birth: UPN, year, FSM
		"Amir Patel-Khan,09/01/2016,Y801200000102,Y5,N\n"+ // matched by UPN: the new name is listed, not taken
		"Nguyễn An,01/09/2019,,Y2,N\n"+ // new
		"Zoe O Briain,02/04/2013,M801200000103,Y8,N\n") // looks like Zoë, another UPN: asked about
	rep := mustImport(t, s, mis, ImportOptions{})
	if got := counts(rep); got != [5]int{1, 1, 1, 1, 1} {
		t.Errorf("new, updated, unchanged, refused, names kept = %v, want [1 1 1 1 1]", got)
	}
	wantChanges := []PupilChange{
		{Line: 2, Pupil: "Zoë Ó Briain", Field: "UPN", Old: "", New: "A123456789012"},
		{Line: 2, Pupil: "Zoë Ó Briain", Field: "year group", Old: "Y7", New: "Y8"},
		{Line: 2, Pupil: "Zoë Ó Briain", Field: "free school meals", Old: "no", New: "yes"},
		{Line: 4, Pupil: "Nguyễn An", Field: "new pupil", Old: "", New: "born 01/09/2019, Y2"},
	}
	same(t, "changes", rep.Changes, wantChanges)
	refusals := rep.Refusals.Error()
	for _, want := range []string{
		`line 3, name: the MIS has "Amir Patel-Khan", the record "Amir Patel": the record's name is kept; to take the MIS's spelling, import again with --update-names`,
		`line 5, name: Zoe O Briain born 02/04/2013 looks the same as the pupil on line 2: if they are two children, import again with --allow-duplicates`,
	} {
		if !strings.Contains(refusals, want) {
			t.Errorf("refusals do not say %q:\n%s", want, refusals)
		}
	}
	got, _ := s.Pupil(ctx, zoe.ID)
	same(t, "Zoë after the import (flag kept)", got, model.Pupil{ID: zoe.ID, Name: "Zoë Ó Briain", DateOfBirth: d("2013-04-02"),
		UPN: "A123456789012", YearGroup: "Y8", Flags: []model.Flag{model.LookedAfter}, FreeSchoolMeals: true})
	// The same file again: nothing to change, the same questions asked.
	again := mustImport(t, s, mis, ImportOptions{})
	if got := counts(again); got != [5]int{0, 0, 3, 1, 1} || len(again.Changes) != 0 {
		t.Errorf("re-import: %v, changes %v; want [0 0 3 1 1] and none", got, again.Changes)
	}
	// Asked: the second Zoe is another child.
	if rep := mustImport(t, s, mis, ImportOptions{AllowDuplicates: true}); rep.New != 1 {
		t.Errorf("with AllowDuplicates: %+v", rep)
	}
}

// The silent rename seen in use: an Arbor export's "Nguyen, Zoe" turned
// "Zoë Łukasz Nguyễn" into "Nguyen, Zoe" everywhere, open case included.
// Now it is listed and refused unless asked (--update-names), and taking
// it is in the audit log.
func TestImportPupilsKeepsTypedNames(t *testing.T) {
	s := openTemp(t)
	zoe := savePupil(t, s, model.Pupil{Name: "Zoë Łukasz Nguyễn", DateOfBirth: d("2014-03-14"), UPN: "A123456789012", YearGroup: "Y7"})
	c := mustCreateCase(t, s, fullCase(zoe))
	arbor := csvFile(t, "Student,Date of Birth,UPN,Year Group\r\n\"Nguyen, Zoe\",14/03/2014,A123456789012,8\r\n"+
		"\"Nguyễn, Zoë Łukasz\",14/03/2014,,8\r\n") // the same child again, spelt as typed but without the UPN
	rep := mustImport(t, s, arbor, ImportOptions{})
	if !strings.Contains(rep.Refusals.Error(), `line 2, name: the MIS has "Zoe Nguyen", the record "Zoë Łukasz Nguyễn"`) ||
		!strings.Contains(rep.Refusals.Error(), "line 3, UPN: the same UPN as line 2") && !strings.Contains(rep.Refusals.Error(), "line 3, name") {
		t.Errorf("refusals:\n%v", rep.Refusals)
	}
	if cs, _, _ := s.Case(ctx, c.ID); cs.Pupil.Name != "Zoë Łukasz Nguyễn" || cs.Pupil.YearGroup != "Y8" {
		t.Errorf("the case's pupil after the import: %q %s; want the typed name kept and the year taken", cs.Pupil.Name, cs.Pupil.YearGroup)
	}
	// An MIS that spells the same name without its accents: said so.
	ascii := csvFile(t, "Legal Forename,Legal Surname,DOB,UPN,Year\nZoe Lukasz,Nguyen,14/03/2014,A123456789012,8\n")
	if rep := mustImport(t, s, ascii, ImportOptions{}); !strings.Contains(rep.Refusals.Error(), `the MIS spells "Zoe Lukasz Nguyen" without the accents it was typed with ("Zoë Łukasz Nguyễn")`) {
		t.Errorf("accents refusal:\n%v", rep.Refusals)
	}
	before := count(t, s, "audit")
	rep = mustImport(t, s, ascii, ImportOptions{UpdateNames: true})
	same(t, "changes with --update-names", rep.Changes, []PupilChange{{Line: 2, Pupil: "Zoe Lukasz Nguyen", Field: "name", Old: "Zoë Łukasz Nguyễn", New: "Zoe Lukasz Nguyen"}})
	if count(t, s, "audit") != before+1 {
		t.Fatalf("the rename wrote %d audit rows, want 1", count(t, s, "audit")-before)
	}
	trail, _ := s.Audit(ctx, "pupil", zoe.ID)
	last := trail[len(trail)-1]
	var old, now model.Pupil
	json.Unmarshal(last.Before, &old)
	json.Unmarshal(last.After, &now)
	if last.Action != "import" || old.Name != "Zoë Łukasz Nguyễn" || now.Name != "Zoe Lukasz Nguyen" {
		t.Errorf("audit: %s %s -> %s", last.Action, old.Name, now.Name)
	}
}

// --dry-run: the same report, nothing written (not a row, not a byte).
func TestImportPupilsDryRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "reintegrate.db")
	s := openAt(t, path)
	savePupil(t, s, model.Pupil{Name: "Zoë Ó Briain", DateOfBirth: d("2013-04-02"), YearGroup: "Y7"})
	f := csvFile(t, "Name,DOB,Year\nZoë Ó Briain,02/04/2013,Y8\nSam Taylor,02/04/2013,Y8\n")
	if _, err := s.writer.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	file, _ := os.ReadFile(path)
	wal, _ := os.ReadFile(path + "-wal")
	dry := mustImport(t, s, f, ImportOptions{DryRun: true})
	if f2, _ := os.ReadFile(path); string(f2) != string(file) {
		t.Error("a dry run changed the database file")
	}
	if w2, _ := os.ReadFile(path + "-wal"); string(w2) != string(wal) {
		t.Error("a dry run wrote to the write-ahead log")
	}
	real := mustImport(t, s, f, ImportOptions{})
	dry.DryRun = false
	same(t, "the dry run's report", dry, real)
	if got := counts(real); got != [5]int{1, 1, 0, 0, 0} {
		t.Errorf("counts = %v", got)
	}
}

// Lookalikes (a zero-width space, a Cyrillic а, another case, a word
// joiner) are one pupil to a person: the import asks, SavePupil asks.
func TestLookalikePupils(t *testing.T) {
	s := openTemp(t)
	sam := savePupil(t, s, model.Pupil{Name: "Sam Taylor", DateOfBirth: d("2013-04-02"), YearGroup: "Y8"})
	for _, name := range []string{"Sam\u200bTaylor", "S\u0430m Taylor", "sam taylor", "Sam Taylor\u2060", "SAM  TAYLOR", "Sam Tayl\u043er"} {
		p := model.Pupil{Name: name, DateOfBirth: d("2013-04-02"), YearGroup: "Y8", UPN: "B801200000104"}
		err := s.SavePupil(ctx, &p)
		wantErr(t, err, ErrLookalike, "Sam Taylor (Y8, born 02/04/2013) is already on roll with a name that looks the same")
	}
	if n := count(t, s, "pupils"); n != 1 {
		t.Fatalf("%d pupils after the lookalikes, want 1", n)
	}
	// Another birthday is another child; asked and confirmed, a second one is added.
	other := model.Pupil{Name: "Sam Taylor", DateOfBirth: d("2013-04-03"), YearGroup: "Y8"}
	if err := s.SavePupil(ctx, &other); err != nil {
		t.Errorf("another birthday: %v", err)
	}
	twin := model.Pupil{Name: "S\u0430m Taylor", DateOfBirth: d("2013-04-02"), YearGroup: "Y8"}
	if err := s.SavePupil(ctx, &twin, AllowLookalike); err != nil || twin.ID == 0 {
		t.Errorf("AllowLookalike: %v", err)
	}
	// Editing a pupil without changing the name is not asked again.
	sam.Flags = []model.Flag{model.EHCP}
	if err := s.SavePupil(ctx, &sam); err != nil {
		t.Errorf("editing one of two lookalikes: %v", err)
	}
}

// In one file: a second row that looks the same is refused unless asked.
func TestImportPupilsLookalikeRows(t *testing.T) {
	s := openTemp(t)
	f := csvFile(t, "Name,DOB,Year\nSam Taylor,02/04/2013,Y8\nS\u0430m Taylor,02/04/2013,Y8\nsam\u200btaylor,02/04/2013,Y8\n")
	rep := mustImport(t, s, f, ImportOptions{DryRun: true})
	if got := counts(rep); got != [5]int{1, 0, 0, 2, 0} || !strings.Contains(rep.Refusals.Error(), "line 3, name: Sаm Taylor born 02/04/2013 looks the same as the pupil on line 2") {
		t.Errorf("counts %v, refusals:\n%v", got, rep.Refusals)
	}
	if rep := mustImport(t, s, f, ImportOptions{AllowDuplicates: true}); rep.New != 3 {
		t.Errorf("with AllowDuplicates: %+v", rep)
	}
}

// Two rows with one UPN are one child twice: the second is refused, even
// when the list did not come through the CSV reader (which refuses it too).
func TestImportPupilsOneUPNTwice(t *testing.T) {
	s := openTemp(t)
	rep := mustImport(t, s, pupilRows([]model.Pupil{
		{Name: "Amir Patel", UPN: "Q801200000105", YearGroup: "Y5"},
		{Name: "Freya Morgan", UPN: "Q801200000105", YearGroup: "Y3"}}), ImportOptions{})
	if rep.New != 1 || rep.Refused != 1 || !strings.Contains(rep.Refusals.Error(), "line 3, UPN: the same UPN as line 2: remove one of the rows") {
		t.Errorf("%+v", rep)
	}
	if p, _ := s.PupilByUPN(ctx, "Q801200000105"); p.Name != "Amir Patel" {
		t.Errorf("the UPN's pupil is %q, want Amir Patel (the second row not merged in)", p.Name)
	}
}

// A row that storage would not hold (a list that did not come through the
// CSV reader) is refused on its own; the rest is imported.
func TestImportPupilsRefusesABadRowAlone(t *testing.T) {
	s := openTemp(t)
	rep := mustImport(t, s, pupilRows([]model.Pupil{
		{Name: "Fine Pupil", YearGroup: "Y3"},
		{Name: "Bad Row", YearGroup: "Year 14"},
		{Name: strings.Repeat("Ł", 201), YearGroup: "Y3"}}), ImportOptions{})
	if rep.New != 1 || rep.Refused != 2 || !strings.Contains(rep.Refusals.Error(), `line 3: pupil Bad Row: year group "Year 14" is not known`) ||
		!strings.Contains(rep.Refusals.Error(), "line 4: pupil's name has 201 characters: the most it may have is 200") {
		t.Errorf("%+v", rep)
	}
	if n := count(t, s, "pupils"); n != 1 {
		t.Errorf("%d pupils stored, want 1", n)
	}
}
