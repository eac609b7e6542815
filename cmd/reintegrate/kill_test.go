//go:build unix

package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"filippo.io/age"

	"reintegrate/storage"
)

// The kill -9 campaign for the commands that write files: backup, backup
// --encrypt, restore (plain and encrypted), export and report, each killed
// at a random moment of its run. After every kill: the database opens and
// passes SQLite's check (else "corrupt"); it holds the cases it held before
// or, for a restore, the backup's (else "lost": a missing or empty database
// counts here); the target is absent, the file it replaced byte for byte,
// or a whole new file (else "cut short"); and, once the next start has
// swept, nothing half-written and no plain copy of the record is left in
// the temporary folder, the target's folder or the data folder ("leftover",
// "plaintext"). The figures are logged.
//
// It runs 20 kills by default; the full campaign is
//
//	REINTEGRATE_KILL_RUNS=200 go test ./cmd/reintegrate -run TestKillCampaign -v -timeout 30m
func TestKillCampaign(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes for a while; not with -short")
	}
	runs := 20
	if n, err := strconv.Atoi(os.Getenv("REINTEGRATE_KILL_RUNS")); err == nil && n > 0 {
		runs = n
	}
	k := newKillBench(t)
	tally := map[string]int{}
	for i := 0; i < runs; i++ {
		w := killWorks[i%len(killWorks)]
		tally["runs"]++
		tally["runs "+w.name]++
		problems, finished := k.killOnce(t, w, i)
		if finished {
			tally["finished before the kill"]++
		}
		for _, problem := range problems {
			tally[problem]++
			t.Errorf("run %d (%s): %s", i, w.name, problem)
		}
	}
	t.Logf("kill -9 campaign: %s", tallyLine(tally))
}

func tallyLine(tally map[string]int) string {
	var parts []string
	for _, key := range []string{"runs", "finished before the kill", "corrupt", "lost", "cut short", "leftover", "plaintext"} {
		parts = append(parts, fmt.Sprintf("%s %d", key, tally[key]))
	}
	for _, w := range killWorks {
		parts = append(parts, fmt.Sprintf("%s %d", w.name, tally["runs "+w.name]))
	}
	return strings.Join(parts, ", ")
}

// killWork is one command to kill: args, the target it writes (relative
// to the run's folder), and whether the target is there before it runs.
type killWork struct {
	name      string
	args      []string
	target    string
	existing  bool
	restoring bool
}

var killWorks = []killWork{
	{name: "backup", args: []string{"backup", "@target"}, target: "out/backup.db"},
	{name: "backup --encrypt", args: []string{"backup", "--encrypt", "@target"}, target: "out/backup.db.age"},
	{name: "restore", args: []string{"restore", "@backup"}, restoring: true},
	{name: "restore encrypted", args: []string{"restore", "@sealed"}, restoring: true},
	{name: "export", args: []string{"export", "1", "--format", "pdf", "--force", "-o", "@target"}, target: "out/case.pdf", existing: true},
	{name: "report", args: []string{"report", "register", "--pdf", "--force", "-o", "@target"}, target: "out/register.pdf", existing: true},
}

// killBench is the database, its backups and the whole outputs to compare with.
type killBench struct {
	dir, db, backup, sealed string
	cases, backupCases      int
	whole                   map[string][]byte // target name: an uninterrupted run's file
	took                    map[string]time.Duration
}

func newKillBench(t *testing.T) *killBench {
	t.Helper()
	dir := t.TempDir()
	k := &killBench{dir: dir, db: filepath.Join(dir, "school", "school.db"), whole: map[string][]byte{}, took: map[string]time.Duration{}}
	os.MkdirAll(filepath.Dir(k.db), 0o700)
	k.mustRun(t, "generate", "--pupils", "300", "--cases", "60")
	k.backup, k.sealed = filepath.Join(dir, "b.db"), filepath.Join(dir, "b.db.age")
	k.mustRun(t, "backup", k.backup)
	k.mustRun(t, "backup", "--encrypt", k.sealed)
	k.backupCases = k.caseCount(t)
	k.mustRun(t, "import", fixture("good/design-example.json")) // so a restore changes the count
	k.cases = k.caseCount(t)
	for _, w := range killWorks { // how long each takes, and the whole files
		run := filepath.Join(dir, "calibrate-"+strings.ReplaceAll(w.name, " ", "-"))
		os.MkdirAll(filepath.Join(run, "out"), 0o700)
		start := time.Now()
		k.mustRun(t, k.args(w, run)...)
		k.took[w.name] = time.Since(start)
		if w.restoring {
			k.mustRun(t, "import", fixture("good/design-example.json"))
		} else if w.existing {
			k.whole[w.target], _ = os.ReadFile(filepath.Join(run, w.target))
		}
	}
	t.Logf("uninterrupted: %v", k.took)
	return k
}

func (k *killBench) args(w killWork, run string) []string {
	args := []string{"--db=" + k.db}
	for _, a := range w.args {
		switch a {
		case "@target":
			a = filepath.Join(run, w.target)
		case "@backup":
			a = k.backup
		case "@sealed":
			a = k.sealed
		}
		args = append(args, a)
	}
	return args
}

func (k *killBench) mustRun(t *testing.T, args ...string) string {
	t.Helper()
	cmd := cliChild(filepath.Join(k.dir, "setup"), []string{passphraseEnv + "=" + testPassphrase, killFastScryptEnv + "=1"},
		append([]string{"--db=" + k.db}, args...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("reintegrate %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (k *killBench) caseCount(t *testing.T) int {
	t.Helper()
	s, err := storage.Open(context.Background(), k.db, storage.Options{})
	if err != nil {
		t.Fatalf("open after a kill: %v", err)
	}
	defer s.Close()
	list, err := s.Cases(context.Background(), storage.CaseFilter{All: true})
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

// killOnce runs one command, kills it with SIGKILL at a random moment of
// its usual run, and returns the problems found and whether the command
// had finished before the kill.
func (k *killBench) killOnce(t *testing.T, w killWork, i int) ([]string, bool) {
	run := filepath.Join(k.dir, fmt.Sprintf("run-%03d", i))
	os.MkdirAll(filepath.Join(run, "out"), 0o700)
	target := filepath.Join(run, w.target)
	var old []byte
	if w.existing {
		old = []byte("the file from last time\n")
		os.WriteFile(target, old, 0o600)
	}
	before := k.cases
	cmd := cliChild(run, []string{passphraseEnv + "=" + testPassphrase, killFastScryptEnv + "=1"}, k.args(w, run)...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Duration(rand.Int64N(int64(k.took[w.name]) + 1)))
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	finished := cmd.ProcessState.Exited()
	var problems []string
	problems = append(problems, k.checkDatabase(w, before)...)
	if !w.restoring {
		problems = append(problems, k.checkTarget(w, target, old)...)
	}
	// The next start sweeps what the killed run left.
	next := cliChild(run, nil, "--db="+k.db, "version")
	next.Run()
	sweep := cliChild(run, nil, "--db="+k.db, "cases")
	sweep.Run()
	problems = append(problems, k.checkLeftovers(t, run, w)...)
	return problems, finished
}

// checkDatabase: it opens, passes the check, and holds the cases it held
// or (a restore) the backup's; k.cases follows a restore that finished.
func (k *killBench) checkDatabase(w killWork, before int) []string {
	s, err := storage.Open(context.Background(), k.db, storage.Options{})
	if err != nil {
		return []string{"corrupt: " + err.Error()}
	}
	defer s.Close()
	list, err := s.Cases(context.Background(), storage.CaseFilter{All: true})
	if err != nil {
		return []string{"corrupt: " + err.Error()}
	}
	switch n := len(list); {
	case n == before:
	case w.restoring && n == k.backupCases:
		k.cases = n
	default:
		return []string{fmt.Sprintf("lost: %d cases, want %d (or the backup's %d)", n, before, k.backupCases)}
	}
	if w.restoring && k.cases == k.backupCases {
		// Add the case back, so the next restore changes something.
		s.Close()
		cmd := cliChild(filepath.Join(k.dir, "setup"), nil, "--db="+k.db, "import", fixture("good/design-example.json"))
		if out, err := cmd.CombinedOutput(); err != nil {
			return []string{fmt.Sprintf("lost: import after a restore: %v %s", err, out)}
		}
		k.cases = k.backupCases + 1
	}
	return nil
}

// checkTarget: no file, the old file as it was, or a whole new one (the
// same bytes as an uninterrupted run; a backup that opens and passes the
// check; an encrypted one that decrypts whole to such a backup).
func (k *killBench) checkTarget(w killWork, target string, old []byte) []string {
	got, err := os.ReadFile(target)
	switch {
	case err != nil && !w.existing:
		return nil
	case err != nil:
		return []string{"lost: the file that was there is gone: " + err.Error()}
	case w.existing && (bytes.Equal(got, old) || bytes.Equal(got, k.whole[w.target])):
		return nil
	case w.existing:
		return []string{fmt.Sprintf("cut short: %s holds %d bytes, neither the old %d nor the whole %d", w.target, len(got), len(old), len(k.whole[w.target]))}
	}
	if isEncrypted(got) {
		id, _ := age.NewScryptIdentity(testPassphrase)
		r, err := age.Decrypt(bytes.NewReader(got), id)
		if err == nil {
			got, err = io.ReadAll(r)
		}
		if err != nil {
			return []string{"cut short: the encrypted backup does not open: " + err.Error()}
		}
	}
	copyPath := filepath.Join(filepath.Dir(target), "check.db")
	defer os.Remove(copyPath)
	os.WriteFile(copyPath, got, 0o600)
	s, err := storage.Open(context.Background(), copyPath, storage.Options{})
	if err != nil {
		return []string{"cut short: the backup does not open: " + err.Error()}
	}
	defer s.Close()
	if list, err := s.Cases(context.Background(), storage.CaseFilter{All: true}); err != nil || len(list) != k.cases {
		return []string{fmt.Sprintf("cut short: the backup holds %d cases (%v), want %d", len(list), err, k.cases)}
	}
	return nil
}

// checkLeftovers looks, after the next start, at the run's temporary and
// data folders, the target's folder and the database's: nothing
// half-written, and no plain copy of the record outside the database's own
// files and the backups asked for.
func (k *killBench) checkLeftovers(t *testing.T, run string, w killWork) []string {
	var problems []string
	for _, rel := range filesUnder(t, run) {
		path := filepath.Join(run, rel)
		info, err := os.Stat(path)
		if err != nil || info.IsDir() {
			continue
		}
		base := filepath.Base(path)
		if strings.Contains(base, ".partial-") || strings.HasSuffix(base, ".note") {
			problems = append(problems, "leftover: "+rel)
		}
		if rel != filepath.Join("out", "backup.db") && hasPlainRecord(path) {
			problems = append(problems, "plaintext: "+rel)
		}
	}
	for _, rel := range filesUnder(t, filepath.Dir(k.db)) {
		if strings.Contains(rel, ".partial-") {
			problems = append(problems, "leftover: "+rel)
		}
	}
	return problems
}

// hasPlainRecord: SQLite's header, or a name from the generated pupils.
func hasPlainRecord(path string) bool {
	data, err := os.ReadFile(path)
	return err == nil && (bytes.Contains(data, []byte("SQLite format 3")) || bytes.Contains(data, []byte("Sam Taylor")))
}
