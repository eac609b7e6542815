package storage

import "testing"

// checkSchema5Data is what must survive the upgrade from schema 5: every
// pupil is there with no preferred name and no free school meals recorded
// (schema 6's new columns), both can then be saved, and everything schema 4
// had is there (the same data, migrated by 0005).
func checkSchema5Data(t *testing.T, s *Store) {
	t.Helper()
	checkSchema4Data(t, s)
	pupils, err := s.Pupils(ctx)
	if err != nil || len(pupils) != 3 {
		t.Fatalf("pupils after upgrade: %d, %v; want 3", len(pupils), err)
	}
	for _, p := range pupils {
		if p.PreferredName != "" || p.FreeSchoolMeals {
			t.Errorf("%s after upgrade: preferred %q, FSM %v", p.Name, p.PreferredName, p.FreeSchoolMeals)
		}
	}
	p, err := s.PupilByUPN(ctx, "A123456789012")
	if err != nil || p.Name != "Zoë Ó Briain" {
		t.Fatalf("Zoë after upgrade: %+v %v", p, err)
	}
	p.PreferredName, p.FreeSchoolMeals = "Zo", true
	if err := s.SavePupil(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Pupil(ctx, p.ID); got.PreferredName != "Zo" || !got.FreeSchoolMeals {
		t.Errorf("saved after upgrade: %+v", got)
	}
}
