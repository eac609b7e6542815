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
			// Only what changed is kept (not two whole copies).
			if string(e[1].Before) != `{"YearGroup":"Y8"}` || string(e[1].After) != `{"YearGroup":"Y9"}` {
				t.Errorf("pupil update before %s after %s", e[1].Before, e[1].After)
			}
			var created struct{ Name string }
			if unmarshal(t, e[0].After, &created); created.Name != "Zoë Ó Briain" {
				t.Errorf("pupil creation: %s", e[0].After)
			}
			if string(e[0].Before) != "null" {
				t.Errorf("a creation has a before: %s", e[0].Before)
			}
		}},
		{"case", c.ID, []string{"create", "update"}, func(t *testing.T, e []AuditEntry) {
			if string(e[1].Before) != `{"NamedPerson":"Ms R Khan"}` || string(e[1].After) != `{"NamedPerson":"Mr B Okafor"}` {
				t.Errorf("case update before %s after %s", e[1].Before, e[1].After)
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

// A change keeps only what changed: a notification added to a case whose
// notes are long does not copy the notes. Rows written before schema 6,
// with two whole copies, read the same way.
func TestAuditKeepsOnlyWhatChanged(t *testing.T) {
	s := openTemp(t)
	c := fullCase(savePupil(t, s, pupilZoe()))
	long := strings.Repeat("Zoë settled well; afternoons are harder. ", 480) // 20,000 characters
	c.Reviews[0].Notes, c.HomeLearning = long, long
	c = mustCreateCase(t, s, c)
	rows := count(t, s, "audit")
	var before int64
	if err := s.writer.QueryRowContext(ctx, "SELECT sum(length(coalesce(before, '')) + length(coalesce(after, ''))) FROM audit").Scan(&before); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.UpdateCase(ctx, c.ID, func(c *model.Case) error {
		c.Notifications = append(c.Notifications, model.Notification{To: model.Governors, What: "start"})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var after int64
	if err := s.writer.QueryRowContext(ctx, "SELECT sum(length(coalesce(before, '')) + length(coalesce(after, ''))) FROM audit").Scan(&after); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, "audit"); n != rows+1 || after-before > 1000 {
		t.Errorf("one notification added %d audit rows and %d bytes of audit, want 1 row and under 1,000 bytes", n-rows, after-before)
	}
	entries, err := s.Audit(ctx, "case", c.ID)
	if err != nil {
		t.Fatal(err)
	}
	last := entries[len(entries)-1]
	var b, a map[string]json.RawMessage
	unmarshal(t, last.Before, &b)
	unmarshal(t, last.After, &a)
	if len(b) != 1 || len(a) != 1 || b["Notifications"] == nil || !strings.Contains(string(a["Notifications"]), `"To":"governors"`) {
		t.Errorf("the notification's audit: before %s after %s", last.Before, last.After)
	}

	// An old row with two whole copies reads as what changed.
	whole, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	edited := c
	edited.NamedPerson = "Mr B Okafor"
	wholeAfter, _ := json.Marshal(edited)
	if _, err := s.writer.ExecContext(ctx, `INSERT INTO audit (at, user, entity, entity_id, action, before, after)
		VALUES ('2026-11-20T09:00:00.000Z', 'r.khan', 'case', ?, 'update', ?, ?)`, c.ID, string(whole), string(wholeAfter)); err != nil {
		t.Fatal(err)
	}
	entries, err = s.Audit(ctx, "case", c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if old := entries[len(entries)-1]; string(old.Before) != `{"NamedPerson":"Ms R Khan"}` || string(old.After) != `{"NamedPerson":"Mr B Okafor"}` {
		t.Errorf("an old whole-copy row reads as before %.100s after %.100s", old.Before, old.After)
	}
}
