package storage

import (
	"bufio"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A schema upgrade cut off by SIGKILL (issue 7, part 4): the laptop's
// battery dies, or someone kills the program, while `reintegrate` upgrades
// a school's file. Each step runs in one transaction with the user_version
// it sets (migrate.go), so whatever the moment, the file afterwards passes
// integrity_check and is either the old schema with all its data, which
// the old binary can still use, or the new schema with all its data.
//
// The frozen schema 1 (testdata/schema-v1.sql) is padded with enough draft
// cases that the upgrade to schema 2, which rewrites every case, takes a
// good fraction of a second: time enough to kill the child in the middle.
// Half the kills come after a random delay; the other half the moment the
// upgrade's uncommitted pages start filling the write-ahead log, which is
// mid-transaction by construction. REINTEGRATE_LONG=1 runs 200 kills.

const migrateChildEnv = "REINTEGRATE_TEST_MIGRATE_DB"

// TestMigrateKillChild opens (and so upgrades) the file, saying when it
// starts and when the upgrade is done.
func TestMigrateKillChild(t *testing.T) {
	path := os.Getenv(migrateChildEnv)
	if path == "" {
		t.Skip("run as a child by TestMigrationKilledLeavesAUsableFile")
	}
	opt := testOptions()
	opt.SkipQuickCheck = true // the kill should land in the upgrade, not in the check before it
	fmt.Println("opening")
	s, err := Open(ctx, path, opt)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	s.Close()
	fmt.Println("opened")
	os.Exit(0)
}

// paddedSchema1 is a schema 1 file with the frozen data and n more draft
// cases for the third pupil, every other one extended.
func paddedSchema1(t *testing.T, n int) string {
	path := frozen(t, 1)
	buildDB(t, path, fmt.Sprintf(`
WITH RECURSIVE k(i) AS (SELECT 3 UNION ALL SELECT i + 1 FROM k WHERE i < %d)
INSERT INTO cases (id, pupil_id, kind, reasons, start, planned_end, status, named_person, home_learning,
	created, updated)
SELECT i, 3, 'reduced_timetable', 'mental_health', date('2020-01-06', '+' || (i %% 1500) || ' days'),
	date('2020-01-06', '+' || (i %% 1500 + 39) || ' days'), 'draft', 'Ms R Khan',
	'Work set weekly on the class page, marked by the form tutor', '2026-01-01T00:00:00.000Z',
	'2026-01-01T00:00:00.000Z' FROM k;
INSERT INTO extensions SELECT id, 0, start, date(planned_end, '+7 days'), 'anxiety', 1
	FROM cases WHERE id > 2 AND id %% 2 = 0;`, n+2))
	return path
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// rawDB opens a file as any SQLite program would, without the Store's
// upgrade: the old binary's view of it.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", fileURI(path, "_pragma=busy_timeout(5000)"))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func rawCounts(t *testing.T, db *sql.DB, tables []string) map[string]int {
	t.Helper()
	out := make(map[string]int)
	for _, table := range tables {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", table, err)
		}
		out[table] = n
	}
	return out
}

var schema1Tables = []string{"school", "closures", "pupils", "past_cases", "cases", "involvement",
	"notifications", "extensions", "reviews", "forms", "weeks", "audit"}

// upgradeChild runs the child on path and kills it: after delay, or (when
// delay is negative) as soon as the write-ahead log passes 256 KB. It says
// whether the kill came before the child finished, and the WAL's size then.
func upgradeChild(t *testing.T, path string, delay time.Duration) (killedEarly bool, wal int64, took time.Duration) {
	t.Helper()
	cmd := childProcess("TestMigrateKillChild", migrateChildEnv+"="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	if !lines.Scan() || lines.Text() != "opening" {
		t.Fatalf("child said %q", lines.Text())
	}
	start := time.Now()
	done := make(chan string, 1)
	go func() {
		lines.Scan()
		done <- lines.Text()
	}()
	walPath := path + "-wal"
	for finished := false; !finished; {
		select {
		case line := <-done:
			if line != "opened" {
				t.Fatalf("child said %q", line)
			}
			_ = cmd.Wait()
			return false, 0, time.Since(start)
		case <-time.After(time.Millisecond):
		}
		if info, err := os.Stat(walPath); err == nil {
			wal = info.Size()
		}
		finished = (delay < 0 && wal > 256<<10) || (delay >= 0 && time.Since(start) >= delay)
	}
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	select {
	case line := <-done:
		killedEarly = line != "opened"
	case <-time.After(5 * time.Second):
		t.Fatal("the killed child's output did not close")
	}
	return killedEarly, wal, time.Since(start)
}

// afterKill checks the file a killed upgrade left, and returns its schema
// version: 1 with the old schema and all its data, still writable as the old
// binary would write it, or the new schema with all its data. Either way the
// new binary then opens it, upgrades it if need be, and finds the data.
func afterKill(t *testing.T, path string, want map[string]int, oldSchema, newSchema []string) int {
	t.Helper()
	db := rawDB(t, path)
	defer db.Close()
	if problems, err := integrity(ctx, db, "integrity_check"); err != nil || problems != "" {
		t.Fatalf("integrity_check after the kill: %q %v", problems, err)
	}
	version, err := userVersion(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "rows after the kill", rawCounts(t, db, schema1Tables), want)
	switch version {
	case 1:
		same(t, "schema left at version 1", schemaOf(t, path), oldSchema)
		oldBinaryWrites(t, db)
	case 2, 3, 4, 5, 6, 7:
		// Each step commits on its own: a kill after step 2's commit leaves
		// schema 2 (migrations 1 and 2), after the last, the latest.
		wantSchema := newSchema
		if version < SchemaVersion() {
			steps, _ := schemaSteps()
			wantSchema = schemaOf(t, buildSteps(t, steps[:version]))
		}
		same(t, fmt.Sprintf("schema left at version %d", version), schemaOf(t, path), wantSchema)
		var unset int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM cases WHERE planned_end IS NOT NULL AND effective_end IS NULL").Scan(&unset); err != nil || unset != 0 {
			t.Errorf("%d upgraded cases have no effective end (%v)", unset, err)
		}
	default:
		t.Fatalf("user_version %d after the kill (a new migration? add its number above)", version)
	}
	db.Close()
	s := openAt(t, path)
	checkSchema1Data(t, s)
	s.Close()
	return version
}

// oldBinaryWrites does what a schema-1 reintegrate would: a pupil and its
// audit row in one transaction.
func oldBinaryWrites(t *testing.T, db *sql.DB) {
	t.Helper()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback() // leave the data as it was for the checks after
	for _, q := range []string{`INSERT INTO pupils (name, year_group) VALUES ('Freya Morgan', 'Y3')`,
		`INSERT INTO audit (at, user, entity, entity_id, action) VALUES ('2026-11-02T08:30:00.000Z', 'r.khan', 'pupil', last_insert_rowid(), 'create')`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			t.Fatalf("the old schema refuses a write: %v", err)
		}
	}
}

func TestMigrationKilledLeavesAUsableFile(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	kills, budget, padding := 6, 5*time.Second, 25000
	if longMode() {
		kills, budget, padding = 200, time.Hour, 40000
	}
	dir := t.TempDir()
	fixture := paddedSchema1(t, padding)
	fresh := filepath.Join(dir, "fresh.db")
	steps, _ := schemaSteps()
	buildDB(t, fresh, steps...)
	oldSchema, newSchema := schemaOf(t, fixture), schemaOf(t, fresh)
	db := rawDB(t, fixture)
	want := rawCounts(t, db, schema1Tables)
	db.Close()

	// How long the whole upgrade takes here, unkilled.
	calib := filepath.Join(dir, "calibrate.db")
	copyFile(t, fixture, calib)
	_, _, took := upgradeChild(t, calib, time.Hour)
	if v := afterKill(t, calib, want, oldSchema, newSchema); v != SchemaVersion() {
		t.Fatalf("an upgrade left alone ended at version %d", v)
	}

	tally := map[string]int{}
	start := time.Now()
	for i := 0; i < kills && (i < 2 || time.Since(start) < budget); i++ { // at least one kill of each kind
		path := filepath.Join(dir, fmt.Sprintf("kill-%d.db", i))
		copyFile(t, fixture, path)
		delay := time.Duration(rand.Int64N(int64(took) * 6 / 5))
		if i%2 == 1 {
			delay = -1 // the moment the upgrade's pages reach the log
		}
		early, wal, _ := upgradeChild(t, path, delay)
		version := afterKill(t, path, want, oldSchema, newSchema)
		switch {
		case !early:
			tally["finished before the kill"]++
		case version == 1 && wal > 0:
			tally["killed mid-upgrade, left at schema 1"]++
		case version == 1:
			tally["killed before the upgrade wrote, left at schema 1"]++
		default:
			tally[fmt.Sprintf("killed after an upgrade step committed, at schema %d", version)]++
		}
		os.Remove(path)
	}
	t.Logf("upgrade of %d cases took %v unkilled; kills: %v", want["cases"], took.Round(time.Millisecond), tally)
	if tally["killed mid-upgrade, left at schema 1"] == 0 {
		t.Errorf("no kill landed in the middle of the upgrade (%v): the test proved nothing; pad the file with more cases", tally)
	}
}

// buildSteps builds a file from the first migrations, as a binary that knew
// only those would have left it.
func buildSteps(t *testing.T, steps []string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), fmt.Sprintf("steps-%d.db", len(steps)))
	buildDB(t, path, steps...)
	return path
}
