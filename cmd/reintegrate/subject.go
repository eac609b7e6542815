package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"reintegrate/forms"
	"reintegrate/model"
	"reintegrate/storage"
)

// Subject access (issue 7 part 7): `export --pupil ID` gives everything
// held about one child, as a person asking under UK GDPR Article 15 is
// owed, and the audit log records that the copy was made.

// subjectAccessFormat names the JSON document, as case files are named.
const subjectAccessFormat = "reintegrate/subject-access@1"

// subjectAccessDoc is the JSON copy. Each case is a whole case file
// (reintegrate/case@1), so it can be read, checked or imported as any is.
type subjectAccessDoc struct {
	Format            string            `json:"format"`
	Made              string            `json:"made"` // the as-of date, YYYY-MM-DD
	School            string            `json:"school"`
	Pupil             subjectPupil      `json:"pupil"`
	RecordedElsewhere []subjectPastCase `json:"plans_recorded_elsewhere"`
	Cases             []subjectCase     `json:"cases"`
	Audit             []subjectAudit    `json:"audit"`
}

type subjectPupil struct {
	ID          int64           `json:"id"`
	Name        string          `json:"name"`
	DateOfBirth string          `json:"date_of_birth"`
	UPN         string          `json:"upn"`
	YearGroup   model.YearGroup `json:"year_group"`
	Flags       []model.Flag    `json:"flags"`
}

type subjectPastCase struct {
	Kind    model.Kind     `json:"kind"`
	Reasons []model.Reason `json:"reasons"`
	Start   string         `json:"start"`
	Closed  string         `json:"closed"`
}

type subjectCase struct {
	ID       int64           `json:"id"`
	CaseFile json.RawMessage `json:"case_file"`
}

// subjectAudit is one audit entry. Before and After are what the entry
// changed (storage.AuditEntry): the whole record for a creation, the
// fields that changed, old and new, for a change.
type subjectAudit struct {
	At       string          `json:"at"` // RFC 3339, UTC
	User     string          `json:"user"`
	Entity   string          `json:"entity"`
	EntityID int64           `json:"entity_id"`
	Action   string          `json:"action"`
	Before   json.RawMessage `json:"before"`
	After    json.RawMessage `json:"after"`
}

// subjectAccess gathers, renders (and encrypts), records and writes the
// copy. The audit entry is written just before the file, once nothing but
// the write can fail: a copy that left the building must never be missing
// from the log.
func (a *app) subjectAccess(cmd *cobra.Command, s *storage.Store, fl exportFlags) error {
	ctx := cmd.Context()
	on, err := a.on()
	if err != nil {
		return err
	}
	id, err := pupilID(ctx, s, fl.pupil)
	if err != nil {
		return err
	}
	sa, err := s.SubjectAccess(ctx, id)
	if err != nil {
		return pupilLoadError(fl.pupil, err)
	}
	school, err := s.School(ctx)
	if err != nil {
		return storageError(err)
	}
	data, err := renderSubjectAccess(sa, school, on, fl.format)
	if err != nil {
		return err
	}
	if data, err = a.sealIfAsked(fl, data); err != nil {
		return err
	}
	made := storage.SubjectAccessMade{Format: fl.format, Cases: len(sa.Cases), File: fl.out, Encrypted: fl.encrypt}
	if err := s.RecordSubjectAccess(ctx, id, made); err != nil {
		return storageError(err)
	}
	return a.writeOutput(ctx, fl.out, data, fl.binary(), fl.force)
}

// pupilID reads --pupil: the pupil's ID, or their UPN.
func pupilID(ctx context.Context, s *storage.Store, arg string) (int64, error) {
	if id, err := strconv.ParseInt(arg, 10, 64); err == nil && id > 0 {
		return id, nil
	}
	p, err := s.PupilByUPN(ctx, model.CleanName(arg))
	if err != nil {
		return 0, pupilLoadError(arg, err)
	}
	return p.ID, nil
}

func pupilLoadError(arg string, err error) error {
	if errors.Is(err, storage.ErrErased) {
		return usageError("--pupil: %v", err)
	}
	if errors.Is(err, storage.ErrNotFound) {
		return usageError("--pupil: there is no pupil %q: type the pupil's ID or UPN", model.CleanName(arg))
	}
	return storageError(err)
}

func renderSubjectAccess(sa storage.SubjectAccess, school model.School, on model.Date, format string) ([]byte, error) {
	if format == "json" {
		return subjectJSON(sa, school, on)
	}
	r := subjectReport(sa, school, on)
	if format == "md" {
		return r.Markdown(), nil
	}
	var buf bytes.Buffer
	if err := forms.ReportPDF(r, &buf); err != nil {
		return nil, badInput(err)
	}
	return buf.Bytes(), nil
}

func subjectJSON(sa storage.SubjectAccess, school model.School, on model.Date) ([]byte, error) {
	p := sa.Pupil
	doc := subjectAccessDoc{Format: subjectAccessFormat, Made: on.String(), School: model.CleanName(school.Name),
		Pupil: subjectPupil{ID: p.ID, Name: p.Name, DateOfBirth: p.DateOfBirth.String(), UPN: p.UPN,
			YearGroup: p.YearGroup, Flags: p.Flags},
		RecordedElsewhere: []subjectPastCase{}, Cases: []subjectCase{}, Audit: []subjectAudit{}}
	for _, h := range sa.History {
		doc.RecordedElsewhere = append(doc.RecordedElsewhere,
			subjectPastCase{Kind: h.Kind, Reasons: h.Reasons, Start: h.Start.String(), Closed: h.Closed.String()})
	}
	for _, c := range sa.Cases {
		file, err := model.EncodeCaseFile(model.CaseFile{Pupil: p, History: c.History, Case: c.Case})
		if err != nil {
			return nil, badInput(fmt.Errorf("case %d cannot be written as a case file: %w", c.ID, err))
		}
		doc.Cases = append(doc.Cases, subjectCase{ID: c.ID, CaseFile: file})
	}
	for _, e := range sa.Audit {
		doc.Audit = append(doc.Audit, subjectAudit{At: e.At.UTC().Format(time.RFC3339),
			User: e.User, Entity: e.Entity, EntityID: e.EntityID, Action: e.Action, Before: e.Before, After: e.After})
	}
	var out bytes.Buffer
	if err := writeJSON(&out, doc); err != nil {
		return nil, badInput(fmt.Errorf("the subject access copy cannot be written as JSON: %w", err))
	}
	return out.Bytes(), nil
}

// subjectReport lays the copy out for reading and printing: the pupil,
// each case's details and lists, and the audit trail's entries. The JSON
// copy is the complete one (it holds each entry's before and after).
func subjectReport(sa storage.SubjectAccess, school model.School, on model.Date) model.Report {
	p := sa.Pupil
	r := model.Report{Name: "subject-access", Title: "Subject access: everything held about " + p.Name,
		School: model.CleanName(school.Name), From: firstRecorded(sa, on), To: on, On: on,
		Notes: []string{fmt.Sprintf("Made on %s. %d %s, plans recorded elsewhere and the audit trail follow; "+
			"the JSON copy (export --pupil %d --format json) also holds each audit entry's values before and after.",
			on.UK(), len(sa.Cases), plural(len(sa.Cases), "case", "cases"), p.ID)}}
	r.Sections = append(r.Sections, detailSection("Pupil", [][2]string{
		{"Name", p.Name}, {"Date of birth", p.DateOfBirth.UK()}, {"UPN", p.UPN},
		{"Year group", string(p.YearGroup)}, {"Flags", flagWords(p.Flags)}}))
	cal := school.Calendar()
	for _, c := range sa.Cases {
		r.Sections = append(r.Sections, caseSections(c.Case, cal)...)
	}
	r.Sections = append(r.Sections, elsewhereSection(sa.History), auditSection(sa.Audit))
	return r
}

// firstRecorded is where the copy's period starts: the earliest date in
// the record (a plan's start, an audit entry), so the period line says
// "everything from then until the copy was made".
func firstRecorded(sa storage.SubjectAccess, on model.Date) model.Date {
	first := on
	earlier := func(d model.Date) {
		if !d.IsZero() && d.Before(first) {
			first = d
		}
	}
	for _, c := range sa.Cases {
		earlier(c.Start)
	}
	for _, h := range sa.History {
		earlier(h.Start)
	}
	for _, e := range sa.Audit {
		earlier(model.DateOf(e.At))
	}
	return first
}

func detailSection(title string, rows [][2]string) model.Section {
	s := model.Section{Title: title, Columns: []model.Column{{Head: "Detail"}, {Head: "Recorded"}}}
	for _, row := range rows {
		value := cmp.Or(model.CleanText(row[1], false), "not recorded")
		s.Rows = append(s.Rows, []model.Cell{{Text: row[0]}, {Text: value}})
	}
	return s
}

func cellsOf(texts ...string) []model.Cell {
	out := make([]model.Cell, len(texts))
	for i, t := range texts {
		out[i] = model.Cell{Text: model.CleanText(t, false)}
	}
	return out
}

// dateOr is a date inside a sentence, where a blank would read as a typo.
func dateOr(d model.Date) string { return cmp.Or(d.UK(), "not recorded") }

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func flagWords(flags []model.Flag) string {
	var words []string
	for _, f := range flags {
		words = append(words, f.Label())
	}
	return strings.Join(words, ", ")
}

// caseSections are one case's details, then each of its lists.
func caseSections(c model.Case, cal *model.Calendar) []model.Section {
	head := fmt.Sprintf("Case %d: %s", c.ID, c.Kind.Label())
	var reasons []string
	for _, r := range c.Reasons {
		reasons = append(reasons, r.Label())
	}
	out := []model.Section{detailSection(head, [][2]string{
		{"Status", string(c.Status)}, {"Reasons", strings.Join(reasons, ", ")}, {"Start", c.Start.UK()},
		{"Planned end", c.PlannedEnd.UK()}, {"Closed", c.Closed.UK()}, {"Closed by", c.ClosedBy},
		{"Outcome", outcomeText(c)}, {"Closed with blockers open", closedOverText(c.ClosedOver)},
		{"Agreed", c.Agreed.UK()}, {"Named person", c.NamedPerson},
		{"Consent", fmt.Sprintf("%s (%s), lives with pupil: %s, signed %s, authorised by %s", c.Consent.ParentName,
			c.Consent.Relationship, yesNo(c.Consent.LivesWithPupil), dateOr(c.Consent.Signed), c.Consent.AuthorisedBy)},
		{"Risk assessment", fmt.Sprintf("completed %s, significant risk: %s", dateOr(c.RiskAssessment.Completed), yesNo(c.RiskAssessment.SignificantRisk))},
		{"Fair Access", fmt.Sprintf("referred %s, place offered %s", dateOr(c.Referral.FairAccessReferred), dateOr(c.Referral.PlaceOffered))},
		{"Home learning", c.HomeLearning}})}
	return append(out, caseLists(head, c, cal)...)
}

func caseLists(head string, c model.Case, cal *model.Calendar) []model.Section {
	list := func(title, empty string, heads ...string) model.Section {
		s := model.Section{Title: head + ": " + title, Empty: empty}
		for _, h := range heads {
			s.Columns = append(s.Columns, model.Column{Head: h})
		}
		return s
	}
	inv := list("people involved", "none recorded", "Role", "Name", "Agreed", "At the meeting")
	for _, in := range c.Involvement {
		inv.Rows = append(inv.Rows, cellsOf(in.Role.Label(), in.Name, in.Agreed.UK(), yesNo(in.AttendedMeeting)))
	}
	notes := list("notifications", "none sent", "To", "What", "Sent", "Sent by")
	for _, n := range c.Notifications {
		notes.Rows = append(notes.Rows, cellsOf(n.To.Label(), n.What, n.Sent.UK(), n.SentBy))
	}
	ext := list("extensions", "none", "Agreed", "New end", "Reason", "Parent agreed")
	for _, e := range c.Extensions {
		ext.Rows = append(ext.Rows, cellsOf(e.Agreed.UK(), e.NewEnd.UK(), e.Reason, yesNo(e.ParentAgreed)))
	}
	rev := list("reviews", "none", "Due", "Held", "Kind", "Took part", "Pupil's views", "Parent's views", "Decisions and notes", "Struck out")
	for _, v := range c.Reviews {
		rev.Rows = append(rev.Rows, cellsOf(v.Due.UK(), v.Held.UK(), v.Kind, attendedText(v.Attended),
			viewsText(v.PupilViews, v.PupilViewsText), viewsText(v.ParentAttended, v.ParentViewsText),
			strings.TrimSpace(v.Decisions+"\n"+v.Notes), strikeOutText(v.StruckOut)))
	}
	return []model.Section{inv, notes, ext, rev, timetableSection(head, c, cal), formsSection(head, c)}
}

// outcomeText is a closed plan's typed outcome with the note beside it.
func outcomeText(c model.Case) string {
	if c.Outcome == model.NoOutcome && c.OutcomeNote == "" {
		return ""
	}
	if c.OutcomeNote == "" {
		return c.Outcome.Label()
	}
	return c.Outcome.Label() + ": " + c.OutcomeNote
}

func closedOverText(co model.ClosedOver) string {
	if co.IsZero() {
		return ""
	}
	return strings.Join(co.Blockers, ", ") + ": " + co.Reason
}

func attendedText(roles []model.Role) string {
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = r.Label()
	}
	return strings.Join(names, ", ")
}

// viewsText is the views as recorded, or whether they were, for a review
// recorded before the views were kept as text.
func viewsText(recorded bool, text string) string {
	if text != "" {
		return text
	}
	return yesNo(recorded)
}

func strikeOutText(s model.StrikeOut) string {
	if s.IsZero() {
		return ""
	}
	return s.On.UK() + ": " + s.Reason
}

var dayNames = [5]string{"Mon", "Tue", "Wed", "Thu", "Fri"}

// timetableSection is the plan week by week. A day the school is shut, or
// outside the plan's dates, says so rather than what the week holds: it
// has no session of the plan (model.PlanDay). The JSON copy keeps the
// weeks as stored.
func timetableSection(head string, c model.Case, cal *model.Calendar) model.Section {
	s := model.Section{Title: head + ": timetable (am / pm)", Empty: "no weeks planned",
		Columns: []model.Column{{Head: "Week beginning", Date: true}}}
	for _, d := range dayNames {
		s.Columns = append(s.Columns, model.Column{Head: d})
	}
	for _, w := range c.Timetable {
		row := []model.Cell{{Text: w.WeekBeginning.UK(), Value: w.WeekBeginning.String()}}
		for _, day := range cal.WeekDays(w.WeekBeginning, c.Dates()) {
			text := day.Label()
			if day.Planned() {
				text = sessionWords(day.SessionIn(w, model.AM)) + " / " + sessionWords(day.SessionIn(w, model.PM))
			}
			row = append(row, model.Cell{Text: text})
		}
		s.Rows = append(s.Rows, row)
	}
	return s
}

func sessionWords(s model.Session) string {
	mode := string(s.Mode)
	if mode == "" {
		mode = string(model.NoSession)
	}
	if s.Partial {
		return fmt.Sprintf("%s %d min", mode, s.Minutes)
	}
	return mode
}

func formsSection(head string, c model.Case) model.Section {
	s := model.Section{Title: head + ": forms", Empty: "no forms",
		Columns: []model.Column{{Head: "Form"}, {Head: "Completed"}, {Head: "Field"}, {Head: "Entry"}}}
	for _, f := range c.Forms {
		keys := make([]string, 0, len(f.Fields))
		for k := range f.Fields {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			s.Rows = append(s.Rows, cellsOf(f.Template, f.Completed.UK(), k, f.Fields[k]))
		}
		if len(keys) == 0 {
			s.Rows = append(s.Rows, cellsOf(f.Template, f.Completed.UK(), "", ""))
		}
	}
	return s
}

func elsewhereSection(history []model.PastCase) model.Section {
	s := model.Section{Title: "Plans recorded elsewhere", Empty: "none",
		Columns: []model.Column{{Head: "Kind"}, {Head: "Start"}, {Head: "Closed"}}}
	for _, h := range history {
		s.Rows = append(s.Rows, cellsOf(h.Kind.Label(), h.Start.UK(), h.Closed.UK()))
	}
	return s
}

func auditSection(trail []storage.AuditEntry) model.Section {
	s := model.Section{Title: "Audit trail: every change, and every copy made", Empty: "no entries",
		Columns: []model.Column{{Head: "When (UTC)"}, {Head: "Who"}, {Head: "Record"}, {Head: "Action"}}}
	for _, e := range trail {
		s.Rows = append(s.Rows, cellsOf(e.At.UTC().Format("02/01/2006 15:04"), e.User,
			fmt.Sprintf("%s %d", e.Entity, e.EntityID), e.Action))
	}
	return s
}
