package ui

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"reintegrate/model"
)

// The case page's Notifications tab (issue 6): what the case must send,
// to whom and by when, worked out by model.ProposedNotificationsIn from
// its kind, the pupil's flags, its dates and the packs; one key records
// the one under the cursor as sent today, saved with the case's version
// so a change made elsewhere meanwhile is not overwritten.

// markSentKey records the chosen notification as sent on the as-of date.
// It writes at once, so it is a key no screen moves with (s goes to the
// Settings from Today and starts a plan on the Overview).
var markSentKey = key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "record as sent today"))

// notificationSavedMsg is the answer to marking one sent.
type notificationSavedMsg struct {
	id   int64
	sent model.Notification
	err  error
}

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
	l.add(st.Subtle.Render(markSentKey.Help().Key + " records the notification under the cursor as sent today (" + p.c.On.UK() + ")."))
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

// markSent saves the case with the chosen notification recorded as sent
// today; the store refuses it if the case changed since it was loaded.
func (p *casePage) markSent() tea.Cmd {
	props := p.proposals()
	i, ok := p.list.chosen()
	if !ok || int(i) >= len(props) {
		return nil
	}
	pr := props[i]
	if !pr.Sent.IsZero() {
		return say(fmt.Sprintf("Already recorded: sent to the %s on %s.", pr.To.Label(), pr.Sent.UK()))
	}
	cs := p.data.cs
	n := pr.Record(p.c.On, "")
	cs.Notifications = append(slices.Clone(cs.Notifications), n)
	store, ctx, version := p.c.Store, p.c.ctx, p.data.version
	return func() tea.Msg {
		_, err := store.SaveCase(ctx, cs, version)
		return notificationSavedMsg{id: cs.ID, sent: n, err: err}
	}
}

// notificationSaved reloads the case either way: after a save to show it,
// after a refusal to show what the other change was.
func (p *casePage) notificationSaved(msg notificationSavedMsg) tea.Cmd {
	if msg.id != p.id {
		return nil
	}
	reload := loadCase(p.c, p.id)
	if errors.Is(msg.err, ErrConflict) {
		return tea.Batch(reload, complain(errors.New("this case was changed elsewhere, so nothing was recorded: it has been reloaded, press "+markSentKey.Help().Key+" again")))
	}
	if msg.err != nil {
		return complain(fmt.Errorf("record the notification: %w", msg.err))
	}
	what := cmp.Or(strings.ReplaceAll(msg.sent.What, "_", " "), "notification")
	return tea.Batch(reload, say(fmt.Sprintf("Recorded: %s sent to the %s on %s.", what, msg.sent.To.Label(), msg.sent.Sent.UK())))
}
