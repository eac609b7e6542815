// Command reintegrate keeps reduced timetables and reintegration plans for
// pastoral staff in English schools: the cases, the week-by-week timetable,
// the protocol forms and the duties they bring.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"reintegrate/storage"
)

// Exit codes (DESIGN.md, "Command line").
const (
	exitOK      = 0
	exitBlocker = 1 // check found a blocker that is not met
	exitUsage   = 2 // bad usage or bad input
	exitStorage = 3 // storage trouble
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	tuneCollector()
	ctx, stopped := onSignal()
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	if sig := stopped(); sig != nil {
		code = 128 + int(sig.(syscall.Signal))
	}
	os.Exit(code)
}

// onSignal turns ctrl+c, a kill (SIGTERM) and a closed terminal (SIGHUP)
// into a cancelled context instead of an abrupt end: the full-screen app
// gives the terminal back, a half-written output file is removed and
// nothing appears at its name, and the demo's folder goes. A command that
// does not stop within graceTime (one waiting on typed input) is ended
// after what atExit holds has run; so is the process at a second signal.
// stopped reports the signal, if any.
func onSignal() (ctx context.Context, stopped func() os.Signal) {
	ctx, cancel := context.WithCancel(context.Background())
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	var got atomic.Value
	go func() {
		sig := <-signals
		got.Store(sig)
		cancel()
		select {
		case <-signals:
		case <-time.After(graceTime):
		}
		runAtExit()
		os.Exit(128 + int(sig.(syscall.Signal)))
	}()
	return ctx, func() os.Signal {
		sig, _ := got.Load().(os.Signal)
		return sig
	}
}

// graceTime is how long a command has to stop after a signal.
const graceTime = 3 * time.Second

// exitTasks is what must be undone however the process ends after a
// signal (the demo's folder of personal-looking sample data).
var exitTasks struct {
	sync.Mutex
	next  int
	tasks map[int]func()
}

// atExit keeps fn to run if the process is ended after a signal; done
// forgets it (the command undid it itself).
func atExit(fn func()) (done func()) {
	exitTasks.Lock()
	defer exitTasks.Unlock()
	if exitTasks.tasks == nil {
		exitTasks.tasks = map[int]func(){}
	}
	exitTasks.next++
	id := exitTasks.next
	exitTasks.tasks[id] = fn
	return func() {
		exitTasks.Lock()
		defer exitTasks.Unlock()
		delete(exitTasks.tasks, id)
	}
}

func runAtExit() {
	storage.DiscardOpenOutputs()
	exitTasks.Lock()
	defer exitTasks.Unlock()
	for _, fn := range exitTasks.tasks {
		fn()
	}
}

// tuneCollector trades memory the commands have to spare for time: a
// command lives well under a second, and at the default GOGC=100 the
// collector cost `today` about a tenth of its run on 10,000 pupils. The
// soft limit keeps the reports under the 80 MB budget (DESIGN.md) all the
// same. GOGC and GOMEMLIMIT in the environment still win.
func tuneCollector() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(48 << 20)
	}
}

// run is main without the process: tests call it with their own arguments
// and streams and read the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	// Double-clicking the .exe on a school laptop must open the app, not
	// cobra's "this is a command line tool" notice.
	cobra.MousetrapHelpText = ""
	app := &app{stdin: stdin, stdout: stdout, stderr: stderr}
	root := app.rootCommand()
	defer func() {
		if r := recover(); r != nil {
			code = internalError(stderr, root, args, r)
		}
	}()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := fang.Execute(ctx, root,
		fang.WithVersion(version),
		fang.WithoutManpage(),
		fang.WithErrorHandler(printError),
	)
	return exitCode(err)
}

// internalError ends a command that panicked (a bug) with a message and
// exit 3 in place of a stack trace. Output files are only ever renamed into
// place once written whole, so none is left half-written.
func internalError(stderr io.Writer, root *cobra.Command, args []string, r any) int {
	name := "the command"
	if cmd, _, err := root.Find(args); err == nil && cmd != root {
		name = cmd.Name()
	}
	fmt.Fprintf(stderr, "reintegrate: %s stopped on an internal error (%v); nothing more was written. Please report it, with the command you ran.\n", name, r)
	return exitStorage
}

// exitError carries the exit code a failure should give.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageError(format string, a ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, a...)}
}

func badInput(err error) error     { return &exitError{code: exitUsage, err: err} }
func storageError(err error) error { return &exitError{code: exitStorage, err: err} }

// errBlocker is returned by check when a blocker is not met; nothing more
// is printed, the findings already said it.
var errBlocker = &exitError{code: exitBlocker, err: errors.New("a blocker is not met")}

func exitCode(err error) int {
	var e *exitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &e):
		return e.code
	}
	// Anything cobra refused (unknown flag, wrong arguments) is bad usage.
	return exitUsage
}

// printError writes the error as plain lines starting "reintegrate:", so a
// script or a person sees what and where at once.
func printError(w io.Writer, _ fang.Styles, err error) {
	if errors.Is(err, errBlocker) {
		return
	}
	msg := strings.TrimSpace(err.Error())
	lines := strings.Split(msg, "\n")
	fmt.Fprintf(w, "reintegrate: %s\n", lines[0])
	for _, l := range lines[1:] {
		fmt.Fprintf(w, "  %s\n", l)
	}
}
