package forms

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"reintegrate/model"
)

// reportSample is the school and cases the report PDFs are printed from:
// sampleCase running as a reduced timetable, and a Reception pupil under
// compulsory school age (X in the register).
func reportSample(t *testing.T, name string, names bool) model.Report {
	t.Helper()
	school := sampleSchool()
	school.URN = "123456"
	school.Closures = []model.Closure{{First: model.MustDate("2026-10-26"), Last: model.MustDate("2026-10-30"), Name: "October half term"},
		{First: model.MustDate("2026-12-21"), Last: model.MustDate("2027-01-01"), Name: "Christmas holiday"}}
	c := sampleCase(model.ReducedTimetable)
	c.Status, c.Pupil.ID, c.Pupil.UPN = model.Active, 1, "A123456789012"
	c.Consent = model.Consent{ParentName: "J Nguyễn", Relationship: "mother", LivesWithPupil: true, Signed: model.MustDate("2026-10-30")}
	r := sampleCase(model.ReducedTimetable)
	r.ID, r.Status, r.Pupil = 8, model.Active, model.Pupil{ID: 2, Name: "Łukasz Wiśniewski", DateOfBirth: model.MustDate("2022-06-02"), YearGroup: "R"}
	r.Start = model.MustDate("2026-11-09")
	for i := range r.Timetable {
		r.Timetable[i].WeekBeginning = r.Start.AddDays(7 * i)
	}
	rep, err := model.BuildReport(name, model.ReportInput{School: school, Cases: []model.Case{c, r},
		On: model.MustDate("2026-11-20"), Names: names})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func reportPDFBytes(t *testing.T, r model.Report, compress bool) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := writeReportPDF(r, &b, compress); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Each report prints: its title, period and page count on the page, the
// pupils' names with their accents where the report names them, and no
// names where it must not (002 s7 trust; 002 s5.11 governors unless asked).
func TestReportPDFText(t *testing.T) {
	tests := []struct {
		name  string
		names bool
		named bool
	}{
		{model.ReportLA, false, true},
		{model.ReportHalfTerm, false, true},
		{model.ReportGovernors, false, false},
		{model.ReportGovernors, true, true},
		{model.ReportSocialCare, false, true},
		{model.ReportTrust, false, false},
		{model.ReportRegister, false, true},
	}
	for _, tt := range tests {
		r := reportSample(t, tt.name, tt.names)
		text, err := pdfText(reportPDFBytes(t, r, false))
		if err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(text), " ")
		for _, want := range []string{r.Title, "Period 02/11/2026 to 18/12/2026, as of 20/11/2026", "Page 1 of"} {
			if !strings.Contains(flat, want) {
				t.Errorf("%s: the PDF lacks %q", tt.name, want)
			}
		}
		for _, pupil := range []string{"Zoë Nguyễn-Łukasz", "Łukasz Wiśniewski"} {
			if got := strings.Contains(flat, pupil); got != tt.named {
				t.Errorf("%s (names %v): names %s = %v, want %v", tt.name, tt.names, pupil, got, tt.named)
			}
		}
	}
}

// The register's codes reach the page: X for the Reception pupil, C2 for
// the Y8 pupil's afternoons at home (RULES.md, "Register codes").
func TestReportPDFRegisterCodes(t *testing.T) {
	text, err := pdfText(reportPDFBytes(t, reportSample(t, model.ReportRegister, false), false))
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"C2", "X", "B"} {
		if !strings.Contains("\n"+text, "\n"+code+"\n") {
			t.Errorf("the register PDF has no %s cell", code)
		}
	}
}

// The same report prints the same bytes (the PDF's dates are the as-of
// date), so a golden of the bytes holds.
func TestReportPDFStable(t *testing.T) {
	r := reportSample(t, model.ReportGovernors, false)
	first, second := reportPDFBytes(t, r, true), reportPDFBytes(t, r, true)
	if !bytes.Equal(first, second) {
		t.Fatal("two prints of the same report differ")
	}
	if !bytes.HasPrefix(first, []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	golden.RequireEqual(t, first)
}

// What a reader's PDF program finds in each report, by pdftotext (poppler).
func TestReportPDFToText(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (poppler-utils): the report pdftotext goldens are not checked; TestReportPDFText still reads the PDFs")
	}
	for _, name := range model.ReportNames {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := ReportPDF(reportSample(t, name, false), &b); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("pdftotext", "-enc", "UTF-8", "-layout", "-", "-")
			cmd.Stdin = &b
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("pdftotext cannot read the PDF: %v", err)
			}
			golden.RequireEqual(t, out)
		})
	}
}
