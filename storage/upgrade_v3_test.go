package storage

import (
	"strings"
	"testing"
)

// checkSchema3Data is what must survive the upgrade from schema 3: both
// reads of `today` now find the active cases in schema 4's index alone,
// and everything schema 2 had is there (the same data).
func checkSchema3Data(t *testing.T, s *Store) {
	checkActiveCasesIndex(t, s)
	checkSchema2Data(t, s)
}

// checkActiveCasesIndex checks that the day's list and the duties read the
// active cases from cases_by_status without visiting the cases table.
func checkActiveCasesIndex(t *testing.T, s *Store) {
	t.Helper()
	for name, query := range map[string]string{"todayQuery": todayQuery, "dutyCasesQuery": dutyCasesQuery} {
		// The writer ran the upgrade, so it knows the new index.
		plan := queryPlan(t, s.writer, query, "2026-11-30", "2026-11-30")
		if len(plan) == 0 || !strings.HasPrefix(plan[0], "SEARCH c USING COVERING INDEX cases_by_status (status=?)") {
			t.Errorf("%s does not read the active cases from the cases_by_status index alone: %q", name, plan)
		}
	}
}
