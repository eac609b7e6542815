package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Notifications are records on the case (Case.Notifications: to whom,
// what, when, by whom). ProposedNotifications works out which ones a case
// needs from its kind, the pupil's flags, its dates and the packs that are
// on, each with its deadline, the source that asks for it and the recorded
// notification that meets it. The deadlines and matches are the rules'
// own (notify.la, oxon.la-copy-2-days, bwmat.governors,
// oxon.attendance-team, oxon.half-termly-share, closure.copies,
// worcs.dual-registration, worcs.outcome-form), so marking a proposal sent
// turns its rule green.
//
// Values of What: "plan" (the copy of the plan and the hours agreed, which
// the rules read), "start", "extension", "closure", "hours_change",
// "nil_return", and NotifyJoinerForm.

// NotificationKinds are the values of Notification.What, in the order
// menus show them.
var NotificationKinds = []string{"plan", "start", "hours_change", "extension", "closure", "nil_return", NotifyJoinerForm}

// ParseNotificationTarget checks who a notification went to; the error
// says what to type.
func ParseNotificationTarget(s string) (Role, error) {
	r := Role(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(NotificationTargets, r) {
		return r, nil
	}
	names := make([]string, len(NotificationTargets))
	for i, t := range NotificationTargets {
		names[i] = string(t)
	}
	return "", fmt.Errorf("%q is not someone a notification goes to: type one of %s", s, strings.Join(names, ", "))
}

// ParseNotificationKind checks what a notification was about; the error
// says what to type.
func ParseNotificationKind(s string) (string, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	if slices.Contains(NotificationKinds, k) {
		return k, nil
	}
	return "", fmt.Errorf("%q is not a kind of notification: type one of %s", s, strings.Join(NotificationKinds, ", "))
}

// Record is the notification that marks the proposal sent on the date by
// the person named (cleaned: it is typed text).
func (p ProposedNotification) Record(sent Date, by string) Notification {
	return Notification{To: p.To, What: p.What, Sent: sent, SentBy: CleanName(by)}
}

// ProposedNotification is one notification the case needs.
type ProposedNotification struct {
	To     Role
	What   string
	Due    Date   // the deadline; zero when the date it hangs on is not known yet
	Why    string // what the protocol asks, with its source in brackets
	Source string // the seed section or guidance: "000", "002 s7", ...
	Rule   string // the rule that checks it, "" if none does
	Sent   Date   // the recorded notification that meets it; zero if none
	SentBy string
	Status Status // met, unmet (sent late, or not sent where there is no deadline), due, overdue
}

// need is a notification the case needs and how to recognise it.
type need struct {
	to                Role
	what              string
	due               Date
	why, source, rule string
	condition         bool // no deadline: met once sent, unmet until then
	match             func(Notification) bool
	from, until       Date // a match must be sent in this window (zero: open)
}

// laterEvents are the "what"s that are about something after the start, so
// they are not the copy of the plan sent at the start.
var laterEvents = []string{"closure", "extension", "nil_return", "hours_change", NotifyJoinerForm}

// isStartCopy reports whether a notification can be the copy of the plan
// sent at the start: the rules (notify.la, oxon.la-copy-2-days) and the
// proposals count the same ones.
func isStartCopy(n Notification) bool { return !slices.Contains(laterEvents, n.What) }

// firstStartCopy is the earliest notification to the role that can be the
// copy of the plan sent at the start; zero when there is none.
func firstStartCopy(c Case, to Role) Notification {
	var first Notification
	for _, n := range c.Notifications {
		if n.To == to && isStartCopy(n) && !n.Sent.IsZero() && (first.Sent.IsZero() || n.Sent.Before(first.Sent)) {
			first = n
		}
	}
	return first
}

func anyNotification(Notification) bool { return true }

// ProposedNotificationsIn lists the notifications the case needs as of the
// date, soonest deadline first, using the school calendar for half terms
// (with none, Oxfordshire's half terms fall back to fixed dates).
func ProposedNotificationsIn(c Case, cal *Calendar, packs Packs, on Date) []ProposedNotification {
	needs := startNeeds(c, packs)
	needs = append(needs, extensionNeeds(c)...)
	needs = append(needs, closureNeeds(c)...)
	if packs.Enabled(Oxfordshire) {
		needs = append(needs, halfTermNeeds(c, cal, on)...)
	}
	if packs.Enabled(Worcestershire) {
		needs = append(needs, worcsNeeds(c)...)
	}
	out := make([]ProposedNotification, len(needs))
	for i, n := range needs {
		out[i] = n.propose(c, on)
	}
	slices.SortStableFunc(out, func(a, b ProposedNotification) int {
		return cmp.Or(compareDue(a.Due, b.Due), cmp.Compare(slices.Index(NotificationTargets, a.To), slices.Index(NotificationTargets, b.To)))
	})
	return out
}

// compareDue orders dates with the unknown ones last.
func compareDue(a, b Date) int {
	switch {
	case a.IsZero() || b.IsZero():
		return cmp.Compare(boolInt(a.IsZero()), boolInt(b.IsZero()))
	}
	return a.t.Compare(b.t)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// propose finds the earliest recorded notification that meets the need and
// decides its status as the rules do.
func (n need) propose(c Case, on Date) ProposedNotification {
	p := ProposedNotification{To: n.to, What: n.what, Due: n.due, Why: n.why, Source: n.source, Rule: n.rule}
	for _, sent := range c.Notifications {
		if sent.To != n.to || sent.Sent.IsZero() || !n.match(sent) ||
			(!n.from.IsZero() && sent.Sent.Before(n.from)) || (!n.until.IsZero() && sent.Sent.After(n.until)) {
			continue
		}
		if p.Sent.IsZero() || sent.Sent.Before(p.Sent) {
			p.Sent, p.SentBy = sent.Sent, CleanName(sent.SentBy)
		}
	}
	switch {
	case n.condition && p.Sent.IsZero():
		p.Status = Unmet
	case n.condition:
		p.Status = Met
	case n.due.IsZero() && p.Sent.IsZero():
		p.Status = Due
	case n.due.IsZero():
		p.Status = Met
	default:
		p.Status = duty("", n.due, p.Sent, on).status
	}
	return p
}

// startCopies are the professionals who get a copy of the plan at the start,
// by the pupil's flags.
var startCopies = []struct {
	to          Role
	flags       []Flag
	why, source string
}{
	{VirtualSchool, []Flag{LookedAfter, PreviouslyLookedAfter},
		"looked after or previously looked after: copy the plan to the Head of Virtual School", "002 s7"},
	{SocialWorker, []Flag{ChildProtection, ChildInNeed},
		"Child Protection or Child in Need plan: send a copy of the reduced timetable to the named social worker", "002 s7"},
	{SENDTeam, []Flag{EHCP},
		"EHCP: inform the LA 0-25 SEND team and share a copy of the signed plan", "002 s7; 002 s5.5"},
	{YouthJusticeRole, []Flag{YouthJustice},
		"on a court order or open to youth justice: the plan is agreed and reviewed with the youth justice worker", "000; 002 s4"},
	{EarlyHelpRole, []Flag{EarlyHelp},
		"Early Help / Team Around the Family plan: the plan is agreed and reviewed with the early help worker", "000; 002 s4"},
}

// startNeeds are what a reduced timetable sends before it runs.
func startNeeds(c Case, packs Packs) []need {
	if c.Kind != ReducedTimetable {
		return nil
	}
	var byStart Date
	if !c.Start.IsZero() {
		byStart = c.Start.AddDays(packs.Params.LANotifyDays)
	}
	la := need{to: LocalAuthority, what: "plan", due: byStart, source: "000; 002 s7", rule: "notify.la", match: isStartCopy,
		why: "tell the local authority of every reduced timetable: a copy of the hours agreed and the plan, by the start"}
	if packs.Enabled(Oxfordshire) {
		if agreed := firstSet(c.Agreed, oxonMeetingDate(c), c.Consent.Signed, c.Start); !agreed.IsZero() {
			la.due = MinDate(la.due, agreed.AddDays(positive(packs.Params.OxonLACopyDays, DefaultParams().OxonLACopyDays)))
		}
		la.rule += ", oxon.la-copy-2-days"
		la.why = "send the local authority a copy of the hours agreed and the plan within 2 days of agreement, and by the start"
	}
	needs := []need{la}
	for _, sc := range startCopies {
		if c.Pupil.Has(sc.flags...) {
			needs = append(needs, need{to: sc.to, what: "plan", due: byStart, why: sc.why, source: sc.source, match: isStartCopy})
		}
	}
	if packs.Enabled(BWMAT) {
		needs = append(needs, need{to: Governors, what: "start", due: firstSet(c.Start, c.Agreed), source: "002 s5.11, appendix 1",
			rule: "bwmat.governors", match: anyNotification,
			why: "the Local Governing Committee should be notified as soon as a plan has been agreed"})
	}
	if packs.Enabled(Oxfordshire) {
		needs = append(needs, need{to: AttendanceTeam, what: "start", due: firstSet(oxonMeetingDate(c), c.Agreed, c.Start),
			source: "000", rule: "oxon.attendance-team", match: anyNotification,
			why: "notify the County Attendance Team when a reintegration timetable is first proposed"})
	}
	return needs
}

// extensionNeeds: each extension goes to the local authority, by the end
// it moves (or the day it was agreed, if later). A notification counts for
// the extension agreed before it and not for a later one.
func extensionNeeds(c Case) []need {
	if c.Kind != ReducedTimetable {
		return nil
	}
	var needs []need
	end := c.PlannedEnd
	for i, e := range c.Extensions {
		n := need{to: LocalAuthority, what: "extension", due: MaxDate(e.Agreed, end), source: "002 s5.10; 002 s7",
			from: e.Agreed, match: func(n Notification) bool { return n.What == "extension" },
			why: "tell the local authority the reduced timetable is extended and why (it must not run longer than necessary)"}
		if i+1 < len(c.Extensions) && !c.Extensions[i+1].Agreed.IsZero() {
			n.until = c.Extensions[i+1].Agreed.AddDays(-1)
		}
		needs = append(needs, n)
		end = MaxDate(end, e.NewEnd)
	}
	return needs
}

// closureNeeds: the completed plan with its closure date to the Virtual
// School Head, social worker and SEND team where appropriate (002 s7, as
// closure.copies decides it), and the local authority told the reduced
// timetable has ended. Copies carry the closure date, so only those sent
// on or after it count; there is no deadline.
func closureNeeds(c Case) []need {
	if c.Status != Closed {
		return nil
	}
	copyOf := func(n Notification) bool { return n.What == "closure" || n.What == "plan" }
	var needs []need
	for _, p := range []professional{natVirtualSchool, natSocialWorker, natSENDTeam} {
		if _, involved := involvedAs(c, p.role); involved || c.Pupil.Has(p.flags...) {
			needs = append(needs, need{to: p.role, what: "closure", due: c.Closed, from: c.Closed, condition: true,
				source: "002 s7", rule: "closure.copies", match: copyOf,
				why: "send " + p.who + " a copy of the completed and fully reviewed plan, with its closure date"})
		}
	}
	if c.Kind == ReducedTimetable {
		needs = append(needs, need{to: LocalAuthority, what: "closure", due: c.Closed, from: c.Closed, condition: true,
			source: "WTIA 2024; 002 s7", match: func(n Notification) bool { return n.What == "closure" },
			why: "tell the local authority the pupil is back in full-time education and the reduced timetable has ended"})
	}
	return needs
}

// halfTermNeeds: names to Social Care, Youth Justice and Early Help once in
// each half term the reduced timetable runs (000), due by its last day, as
// oxon.half-termly-share decides.
func halfTermNeeds(c Case, cal *Calendar, on Date) []need {
	if c.Kind != ReducedTimetable || c.Status == Draft || c.Start.IsZero() || c.Start.After(on) {
		return nil
	}
	last := on
	if !c.Closed.IsZero() && c.Closed.Before(last) {
		last = c.Closed
	}
	var needs []need
	for _, p := range halfTerms(cal, c.Start, last) {
		for _, t := range oxonShareTargets {
			needs = append(needs, need{to: t.to, what: "plan", due: p.last, from: p.first, until: p.last,
				source: "000", rule: "oxon.half-termly-share", match: anyNotification,
				why: "pass the pupil's name to " + t.who + " once in the half term " + p.first.UK() + " to " + p.last.UK()})
		}
	}
	return needs
}

// worcsNeeds: for a reintegration from AP, the Joiners Form (001 process 5)
// and the outcome record sheet to School Admissions once the final review
// is held or the reintegration ends (001 process 9), as the worcs rules
// read them.
func worcsNeeds(c Case) []need {
	if c.Kind != APReintegration || c.Status == Draft {
		return nil
	}
	needs := []need{{to: SchoolAdmissions, what: NotifyJoinerForm, due: c.Start, source: "001 process 5",
		rule: "worcs.dual-registration", match: func(n Notification) bool { return strings.EqualFold(n.What, NotifyJoinerForm) },
		why: "the receiving school completes a Joiners Form on the Children's Services Portal: the pupil is on both registers"}}
	end, failed := worcsFailed(c)
	final, _ := worcsFinalReviewDates(c)
	if final.IsZero() && !failed && c.Status != Closed {
		return needs
	}
	template := TemplateWorcsOutcomeSuccessful
	if failed {
		template = TemplateWorcsOutcomeUnsuccessful
	}
	rec, _ := c.CompletedForm(template)
	since := firstSet(final, MinDate(end, rec.Completed), c.Closed)
	return append(needs, need{to: SchoolAdmissions, what: "closure", due: since, from: since, condition: !since.IsZero(),
		source: "001 process 9", rule: "worcs.outcome-form", match: anyNotification,
		why: "return the outcome record sheet to School Admissions so the Fair Access weightings can be adjusted"})
}
