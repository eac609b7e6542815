package storage

import (
	"encoding/json"
	"testing"

	"reintegrate/model"
)

// Subject access (issue 7 part 7): everything held about one child, none
// about another, and the audit log says a copy was made.
func TestSubjectAccessHoldsOnlyThePupilsRecord(t *testing.T) {
	s := openTemp(t)
	zoe := savePupil(t, s, pupilZoe())
	other := savePupil(t, s, model.Pupil{Name: "Łukasz Nowak", DateOfBirth: d("2012-01-09"), YearGroup: "Y9"})
	first := mustCreateCase(t, s, closedCase(zoe, "2025-07-10"))
	second := mustCreateCase(t, s, fullCase(zoe))
	notHers := mustCreateCase(t, s, fullCase(other))
	_, err := s.ImportCaseFile(ctx, model.CaseFile{Pupil: zoe,
		History: []model.PastCase{{Kind: model.APReintegration, Start: d("2024-01-08"), Closed: d("2024-03-01")}},
		Case:    closedCase(zoe, "2023-07-14")})
	if err != nil {
		t.Fatal(err)
	}

	sa, err := s.SubjectAccess(ctx, zoe.ID)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "pupil", sa.Pupil, zoe)
	var ids []int64
	for _, c := range sa.Cases {
		ids = append(ids, c.ID)
		if c.Pupil.ID != zoe.ID {
			t.Errorf("case %d is pupil %d's", c.ID, c.Pupil.ID)
		}
	}
	same(t, "cases", ids, []int64{first.ID, second.ID, notHers.ID + 1})
	same(t, "the full case's parts", sa.Cases[1].Case, second)
	same(t, "plans recorded elsewhere", sa.History,
		[]model.PastCase{{Kind: model.APReintegration, Start: d("2024-01-08"), Closed: d("2024-03-01")}})
	entities := map[string]bool{}
	for _, e := range sa.Audit {
		entities[e.Entity] = true
		mine := (e.Entity == "pupil" && e.EntityID == zoe.ID) ||
			(e.Entity == "case" && e.EntityID != notHers.ID)
		if !mine {
			t.Errorf("audit entry %d (%s %d) is not about %s", e.ID, e.Entity, e.EntityID, zoe.Name)
		}
	}
	if !entities["pupil"] || !entities["case"] {
		t.Errorf("audit trail has %v, want the pupil's and the cases' entries", entities)
	}
}

func TestRecordSubjectAccessWritesAnAuditEntry(t *testing.T) {
	s := openTemp(t)
	zoe := savePupil(t, s, pupilZoe())
	made := SubjectAccessMade{Format: "pdf", Cases: 2, File: "/home/rk/zoe.pdf.age", Encrypted: true}
	if err := s.RecordSubjectAccess(ctx, zoe.ID, made); err != nil {
		t.Fatal(err)
	}
	trail, err := s.Audit(ctx, "pupil", zoe.ID)
	if err != nil {
		t.Fatal(err)
	}
	last := trail[len(trail)-1]
	var got SubjectAccessMade
	if err := json.Unmarshal(last.After, &got); err != nil {
		t.Fatal(err)
	}
	if last.Action != "subject-access" || last.User != "r.khan" || got != made {
		t.Errorf("last entry %s by %s with %+v, want subject-access by r.khan with %+v", last.Action, last.User, got, made)
	}
	err = s.RecordSubjectAccess(ctx, zoe.ID+1, made)
	wantErr(t, err, ErrNotFound, "no pupil")
	if _, err := s.SubjectAccess(ctx, zoe.ID+1); err == nil {
		t.Error("SubjectAccess of a pupil not on roll: no error")
	}
}
