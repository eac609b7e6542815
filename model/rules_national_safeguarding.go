package model

import (
	"fmt"
	"slices"
	"strings"
)

// The national pack, continued: safeguarding, the professionals each flag
// calls for, the reminders that never turn green, notifications and the
// Fair Access and suspension rules. The catalogue itself is in
// rules_national.go.
// riskAssessmentBeforeStart: the five-step assessment of the pupil's time
// out of school, incl. CSE/CDE and exploitation, before implementation
// (000; 002 s5.6). "Reduced timetable" here is the case kind, as in the
// catalogue, which names AP reintegration separately where it means it.
func riskAssessmentBeforeStart(f *facts) verdict {
	if f.c.Kind != ReducedTimetable {
		return notApplicable("applies to reduced timetables; %s", kindPhrase(f.c.Kind))
	}
	return f.dutyFromStart(0, "risk assessment (HSE five steps, incl. CSE/CDE and exploitation) completed", f.c.RiskAssessment.Completed)
}

// riskAssessmentSignificantRisk: if the pupil would face significant risk
// out of school, a reduced timetable is not an option (002 s4). With no
// completed assessment the risk is unknown, and this blocker stays unmet
// until one is recorded.
func riskAssessmentSignificantRisk(f *facts) verdict {
	ra := f.c.RiskAssessment
	switch {
	case f.c.Kind != ReducedTimetable:
		return notApplicable("applies to reduced timetables; %s", kindPhrase(f.c.Kind))
	case ra.Completed.IsZero():
		return unmet("no completed risk assessment: whether the pupil faces significant risk out of school is not known")
	case ra.SignificantRisk:
		return unmet("the risk assessment of %s concludes the pupil faces significant risk out of school: a reduced timetable should not be used", ra.Completed.UK())
	}
	return met("the risk assessment of %s finds no significant risk out of school", ra.Completed.UK())
}

// professional is someone a pupil's flags call on before the start.
type professional struct {
	role  Role
	flags []Flag
	who   string // how messages name them
	what  string // what the duty asks of them
	notOn string // why the rule does not apply
}

var (
	natSocialWorker = professional{SocialWorker, []Flag{ChildProtection, ChildInNeed}, "the social worker",
		"written agreement from the social worker", "the pupil is not on a Child Protection or Child in Need plan"}
	natVirtualSchool = professional{VirtualSchool, []Flag{LookedAfter, PreviouslyLookedAfter}, "the Virtual School Head",
		"involvement of the Virtual School Head", "the pupil is not looked after or previously looked after"}
	natSENDTeam = professional{SENDTeam, []Flag{EHCP}, "the LA SEND team",
		"agreement from the LA SEND team / EHCP case officer", "the pupil has no EHCP"}
	natYouthJustice = professional{YouthJusticeRole, []Flag{YouthJustice}, "the youth justice worker",
		"involvement of the youth justice worker", "the pupil is not on a court order or open to youth justice"}
	natEarlyHelp = professional{EarlyHelpRole, []Flag{EarlyHelp}, "the early help worker",
		"involvement of the early help worker", "the pupil has no Early Help / Team Around the Family plan"}
)

// agreedByStart is the professionals.* duty: when the pupil carries one of
// the flags, the earliest agreement recorded in the role is due by the start.
func (p professional) agreedByStart(f *facts) verdict {
	if !f.c.Pupil.Has(p.flags...) {
		return notApplicable("%s", p.notOn)
	}
	in, _ := involvedAs(f.c, p.role)
	what := p.what
	if !isBlank(in.Name) {
		what += " (" + strings.TrimSpace(in.Name) + ")"
	}
	return f.dutyFromStart(0, what, in.Agreed)
}

// involvedAs merges every involvement in the role: the first name given, the
// earliest agreement, and whether any of them attended or asked for a review.
func involvedAs(c Case, role Role) (Involvement, bool) {
	merged, found := Involvement{Role: role}, false
	for _, in := range c.Involvement {
		if in.Role != role {
			continue
		}
		if isBlank(merged.Name) {
			merged.Name = in.Name
		}
		merged.Agreed = MinDate(merged.Agreed, in.Agreed)
		merged.AttendedMeeting = merged.AttendedMeeting || in.AttendedMeeting
		merged.EarlyReviewAsked = merged.EarlyReviewAsked || in.EarlyReviewAsked
		found = true
	}
	return merged, found
}

// professionalsSocialWorker: a Child Protection or Child in Need plan needs
// the social worker's written agreement first (002 s5.4).
func professionalsSocialWorker(f *facts) verdict { return natSocialWorker.agreedByStart(f) }

// professionalsVirtualSchool: the Virtual School for a child looked after
// or previously looked after (000; 002 s1, s7).
func professionalsVirtualSchool(f *facts) verdict { return natVirtualSchool.agreedByStart(f) }

// professionalsSENDTeam: with an EHCP the LA must agree and an early review
// be convened (002 s5.5). The case-file contract has no field for the early
// review request (Involvement.EarlyReviewAsked is set only by the forms), so
// the rule is met on the SEND team's agreement by the start and its message
// says whether the early annual review was asked for, as a reminder.
func professionalsSENDTeam(f *facts) verdict {
	v := natSENDTeam.agreedByStart(f)
	if v.status == NotApplicable {
		return v
	}
	if in, _ := involvedAs(f.c, SENDTeam); in.EarlyReviewAsked {
		v.message += "; an early annual review was asked for"
	} else {
		v.message += "; no early annual review request is recorded: ask the EHCP case officer for one"
	}
	return v
}

// professionalsYouthJustice: the YJ worker for a pupil on a court order (000).
func professionalsYouthJustice(f *facts) verdict { return natYouthJustice.agreedByStart(f) }

// professionalsEarlyHelp: the early help worker involved, and a multi-agency
// review held before the plan starts (000; 002 s5.4). The meeting is the
// planning meeting: an early help worker recorded as attending it meets the
// second half; one who agreed in time but did not attend leaves it unmet.
func professionalsEarlyHelp(f *facts) verdict {
	v := natEarlyHelp.agreedByStart(f)
	if in, _ := involvedAs(f.c, EarlyHelpRole); v.status != Met || in.AttendedMeeting {
		return v
	}
	missed := unmet("%s, but no multi-agency meeting with them before the start is recorded: record that they attended", v.message)
	missed.due = v.due
	return missed
}

// reasonNotBehaviour: part-time timetables must not be used to manage
// behaviour (WTIA 2024). A reminder, never met while it applies.
func reasonNotBehaviour(f *facts) verdict {
	if !f.c.HasReason(Behaviour) {
		return notApplicable("the reasons for the plan do not include behaviour")
	}
	return unmet("a part-time timetable should not be used to manage behaviour: record the support that addresses it and keep the plan short")
}

// reasonSENDDiscrimination: reducing hours because of SEND is likely to be
// discrimination (Equality Act 2010; 002 s1). A reminder, never met.
func reasonSENDDiscrimination(f *facts) verdict {
	if !f.c.Pupil.Has(SENSupport, EHCP) {
		return notApplicable("the pupil has no SEN support or EHCP")
	}
	return unmet("reducing hours because of a pupil's SEND is likely to be discrimination (Equality Act 2010): make sure the reason is not the SEND itself")
}

// repeatBehaviour: a reduced timetable for behaviour will only rarely be
// right a second time (002 s5.10). An earlier case counts when it was a
// reduced timetable with behaviour among its reasons and began before this
// one (or either start is unknown). A reminder, never met.
func repeatBehaviour(f *facts) verdict {
	if !f.c.HasReason(Behaviour) {
		return notApplicable("the reasons for the plan do not include behaviour")
	}
	for _, p := range f.history {
		earlier := p.Start.IsZero() || f.c.Start.IsZero() || p.Start.Before(f.c.Start)
		if p.Kind == ReducedTimetable && slices.Contains(p.Reasons, Behaviour) && earlier {
			from := ""
			if !p.Start.IsZero() {
				from = " from " + p.Start.UK()
			}
			return unmet("the pupil had an earlier reduced timetable for behaviour%s: repeating it is only rarely right; use a different intervention", from)
		}
	}
	return notApplicable("no earlier reduced timetable for behaviour")
}

// workHomeLearning: work for any time the pupil is not in school, set, sent
// home and marked (002 s5.8). A session is out of education when, on one
// of the plan's school days (Calendar.Day), its mode is not in education (home learning, none, a day left
// out) or it is a partial session shorter than the school's full one.
func workHomeLearning(f *facts) verdict {
	out := sessionsOutOfEducation(f)
	if out == 0 {
		return notApplicable("every planned session on a school day is a full session in education")
	}
	if isBlank(f.c.HomeLearning) {
		return unmet("%d planned session(s) are not fully in education: say how work is set, sent home and marked", out)
	}
	return met("the plan says how work is set, sent home and marked for %d session(s) not fully in education", out)
}

func sessionsOutOfEducation(f *facts) int {
	lengths, n := f.cal.SessionLengths(), 0
	for _, w := range f.c.Timetable {
		for _, day := range f.cal.WeekDays(w.WeekBeginning, f.c.Dates()) {
			if !day.Planned() {
				continue
			}
			for _, h := range []Half{AM, PM} {
				s := day.SessionIn(w, h)
				if !s.Mode.InEducation() || s.ContactMinutes(lengths.Of(h)) < lengths.Of(h) {
					n++
				}
			}
		}
	}
	return n
}

// notifyLA: the LA must hear of every part-time timetable (000; 002 s7),
// by the start plus la_notify_days. A notification whose "what" is plan
// is the one asked for; failing that, any notification to the LA that can
// be the copy of the plan (isStartCopy: not a closure, extension, change of
// hours...) counts, since the catalogue's contract does not fix what a
// school calls it.
func notifyLA(f *facts) verdict {
	if f.c.Kind != ReducedTimetable {
		return notApplicable("applies to reduced timetables; %s", kindPhrase(f.c.Kind))
	}
	n, ok := f.c.NotifiedFirst(LocalAuthority, "plan")
	if !ok {
		n = firstStartCopy(f.c, LocalAuthority)
	}
	return f.dutyFromStart(f.params.LANotifyDays, "the hours agreed and the plan sent to the local authority", n.Sent)
}

// closureCopies: once the pupil is back full time, the completed plan with
// its closure date goes to the Virtual School Head, social worker and SEND
// team where appropriate (002 s7). "Where appropriate" is each of them
// involved in the case or called for by the pupil's flags (the same flags as
// professionals.*, so an EHCP counts without a SEND team entry). A copy is a
// notification to the role, "closure" or "plan", sent on or after the
// closure date: one sent earlier cannot carry that date.
func closureCopies(f *facts) verdict {
	c := f.c
	if c.Status != Closed {
		return notApplicable("applies to closed cases; this case is %s", statusPhrase(c.Status))
	}
	var owed, missing []string
	for _, p := range []professional{natSocialWorker, natVirtualSchool, natSENDTeam} {
		if _, involved := involvedAs(c, p.role); !involved && !c.Pupil.Has(p.flags...) {
			continue
		}
		owed = append(owed, p.who)
		if !copySent(c, p.role) {
			missing = append(missing, p.who)
		}
	}
	switch {
	case len(owed) == 0:
		return notApplicable("no social worker, Virtual School Head or EHCP is involved")
	case c.Closed.IsZero():
		return unmet("the case is closed with no closure date: enter it, the copies of the plan must carry it")
	case len(missing) > 0:
		return unmet("no copy of the completed plan sent on or after the closure on %s to %s", c.Closed.UK(), listPhrase(missing))
	}
	return met("the completed plan went to %s after the closure on %s", listPhrase(owed), c.Closed.UK())
}

func copySent(c Case, role Role) bool {
	for _, n := range c.Notifications {
		if n.To == role && (n.What == "closure" || n.What == "plan") && !n.Sent.IsZero() && n.Sent.OnOrAfter(c.Closed) {
			return true
		}
	}
	return false
}

// fairAccess: the law requires an offer within 20 school days of a Fair
// Access referral (School Admissions Code 2021; 001). With no referral date
// the deadline cannot be worked out: unmet, asking for the date.
func fairAccess(f *facts) verdict {
	if f.c.Kind != APReintegration {
		return notApplicable("applies to reintegrations from AP; %s", kindPhrase(f.c.Kind))
	}
	ref, n := f.c.Referral, positive(f.params.FairAccessSchoolDays, DefaultParams().FairAccessSchoolDays)
	if ref.FairAccessReferred.IsZero() {
		return unmet("no Fair Access referral date: enter it so the %d-school-day deadline for an offer can be worked out", n)
	}
	v := duty("offer of a school place", f.cal.AddSchoolDays(ref.FairAccessReferred, n), ref.PlaceOffered, f.on)
	v.message += fmt.Sprintf(" (%d school days from the referral on %s)", n, ref.FairAccessReferred.UK())
	return v
}

// suspensionNoCondition: a pupil returns when the suspension ends, meeting
// or no meeting (DfE suspension guidance 2024). Nothing in the case can
// break this, so it is met while it applies, its message the reminder.
func suspensionNoCondition(f *facts) verdict {
	if f.c.Kind != SuspensionReintegration {
		return notApplicable("applies to reintegrations after suspension; %s", kindPhrase(f.c.Kind))
	}
	return met("reminder: the pupil's return must not depend on the reintegration meeting taking place")
}
