package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// The columns of a pupils CSV, by the headings SIMS, Arbor and Bromcom
// give them. Headings are compared in lower case with spaces, underscores,
// hyphens, dots and brackets ignored ("Legal Surname", "legal_surname" and
// "LEGAL SURNAME" are one). When a file has two headings for one field the
// one earlier in its list wins: the legal name before the everyday one.
const (
	colName = iota // the whole name, "Surname, Forename" or "Forename Surname"
	colForename
	colMiddle
	colSurname
	colPreferred
	colDOB
	colUPN
	colYear
	colReg
	colFSM
	colFlags
)

var pupilHeadings = [...][]string{
	colName:      {"name", "student", "pupil", "studentname", "pupilname", "fullname", "legalname", "learner"},
	colForename:  {"legalforename", "legalfirstname", "forename", "firstname", "givenname", "forenames"},
	colMiddle:    {"legalmiddlenames", "middlename", "middlenames"},
	colSurname:   {"legalsurname", "legallastname", "surname", "lastname", "familyname"},
	colPreferred: {"preferredforename", "preferredfirstname", "preferredname", "knownas", "knownasfirstname", "chosenname"},
	colDOB:       {"dateofbirth", "dob", "birthdate"},
	colUPN:       {"upn", "uniquepupilnumber"},
	colYear:      {"yeargroup", "ncyear", "ncyearactual", "year", "nationalcurriculumyear", "curriculumyear", "yearofeducation"},
	colReg:       {"reggroup", "registrationgroup", "registrationform", "regform", "formgroup", "tutorgroup", "form"},
	colFSM:       {"fsm", "fsmeligible", "fsmeligibility", "freeschoolmeals", "eligibleforfsm", "eligibleforfreeschoolmeals"},
	colFlags:     {"flags"},
}

// pupilCols is where each field is in a file's rows.
type pupilCols struct {
	index  map[int]int // field -> column
	rank   map[int]int // field -> position of the matched heading in its list
	unused []string
}

func (c pupilCols) has(field int) bool { _, ok := c.index[field]; return ok }

func headingKey(h string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(" _-.()/", r) {
			return -1
		}
		return r
	}, strings.ToLower(CleanName(h)))
}

func pupilHeader(header []string, sep rune) (pupilCols, CSVErrors) {
	cols := pupilCols{index: map[int]int{}, rank: map[int]int{}}
	for i, h := range header {
		field, rank := headingField(headingKey(h))
		if field < 0 {
			if name := CleanName(h); name != "" {
				cols.unused = append(cols.unused, name)
			}
			continue
		}
		if r, seen := cols.rank[field]; !seen || rank < r {
			cols.index[field], cols.rank[field] = i, rank
		}
	}
	var errs CSVErrors
	missing := func(msg string) { errs = append(errs, CSVError{Line: 1, Message: msg}) }
	if !cols.has(colName) && !(cols.has(colForename) && cols.has(colSurname)) {
		missing("no name column: add a column headed Name (or Legal Forename and Legal Surname)")
	}
	if !cols.has(colDOB) {
		missing("no date of birth column: add a column headed Date of Birth (or DOB)")
	}
	if !cols.has(colYear) && !cols.has(colReg) {
		missing("no year group column: add a column headed Year Group (or Year, NC Year, Reg Group)")
	}
	if len(errs) > 0 {
		errs = append(errs, CSVError{Line: 1, Message: headingsFound(header, sep)})
	}
	return cols, errs
}

func headingField(key string) (field, rank int) {
	for f, names := range pupilHeadings {
		for r, n := range names {
			if key == n {
				return f, r
			}
		}
	}
	return -1, 0
}

// headingsFound says how the heading row was read, so a file split on the
// wrong character (or with no heading row) is seen for what it is.
func headingsFound(header []string, sep rune) string {
	names := make([]string, 0, min(len(header), 8))
	for _, h := range header[:min(len(header), 8)] {
		names = append(names, strconv.Quote(CleanName(h)))
	}
	more := ""
	if len(header) > 8 {
		more = fmt.Sprintf(" and %d more", len(header)-8)
	}
	sepName := map[rune]string{',': "commas", ';': "semicolons", '\t': "tabs"}[sep]
	return fmt.Sprintf("the heading row was read as %d %s separated by %s: %s%s; the first row must be the headings, separated by commas or semicolons",
		len(header), plural(len(header), "column", "columns"), sepName, strings.Join(names, ", "), more)
}

// rowName is the pupil's legal name, forename first, and the preferred
// forename when it differs from the legal one. A whole-name column written
// "Surname, Forename" (as SIMS and Arbor lists show it) is turned round.
func rowName(cols pupilCols, cell func(int) string) (name, preferred string) {
	forename, surname := cell(colForename), cell(colSurname)
	if !(cols.has(colForename) && cols.has(colSurname)) || forename+surname == "" {
		whole := cell(colName)
		surname, forename = "", whole
		if s, f, ok := strings.Cut(whole, ","); ok && nameWords(s) && nameWords(f) {
			surname, forename = s, f
		}
	}
	name = CleanName(forename + " " + cell(colMiddle) + " " + surname)
	preferred = CleanName(cell(colPreferred))
	if first, _, _ := strings.Cut(CleanName(forename), " "); strings.EqualFold(preferred, first) || strings.EqualFold(preferred, CleanName(forename)) {
		preferred = ""
	}
	return name, preferred
}

// nameWords is true for text made of letters, spaces, hyphens, apostrophes
// and dots: the two halves of "Surname, Forename", not a formula or a list.
func nameWords(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && !strings.ContainsRune(" -'’.", r) {
			return false
		}
	}
	return strings.TrimSpace(s) != ""
}

// yearFromRegGroup reads the year from a registration group that starts
// with it ("10B", "7ABC", "Y9 Oak", "R1"), for exports with no year column.
func yearFromRegGroup(reg string) (YearGroup, error) {
	t := strings.ToUpper(strings.TrimSpace(reg))
	t = strings.TrimPrefix(strings.TrimPrefix(t, "YEAR"), "Y")
	t = strings.TrimSpace(t)
	digits := len(t) - len(strings.TrimLeft(t, "0123456789"))
	switch {
	case digits > 0:
		if y, err := ParseYearGroup(t[:digits]); err == nil {
			return y, nil
		}
	case strings.HasPrefix(t, "R") && (len(t) == 1 || !isLetter(t[1])):
		return "R", nil
	}
	return "", fmt.Errorf("%q does not begin with a year group and the file has no year column: add a column headed Year Group to the export", reg)
}

func isLetter(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }

// YearGroupFor is the year group of a child born on dob in the English
// school year holding on (1 September to 31 August): a child's year is set
// by their age on 31 August before it (4: Reception, 5: Y1 ... 17: Y13;
// 3: N2, 2: N1). ok is false for an age outside nursery to Y13.
func YearGroupFor(dob, on Date) (YearGroup, bool) {
	if dob.IsZero() || on.IsZero() {
		return "", false
	}
	start := on.Year()
	if on.Month() < time.September {
		start--
	}
	age := start - dob.Year() // on 31 August of the start year
	if dob.Month() >= time.September {
		age--
	}
	switch {
	case age == 2:
		return "N1", true
	case age == 3:
		return "N2", true
	case age == 4:
		return "R", true
	case age >= 5 && age <= 17:
		return YearGroup("Y" + strconv.Itoa(age-4)), true
	}
	return "", false
}

// SchoolYearOf names the school year holding the date, "2026/27".
func SchoolYearOf(on Date) string {
	start := on.Year()
	if on.Month() < time.September {
		start--
	}
	return fmt.Sprintf("%d/%02d", start, (start+1)%100)
}
