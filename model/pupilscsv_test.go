package model

import (
	"errors"
	"strings"
	"testing"
)

func TestParseUPN(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{"A123456789012", "A123456789012", ""}, // DESIGN.md's example
		{" j801200000101 ", "J801200000101", ""},
		{"", "", ""},
		{"B123456789012", "", "check letter should be A"},
		{"A12345678901", "", "13 characters"},
		{"I123456789012", "", "13 characters"},
		{"A1234567890X1", "", "must be digits"},
		{"A12345678901A", "A12345678901A", ""}, // temporary UPN
		{"A12345678901S", "", "other than I, O or S"},
	}
	for _, tt := range tests {
		got, err := ParseUPN(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseUPN(%q) error = %v, want one saying %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseUPN(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestParsePupilsCSV(t *testing.T) {
	data := "\ufeffLegal Forename,Legal Surname,Date of Birth,UPN,NC Year,Flags\r\n" +
		"Zoë,Clarke,19/05/2014,J801200000101,Year 8,early_help\r\n" +
		"Łukasz,Nowak,2011-02-03,,10,Looked after; ehcp\r\n" +
		",,,,,\r\n" +
		"Nguyễn Thị,Mai,11/10/2017,,Y4,\r\n"
	pupils, err := ParsePupilsCSV([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(pupils) != 3 {
		t.Fatalf("got %d pupils, want 3", len(pupils))
	}
	zoe := pupils[0]
	if zoe.Name != "Zoë Clarke" || zoe.DateOfBirth != MustDate("2014-05-19") || zoe.UPN != "J801200000101" || zoe.YearGroup != "Y8" || !zoe.Has(EarlyHelp) {
		t.Errorf("first pupil = %+v", zoe)
	}
	if l := pupils[1]; l.YearGroup != "Y10" || !l.Has(LookedAfter) || !l.Has(EHCP) {
		t.Errorf("second pupil = %+v", l)
	}
	if pupils[2].Name != "Nguyễn Thị Mai" {
		t.Errorf("third pupil name = %q", pupils[2].Name)
	}
}

// Every bad row is reported at once, by line and column, and nothing is returned.
func TestParsePupilsCSVErrors(t *testing.T) {
	data := "Name,DOB,UPN,Year group,Flags\n" +
		"Sam Taylor,31/02/2013,A123456789012,Y8,\n" +
		",02/04/2013,,Y8,\n" +
		"Amy Lee,02/04/2013,B123456789012,Year 14,wizard\n" +
		"Sam Again,01/01/2013,A123456789012,Y8,\n"
	pupils, err := ParsePupilsCSV([]byte(data))
	if pupils != nil {
		t.Errorf("pupils returned despite errors: %v", pupils)
	}
	var errs CSVErrors
	if !errors.As(err, &errs) {
		t.Fatalf("error = %v, want CSVErrors", err)
	}
	for _, want := range []string{
		"line 2, date of birth", "February has only 28 days",
		"line 3, name", "line 4, UPN", "line 4, year group", "line 4, flags",
		"line 5: the same pupil as line 2",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("errors do not mention %q:\n%v", want, err)
		}
	}
}

func TestParsePupilsCSVHeader(t *testing.T) {
	_, err := ParsePupilsCSV([]byte("Pupil,Born\nSam,01/01/2013\n"))
	for _, want := range []string{"no name column", "no date of birth column", "no year group column"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not say %q", err, want)
		}
	}
	if _, err := ParsePupilsCSV(nil); err == nil {
		t.Error("an empty file was accepted")
	}
}

func FuzzParsePupilsCSV(f *testing.F) {
	f.Add([]byte("Name,DOB,UPN,Year,Flags\nZoë,19/05/2014,J801200000101,Y8,ehcp\n"))
	f.Add([]byte("Forename,Surname,Date of birth,Year group\n\"a,b\",c,2014-05-19,R\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		pupils, err := ParsePupilsCSV(data)
		if err != nil && pupils != nil {
			t.Fatal("pupils returned with an error")
		}
		for _, p := range pupils {
			if p.Name == "" || p.DateOfBirth.IsZero() || p.YearGroup == "" || p.Name != CleanName(p.Name) {
				t.Fatalf("accepted a pupil with a missing or unclean field: %+v", p)
			}
		}
	})
}
