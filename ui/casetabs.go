package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"reintegrate/model"
)

// The Case screen's tabs, each laid out as list lines.

func (p *casePage) buildOverview() {
	st, cs, l := p.c.Styles, p.data.cs, &p.list
	l.add(p.pupilLine(cs.Pupil))
	l.addLabelled(st, "Flags", flagsText(cs.Pupil), p.width)
	l.addLabelled(st, "Plan", cs.Kind.Label()+" · "+string(cs.Status)+" · reasons: "+reasonsText(cs.Reasons), p.width)
	end := dateOr(cs.PlannedEnd, "NOT SET")
	if e := cs.End(); !e.Equal(cs.PlannedEnd) {
		end += " (extended to " + e.UK() + ")"
	}
	l.addLabelled(st, "Dates", "start "+dateOr(cs.Start, "NOT SET")+" · planned end "+end+" · "+weekOf(cs.Start, cs.End(), p.c.On), p.width)
	l.addLabelled(st, "Agreed", dateOr(cs.Agreed, "not recorded")+" · named person: "+orNone(sanitise(cs.NamedPerson)), p.width)
	l.addLabelled(st, "Consent", consentText(cs.Consent), p.width)
	l.addLabelled(st, "Risk", riskText(cs.RiskAssessment), p.width)
	l.addLabelled(st, "Home work", orNone(sanitise(cs.HomeLearning)), p.width)
	l.addLabelled(st, "This week", p.thisWeek(), p.width)
	l.addLabelled(st, "Reviews", p.reviewsSummary(), p.width)
	if cs.Status == model.Closed {
		l.addLabelled(st, "Closed", closedText(cs), p.width)
		l.addLabelled(st, "Outcome", outcomeText(cs), p.width)
		if !cs.ClosedOver.IsZero() {
			l.addLabelled(st, "Blockers", "open when closed: "+strings.Join(cs.ClosedOver.Blockers, ", ")+
				" · why: "+sanitise(oneLine(cs.ClosedOver.Reason)), p.width)
		}
	}
	l.addLabelled(st, "Findings", p.findingCounts()+st.Subtle.Render("  (tab 2)"), p.width)
	l.add("")
	l.add(st.Title.Render(fmt.Sprintf("People involved: %d", len(cs.Involvement))))
	if len(cs.Involvement) == 0 {
		l.add(st.Subtle.Render("No professionals recorded."))
	}
	for _, in := range cs.Involvement {
		l.addWrapped(st.Text, involvementText(in), p.width)
	}
}

// pupilLine heads the Overview: the name, then the year group, date of
// birth and UPN. A long name is cut with an ellipsis, never the details
// after it; with names hidden (ctrl+p) the date of birth and UPN go too,
// since either picks the child out as surely as the name.
func (p *casePage) pupilLine(pu model.Pupil) string {
	st := p.c.Styles
	details := fmt.Sprintf(" · %s · born %s · UPN %s", pu.YearGroup, dateOr(pu.DateOfBirth, "not recorded"), orNone(sanitise(pu.UPN)))
	if p.c.HideNames {
		details = fmt.Sprintf(" · %s · date of birth and UPN hidden (ctrl+p)", pu.YearGroup)
	}
	room := max(p.width-2-ansi.StringWidth(details), 8)
	return st.Title.Render(ansi.Truncate(p.c.Name(pu), room, "…")) + st.Subtle.Render(details)
}

func label(st *Styles, s string) string { return st.Subtle.Render(cell(s, 10)) + " " }

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "none recorded"
	}
	return s
}

func consentText(c model.Consent) string {
	if c.ParentName == "" && c.Signed.IsZero() {
		return "NOT RECORDED"
	}
	lives := "does not live with the pupil"
	if c.LivesWithPupil {
		lives = "lives with the pupil"
	}
	return fmt.Sprintf("%s (%s, %s), signed %s · authorised by %s", sanitise(c.ParentName),
		orNone(sanitise(c.Relationship)), lives, dateOr(c.Signed, "NOT SIGNED"), orNone(sanitise(c.AuthorisedBy)))
}

func riskText(r model.RiskAssessment) string {
	if r.Completed.IsZero() {
		return "NOT COMPLETED"
	}
	risk := "no significant risk out of school"
	if r.SignificantRisk {
		risk = "SIGNIFICANT RISK out of school"
	}
	return "completed " + r.Completed.UK() + " · " + risk
}

func involvementText(in model.Involvement) string {
	role := strings.ReplaceAll(string(in.Role), "_", " ")
	s := fmt.Sprintf("%s: %s", role, orNone(sanitise(in.Name)))
	if !in.Agreed.IsZero() {
		s += " · agreed " + in.Agreed.UK()
	}
	if in.AttendedMeeting {
		s += " · attended the meeting"
	}
	if in.EarlyReviewAsked {
		s += " · early annual review asked"
	}
	return s
}

// findingCounts sums up the findings in words: "2 BLOCKERS · 1 overdue".
func (p *casePage) findingCounts() string {
	var n [model.GroupNotApplicable + 1]int
	for _, f := range p.findings {
		n[f.Group()]++
	}
	st := p.c.Styles
	parts := []string{}
	if n[model.GroupBlocker] > 0 {
		parts = append(parts, st.Blocker.Render(plural(n[model.GroupBlocker], "BLOCKER", "BLOCKERS")))
	}
	parts = append(parts, fmt.Sprintf("%d overdue", n[model.GroupOverdue]), fmt.Sprintf("%d due", n[model.GroupDue]),
		fmt.Sprintf("%d not met", n[model.GroupUnmet]), fmt.Sprintf("%d met", n[model.GroupMet]))
	return strings.Join(parts, " · ")
}

// groupTitles head the Findings tab's groups (model.FindingGroup), in
// order; the rules that do not apply are counted after them.
var groupTitles = []string{model.GroupBlocker: "Blockers", model.GroupOverdue: "Overdue", model.GroupDue: "Due",
	model.GroupUnmet: "Not met", model.GroupMet: "Met"}

func (p *casePage) buildFindings() {
	st, l := p.c.Styles, &p.list
	n := 0
	for g, title := range groupTitles {
		var in []model.Finding
		for _, f := range p.findings {
			if f.Group() == model.FindingGroup(g) {
				in = append(in, f)
			}
		}
		if len(in) == 0 {
			continue
		}
		if n > 0 {
			l.add("")
		}
		l.add(st.Title.Render(fmt.Sprintf("%s (%d)", title, len(in))))
		for _, f := range in {
			l.addItemWrapped(p.findingLine(f), int64(n), p.width)
			l.addIndented(st.Subtle, 8, "source: "+f.Source+" · rule "+f.Rule, p.width)
			if where := whereEntered(f, p.data.cs, p.templates); where != "" {
				l.addIndented(st.Subtle, 8, where, p.width)
			}
			n++
		}
	}
	na := len(p.findings) - n
	l.add("")
	verb := " do not apply"
	if na == 1 {
		verb = " does not apply"
	}
	l.add(st.Subtle.Render(plural(na, "rule", "rules") + verb + " to this case."))
}

func (p *casePage) findingLine(f model.Finding) string {
	st := p.c.Styles
	// The message leads: staff read what to do; the rule's name is for
	// whoever looks it up in RULES.md, on the source line below.
	s := st.status(f).Render(cell(statusWord(f), 8)) + sanitise(f.Message)
	if !f.Due.IsZero() && f.Status != model.Met && !strings.Contains(f.Message, f.Due.UK()) {
		s += " (by " + f.Due.UK() + ")"
	}
	return s
}

func (p *casePage) buildForms() {
	st, l := p.c.Styles, &p.list
	l.add(st.Title.Render(fmt.Sprintf("Forms for this case: %d", len(p.templates))))
	if len(p.templates) == 0 {
		l.add(st.Subtle.Render("No protocol form applies: turn packs on in Settings (s on Today)."))
		return
	}
	// The template's id is for looking things up; on a narrow terminal it
	// goes whole rather than cut, and the seed's title keeps the room.
	cols := []column{{Title: "Form", Width: 30, Flex: 1}, {Title: "Template", Width: 26, Drop: 1},
		{Title: "Status", Width: 22}}
	w := widths(cols, p.width-2)
	l.add(st.Subtle.Render(tableHead(cols, w)))
	for i, t := range p.templates {
		word, rec := formStatus(p.data.cs, t.ID())
		var missing []string
		if rec != nil && rec.Completed.IsZero() {
			missing = t.Missing(p.data.cs, *rec, p.c.On)
			word += " · " + plural(len(missing), "to fill", "to fill")
			if len(missing) == 0 {
				word = "draft · ready to finish"
			}
		}
		l.addItem(tableRow(cols, w, t.Title(), t.ID(), word), int64(i))
		if rec != nil && rec.Completed.IsZero() {
			p.addMissing(missing)
		}
	}
	l.add("")
	l.addWrapped(st.Subtle, "Enter fills a form or resumes its draft; on a completed form it asks before starting a new version.", p.width)
}

// addMissing lists under a draft what it still needs before it counts as
// completed, each field's title whole, wrapped to the width.
func (p *casePage) addMissing(missing []string) {
	st, l := p.c.Styles, &p.list
	if len(missing) == 0 {
		l.addIndented(st.Subtle, 4, "Nothing is missing: open it and go to the end to complete it.", p.width)
		return
	}
	l.addIndented(st.Subtle, 4, "Still to fill:", p.width)
	for _, m := range missing {
		lines := strings.Split(ansi.Wordwrap(sanitise(m), max(p.width-2-6-2, 20), ""), "\n")
		for i, line := range lines {
			lead := "      - "
			if i > 0 {
				lead = "        "
			}
			l.add(lead + st.Subtle.Render(line))
		}
	}
}

func (p *casePage) buildHistory() {
	st, l := p.c.Styles, &p.list
	l.add(st.Title.Render(fmt.Sprintf("Changes to this case: %d", len(p.data.audit))))
	if len(p.data.audit) == 0 {
		l.add(st.Subtle.Render("No changes recorded."))
	}
	for i, a := range p.data.audit {
		when := ""
		if !a.At.IsZero() {
			when = a.At.Format("02/01/2006 15:04")
		}
		l.addItem(fmt.Sprintf("%s  %s  %s", cell(when, 16), cell(sanitise(a.User), 12),
			auditText(a)), int64(i))
	}
	l.add("")
	l.add(st.Title.Render(fmt.Sprintf("Earlier plans for this pupil: %d", len(p.data.history))))
	for _, h := range p.data.history {
		l.add(fmt.Sprintf("%s %s to %s (%s)", h.Kind.Label(), dateOr(h.Start, "?"),
			dateOr(h.Closed, "not closed"), reasonsText(h.Reasons)))
	}
}

// thisWeek is the case's hours this week against its threshold.
func (p *casePage) thisWeek() string {
	cs := p.data.cs
	w, ok := cs.WeekFor(p.c.On)
	if !ok {
		return thisWeek(nil, [5]model.PlanDay{})
	}
	wh := model.PlannedWeek(w, cs.Pupil, cs.Dates(), p.c.Cal, p.c.School.Packs.Params)
	return thisWeek(&wh, p.c.Cal.WeekDays(w.WeekBeginning, cs.Dates()))
}

// auditText says what a change did: the action, and for an update which
// parts of the case it touched ("update: timetable, forms"), worked out
// from the before and after copies the audit row keeps.
func auditText(a AuditEntry) string {
	var before, after map[string]json.RawMessage
	if json.Unmarshal(a.Before, &before) != nil || json.Unmarshal(a.After, &after) != nil ||
		before == nil || after == nil {
		return a.Action
	}
	var changed []string
	for k, v := range after {
		if !bytes.Equal(before[k], v) {
			changed = append(changed, k)
		}
	}
	for k := range before {
		if _, ok := after[k]; !ok {
			changed = append(changed, k)
		}
	}
	if len(changed) == 0 {
		return a.Action + ": no visible change"
	}
	slices.Sort(changed)
	return a.Action + ": " + strings.ToLower(strings.Join(changed, ", "))
}

// closedText says when the plan closed and who closed it.
func closedText(cs model.Case) string {
	return dateOr(cs.Closed, "date not recorded") + " by " + cmpOr(sanitise(cs.ClosedBy), "(not recorded)")
}

// outcomeText is the typed outcome with the note beside it.
func outcomeText(cs model.Case) string {
	s := cs.Outcome.Label()
	if cs.Outcome == model.NoOutcome {
		s = "NOT RECORDED"
	}
	if n := oneLine(cs.OutcomeNote); n != "" {
		s += " · " + sanitise(n)
	}
	return s
}

// oneLine puts typed text on one line, for a labelled line of the Overview.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
