package ui

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"reintegrate/model"
	"reintegrate/storage"
)

// The TUI's budgets (DESIGN.md, "Budgets"; issue 5): with 10,000 pupils
// and 2,000 active cases (storage.GenerateSynthetic, ~240,000 sessions),
// the first frame under 150 ms, one keypress in the timetable grid
// (Update and View) under 2 ms, peak memory under 80 MB.
//
//	go test ./ui -run '^$' -bench . -count 5
const (
	benchPupils = 10_000
	benchCases  = 2_000
)

// benchClock is the synthetic data's "now": its cases run around it.
var benchClock = time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)

var benchDB struct {
	once sync.Once
	path string
	err  error
}

// benchStore opens the budget's data set, generated once per test binary
// into a temporary folder (closed and reopened, as the app finds it).
func benchStore(b *testing.B) *storage.Store {
	b.Helper()
	ctx := context.Background()
	opts := storage.Options{User: "bench", Now: func() time.Time { return benchClock }}
	benchDB.once.Do(func() {
		dir, err := os.MkdirTemp("", "reintegrate-ui-bench")
		if err != nil {
			benchDB.err = err
			return
		}
		benchDB.path = filepath.Join(dir, "reintegrate.db")
		s, err := storage.Open(ctx, benchDB.path, opts)
		if err != nil {
			benchDB.err = err
			return
		}
		benchDB.err = storage.GenerateSynthetic(ctx, s, benchPupils, benchCases, 1)
		if err := s.Close(); benchDB.err == nil {
			benchDB.err = err
		}
	})
	if benchDB.err != nil {
		b.Fatal(benchDB.err)
	}
	s, err := storage.Open(ctx, benchDB.path, opts)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// firstFrame is what the user waits for: the app built, Init's commands
// run and their answers handled, and the first frame drawn: today's
// register. With follow set, the commands those answers start (the
// duties across every case) run too, and the frame is the whole screen.
// The idle timer is off: it is a timer, not work.
func firstFrame(s Store, school model.School, on model.Date, follow bool) (string, tea.Model) {
	var m tea.Model = New(s, school, on, Options{IdleAfter: -1})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	pending := runNow(m.Init())
	for len(pending) > 0 {
		var cmd tea.Cmd
		m, cmd = m.Update(pending[0])
		pending = pending[1:]
		if follow {
			pending = append(pending, runNow(cmd)...)
		}
	}
	return m.View().Content, m
}

// runNow runs a command and the batches inside it, and returns the
// messages, as the program would deliver them.
func runNow(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, runNow(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// BenchmarkFirstFrame is the budget's first frame: today's register.
// "complete" goes on until the duties are in as well, over a warm findings
// cache (any look after the day's first); "cold" empties the cache
// first, as the first look of the day finds it, when the rules run over
// all 2,000 cases.
func BenchmarkFirstFrame(b *testing.B) {
	limitMemory() // as Run does
	s := benchStore(b)
	ctx := context.Background()
	school, err := s.School(ctx)
	if err != nil {
		b.Fatal(err)
	}
	on := model.DateOf(benchClock)
	want := "On reduced timetables today: " + strconv.Itoa(benchCases)
	if v, _ := firstFrame(s, school, on, false); !strings.Contains(v, want) {
		b.Fatalf("the first frame does not show the %d pupils on reduced timetables:\n%s", benchCases, v)
	}
	if _, m := firstFrame(s, school, on, true); m.(Model).stack[0].(*today).duties == nil {
		b.Fatal("the complete first screen has not got the duties")
	}
	for _, tt := range []struct {
		name         string
		follow, cold bool
	}{{"register", false, false}, {"complete", true, false}, {"cold", true, true}} {
		b.Run(tt.name, func(b *testing.B) {
			resetPeak()
			b.ReportAllocs()
			for b.Loop() {
				if tt.cold {
					b.StopTimer()
					// Saving the school profile clears the cache (storage/findings.go).
					if err := s.SaveSchool(ctx, school); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
				}
				firstFrame(s, school, on, tt.follow)
			}
			reportPeak(b)
		})
	}
}

// BenchmarkGridKey is one keypress in the timetable grid of a synthetic
// twelve-week case: Update, then View, through the root as the program
// does it. "move" steps the cursor; "edit" changes a session's mode, which
// works the hours out again.
func BenchmarkGridKey(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	school, err := s.School(ctx)
	if err != nil {
		b.Fatal(err)
	}
	rows, err := s.Cases(ctx, CaseFilter{On: model.DateOf(benchClock)})
	if err != nil || len(rows) == 0 {
		b.Fatalf("no synthetic case: %v", err)
	}
	cs, version, err := s.Case(ctx, rows[0].ID)
	if err != nil {
		b.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		keys []tea.KeyPressMsg
	}{
		{"move", []tea.KeyPressMsg{{Code: tea.KeyRight}, {Code: tea.KeyLeft}}},
		{"edit", []tea.KeyPressMsg{{Code: tea.KeySpace, Text: " "}}},
	} {
		b.Run(tt.name, func(b *testing.B) {
			var m tea.Model = New(s, school, model.DateOf(benchClock), Options{IdleAfter: -1})
			m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
			m, _ = m.Update(pushMsg{newGrid(m.(Model).common, cs, version)})
			if !strings.Contains(m.View().Content, "am pm") {
				b.Fatal("the grid is not showing")
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				m, _ = m.Update(tt.keys[i%len(tt.keys)])
				_ = m.View()
				i++
			}
		})
	}
}

// resetPeak starts the process's peak memory afresh (Linux: writing 5 to
// clear_refs resets VmHWM), so the data set's generation does not count.
func resetPeak() {
	debug.FreeOSMemory() // give back what generating the data set took
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// reportPeak reports the peak resident memory since resetPeak (VmHWM),
// and where /proc has none, the memory the Go runtime holds from the OS.
func reportPeak(b *testing.B) {
	if status, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(status), "\n") {
			if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
				b.ReportMetric(float64(kb)/1024, "peak-RSS-MB")
				return
			}
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.Sys)/(1<<20), "go-sys-MB")
}
