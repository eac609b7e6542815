//go:build unix

package main

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"reintegrate/storage"
)

// The kill -9 campaign for the commands that change the record: notify
// recording a notification, erase of a case and of a pupil, import of a
// case file and of a pupils CSV, today caching its findings, and export
// --pupil recording the copy it made. Each run starts one as a child, kills
// it with SIGKILL at a random moment of its usual run, then checks the
// file: it passes SQLite's integrity_check (else "corrupt"); the change is
// there whole or not at all (else "half"); a change the command reported
// done (exit 0) is there (else "lost"). At the end every change reported
// done in the campaign is looked for again. The figures are logged.
//
// It runs 28 kills by default; the full campaign is
//
//	REINTEGRATE_KILL_RUNS=210 go test ./cmd/reintegrate -run TestKillWritesCampaign -v -timeout 30m
func TestKillWritesCampaign(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes for a while; not with -short")
	}
	runs := 28
	if n, err := strconv.Atoi(os.Getenv("REINTEGRATE_KILL_RUNS")); err == nil && n > 0 {
		runs = n
	}
	k := newWriteBench(t)
	tally := map[string]int{}
	for i := range runs {
		w := writeWorks[i%len(writeWorks)]
		tally["runs"]++
		tally["runs "+w.name]++
		finished, applied, problems := k.killOnce(t, w, i)
		switch {
		case finished:
			tally["finished before the kill"]++
		case applied:
			tally["killed after its change was saved"]++
		default:
			tally["killed before its change was saved"]++
		}
		for _, p := range problems {
			tally[strings.SplitN(p, ":", 2)[0]]++
			t.Errorf("run %d (%s): %s", i, w.name, p)
		}
	}
	db := k.open(t)
	defer db.Close()
	for _, recheck := range k.done {
		if p := recheck(db); p != "" {
			tally["lost"]++
			t.Errorf("at the end: %s", p)
		}
	}
	t.Logf("kill -9 campaign over writes: %s", writeTally(tally))
}

func writeTally(tally map[string]int) string {
	var parts []string
	for _, key := range []string{"runs", "finished before the kill", "killed after its change was saved",
		"killed before its change was saved", "corrupt", "half", "lost"} {
		parts = append(parts, fmt.Sprintf("%s %d", key, tally[key]))
	}
	for _, w := range writeWorks {
		parts = append(parts, fmt.Sprintf("%s %d", w.name, tally["runs "+w.name]))
	}
	return strings.Join(parts, ", ")
}

// writeWork is one command to kill. args makes its arguments for run i;
// applied looks in the file for its change: whether it is there, and a
// problem if it is there only in part.
type writeWork struct {
	name    string
	args    func(k *writeBench, t *testing.T, i int) []string
	applied func(k *writeBench, db *sql.DB, i int) (bool, string)
}

var writeWorks = []writeWork{
	{"notify", func(k *writeBench, _ *testing.T, i int) []string {
		return []string{"--on=2026-11-20", "notify", strconv.FormatInt(k.cases[0], 10), "--to", "governors", "--what", "start", "--by", killMark(i)}
	}, func(k *writeBench, db *sql.DB, i int) (bool, string) {
		rows := k.count(db, "SELECT count(*) FROM notifications WHERE sent_by = ?", killMark(i))
		mark := "%" + killMark(i) + "%" // the entry that added it: in its after, not its before
		audit := k.count(db, "SELECT count(*) FROM audit WHERE entity = 'case' AND after LIKE ? AND before NOT LIKE ?", mark, mark)
		return rows == 1, halfIf(rows != audit || rows > 1, "%d notifications and %d audit entries", rows, audit)
	}},
	{"erase --case", func(k *writeBench, t *testing.T, i int) []string {
		id := k.take(&k.cases, i)
		k.bodies[i] = k.auditBodies(t, "case", id)
		return []string{"erase", "--case", strconv.FormatInt(id, 10), "--reason", killMark(i), "--yes"}
	}, func(k *writeBench, db *sql.DB, i int) (bool, string) {
		id := k.target[i]
		left := k.count(db, "SELECT count(*) FROM cases WHERE id = ?", id)
		parts := k.count(db, "SELECT count(*) FROM weeks WHERE case_id = ?", id)
		tomb := k.count(db, "SELECT count(*) FROM audit WHERE entity = 'case' AND entity_id = ? AND action = 'erase'", id)
		bodies := k.count(db, bodiesQuery, "case", id)
		gone := left == 0 && parts == 0 && tomb == 1 && bodies == 0
		kept := left == 1 && parts > 0 && tomb == 0 && bodies == k.bodies[i]
		return gone, halfIf(!gone && !kept, "case rows %d, weeks %d, tombstones %d, audit bodies %d", left, parts, tomb, bodies)
	}},
	{"erase --pupil", func(k *writeBench, t *testing.T, i int) []string {
		id := k.take(&k.pupils, i)
		k.bodies[i] = k.auditBodies(t, "pupil", id)
		return []string{"erase", "--pupil", strconv.FormatInt(id, 10), "--reason", killMark(i), "--yes"}
	}, func(k *writeBench, db *sql.DB, i int) (bool, string) {
		id := k.target[i]
		left := k.count(db, "SELECT count(*) FROM pupils WHERE id = ?", id)
		tomb := k.count(db, "SELECT count(*) FROM audit WHERE entity = 'pupil' AND entity_id = ? AND action = 'erase'", id)
		bodies := k.count(db, bodiesQuery, "pupil", id)
		gone := left == 0 && tomb == 1 && bodies == 0
		kept := left == 1 && tomb == 0 && bodies == k.bodies[i]
		return gone, halfIf(!gone && !kept, "pupil rows %d, tombstones %d, audit bodies %d", left, tomb, bodies)
	}},
	{"import case file", func(k *writeBench, t *testing.T, i int) []string {
		return []string{"import", caseFile(t, func(doc map[string]any) {
			p := pupilOf(doc)
			p["name"], p["upn"] = killMark(i), nil
		})}
	}, func(k *writeBench, db *sql.DB, i int) (bool, string) {
		pupils := k.count(db, "SELECT count(*) FROM pupils WHERE name = ?", killMark(i))
		cases := k.count(db, "SELECT count(*) FROM cases c JOIN pupils p ON p.id = c.pupil_id WHERE p.name = ?", killMark(i))
		weeks := k.count(db, "SELECT count(*) FROM weeks w JOIN cases c ON c.id = w.case_id JOIN pupils p ON p.id = c.pupil_id WHERE p.name = ?", killMark(i))
		audit := k.count(db, "SELECT count(*) FROM audit WHERE after LIKE ?", "%"+killMark(i)+"%")
		whole := pupils == 1 && cases == 1 && weeks == 1 && audit >= 2
		none := pupils == 0 && cases == 0 && audit == 0
		return whole, halfIf(!whole && !none, "pupils %d, cases %d, weeks %d, audit entries %d", pupils, cases, weeks, audit)
	}},
	{"import pupils CSV", func(k *writeBench, t *testing.T, i int) []string {
		var b strings.Builder
		b.WriteString("Name,Date of birth,Year group\n")
		for j := range 40 {
			fmt.Fprintf(&b, "%s %02d,02/03/2012,Y9\n", killMark(i), j)
		}
		path := filepath.Join(t.TempDir(), "pupils.csv")
		if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
			t.Fatal(err)
		}
		return []string{"import", path}
	}, func(k *writeBench, db *sql.DB, i int) (bool, string) {
		n := k.count(db, "SELECT count(*) FROM pupils WHERE name LIKE ?", killMark(i)+" %")
		audit := k.count(db, "SELECT count(*) FROM audit WHERE entity = 'pupil' AND after LIKE ?", "%"+killMark(i)+" %")
		return n == 40, halfIf((n != 0 && n != 40) || n != audit, "%d of 40 pupils, %d audit entries", n, audit)
	}},
	{"today (findings cache)", func(k *writeBench, _ *testing.T, i int) []string {
		return []string{"--on=" + cacheDate(i), "today"}
	}, func(k *writeBench, db *sql.DB, i int) (bool, string) {
		cached := k.count(db, "SELECT count(*) FROM findings_checked WHERE on_date = ?", cacheDate(i))
		active := k.count(db, "SELECT count(*) FROM cases WHERE status = 'active'")
		orphans := k.count(db, "SELECT count(*) FROM findings f WHERE NOT EXISTS (SELECT 1 FROM findings_checked c WHERE c.case_id = f.case_id)")
		return cached == active, halfIf((cached != 0 && cached != active) || orphans != 0, "%d of %d cases cached, %d findings with no case", cached, active, orphans)
	}},
	{"export --pupil", func(k *writeBench, t *testing.T, i int) []string {
		return []string{"export", "--pupil", strconv.FormatInt(k.take(&k.sarPupils, i), 10), "--format", "json", "-o", filepath.Join(t.TempDir(), "sar.json")}
	}, func(k *writeBench, db *sql.DB, i int) (bool, string) {
		n := k.count(db, "SELECT count(*) FROM audit WHERE entity = 'pupil' AND entity_id = ? AND action = 'subject-access'", k.target[i])
		return n == 1, halfIf(n > 1, "%d copies recorded", n)
	}},
}

func killMark(i int) string { return fmt.Sprintf("Kill Run %03d", i) }

// cacheDate is a school day no run before looked at, so today works the
// findings out afresh and caches them.
func cacheDate(i int) string {
	d := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 7*(i/7)+i%5)
	return d.Format("2006-01-02")
}

func halfIf(half bool, format string, a ...any) string {
	if !half {
		return ""
	}
	return "half: " + fmt.Sprintf(format, a...)
}

// writeBench is the database the campaign works on.
type writeBench struct {
	dir, db string
	// Targets, each taken by one run (take), from the end: active cases to
	// erase (the first, which notify writes to, is never taken), pupils
	// with no case to erase, pupils to make a subject access copy of.
	cases, pupils, sarPupils []int64
	target                   map[int]int64 // run: what it was given
	bodies                   map[int]int   // run: audit entries with bodies about its target, before it
	took                     map[string]time.Duration
	done                     []func(*sql.DB) string // each change reported done, to look for at the end
}

func newWriteBench(t *testing.T) *writeBench {
	t.Helper()
	dir := t.TempDir()
	k := &writeBench{dir: dir, db: filepath.Join(dir, "school.db"), took: map[string]time.Duration{},
		target: map[int]int64{}, bodies: map[int]int{}}
	k.mustRun(t, "--on=2026-11-20", "generate", "--pupils", "400", "--cases", "160")
	// Pupils to make subject access copies of, from the MIS: the
	// generated ones' made-up UPNs have no check letter a case file takes.
	var csv strings.Builder
	csv.WriteString("Name,Date of birth,Year group\n")
	for j := range 60 {
		fmt.Fprintf(&csv, "Subject Access %02d,02/03/2012,Y9\n", j)
	}
	pupils := filepath.Join(dir, "sar.csv")
	if err := os.WriteFile(pupils, []byte(csv.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	k.mustRun(t, "import", pupils)
	db := k.open(t)
	k.cases = k.ids(t, db, "SELECT id FROM cases WHERE status = 'active' ORDER BY id")
	k.pupils = k.ids(t, db, "SELECT id FROM pupils p WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.pupil_id = p.id) AND name NOT LIKE 'Subject Access %' ORDER BY id")
	k.sarPupils = k.ids(t, db, "SELECT id FROM pupils WHERE name LIKE 'Subject Access %' ORDER BY id")
	db.Close()
	for i, w := range writeWorks { // how long each takes unkilled, on targets of its own
		start := time.Now()
		k.mustRun(t, w.args(k, t, -1-i)...)
		k.took[w.name] = time.Since(start)
	}
	t.Logf("unkilled: %v", k.took)
	return k
}

// take gives run i the last target left in the list, and remembers it.
func (k *writeBench) take(list *[]int64, i int) int64 {
	l := *list
	id := l[len(l)-1]
	*list = l[:len(l)-1]
	k.target[i] = id
	return id
}

func (k *writeBench) mustRun(t *testing.T, args ...string) {
	t.Helper()
	cmd := cliChild(filepath.Join(k.dir, "setup"), nil, append([]string{"--db=" + k.db}, args...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("reintegrate %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func (k *writeBench) open(t *testing.T) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+k.db+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func (k *writeBench) ids(t *testing.T, db *sql.DB, query string, args ...any) []int64 {
	t.Helper()
	rows, err := db.Query(query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		out = append(out, id)
	}
	if len(out) == 0 {
		t.Fatalf("nothing from %s", query)
	}
	return out
}

// bodiesQuery counts the audit entries about an entity that keep a body.
const bodiesQuery = "SELECT count(*) FROM audit WHERE entity = ? AND entity_id = ? AND action <> 'erase' AND after IS NOT NULL"

func (k *writeBench) auditBodies(t *testing.T, entity string, id int64) int {
	db := k.open(t)
	defer db.Close()
	return k.count(db, bodiesQuery, entity, id)
}

func (k *writeBench) count(db *sql.DB, query string, args ...any) int {
	var n int
	if err := db.QueryRow(query, args...).Scan(&n); err != nil {
		return -1
	}
	return n
}

// killOnce runs one command, kills it at a random moment of its usual run,
// and checks the file.
func (k *writeBench) killOnce(t *testing.T, w writeWork, i int) (finished, applied bool, problems []string) {
	cmd := cliChild(filepath.Join(k.dir, fmt.Sprintf("run-%03d", i)), nil, append([]string{"--db=" + k.db}, w.args(k, t, i)...)...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Duration(rand.Int64N(int64(k.took[w.name])*6/5 + 1)))
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	finished = cmd.ProcessState.Exited()
	done := finished && cmd.ProcessState.ExitCode() == 0
	s, err := storage.Open(context.Background(), k.db, storage.Options{})
	if err != nil {
		return finished, false, []string{"corrupt: " + err.Error()}
	}
	s.Close()
	db := k.open(t)
	defer db.Close()
	var check string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		return finished, false, []string{fmt.Sprintf("corrupt: integrity_check says %q (%v)", check, err)}
	}
	applied, half := w.applied(k, db, i)
	if half != "" {
		problems = append(problems, half)
	}
	if done && !applied {
		problems = append(problems, "lost: the command said it was done, and its change is not there")
	}
	if done {
		k.done = append(k.done, func(db *sql.DB) string {
			// today's cache is cleared by later changes, as it should be.
			if ok, _ := w.applied(k, db, i); !ok && !strings.HasPrefix(w.name, "today") {
				return fmt.Sprintf("run %d (%s): its change is gone", i, w.name)
			}
			return ""
		})
	}
	return finished, applied, problems
}
