package model

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// pupilColumns are the headings an MIS export may use for each field,
// compared lower-case with spaces and underscores ignored. SIMS, Arbor and
// Bromcom each name them a little differently.
var pupilColumns = map[string][]string{
	"name":     {"name", "pupilname", "fullname", "preferredname"},
	"forename": {"forename", "legalforename", "firstname", "givenname"},
	"surname":  {"surname", "legalsurname", "lastname", "familyname"},
	"dob":      {"dateofbirth", "dob", "birthdate"},
	"upn":      {"upn", "uniquepupilnumber"},
	"year":     {"yeargroup", "year", "ncyear", "nationalcurriculumyear", "yearofeducation"},
	"flags":    {"flags"},
}

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

// ParsePupilsCSV reads pupils exported from the MIS: a heading row, then a
// pupil a row with name (or forename and surname), date of birth, UPN
// (optional), year group and flags (optional, separated by ; or |). It is
// all or nothing: any bad row gives CSVErrors naming every problem.
func ParsePupilsCSV(data []byte) ([]Pupil, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, CSVErrors{{Line: 1, Message: "the file is empty: export the pupils from the MIS with a heading row"}}
	}
	cols, errs := pupilHeader(header)
	if len(errs) > 0 {
		return nil, errs
	}
	var pupils []Pupil
	seen := map[string]int{}
	for line := 2; ; line++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			errs = append(errs, CSVError{Line: line, Message: fmt.Sprintf("not valid CSV (%v): check the quotes on that line, or export the file from the MIS again", err)})
			break
		}
		if blank(rec) {
			continue
		}
		p, rowErrs := pupilRow(line, rec, cols)
		errs = append(errs, rowErrs...)
		if key := pupilKey(p); key != "" {
			if first, dup := seen[key]; dup {
				errs = append(errs, CSVError{Line: line, Message: fmt.Sprintf("the same pupil as line %d: remove one of the rows", first)})
			}
			seen[key] = line
		}
		pupils = append(pupils, p)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return pupils, nil
}

// pupilKey identifies a pupil for duplicate checks: the UPN, or else the
// name with the date of birth.
func pupilKey(p Pupil) string {
	if p.UPN != "" {
		return "upn:" + p.UPN
	}
	if p.Name == "" || p.DateOfBirth.IsZero() {
		return ""
	}
	return "name:" + strings.ToLower(p.Name) + "|" + p.DateOfBirth.String()
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func pupilHeader(header []string) (map[string]int, CSVErrors) {
	cols := map[string]int{}
	for i, h := range header {
		h = strings.NewReplacer(" ", "", "_", "", "-", "").Replace(strings.ToLower(strings.TrimSpace(h)))
		for field, names := range pupilColumns {
			for _, n := range names {
				if h == n {
					if _, dup := cols[field]; !dup {
						cols[field] = i
					}
				}
			}
		}
	}
	var errs CSVErrors
	_, hasName := cols["name"]
	_, hasFore := cols["forename"]
	_, hasSur := cols["surname"]
	if !hasName && !(hasFore && hasSur) {
		errs = append(errs, CSVError{Line: 1, Message: "no name column: add a column headed Name (or Forename and Surname)"})
	}
	for field, heading := range map[string]string{"dob": "Date of birth", "year": "Year group"} {
		if _, ok := cols[field]; !ok {
			errs = append(errs, CSVError{Line: 1, Message: fmt.Sprintf("no %s column: add a column headed %s", strings.ToLower(heading), heading)})
		}
	}
	return cols, errs
}

func pupilRow(line int, rec []string, cols map[string]int) (Pupil, CSVErrors) {
	cell := func(field string) string {
		if i, ok := cols[field]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var errs CSVErrors
	bad := func(column, value, msg string) {
		errs = append(errs, CSVError{Line: line, Column: column, Value: value, Message: msg})
	}
	var p Pupil
	p.Name = CleanName(cell("name"))
	if p.Name == "" {
		p.Name = CleanName(cell("forename") + " " + cell("surname"))
	}
	if p.Name == "" {
		bad("name", "", "the name is empty: type the pupil's name")
	}
	var err error
	if p.DateOfBirth, err = ParseDate(cell("dob")); err != nil {
		bad("date of birth", cell("dob"), err.Error())
	}
	if p.UPN, err = ParseUPN(cell("upn")); err != nil {
		bad("UPN", cell("upn"), err.Error())
	}
	if p.YearGroup, err = ParseYearGroup(cell("year")); err != nil {
		bad("year group", cell("year"), err.Error())
	}
	if p.Flags, err = ParseFlags(cell("flags")); err != nil {
		bad("flags", cell("flags"), err.Error())
	}
	return p, errs
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
