package storage

import (
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"

	"reintegrate/model"
)

// Every change writes one audit row in its own transaction: who (the
// Options user), when (the clock), what, before and after (DESIGN.md,
// "Storage").
func TestEveryChangeIsAudited(t *testing.T) {
	s := openTemp(t)
	p := savePupil(t, s, pupilZoe())
	p.YearGroup = "Y9"
	savePupil(t, s, p)
	c := mustCreateCase(t, s, fullCase(p))
	c.NamedPerson = "Mr B Okafor"
	if _, err := s.SaveCase(ctx, c, 1); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSchool(ctx, model.DefaultSchool()); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		entity  string
		id      int64
		actions []string
		check   func(t *testing.T, entries []AuditEntry)
	}{
		{"pupil", p.ID, []string{"create", "update"}, func(t *testing.T, e []AuditEntry) {
			var before, after struct{ Name, YearGroup string }
			unmarshal(t, e[1].Before, &before)
			unmarshal(t, e[1].After, &after)
			if before.YearGroup != "Y8" || after.YearGroup != "Y9" || after.Name != "Zoë Ó Briain" {
				t.Errorf("pupil update before %+v after %+v", before, after)
			}
			if string(e[0].Before) != "null" {
				t.Errorf("a creation has a before: %s", e[0].Before)
			}
		}},
		{"case", c.ID, []string{"create", "update"}, func(t *testing.T, e []AuditEntry) {
			var before, after struct{ NamedPerson string }
			unmarshal(t, e[1].Before, &before)
			unmarshal(t, e[1].After, &after)
			if before.NamedPerson != "Ms R Khan" || after.NamedPerson != "Mr B Okafor" {
				t.Errorf("case update before %q after %q", before.NamedPerson, after.NamedPerson)
			}
			if !strings.Contains(string(e[0].After), `"Start":"2026-11-02"`) {
				t.Errorf("case JSON does not hold dates as YYYY-MM-DD: %.200s", e[0].After)
			}
		}},
		{"school", 1, []string{"update"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.entity, func(t *testing.T) {
			entries, err := s.Audit(ctx, tt.entity, tt.id)
			if err != nil {
				t.Fatal(err)
			}
			var actions []string
			for _, e := range entries {
				actions = append(actions, e.Action)
				if e.User != "r.khan" || !e.At.Equal(clock) || e.Entity != tt.entity || e.EntityID != tt.id {
					t.Errorf("entry %+v: want user r.khan at %s", e, clock)
				}
			}
			same(t, "actions", actions, tt.actions)
			if tt.check != nil && len(entries) == len(tt.actions) {
				tt.check(t, entries)
			}
		})
	}
}

func unmarshal(t *testing.T, raw json.RawMessage, v any) {
	t.Helper()
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("audit JSON %s: %v", raw, err)
	}
}

func TestAuditLogIsAppendOnly(t *testing.T) {
	s := openTemp(t)
	savePupil(t, s, pupilZoe())
	for _, stmt := range []string{"UPDATE audit SET user = 'someone else'", "DELETE FROM audit"} {
		_, err := s.writer.ExecContext(ctx, stmt)
		wantErr(t, err, nil, "the audit log is append-only")
	}
	if n := count(t, s, "audit"); n != 1 {
		t.Errorf("audit rows = %d, want the 1 still there", n)
	}
}

// The write helper refuses to commit a change that wrote no audit row.
func TestUnauditedChangeIsRefused(t *testing.T) {
	s := openTemp(t)
	err := s.write(ctx, func(c *change) error {
		_, err := c.ExecContext(ctx, "INSERT INTO pupils (name, year_group) VALUES ('Sneaky', 'Y7')")
		return err
	})
	if !errors.Is(err, errUnaudited) {
		t.Fatalf("unaudited write: %v, want errUnaudited", err)
	}
	if n := count(t, s, "pupils"); n != 0 {
		t.Errorf("the unaudited pupil was saved (%d rows)", n)
	}
}

// Two stores on one file (two laptops' processes, or two windows) and
// several goroutines each, all writing at once: BEGIN IMMEDIATE and the
// busy timeout queue them, and nothing is lost.
func TestConcurrentWritersLoseNothing(t *testing.T) {
	path := t.TempDir() + "/reintegrate.db"
	stores := []*Store{openAt(t, path), openAt(t, path)}
	const goroutines, each = 3, 15
	var wg sync.WaitGroup
	errs := make(chan error, len(stores)*goroutines*each)
	for si, s := range stores {
		for g := range goroutines {
			wg.Go(func() {
				for i := range each {
					p := model.Pupil{Name: "Pupil", YearGroup: model.YearGroups[(si+g+i)%len(model.YearGroups)]}
					if err := s.SavePupil(ctx, &p); err != nil {
						errs <- err
						continue
					}
					c := model.Case{Pupil: p, Kind: model.ReducedTimetable}
					if err := s.CreateCase(ctx, &c); err != nil {
						errs <- err
					}
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	want := len(stores) * goroutines * each
	for _, table := range []string{"pupils", "cases"} {
		if n := count(t, stores[1], table); n != want {
			t.Errorf("%s = %d, want %d", table, n, want)
		}
	}
	if n := count(t, stores[0], "audit"); n != 2*want {
		t.Errorf("audit rows = %d, want %d", n, 2*want)
	}
}
