package storage

import (
	"context"
	"fmt"

	"reintegrate/model"
)

// CaseFilter narrows the Cases list.
type CaseFilter struct {
	All    bool             // include closed cases (asking for Status closed does too)
	Status model.CaseStatus // "" for any
	Kind   model.Kind       // "" for any
	// On, when set, fills each summary's Week with the planned week that
	// contains the date, so the caller can show this week's hours
	// (Week.Hours with the school's calendar and the pupil's threshold).
	On model.Date
}

// CaseSummary is one row of the Cases list.
type CaseSummary struct {
	ID      int64
	Pupil   model.Pupil
	Kind    model.Kind
	Status  model.CaseStatus
	Start   model.Date
	End     model.Date // the planned end moved by extensions
	Version int
	Week    model.Week // the planned week containing CaseFilter.On
	HasWeek bool       // false when On is unset or no week is planned for it
}

// Cases lists cases, sorted by pupil name (accents beside their letters),
// then by case id.
func (s *Store) Cases(ctx context.Context, f CaseFilter) ([]CaseSummary, error) {
	var week any // NULL matches no week
	if !f.On.IsZero() {
		week = f.On.Monday().String()
	}
	args := []any{week, string(f.Status), f.All, string(f.Kind)}
	// Counted before the read, as readDutyCases does: while its rows are open,
	// the count would take (and open) another connection.
	out := make([]CaseSummary, 0, countCases(ctx, s.reader, casesWhere, args...))
	rows, err := s.reader.QueryContext(ctx, `SELECT c.id, c.kind, c.status, c.start, c.effective_end, c.version,
		`+pupilColumns+`, w.week_beginning, w.sessions
		FROM cases c JOIN pupils p ON p.id = c.pupil_id
		LEFT JOIN weeks w ON w.case_id = c.id AND w.week_beginning = ?1
		WHERE `+casesWhere+` ORDER BY c.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list cases: %w", s.explain(err))
	}
	defer rows.Close()
	for rows.Next() {
		var cs CaseSummary
		var sessions *string
		dest := append([]any{&cs.ID, &cs.Kind, &cs.Status, date(&cs.Start), date(&cs.End), &cs.Version},
			pupilDest(&cs.Pupil)...)
		if err := rows.Scan(append(dest, date(&cs.Week.WeekBeginning), &sessions)...); err != nil {
			return nil, fmt.Errorf("list cases: %w", err)
		}
		if sessions != nil {
			if cs.Week.Days, err = decodeSessions(*sessions); err != nil {
				return nil, fmt.Errorf("list cases: case %d: %w", cs.ID, err)
			}
			cs.HasWeek = true
		}
		out = append(grow(out), cs)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list cases: %w", err)
	}
	sortByName(&s.names, out, func(c *CaseSummary) string { return c.Pupil.Name })
	return out, nil
}

// casesWhere picks the cases of a CaseFilter: ?2 the status, ?3 all
// (closed too), ?4 the kind.
const casesWhere = `(?2 = '' OR c.status = ?2) AND (?3 OR ?2 = 'closed' OR c.status <> 'closed')
	AND (?4 = '' OR c.kind = ?4)`

// countCases counts the cases a condition picks, from the status index,
// so that a list of thousands is made at its size once rather than grown
// and copied (its rows are large). It is only a size: on any error it is 0
// and the list grows as it must.
func countCases(ctx context.Context, q queryer, where string, args ...any) int {
	var n int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM cases c WHERE "+where, args...).Scan(&n); err != nil {
		return 0
	}
	return n
}

// todayQuery is the daily lookup: the active cases by the status index,
// each pupil by its key, each week by (case, week beginning). The short
// coded fields come packed into one text as the duties do (dutiesQuery):
// kind, date of birth, UPN, year group and flags, which are codes and
// dates that cannot hold the separator. The name, free text, comes alone.
const todayQuery = `SELECT c.id, p.id, p.name, c.kind || char(31) || coalesce(p.dob, '') || char(31) ||
		coalesce(p.upn, '') || char(31) || p.year_group || char(31) || p.flags, w.sessions
	FROM cases c JOIN pupils p ON p.id = c.pupil_id
	LEFT JOIN weeks w ON w.case_id = c.id AND w.week_beginning = ?2
	WHERE c.status = 'active' AND (c.start IS NULL OR c.start <= ?1)
	AND (c.effective_end IS NULL OR c.effective_end >= ?1)
	ORDER BY c.id`

// TodayEntry is one pupil whose active plan covers the date, with that
// day's planned sessions.
type TodayEntry struct {
	CaseID int64
	Kind   model.Kind
	Pupil  model.Pupil // with date of birth and year group for the register code
	AM, PM model.Session
	// Planned is false when the timetable has no week for the date, or the
	// date is a weekend: AM and PM are then empty sessions.
	Planned bool
}

// Today lists every active case whose plan covers the date (from its start
// to its planned end moved by extensions; an end not yet set runs on), with
// the day's am and pm sessions, sorted by pupil name (accents beside their
// letters). It is one indexed query: the daily budget allows no more.
func (s *Store) Today(ctx context.Context, on model.Date) ([]TodayEntry, error) {
	if on.IsZero() {
		return nil, fmt.Errorf("list today's pupils: no date given: pass the as-of date")
	}
	day := on.DayOfWeek()
	// Counted before the read: see Cases.
	out := make([]TodayEntry, 0, countCases(ctx, s.reader, "c.status = 'active'"))
	rows, err := s.reader.QueryContext(ctx, todayQuery, on.String(), on.Monday().String())
	if err != nil {
		return nil, fmt.Errorf("list today's pupils: %w", s.explain(err))
	}
	defer rows.Close()
	// The scan targets are made once: what Scan is given a pointer into
	// goes to the heap, and a row's worth each time was 400 KB a lookup.
	var e TodayEntry
	var packed string
	var sessions *string
	for rows.Next() {
		e = TodayEntry{}
		if err := rows.Scan(&e.CaseID, &e.Pupil.ID, &e.Pupil.Name, &packed, &sessions); err != nil {
			return nil, fmt.Errorf("list today's pupils: %w", err)
		}
		if err := e.unpack(packed); err != nil {
			return nil, fmt.Errorf("list today's pupils: case %d: %w", e.CaseID, err)
		}
		if sessions != nil && day < 5 {
			if e.AM, e.PM, err = sessionsOn(*sessions, day); err != nil {
				return nil, fmt.Errorf("list today's pupils: case %d: %w", e.CaseID, err)
			}
			e.Planned = true
		}
		out = append(grow(out), e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list today's pupils: %w", err)
	}
	sortByName(&s.names, out, func(e *TodayEntry) string { return e.Pupil.Name })
	return out, nil
}

// unpack reads todayQuery's packed fields: kind, date of birth, UPN, year
// group and flags.
func (e *TodayEntry) unpack(packed string) error {
	field, ok := unpack5(packed)
	if !ok {
		return fmt.Errorf("the pupil's details (%q) are not five fields", packed)
	}
	dob, err := parseStoredDate(field[1])
	if err != nil {
		return err
	}
	e.Kind, e.Pupil.DateOfBirth, e.Pupil.UPN, e.Pupil.YearGroup = model.Kind(field[0]), dob, field[2], model.YearGroup(field[3])
	e.Pupil.Flags = splitCodes[model.Flag](field[4])
	return nil
}
