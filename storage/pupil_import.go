package storage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"reintegrate/model"
)

// ImportOptions are what a person asked of a pupils import.
type ImportOptions struct {
	// DryRun works out the report without writing anything.
	DryRun bool
	// UpdateNames takes the MIS's spelling of a pupil's name where it
	// differs from the record's; without it the record's name is kept and
	// the difference listed.
	UpdateNames bool
	// AllowDuplicates adds a pupil even when one with the same name (folded:
	// case, accents, lookalike letters) and date of birth is on roll or
	// earlier in the file.
	AllowDuplicates bool
}

// ImportReport is what a pupils import did, or on a dry run would do.
type ImportReport = model.PupilImport

// PupilChange is one field of one pupil changed by an import.
type PupilChange = model.PupilChange

// ImportPupils brings the pupils of an MIS export into the record, in one
// transaction, and says what it did. Each row is matched to a pupil on
// roll by UPN, else by name (folded, lookalikeKey) and date of birth (the
// same child whose UPN we lacked). A matched pupil takes the row's date of
// birth, UPN, year group, preferred name and free school meals where they
// differ, and gains the row's flags (a safeguarding flag is removed only by
// someone deciding to); a different name is kept as the record has it
// unless opt.UpdateNames. A row refused by the reader, or one that would
// make a second pupil with a lookalike name and the same date of birth, is
// refused whole. Every change is written to the audit log.
func (s *Store) ImportPupils(ctx context.Context, file model.PupilsCSV, opt ImportOptions) (ImportReport, error) {
	var rep ImportReport
	plan := func(q queryer) ([]importOp, error) {
		roll, err := loadRoll(ctx, q)
		if err != nil {
			return nil, err
		}
		var ops []importOp
		rep, ops = planImport(roll, file, opt)
		return ops, nil
	}
	var err error
	if opt.DryRun {
		err = s.readTx(ctx, func(tx *sql.Tx) error { _, err := plan(tx); return err })
	} else {
		err = s.write(ctx, func(c *change) error {
			ops, err := plan(c)
			if err != nil {
				return err
			}
			return applyImport(ctx, c, ops)
		})
	}
	if err != nil {
		return ImportReport{}, fmt.Errorf("import pupils: %w; nothing was imported", err)
	}
	return rep, nil
}

// importOp is one write of an import: a new pupil (before is nil) or an update.
type importOp struct {
	before *model.Pupil
	after  model.Pupil
}

func applyImport(ctx context.Context, c *change, ops []importOp) error {
	for _, op := range ops {
		var err error
		if op.before == nil {
			p := op.after
			err = insertPupil(ctx, c, &p, "import")
		} else {
			err = updatePupil(ctx, c, *op.before, op.after, "import")
		}
		if err != nil {
			return fmt.Errorf("%s: %w", op.after.Name, err)
		}
	}
	return nil
}

// roll is the pupils on roll, found by UPN and by lookalike key.
type roll struct {
	pupils []model.Pupil
	byUPN  map[string]int
	byKey  map[string][]int
	seen   map[int]int // pupil -> the line of this file that added or matched it
}

func loadRoll(ctx context.Context, q queryer) (*roll, error) {
	r := &roll{byUPN: map[string]int{}, byKey: map[string][]int{}, seen: map[int]int{}}
	rows, err := q.QueryContext(ctx, "SELECT "+pupilColumns+" FROM pupils p ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		p, err := scanPupil(rows)
		if err != nil {
			return nil, err
		}
		r.add(p)
	}
	return r, rows.Err()
}

func (r *roll) add(p model.Pupil) int {
	i := len(r.pupils)
	r.pupils = append(r.pupils, p)
	if p.UPN != "" {
		r.byUPN[p.UPN] = i
	}
	key := lookalikeKey(p.Name, p.DateOfBirth)
	r.byKey[key] = append(r.byKey[key], i)
	return i
}

func planImport(r *roll, file model.PupilsCSV, opt ImportOptions) (ImportReport, []importOp) {
	rep := ImportReport{DryRun: opt.DryRun, Rows: len(file.Rows), Unused: file.Unused}
	var ops []importOp
	for _, row := range file.Rows {
		rep.Notes = append(rep.Notes, row.Notes...)
		if row.Refused != nil {
			rep.Refused++
			rep.Refusals = append(rep.Refusals, row.Refused...)
			continue
		}
		p := cleanPupil(row.Pupil)
		if err := validatePupil(p); err != nil { // what storage holds any pupil to, a row that did not come through the reader too
			rep.Refused++
			rep.Refusals = append(rep.Refusals, model.CSVError{Line: row.Line, Message: err.Error()})
			continue
		}
		found, refusal := r.match(row.Line, p, opt)
		switch {
		case refusal != nil:
			rep.Refused++
			rep.Refusals = append(rep.Refusals, *refusal)
		case found < 0:
			p.ID = 0
			r.seen[r.add(p)] = row.Line
			rep.New++
			rep.Changes = append(rep.Changes, PupilChange{Line: row.Line, Pupil: p.Name, Field: "new pupil", New: pupilSummary(p)})
			ops = append(ops, importOp{after: p})
		default:
			before := r.pupils[found]
			after, changes, kept := mergeRow(row.Line, before, p, file.HasFSM, opt)
			r.seen[found] = row.Line
			if kept != nil {
				rep.NamesKept++
				rep.Refusals = append(rep.Refusals, *kept)
			}
			if len(changes) == 0 {
				rep.Unchanged++
				continue
			}
			r.pupils[found] = after
			rep.Updated++
			rep.Changes = append(rep.Changes, changes...)
			ops = append(ops, importOp{before: &before, after: after})
		}
	}
	return rep, ops
}

// match finds the pupil on roll the row describes: its index, -1 for a
// new pupil, or why the row is refused. A pupil an earlier row of the file
// added or matched is not matched again: two rows, one child.
func (r *roll) match(line int, p model.Pupil, opt ImportOptions) (int, *model.CSVError) {
	refuse := func(column, msg string, a ...any) (int, *model.CSVError) {
		return 0, &model.CSVError{Line: line, Column: column, Value: p.Name, Message: fmt.Sprintf(msg, a...)}
	}
	if i, ok := r.byUPN[p.UPN]; ok && p.UPN != "" {
		if first, seen := r.seen[i]; seen {
			return refuse("UPN", "the same UPN as line %d: remove one of the rows, or correct the UPN", first)
		}
		return i, nil
	}
	var same, others []int // without a UPN on one side (the same child), with another UPN
	for _, i := range r.byKey[lookalikeKey(p.Name, p.DateOfBirth)] {
		if first, seen := r.seen[i]; seen {
			if !opt.AllowDuplicates {
				return refuse("name", "%s born %s looks the same as the pupil on line %d: if they are two children, import again with --allow-duplicates; if one, remove a row",
					p.Name, p.DateOfBirth.UK(), first)
			}
			continue
		}
		if q := r.pupils[i]; q.UPN == "" || p.UPN == "" {
			same = append(same, i)
		} else {
			others = append(others, i)
		}
	}
	switch {
	case len(same) == 1:
		return same[0], nil
	case len(same) > 1:
		return refuse("name", "%d pupils on roll are called %s and born %s: add the UPN to the row to say which", len(same), p.Name, p.DateOfBirth.UK())
	case len(others) > 0 && !opt.AllowDuplicates && !p.DateOfBirth.IsZero():
		q := r.pupils[others[0]]
		return refuse("name", "%s (UPN %s, %s) born %s is already on roll and looks the same: check the UPN in the MIS; if they are two children, import again with --allow-duplicates",
			q.Name, q.UPN, q.YearGroup, q.DateOfBirth.UK())
	}
	return -1, nil
}

func pupilSummary(p model.Pupil) string {
	parts := []string{"born " + p.DateOfBirth.UK(), string(p.YearGroup)}
	if p.UPN != "" {
		parts = append(parts, "UPN "+p.UPN)
	}
	return strings.Join(parts, ", ")
}

// mergeRow is the pupil on roll with the row's details in, the changes it
// makes, and the refusal of a name kept as typed.
func mergeRow(line int, before, p model.Pupil, hasFSM bool, opt ImportOptions) (model.Pupil, []PupilChange, *model.CSVError) {
	after := before
	after.Flags = slices.Clone(before.Flags)
	var kept *model.CSVError
	if norm.NFC.String(p.Name) != norm.NFC.String(before.Name) { // "Nguyễn" typed on a Mac or exported on Windows
		if opt.UpdateNames {
			after.Name = p.Name
		} else {
			kept = nameKept(line, before.Name, p.Name)
		}
	}
	if p.PreferredName != "" {
		after.PreferredName = p.PreferredName
	}
	after.DateOfBirth, after.YearGroup = p.DateOfBirth, p.YearGroup
	if p.UPN != "" {
		after.UPN = p.UPN
	}
	if hasFSM {
		after.FreeSchoolMeals = p.FreeSchoolMeals
	}
	for _, f := range p.Flags {
		if !slices.Contains(after.Flags, f) {
			after.Flags = append(after.Flags, f)
		}
	}
	return after, model.PupilChanges(line, before, after), kept
}

func nameKept(line int, typed, mis string) *model.CSVError {
	why := fmt.Sprintf("the MIS has %q, the record %q", mis, typed)
	if accentsOnly(typed, mis) {
		why = fmt.Sprintf("the MIS spells %q without the accents it was typed with (%q)", mis, typed)
	}
	return &model.CSVError{Line: line, Column: "name", Value: mis, Message: why +
		": the record's name is kept; to take the MIS's spelling, import again with --update-names, or edit the pupil"}
}

// pupilRows is a list of pupils as the rows of a file (lines from 2, after
// a heading), for importing pupils that did not come from a CSV.
func pupilRows(pupils []model.Pupil) model.PupilsCSV {
	f := model.PupilsCSV{Rows: make([]model.PupilRow, len(pupils))}
	for i, p := range pupils {
		f.Rows[i] = model.PupilRow{Line: i + 2, Pupil: p}
	}
	return f
}
