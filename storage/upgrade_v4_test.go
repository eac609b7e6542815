package storage

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"reintegrate/model"
)

// checkSchema4Data is what must survive the upgrade from schema 4: the
// closed plans' free-text outcomes become typed values with the text kept
// as the note (as model.OutcomeFromText reads them), the reviews gain
// their empty new parts, and everything schema 3 had is there.
func checkSchema4Data(t *testing.T, s *Store) {
	t.Helper()
	want := map[int64]struct {
		outcome model.Outcome
		note    string
	}{
		3: {model.Successful, ""},
		4: {model.Unsuccessful, "Back to the AP on 15/12"},
		5: {model.MovedProvision, ""},
		6: {model.Successful, "Returned full time to Uxbridge High; KS4 options kept."},
		7: {model.Unsuccessful, "Placement FAILED after three weeks"},
		8: {model.OtherOutcome, "Elective home education"},
		9: {model.NoOutcome, ""},
	}
	for id, w := range want {
		c, _, err := s.Case(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if c.Outcome != w.outcome || c.OutcomeNote != w.note {
			t.Errorf("case %d after upgrade: outcome %q, note %q; want %q, %q", id, c.Outcome, c.OutcomeNote, w.outcome, w.note)
		}
	}
	c, _, err := s.Case(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if r := c.Reviews[0]; r.Notes != "Going well" || r.Attended != nil || !r.Counts() || r.Decisions != "" {
		t.Errorf("case 1's review after upgrade: %+v", r)
	}
	checkSchema3Data(t, s)
}

// The migration's SQL reads free-text outcomes as model.OutcomeFromText
// does: every text here, through both, comes out the same.
func TestOutcomeMigrationAgreesWithTheModel(t *testing.T) {
	texts := []string{"", "  ", "successful", "UNSUCCESSFUL", "Other", "moved_provision",
		"Successful: back in full-time education", "Successful: back in full-time education. Settled well",
		"Unsuccessful: the plan did not lead to full-time education", "Unsuccessful: the plan did not lead to full-time education.  Back to AP",
		"Ended early: the pupil left the school", "Ended early: the pupil left the school. Moved to Leeds",
		"Returned full time to Uxbridge High", "not successful", "Failed", "Back in full-time education",
		"Transferred to St Mary's", "moved out of county", "Went to another school", "Another provision found",
		"Elective home education", "Zoë's family asked to stop", "successful\n", "\tUnsuccessful, sadly\n",
		"successful: back in full-time education", "Moved to another provision"}
	path := filepath.Join(t.TempDir(), "v4.db")
	steps, err := schemaSteps()
	if err != nil {
		t.Fatal(err)
	}
	buildDB(t, path, steps[:4]...)
	db, err := sql.Open("sqlite", fileURI(path, "_pragma=foreign_keys(1)"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	mustExec(t, db, `INSERT INTO pupils (id, name, year_group) VALUES (1, 'Zoë', 'Y8')`)
	for i, text := range texts {
		mustExec(t, db, `INSERT INTO cases (id, pupil_id, kind, status, outcome, created, updated)
			VALUES (?, 1, 'reduced_timetable', 'closed', ?, 'x', 'x')`, i+1, text)
	}
	mustExec(t, db, steps[4])
	for i, text := range texts {
		var outcome, note string
		if err := db.QueryRowContext(ctx, "SELECT outcome, outcome_note FROM cases WHERE id = ?", i+1).Scan(&outcome, &note); err != nil {
			t.Fatal(err)
		}
		wantOutcome, wantNote := model.OutcomeFromText(text)
		if model.Outcome(outcome) != wantOutcome || note != wantNote {
			t.Errorf("%q: the migration gives %q, %q; the model %q, %q", text, outcome, note, wantOutcome, wantNote)
		}
	}
}

func mustExec(t *testing.T, db *sql.DB, query string, args ...any) {
	t.Helper()
	if _, err := db.ExecContext(ctx, query, args...); err != nil {
		t.Fatalf("%s: %v", strings.Fields(query)[0], err)
	}
}
