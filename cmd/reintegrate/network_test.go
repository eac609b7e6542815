package main

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Issue 7 part 8 (DESIGN.md: "one static binary, one SQLite file, no
// network"): the binary opens no sockets in its normal commands.
//
// How, and why this way: each command runs as its own process under a
// seccomp filter that turns socket(2) and socketpair(2) into SIGSYS, so any
// attempt to open a socket, however brief, kills the command with the Go
// stack of the caller. That is enforced by the kernel on every system call,
// which watching /proc/PID/fd cannot be (a connect that fails at once
// leaves no file descriptor to see), and needs nothing but Go on a fresh CI
// machine, unlike strace. The filter is installed by a twenty-line
// launcher built here from source (Linux only, standard library), which
// then execs the real binary; a filter survives exec. A canary, this test
// binary dialling 127.0.0.1 under the same launcher, must be caught, or the
// test proves nothing.

// launcherSource installs the filter and execs its arguments. Exit 77
// means the kernel would not take a filter (the test then skips).
const launcherSource = `//go:build linux

package main

import (
	"fmt"
	"os"
	"runtime"
	"syscall"
	"unsafe"
)

type sockFilter struct {
	code   uint16
	jt, jf uint8
	k      uint32
}

type sockFprog struct {
	n      uint16
	filter *sockFilter
}

// audit arch, socket, socketpair per architecture (linux/audit.h, unistd.h)
var numbers = map[string][3]uint32{"amd64": {0xc000003e, 41, 53}, "arm64": {0xc00000b7, 198, 199}}

func main() {
	n, ok := numbers[runtime.GOARCH]
	if !ok {
		fmt.Fprintln(os.Stderr, "no syscall numbers for", runtime.GOARCH)
		os.Exit(77)
	}
	prog := []sockFilter{
		{0x20, 0, 0, 4},          // A = arch
		{0x15, 1, 0, n[0]},       // native ABI? skip the kill
		{0x06, 0, 0, 0x80000000}, // another ABI: kill the process
		{0x20, 0, 0, 0},          // A = syscall number
		{0x15, 2, 0, n[1]},       // socket: trap
		{0x15, 1, 0, n[2]},       // socketpair: trap
		{0x06, 0, 0, 0x7fff0000}, // anything else: allow
		{0x06, 0, 0, 0x00030000}, // trap: SIGSYS, which Go reports with a stack
	}
	runtime.LockOSThread() // the filter is set on this thread, which then execs
	fp := sockFprog{uint16(len(prog)), &prog[0]}
	if _, _, e := syscall.RawSyscall6(syscall.SYS_PRCTL, 38, 1, 0, 0, 0, 0); e != 0 { // PR_SET_NO_NEW_PRIVS
		fmt.Fprintln(os.Stderr, "no_new_privs:", e)
		os.Exit(77)
	}
	if _, _, e := syscall.RawSyscall6(syscall.SYS_PRCTL, 22, 2, uintptr(unsafe.Pointer(&fp)), 0, 0, 0); e != 0 { // PR_SET_SECCOMP, FILTER
		fmt.Fprintln(os.Stderr, "seccomp:", e)
		os.Exit(77)
	}
	err := syscall.Exec(os.Args[1], os.Args[1:], os.Environ())
	fmt.Fprintln(os.Stderr, "exec:", err)
	os.Exit(1)
}
`

// canaryEnv makes TestNetworkCanary dial; unset, it skips.
const canaryEnv = "REINTEGRATE_TEST_DIAL"

// TestNetworkCanary is run by TestNoNetwork under the launcher: it opens a
// TCP socket to 127.0.0.1, which the filter must catch.
func TestNetworkCanary(t *testing.T) {
	if os.Getenv(canaryEnv) == "" {
		t.Skip("a helper for TestNoNetwork: it dials 127.0.0.1 only when run by it")
	}
	c, err := net.Dial("tcp", "127.0.0.1:9")
	if err == nil {
		c.Close()
	}
	t.Logf("dialled 127.0.0.1:9 (%v) and was not stopped", err)
}

// sandbox builds the launcher and the binary (CGO_ENABLED=0, as shipped).
func sandbox(t *testing.T) (launcher, bin string) {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(dir, "nosocket.go")
	if err := os.WriteFile(src, []byte(launcherSource), 0o600); err != nil {
		t.Fatal(err)
	}
	launcher, bin = filepath.Join(dir, "nosocket"), filepath.Join(dir, "reintegrate")
	for _, b := range []struct{ dir, out, pkg string }{{dir, launcher, "nosocket.go"}, {".", bin, "."}} {
		build := exec.Command("go", "build", "-o", b.out, b.pkg)
		build.Dir = b.dir
		build.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", b.pkg, err, out)
		}
	}
	return launcher, bin
}

type sandboxed struct {
	code           int
	stderr         string
	caught, noSeal bool
}

// runSandboxed runs a program under the launcher.
func runSandboxed(launcher string, env []string, args ...string) sandboxed {
	cmd := exec.Command(launcher, args...)
	cmd.Env = append(os.Environ(), env...)
	var errb strings.Builder
	cmd.Stderr = &errb
	err := cmd.Run()
	r := sandboxed{code: cmd.ProcessState.ExitCode(), stderr: errb.String()}
	r.caught = strings.Contains(r.stderr, "SIGSYS") || (err != nil && strings.Contains(err.Error(), "bad system call"))
	r.noSeal = r.code == 77
	return r
}

func TestNoNetwork(t *testing.T) {
	if runtime.GOOS != "linux" || (runtime.GOARCH != "amd64" && runtime.GOARCH != "arm64") {
		t.Skipf("the no-sockets proof uses Linux seccomp on amd64 or arm64; this is %s/%s", runtime.GOOS, runtime.GOARCH)
	}
	if testing.Short() {
		t.Skip("-short: the no-sockets proof builds the binary")
	}
	launcher, bin := sandbox(t)
	canary := runSandboxed(launcher, []string{canaryEnv + "=1"}, os.Args[0], "-test.run=^TestNetworkCanary$", "-test.v")
	if canary.noSeal {
		t.Skipf("this kernel will not take a seccomp filter: %s", canary.stderr)
	}
	if !canary.caught {
		t.Fatalf("the canary dialled 127.0.0.1 and was not caught (exit %d): the filter proves nothing\n%s", canary.code, canary.stderr)
	}
	t.Logf("the canary was caught: %s", firstLine(canary.stderr))
	for _, c := range normalCommands(t, bin) {
		t.Run(c.name(), func(t *testing.T) {
			r := runSandboxed(launcher, []string{passphraseEnv + "=" + testPassphrase}, append([]string{bin}, c.args...)...)
			if r.caught {
				t.Fatalf("opened a socket:\n%s", r.stderr)
			}
			if r.code != c.code {
				t.Errorf("exit %d, want %d\n%s", r.code, c.code, r.stderr)
			}
		})
	}
}

type sandboxCommand struct {
	args []string
	code int
}

// name is the command without its paths, for the subtest.
func (c sandboxCommand) name() string {
	var words []string
	for _, a := range c.args {
		if !strings.Contains(a, string(filepath.Separator)) {
			words = append(words, a)
		}
	}
	return strings.Join(words, " ")
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}

// normalCommands is a day's work, in order: each command's files feed the
// next. report runs only once it is a registered command. One encrypted
// round trip shows age works offline; each costs seconds of scrypt, so the
// encrypted backup (the same code) is left to encrypt_test.go.
func normalCommands(t *testing.T, bin string) []sandboxCommand {
	dir := t.TempDir()
	db := "--db=" + filepath.Join(dir, "school.db")
	at := func(name string) string { return filepath.Join(dir, name) }
	cmds := []sandboxCommand{
		{[]string{db, "import", fixture("good/design-example.json")}, 0},
		{[]string{db, "today", asOf}, 0},
		{[]string{db, "today", "--json", asOf}, 0},
		{[]string{db, "cases", "--all", asOf}, 0},
		{[]string{"check", "--file", fixture("good/national-suspension-draft.json"), asOf}, 1},
		{[]string{db, "check", "1", asOf}, 0},
		{[]string{db, "export", "1", "--format", "json", "-o", at("sam.json")}, 0},
		{[]string{db, "export", "1", "--format", "pdf", "-o", at("sam.pdf")}, 0},
		{[]string{db, "export", "1", "--format", "md", "-o", at("sam.md")}, 0},
		{[]string{db, "export", "1", "--encrypt", "-o", at("sam.json.age")}, 0},
		{[]string{db, "export", "--pupil", "1", "--format", "pdf", "-o", at("sar.pdf")}, 0},
		{[]string{"--db=" + at("other.db"), "import", at("sam.json.age")}, 0},
		{[]string{db, "backup", at("backup.db")}, 0},
		{[]string{db, "restore", at("backup.db")}, 0},
		{[]string{db, "retention", asOf}, 0},
	}
	if r := runCLI(t, "report", "--help"); r.code == exitOK && strings.Contains(r.stdout, "report") {
		cmds = append(cmds, sandboxCommand{[]string{db, "report", "la", "--csv", "-o", at("la.csv"), asOf}, 0})
	}
	return cmds
}
