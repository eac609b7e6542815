package storage

import (
	"context"
	"fmt"

	"reintegrate/model"
)

// closedWindow is how far before a report's period a closed case may have
// started and still run into it: no plan runs for a year.
const closedWindow = 366

// ReportCases are the cases a report over from..to needs, in full, in the
// order Cases lists them (by pupil), with each pupil's earlier plans keyed
// by pupil: every active case, however long it has run (a plan of months is
// exactly what the LA must see), and every closed one that started within a
// year before the period and not after it. Drafts are not reported.
func (s *Store) ReportCases(ctx context.Context, from, to model.Date) ([]model.Case, map[int64][]model.PastCase, error) {
	summaries, err := s.Cases(ctx, CaseFilter{All: true})
	if err != nil {
		return nil, nil, err
	}
	active, err := s.ActiveCases(ctx)
	if err != nil {
		return nil, nil, err
	}
	byID := make(map[int64]LoadedCase, len(active))
	for _, lc := range active {
		byID[lc.ID] = lc
	}
	var cases []model.Case
	history := map[int64][]model.PastCase{}
	for _, cs := range summaries {
		lc, ok := byID[cs.ID]
		if !ok && cs.Status == model.Closed && closedMayOverlap(cs.Start, from, to) {
			if lc, err = s.loadWithHistory(ctx, cs.ID); err != nil {
				return nil, nil, err
			}
			ok = true
		}
		if ok {
			cases = append(cases, lc.Case)
			history[lc.Pupil.ID] = append(history[lc.Pupil.ID], lc.History...)
		}
	}
	return cases, history, nil
}

func closedMayOverlap(start, from, to model.Date) bool {
	return !start.IsZero() && !start.After(to) && !start.Before(from.AddDays(-closedWindow))
}

// loadWithHistory reads one case and its pupil's earlier plans.
func (s *Store) loadWithHistory(ctx context.Context, id int64) (LoadedCase, error) {
	c, version, err := s.Case(ctx, id)
	if err != nil {
		return LoadedCase{}, fmt.Errorf("case %d: %w", id, err)
	}
	history, err := s.History(ctx, c.Pupil.ID, c.ID)
	if err != nil {
		return LoadedCase{}, err
	}
	return LoadedCase{Case: c, Version: version, History: history}, nil
}
