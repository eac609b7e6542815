package model

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// CSVError is one problem in a pupils CSV, by line and column.
type CSVError struct {
	Line    int
	Column  string
	Value   string
	Message string
}

func (e CSVError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("line %d: %s", e.Line, e.Message)
	}
	return fmt.Sprintf("line %d, %s: %s", e.Line, e.Column, e.Message)
}

// CSVErrors are every problem found, reported at once.
type CSVErrors []CSVError

func (es CSVErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// PupilsCSV is a pupils CSV as read: a row per pupil, each either ready to
// import or refused with its reasons.
type PupilsCSV struct {
	Rows      []PupilRow
	Separator rune     // ',' or ';' (or a tab), as found in the heading row
	HasFSM    bool     // the file has a free school meals column
	Unused    []string // headings the import does not read, as written
}

// PupilRow is one pupil row.
type PupilRow struct {
	Line    int
	Pupil   Pupil
	Refused CSVErrors // why the row cannot be imported; nil when it can
	Notes   CSVErrors // for a person to check (a year group that does not fit the date of birth); imported as given
}

// ReadPupilsCSV reads pupils exported from the MIS (SIMS, Arbor, Bromcom
// and the like): a heading row, then a pupil a row. The file is decoded by
// the one text rule (DecodeText), its separator (comma, semicolon or tab)
// found from the heading row, its columns by their headings in any case
// (pupilcolumns.go). A problem with the whole file (not text, past the
// limits of limits.go, no name column, broken quotes) is an error and
// nothing is returned; a
// problem with one row refuses that row only, saying which field and what
// to type. on is the as-of date, for the year group a date of birth gives.
func ReadPupilsCSV(data []byte, on Date) (PupilsCSV, error) {
	if len(data) > MaxPupilsCSVBytes { // before reading any of it (limits.go)
		size := Size(len(data))
		if size == Size(MaxPupilsCSVBytes) {
			size = "more than " + size
		}
		return PupilsCSV{}, CSVErrors{{Line: 1, Message: fmt.Sprintf("the file is %s: a pupils CSV may be at most %s; export only the pupils on roll, with the columns the import reads (name, date of birth, UPN, year group)",
			size, Size(MaxPupilsCSVBytes))}}
	}
	text, err := DecodeText(data)
	if err != nil {
		var te TextError
		errors.As(err, &te)
		return PupilsCSV{}, CSVErrors{{Line: max(te.Line, 1), Message: te.Message}}
	}
	if _, err := KindOfImport(text); err != nil {
		var te TextError
		errors.As(err, &te)
		return PupilsCSV{}, CSVErrors{{Line: max(te.Line, 1), Message: te.Message}}
	}
	out := PupilsCSV{Separator: separatorOf(text)}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.FieldsPerRecord, r.ReuseRecord = out.Separator, -1, true
	header, err := r.Read()
	if err != nil {
		return PupilsCSV{}, CSVErrors{{Line: 1, Message: csvSyntax(err)}}
	}
	cols, errs := pupilHeader(header, out.Separator)
	if len(errs) > 0 {
		return PupilsCSV{}, errs
	}
	out.HasFSM, out.Unused = cols.has(colFSM), cols.unused
	if out.Rows, err = readPupilRows(r, cols, on); err != nil {
		return PupilsCSV{}, err
	}
	return out, nil
}

func readPupilRows(r *csv.Reader, cols pupilCols, on Date) ([]PupilRow, error) {
	var rows []PupilRow
	upns := map[string]int{} // UPN -> the line that has it
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			line := 2
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			return nil, CSVErrors{{Line: line, Message: csvSyntax(err)}}
		}
		if blank(rec) {
			continue
		}
		line, _ := r.FieldPos(0)
		if len(rows) == MaxPupilsCSVRows {
			return nil, CSVErrors{{Line: line, Message: fmt.Sprintf("the file has more than %s pupil rows, the most a pupils CSV may have: export only the pupils on roll, or split the file; nothing was imported", Thousands(MaxPupilsCSVRows))}}
		}
		row := pupilRow(line, rec, cols, on)
		if first, dup := upns[row.Pupil.UPN]; dup && row.Pupil.UPN != "" {
			row.Refused = append(row.Refused, CSVError{Line: line, Column: "UPN", Value: row.Pupil.UPN,
				Message: fmt.Sprintf("the same UPN as line %d: remove one of the rows, or correct the UPN", first)})
		} else if row.Pupil.UPN != "" {
			upns[row.Pupil.UPN] = line
		}
		rows = append(rows, row)
	}
}

func csvSyntax(err error) string {
	if errors.Is(err, io.EOF) {
		return "the file is empty: export the pupils from the MIS as CSV with a heading row"
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Sprintf("not valid CSV (%v): check the quotes on that line, or export the file from the MIS again; nothing was imported", err)
}

// separatorOf is the character that splits the heading row into the most
// columns, outside quotes: a comma unless semicolons (Excel's CSV where
// the comma is the decimal mark) or tabs do more.
func separatorOf(text string) rune {
	counts := map[rune]int{}
	quoted := false
	for _, c := range text {
		if c == '"' {
			quoted = !quoted
		}
		if c == '\n' && !quoted {
			break
		}
		if !quoted {
			counts[c]++
		}
	}
	best := ','
	for _, c := range []rune{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// pupilRow reads one row; every problem is found, so the row's refusal
// lists them all.
func pupilRow(line int, rec []string, cols pupilCols, on Date) PupilRow {
	row := PupilRow{Line: line}
	cell := func(field int) string {
		if i, ok := cols.index[field]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	bad := func(column, value string, err error) {
		row.Refused = append(row.Refused, CSVError{Line: line, Column: column, Value: value, Message: err.Error()})
	}
	p := &row.Pupil
	p.Name, p.PreferredName = rowName(cols, cell)
	if p.Name == "" {
		bad("name", "", errors.New("the name is empty: type the pupil's name"))
	}
	var err error
	if p.DateOfBirth, err = ParseDate(withoutTime(cell(colDOB))); err != nil {
		bad("date of birth", cell(colDOB), err)
	}
	if p.UPN, err = ParseUPN(cell(colUPN)); err != nil {
		bad("UPN", cell(colUPN), err)
	}
	if cols.has(colYear) {
		if p.YearGroup, err = ParseYearGroup(cell(colYear)); err != nil {
			bad("year group", cell(colYear), err)
		}
	} else if p.YearGroup, err = yearFromRegGroup(cell(colReg)); err != nil {
		bad("reg group", cell(colReg), err)
	}
	if p.Flags, err = ParseFlags(cell(colFlags)); err != nil {
		bad("flags", cell(colFlags), err)
	}
	if cols.has(colFSM) {
		if p.FreeSchoolMeals, err = parseYesNo(cell(colFSM)); err != nil {
			bad("free school meals", cell(colFSM), err)
		}
	}
	if err := p.CheckLimits(); err != nil {
		bad("name", cutShort(p.Name), err)
	}
	if row.Refused == nil {
		row.Notes = yearNote(line, *p, on)
	}
	return row
}

// yearNote flags a year group other than the one the date of birth gives
// in the school year holding on. It is listed for a person to check, and
// the MIS's year is kept: a pupil taught out of year is real (a summer
// born child held back, a pupil who repeated a year).
func yearNote(line int, p Pupil, on Date) CSVErrors {
	want, ok := YearGroupFor(p.DateOfBirth, on)
	if !ok || want == p.YearGroup {
		return nil
	}
	return CSVErrors{{Line: line, Column: "year group", Value: string(p.YearGroup), Message: fmt.Sprintf(
		"%s does not fit the date of birth %s, which gives %s in the school year %s: imported as %s; check the MIS (a pupil taught out of year is kept so)",
		p.YearGroup, p.DateOfBirth.UK(), want, SchoolYearOf(on), p.YearGroup)}}
}

// cutShort is a value cut short to quote in a message.
func cutShort(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}

// withoutTime drops the midnight Excel adds to a date ("03/02/2013 00:00:00").
func withoutTime(s string) string {
	for _, t := range []string{" 00:00:00", " 00:00"} {
		s = strings.TrimSuffix(s, t)
	}
	return s
}

func parseYesNo(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "y", "yes", "true", "1", "t", "fsm":
		return true, nil
	case "", "n", "no", "false", "0", "f":
		return false, nil
	}
	return false, fmt.Errorf("%q is not yes or no: type Y or N", s)
}

// ParseFlags reads flags separated by ; | or commas, by their names
// (looked_after) or labels (Looked after).
func ParseFlags(s string) ([]Flag, error) {
	var flags []Flag
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '|' || r == ',' }) {
		f, err := ParseFlag(part)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(flags, f) {
			flags = append(flags, f)
		}
	}
	return flags, nil
}

// ParseFlag reads one flag by name or label, in any case.
func ParseFlag(s string) (Flag, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for _, f := range Flags {
		if t == string(f) || t == strings.ToLower(f.Label()) || strings.ReplaceAll(t, " ", "_") == string(f) {
			return f, nil
		}
	}
	return "", fmt.Errorf("%q is not a flag: use looked_after, previously_looked_after, child_protection, child_in_need, early_help, ehcp, sen_support or youth_justice", s)
}
