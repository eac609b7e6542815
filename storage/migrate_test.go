package storage

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"reintegrate/model"
)

// frozen builds a database file from a frozen old schema in testdata.
func frozen(t *testing.T, version int) string {
	t.Helper()
	script, err := os.ReadFile(fmt.Sprintf("testdata/schema-v%d.sql", version))
	if err != nil {
		t.Fatalf("no frozen copy of schema %d: %v (freeze every shipped schema with data in testdata)", version, err)
	}
	path := filepath.Join(t.TempDir(), fmt.Sprintf("v%d.db", version))
	buildDB(t, path, string(script))
	return path
}

func buildDB(t *testing.T, path string, scripts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", fileURI(path, "_pragma=foreign_keys(1)"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, script := range scripts {
		if _, err := db.ExecContext(ctx, script); err != nil {
			t.Fatalf("build %s: %v", path, err)
		}
	}
}

// upgradeChecks say what must survive the upgrade of each frozen schema's data.
var upgradeChecks = map[int]func(t *testing.T, s *Store){
	1: checkSchema1Data,
	2: checkSchema2Data, // upgrade_v2_test.go
	3: checkSchema3Data, // upgrade_v3_test.go
	4: checkSchema4Data, // upgrade_v4_test.go
	5: checkSchema5Data, // upgrade_v5_test.go
	6: checkSchema6Data, // upgrade_v6_test.go
}

func TestUpgradeFromEveryOldSchema(t *testing.T) {
	for v := 1; v < SchemaVersion(); v++ {
		t.Run(fmt.Sprintf("schema %d", v), func(t *testing.T) {
			s := openAt(t, frozen(t, v))
			if got, err := userVersion(ctx, s.reader); err != nil || got != SchemaVersion() {
				t.Fatalf("after upgrade user_version = %d (%v), want %d", got, err, SchemaVersion())
			}
			check, ok := upgradeChecks[v]
			if !ok {
				t.Fatalf("no upgradeChecks entry for schema %d", v)
			}
			check(t, s)
		})
	}
}

func checkSchema1Data(t *testing.T, s *Store) {
	school, err := s.School(ctx)
	if err != nil || school.Name != "St Aidan's Academy" || school.Sessions.AM != 165 || len(school.Closures) != 1 ||
		!slices.Equal(school.Packs.On, []model.Pack{model.National, model.BWMAT}) {
		t.Errorf("school after upgrade: %+v %v", school, err)
	}
	pupils, err := s.Pupils(ctx)
	if err != nil || len(pupils) != 3 || pupils[0].Name != "Łukasz Wiśniewski" || pupils[2].Name != "Zoë Ó Briain" {
		t.Errorf("pupils after upgrade: %+v %v", pupils, err)
	}
	c, version, err := s.Case(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if version != 3 || c.Pupil.Name != "Zoë Ó Briain" || len(c.Involvement) != 1 || len(c.Notifications) != 1 ||
		len(c.Extensions) != 1 || len(c.Reviews) != 1 || c.Forms[0].Fields["objectives"] != "Full days by December" {
		t.Errorf("case 1 after upgrade (version %d): %+v", version, c)
	}
	same(t, "partial session", c.Timetable[0].Days[0][model.AM], model.Session{Mode: model.InSchool, Minutes: 150, Partial: true})
	// Schema 2 worked out the effective end from the extension: the plan
	// still covers 16/12/2026, after its first planned end (002 s5.10).
	today, err := s.Today(ctx, d("2026-12-16"))
	if err != nil || len(today) != 1 || today[0].CaseID != 1 {
		t.Errorf("today 16/12/2026 after upgrade: %+v %v", today, err)
	}
	history, err := s.History(ctx, 1, 1)
	if err != nil || len(history) != 1 || history[0].Reasons[0] != model.Behaviour {
		t.Errorf("history after upgrade: %+v %v", history, err)
	}
	if v, err := s.SaveCase(ctx, c, version); err != nil || v != 4 {
		t.Errorf("save after upgrade: version %d, %v", v, err)
	}
}

// A shipped migration must never change: migration N applied to an empty
// file builds exactly the schema of the frozen copy of schema N.
func TestFrozenSchemasMatchMigrations(t *testing.T) {
	steps, err := schemaSteps()
	if err != nil {
		t.Fatal(err)
	}
	for v := 1; v < len(steps); v++ {
		fresh := filepath.Join(t.TempDir(), "fresh.db")
		buildDB(t, fresh, steps[:v]...)
		same(t, fmt.Sprintf("schema %d", v), schemaOf(t, fresh), schemaOf(t, frozen(t, v)))
	}
}

func schemaOf(t *testing.T, path string) []string {
	db, err := sql.Open("sqlite", fileURI(path, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		out = append(out, line)
	}
	if len(out) < 10 {
		t.Fatalf("schema of %s has only %d objects", path, len(out))
	}
	return out
}

func TestSchemaVersion(t *testing.T) {
	if got := SchemaVersion(); got != 7 {
		t.Errorf("SchemaVersion() = %d, want 7 (migrations 0001 to 0007)", got)
	}
	s := openTemp(t)
	if got, _ := userVersion(ctx, s.reader); got != SchemaVersion() {
		t.Errorf("new file at schema %d, want %d", got, SchemaVersion())
	}
}
