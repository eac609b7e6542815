package ui

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"reintegrate/model"
)

// The case page's Notifications tab: what the case must send, to whom and
// by when, worked out by model.ProposedNotificationsIn from its kind, the
// pupil's flags, its dates and the packs; m records the one under the
// cursor as sent, asking the date and who sent it, saved with the case's
// version so a change made elsewhere meanwhile is not overwritten.

// proposals are the case's proposed notifications as of the app's date.
func (p *casePage) proposals() []model.ProposedNotification {
	return model.ProposedNotificationsIn(p.data.cs, p.c.Cal, p.c.School.Packs, p.c.On)
}

func (p *casePage) buildNotifications() {
	st, l := p.c.Styles, &p.list
	props := p.proposals()
	sent := 0
	for _, pr := range props {
		if !pr.Sent.IsZero() {
			sent++
		}
	}
	l.add(st.Title.Render(fmt.Sprintf("Notifications: %d needed, %d sent", len(props), sent)))
	if len(props) == 0 {
		l.add(st.Subtle.Render("Nothing in this case's kind, flags or packs asks for a notification."))
		return
	}
	cols := []column{{Title: "Status", Width: 8}, {Title: "To", Width: 16, Flex: 1, Max: 20},
		{Title: "What", Width: 12}, {Title: "Due", Width: 10}, {Title: "Sent", Width: 10}, {Title: "By", Width: 6, Flex: 1}}
	w := widths(cols, p.width-4)
	l.add(st.Subtle.Render(tableHead(cols, w)))
	for i, pr := range props {
		word, style := notificationWord(st, pr)
		row := tableRow(cols, w, word, pr.To.Label(), strings.ReplaceAll(pr.What, "_", " "),
			dateOr(pr.Due, "not known"), dateOr(pr.Sent, "not sent"), sanitise(pr.SentBy))
		l.addItem(style(row[:len(word)])+row[len(word):], int64(i))
		for _, line := range strings.Split(ansi.Wordwrap(pr.Why+" ("+pr.Source+")", max(p.width-14, 20), ""), "\n") {
			l.add(st.Subtle.Render("         " + line))
		}
	}
	l.add("")
	l.addWrapped(st.Subtle, "m records the notification under the cursor as sent: the date it went (today, "+
		p.c.On.UK()+", unless you type another) and who sent it.", p.width)
}

// notificationWord is the status in a word, with its style; the word says
// it, the colour only repeats it.
func notificationWord(st *Styles, pr model.ProposedNotification) (string, func(...string) string) {
	switch {
	case pr.Status == model.Overdue:
		return "OVERDUE", st.Overdue.Render
	case pr.Status == model.Due:
		return "DUE", st.Due.Render
	case pr.Status == model.Unmet && !pr.Sent.IsZero():
		return "LATE", st.Unmet.Render
	case pr.Status == model.Unmet:
		return "NOT SENT", st.Unmet.Render
	}
	return "SENT", st.Met.Render
}

// markSent asks when the notification under the cursor was sent and by
// whom, as the command line's notify --sent --by does, and saves it with
// the case (the Form screen's conflict-checked save).
func (p *casePage) markSent() tea.Cmd {
	props := p.proposals()
	i, ok := p.list.chosen()
	if !ok || int(i) >= len(props) {
		return nil
	}
	pr := props[i]
	if !pr.Sent.IsZero() {
		return refuse(fmt.Sprintf("Already recorded: sent to the %s on %s.", pr.To.Label(), pr.Sent.UK()))
	}
	cs := p.data.cs
	return push(newFormPage(p.c, cs, p.data.version, newSentDraft(pr, p.c.On), "Record a notification"))
}

// newSentDraft records the proposal as sent on a day that has come (today
// unless another is typed), by the person named.
func newSentDraft(pr model.ProposedNotification, on model.Date) *caseChangeDraft {
	sent, by := on.UK(), ""
	what := cmp.Or(strings.ReplaceAll(pr.What, "_", " "), "notification")
	d := &caseChangeDraft{}
	d.build = func() *huh.Form {
		return huh.NewForm(huh.NewGroup(
			huh.NewInput().Title("Sent on (DD/MM/YYYY)").Value(&sent).Validate(happened("Sent on", "sent", on, model.Date{})),
			huh.NewInput().Title("Sent by").Value(&by).Validate(needText("Sent by", "the name of the person who sent it")),
		).Title("Record the " + what + " as sent to the " + pr.To.Label()))
	}
	d.apply = func(c *model.Case) error {
		if err := errors.Join(happened("Sent on", "sent", on, model.Date{})(sent),
			needText("Sent by", "the name of the person who sent it")(by)); err != nil {
			return err
		}
		when, _ := model.ParseDate(sent)
		n := pr.Record(when, sanitise(by))
		c.Notifications = append(slices.Clone(c.Notifications), n)
		d.done = fmt.Sprintf("Recorded: %s sent to the %s on %s by %s.", what, pr.To.Label(), when.UK(), n.SentBy)
		return nil
	}
	d.form = d.build()
	return d
}
