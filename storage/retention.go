package storage

import (
	"context"
	"fmt"
	"slices"

	"reintegrate/model"
)

// DefaultRetentionYears is how long a closed case is kept after the pupil's
// date of birth when the school has not said: the IRMS Information
// Management Toolkit for Schools keeps a pupil's educational record until
// date of birth + 25 years.
const DefaultRetentionYears = 25

// RetentionReview is a closed case whose retention period has run out: the
// school should review it (and decide, with its data protection officer,
// whether to destroy or keep it). Nothing is ever deleted for it.
type RetentionReview struct {
	CaseID int64
	Pupil  model.Pupil
	Kind   model.Kind
	Start  model.Date
	Closed model.Date
	// KeepUntil is the pupil's date of birth + the retention years: the
	// last day of the period is the day before it. Zero when the date of
	// birth is not recorded, so no date can be worked out: such a case is
	// listed too, for someone to check by hand rather than kept for ever.
	KeepUntil model.Date
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

// RetentionDue lists the closed cases whose retention period has ended on
// or before the date on (and those whose pupil has no date of birth), by
// the date they fell due, then case id. It only reads: review is a person's
// decision, so the record is never deleted here.
func (s *Store) RetentionDue(ctx context.Context, on model.Date) ([]RetentionReview, error) {
	school, err := s.School(ctx)
	if err != nil {
		return nil, fmt.Errorf("list cases due for retention review: %w", err)
	}
	rows, err := s.reader.QueryContext(ctx, `SELECT c.id, c.kind, c.start, c.closed, `+pupilColumns+`
		FROM cases c JOIN pupils p ON p.id = c.pupil_id
		WHERE c.status = 'closed' ORDER BY c.id`)
	if err != nil {
		return nil, fmt.Errorf("list cases due for retention review: %w", s.explain(err))
	}
	defer rows.Close()
	var due, undated []RetentionReview
	for rows.Next() {
		var r RetentionReview
		p := &r.Pupil
		err := rows.Scan(append([]any{&r.CaseID, &r.Kind, date(&r.Start), date(&r.Closed)}, pupilDest(p)...)...)
		if err != nil {
			return nil, fmt.Errorf("list cases due for retention review: %w", err)
		}
		r.KeepUntil = RetentionEnds(p.DateOfBirth, school.RetentionYears)
		switch {
		case r.KeepUntil.IsZero():
			undated = append(undated, r)
		case on.OnOrAfter(r.KeepUntil):
			due = append(due, r)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list cases due for retention review: %w", s.explain(err))
	}
	sortByKeepUntil(due)
	return append(due, undated...), nil
}

// sortByKeepUntil orders by the date each fell due, keeping case id order
// among equal dates.
func sortByKeepUntil(rs []RetentionReview) {
	slices.SortStableFunc(rs, func(a, b RetentionReview) int {
		return a.KeepUntil.Time().Compare(b.KeepUntil.Time())
	})
}
