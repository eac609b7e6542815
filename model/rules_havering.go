package model

// The Havering pack: London Borough of Havering, Reintegration Policy
// 2023/2024 (seed 003).
var haveringRules = []Rule{
	{ID: "havering.plan-before-return", Pack: Havering, Severity: Warning, Source: "003 s3.4", check: haveringPlanBeforeReturn},
	{ID: "havering.placement-dates", Pack: Havering, Severity: Warning, Source: "003 s3.8", check: haveringPlacementDates},
	{ID: "havering.no-direction-first-term", Pack: Havering, Severity: Info, Source: "003 s3.9", check: haveringNoDirectionFirstTerm},
	{ID: "havering.minimum-expectations", Pack: Havering, Severity: Warning, Source: "003", check: haveringMinimumExpectations},
}

// haveringPlanBeforeReturn: "The Re-integration Plan should be drafted and
// be ready to use prior to the pupils return to school" (003 s3.4). The
// return is the case's start; the plan is ready the day havering.plan was
// first completed.
func haveringPlanBeforeReturn(f *facts) verdict {
	if f.c.Kind != APReintegration {
		return notApplicable(notFromAP)
	}
	done := f.c.FirstCompleted(TemplateHaveringPlan)
	return localDuty("reintegration plan ready", f.c.Start, done, f.on)
}

// haveringPlacementDates: "All AP placements are time limited, with a start
// and end date that will be agreed on the Individual Placement Agreement"
// (003 s3.8): havering.plan's placement start and end dates, the end after
// the start. A completed plan without those fields (a case file that cannot
// know our keys) counts as recording them.
func haveringPlacementDates(f *facts) verdict {
	c := f.c
	if c.Kind != APReintegration {
		return notApplicable(notFromAP)
	}
	rec, ok := c.Form(TemplateHaveringPlan)
	if !ok {
		return unmet("record the AP placement's start and end dates (Individual Placement Agreement) on the Havering plan (%s)", TemplateHaveringPlan)
	}
	_, askedStart := rec.Answer(FieldPlacementStart)
	_, askedEnd := rec.Answer(FieldPlacementEnd)
	if !askedStart && !askedEnd && !rec.Completed.IsZero() {
		return met("the Havering plan is completed")
	}
	start, hasStart := rec.DateAnswer(FieldPlacementStart)
	end, hasEnd := rec.DateAnswer(FieldPlacementEnd)
	switch {
	case !hasStart || !hasEnd:
		return unmet("the AP placement needs a start and an end date (Individual Placement Agreement): type them as DD/MM/YYYY")
	case end.Before(start):
		return unmet("the AP placement ends (%s) before it starts (%s)", end.UK(), start.UK())
	}
	return met("AP placement from %s to %s", start.UK(), end.UK())
}

// haveringNoDirectionFirstTerm: "A direction off-site would not be considered
// within the first term after the pupil has returned to their referring
// school" (003 s3.9). A reminder, unmet while it applies: when the pupil's
// latest return from AP (this AP reintegration's start, unless it failed,
// or an earlier AP reintegration's start in the pupil's history) falls in
// the current term. Terms come from the school calendar: a term starts on a
// school day after at least 8 closed weekdays (Christmas, Easter, summer;
// a one-week half term, even with INSET days beside it, does not end a
// term), else from fixed starts on 1 September, 1 January and 15 April. A
// school with a two-week October half term would see its autumn term split.
func haveringNoDirectionFirstTerm(f *facts) verdict {
	var returned Date
	if c := f.c; c.Kind == APReintegration && c.Status != Draft && !c.Start.IsZero() && !c.Start.After(f.on) {
		if _, failed := worcsFailed(c); !failed {
			returned = c.Start
		}
	}
	for _, p := range f.history {
		if p.Kind == APReintegration && !p.Start.After(f.on) {
			returned = MaxDate(returned, p.Start)
		}
	}
	if returned.IsZero() {
		return notApplicable("the pupil has not returned from alternative provision")
	}
	term := periodAround(f.cal, f.on, 8, 160, fixedTermStarts)
	if returned.Before(term.first) {
		return notApplicable("the pupil returned from alternative provision on %s, before this term", returned.UK())
	}
	return unmet("the pupil returned from alternative provision on %s: no direction off-site this term (to %s); give time and support to settle",
		returned.UK(), term.last.UK())
}

var fixedTermStarts = [][2]int{{1, 1}, {4, 15}, {9, 1}}

// haveringMinimumExpectations: the agreed minimum expectations (003): a
// reintegration plan (havering.plan-before-return), "Support staff and buddy
// are available" and "Reasonable adjustments are explored and put in
// place". Both are havering.plan fields, and a blank one is not done,
// whether the plan is completed or not, typed in or read from a case file.
func haveringMinimumExpectations(f *facts) verdict {
	c := f.c
	if c.Kind != APReintegration {
		return notApplicable(notFromAP)
	}
	rec, ok := c.Form(TemplateHaveringPlan)
	if !ok {
		return unmet("record the buddy and support staff and the reasonable adjustments on the Havering plan (%s)", TemplateHaveringPlan)
	}
	var missing []string
	for _, e := range []struct{ key, label string }{
		{FieldBuddy, "the buddy and support staff"},
		{FieldAdjustments, "the reasonable adjustments"},
	} {
		if v, _ := rec.Answer(e.key); v == "" {
			missing = append(missing, e.label)
		}
	}
	if len(missing) > 0 {
		return unmet("the Havering plan does not record %s", listPhrase(missing))
	}
	return met("buddy, support staff and reasonable adjustments recorded")
}
