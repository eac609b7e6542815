package forms

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"reintegrate/model"
)

// filled is a record of the template as a pastoral lead might leave it:
// pre-filled from the case, every other answer made up from its place in
// the form, dates a day apart per question up to the day before the
// plan's start, so they come in order and before the case's own dates. It is deterministic, so goldens hold.
func filled(t *Template, c model.Case, school model.School) model.FormRecord {
	d := t.Edit(c, school, nil, false)
	for i, in := range d.inputs {
		if p, ok := d.multi[in.key]; ok {
			if len(*p) == 0 {
				*p = []string{optionValue(in.options, in.values, 0)}
			}
			continue
		}
		p := d.text[in.key]
		if *p != "" {
			continue
		}
		*p = madeUp(in, i, len(d.inputs), c)
	}
	return d.Record(model.MustDate("2026-10-30"))
}

func madeUp(in input, i, n int, c model.Case) string {
	if in.row > 0 && len(in.field.RowTitles) == 0 {
		return "" // leave later rows of a free table blank, as most forms are
	}
	switch in.kind {
	case Date:
		return c.Start.AddDays(i - n).UK() // before the start, in the form's order
	case YesNo:
		return []string{model.AnswerYes, model.AnswerNo}[i%2]
	case Choice, Rating:
		return optionValue(in.options, in.values, i%len(in.options))
	case LongText:
		if in.field.DatedLines {
			return c.Start.AddDays(2).UK() + " phone call with form tutor\n" + c.Start.AddDays(9).UK() + " visit by Mr Ó Briain"
		}
		return fmt.Sprintf("Answer %d for %s.\nA second line.", i+1, in.label)
	}
	return fmt.Sprintf("Zoë Łukasz %d", i+1)
}

// Each template's Markdown and PDF, blank and filled, match their goldens
// (go test ./forms -update writes them). The PDF's golden is the text its
// pages draw, in drawing order (pdfText, no external program); "blank" is
// a form never filled in, printed with what the case knows.
func TestGolden(t *testing.T) {
	school := sampleSchool()
	for _, tmpl := range Templates() {
		c := sampleCase(tmpl.Kinds[0])
		for _, v := range []struct {
			name string
			rec  model.FormRecord
		}{{"blank", model.FormRecord{Template: tmpl.ID}}, {"filled", filled(tmpl, c, school)}} {
			t.Run(tmpl.ID+"/"+v.name+"/markdown", func(t *testing.T) {
				golden.RequireEqual(t, Markdown(tmpl, v.rec, c, school))
			})
			t.Run(tmpl.ID+"/"+v.name+"/pdf", func(t *testing.T) {
				text, err := pdfText(printPDF(t, tmpl, v.rec, c, school))
				if err != nil {
					t.Fatal(err)
				}
				golden.RequireEqual(t, text)
			})
		}
	}
}

func printPDF(t *testing.T, tmpl *Template, rec model.FormRecord, c model.Case, school model.School) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := PDF(tmpl, rec, c, school, &b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Each template's filled PDF, as pdftotext (poppler) reads it, matches its
// golden: the text a reader's PDF program finds, not only what we drew.
func TestGoldenPDFToText(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (poppler-utils): the pdftotext goldens are not checked; TestGolden still checks the PDFs' text")
	}
	school := sampleSchool()
	for _, tmpl := range Templates() {
		t.Run(tmpl.ID, func(t *testing.T) {
			c := sampleCase(tmpl.Kinds[0])
			cmd := exec.Command("pdftotext", "-enc", "UTF-8", "-", "-")
			cmd.Stdin = bytes.NewReader(printPDF(t, tmpl, filled(tmpl, c, school), c, school))
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("pdftotext cannot read the PDF: %v", err)
			}
			golden.RequireEqual(t, out)
		})
	}
}

// Each template's filled PDF is byte-stable: the same record prints the
// same bytes twice and as in its golden (testdata/TestPDFByteStable/ID.pdf,
// written by -update), and the PDF's dates are the record's completed date.
func TestPDFByteStable(t *testing.T) {
	school := sampleSchool()
	for _, tmpl := range Templates() {
		t.Run(tmpl.ID, func(t *testing.T) {
			c := sampleCase(tmpl.Kinds[0])
			rec := filled(tmpl, c, school)
			first := printPDF(t, tmpl, rec, c, school)
			if !bytes.Equal(first, printPDF(t, tmpl, rec, c, school)) {
				t.Fatal("two prints of one record differ")
			}
			requireSameBytes(t, filepath.Join("testdata", "TestPDFByteStable", tmpl.ID+".pdf"), first)
			rec.Completed = rec.Completed.AddDays(1)
			if bytes.Equal(first, printPDF(t, tmpl, rec, c, school)) {
				t.Error("a record completed on another day printed the same bytes: the PDF's date is not the record's")
			}
		})
	}
}

// requireSameBytes compares binary output with its golden file, which
// golden's -update flag rewrites; a difference is reported by where it
// starts rather than as a text diff of a PDF.
func requireSameBytes(t *testing.T, path string, got []byte) {
	t.Helper()
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no golden (run go test ./forms -update): %v", err)
	}
	if bytes.Equal(want, got) {
		return
	}
	at := 0
	for at < min(len(want), len(got)) && want[at] == got[at] {
		at++
	}
	t.Errorf("%d bytes differ from the golden %s (%d bytes) from byte %d", len(got), path, len(want), at)
}

// Names with accents print as typed, in the Markdown and in the PDF's text
// (the embedded font has Vietnamese and Polish letters).
func TestUnicodeNamesPrint(t *testing.T) {
	school := sampleSchool()
	c := sampleCase(model.ReducedTimetable)
	for _, name := range []string{"Zoë Clarke", "Łukasz Wójcik", "Nguyễn Thị Ánh", "Siân O'Donnell-Ćwik"} {
		c.Pupil.Name = name
		rec := bwmatPlan.Edit(c, school, nil, false).Record(model.MustDate("2026-10-30"))
		var b bytes.Buffer
		if err := PDF(bwmatPlan, rec, c, school, &b); err != nil {
			t.Fatal(err)
		}
		text, _ := pdfText(b.Bytes())
		if !strings.Contains(text, name) {
			t.Errorf("PDF text lacks %q", name)
		}
		if !strings.Contains(string(Markdown(bwmatPlan, rec, c, school)), name) {
			t.Errorf("Markdown lacks %q", name)
		}
	}
}

// Every page says which page of how many it is.
func TestPDFPageNumbers(t *testing.T) {
	school := sampleSchool()
	c := sampleCase(model.ReducedTimetable)
	var b bytes.Buffer
	if err := PDF(bwmatPlan, filled(bwmatPlan, c, school), c, school, &b); err != nil {
		t.Fatal(err)
	}
	text, _ := pdfText(b.Bytes())
	pages := strings.Count(b.String(), "/Type /Page\n")
	if pages < 2 {
		t.Fatalf("the plan printed on %d page(s); want several", pages)
	}
	for p := 1; p <= pages; p++ {
		if want := fmt.Sprintf("Page %d of %d", p, pages); !strings.Contains(text, want) {
			t.Errorf("no %q", want)
		}
	}
}

// The case pack prints every completed form in protocol order, each review
// meeting, and only the latest version of a form that does not repeat.
func TestCasePack(t *testing.T) {
	school := sampleSchool()
	c := sampleCase(model.APReintegration)
	for _, rec := range []model.FormRecord{
		{Template: model.TemplateWorcsReview, Version: 2, Completed: model.MustDate("2026-11-30"), Fields: map[string]string{"outcome": "second review"}},
		{Template: model.TemplateWorcsInitialMeeting, Version: 1, Completed: model.MustDate("2026-10-20"), Fields: map[string]string{"uniform": "first version"}},
		{Template: model.TemplateWorcsInitialMeeting, Version: 2, Completed: model.MustDate("2026-10-21"), Fields: map[string]string{"uniform": "second version"}},
		{Template: model.TemplateWorcsReview, Version: 1, Completed: model.MustDate("2026-11-16"), Fields: map[string]string{"outcome": "first review"}},
		{Template: model.TemplateWorcsConsent, Version: 1, Fields: map[string]string{"parent_name": "part-done"}},
		{Template: "somewhere.else", Version: 1, Completed: model.MustDate("2026-10-21")},
	} {
		AddRecord(&c, rec)
	}
	pack := string(CasePackMarkdown(c, school))
	if missing, ok := inSeedOrder(pack, []string{"Reintegration Initial Meeting", "second version",
		"Reintegration Review", "first review", "Reintegration Review", "second review"}); !ok {
		t.Errorf("pack lacks %q in order", missing)
	}
	for _, absent := range []string{"first version", "part-done", "Reintegration Consent Form"} {
		if strings.Contains(pack, absent) {
			t.Errorf("pack has %q", absent)
		}
	}
	var b bytes.Buffer
	if err := CasePackPDF(c, school, &b); err != nil {
		t.Fatal(err)
	}
	text, _ := pdfText(b.Bytes())
	if missing, ok := inSeedOrder(text, []string{"second version", "first review", "second review"}); !ok {
		t.Errorf("PDF pack lacks %q in order", missing)
	}
}
