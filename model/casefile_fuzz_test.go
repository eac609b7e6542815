package model

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzParseCaseFile: whatever the bytes, the reader never panics, and
// whatever it accepts re-encodes and re-reads to the same value, and encodes
// the same bytes again (DESIGN.md, "Case file"; storage's export/import).
// Seeded from every case file under testdata, good and bad.
func FuzzParseCaseFile(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.json")
	for _, path := range files {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(cfMinimal))
	f.Add([]byte(`{"format":"reintegrate/case@1","pupil":{"name":"Zoë","year_group":"R"},"case":{"kind":"ap_reintegration","status":"closed"},` +
		`"timetable":[{"week_beginning":"30/03/2026","sessions":{"fri":{"pm":{"mode":"home_learning","minutes":0}}}}]}`))
	f.Add([]byte(`{"format":"reintegrate/case@1","pupil":{"name":"\u00a0x\u202e","year_group":"Y1"},"case":{"kind":"reduced_timetable","status":"draft"},"forms":[{"template":"t","fields":{"\u0000":"\ud800"}}]}`))
	f.Add([]byte(`{"a":{"b":[1,2,{"c":null}]},"format":1e400}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		cf, err := ParseCaseFile(data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an error with no message")
			}
			return
		}
		first, err := EncodeCaseFile(cf)
		if err != nil {
			t.Fatalf("accepted but cannot be written: %v", err)
		}
		again, err := ParseCaseFile(first)
		if err != nil {
			t.Fatalf("written but cannot be read back: %v\n%s", err, first)
		}
		if !reflect.DeepEqual(again, cf) {
			t.Fatalf("Parse(Encode(x)) != x\n got %+v\nwant %+v", again, cf)
		}
		if second, err := EncodeCaseFile(again); err != nil || !bytes.Equal(first, second) {
			t.Fatalf("Encode(Parse(Encode(x))) != Encode(x): %v", err)
		}
	})
}

// FuzzParseDate: ParseDate never panics, and a date it accepts prints back,
// in both forms, to text that reads as the same date.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-02", "02/11/2026", "2/1/2026", "29/02/2024", "29/02/2026",
		"31/04/2026", "0001-01-01", "1/2/20260", "2026-01-1/", " 01/01/1000 ", "", "١/٢/٢٠٢٦"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if d != (Date{}) {
				t.Fatalf("ParseDate(%q) failed but returned %v", s, d)
			}
			return
		}
		if d.IsZero() {
			t.Fatalf("ParseDate(%q) accepted the zero date, which means unset", s)
		}
		for _, printed := range []string{d.String(), d.UK()} {
			back, err := ParseDate(printed)
			if err != nil || !back.Equal(d) {
				t.Fatalf("ParseDate(%q) = %s, which prints as %q and reads back as %v, %v", s, d, printed, back, err)
			}
		}
	})
}
