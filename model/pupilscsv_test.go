package model

import (
	"os"
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

// csvOn is the as-of date the CSV tests read with: the school year 2026/27.
var csvOn = MustDate("2026-11-02")

// readAll reads a CSV all or nothing: every row's pupil, or every refusal.
func readAll(data []byte) ([]Pupil, error) {
	f, err := ReadPupilsCSV(data, csvOn)
	if err != nil {
		return nil, err
	}
	var pupils []Pupil
	var errs CSVErrors
	for _, r := range f.Rows {
		errs = append(errs, r.Refused...)
		pupils = append(pupils, r.Pupil)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return pupils, nil
}

func TestReadPupilsCSV(t *testing.T) {
	data := "\ufeffLegal Forename,Legal Surname,Date of Birth,UPN,NC Year,Flags\r\n" +
		"Zoë,Clarke,19/05/2014,J801200000101,Year 8,early_help\r\n" +
		"Łukasz,Nowak,2011-02-03,,10,Looked after; ehcp\r\n" +
		",,,,,\r\n" +
		"Nguyễn Thị,Mai,11/10/2017,,Y4,\r\n"
	pupils, err := readAll([]byte(data))
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

// Arbor lists a student as "Surname, Forename" in one column, with the
// preferred name and the registration group beside it (no year column).
func TestReadPupilsCSVArborStyle(t *testing.T) {
	f := readFixture(t, "testdata/pupils-arbor.csv")
	if f.Separator != ',' || len(f.Rows) != 3 {
		t.Fatalf("separator %q, %d rows; want ',' and 3", f.Separator, len(f.Rows))
	}
	zoe := f.Rows[0].Pupil
	if zoe.Name != "Zoe Nguyen" || zoe.PreferredName != "" || zoe.YearGroup != "Y8" || zoe.UPN != "A123456789012" {
		t.Errorf("first row = %+v", zoe)
	}
	sam := f.Rows[1].Pupil
	if sam.Name != "Samira Ahmed Khan" || sam.PreferredName != "Sam" || sam.YearGroup != "Y10" || !sam.FreeSchoolMeals {
		t.Errorf("second row = %+v", sam)
	}
	if !strings.Contains(f.Rows[2].Refused.Error(), "line 4, reg group") {
		t.Errorf("a reg group with no year in it was not refused: %v", f.Rows[2].Refused)
	}
}

// SIMS exports Legal Surname, Legal Forename and Year, semicolon separated
// where Excel's list separator is the semicolon, in Windows-1252.
func TestReadPupilsCSVSIMSStyleWindows1252(t *testing.T) {
	f := readFixture(t, "testdata/pupils-sims-1252.csv")
	if f.Separator != ';' || len(f.Rows) != 2 {
		t.Fatalf("separator %q, %d rows; want ';' and 2", f.Separator, len(f.Rows))
	}
	if got := f.Rows[0].Pupil; got.Name != "Zoë Ó Briain" || got.PreferredName != "Zo" || got.YearGroup != "Y7" {
		t.Errorf("first row = %+v: Windows-1252 \\xeb must read as ë", got)
	}
	if got := f.Rows[1].Pupil; got.Name != "Chloé Dubois" || got.DateOfBirth != MustDate("2013-03-04") {
		t.Errorf("second row = %+v", got)
	}
	// Born 04/03/2013 is Y9 in 2026/27: the file's Y8 is listed, not changed.
	if n := f.Rows[1].Notes; len(n) != 1 || !strings.Contains(n.Error(), "Y8 does not fit the date of birth 04/03/2013, which gives Y9 in the school year 2026/27") || f.Rows[1].Pupil.YearGroup != "Y8" {
		t.Errorf("year note = %v, year %s", n, f.Rows[1].Pupil.YearGroup)
	}
}

func readFixture(t *testing.T, path string) PupilsCSV {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := ReadPupilsCSV(data, csvOn)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// Every bad row is reported, by line and column; the good rows stay.
func TestReadPupilsCSVRefusals(t *testing.T) {
	data := "Name,DOB,UPN,Year group,Flags\n" +
		"Sam Taylor,31/02/2013,A123456789012,Y8,\n" +
		",02/04/2013,,Y8,\n" +
		"Amy Lee,02/04/2013,B123456789012,Year 14,wizard\n" +
		"Sam Again,01/01/2013,A123456789012,Y8,\n" +
		strings.Repeat("Zoë", 70) + ",01/01/2013,,Y9,\n" +
		"Good Pupil,01/01/2013,,Y9,\n"
	f, err := ReadPupilsCSV([]byte(data), csvOn)
	if err != nil {
		t.Fatal(err)
	}
	var all CSVErrors
	for _, r := range f.Rows[:5] {
		if r.Refused == nil {
			t.Errorf("line %d was not refused", r.Line)
		}
		all = append(all, r.Refused...)
	}
	for _, want := range []string{
		"line 2, date of birth", "February has only 28 days",
		"line 3, name", "line 4, UPN", "line 4, year group", "line 4, flags",
		"line 6, name: pupil's name has 210 characters: the most it may have is 200",
	} {
		if !strings.Contains(all.Error(), want) {
			t.Errorf("refusals do not mention %q:\n%v", want, all)
		}
	}
	if f.Rows[5].Refused != nil || f.Rows[5].Pupil.Name != "Good Pupil" {
		t.Errorf("the good row = %+v", f.Rows[5])
	}
}

// What the whole file is wrong for is said, with what to do (the old
// reader called all of these "the file is empty").
func TestReadPupilsCSVWholeFile(t *testing.T) {
	utf16 := []byte{0xff, 0xfe}
	for _, c := range "Name,DOB\r\n" {
		utf16 = append(utf16, byte(c), 0)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"no headings it knows", []byte("Pupil Ref,Born\nSam,01/01/2013\n"), "no name column"},
		{"empty", nil, "the file is empty"},
		{"a JSON list", []byte(`[{"name": "Sam"}]`), "this is a JSON list"},
		{"UTF-16", utf16, "UTF-16 text"},
		{"UTF-16 without its mark", utf16[2:], "UTF-16 text"},
		{"binary", []byte("\x13\x00\x9a\x01garbage\x00\x00"), "binary data"},
		{"an Excel workbook", []byte("PK\x03\x04\x14\x00"), "Excel workbook (.xlsx)"},
		{"mixed UTF-8 and not", []byte("Name,DOB,Year\nZoë,01/01/2013,Y8\nZo\xeb,01/01/2013,Y8\n"), "line 3: has a byte that is not UTF-8"},
		{"too big", make([]byte, MaxPupilsCSVBytes+1), "the file is more than 32 MB: a pupils CSV may be at most 32 MB"},
		{"too many rows", []byte("Name,DOB,Year\n" + strings.Repeat("Sam,01/01/2013,Y8\n", MaxPupilsCSVRows+1)), "more than 50,000 pupil rows"},
		{"semicolons and a wrong heading", []byte("Nom;Né\nSam;01/01/2013\n"), "separated by semicolons"},
	}
	for _, tt := range tests {
		_, err := ReadPupilsCSV(tt.data, csvOn)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.want)
		}
	}
}

func TestYearGroupFor(t *testing.T) {
	on := MustDate("2026-11-02") // school year 2026/27
	for dob, want := range map[string]YearGroup{
		"2013-09-01": "Y8", "2014-08-31": "Y8", "2014-09-01": "Y7", "2022-09-01": "N2", "2023-08-31": "N2",
		"2022-08-31": "R", "2021-09-01": "R", "2021-08-31": "Y1", "2009-09-01": "Y12", "2008-09-01": "Y13",
	} {
		if got, _ := YearGroupFor(MustDate(dob), on); got != want {
			t.Errorf("YearGroupFor(%s) = %s, want %s", dob, got, want)
		}
	}
	// The cut-off is 1 September: the as-of date moves every child up then.
	if got, _ := YearGroupFor(MustDate("2013-09-01"), MustDate("2027-09-01")); got != "Y9" {
		t.Errorf("on 01/09/2027 a child born 01/09/2013 is in %s, want Y9", got)
	}
	if _, ok := YearGroupFor(MustDate("2000-01-01"), on); ok {
		t.Error("a 26-year-old was given a year group")
	}
}

func FuzzReadPupilsCSV(f *testing.F) {
	f.Add([]byte("Name,DOB,UPN,Year,Flags\nZoë,19/05/2014,J801200000101,Y8,ehcp\n"))
	f.Add([]byte("Forename,Surname,Date of birth,Year group\n\"a,b\",c,2014-05-19,R\n"))
	f.Add([]byte("Student;Preferred Forename;DOB;Reg Group\n\"Nguyen, Zo\xeb\";Zo;01/01/2013;8B\n"))
	f.Add([]byte{0xff, 0xfe, 'N', 0, 'a', 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := ReadPupilsCSV(data, csvOn)
		if err != nil && file.Rows != nil {
			t.Fatal("rows returned with an error")
		}
		for _, r := range file.Rows {
			p := r.Pupil
			if r.Refused != nil {
				continue
			}
			if p.Name == "" || p.DateOfBirth.IsZero() || p.YearGroup == "" || p.Name != CleanName(p.Name) || p.PreferredName != CleanName(p.PreferredName) {
				t.Fatalf("accepted a pupil with a missing or unclean field: %+v", p)
			}
			if _, err := ParseUPN(p.UPN); err != nil {
				t.Fatalf("accepted a bad UPN: %+v", p)
			}
		}
	})
}
