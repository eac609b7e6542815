package storage

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"reintegrate/model"
)

// Duty is one line of the daily list of duties: a finding of an active
// case that is due, overdue, or a blocker not met.
type Duty struct {
	CaseID int64
	Pupil  string // the pupil's name
	model.Finding
}

// IsDuty reports whether a finding belongs on the daily list of duties.
func IsDuty(f model.Finding) bool {
	return f.Status == model.Due || f.Status == model.Overdue || f.Blocks()
}

// Duties lists the duties of every active case as of the date, whether or
// not its plan covers the date, in the order the daily list shows them
// (see DutyList.sort). It reads only the duty rows of the findings cache,
// through their own index (readDutyCases), and checks again only the stale
// cases.
func (s *Store) Duties(ctx context.Context, on model.Date) (DutyList, error) {
	return s.duties(ctx, s.reader, on)
}

// ReadDay is the daily lookup (`today`): the duties, as Duties lists them,
// and, side by side with them, the school profile and the day's list (as
// Today lists it), which it hands to then as soon as they are read, on a
// goroutine of its own, while the duties are still being read. The
// duties, the longer read, take the connection Open left ready; the day's
// list opens a second meanwhile. It returns once both are done.
func (s *Store) ReadDay(ctx context.Context, on model.Date, then func(model.School, []TodayEntry) error) (DutyList, error) {
	conn, err := s.reader.Conn(ctx)
	if err != nil {
		return DutyList{}, fmt.Errorf("read the day: %w", s.explain(err))
	}
	day := make(chan error, 1)
	go func() { day <- s.readDayList(ctx, on, then) }()
	duties, err := s.duties(ctx, conn, on)
	conn.Close()
	return duties, cmp.Or(<-day, err)
}

// readDayList reads the school profile and the day's list, and hands them to then.
func (s *Store) readDayList(ctx context.Context, on model.Date, then func(model.School, []TodayEntry) error) error {
	school, err := s.School(ctx)
	if err != nil {
		return err
	}
	entries, err := s.Today(ctx, on)
	if err != nil {
		return err
	}
	return then(school, entries)
}

// duties is Duties reading the cache through q.
func (s *Store) duties(ctx context.Context, q readConn, on model.Date) (DutyList, error) {
	cases, err := s.readDutyCases(ctx, q, on)
	if err != nil {
		return DutyList{}, err
	}
	list := DutyList{cases: cases, refs: make([]dutyRef, 0, countDuties(cases))}
	var unknown []int // whole duties whose rule this binary's catalogue lacks
	var stale []int64
	for at, c := range cases {
		if c.fresh {
			var whole bool
			if unknown, whole = list.addPacked(at, unknown); whole {
				continue
			}
		}
		stale = append(stale, c.id)
	}
	if err := s.cachedRuleDetails(ctx, q, list.whole, unknown); err != nil {
		return DutyList{}, err
	}
	if len(stale) > 0 {
		checked, notCached, err := s.checkStale(ctx, on, stale)
		if err != nil {
			return DutyList{}, err
		}
		list.NotCached = notCached
		for _, c := range checked {
			for _, f := range c.Findings {
				if IsDuty(f) {
					list.addWhole(Duty{CaseID: c.CaseID, Pupil: c.pupil, Finding: f})
				}
			}
		}
	}
	list.sort(casesByName(&s.names, cases))
	return list, nil
}

// checkedCase is one stale case's outstanding findings, worked out again.
type checkedCase struct {
	CaseFindings
	pupil string
}

// checkStale runs model.Check, with the school's packs, on the stale
// active cases, loading only those, and caches their outstanding findings.
// The cache is a convenience: when it cannot be written (notCached: a full
// disk, the database busy) the findings are handed on all the same.
func (s *Store) checkStale(ctx context.Context, on model.Date, stale []int64) (checked []checkedCase, notCached, err error) {
	school, err := s.School(ctx)
	if err != nil {
		return nil, nil, err
	}
	ids, err := json.Marshal(stale)
	if err != nil {
		return nil, nil, err
	}
	var cases []LoadedCase
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		cases, err = loadCases(ctx, tx, true, "c.status = 'active' AND c.id IN (SELECT value FROM json_each(?))", string(ids))
		return err
	})
	if err != nil {
		return nil, nil, fmt.Errorf("load the cases to check: %w", err)
	}
	cal := school.Calendar()
	checked = make([]checkedCase, len(cases))
	all := make([]CaseFindings, len(cases))
	for i, c := range cases {
		// Kept whole: the cache keeps only the outstanding ones, and the
		// duties only the due, overdue and blocking ones among them.
		all[i] = CaseFindings{CaseID: c.ID, Version: c.Version, Findings: model.Check(c.Case, c.History, cal, school.Packs, on)}
		checked[i] = checkedCase{all[i], c.Pupil.Name}
	}
	switch err := s.SaveAllFindings(ctx, on, all); {
	case err == nil, s.readOnly && !s.diskFull: // a read-only database answers as it always has
	case ctx.Err() != nil:
		return nil, nil, err
	default:
		notCached = fmt.Errorf("the findings worked out afresh (%d active cases) were not kept for next time: %w",
			len(all), cmp.Or(errors.Unwrap(err), err))
	}
	return checked, notCached, nil
}

// LoadDemo fills an empty database with the demo school, pupils and cases,
// dated around the as-of date (see DemoCases).
func LoadDemo(ctx context.Context, s *Store, on model.Date) error {
	if err := s.SaveSchool(ctx, DemoSchool(on)); err != nil {
		return fmt.Errorf("demo school: %w", err)
	}
	for _, cf := range DemoCases(on) {
		if _, err := s.ImportCaseFile(ctx, cf); err != nil {
			return fmt.Errorf("demo case for %s: %w", cf.Pupil.Name, err)
		}
	}
	if _, err := s.ImportPupils(ctx, pupilRows(DemoPupils(on)), ImportOptions{}); err != nil {
		return fmt.Errorf("demo pupils: %w", err)
	}
	return nil
}
