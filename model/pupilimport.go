package model

import (
	"fmt"
	"strings"
)

// PupilImport is what a pupils import did, or on a dry run would do: the
// one summary the command line and the app both show. Every row is
// counted once: New, Updated, Unchanged or Refused.
type PupilImport struct {
	DryRun                           bool
	Rows                             int
	New, Updated, Unchanged, Refused int
	NamesKept                        int           // names the MIS spells otherwise, kept as typed (listed in Refusals)
	Changes                          []PupilChange // each change, field by field
	Refusals                         CSVErrors     // each refusal: a whole row, or a name kept
	Notes                            CSVErrors     // for a person to check; imported as given
	Unused                           []string      // headings the import did not read
}

// PupilChange is one field of one pupil changed by an import; a new pupil
// is one change with Field "new pupil".
type PupilChange struct {
	Line     int
	Pupil    string // the pupil's name as the record has it after the import
	Field    string
	Old, New string
}

func (c PupilChange) String() string {
	if c.Field == "new pupil" {
		return fmt.Sprintf("line %d: new pupil %s, %s", c.Line, c.Pupil, c.New)
	}
	return fmt.Sprintf("line %d: %s, %s: %s -> %s", c.Line, c.Pupil, c.Field, orBlank(c.Old), orBlank(c.New))
}

func orBlank(s string) string {
	if s == "" {
		return "(blank)"
	}
	return s
}

// Counts is the one-line summary: "2 new, 1 updated, 40 unchanged, 1 refused".
func (r PupilImport) Counts() string {
	s := fmt.Sprintf("%d new, %d updated, %d unchanged, %d refused", r.New, r.Updated, r.Unchanged, r.Refused)
	if r.NamesKept > 0 {
		s += fmt.Sprintf("; %d %s kept as typed", r.NamesKept, plural(r.NamesKept, "name", "names"))
	}
	return s
}

// Lines is the whole summary, a line each: the counts, then each change,
// each refusal and each thing to check, under headings.
func (r PupilImport) Lines() []string {
	head := "Imported: " + r.Counts() + "."
	if r.DryRun {
		head = "Dry run, nothing was written. The import would give: " + r.Counts() + "."
	}
	out := []string{head}
	section := func(title string, items []string) {
		if len(items) > 0 {
			out = append(out, "", title)
			for _, it := range items {
				out = append(out, "  "+it)
			}
		}
	}
	changes := make([]string, len(r.Changes))
	for i, c := range r.Changes {
		changes[i] = c.String()
	}
	section("Changes:", changes)
	section("Refused (the rest of each row was imported where it says so; correct the MIS or use the option named, then import again):", errorLines(r.Refusals))
	section("To check (imported as the MIS has it):", errorLines(r.Notes))
	if len(r.Unused) > 0 {
		out = append(out, "", "Columns not read: "+strings.Join(r.Unused, ", ")+".")
	}
	return out
}

func errorLines(es CSVErrors) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Error()
	}
	return out
}

// PupilChanges lists the fields that differ between two versions of a
// pupil, as a person reads them.
func PupilChanges(line int, before, after Pupil) []PupilChange {
	var out []PupilChange
	add := func(field, old, new string) {
		if old != new {
			out = append(out, PupilChange{Line: line, Pupil: after.Name, Field: field, Old: old, New: new})
		}
	}
	add("name", before.Name, after.Name)
	add("preferred name", before.PreferredName, after.PreferredName)
	add("date of birth", before.DateOfBirth.UK(), after.DateOfBirth.UK())
	add("UPN", before.UPN, after.UPN)
	add("year group", string(before.YearGroup), string(after.YearGroup))
	add("flags", flagList(before.Flags), flagList(after.Flags))
	add("free school meals", yesNo(before.FreeSchoolMeals), yesNo(after.FreeSchoolMeals))
	return out
}

func flagList(flags []Flag) string {
	out := make([]string, len(flags))
	for i, f := range flags {
		out[i] = f.Label()
	}
	return strings.Join(out, ", ")
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
