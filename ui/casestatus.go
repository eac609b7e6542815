package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"reintegrate/model"
)

// The plan's life on the Overview tab: start a draft once nothing blocks
// it, extend a running plan, close it with its outcome. Each is a short
// form through the Form screen, so leaving asks first and the save is the
// same conflict-checked save as any form's.

// statusKeyMap is the Overview tab's keys for the plan's status.
type statusKeyMap struct {
	Start, Extend, Close key.Binding
	Details              key.Binding
}

func defaultStatusKeyMap() statusKeyMap {
	return statusKeyMap{
		Start:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "start the plan")),
		Extend: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "extend")),
		Close:  key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "close the plan")),
		// The consent, risk assessment, Fair Access dates and the rest that
		// the findings ask to be entered.
		Details: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "case details")),
	}
}

// statusKeys are the keys that apply to a case in its status.
func (k statusKeyMap) statusKeys(s model.CaseStatus) []key.Binding {
	switch s {
	case model.Draft:
		return []key.Binding{k.Start, k.Details, k.Close}
	case model.Active:
		return []key.Binding{k.Extend, k.Details, k.Close}
	}
	return []key.Binding{k.Details}
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
	case key.Matches(msg, k.Details):
		return push(newFormPage(p.c, cs, p.data.version, newDetailsDraft(cs, p.c.On), "Case details")), true
	case key.Matches(msg, k.Close) && cs.Status != model.Closed:
		return push(newFormPage(p.c, cs, p.data.version, newCloseDraft(cs, p.c.On, p.blockers()), "Close the plan")), true
	}
	return nil, false
}

// startPlan opens the start form, unless a blocker stands in the way: the
// blockers are what the protocols say must be in place before a plan
// starts (consent, risk assessment, the signed plan; RULES.md).
func (p *casePage) startPlan() tea.Cmd {
	if blockers := p.blockers(); len(blockers) > 0 {
		return refuse(fmt.Sprintf("Not started: %s first (Findings, tab 2): %s",
			plural(len(blockers), "blocker to clear", "blockers to clear"), sanitise(blockers[0].Message)))
	}
	cs := p.data.cs
	return push(newFormPage(p.c, cs, p.data.version, newStartDraft(cs, p.c.On), "Start the plan"))
}

// blockers are the case's findings that block the plan.
func (p *casePage) blockers() []model.Finding {
	var out []model.Finding
	for _, f := range p.findings {
		if f.Blocks() {
			out = append(out, f)
		}
	}
	return out
}
