package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// A pupil whose name and plan hold characters no PDF font has (an emoji,
// 𠮷, a tag character) prints in every PDF the command line writes: the
// case's forms, the subject access copy and the reports. Before, each
// stopped on fpdf's "index out of range [65536]" with a stack trace.
func TestPDFsPrintAnyText(t *testing.T) {
	db := newDB(t)
	file := caseFile(t, func(doc map[string]any) {
		pupilOf(doc)["name"] = "Sam 😀 Taylor𠮷\U000E0041"
		doc["case"].(map[string]any)["home_learning"] = "Work set weekly 👍"
	})
	mustRun(t, db, "import", file)
	dir := t.TempDir()
	for _, args := range [][]string{
		{"export", "1", "--format", "pdf", "-o", filepath.Join(dir, "forms.pdf")},
		{"export", "1", "--format", "pdf", "--form", "bwmat.plan", "-o", filepath.Join(dir, "plan.pdf")},
		{"export", "--pupil", "1", "--format", "pdf", "-o", filepath.Join(dir, "subject.pdf")},
		{"report", "la", "--pdf", "-o", filepath.Join(dir, "la.pdf")},
		{"report", "register", "--pdf", "-o", filepath.Join(dir, "register.pdf")},
	} {
		mustRun(t, append([]string{db, asOf}, args...)...)
		text, ok := pdfToText(t, readPrivate(t, args[len(args)-1]))
		if !ok {
			continue
		}
		flat := strings.Join(strings.Fields(text), " ")
		if !strings.Contains(flat, "Sam \uFFFD Taylor") {
			t.Errorf("%v: the PDF does not name the pupil with the stand-in:\n%s", args, flat)
		}
		if n := strings.Count(flat, "Some characters could not be printed and are shown as \uFFFD."); n != 1 {
			t.Errorf("%v: says %d times what the stand-in means, want once", args, n)
		}
	}
}

// A command that panics (a bug) ends with a message and exit 3, never a
// stack trace, naming the command that stopped.
func TestInternalErrorExit3(t *testing.T) {
	root := &cobra.Command{Use: "reintegrate"}
	root.AddCommand(&cobra.Command{Use: "export"})
	var stderr bytes.Buffer
	code := func() (code int) {
		defer func() {
			if r := recover(); r != nil {
				code = internalError(&stderr, root, []string{"--db=x", "export", "1"}, r)
			}
		}()
		panic("index out of range [65536]")
	}()
	if code != exitStorage {
		t.Errorf("exit %d, want %d", code, exitStorage)
	}
	want := "reintegrate: export stopped on an internal error (index out of range [65536]); nothing more was written."
	if got := stderr.String(); !strings.HasPrefix(got, want) || strings.Contains(got, "goroutine") {
		t.Errorf("said %q, want %q and no stack trace", got, want)
	}
}
