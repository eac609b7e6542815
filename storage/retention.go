package storage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"reintegrate/model"
)

// DefaultRetentionYears is how long a closed case is kept after the pupil's
// date of birth when the school has not said: the IRMS Information
// Management Toolkit for Schools keeps a pupil's educational record until
// date of birth + 25 years.
const DefaultRetentionYears = 25

// PupilWithoutCaseYears is how long a pupil with no case is kept after
// their last change. Such a pupil came from the MIS (which keeps the
// school's own record of them) and nothing was ever recorded about them
// here, so there is nothing to keep for 25 years; a year covers a pupil
// still on roll, whom the next MIS import touches (moving up a year group
// each September is a change), and one whose case is about to be opened.
const PupilWithoutCaseYears = 1

// RetentionReview is a record whose retention period has run out: a closed
// case, or a pupil with no case. The school should review it (and decide,
// with its data protection officer, whether to erase or keep it). Nothing
// is deleted for being listed: `erase` does that, when asked.
type RetentionReview struct {
	CaseID int64 // 0 for a pupil with no case
	Pupil  model.Pupil
	Kind   model.Kind
	Start  model.Date
	Closed model.Date
	// LastChange is, for a pupil with no case, the day of the last change
	// to their record (added, imported or edited): their period runs from
	// it. Zero for a case.
	LastChange model.Date
	// KeepUntil is the end of the period: for a case, the pupil's date of
	// birth + the retention years; for a pupil with no case, their last
	// change + PupilWithoutCaseYears. The last day of the period is the day
	// before it. Zero when it cannot be worked out (no date of birth): such
	// a record is listed too, for someone to check by hand rather than kept
	// for ever.
	KeepUntil model.Date
}

// IsPupil reports whether the record is a pupil with no case.
func (r RetentionReview) IsPupil() bool { return r.CaseID == 0 }

// PastRetention reports whether the record's period has ended by the date.
func (r RetentionReview) PastRetention(on model.Date) bool {
	return !r.KeepUntil.IsZero() && on.OnOrAfter(r.KeepUntil)
}

// RetentionEnds is the day a pupil's records are due for review: the date
// of birth plus the school's retention years (DefaultRetentionYears when
// unset). A birthday on 29 February moves to 1 March in a common year. Zero
// when the date of birth is not known.
func RetentionEnds(dob model.Date, years int) model.Date {
	if dob.IsZero() {
		return model.Date{}
	}
	if years <= 0 {
		years = DefaultRetentionYears
	}
	return model.DateOf(dob.Time().AddDate(years, 0, 0))
}

// RetentionDue lists the records whose retention period has ended on or
// before the date on: closed cases (and those whose pupil has no date of
// birth), then pupils with no case, each by the date it fell due. It only
// reads: erasing is a person's decision.
func (s *Store) RetentionDue(ctx context.Context, on model.Date) ([]RetentionReview, error) {
	var cases, pupils []RetentionReview
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		school, err := loadSchool(ctx, tx)
		if err != nil {
			return err
		}
		if cases, err = closedCases(ctx, tx, "c.status = 'closed'", school.RetentionYears); err != nil {
			return err
		}
		pupils, err = pupilsWithoutCase(ctx, tx, "1")
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list the records past their retention period: %w", err)
	}
	var due, undated []RetentionReview
	for _, r := range slices.Concat(cases, pupils) {
		switch {
		case r.KeepUntil.IsZero():
			undated = append(undated, r)
		case r.PastRetention(on):
			due = append(due, r)
		}
	}
	sortByKeepUntil(due)
	return append(due, undated...), nil
}

// closedCases reads the cases a condition picks (on cases c) with their
// pupils and retention dates.
func closedCases(ctx context.Context, q queryer, where string, years int, args ...any) ([]RetentionReview, error) {
	var out []RetentionReview
	err := eachRow(ctx, q, `SELECT c.id, c.kind, c.start, c.closed, `+pupilColumns+`
		FROM cases c JOIN pupils p ON p.id = c.pupil_id WHERE `+where+` ORDER BY c.id`, args,
		func(rows *sql.Rows) error {
			var r RetentionReview
			p := &r.Pupil
			if err := rows.Scan(append([]any{&r.CaseID, &r.Kind, date(&r.Start), date(&r.Closed)}, pupilDest(p)...)...); err != nil {
				return err
			}
			r.KeepUntil = RetentionEnds(p.DateOfBirth, years)
			out = append(out, r)
			return nil
		})
	return out, err
}

// pupilsWithoutCase reads the pupils a condition picks (on pupils p) that
// have no case, with their last change from the audit log.
func pupilsWithoutCase(ctx context.Context, q queryer, where string, args ...any) ([]RetentionReview, error) {
	var out []RetentionReview
	err := eachRow(ctx, q, `SELECT `+pupilColumns+`, (SELECT max(a.at) FROM audit a
		WHERE a.entity = 'pupil' AND a.entity_id = p.id)
		FROM pupils p WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.pupil_id = p.id) AND `+where+` ORDER BY p.id`, args,
		func(rows *sql.Rows) error {
			var r RetentionReview
			var last sql.NullString
			p := &r.Pupil
			if err := rows.Scan(append(pupilDest(p), &last)...); err != nil {
				return err
			}
			if at, err := time.Parse(stamp, last.String); err == nil {
				r.LastChange = model.DateOf(at.UTC())
				r.KeepUntil = model.DateOf(r.LastChange.Time().AddDate(PupilWithoutCaseYears, 0, 0))
			}
			out = append(out, r)
			return nil
		})
	return out, err
}

// sortByKeepUntil orders by the date each fell due, keeping case id order
// among equal dates.
func sortByKeepUntil(rs []RetentionReview) {
	slices.SortStableFunc(rs, func(a, b RetentionReview) int {
		return a.KeepUntil.Time().Compare(b.KeepUntil.Time())
	})
}
