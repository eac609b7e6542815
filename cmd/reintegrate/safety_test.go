package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// Issue 7 part 1 (DESIGN.md, "Safety of what is shown and written"): a
// name pasted with a carriage return, an OSC 8 link or a bidi override
// cannot change what a screen, a PDF or a CSV shows. Each hostile case is
// imported through the command, then every way out of the program is read
// back and searched for control characters, and the name must read as the
// sanitiser leaves it.

type hostile struct {
	what, name, upn string
	visible         string // the name as it must be shown: typed out, not computed
	text            string // put into the case's free text too
}

var hostiles = []hostile{
	{"carriage return over-printing", "Sam\r       NONE", "R100000000001", "Sam NONE",
		"Going well\r           Nothing to report"},
	{"OSC 8 hyperlink", "Ola \x1b]8;;http://x\x1b\\Okafor\x1b]8;;\x1b\\", "F100000000002", "Ola Okafor",
		"See \x1b]8;;http://x\x1b\\the plan\x1b]8;;\x1b\\ \x1b[31mnow\x1b[0m"},
	{"right-to-left override", "Zoë \u202ekralC\u202c", "V100000000003", "Zoë kralC",
		"\u2066Agreed\u2069 \u202eon trial\u202c, \u0085C1 \u009b31m"},
}

// hostileDB imports the three hostile case files through the command.
func hostileDB(t *testing.T) string {
	t.Helper()
	db := newDB(t)
	for _, h := range hostiles {
		file := caseFile(t, func(doc map[string]any) {
			p := pupilOf(doc)
			p["name"], p["upn"] = h.name, h.upn
			c := doc["case"].(map[string]any)
			c["named_person"], c["home_learning"] = h.name, h.text
			doc["reviews"].([]any)[0].(map[string]any)["notes"] = h.text
			doc["forms"].([]any)[0].(map[string]any)["fields"] = map[string]any{"objectives": h.text}
		})
		mustRun(t, db, "import", file)
	}
	return db
}

// unsafeRune names a character no output may carry: C0 controls but tab
// and newline, DEL, C1 controls, and the bidi embeddings, overrides,
// isolates and marks.
func unsafeRune(r rune) string {
	switch {
	case r == '\t' || r == '\n':
		return ""
	case r == utf8.RuneError:
		return "invalid UTF-8"
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return fmt.Sprintf("control U+%04X", r)
	case (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c:
		return fmt.Sprintf("bidi control U+%04X", r)
	}
	return ""
}

func wantClean(t *testing.T, what, text string) {
	t.Helper()
	for i, r := range text {
		if bad := unsafeRune(r); bad != "" {
			t.Errorf("%s: %s at byte %d: ...%q...", what, bad, i, text[max(0, i-20):min(len(text), i+20)])
			return
		}
	}
}

// jsonStrings is every string in a JSON document, keys included: JSON
// escapes a control as \u001b, which a byte search would miss.
func jsonStrings(t *testing.T, data []byte) string {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	var b strings.Builder
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			b.WriteString(v + "\n")
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for k, e := range v {
				b.WriteString(k + "\n")
				walk(e)
			}
		}
	}
	walk(v)
	return b.String()
}

// allHostile is every hostile pupil, for the listings.
var allHostile = []int{0, 1, 2}

func TestHostileTextCannotChangeWhatIsShown(t *testing.T) {
	db := hostileDB(t)
	sar := filepath.Join(t.TempDir(), "sar.json")
	type output struct {
		name  string
		args  []string
		file  string // read this file rather than standard output
		json  bool
		csv   bool
		shows []int // which hostile pupils' names it shows (cases are 1, 2, 3 in order)
	}
	tests := []output{
		{name: "today", args: []string{"today", "--on=2026-11-02"}, shows: allHostile},
		{name: "today --json", args: []string{"today", "--json", "--on=2026-11-02"}, json: true, shows: allHostile},
		{name: "cases", args: []string{"cases", "--all", asOf}, shows: allHostile},
		{name: "cases --json", args: []string{"cases", "--json", asOf}, json: true, shows: allHostile},
		{name: "check 1", args: []string{"check", "1", asOf}, shows: []int{0}},
		{name: "export one form md", args: []string{"export", "3", "--format", "md", "--form", "bwmat.plan"}, shows: []int{2}},
		{name: "export md", args: []string{"export", "2", "--format", "md"}, shows: []int{1}},
		{name: "export json", args: []string{"export", "2", "--format", "json"}, json: true, shows: []int{1}},
		{name: "subject access json", args: []string{"export", "--pupil", "3", "-o", sar}, file: sar, json: true, shows: []int{2}},
		{name: "subject access md", args: []string{"export", "--pupil", "1", "--format", "md"}, shows: []int{0}},
	}
	if r := runCLI(t, "report", "--help"); r.code == exitOK {
		tests = append(tests, output{name: "report la --csv", csv: true, shows: allHostile,
			args: []string{"report", "la", "--csv", "--from=2026-11-02", "--to=2026-11-20", asOf}})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, append([]string{db}, tt.args...)...)
			if r.code != exitOK && (r.code != exitBlocker || tt.args[0] != "check") {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			text := r.stdout
			if tt.file != "" {
				data, err := os.ReadFile(tt.file)
				if err != nil {
					t.Fatal(err)
				}
				text = string(data)
			}
			wantClean(t, "standard error", r.stderr)
			switch {
			case tt.json:
				wantClean(t, "raw", text)
				text = jsonStrings(t, []byte(text))
			case tt.csv:
				// RFC 4180 ends each record with CRLF; any other CR is a cell's.
				text = strings.ReplaceAll(text, "\r\n", "\n")
			}
			wantClean(t, tt.name, text)
			for _, i := range tt.shows {
				if h := hostiles[i]; !strings.Contains(text, h.visible) {
					t.Errorf("%s: the name does not read %q", h.what, h.visible)
				}
			}
		})
	}
}

// The PDFs are read as a person would see them, with pdftotext.
func TestHostileTextCannotChangeThePDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed, and forms does not offer an uncompressed case PDF: the PDF text is not checked here")
	}
	db := hostileDB(t)
	for i, h := range hostiles {
		id := fmt.Sprint(i + 1)
		for _, args := range [][]string{{"export", id, "--format", "pdf"}, {"export", "--pupil", id, "--format", "pdf"}} {
			t.Run(h.what+" "+strings.Join(args[:2], " "), func(t *testing.T) {
				file := filepath.Join(t.TempDir(), "out.pdf")
				mustRun(t, append([]string{db}, append(args, "-o", file)...)...)
				text, err := exec.Command("pdftotext", "-enc", "UTF-8", "-layout", file, "-").Output()
				if err != nil {
					t.Fatal(err)
				}
				page := strings.ReplaceAll(string(text), "\f", "") // pdftotext's page breaks
				wantClean(t, "PDF", page)
				if !strings.Contains(page, h.visible) {
					t.Errorf("the PDF does not show the name as %q", h.visible)
				}
			})
		}
	}
}
