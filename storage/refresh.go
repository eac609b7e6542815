package storage

import (
	"context"
	"fmt"

	"reintegrate/model"
)

// OutstandingFindings gives every active case's outstanding findings (unmet,
// due, overdue) as of the date, with the school's packs. Only the cases
// whose cached findings are stale are checked again; the morning's first
// call checks them all, later calls read the cache.
func (s *Store) OutstandingFindings(ctx context.Context, on model.Date) (map[int64][]model.Finding, error) {
	cached, stale, err := s.Findings(ctx, on)
	if err != nil || len(stale) == 0 {
		return cached, err
	}
	school, err := s.School(ctx)
	if err != nil {
		return nil, err
	}
	cases, err := s.ActiveCases(ctx)
	if err != nil {
		return nil, fmt.Errorf("load active cases to check: %w", err)
	}
	cal := school.Calendar()
	isStale := make(map[int64]bool, len(stale))
	for _, id := range stale {
		isStale[id] = true
	}
	var checked []CaseFindings
	for _, c := range cases {
		if !isStale[c.ID] {
			continue
		}
		var outstanding []model.Finding
		for _, f := range model.Check(c.Case, c.History, cal, school.Packs, on) {
			if f.Outstanding() {
				outstanding = append(outstanding, f)
			}
		}
		cached[c.ID] = outstanding
		checked = append(checked, CaseFindings{CaseID: c.ID, Version: c.Version, Findings: outstanding})
	}
	// The cache is a convenience: a read-only database still answers.
	if err := s.SaveAllFindings(ctx, on, checked); err != nil && !s.readOnly {
		return nil, err
	}
	return cached, nil
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
	if _, err := s.ImportPupils(ctx, DemoPupils(on)); err != nil {
		return fmt.Errorf("demo pupils: %w", err)
	}
	return nil
}
