package storage

import (
	"slices"
	"strings"
	"testing"

	"reintegrate/model"
)

// checkSchema2Data is what must survive the upgrade from schema 2: the
// findings cache, read as the daily list of duties through schema 3's
// index, then everything schema 1 already had (the same data).
func checkSchema2Data(t *testing.T, s *Store) {
	// The writer ran the upgrade, so it knows the new index (a reader
	// opened before it would plan a query only when it runs it).
	plan := queryPlan(t, s.writer, dutiesQuery, "2026-11-30")
	if !strings.Contains(strings.Join(plan, "; "), "COVERING INDEX findings_duties") {
		t.Errorf("the duties are not read from the duties index after the upgrade: %q", plan)
	}
	duties, err := s.Duties(ctx, d("2026-11-30"))
	if err != nil {
		t.Fatal(err)
	}
	catalogue := rulesByID()
	zoe := func(rule string, st model.Status, sev model.Severity, due, message string, pack model.Pack, source string) Duty {
		var dd model.Date
		if due != "" {
			dd = d(due)
		}
		return Duty{CaseID: 1, Pupil: "Zoë Ó Briain", Finding: model.Finding{Rule: rule, Pack: pack, Status: st,
			Severity: sev, Due: dd, Message: message, Source: source}}
	}
	same(t, "duties cached under schema 2", slices.Collect(duties.All()), []Duty{
		// A blocker first, then overdue, then due; the unmet warning is
		// outstanding but not a duty. The messages are the cache's, so the
		// case was not checked again. Pack and source of a known rule are
		// the catalogue's; of a rule it lacks, the cache's.
		zoe("consent.parent", model.Unmet, model.Blocker, "", "cached: no parental consent",
			catalogue["consent.parent"].pack, catalogue["consent.parent"].source),
		zoe("notify.la", model.Overdue, model.Warning, "2026-11-09", "cached: tell the LA",
			catalogue["notify.la"].pack, catalogue["notify.la"].source),
		zoe("retired.rule", model.Due, model.Info, "2026-12-01", "cached: a rule this catalogue lacks",
			model.BWMAT, "an old protocol"),
	})
	checkSchema1Data(t, s)
}
