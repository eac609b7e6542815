package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"reintegrate/forms"
	"reintegrate/model"
	"reintegrate/storage"
)

// `reintegrate export ID --format pdf|md --form TEMPLATE [-o FILE]` and the
// whole-case pack (issue 4, Printing), on the demo cases stored in a
// database of the test's own.

// demoStore is a database in the test's folder filled with the demo
// school and cases as of asOf; it returns the --db flag and the cases,
// read back from the store.
func demoStore(t *testing.T) (string, []model.Case) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "demo.db")
	s, err := storage.Open(ctx, path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := storage.LoadDemo(ctx, s, model.MustDate(strings.TrimPrefix(asOf, "--on="))); err != nil {
		t.Fatal(err)
	}
	list, err := s.Cases(ctx, storage.CaseFilter{All: true})
	if err != nil {
		t.Fatal(err)
	}
	var cases []model.Case
	for _, sum := range list {
		c, _, err := s.Case(ctx, sum.ID)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
	}
	return "--db=" + path, cases
}

// caseOfKind is the first demo case of one of the kinds.
func caseOfKind(t *testing.T, cases []model.Case, kinds []model.Kind) model.Case {
	t.Helper()
	for _, c := range cases {
		for _, k := range kinds {
			if c.Kind == k {
				return c
			}
		}
	}
	t.Fatalf("no demo case of kind %v", kinds)
	return model.Case{}
}

// pdfToText reads a PDF with poppler's pdftotext, or skips the test's
// text checks when it is not installed.
func pdfToText(t *testing.T, pdf []byte) (string, bool) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext is not installed (poppler-utils): the PDF's text is not checked")
		return "", false
	}
	cmd := exec.Command("pdftotext", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext cannot read the PDF: %v", err)
	}
	return string(out), true
}

// Every template exports, as Markdown and as a PDF file, for a stored case
// of its kind: the school's name, the form's title and the pupil's name
// are printed, the file is the user's only (0600), and the same case
// prints the same bytes twice.
func TestExportEveryForm(t *testing.T) {
	db, cases := demoStore(t)
	dir := t.TempDir()
	for _, tmpl := range forms.Templates() {
		t.Run(tmpl.ID, func(t *testing.T) {
			c := caseOfKind(t, cases, tmpl.Kinds)
			id := strconv.FormatInt(c.ID, 10)
			md := mustRun(t, db, asOf, "export", id, "--format", "md", "--form", tmpl.ID)
			heading := firstWords(tmpl.Title)
			if tmpl.Letter {
				heading = "Yours sincerely" // a letter has no form heading
			}
			for _, want := range []string{c.Pupil.Name, heading} {
				if !strings.Contains(strings.ReplaceAll(md, `\`, ""), want) {
					t.Errorf("the Markdown lacks %q", want)
				}
			}
			out := filepath.Join(dir, tmpl.ID+".pdf")
			mustRun(t, db, asOf, "export", id, "--format", "pdf", "--form", tmpl.ID, "-o", out)
			pdf := readPrivate(t, out)
			again := filepath.Join(dir, tmpl.ID+"-again.pdf")
			mustRun(t, db, asOf, "export", id, "--format", "pdf", "--form", tmpl.ID, "-o", again)
			if !bytes.Equal(pdf, readPrivate(t, again)) {
				t.Error("two exports of one form differ")
			}
			if text, ok := pdfToText(t, pdf); ok {
				for _, want := range []string{"St Aidan", c.Pupil.Name, "Page 1 of"} {
					if !strings.Contains(text, want) {
						t.Errorf("the PDF's text lacks %q", want)
					}
				}
			}
		})
	}
}

// firstWords is the start of a title, short enough not to wrap in a PDF.
func firstWords(title string) string {
	if w := strings.Fields(title); len(w) > 3 {
		return strings.Join(w[:3], " ")
	}
	return title
}

// readPrivate reads an exported file, which must be a PDF only its owner
// can read: it holds a child's personal data.
func readPrivate(t *testing.T, path string) []byte {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("%s is %v, want -rw-------", path, perm)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("%s is not a PDF: %q", path, data[:min(len(data), 20)])
	}
	return data
}

// Without --form, export prints the case's pack: every completed form, in
// protocol order, the PDF from a new page each (accented names printed as
// typed: Zoë, Łukasz, Nguyễn).
func TestExportCasePack(t *testing.T) {
	db, cases := demoStore(t)
	for _, c := range cases {
		titles := completedTitles(c)
		if len(titles) == 0 {
			continue
		}
		t.Run(c.Pupil.Name, func(t *testing.T) {
			id := strconv.FormatInt(c.ID, 10)
			md := strings.ReplaceAll(mustRun(t, db, asOf, "export", id, "--format", "md"), `\`, "")
			at := 0
			for _, title := range titles {
				i := strings.Index(md[at:], "# "+title)
				if i < 0 {
					t.Fatalf("the pack lacks %q after byte %d", title, at)
				}
				at += i + len(title)
			}
			out := filepath.Join(t.TempDir(), "pack.pdf")
			mustRun(t, db, asOf, "export", id, "--format", "pdf", "-o", out)
			pdf := readPrivate(t, out)
			if pages := bytes.Count(pdf, []byte("/Type /Page\n")); pages < len(titles) {
				t.Errorf("%d forms printed on %d pages; each starts a page", len(titles), pages)
			}
			if text, ok := pdfToText(t, pdf); ok && !strings.Contains(text, c.Pupil.Name) {
				t.Errorf("the pack's text lacks %q", c.Pupil.Name)
			}
		})
	}
}

// completedTitles are the titles of the forms a case's pack prints, in
// protocol order (letters print without their title, so they are left out).
func completedTitles(c model.Case) []string {
	var out []string
	for _, tmpl := range forms.Templates() {
		if rec, ok := c.Form(tmpl.ID); ok && !rec.Completed.IsZero() && !tmpl.Letter {
			out = append(out, tmpl.Title)
		}
	}
	return out
}

// Bad export arguments are refused with exit 2 and a message naming the
// flag and what to type.
func TestExportFormRefusals(t *testing.T) {
	db, cases := demoStore(t)
	id := strconv.FormatInt(cases[0].ID, 10)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"export", id, "--format", "pdf", "--form", "bwmat.plans"}, "--form: \"bwmat.plans\" is not a form template: use one of worcs.consent"},
		{[]string{"export", id, "--format", "docx"}, "--format: \"docx\" is not a format: use json, pdf or md"},
		{[]string{"export", "9999", "--format", "md"}, "9999"},
	} {
		r := runCLI(t, append([]string{db, asOf}, tc.args...)...)
		if r.code != exitUsage && !(tc.want == "9999" && r.code != exitOK) {
			t.Errorf("%v: exit %d, want %d", tc.args, r.code, exitUsage)
		}
		if !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: said %q, want %q", tc.args, r.stderr, tc.want)
		}
	}
}

// The demo's accented names print as typed in a form's PDF and Markdown
// (the PDF embeds a font with Polish and Vietnamese letters).
func TestExportAccentedNames(t *testing.T) {
	db, cases := demoStore(t)
	var seen int
	for _, c := range cases {
		if isASCII(c.Pupil.Name) {
			continue
		}
		seen++
		id := strconv.FormatInt(c.ID, 10)
		if md := mustRun(t, db, asOf, "export", id, "--format", "md", "--form", "bwmat.plan"); !strings.Contains(md, c.Pupil.Name) {
			t.Errorf("the Markdown lacks %q", c.Pupil.Name)
		}
		out := filepath.Join(t.TempDir(), "plan.pdf")
		mustRun(t, db, asOf, "export", id, "--format", "pdf", "--form", "bwmat.plan", "-o", out)
		if text, ok := pdfToText(t, readPrivate(t, out)); ok && !strings.Contains(text, c.Pupil.Name) {
			t.Errorf("the PDF's text lacks %q", c.Pupil.Name)
		}
	}
	if seen < 3 {
		t.Errorf("%d demo pupils with accented names; want Zoë, Łukasz and Nguyễn", seen)
	}
}

func isASCII(s string) bool {
	for _, r := range s {
		if r > 0x7f {
			return false
		}
	}
	return true
}
