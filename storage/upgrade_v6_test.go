package storage

import (
	"strings"
	"testing"
)

// checkSchema6Data is what must survive the upgrade from schema 6: audit
// entries written with two whole copies read as what changed; the audit
// log still refuses every change but an erasure's, which now works on the
// old entries; and retention finds the pupil who never had a case.
func checkSchema6Data(t *testing.T, s *Store) {
	t.Helper()
	trail, err := s.Audit(ctx, "case", 1)
	if err != nil || len(trail) != 2 {
		t.Fatalf("case 1's trail: %d entries, %v", len(trail), err)
	}
	if string(trail[1].Before) != `{"NamedPerson":"Ms R Khan"}` || string(trail[1].After) != `{"NamedPerson":"Mr B Okafor"}` {
		t.Errorf("an old whole-copy entry reads as %s -> %s", trail[1].Before, trail[1].After)
	}
	for _, stmt := range []string{"UPDATE audit SET user = 'x'", "DELETE FROM audit"} {
		_, err := s.writer.ExecContext(ctx, stmt)
		wantErr(t, err, nil, "the audit log is append-only")
	}
	due, err := s.RetentionDue(ctx, d("2026-11-30"))
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, r := range due {
		listed = append(listed, r.Pupil.Name)
	}
	// Nguyễn's case closed in 2014, born 1999: due 2024; Aaliyah, imported
	// on 01/09/2025 and never used: due 01/09/2026.
	if strings.Join(listed, ", ") != "Nguyễn Thị Minh Khai, Aaliyah Okonkwo-Smith" {
		t.Errorf("retention lists %v", listed)
	}
	for _, target := range []EraseTarget{{Case: 2}, {Pupil: 3}} {
		if _, err := s.Erase(ctx, target, "", d("2026-11-30")); err != nil {
			t.Fatalf("erase %s after the upgrade: %v", target, err)
		}
	}
	trail, _ = s.Audit(ctx, "case", 2)
	if len(trail) != 3 || string(trail[1].After) != "null" || trail[2].Action != "erase" {
		t.Errorf("case 2's trail after erasing it: %+v", trail)
	}
	if c, _, err := s.Case(ctx, 1); err != nil || c.NamedPerson != "Mr B Okafor" {
		t.Errorf("case 1 after the upgrade: %v", err)
	}
}
