package storage

import (
	"context"
	"database/sql"
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
	var loaded []LoadedCase
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		loaded, err = loadCases(ctx, tx, true, `c.status = 'active'
			OR (c.status = 'closed' AND c.start IS NOT NULL AND c.start <= ? AND c.start >= ?)`,
			to.String(), from.AddDays(-closedWindow).String())
		return err
	})
	if err != nil {
		return nil, nil, fmt.Errorf("read the cases to report: %w", s.explain(err))
	}
	sortByName(&s.names, loaded, func(lc *LoadedCase) string { return lc.Pupil.Name })
	cases := make([]model.Case, len(loaded))
	history := map[int64][]model.PastCase{}
	for i, lc := range loaded {
		cases[i] = lc.Case
		history[lc.Pupil.ID] = append(history[lc.Pupil.ID], lc.History...)
	}
	return cases, history, nil
}
