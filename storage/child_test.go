package storage

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

// The crash, kill and concurrency proofs run this test binary again as a
// child process that runs one Test…Child function, which skips itself
// unless its environment names a database.

// childProcess is this test binary run again, running only the test named,
// with env added to its environment; it is not yet started.
func childProcess(test string, env ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env...)
	return cmd
}

// writer is a child running TestWriterChild: it creates cases until it is
// killed, printing a line for each once CreateCase has returned.
type writer struct {
	cmd   *exec.Cmd
	mu    sync.Mutex
	acked []string
	done  chan struct{}
	err   strings.Builder
}

// startWriter starts a writer on the file at path; who names its pupil.
func startWriter(t *testing.T, path, who string) *writer {
	t.Helper()
	w := &writer{done: make(chan struct{})}
	w.cmd = childProcess("TestWriterChild", writerChildEnv+"="+path, writerChildEnv+"_WHO="+who)
	w.cmd.Stderr = &w.err
	out, err := w.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := w.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(w.done)
		r := bufio.NewReader(out)
		for {
			line, err := r.ReadString('\n')
			if err != nil { // a last line without its newline was not acknowledged
				return
			}
			w.mu.Lock()
			w.acked = append(w.acked, strings.TrimSpace(line))
			w.mu.Unlock()
		}
	}()
	return w
}

// waitFor waits until the writer has acknowledged n writes.
func (w *writer) waitFor(t *testing.T, n int) {
	t.Helper()
	for start := time.Now(); time.Since(start) < time.Minute; time.Sleep(5 * time.Millisecond) {
		w.mu.Lock()
		got := len(w.acked)
		w.mu.Unlock()
		if got >= n {
			return
		}
		select {
		case <-w.done:
			_ = w.cmd.Wait() // and so its stderr is all copied
			t.Fatalf("a writer stopped after %d writes: %s", got, w.err.String())
		default:
		}
	}
	t.Fatal("a writer acknowledged nothing for a minute")
}

// kill kills the writer with SIGKILL and returns the writes it had
// acknowledged.
func (w *writer) kill(t *testing.T) []string {
	t.Helper()
	if err := w.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-w.done
	_ = w.cmd.Wait()
	return w.acked
}
