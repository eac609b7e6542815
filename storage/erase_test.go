package storage

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"reintegrate/model"
)

// secret marks text that must leave the file when its record is erased.
const secret = "Zebedee-Quillfeather"

// erasable is a pupil born in 1990 (past DOB + 25 by 2026) with one case
// closed in 2005 and a case-less pupil beside them; every piece of text of
// both carries a secret, and the case has been changed twice, so its audit
// entries hold copies of it.
func erasable(t *testing.T, s *Store) (model.Pupil, model.Case) {
	t.Helper()
	p := savePupil(t, s, model.Pupil{Name: "Nia " + secret, DateOfBirth: d("1990-01-05"), UPN: "D123456789014", YearGroup: "Y11"})
	c := fullCase(p)
	c.Start, c.PlannedEnd, c.Status, c.Closed, c.Outcome = d("2005-03-07"), d("2005-04-15"), model.Closed, d("2005-04-15"), model.Successful
	c.Timetable = nil
	c.Reviews[0].Notes = "Mornings settled; " + secret + " helped"
	c.Forms[0].Fields["objectives"] = secret + "'s objectives"
	c.NamedPerson = "Ms " + secret
	c = mustCreateCase(t, s, c)
	c.HomeLearning = "Set by " + secret
	if _, err := s.SaveCase(ctx, c, 1); err != nil {
		t.Fatal(err)
	}
	return p, c
}

// wantGoneFromTheFile fails if the text is anywhere in the database's
// files: not in a page, a freed page, the write-ahead log.
func wantGoneFromTheFile(t *testing.T, s *Store, text string) {
	t.Helper()
	for _, name := range []string{s.Path(), s.Path() + "-wal"} {
		data, err := os.ReadFile(name)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if i := bytes.Index(data, []byte(text)); i >= 0 {
			t.Errorf("%s still holds %q at byte %d", name, text, i)
		}
	}
}

func TestEraseCasePastRetention(t *testing.T) {
	s := openTemp(t)
	p, c := erasable(t, s)
	other := mustCreateCase(t, s, fullCase(savePupil(t, s, pupilZoe()))) // untouched
	e, err := s.Erase(ctx, EraseTarget{Case: c.ID}, "", d("2026-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	if !e.PastRetention || e.Reason != "" || e.RetentionEnded != "2015-01-05" || e.AuditEmptied != 2 ||
		e.Removed["reviews"] != 1 || e.Removed["forms"] != 1 || e.Removed["cases"] != 1 {
		t.Errorf("erasure: %+v", e)
	}
	if _, _, err := s.Case(ctx, c.ID); err == nil {
		t.Errorf("case %d is still there", c.ID)
	}
	for _, table := range []string{"reviews", "forms", "notifications", "involvement", "extensions"} {
		var n int
		s.reader.QueryRowContext(ctx, "SELECT count(*) FROM "+table+" WHERE case_id = ?", c.ID).Scan(&n)
		if n != 0 {
			t.Errorf("%d %s rows of the erased case are left", n, table)
		}
	}
	if got, err := s.Pupil(ctx, p.ID); err != nil || got.Name != p.Name {
		t.Errorf("the pupil went with the case: %v", err)
	}
	if _, _, err := s.Case(ctx, other.ID); err != nil {
		t.Errorf("another case went too: %v", err)
	}
	trail, err := s.Audit(ctx, "case", c.ID)
	if err != nil || len(trail) != 3 {
		t.Fatalf("the erased case's trail: %d entries, %v", len(trail), err)
	}
	for _, entry := range trail[:2] {
		if string(entry.Before) != "null" || string(entry.After) != "null" || entry.User != "r.khan" {
			t.Errorf("entry %d (%s) keeps its bodies or lost its who: %+v", entry.ID, entry.Action, entry)
		}
	}
	var tomb map[string]any
	if unmarshal(t, trail[2].After, &tomb); trail[2].Action != "erase" || tomb["erased"] != "case" ||
		tomb["pupil"] != float64(p.ID) || tomb["past_retention"] != true {
		t.Errorf("tombstone %s: %s", trail[2].Action, trail[2].After)
	}
	if strings.Contains(string(trail[2].After), secret) {
		t.Errorf("the tombstone holds personal data: %s", trail[2].After)
	}
	// The pupil's own name stays (they were not erased); the case's text goes.
	s.Close()
	s = openAt(t, s.Path())
	for _, text := range []string{secret + " helped", secret + "'s objectives", "Ms " + secret, "Set by " + secret} {
		wantGoneFromTheFile(t, s, text)
	}
	wantSound(t, s)
}

// A record not past its retention period is erased only with a reason;
// without one nothing changes.
func TestEraseNeedsAReasonBeforeTheEnd(t *testing.T) {
	s := openTemp(t)
	c := mustCreateCase(t, s, fullCase(savePupil(t, s, pupilZoe()))) // active
	before := rowCounts(t, s)
	_, err := s.Erase(ctx, EraseTarget{Case: c.ID}, "  ", d("2026-11-23"))
	wantErr(t, err, ErrNotDue, "case 1 is not past its retention period (kept until 02/04/2038): nothing was erased", "--reason")
	_, err = s.Erase(ctx, EraseTarget{Pupil: c.Pupil.ID}, "", d("2026-11-23"))
	wantErr(t, err, ErrNotDue, "pupil 1 is not past its retention period")
	same(t, "rows after the refusals", rowCounts(t, s), before)
	_, err = s.Erase(ctx, EraseTarget{Case: 99}, "a reason", d("2026-11-23"))
	wantErr(t, err, ErrNotFound, "there is no case 99")
	_, err = s.Erase(ctx, EraseTarget{Pupil: 99}, "a reason", d("2026-11-23"))
	wantErr(t, err, ErrNotFound, "there is no pupil 99")

	e, err := s.Erase(ctx, EraseTarget{Case: c.ID}, "Recorded against the wrong pupil", d("2026-11-23"))
	if err != nil || e.PastRetention || e.Reason != "Recorded against the wrong pupil" {
		t.Fatalf("erase with a reason: %+v %v", e, err)
	}
	trail, _ := s.Audit(ctx, "case", c.ID)
	if last := trail[len(trail)-1]; !strings.Contains(string(last.After), `"reason":"Recorded against the wrong pupil"`) {
		t.Errorf("the tombstone does not say why: %s", last.After)
	}
}

// Erasing a pupil takes every case of theirs, their plans recorded
// elsewhere and every audit body about them; a subject access request for
// them then says when and why they were erased.
func TestErasePupil(t *testing.T) {
	s := openTemp(t)
	p, c := erasable(t, s)
	second := closedCase(p, "2006-07-14")
	second.NamedPerson = "Mr " + secret
	second = mustCreateCase(t, s, second)
	if _, err := s.ImportCaseFile(ctx, model.CaseFile{Pupil: p, Case: closedCase(p, "2007-07-13"),
		History: []model.PastCase{{Kind: model.ReducedTimetable, Start: d("2004-01-05")}}}); err != nil {
		t.Fatal(err)
	}
	keep := savePupil(t, s, pupilZoe())
	e, err := s.Erase(ctx, EraseTarget{Pupil: p.ID}, "", d("2026-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Cases) != 3 || e.Removed["pupils"] != 1 || e.Removed["plans recorded elsewhere"] != 1 || e.AuditEmptied < 6 {
		t.Errorf("erasure: %+v", e)
	}
	for _, table := range []string{"cases", "past_cases"} {
		if n := count(t, s, table); n != 0 {
			t.Errorf("%d %s rows left", n, table)
		}
	}
	if _, err := s.Pupil(ctx, keep.ID); err != nil {
		t.Errorf("another pupil went too: %v", err)
	}
	_, err = s.SubjectAccess(ctx, p.ID)
	wantErr(t, err, ErrErased, "pupil 1 was erased on 02/11/2026 by r.khan (past the retention period): nothing about them is held")
	trail, _ := s.Audit(ctx, "pupil", p.ID)
	for _, entry := range trail[:len(trail)-1] {
		if string(entry.Before) != "null" || string(entry.After) != "null" {
			t.Errorf("pupil entry %d (%s) keeps its bodies", entry.ID, entry.Action)
		}
	}
	s.Close()
	s = openAt(t, s.Path())
	for _, text := range []string{secret, "D123456789014"} {
		wantGoneFromTheFile(t, s, text)
	}
	if _, _, err := s.Case(ctx, c.ID); err == nil {
		t.Error("a case of the erased pupil is still there")
	}
}

// The audit log's bodies may be emptied, once, by an erase; nothing else
// in it changes, a tombstone is never emptied, and nothing is deleted.
func TestAuditChangesOnlyByErasure(t *testing.T) {
	s := openTemp(t)
	_, c := erasable(t, s)
	if _, err := s.Erase(ctx, EraseTarget{Case: c.ID}, "", d("2026-11-23")); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		"UPDATE audit SET user = 'someone else' WHERE action = 'create'",
		"UPDATE audit SET before = NULL, after = NULL WHERE action = 'erase'",
		"UPDATE audit SET before = NULL, after = NULL, at = '2020-01-01T00:00:00.000Z' WHERE entity = 'pupil'",
		"DELETE FROM audit WHERE after IS NULL",
	} {
		_, err := s.writer.ExecContext(ctx, stmt)
		wantErr(t, err, nil, "the audit log is append-only")
	}
}

// A pupil with no case (imported from the MIS, never used) is listed a
// year after the last change to their record, never before; a pupil with
// a case is not listed as a pupil.
func TestRetentionListsPupilsWithNoCase(t *testing.T) {
	s := openTemp(t) // the clock is 02/11/2026 08:30 UTC
	unused := savePupil(t, s, model.Pupil{Name: "Amir Khan", DateOfBirth: d("2012-06-01"), YearGroup: "Y9"})
	mustCreateCase(t, s, fullCase(savePupil(t, s, pupilZoe())))
	for _, tt := range []struct {
		on     string
		listed bool
	}{{"2027-11-01", false}, {"2027-11-02", true}} {
		got, err := s.RetentionDue(ctx, d(tt.on))
		if err != nil {
			t.Fatal(err)
		}
		if !tt.listed {
			if len(got) != 0 {
				t.Errorf("on %s: listed %+v", tt.on, got)
			}
			continue
		}
		if len(got) != 1 || !got[0].IsPupil() || got[0].Pupil.ID != unused.ID ||
			got[0].LastChange != d("2026-11-02") || got[0].KeepUntil != d("2027-11-02") {
			t.Errorf("on %s: %+v", tt.on, got)
		}
	}
	// Erasing the listed pupil needs no reason then, and takes them off.
	if _, err := s.Erase(ctx, EraseTarget{Pupil: unused.ID}, "", d("2027-11-02")); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.RetentionDue(ctx, d("2030-01-01")); len(got) != 0 {
		t.Errorf("after the erase: %+v", got)
	}
}

// The subject access copy of a pupil shows each case of theirs that was
// erased: its tombstone, with when, who and why.
func TestSubjectAccessShowsErasures(t *testing.T) {
	s := openTemp(t)
	p, c := erasable(t, s)
	kept := mustCreateCase(t, s, closedCase(p, "2008-07-11"))
	if _, err := s.Erase(ctx, EraseTarget{Case: c.ID}, "the family asked", d("2026-11-23")); err != nil {
		t.Fatal(err)
	}
	sa, err := s.SubjectAccess(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(sa.Cases) != 1 || sa.Cases[0].ID != kept.ID {
		t.Errorf("cases in the copy: %+v", sa.Cases)
	}
	var found bool
	for _, entry := range sa.Audit {
		if entry.Entity == "case" && entry.EntityID == c.ID && entry.Action == "erase" {
			var tomb Erasure
			found = json.Unmarshal(entry.After, &tomb) == nil && tomb.Reason == "the family asked"
		}
	}
	if !found {
		t.Errorf("the copy does not show the erasure: %+v", sa.Audit)
	}
}
