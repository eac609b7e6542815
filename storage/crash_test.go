package storage

import (
	"fmt"
	"os"
	"reintegrate/model"
	"strconv"
	"strings"
	"testing"
	"time"
)

const writerChildEnv = "REINTEGRATE_TEST_WRITER_DB"

// TestWriterChild is the child of TestCrashKeepsAcknowledgedWrites and
// TestTwoWritersKilledMidWrite (startWriter): with a pupil of its own, so
// two can write to one file at once, it creates cases in a loop and prints
// each id once CreateCase has returned, until it is killed (or gives up
// after half a minute if its parent died).
func TestWriterChild(t *testing.T) {
	path := os.Getenv(writerChildEnv)
	if path == "" {
		t.Skip("run as a child by startWriter")
	}
	s, err := Open(ctx, path, testOptions())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	p := model.Pupil{Name: "Writer " + os.Getenv(writerChildEnv+"_WHO"), YearGroup: "Y8"}
	if err := s.SavePupil(ctx, &p); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	deadline := time.Now().Add(30 * time.Second)
	for i := 0; time.Now().Before(deadline); i++ {
		c := fullCase(p)
		c.NamedPerson = fmt.Sprintf("writer %d", i)
		if err := s.CreateCase(ctx, &c); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		fmt.Printf("%d %d\n", c.ID, i) // one write(2): a line is whole or absent
		// A moment between saves, as between a person's: SQLite's busy
		// handler polls rather than queues, so a writer that takes the lock
		// again at once can keep a second one waiting past its whole busy
		// timeout (seen here as "busy" after 5 s with two writers).
		time.Sleep(time.Millisecond)
	}
	os.Exit(4)
}

// A process killed with SIGKILL in the middle of writing loses nothing it
// had acknowledged, and leaves a file that passes integrity_check.
func TestCrashKeepsAcknowledgedWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	path := t.TempDir() + "/reintegrate.db"
	w := startWriter(t, path, "crash")
	// Let it write for a moment: at least 1.5 s and some writes.
	start := time.Now()
	w.waitFor(t, 5)
	time.Sleep(1500*time.Millisecond - time.Since(start))
	acked := w.kill(t)
	if len(acked) < 5 {
		t.Fatalf("the child acknowledged only %d writes before it was killed; stderr: %s", len(acked), w.err.String())
	}
	checkAcknowledged(t, path, acked)
}

func checkAcknowledged(t *testing.T, path string, acked []string) {
	s := openAt(t, path) // Open runs quick_check
	if problems, err := integrity(ctx, s.reader, "integrity_check"); err != nil || problems != "" {
		t.Fatalf("integrity_check after the kill: %q %v", problems, err)
	}
	for _, line := range acked {
		idText, seq, _ := strings.Cut(line, " ")
		id, err := strconv.ParseInt(idText, 10, 64)
		if err != nil {
			t.Fatalf("child printed %q", line)
		}
		c, _, err := s.Case(ctx, id)
		if err != nil {
			t.Errorf("acknowledged case %d is missing: %v", id, err)
			continue
		}
		if c.NamedPerson != "writer "+seq || len(c.Timetable) != 2 {
			t.Errorf("acknowledged case %d came back as %q with %d weeks", id, c.NamedPerson, len(c.Timetable))
		}
	}
	t.Logf("%d acknowledged writes survived the kill", len(acked))
}
