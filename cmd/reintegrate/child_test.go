package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/adrg/xdg"
)

// cliChildEnv makes this test binary the reintegrate command: the tests
// that send a signal or kill -9 need the command in a process of its own.
const cliChildEnv = "REINTEGRATE_TEST_AS_CLI"

// killFastScryptEnv makes the child's passphrase cost milliseconds, as
// fastScrypt does in process, so a campaign of kills is not all scrypt.
const killFastScryptEnv = "REINTEGRATE_TEST_FAST_SCRYPT"

// TestMain runs the command line when asked to (cliChild); otherwise the
// tests, with an OS data folder of their own (where notes of unfinished
// output files are kept), not the user's.
func TestMain(m *testing.M) {
	if os.Getenv(cliChildEnv) != "" {
		if os.Getenv(killFastScryptEnv) != "" {
			scryptWorkFactor = 10
		}
		main()
		return
	}
	data, err := os.MkdirTemp("", "reintegrate-test-data-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_DATA_HOME", data)
	xdg.Reload()
	code := m.Run()
	os.RemoveAll(data)
	os.Exit(code)
}

// cliChild is the command line in a child process (not yet started), with
// its own temporary and data folders under dir and env added.
func cliChild(dir string, env []string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), cliChildEnv+"=1",
		"TMPDIR="+filepath.Join(dir, "tmp"), "XDG_DATA_HOME="+filepath.Join(dir, "data"),
		"XDG_CACHE_HOME="+filepath.Join(dir, "cache"))
	cmd.Env = append(cmd.Env, env...)
	os.MkdirAll(filepath.Join(dir, "tmp"), 0o700)
	return cmd
}

// filesUnder lists every file and folder under dir, relative to it.
func filesUnder(t *testing.T, dir string) []string {
	t.Helper()
	var found []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && path != dir {
			rel, _ := filepath.Rel(dir, path)
			found = append(found, rel)
		}
		return nil
	})
	return found
}
