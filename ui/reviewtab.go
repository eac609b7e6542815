package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"reintegrate/model"
)

// The case page's Reviews tab: the review schedule (reviews.scheduled:
// start + 14k days up to the plan's end; 001 initial meeting; 002
// appendix 1) with the review held for each due date, then the extra
// reviews and those struck out. a records a review against a due date or
// as an extra one, enter records or corrects the one under the cursor, del
// strikes one out with a reason (kept in the record and the history).

// reviewEvery is the school's review period in days.
func (p *casePage) reviewEvery() int {
	if n := p.c.School.Packs.Params.ReviewEveryDays; n > 0 {
		return n
	}
	return model.DefaultParams().ReviewEveryDays
}

func (p *casePage) reviewSlots() []model.ReviewSlot {
	return p.data.cs.ReviewSlots(p.reviewEvery(), p.c.On)
}

// reviewKey handles the Reviews tab's keys; ok is false for any other.
func (p *casePage) reviewKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, p.keys.Review):
		return p.recordReview(model.Date{}), true
	case key.Matches(msg, p.keys.ReviewOpen):
		return p.openReview(), true
	case key.Matches(msg, p.keys.StrikeOut):
		return p.strikeOut(), true
	}
	return nil, false
}

// recordReview opens the review form for a new review, against the due
// date given (the first not held when zero).
func (p *casePage) recordReview(due model.Date) tea.Cmd {
	cs := p.data.cs
	if cs.Start.IsZero() {
		return refuse("No review can be recorded yet: the plan has no start date. Set it when you start the plan (s on the Overview, tab 1).")
	}
	draft := newReviewDraft(cs, p.c.On, p.reviewEvery(), due)
	return push(newFormPage(p.c, cs, p.data.version, draft, "Record a review"))
}

// chosenSlot is the review line under the cursor.
func (p *casePage) chosenSlot() (model.ReviewSlot, bool) {
	i, ok := p.list.chosen()
	slots := p.reviewSlots()
	if !ok || int(i) >= len(slots) {
		return model.ReviewSlot{}, false
	}
	return slots[i], true
}

// openReview records the due date under the cursor, or corrects the
// review recorded there.
func (p *casePage) openReview() tea.Cmd {
	s, ok := p.chosenSlot()
	cs := p.data.cs
	switch {
	case !ok:
		return p.recordReview(model.Date{})
	case s.Index < 0:
		return p.recordReview(s.Due)
	case !cs.Reviews[s.Index].Counts():
		r := cs.Reviews[s.Index]
		return refuse(fmt.Sprintf("This review was struck out on %s (%s): it stays on file and no longer counts. Record the review again with a.",
			r.StruckOut.On.UK(), sanitise(r.StruckOut.Reason)))
	}
	draft := correctReviewDraft(cs, p.c.On, p.reviewEvery(), s.Index)
	title := "Correct a review"
	if cs.Reviews[s.Index].Held.IsZero() {
		title = "Record a review"
	}
	return push(newFormPage(p.c, cs, p.data.version, draft, title))
}

// strikeOut asks why the review under the cursor is struck out.
func (p *casePage) strikeOut() tea.Cmd {
	s, ok := p.chosenSlot()
	switch {
	case !ok || s.Index < 0:
		return refuse("Nothing to strike out here: put the cursor on a review that was recorded.")
	case !p.data.cs.Reviews[s.Index].Counts():
		return refuse("This review is struck out already.")
	}
	return push(newFormPage(p.c, p.data.cs, p.data.version, newStrikeOutDraft(p.data.cs, p.c.On, s.Index), "Strike out a review"))
}

// nextReviewLine says where the schedule stands: the next due date not
// held, and whether it is due soon or overdue; "" when there is none.
func (p *casePage) nextReviewLine() string {
	st, cs := p.c.Styles, p.data.cs
	next, ok := cs.NextReview(p.reviewEvery(), p.c.On)
	switch {
	case cs.Start.IsZero():
		return "no schedule until the plan has a start date"
	case cs.Status == model.Closed:
		return "none more: the plan is closed"
	case !ok:
		return "every review on the schedule is held"
	case cs.Status == model.Draft:
		return "the first due by " + next.UK() + " once the plan starts"
	case next.Before(p.c.On):
		return "next by " + next.UK() + " " + st.Overdue.Render("OVERDUE")
	case p.c.On.DaysUntil(next) <= p.c.School.Packs.Params.ReviewDueSoonDays:
		return "next by " + next.UK() + " " + st.Due.Render("DUE SOON")
	}
	return "next by " + next.UK()
}

// reviewsSummary is the Overview's line: the reviews held and the next.
func (p *casePage) reviewsSummary() string {
	return plural(p.data.cs.HeldReviews(), "held", "held") + " · " + p.nextReviewLine() + p.c.Styles.Subtle.Render("  (tab 4)")
}

func (p *casePage) buildReviews() {
	st, cs, l := p.c.Styles, p.data.cs, &p.list
	slots := p.reviewSlots()
	struck, scheduled := 0, 0
	for _, s := range slots {
		if s.Index >= 0 && !cs.Reviews[s.Index].Counts() {
			struck++
		}
		if s.Scheduled {
			scheduled++
		}
	}
	l.add(st.Title.Render("Reviews held: "+itoa(cs.HeldReviews())) + st.Subtle.Render(" · "+
		plural(scheduled, "due date", "due dates")+" on the schedule · ") + p.nextReviewLine())
	if struck > 0 {
		l.add(st.Subtle.Render(plural(struck, "review struck out (kept below; it no longer counts)",
			"reviews struck out (kept below; they no longer count)")))
	}
	if len(slots) == 0 {
		l.add(st.Subtle.Render("No schedule yet: reviews fall every " + itoa(p.reviewEvery()) + " days from the start date, which is not set."))
		return
	}
	for _, f := range p.findings {
		// A review held after its due date leaves reviews.scheduled overdue
		// (RULES.md: held after D - 14 and on or before D); say so here.
		if f.Rule == "reviews.scheduled" && f.Status == model.Overdue {
			l.addWrapped(st.Overdue, "Findings: "+sanitise(f.Message), p.width)
		}
	}
	cols := []column{{Title: "Due", Width: 10}, {Title: "Held", Width: 17}, {Title: "Kind", Width: 9},
		{Title: "Took part", Width: 12, Flex: 1}}
	w := widths(cols, p.width-2)
	l.add(st.Subtle.Render(tableHead(cols, w)))
	for i, s := range slots {
		p.addReviewLine(cols, w, s, int64(i))
	}
	l.add("")
	l.addWrapped(st.Subtle, "a records a review · enter records the one under the cursor, or corrects it · "+
		"del strikes one out with a reason (both kept in the history, tab 5).", p.width)
}

// addReviewLine lays out one due date or recorded review, and under a
// held one what was said and decided.
func (p *casePage) addReviewLine(cols []column, w []int, s model.ReviewSlot, id int64) {
	st, cs, l := p.c.Styles, p.data.cs, &p.list
	due := dateOr(s.Due, "extra")
	if s.Index < 0 {
		word := "not held"
		if s.Due.Before(p.c.On) && cs.Status == model.Active {
			word = st.Overdue.Render("NOT HELD")
		}
		l.addItem(tableRow(cols, w, due, word), id)
		return
	}
	r := cs.Reviews[s.Index]
	if !r.Counts() {
		l.addItemWrapped(st.Subtle.Render(fmt.Sprintf("%s STRUCK OUT %s: %s (was held %s)", cell(due, 10),
			r.StruckOut.On.UK(), sanitise(r.StruckOut.Reason), dateOr(r.Held, "—"))), id, p.width)
		return
	}
	held := dateOr(r.Held, "not held")
	if !r.Held.IsZero() && !s.Due.IsZero() && r.Held.After(s.Due) {
		held += " (late)"
	}
	l.addItem(tableRow(cols, w, due, held, cmpOr(r.Kind, "review"), tookPart(r)), id)
	if r.Held.IsZero() {
		return
	}
	if detail := reviewDetail(r); detail != "" {
		l.addIndented(st.Subtle, 11, detail, p.width)
	}
}

// tookPart lists who took part; a review recorded before that was kept
// says what it recorded of the pupil and the parent.
func tookPart(r model.Review) string {
	if len(r.Attended) == 0 {
		var was []string
		if r.PupilViews {
			was = append(was, "pupil (or views)")
		}
		if r.ParentAttended {
			was = append(was, "parent (or views)")
		}
		if len(was) == 0 {
			return "not recorded"
		}
		return strings.Join(was, ", ")
	}
	names := make([]string, len(r.Attended))
	for i, role := range r.Attended {
		names[i] = role.Label()
	}
	return strings.Join(names, ", ")
}

// reviewDetail is what the pupil and the parent said and what was
// decided, on one wrapped line.
func reviewDetail(r model.Review) string {
	var parts []string
	for _, p := range []struct{ what, text string }{{"Pupil", r.PupilViewsText}, {"Parent", r.ParentViewsText},
		{"Decided", r.Decisions}, {"Notes", r.Notes}} {
		if t := strings.Join(strings.Fields(sanitise(strings.ReplaceAll(p.text, "\n", " "))), " "); t != "" {
			parts = append(parts, p.what+": "+t)
		}
	}
	return strings.Join(parts, " · ")
}
