package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/huh/v2"

	"reintegrate/model"
)

// reviewDraft records a review meeting, or corrects one recorded before.
// It is not a protocol template of its own (worcs.review and the bwmat
// plan carry theirs), but every pack needs reviews on file for
// reviews.scheduled and reviews.pupil-and-parent (001 initial meeting and
// process 6; 002 appendix 1: reviews at 2, 4 and 6 weeks). A new review is
// recorded against a due date of the schedule (the one the user picks) or
// as an extra one; who took part, the pupil's and the parent's views and
// the decisions are recorded with it.
type reviewDraft struct {
	form  *huh.Form
	cs    model.Case
	on    model.Date
	every int
	index int // the review corrected, or -1 for a new one
	// slot is the due date picked (YYYY-MM-DD), or "" for an extra review.
	slot                                       string
	kind, held, pupilSaid, parentSaid, decided string
	attended                                   []model.Role
}

// extraReview is the slot value of a review not on the schedule.
const extraReview = ""

// newReviewDraft records a new review against the due date given, or the
// first not yet held when due is zero.
func newReviewDraft(cs model.Case, on model.Date, every int, due model.Date) *reviewDraft {
	d := &reviewDraft{cs: cs, on: on, every: every, index: -1, kind: model.ReviewKindReview, held: on.UK()}
	open := openDueDates(cs, on, every)
	switch {
	case !due.IsZero():
		d.slot = due.String()
	case len(open) > 0:
		d.slot = open[0].String()
	}
	if end := cs.End(); !end.IsZero() && on.After(end.AddDays(model.ReviewGraceDays)) {
		d.held = "" // today is past what may be recorded: the user types the date
	}
	d.form = d.build()
	return d
}

// correctReviewDraft opens the review at index, as recorded, to correct it.
// A review recorded before who took part was kept shows the pupil and the
// parent as taking part when it recorded their views or attendance.
func correctReviewDraft(cs model.Case, on model.Date, every, index int) *reviewDraft {
	r := cs.Reviews[index]
	d := &reviewDraft{cs: cs, on: on, every: every, index: index, kind: cmpOr(r.Kind, model.ReviewKindReview),
		held: dateOr(r.Held, ""), pupilSaid: r.PupilViewsText, parentSaid: r.ParentViewsText,
		decided: r.Decisions, attended: slices.Clone(r.Attended), slot: r.Due.String()}
	if r.Attended == nil {
		if r.PupilViews && r.PupilViewsText == "" {
			d.attended = append(d.attended, model.PupilRole)
		}
		if r.ParentAttended && r.ParentViewsText == "" {
			d.attended = append(d.attended, model.ParentRole)
		}
	}
	if r.Due.IsZero() {
		d.slot = extraReview
	}
	if r.Held.IsZero() {
		d.held = on.UK() // a planned review being recorded as held
	}
	d.form = d.build()
	return d
}

func cmpOr(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// openDueDates are the schedule's due dates with no review held for them.
func openDueDates(cs model.Case, on model.Date, every int) []model.Date {
	var out []model.Date
	for _, s := range cs.ReviewSlots(every, on) {
		if s.Scheduled && (s.Index < 0 || cs.Reviews[s.Index].Held.IsZero()) {
			out = append(out, s.Due)
		}
	}
	return out
}

// build makes the huh form over the draft's values; reopen calls it again
// after a refused save, with the answers as they were.
func (d *reviewDraft) build() *huh.Form {
	var groups []*huh.Group
	first := []huh.Field{}
	if d.index < 0 {
		first = append(first, huh.NewSelect[string]().Title("Which review is this?").
			Options(d.slotOptions()...).Value(&d.slot))
	}
	first = append(first,
		huh.NewSelect[string]().Title("Kind of review").Inline(true).Value(&d.kind).Options(
			huh.NewOption("Planned review", model.ReviewKindReview),
			huh.NewOption("Emergency review", model.ReviewKindEmergency),
			huh.NewOption("Final review", model.ReviewKindFinal)),
		huh.NewInput().Title("Held on (DD/MM/YYYY)").Value(&d.held).Validate(d.checkHeld))
	groups = append(groups, huh.NewGroup(first...).Title(d.heading()),
		huh.NewGroup(d.attendance()),
		huh.NewGroup(
			huh.NewText().Title("The pupil's views").Value(&d.pupilSaid).Lines(2),
			huh.NewText().Title("The parent's or carer's views").Value(&d.parentSaid).Lines(2),
			huh.NewText().Title("What was decided").Value(&d.decided).Lines(3)))
	return huh.NewForm(groups...)
}

// correcting reports whether the draft corrects a review already held.
func (d *reviewDraft) correcting() bool { return d.index >= 0 && !d.cs.Reviews[d.index].Held.IsZero() }

func (d *reviewDraft) heading() string {
	if d.index < 0 {
		return "Record a review"
	}
	r := d.cs.Reviews[d.index]
	if r.Held.IsZero() {
		return "Record the review due by " + dateOr(r.Due, "(no due date)")
	}
	return "Correct the review held " + r.Held.UK() + " (the old record stays in the history)"
}

// slotOptions are the due dates not yet held, then an extra review.
func (d *reviewDraft) slotOptions() []huh.Option[string] {
	var out []huh.Option[string]
	open := openDueDates(d.cs, d.on, d.every)
	if !slices.ContainsFunc(open, func(x model.Date) bool { return x.String() == d.slot }) && d.slot != extraReview {
		if due, err := model.ParseDate(d.slot); err == nil {
			open = append(open, due)
		}
	}
	for _, due := range open {
		label := "The review due by " + due.UK()
		if due.Before(d.on) {
			label += " (overdue)"
		}
		out = append(out, huh.NewOption(label, due.String()))
	}
	return append(out, huh.NewOption("An extra review (not on the schedule)", extraReview))
}

// attendance asks who took part. Its height is set: left to itself huh
// counts the title against the options and hides the last of them.
func (d *reviewDraft) attendance() huh.Field {
	options := d.attendeeOptions()
	return huh.NewMultiSelect[model.Role]().Title("Who took part? (space ticks, enter goes on)").
		Options(options...).Value(&d.attended).Height(len(options) + 1)
}

// attendeeOptions are those who may take part: the pupil, a parent or
// carer, the professionals on the case, and for a reintegration from AP
// both schools (001 process 6), whether or not they are on the case yet.
func (d *reviewDraft) attendeeOptions() []huh.Option[model.Role] {
	out := []huh.Option[model.Role]{huh.NewOption("The pupil", model.PupilRole),
		huh.NewOption("A parent or carer", model.ParentRole)}
	roles := []model.Role{}
	for _, in := range d.cs.Involvement {
		if !slices.Contains(roles, in.Role) {
			roles = append(roles, in.Role)
		}
	}
	if d.cs.Kind == model.APReintegration {
		for _, r := range []model.Role{model.APSetting, model.HostSchool, model.LocalAuthority} {
			if !slices.Contains(roles, r) {
				roles = append(roles, r)
			}
		}
	}
	for _, r := range d.attended { // a role recorded before, no longer on the case
		if r != model.PupilRole && r != model.ParentRole && !slices.Contains(roles, r) {
			roles = append(roles, r)
		}
	}
	for _, r := range roles {
		out = append(out, huh.NewOption(attendeeLabel(d.cs, r), r))
	}
	return out
}

// attendeeLabel names a professional by role and, when the case has one
// in that role, by name.
func attendeeLabel(cs model.Case, r model.Role) string {
	label := r.Label()
	switch r {
	case model.HostSchool:
		label = "receiving school (host)"
	case model.APSetting:
		label = "AP setting"
	}
	if in, ok := cs.Involved(r); ok && strings.TrimSpace(in.Name) != "" {
		label += ": " + sanitise(in.Name)
	}
	return strings.ToUpper(label[:1]) + label[1:]
}

// checkHeld checks the held date as typed: a date, within the plan and not
// in the future, and for a review of the schedule not in an earlier
// fortnight (that belongs to an earlier due date or is an extra review).
func (d *reviewDraft) checkHeld(s string) error {
	if strings.TrimSpace(s) == "" {
		return d.cs.CheckReviewHeld(model.Date{}, d.on)
	}
	held, err := model.ParseDate(s)
	if err != nil {
		return fmt.Errorf("%s: %w", model.HeldField, err)
	}
	if err := d.cs.CheckReviewHeld(held, d.on); err != nil {
		return err
	}
	due, err := model.ParseDate(d.slot)
	if err != nil || d.correcting() { // an extra review, or one held already
		return nil
	}
	if from := due.AddDays(-d.every); !held.After(from) {
		return fmt.Errorf("%s: %s is before the fortnight of the review due by %s (%s to %s): type a date in it, or record an extra review",
			model.HeldField, held.UK(), due.UK(), from.AddDays(1).UK(), due.UK())
	}
	return nil
}

func (d *reviewDraft) Form() *huh.Form { return d.form }
func (d *reviewDraft) wholeOnly()      {}

// rebuild makes the form again with the answers given (huh cannot go back
// from completed), so a refused answer can be corrected.
func (d *reviewDraft) rebuild() *huh.Form {
	d.form = d.build()
	return d.form
}

func (d *reviewDraft) Validate() error { return d.checkHeld(d.held) }

// Record is empty: a review lives in the case's reviews, not as a form.
func (d *reviewDraft) Record(model.Date) model.FormRecord { return model.FormRecord{} }

func (d *reviewDraft) doneMessage() string {
	if d.correcting() {
		return "Review corrected; the record as it was is kept in the history (tab 5)."
	}
	return "Review recorded: held " + strings.TrimSpace(d.held) + "."
}

// Apply writes the review into the case: the one corrected, else the
// planned record of the due date picked (a protocol form may have added
// one), else a new review.
func (d *reviewDraft) Apply(c *model.Case) error {
	if err := d.Validate(); err != nil {
		return err
	}
	held, _ := model.ParseDate(d.held)
	c.Reviews = slices.Clone(c.Reviews)
	i := d.index
	if i < 0 {
		i = d.plannedRecord(*c)
	}
	if i < 0 {
		due, _ := model.ParseDate(d.slot)
		c.Reviews = append(c.Reviews, model.Review{Due: due})
		i = len(c.Reviews) - 1
	}
	if i >= len(c.Reviews) {
		return errors.New("the review to correct is no longer on the case: reload it (r) and try again")
	}
	r := &c.Reviews[i]
	r.Held, r.Kind, r.Attended = held, d.kind, slices.Clone(d.attended)
	r.PupilViewsText = strings.TrimSpace(sanitiseLines(d.pupilSaid))
	r.ParentViewsText = strings.TrimSpace(sanitiseLines(d.parentSaid))
	r.Decisions = strings.TrimSpace(sanitiseLines(d.decided))
	// reviews.pupil-and-parent reads these: the pupil's and a parent's
	// participation, or their views (WTIA 2024; 001 process 6).
	r.PupilViews = r.Present(model.PupilRole) || r.PupilViewsText != ""
	r.ParentAttended = r.Present(model.ParentRole) || r.ParentViewsText != ""
	return nil
}

// plannedRecord is the index of a counted, not yet held review recorded
// for the due date picked, or -1.
func (d *reviewDraft) plannedRecord(c model.Case) int {
	due, err := model.ParseDate(d.slot)
	if err != nil {
		return -1
	}
	return slices.IndexFunc(c.Reviews, func(r model.Review) bool {
		return r.Counts() && r.Held.IsZero() && r.Due.Equal(due)
	})
}

// newStrikeOutDraft strikes the review at index out of the record, with
// the reason: it stays on file, marked, and no longer counts for the
// rules.
func newStrikeOutDraft(cs model.Case, on model.Date, index int) *caseChangeDraft {
	r := cs.Reviews[index]
	what := "the review due by " + dateOr(r.Due, "(no due date)")
	if !r.Held.IsZero() {
		what = "the review held " + r.Held.UK()
	}
	reason := ""
	d := &caseChangeDraft{done: "Struck out: " + what + "; it stays in the record and the history, and no longer counts."}
	d.build = func() *huh.Form {
		return huh.NewForm(huh.NewGroup(
			huh.NewText().Title("Why is it struck out? (it stays on file, marked, and the rules stop counting it)").
				Value(&reason).Lines(3).Validate(needText("Reason", "why the review is struck out, for example: recorded against the wrong pupil")),
		).Title("Strike out " + what))
	}
	d.check = func() error { return needText("Reason", "why the review is struck out")(reason) }
	d.apply = func(c *model.Case) error {
		if err := d.check(); err != nil {
			return err
		}
		if index >= len(c.Reviews) {
			return errors.New("the review is no longer on the case: reload it (r) and try again")
		}
		c.Reviews = slices.Clone(c.Reviews)
		c.Reviews[index].StruckOut = model.StrikeOut{On: on, Reason: strings.TrimSpace(sanitiseLines(reason))}
		return nil
	}
	d.form = d.build()
	return d
}

// requiredDate checks a typed date and names the field when it is wrong.
func requiredDate(field string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(field + ": type a date as DD/MM/YYYY, for example 16/11/2026")
		}
		if _, err := model.ParseDate(s); err != nil {
			return errors.New(field + ": " + err.Error())
		}
		return nil
	}
}

// optionalDate is requiredDate for a date that may be left blank.
func optionalDate(field string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		return requiredDate(field)(s)
	}
}
