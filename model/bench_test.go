package model

import (
	"os"
	"testing"
)

// DESIGN.md, "Budgets": `check` of one case under 1 ms in-process. The case
// is a realistic six-week reduced timetable (Oxfordshire, 000) with a
// history, reviews and forms, checked with every pack on against a school
// calendar with a half term and an INSET day.
func BenchmarkCheck(b *testing.B) {
	cf := cfRead(b, "testdata/good/oxfordshire-reduced-timetable.json")
	school := DefaultSchool()
	school.Packs.On = AllPacks
	school.Closures = []Closure{
		{First: MustDate("2026-10-26"), Last: MustDate("2026-10-30"), Name: "Autumn half term"},
		{First: MustDate("2026-11-13"), Last: MustDate("2026-11-13"), Name: "INSET day"},
	}
	cal, on := school.Calendar(), MustDate("2026-11-20")
	if len(Check(cf.Case, cf.History, cal, school.Packs, on)) == 0 {
		b.Fatal("Check found nothing to report")
	}
	b.ReportAllocs()
	for b.Loop() {
		Check(cf.Case, cf.History, cal, school.Packs, on)
	}
}

// `check --file` and `import` read a case file first.
func BenchmarkParseCaseFile(b *testing.B) {
	data, err := os.ReadFile("testdata/good/oxfordshire-reduced-timetable.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseCaseFile(data); err != nil {
			b.Fatal(err)
		}
	}
}

// `export --format json` writes one (and reads it back to be sure).
func BenchmarkEncodeCaseFile(b *testing.B) {
	cf := cfRead(b, "testdata/good/oxfordshire-reduced-timetable.json")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := EncodeCaseFile(cf); err != nil {
			b.Fatal(err)
		}
	}
}
