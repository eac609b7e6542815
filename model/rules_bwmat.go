package model

// The Bath and Wells Multi Academy Trust pack: St Georges School reduced
// timetables policy (seed 002). Both rules apply to reduced timetables only.
var bwmatRules = []Rule{
	{ID: "bwmat.governors", Pack: BWMAT, Severity: Warning, Source: "002 s5.11, appendix 1", check: bwmatGovernors},
	{ID: "bwmat.plan-signed", Pack: BWMAT, Severity: Blocker, Source: "002 appendix 1", check: bwmatPlanSigned},
}

// bwmatGovernors: "The Local Governing Committee should be notified of the
// reduced timetable as soon as a plan has been agreed" (002 appendix 1;
// s5.11). "As soon as" has no day count, and the agreement always comes
// before the start, so the deadline is the start (else the agreement): the
// governors hear of every reduced timetable before it runs, and a note sent
// the day after the meeting is not flagged as late. Any notification to
// governors counts.
func bwmatGovernors(f *facts) verdict {
	if f.c.Kind != ReducedTimetable {
		return notApplicable("not a reduced timetable")
	}
	n, _ := f.c.NotifiedFirst(Governors, "")
	return localDuty("Local Governing Committee told", firstSet(f.c.Start, f.c.Agreed), n.Sent, f.on)
}

// bwmatPlanSigned: "A reduced timetable can only proceed with
// parents'/carers' signed consent to the plan" (002 appendix 1). A dated
// duty with deadline the start: the appendix 1 plan (bwmat.plan) signed by
// the school representative and the parent, done on the later of the two
// signature dates (a signature field without a date, or no field, takes the
// day the plan was first completed). The parent choosing "2. I do not
// agree" is unmet outright. The child's section "is voluntary for the child
// to complete", so it never holds the plan up; the finding mentions it when
// the child signed or is not happy.
func bwmatPlanSigned(f *facts) verdict {
	c := f.c
	if c.Kind != ReducedTimetable {
		return notApplicable("not a reduced timetable")
	}
	const what = "appendix 1 plan signed by the school and the parent"
	rec, ok := c.CompletedForm(TemplateBWMATPlan)
	if !ok {
		v := localDuty(what, c.Start, Date{}, f.on)
		v.message += " (complete the plan, " + TemplateBWMATPlan + ")"
		return v
	}
	if yes, said := rec.YesNo(FieldParentAgrees); said && !yes {
		return unmet("the parent chose \"I do not agree\" on the appendix 1 plan: the reduced timetable cannot proceed")
	}
	first := c.FirstCompleted(TemplateBWMATPlan)
	school, schoolMissing := signedOn(rec, FieldSchoolSigned, first)
	parent, parentMissing := signedOn(rec, FieldParentSigned, first)
	var unsigned []string
	if schoolMissing {
		unsigned = append(unsigned, "the school representative")
	}
	if parentMissing {
		unsigned = append(unsigned, "the parent")
	}
	if len(unsigned) > 0 {
		v := localDuty(what, c.Start, Date{}, f.on)
		v.message += "; not yet signed by " + listPhrase(unsigned)
		return v
	}
	v := localDuty(what, c.Start, MaxDate(school, parent), f.on)
	return bwmatChildNote(v, rec)
}

// bwmatChildNote adds the child's voluntary section to a plan's finding.
func bwmatChildNote(v verdict, rec FormRecord) verdict {
	if happy, said := rec.YesNo(FieldChildHappy); said && !happy {
		v.message += "; the child is not happy with the plan"
	} else if s := rec.signature(FieldChildSigned); s.signed {
		v.message += "; the child signed too"
	}
	return v
}
