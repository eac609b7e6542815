package forms

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"reintegrate/model"
)

// filled is a record of the template as a pastoral lead might leave it:
// pre-filled from the case, every other answer made up from its place in
// the form, dates moving a week on per question from the plan's start so
// they come in order. It is deterministic, so goldens hold.
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
		*p = madeUp(in, i, c)
	}
	return d.Record(model.MustDate("2026-10-30"))
}

func madeUp(in input, i int, c model.Case) string {
	if in.row > 0 && len(in.field.RowTitles) == 0 {
		return "" // leave later rows of a free table blank, as most forms are
	}
	switch in.kind {
	case Date:
		return c.Start.AddDays(-21 + 7*(i%9)).UK()
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
// (go test ./forms -update writes them). The PDF's golden is its text.
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
				var b bytes.Buffer
				if err := PDF(tmpl, v.rec, c, school, &b); err != nil {
					t.Fatal(err)
				}
				text, err := pdfText(b.Bytes())
				if err != nil {
					t.Fatal(err)
				}
				golden.RequireEqual(t, text)
			})
		}
	}
}

// The PDF is byte-stable: the same record prints the same bytes, today and
// in the golden file (002 appendix 1, filled).
func TestPDFByteStable(t *testing.T) {
	school := sampleSchool()
	c := sampleCase(model.ReducedTimetable)
	rec := filled(bwmatPlan, c, school)
	var first, second bytes.Buffer
	if err := PDF(bwmatPlan, rec, c, school, &first); err != nil {
		t.Fatal(err)
	}
	if err := PDF(bwmatPlan, rec, c, school, &second); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Fatal("two prints of one record differ")
	}
	golden.RequireEqual(t, first.Bytes())
	rec.Completed = model.MustDate("2026-10-31")
	var later bytes.Buffer
	if err := PDF(bwmatPlan, rec, c, school, &later); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(first.Bytes(), later.Bytes()) {
		t.Error("a record completed on another day printed the same bytes: the PDF's date is not the record's")
	}
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
	pages := strings.Count(string(b.Bytes()), "/Type /Page\n")
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
