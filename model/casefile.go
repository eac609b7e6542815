package model

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The case file, reintegrate/case@1 (DESIGN.md, "Case file"): one case and
// its pupil as a JSON document, for moving a case between the AP setting and
// the host school, for backups, for subject access requests and for
// `check --file`. The reader is strict because a typo ("signd") would
// otherwise turn into a missing consent and a wrong finding: every unknown
// key, bad value and wrong type is reported, all at once, with its JSON path.
//
// Beyond the contract the reader accepts optional keys that our own export
// writes: the pupil's "preferred_name" and "free_school_meals" (written only
// when set), a notification's "sent_by", an involvement's
// "early_review_requested" (002 s5.5), a form's "version"; the case's
// "outcome_note", "closed_by" and "closed_with_blockers" ({"rules",
// "reason"}); a review's "attended" (roles, "pupil" and "parent" among
// them), "pupil_views_text", "parent_views_text", "decisions" and
// "struck_out" ({"on", "reason"}). "outcome" is one of the typed values
// (Outcomes); free text, as files written before it was typed carry, is
// read by OutcomeFromText. Database IDs do not travel in the file: they
// belong to one school's database.
//
// This file reads the contract's objects; casefile_json.go is the strict
// JSON walker under it and casefile_write.go the writer.

// CaseFileFormat is the only "format" this version reads and writes.
const CaseFileFormat = "reintegrate/case@1"

// CaseFile is a case file read into the model. Case.Pupil is the same pupil
// as Pupil; Case.Timetable, Reviews and Forms come from the file's top level.
type CaseFile struct {
	Pupil   Pupil
	History []PastCase
	Case    Case
}

// FieldError is one thing wrong in a case file.
type FieldError struct {
	Path    string // JSON path, such as case.consent.signed or timetable[2].sessions.mon.am; "" is the whole file
	Value   string // the value as written (JSON, cut short); the key itself for an unknown key; "" when missing
	Message string // what is wrong and what to type
}

func (e FieldError) Error() string {
	if e.Path == "" {
		return "file: " + e.Message
	}
	return e.Path + ": " + e.Message
}

// CaseFileErrors is everything wrong in a case file, in the order found.
type CaseFileErrors []FieldError

func (es CaseFileErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// ParseOption changes how a case file is read.
type ParseOption func(*cfReader)

// WithSessionLengths checks partial sessions' minutes against the school's
// own session lengths rather than the defaults (180 am, 120 pm).
func WithSessionLengths(l SessionLengths) ParseOption {
	return func(r *cfReader) {
		if l != (SessionLengths{}) {
			r.lengths = l
		}
	}
}

// ParseCaseFile reads a reintegrate/case@1 document. On any error it returns
// a CaseFileErrors listing every problem, and an empty CaseFile.
func ParseCaseFile(data []byte, opts ...ParseOption) (CaseFile, error) {
	r := &cfReader{lengths: DefaultSessionLengths}
	for _, o := range opts {
		o(r)
	}
	if len(data) > MaxCaseFileBytes { // before reading any of it: see MaxCaseFileBytes
		return CaseFile{}, CaseFileErrors{{Message: fmt.Sprintf("is %s: a case file may be at most %s; check it is the case file you meant",
			Size(len(data)), Size(MaxCaseFileBytes))}}
	}
	text, err := DecodeText(data) // the one rule for text files: UTF-8 (with or without a BOM) or Windows-1252
	if err != nil {
		return CaseFile{}, CaseFileErrors{{Message: err.Error()}}
	}
	data = []byte(text)
	if !json.Valid(data) {
		return CaseFile{}, CaseFileErrors{{Message: cfSyntaxMessage(data)}}
	}
	var cf CaseFile
	r.file(bytes.TrimSpace(data), &cf)
	if len(r.errs) > 0 {
		return CaseFile{}, r.errs
	}
	cf.Case.Pupil = cf.Pupil
	if err := cf.Case.CheckLimits(); err != nil { // the limits no single field's reader sees
		return CaseFile{}, CaseFileErrors{{Message: err.Error()}}
	}
	if err := CheckCount("the earlier plans (history)", len(cf.History), MaxListItems, "entries"); err != nil {
		return CaseFile{}, CaseFileErrors{{Message: err.Error()}}
	}
	return cf, nil
}

func (r *cfReader) file(v json.RawMessage, cf *CaseFile) {
	r.object("", "a case file", v,
		cfKey{"format", `type "format": "reintegrate/case@1"`, r.format},
		cfKey{"pupil", "type the pupil's name and year group", func(at string, v json.RawMessage) { cf.Pupil = r.pupil(at, v) }},
		cfKey{"history", "", func(at string, v json.RawMessage) { cf.History = cfEach(r, at, v, cfEntries, r.pastCase) }},
		cfKey{"case", "type the case: its kind, status and dates", func(at string, v json.RawMessage) { r.caseDetails(at, v, &cf.Case) }},
		cfKey{"timetable", "", func(at string, v json.RawMessage) { cf.Case.Timetable = r.timetable(at, v) }},
		cfKey{"reviews", "", func(at string, v json.RawMessage) { cf.Case.Reviews = cfEach(r, at, v, cfEntries, r.review) }},
		cfKey{"forms", "", func(at string, v json.RawMessage) { cf.Case.Forms = cfEach(r, at, v, cfEntries, r.form) }},
	)
}

func (r *cfReader) format(at string, v json.RawMessage) {
	if s, ok := r.text(at, v); ok && s != CaseFileFormat {
		r.fail(at, v, "%q is not a format this version reads: type %q", s, CaseFileFormat)
	}
}

func (r *cfReader) pupil(path string, v json.RawMessage) Pupil {
	var p Pupil
	r.object(path, "the pupil", v,
		cfKey{"name", "type the pupil's name", func(at string, v json.RawMessage) {
			n := len(r.errs) // a name past its limit is reported once, not as empty too
			if p.Name = r.name(at, v); p.Name == "" && len(r.errs) == n {
				r.fail(at, v, "is empty: type the pupil's name")
			}
		}},
		cfKey{"preferred_name", "", r.nameTo(&p.PreferredName)},
		cfKey{"date_of_birth", "", cfInto(r, &p.DateOfBirth)},
		cfKey{"upn", "", func(at string, v json.RawMessage) { p.UPN = r.upn(at, v) }},
		cfKey{"year_group", `type the year group, such as "Y8"`, func(at string, v json.RawMessage) { p.YearGroup = r.yearGroup(at, v) }},
		cfKey{"flags", "", func(at string, v json.RawMessage) { p.Flags = cfWords(r, at, v, Flags, "a pupil flag") }},
		cfKey{"free_school_meals", "", cfInto(r, &p.FreeSchoolMeals)},
	)
	return p
}

// upn is checked as everywhere else (ParseUPN, with its check letter).
func (r *cfReader) upn(at string, v json.RawMessage) string {
	s, ok := r.text(at, v)
	if !ok {
		return ""
	}
	u, err := ParseUPN(CleanName(s))
	if err != nil {
		r.fail(at, v, "%s", err.Error())
	}
	return u
}

// yearGroup is strict (N1, N2, R, Y1..Y13) but says how to write what a
// person typed, such as "Year 8".
func (r *cfReader) yearGroup(at string, v json.RawMessage) YearGroup {
	s, ok := r.text(at, v)
	if !ok || slices.Contains(YearGroups, YearGroup(s)) {
		return YearGroup(s)
	}
	if y, err := ParseYearGroup(s); err == nil {
		r.fail(at, v, "%q is not how the file writes a year group: type %q", s, y)
		return ""
	}
	return cfWord(r, at, v, YearGroups, "a year group")
}

func (r *cfReader) pastCase(path string, v json.RawMessage) PastCase {
	var p PastCase
	r.object(path, "an earlier case", v,
		cfKey{"kind", "type the kind, such as \"reduced_timetable\"", func(at string, v json.RawMessage) { p.Kind = cfWord(r, at, v, Kinds, "a case kind") }},
		cfKey{"reasons", "", func(at string, v json.RawMessage) { p.Reasons = cfWords(r, at, v, Reasons, "a reason") }},
		cfKey{"start", "", cfInto(r, &p.Start)},
		cfKey{"closed", "", cfInto(r, &p.Closed)},
	)
	r.notBefore(path+".closed", p.Closed, p.Start, "start")
	return p
}

// notBefore refuses a date before the one it must follow (when both are set).
func (r *cfReader) notBefore(at string, d, first Date, firstName string) {
	if !d.IsZero() && !first.IsZero() && d.Before(first) {
		r.add(FieldError{Path: at, Value: strconv.Quote(d.String()), Message: fmt.Sprintf(
			"%s is before the %s (%s): type a date on or after %s", d.UK(), firstName, first.UK(), first.UK())})
	}
}

func (r *cfReader) caseDetails(path string, v json.RawMessage, c *Case) {
	r.object(path, "the case", v,
		cfKey{"kind", "type the kind, such as \"reduced_timetable\"", func(at string, v json.RawMessage) { c.Kind = cfWord(r, at, v, Kinds, "a case kind") }},
		cfKey{"reasons", "", func(at string, v json.RawMessage) { c.Reasons = cfWords(r, at, v, Reasons, "a reason") }},
		cfKey{"start", "", cfInto(r, &c.Start)},
		cfKey{"planned_end", "", cfInto(r, &c.PlannedEnd)},
		cfKey{"status", `type "draft", "active" or "closed"`, func(at string, v json.RawMessage) { c.Status = cfWord(r, at, v, CaseStatuses, "a case status") }},
		cfKey{"closed", "", cfInto(r, &c.Closed)},
		cfKey{"outcome", "", func(at string, v json.RawMessage) { r.outcome(at, v, c) }},
		cfKey{"outcome_note", "", func(at string, v json.RawMessage) {
			c.OutcomeNote = strings.TrimSpace(strings.Join([]string{c.OutcomeNote, r.note(at, v)}, "\n"))
		}},
		cfKey{"closed_by", "", r.nameTo(&c.ClosedBy)},
		cfKey{"closed_with_blockers", "", func(at string, v json.RawMessage) { c.ClosedOver = r.closedOver(at, v) }},
		cfKey{"agreed", "", cfInto(r, &c.Agreed)},
		cfKey{"named_person", "", r.nameTo(&c.NamedPerson)},
		cfKey{"consent", "", func(at string, v json.RawMessage) { c.Consent = r.consent(at, v) }},
		cfKey{"risk_assessment", "", func(at string, v json.RawMessage) { c.RiskAssessment = r.riskAssessment(at, v) }},
		cfKey{"involvement", "", func(at string, v json.RawMessage) { c.Involvement = cfEach(r, at, v, cfEntries, r.involvement) }},
		cfKey{"notifications", "", func(at string, v json.RawMessage) { c.Notifications = cfEach(r, at, v, cfEntries, r.notification) }},
		cfKey{"extensions", "", func(at string, v json.RawMessage) { c.Extensions = cfEach(r, at, v, cfEntries, r.extension) }},
		cfKey{"referral", "", func(at string, v json.RawMessage) { c.Referral = r.referral(at, v) }},
		cfKey{"home_learning", "", cfInto(r, &c.HomeLearning)},
	)
	r.notBefore(path+".planned_end", c.PlannedEnd, c.Start, "start")
	r.notBefore(path+".closed", c.Closed, c.Start, "start")
}

// outcome reads the typed outcome; free text, as files written before it
// was typed carry, is read as OutcomeFromText reads it, the text kept as
// the note.
func (r *cfReader) outcome(at string, v json.RawMessage, c *Case) {
	if !cfIsNull(v) && v[0] != '"' {
		r.wrongType(at, v, `one of "successful", "unsuccessful", "moved_provision", "other", or null`)
		return
	}
	s := r.limited(at, v, MaxNoteLength)
	if slices.Contains(Outcomes, Outcome(s)) || s == "" {
		c.Outcome = Outcome(s)
		return
	}
	o, note := OutcomeFromText(CleanText(s, true))
	c.Outcome = o
	c.OutcomeNote = strings.TrimSpace(strings.Join([]string{note, c.OutcomeNote}, "\n"))
}

func (r *cfReader) closedOver(path string, v json.RawMessage) ClosedOver {
	var co ClosedOver
	r.object(path, "the blockers open at closing", v,
		cfKey{"rules", "list the rules still blocking, such as [\"consent.parent\"]", func(at string, v json.RawMessage) {
			r.list(at, v, cfEntries, func(at string, v json.RawMessage) {
				if id := r.name(at, v); id != "" {
					co.Blockers = append(co.Blockers, id)
				} else {
					r.fail(at, v, `is empty: type a rule's ID, such as "consent.parent"`)
				}
			})
		}},
		cfKey{"reason", "type why the plan was closed with blockers open", func(at string, v json.RawMessage) {
			if co.Reason = r.note(at, v); strings.TrimSpace(co.Reason) == "" {
				r.fail(at, v, "is empty: type why the plan was closed with blockers open")
			}
		}},
	)
	return co
}

func (r *cfReader) consent(path string, v json.RawMessage) Consent {
	var c Consent
	r.object(path, "the consent", v,
		cfKey{"parent_name", "", r.nameTo(&c.ParentName)},
		cfKey{"relationship", "", cfInto(r, &c.Relationship)},
		cfKey{"lives_with_pupil", "", cfInto(r, &c.LivesWithPupil)},
		cfKey{"signed", "", cfInto(r, &c.Signed)},
		cfKey{"authorised_by", "", r.nameTo(&c.AuthorisedBy)},
	)
	return c
}

func (r *cfReader) riskAssessment(path string, v json.RawMessage) RiskAssessment {
	var ra RiskAssessment
	r.object(path, "the risk assessment", v,
		cfKey{"completed", "", cfInto(r, &ra.Completed)},
		cfKey{"significant_risk", "", cfInto(r, &ra.SignificantRisk)},
	)
	return ra
}

func (r *cfReader) involvement(path string, v json.RawMessage) Involvement {
	var in Involvement
	r.object(path, "an involvement", v,
		cfKey{"role", `type the role, such as "social_worker"`, func(at string, v json.RawMessage) {
			in.Role = cfWord(r, at, v, InvolvementRoles, "an involvement role")
		}},
		cfKey{"name", "", r.nameTo(&in.Name)},
		cfKey{"agreed", "", cfInto(r, &in.Agreed)},
		cfKey{"attended_meeting", "", cfInto(r, &in.AttendedMeeting)},
		cfKey{"early_review_requested", "", cfInto(r, &in.EarlyReviewAsked)},
	)
	return in
}

func (r *cfReader) notification(path string, v json.RawMessage) Notification {
	var n Notification
	r.object(path, "a notification", v,
		cfKey{"to", `type who it went to, such as "local_authority"`, func(at string, v json.RawMessage) {
			n.To = cfWord(r, at, v, NotificationTargets, "a notification target")
		}},
		cfKey{"sent", "", cfInto(r, &n.Sent)},
		cfKey{"what", "", cfInto(r, &n.What)},
		cfKey{"sent_by", "", r.nameTo(&n.SentBy)},
	)
	return n
}

func (r *cfReader) extension(path string, v json.RawMessage) Extension {
	var e Extension
	r.object(path, "an extension", v,
		cfKey{"agreed", "", cfInto(r, &e.Agreed)},
		cfKey{"new_end", "", cfInto(r, &e.NewEnd)},
		cfKey{"reason", "", cfInto(r, &e.Reason)},
		cfKey{"parent_agreed", "", cfInto(r, &e.ParentAgreed)},
	)
	return e
}

func (r *cfReader) referral(path string, v json.RawMessage) Referral {
	var ref Referral
	r.object(path, "the referral", v,
		cfKey{"fair_access_referred", "", cfInto(r, &ref.FairAccessReferred)},
		cfKey{"place_offered", "", cfInto(r, &ref.PlaceOffered)},
	)
	return ref
}

func (r *cfReader) review(path string, v json.RawMessage) Review {
	var rv Review
	r.object(path, "a review", v,
		cfKey{"due", "", cfInto(r, &rv.Due)},
		cfKey{"held", "", cfInto(r, &rv.Held)},
		cfKey{"kind", "", func(at string, v json.RawMessage) {
			if s, ok := r.text(at, v); ok && s != "" { // "" is a plain review
				rv.Kind = cfWord(r, at, v, ReviewKinds, "a review kind")
			}
		}},
		cfKey{"pupil_views", "", cfInto(r, &rv.PupilViews)},
		cfKey{"parent_attended", "", cfInto(r, &rv.ParentAttended)},
		cfKey{"notes", "", cfInto(r, &rv.Notes)},
		cfKey{"attended", "", func(at string, v json.RawMessage) {
			rv.Attended = cfWords(r, at, v, ReviewAttendees, "someone who takes part in a review")
		}},
		cfKey{"pupil_views_text", "", cfInto(r, &rv.PupilViewsText)},
		cfKey{"parent_views_text", "", cfInto(r, &rv.ParentViewsText)},
		cfKey{"decisions", "", cfInto(r, &rv.Decisions)},
		cfKey{"struck_out", "", func(at string, v json.RawMessage) { rv.StruckOut = r.strikeOut(at, v) }},
	)
	return rv
}

func (r *cfReader) strikeOut(path string, v json.RawMessage) StrikeOut {
	var s StrikeOut
	r.object(path, "a strike-out", v,
		cfKey{"on", `type the date it was struck out, such as "2026-11-20"`, cfInto(r, &s.On)},
		cfKey{"reason", "type why the review was struck out", func(at string, v json.RawMessage) {
			if s.Reason = r.note(at, v); strings.TrimSpace(s.Reason) == "" {
				r.fail(at, v, "is empty: type why the review was struck out")
			}
		}},
	)
	return s
}

func (r *cfReader) form(path string, v json.RawMessage) FormRecord {
	var f FormRecord
	r.object(path, "a form", v,
		cfKey{"template", `type the form's template, such as "bwmat.plan"`, func(at string, v json.RawMessage) {
			n := len(r.errs)
			if f.Template = r.name(at, v); f.Template == "" && len(r.errs) == n {
				r.fail(at, v, `is empty: type the form's template, such as "bwmat.plan"`)
			}
		}},
		cfKey{"completed", "", cfInto(r, &f.Completed)},
		cfKey{"version", "", func(at string, v json.RawMessage) {
			if cfIsNull(v) {
				return
			}
			if n, ok := r.whole(at, v); ok && n < 0 {
				r.fail(at, v, "%d is below zero: type the form's version, 1 or more", n)
			} else {
				f.Version = n
			}
		}},
		cfKey{"fields", "", func(at string, v json.RawMessage) { f.Fields = r.formFields(at, v) }},
	)
	return f
}

func (r *cfReader) formFields(path string, v json.RawMessage) map[string]string {
	var out map[string]string
	full := false
	r.fields(path, v, func(name, at string, v json.RawMessage) {
		if out == nil {
			out = make(map[string]string)
		}
		if full || len(out) == MaxFormFields {
			if !full {
				r.fail(path, nil, "has more than %s fields: the most a form may have is %[1]s; remove the ones not needed",
					Thousands(MaxFormFields))
			}
			full = true
			return
		}
		if err := CheckLength("", name, MaxNameLength); err != nil {
			r.fail(at, nil, "the field's name %s", err.Error())
			return
		}
		out[name] = r.note(at, v)
	})
	return out
}

func (r *cfReader) timetable(path string, v json.RawMessage) []Week {
	first := make(map[Date]string) // week beginning -> where it was first planned
	return cfEach(r, path, v, cfWeeks, func(at string, v json.RawMessage) Week {
		w := r.week(at, v)
		if w.WeekBeginning.IsZero() {
			return w
		}
		if earlier, ok := first[w.WeekBeginning]; ok {
			r.add(FieldError{Path: at + ".week_beginning", Value: strconv.Quote(w.WeekBeginning.String()),
				Message: fmt.Sprintf("the week beginning %s is planned twice (also at %s): keep one", w.WeekBeginning.UK(), earlier)})
		} else {
			first[w.WeekBeginning] = at
		}
		return w
	})
}

func (r *cfReader) week(path string, v json.RawMessage) Week {
	var w Week
	for d := range w.Days {
		w.Days[d] = [2]Session{{Mode: NoSession}, {Mode: NoSession}} // a day left out is none, am and pm
	}
	days := make([]cfKey, len(DayNames))
	for i, name := range DayNames {
		days[i] = cfKey{name, "", func(at string, v json.RawMessage) {
			r.object(at, "a day", v,
				cfKey{"am", "", func(at string, v json.RawMessage) { w.Days[i][AM] = r.session(at, v, AM) }},
				cfKey{"pm", "", func(at string, v json.RawMessage) { w.Days[i][PM] = r.session(at, v, PM) }})
		}}
	}
	r.object(path, "a timetable week", v,
		cfKey{"week_beginning", `type the Monday's date, such as "2026-11-02"`, func(at string, v json.RawMessage) { w.WeekBeginning = r.monday(at, v) }},
		cfKey{"sessions", "", func(at string, v json.RawMessage) { r.object(at, "a week's sessions", v, days...) }},
	)
	return w
}

func (r *cfReader) monday(at string, v json.RawMessage) Date {
	d := r.date(at, v)
	if !d.IsZero() && d.Weekday() != time.Monday {
		r.fail(at, v, "%s is a %s: a week begins on a Monday, type %q", d.UK(), d.Weekday(), d.Monday().String())
		return Date{}
	}
	return d
}

// session reads one am or pm session. Without minutes it is a full session
// (or no contact time, for none and home learning); with minutes it is
// partial, and the minutes must fit in the school's session.
func (r *cfReader) session(path string, v json.RawMessage, h Half) Session {
	var s Session
	var minutes json.RawMessage
	r.object(path, "a session", v,
		cfKey{"mode", `type the mode, such as "school"`, func(at string, v json.RawMessage) { s.Mode = cfWord(r, at, v, Modes, "a session mode") }},
		cfKey{"minutes", "", func(_ string, v json.RawMessage) { minutes = v }},
	)
	if minutes == nil || cfIsNull(minutes) {
		return Session{Mode: cmp.Or(s.Mode, NoSession)}
	}
	at, full := path+".minutes", r.lengths.Of(h)
	n, ok := r.whole(at, minutes)
	switch {
	case !ok:
	case n < 0 || n > full:
		r.fail(at, minutes, "%d minutes does not fit the %s session of %d minutes: type 0 to %d, or leave minutes out for a full session", n, h, full, full)
	case s.Mode == NoSession:
		r.fail(at, minutes, `a session with mode "none" has no minutes: leave minutes out, or choose another mode`)
	case s.Mode != "": // a bad mode is reported already
		s.Minutes, s.Partial = n, true
	}
	s.Mode = cmp.Or(s.Mode, NoSession)
	return s
}
