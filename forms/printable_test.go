package forms

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"reintegrate/model"
)

// What the PDFs print for characters the embedded font has, and for those
// it lacks or fpdf cannot take (outside the Basic Multilingual Plane).
func TestPrintable(t *testing.T) {
	regular := fontGlyphs()[0]
	for _, tc := range []struct{ in, want string }{
		{"Zoë Nguyễn-Łukasz", "Zoë Nguyễn-Łukasz"},
		{"Page 1 of " + pagesAlias, "Page 1 of " + pagesAlias}, // fpdf's alias for the page count
		{"line one\nline two", "line one\nline two"},
		{"☒ ☐ • – √ ›", "☒ ☐ • – √ ›"},
		{"Great progress 😀!", "Great progress " + standIn + "!"},
		{"😀😀", standIn + standIn},                       // two characters, two stand-ins
		{"👨\u200d👩\u200d👧 family", standIn + " family"}, // one character joined by ZWJs
		{"🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F flag", standIn + " flag"},
		{"Sam\U000E0041Taylor", "Sam" + standIn + "Taylor"}, // a tag character hidden in a name
		{"𠮷野", standIn + standIn},
		{"中文", standIn + standIn},
		{"e\u0301", "e\u0301"},
		{"\u2764\ufe0f", "\u2764\ufe0f"},
		{standIn, standIn},
	} {
		if got := printable(tc.in, regular); got != tc.want {
			t.Errorf("printable(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if !regular.has('\uFFFD') || !fontGlyphs()[1].has('\uFFFD') {
		t.Error("the embedded fonts lack the stand-in U+FFFD")
	}
}

// oddText is text no font could print whole: an emoji, a character outside
// the Basic Multilingual Plane (𠮷), tag characters, a Chinese name, and
// letters the font has.
const oddText = "Zoë 😀 𠮷 Sam\U000E0041 中文 🏴\U000E0067\U000E007F"

// Every PDF writer prints any text: the case forms (one form and the
// pack), and every report (the subject access copy is a report too).
// Before, fpdf panicked "index out of range [65536]" on the first emoji.
func TestPDFWritersPrintAnyText(t *testing.T) {
	school := sampleSchool()
	school.Name = "St Anne's " + oddText
	c := sampleCase(model.ReducedTimetable)
	c.Pupil.Name = oddText
	c.Status = model.Active
	t.Run("form", func(t *testing.T) {
		tmpl, _ := Lookup(model.TemplateBWMATPlan)
		rec := filled(tmpl, c, school)
		rec.Fields["other_issues"] = "Likes 🦖 dinosaurs " + oddText
		var b bytes.Buffer
		if err := PDF(tmpl, rec, c, school, &b); err != nil {
			t.Fatal(err)
		}
		checkStoodIn(t, b.Bytes(), "Likes "+standIn+" dinosaurs")
	})
	t.Run("case pack", func(t *testing.T) {
		tmpl, _ := Lookup(model.TemplateBWMATPlan)
		cc := c
		cc.Forms = []model.FormRecord{filled(tmpl, c, school)}
		var b bytes.Buffer
		if err := CasePackPDF(cc, school, &b); err != nil {
			t.Fatal(err)
		}
		checkStoodIn(t, b.Bytes(), "Zoë "+standIn)
	})
	for _, name := range model.ReportNames {
		t.Run("report "+name, func(t *testing.T) {
			rep, err := model.BuildReport(name, model.ReportInput{School: school, Cases: []model.Case{c},
				On: model.MustDate("2026-11-20"), Names: true})
			if err != nil {
				t.Fatal(err)
			}
			rep.Notes = append(rep.Notes, "Note with 😀 "+oddText)
			var b bytes.Buffer
			if err := ReportPDF(rep, &b); err != nil {
				t.Fatal(err)
			}
			checkStoodIn(t, b.Bytes(), "Note with "+standIn)
		})
	}
}

// checkStoodIn reads the PDF's text: it has want, with its stand-ins, and
// says once what the stand-in means.
func checkStoodIn(t *testing.T, pdf []byte, want string) {
	t.Helper()
	text, err := pdfText(pdf)
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(text), " ")
	if !strings.Contains(flat, want) {
		t.Errorf("the PDF lacks %q:\n%s", want, flat)
	}
	if n := strings.Count(flat, standInNote); n != 1 {
		t.Errorf("the PDF says %d times what %s stands for, want once", n, standIn)
	}
}

// A PDF with nothing to stand in for says nothing about stand-ins.
func TestPDFNoStandInNote(t *testing.T) {
	tmpl, _ := Lookup(model.TemplateBWMATPlan)
	c := sampleCase(model.ReducedTimetable)
	var b bytes.Buffer
	if err := PDF(tmpl, filled(tmpl, c, sampleSchool()), c, sampleSchool(), &b); err != nil {
		t.Fatal(err)
	}
	text, _ := pdfText(b.Bytes())
	if strings.Contains(text, standIn) {
		t.Errorf("a PDF of printable text mentions the stand-in:\n%s", text)
	}
}

// FuzzPDFText: any text, wherever a person's words reach a PDF (the
// pupil's and school's names, a form's answer, a report's cell and note),
// prints through every PDF writer without a panic or an error; text the
// font cannot draw whole leaves the note saying so.
func FuzzPDFText(f *testing.F) {
	for _, s := range []string{"", "Zoë", oddText, "😀", "\U0010FFFF", "\xff\xfe", "a\u0301\u0302\u0303", "\U000E0001"} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(1))
		f.Add(s, uint8(2))
	}
	school := sampleSchool()
	tmpls := Templates()
	f.Fuzz(func(t *testing.T, s string, which uint8) {
		sc := school
		sc.Name = s
		c := sampleCase(model.APReintegration)
		c.Pupil.Name = s
		c.NamedPerson = s
		var b bytes.Buffer
		var err error
		switch which % 3 {
		case 0:
			tmpl := tmpls[int(which/3)%len(tmpls)]
			rec := model.FormRecord{Template: tmpl.ID, Completed: c.Start, Fields: map[string]string{}}
			for _, in := range tmpl.allInputs() {
				rec.Fields[in.key] = s
			}
			err = PDF(tmpl, rec, c, sc, &b)
		case 1:
			c.Forms = []model.FormRecord{{Template: model.TemplateWorcsReview, Completed: c.Start,
				Fields: map[string]string{"outcome": s, "progress": s}}}
			err = CasePackPDF(c, sc, &b)
		default:
			rep, berr := model.BuildReport(model.ReportNames[int(which/3)%len(model.ReportNames)],
				model.ReportInput{School: sc, Cases: []model.Case{c}, On: c.Start, Names: true})
			if berr != nil {
				t.Skip(berr)
			}
			rep.Notes = append(rep.Notes, s)
			err = ReportPDF(rep, &b)
		}
		if err != nil {
			t.Fatalf("%q does not print: %v", s, err)
		}
		if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
			t.Fatalf("%q: not a PDF", s)
		}
		if beyond(Clean(s, false)) {
			text, _ := pdfText(b.Bytes())
			if !strings.Contains(strings.Join(strings.Fields(text), " "), standInNote) {
				t.Errorf("%q printed stand-ins without saying so", s)
			}
		}
	})
}

// beyond reports whether s has a character outside the Basic Multilingual
// Plane, which a PDF can only print as a stand-in.
func beyond(s string) bool {
	for _, r := range s {
		if r > 0xFFFF && r != utf8.RuneError {
			return true
		}
	}
	return false
}
