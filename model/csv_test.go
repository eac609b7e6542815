package model

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// DESIGN.md, "Safety of what is shown and written": CSV cells that start
// with =, +, -, @, tab or carriage return are prefixed with '.
func TestSafeCSVCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=1+1", "'=1+1"},
		{"+44 1234", "'+44 1234"},
		{"-3", "'-3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},   // a tab is kept (cells may be multi-line) behind the prefix
		{"\r=1+1", "'=1+1"}, // the carriage return goes, the prefix stays
		{"\x1b[31m=cmd", "'=cmd"},
		{"Zoë Nguyễn", "Zoë Nguyễn"},
		{"O'Brien", "O'Brien"},
		{"a=b", "a=b"},
		{"", ""},
		{"line one\nline two", "line one\nline two"},
		{"evil\u202etxt.exe", "eviltxt.exe"},
	}
	for _, tt := range tests {
		if got := SafeCSVCell(tt.in); got != tt.want {
			t.Errorf("SafeCSVCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Excel reads UTF-8 only with a byte order mark, and expects CRLF.
func TestCSVWriterBOMAndCRLF(t *testing.T) {
	var b bytes.Buffer
	w := NewCSVWriter(&b)
	for _, row := range [][]string{{"Pupil", "Note"}, {"Łukasz", "two\nlines"}, {"=HYPERLINK(\"x\")", "a,b"}} {
		if err := w.Write(row); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "\ufeffPupil,Note\r\nŁukasz,\"two\r\nlines\"\r\n\"'=HYPERLINK(\"\"x\"\")\",\"a,b\"\r\n"
	if got := b.String(); got != want {
		t.Errorf("CSV:\n got %q\nwant %q", got, want)
	}
	if strings.Count(b.String(), "\ufeff") != 1 {
		t.Error("the byte order mark is written more than once")
	}
}

func TestCSVWriterEmptyStillHasBOM(t *testing.T) {
	var b bytes.Buffer
	if err := NewCSVWriter(&b).Flush(); err != nil {
		t.Fatal(err)
	}
	if b.String() != "\ufeff" {
		t.Errorf("an empty CSV = %q, want just the byte order mark", b.String())
	}
}

type failingWriter struct{ n int }

func (f *failingWriter) Write(p []byte) (int, error) {
	if f.n == 0 {
		return 0, errors.New("disk full")
	}
	f.n--
	return len(p), nil
}

// A write error is not lost: Write and Flush keep returning it.
func TestCSVWriterStickyError(t *testing.T) {
	w := NewCSVWriter(&failingWriter{})
	if err := w.Write([]string{"a"}); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("Write = %v, want disk full", err)
	}
	if err := w.Flush(); err == nil {
		t.Fatal("Flush forgot the error")
	}
	w = NewCSVWriter(&failingWriter{n: 1}) // the BOM goes, the rows do not
	w.Write([]string{"a"})
	if err := w.Flush(); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("Flush = %v, want disk full", err)
	}
}

// Every report's CSV is safe: BOM, CRLF, no bare LF line ends.
func TestReportCSVSafe(t *testing.T) {
	for _, name := range ReportNames {
		csv := string(mustReport(t, name, nil).CSV())
		if !strings.HasPrefix(csv, "\ufeff") || !strings.HasSuffix(csv, "\r\n") {
			t.Errorf("%s: CSV lacks the BOM or the final CRLF", name)
		}
		if n := strings.Count(csv, "\n") - strings.Count(csv, "\r\n"); n != 0 {
			t.Errorf("%s: %d line ends are LF, not CRLF", name, n)
		}
	}
}
