package storage

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const crashChildEnv = "REINTEGRATE_TEST_CRASH_DB"

// TestCrashChild is the child of TestCrashKeepsAcknowledgedWrites: it
// creates cases in a loop and prints each id once CreateCase has returned,
// until it is killed (or gives up after half a minute if its parent died).
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashChildEnv)
	if path == "" {
		t.Skip("run as a child by TestCrashKeepsAcknowledgedWrites")
	}
	s, err := Open(ctx, path, testOptions())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	p := savePupil(t, s, pupilZoe())
	deadline := time.Now().Add(30 * time.Second)
	for i := 0; time.Now().Before(deadline); i++ {
		c := fullCase(p)
		c.NamedPerson = fmt.Sprintf("writer %d", i)
		if err := s.CreateCase(ctx, &c); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		fmt.Printf("%d %d\n", c.ID, i) // one write(2): a line is whole or absent
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
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var acked []string
	done := make(chan struct{})
	go func() {
		defer close(done)
		r := bufio.NewReader(out)
		for {
			line, err := r.ReadString('\n')
			if err != nil { // io.EOF: a final line without its newline was not acknowledged
				return
			}
			mu.Lock()
			acked = append(acked, strings.TrimSpace(line))
			mu.Unlock()
		}
	}()
	// Let it write for a moment, at least 1.5 s and some writes, at most 10 s.
	start := time.Now()
	for time.Since(start) < 10*time.Second {
		mu.Lock()
		n := len(acked)
		mu.Unlock()
		if time.Since(start) > 1500*time.Millisecond && n >= 5 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-done
	io.Copy(io.Discard, out)
	_ = cmd.Wait()
	if len(acked) < 5 {
		t.Fatalf("the child acknowledged only %d writes before it was killed; stderr: %s", len(acked), stderr.String())
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
