package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"testing"
)

// Tests that need reintegrate as a separate process (two programs writing
// at once, a kill -9 mid-write) run this test binary again as the command:
// TestCommandChild runs the arguments it is given through run, as main
// does, and exits with its exit code.

const commandChildEnv = "REINTEGRATE_TEST_COMMAND_ARGS"

func TestCommandChild(t *testing.T) {
	spec := os.Getenv(commandChildEnv)
	if spec == "" {
		t.Skip("run as a child by commandProcess")
	}
	var args []string
	if err := json.Unmarshal([]byte(spec), &args); err != nil {
		os.Exit(99)
	}
	os.Exit(run(context.Background(), args, os.Stdin, os.Stdout, os.Stderr))
}

// commandProcess is `reintegrate args...` as a child process, not yet
// started.
func commandProcess(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	spec, err := json.Marshal(args)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestCommandChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), commandChildEnv+"="+string(spec))
	return cmd
}
