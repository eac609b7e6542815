package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The daily lookup's budget (DESIGN.md, "Budgets"; issue 3): with 10,000
// pupils and 2,000 active cases, `reintegrate today` under 50 ms as a whole
// process, and within 2x of the sqlite3 command line running the
// equivalent query on the same file. These benchmarks measure both side by
// side:
//
//	go test ./cmd/reintegrate -run '^$' -bench . -count 5
//
// They build the binary and generate the data once per run, then warm the
// findings cache with one `today` (the morning's first run checks every
// case and caches the result; the budget is for the runs after it, which
// the first-run metric reports separately).
//
// The binary is built with profile-guided optimisation from default.pgo
// in this folder (go build uses it without being asked): a CPU profile of
// `today` in process, which is mostly the SQLite driver's own work. It
// took 2-3 ms off the whole process. Make it again after a change to what
// `today` does:
//
//	go test ./cmd/reintegrate -run '^$' -bench 'InProcess/today' -benchtime 200x -cpuprofile cmd/reintegrate/default.pgo -o /tmp/reintegrate.test

// benchFixture is a built binary and a generated database.
type benchFixture struct {
	bin, db, on string
}

func newBenchFixture(b *testing.B) benchFixture {
	b.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		b.Skip("the go tool is not on PATH: cannot build the binary to time")
	}
	dir := b.TempDir()
	f := benchFixture{bin: filepath.Join(dir, "reintegrate"), db: filepath.Join(dir, "bench.db"),
		on: time.Now().Format(time.DateOnly)} // generate dates its plans around the clock
	if out, err := exec.Command(goTool, "build", "-o", f.bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	f.mustRun(b, "generate", "--pupils", "10000", "--cases", "2000")
	return f
}

// command is the binary with the database and date flags. Its cache
// folder, where it records clean quick_checks, is the benchmark's own.
func (f benchFixture) command(args ...string) *exec.Cmd {
	cmd := exec.Command(f.bin, append([]string{"--db", f.db, "--on", f.on}, args...)...)
	cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+filepath.Join(filepath.Dir(f.db), "cache"))
	return cmd
}

func (f benchFixture) mustRun(b *testing.B, args ...string) string {
	b.Helper()
	out, err := f.command(args...).CombinedOutput()
	if err != nil {
		b.Fatalf("reintegrate %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// timing is one timed process: wall-clock time, and CPU time (user and
// system), which a machine shared with other work disturbs far less.
type timing struct{ wall, cpu time.Duration }

// timed runs cmd with its output going to the null device (as a terminal
// would take it, with no copying goroutine in between) and returns how
// long the whole process took.
func timed(b *testing.B, cmd *exec.Cmd) timing {
	b.Helper()
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer null.Close()
	cmd.Stdout, cmd.Stderr = null, null
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("%s: %v", strings.Join(cmd.Args, " "), err)
	}
	return timing{wall: time.Since(start), cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
}

// sqliteToday is what `today` reads, as the sqlite3 command line would ask
// it: the active cases whose plan covers the day, with pupil and the day's
// week, and the cached findings of those cases that are duties (due,
// overdue, or a blocker not met: the cache holds only outstanding ones). (`today` also
// reads the one-row school profile and its closures.)
const sqliteToday = `SELECT c.id, c.kind, p.id, p.name, p.dob, p.upn, p.year_group, p.flags, w.sessions
FROM cases c JOIN pupils p ON p.id = c.pupil_id
LEFT JOIN weeks w ON w.case_id = c.id AND w.week_beginning = date(:on, 'weekday 0', '-6 days')
WHERE c.status = 'active' AND (c.start IS NULL OR c.start <= :on)
AND (c.effective_end IS NULL OR c.effective_end >= :on)
ORDER BY p.name, c.id;
SELECT f.case_id, f.rule, f.pack, f.status, f.severity, f.due, f.message, f.source
FROM cases c JOIN findings_checked fc ON fc.case_id = c.id AND fc.on_date = :on AND fc.case_version = c.version
JOIN findings f ON f.case_id = c.id
WHERE c.status = 'active' AND (f.status IN ('due', 'overdue') OR f.severity = 'blocker')
ORDER BY f.case_id, f.position;`

// sqliteCommand runs sqliteToday through the sqlite3 command line.
func (f benchFixture) sqliteCommand(sqlite3 string) *exec.Cmd {
	// The date is ours (YYYY-MM-DD), so it goes into the text as a literal.
	return exec.Command(sqlite3, "-readonly", f.db, strings.ReplaceAll(sqliteToday, ":on", "'"+f.on+"'"))
}

// medians are the middle wall-clock and CPU times of the runs.
func medians(runs []timing) timing {
	var m timing
	for _, part := range []struct {
		to  *time.Duration
		get func(timing) time.Duration
	}{{&m.wall, func(r timing) time.Duration { return r.wall }}, {&m.cpu, func(r timing) time.Duration { return r.cpu }}} {
		ds := make([]time.Duration, len(runs))
		for i, r := range runs {
			ds[i] = part.get(r)
		}
		slices.Sort(ds)
		*part.to = ds[len(ds)/2]
	}
	return m
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// BenchmarkTodayProcess times `reintegrate today` as a whole process:
// ns/op, and the medians today-ms (wall clock) and today-cpu-ms (user and
// system time). When sqlite3 is installed it times the same lookup through
// it (sqlite3-ms, sqlite3-cpu-ms) and reports the ratios of the medians
// (x-sqlite3, x-sqlite3-cpu; the budget is 2 or less). first-run-ms is
// the morning's first run, which checks every case.
func BenchmarkTodayProcess(b *testing.B) {
	f := newBenchFixture(b)
	first := timed(b, f.command("today")) // checks every case, fills the cache
	if out := f.mustRun(b, "today"); !strings.Contains(out, "ON A PLAN TODAY (2000)") {
		b.Fatalf("today over the generated data does not list the 2,000 cases:\n%.500s", out)
	}
	sqlite3, _ := exec.LookPath("sqlite3")
	if sqlite3 == "" {
		b.Log("sqlite3 is not installed: timing reintegrate alone, without the ratio")
	} else if out, err := f.sqliteCommand(sqlite3).Output(); err != nil || bytes.Count(out, []byte("\n")) < 2000 {
		b.Fatalf("sqlite3 lookup: %v, %d lines", err, bytes.Count(out, []byte("\n")))
	}
	var ours, theirs []timing
	for b.Loop() {
		ours = append(ours, timed(b, f.command("today")))
		if sqlite3 != "" {
			b.StopTimer()
			theirs = append(theirs, timed(b, f.sqliteCommand(sqlite3)))
			b.StartTimer()
		}
	}
	us := medians(ours)
	b.ReportMetric(ms(first.wall), "first-run-ms")
	b.ReportMetric(ms(us.wall), "today-ms")
	b.ReportMetric(ms(us.cpu), "today-cpu-ms")
	if len(theirs) > 0 {
		them := medians(theirs)
		b.ReportMetric(ms(them.wall), "sqlite3-ms")
		b.ReportMetric(ms(them.cpu), "sqlite3-cpu-ms")
		b.ReportMetric(float64(us.wall)/float64(them.wall), "x-sqlite3")
		b.ReportMetric(float64(us.cpu)/float64(them.cpu), "x-sqlite3-cpu")
	}
}

// BenchmarkCasesProcess times `reintegrate cases` (2,000 active cases with
// this week's hours) as a whole process: cases-ms and cases-cpu-ms are the
// medians.
func BenchmarkCasesProcess(b *testing.B) {
	f := newBenchFixture(b)
	if out := f.mustRun(b, "cases"); strings.Count(out, "\n") != 2001 {
		b.Fatalf("cases over the generated data: %d lines, want a header and 2,000 rows", strings.Count(out, "\n"))
	}
	var runs []timing
	for b.Loop() {
		runs = append(runs, timed(b, f.command("cases")))
	}
	m := medians(runs)
	b.ReportMetric(ms(m.wall), "cases-ms")
	b.ReportMetric(ms(m.cpu), "cases-cpu-ms")
}

// BenchmarkInProcess is `today` and `cases` through run, without process
// start: the ones to profile (-cpuprofile) when a whole-process time is
// over budget.
func BenchmarkInProcess(b *testing.B) {
	db := filepath.Join(b.TempDir(), "bench.db")
	on := time.Now().Format(time.DateOnly)
	ctx := context.Background()
	for _, args := range [][]string{{"generate"}, {"today"}} {
		var stderr bytes.Buffer
		if code := run(ctx, append([]string{"--db", db, "--on", on}, args...), nil, io.Discard, &stderr); code != 0 {
			b.Fatalf("%s: exit %d: %s", args[0], code, stderr.String())
		}
	}
	for _, command := range []string{"today", "cases"} {
		b.Run(command, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if code := run(ctx, []string{"--db", db, "--on", on, command}, nil, io.Discard, io.Discard); code != 0 {
					b.Fatalf("%s: exit %d", command, code)
				}
			}
		})
	}
}
