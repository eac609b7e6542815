package ui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"reintegrate/model"
)

// The plan's life on the Overview tab: start a draft once nothing blocks
// it, extend a running plan, close it with its outcome. Each is a short
// form through the Form screen, so leaving asks first and the save is the
// same conflict-checked save as any form's.

// statusKeyMap is the Overview tab's keys for the plan's status.
type statusKeyMap struct {
	Start, Extend, Close key.Binding
}

func defaultStatusKeyMap() statusKeyMap {
	return statusKeyMap{
		Start:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "start the plan")),
		Extend: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "extend")),
		Close:  key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "close the plan")),
	}
}

// statusKeys are the keys that apply to a case in its status.
func (k statusKeyMap) statusKeys(s model.CaseStatus) []key.Binding {
	switch s {
	case model.Draft:
		return []key.Binding{k.Start, k.Close}
	case model.Active:
		return []key.Binding{k.Extend, k.Close}
	}
	return nil
}

// statusKey handles the Overview tab's status keys; ok is false for any
// other key.
func (p *casePage) statusKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	cs, k := p.data.cs, p.status
	switch {
	case key.Matches(msg, k.Start) && cs.Status == model.Draft:
		return p.startPlan(), true
	case key.Matches(msg, k.Extend) && cs.Status == model.Active:
		return push(newFormPage(p.c, cs, p.data.version, newExtendDraft(cs, p.c.On), "Extend the plan")), true
	case key.Matches(msg, k.Close) && cs.Status != model.Closed:
		return push(newFormPage(p.c, cs, p.data.version, newCloseDraft(cs, p.c.On), "Close the plan")), true
	}
	return nil, false
}

// startPlan opens the start form, unless a blocker stands in the way: the
// blockers are what the protocols say must be in place before a plan
// starts (consent, risk assessment, the signed plan; RULES.md).
func (p *casePage) startPlan() tea.Cmd {
	var blockers []model.Finding
	for _, f := range p.findings {
		if f.Blocks() {
			blockers = append(blockers, f)
		}
	}
	if len(blockers) > 0 {
		return refuse(fmt.Sprintf("Not started: %s first (Findings, tab 2): %s",
			plural(len(blockers), "blocker to clear", "blockers to clear"), sanitise(blockers[0].Message)))
	}
	cs := p.data.cs
	return push(newFormPage(p.c, cs, p.data.version, newStartDraft(cs, p.c.On), "Start the plan"))
}

// caseChangeDraft is a form that changes the case itself, not a protocol
// form: nothing to keep part-done, no record of its own.
type caseChangeDraft struct {
	form  *huh.Form
	apply func(c *model.Case) error
	done  string // the status line once saved
}

func (d *caseChangeDraft) Form() *huh.Form                    { return d.form }
func (d *caseChangeDraft) Validate() error                    { return d.apply(&model.Case{}) }
func (d *caseChangeDraft) Record(model.Date) model.FormRecord { return model.FormRecord{} }
func (d *caseChangeDraft) Apply(c *model.Case) error          { return d.apply(c) }
func (d *caseChangeDraft) wholeOnly()                         {}
func (d *caseChangeDraft) doneMessage() string                { return d.done }

func newStartDraft(cs model.Case, on model.Date) *caseChangeDraft {
	start := dateOr(cs.Start, on.UK())
	d := &caseChangeDraft{done: "Plan started: the pupil is on the register from " + start + "."}
	d.form = huh.NewForm(huh.NewGroup(
		huh.NewInput().Title("Start (DD/MM/YYYY)").Value(&start).Validate(requiredDate("Start")),
	).Title("Start the plan: nothing blocks it"))
	d.apply = func(c *model.Case) error {
		s, err := model.ParseDate(start)
		if err != nil {
			return errors.New("Start: " + err.Error())
		}
		c.Start, c.Status = s, model.Active
		return nil
	}
	return d
}

// newExtendDraft records an extension with what 002 s5.10 asks of one:
// the new end, the reason, and the parent's agreement.
func newExtendDraft(cs model.Case, on model.Date) *caseChangeDraft {
	agreed, newEnd, reason, parent := on.UK(), "", "", false
	d := &caseChangeDraft{done: "Plan extended."}
	d.form = huh.NewForm(huh.NewGroup(
		huh.NewInput().Title("New planned end (DD/MM/YYYY)").Value(&newEnd).Validate(afterDate("New planned end", cs.End())),
		huh.NewText().Title("Why the plan needs longer").Value(&reason).Lines(3).
			Validate(needText("Reason", "why the plan needs longer (002 s5.10)")),
		huh.NewConfirm().Title("Has the parent or carer agreed to the extension?").Value(&parent),
		huh.NewInput().Title("Agreed on (DD/MM/YYYY)").Value(&agreed).Validate(requiredDate("Agreed on")),
	).Title("Extend the plan (now ending " + dateOr(cs.End(), "not set") + ")"))
	d.apply = func(c *model.Case) error {
		end, err1 := model.ParseDate(newEnd)
		when, err2 := model.ParseDate(agreed)
		if err := errors.Join(err1, err2); err != nil || strings.TrimSpace(reason) == "" {
			return errors.New("New planned end, reason and agreed on: fill all three")
		}
		c.Extensions = append(append([]model.Extension(nil), c.Extensions...),
			model.Extension{Agreed: when, NewEnd: end, Reason: strings.TrimSpace(sanitiseLines(reason)), ParentAgreed: parent})
		return nil
	}
	return d
}

// outcomeOptions are the typed outcomes a plan closes with, each with
// what it means.
var outcomeOptions = map[model.Outcome]string{
	model.Successful:     "Successful: back in full-time education",
	model.Unsuccessful:   "Unsuccessful: the plan did not lead to full-time education",
	model.MovedProvision: "Moved to another provision: the pupil left for another school or setting",
	model.OtherOutcome:   "Other: say what in the note",
}

func newCloseDraft(cs model.Case, on model.Date) *caseChangeDraft {
	closed, outcome, note := on.UK(), model.Successful, ""
	d := &caseChangeDraft{done: "Plan closed."}
	options := make([]huh.Option[model.Outcome], len(model.Outcomes))
	for i, o := range model.Outcomes {
		options[i] = huh.NewOption(outcomeOptions[o], o)
	}
	d.form = huh.NewForm(huh.NewGroup(
		huh.NewSelect[model.Outcome]().Title("Outcome").Options(options...).Value(&outcome),
		huh.NewText().Title("Anything to add to the outcome (optional)").Value(&note).Lines(3),
		huh.NewInput().Title("Closed on (DD/MM/YYYY)").Value(&closed).Validate(afterDate("Closed on", cs.Start)),
	).Title("Close the plan"))
	d.apply = func(c *model.Case) error {
		when, err := model.ParseDate(closed)
		if err != nil {
			return errors.New("Closed on: " + err.Error())
		}
		c.Status, c.Closed, c.Outcome = model.Closed, when, outcome
		c.OutcomeNote = strings.TrimSpace(sanitiseLines(note))
		return nil
	}
	return d
}

// afterDate checks a required date that may not fall before not (when
// not is set), naming the field.
func afterDate(field string, not model.Date) func(string) error {
	return func(s string) error {
		if err := requiredDate(field)(s); err != nil {
			return err
		}
		if d, _ := model.ParseDate(s); !not.IsZero() && d.Before(not) {
			return fmt.Errorf("%s: it must be on or after %s", field, not.UK())
		}
		return nil
	}
}

// sanitiseLines is sanitise for text where the line breaks are kept.
func sanitiseLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = sanitise(l)
	}
	return strings.Join(lines, "\n")
}
