package storage

import (
	"os"
	"path/filepath"
	"testing"

	"reintegrate/model"
)

// The daily lookup budget (DESIGN.md, "Budgets"): 10,000 pupils and 2,000
// active cases of about twelve weeks (~240,000 sessions). These benchmarks
// measure the in-process part (BenchmarkTodayAndDuties is what `today`
// reads, BenchmarkOpenTodayClose the same with open and close); the
// whole-process and sqlite3 comparison is run on the same generated data by
// cmd/reintegrate's BenchmarkTodayProcess.
const (
	benchPupils = 10_000
	benchCases  = 2_000
)

// benchStore generates the budget's data set into a fresh file, closes it
// (so the write-ahead log is folded in) and returns its path.
func benchStore(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "reintegrate.db")
	s, err := Open(ctx, path, testOptions())
	if err != nil {
		b.Fatal(err)
	}
	if err := GenerateSynthetic(ctx, s, benchPupils, benchCases, 1); err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	if info, err := os.Stat(path); err == nil {
		b.Cleanup(func() { b.ReportMetric(float64(info.Size()), "file-bytes") })
	}
	return path
}

var benchDay = model.DateOf(clock)

// BenchmarkToday is the one query `reintegrate today` runs, on an open store.
func BenchmarkToday(b *testing.B) {
	s := openAt(b, benchStore(b))
	entries, err := s.Today(ctx, benchDay)
	if err != nil || len(entries) != benchCases {
		b.Fatalf("Today: %d entries, %v; want %d", len(entries), err, benchCases)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Today(ctx, benchDay); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenTodayClose is everything `today` does with storage, once
// the morning's first run has filled the findings cache and recorded a
// clean quick_check: open (shared-folder check, the record of the last
// check, schema check), the day's list, the duties, close.
func BenchmarkOpenTodayClose(b *testing.B) {
	path := benchStore(b)
	opt := testOptions()
	opt.CheckRecordDir = b.TempDir()
	s, err := Open(ctx, path, opt)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.Duties(ctx, benchDay); err != nil {
		b.Fatal(err)
	}
	s.Close()
	if s, err = Open(ctx, path, opt); err != nil { // checks the file as written, and records it
		b.Fatal(err)
	}
	s.Close()
	b.ReportAllocs()
	for b.Loop() {
		s, err := Open(ctx, path, opt)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Today(ctx, benchDay); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Duties(ctx, benchDay); err != nil {
			b.Fatal(err)
		}
		if s.checkedWholeFile {
			b.Fatal("quick_check ran on an unchanged file")
		}
		s.Close()
	}
}

// BenchmarkOpenWithQuickCheck is what the whole-file check adds to an open.
func BenchmarkOpenWithQuickCheck(b *testing.B) {
	path := benchStore(b)
	for b.Loop() {
		s, err := Open(ctx, path, testOptions())
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkActiveCases loads the 2,000 active cases in full, as a
// morning's first `today` does to refresh the findings cache.
func BenchmarkActiveCases(b *testing.B) {
	s := openAt(b, benchStore(b))
	b.ReportAllocs()
	for b.Loop() {
		cases, err := s.ActiveCases(ctx)
		if err != nil || len(cases) != benchCases {
			b.Fatalf("ActiveCases: %d, %v", len(cases), err)
		}
	}
}

func TestGenerateSynthetic(t *testing.T) {
	s := openTemp(t)
	if err := GenerateSynthetic(ctx, s, 300, 60, 7); err != nil {
		t.Fatal(err)
	}
	entries, err := s.Today(ctx, model.DateOf(clock))
	if err != nil || len(entries) != 60 {
		t.Fatalf("Today over sample data: %d entries, %v; want 60", len(entries), err)
	}
	active, err := s.ActiveCases(ctx)
	if err != nil || len(active) != 60 || len(active[0].Timetable) != 12 {
		t.Fatalf("sample cases: %d, %v", len(active), err)
	}
	if n := count(t, s, "audit"); n != 0 {
		t.Errorf("sample data wrote %d audit rows, want none", n)
	}
	wantErr(t, GenerateSynthetic(ctx, s, 10, 20, 1), nil, "no more cases (20) than pupils (10)")
}

// BenchmarkTodayAndDuties is the storage half of `reintegrate today` on an
// open store, once the morning's first run has filled the findings cache:
// the day's list and the duties across active cases.
func BenchmarkTodayAndDuties(b *testing.B) {
	s := openAt(b, benchStore(b))
	duties, err := s.Duties(ctx, benchDay) // checks every case, fills the cache
	if err != nil || duties.Len() == 0 {
		b.Fatalf("Duties: %d, %v", duties.Len(), err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Today(ctx, benchDay); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Duties(ctx, benchDay); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(duties.Len()), "duties")
}

// BenchmarkOpenClose is what opening and closing costs a short run such
// as `today`, with a record of a clean check, before any query is read.
func BenchmarkOpenClose(b *testing.B) {
	path := benchStore(b)
	opt := testOptions()
	opt.CheckRecordDir = b.TempDir()
	s, err := Open(ctx, path, opt) // checks the file and records it
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	b.ReportAllocs()
	for b.Loop() {
		s, err := Open(ctx, path, opt)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.School(ctx); err != nil {
			b.Fatal(err)
		}
		if s.checkedWholeFile {
			b.Fatal("quick_check ran on an unchanged file")
		}
		s.Close()
	}
}

// BenchmarkDuties is the duties half of `today` (the longer of its two
// reads, which run side by side) once the findings cache is filled.
func BenchmarkDuties(b *testing.B) {
	s := openAt(b, benchStore(b))
	duties, err := s.Duties(ctx, benchDay) // checks every case, fills the cache
	if err != nil || duties.Len() == 0 {
		b.Fatalf("Duties: %d, %v", duties.Len(), err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Duties(ctx, benchDay); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(duties.Len()), "duties")
}
