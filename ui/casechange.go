package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/huh/v2"

	"reintegrate/model"
)

// caseChangeDraft is a form that changes the case itself, not a protocol
// form: nothing to keep part-done, no record of its own. build makes its
// huh form over the draft's values, again after a refused save.
type caseChangeDraft struct {
	form  *huh.Form
	build func() *huh.Form
	apply func(c *model.Case) error
	check func() error // the answers as a whole; nil: apply to an empty case
	done  string       // the status line once saved
}

func (d *caseChangeDraft) Form() *huh.Form { return d.form }
func (d *caseChangeDraft) Validate() error {
	if d.check != nil {
		return d.check()
	}
	return d.apply(&model.Case{})
}
func (d *caseChangeDraft) Record(model.Date) model.FormRecord { return model.FormRecord{} }
func (d *caseChangeDraft) Apply(c *model.Case) error          { return d.apply(c) }
func (d *caseChangeDraft) wholeOnly()                         {}
func (d *caseChangeDraft) doneMessage() string                { return d.done }
func (d *caseChangeDraft) rebuild() *huh.Form                 { d.form = d.build(); return d.form }

func newStartDraft(cs model.Case, on model.Date) *caseChangeDraft {
	start := dateOr(cs.Start, on.UK())
	d := &caseChangeDraft{}
	d.build = func() *huh.Form {
		return huh.NewForm(huh.NewGroup(
			huh.NewInput().Title("Start (DD/MM/YYYY)").Value(&start).Validate(requiredDate("Start")),
		).Title("Start the plan: nothing blocks it"))
	}
	d.apply = func(c *model.Case) error {
		s, err := model.ParseDate(start)
		if err != nil {
			return errors.New("Start: " + err.Error())
		}
		c.Start, c.Status = s, model.Active
		d.done = "Plan started: the pupil is on the register from " + s.UK() + "."
		return nil
	}
	d.form = d.build()
	return d
}

// newExtendDraft records an extension with what 002 s5.10 asks of one:
// the new end, the reason, and the parent's agreement, agreed on a day
// that has come.
func newExtendDraft(cs model.Case, on model.Date) *caseChangeDraft {
	agreed, newEnd, reason, parent := on.UK(), "", "", false
	d := &caseChangeDraft{done: "Plan extended."}
	d.build = func() *huh.Form {
		return huh.NewForm(huh.NewGroup(
			huh.NewInput().Title("New planned end (DD/MM/YYYY)").Value(&newEnd).Validate(afterDate("New planned end", cs.End())),
			huh.NewText().Title("Why the plan needs longer").Value(&reason).Lines(3).
				Validate(needText("Reason", "why the plan needs longer (002 s5.10)")),
			huh.NewConfirm().Title("Has the parent or carer agreed to the extension?").Value(&parent),
			huh.NewInput().Title("Agreed on (DD/MM/YYYY)").Value(&agreed).
				Validate(happened("Agreed on", "agreed", on, model.Date{})),
		).Title("Extend the plan (now ending " + dateOr(cs.End(), "not set") + ")"))
	}
	d.apply = func(c *model.Case) error {
		end, err1 := model.ParseDate(newEnd)
		when, err2 := model.ParseDate(agreed)
		if err := errors.Join(err1, err2); err != nil || strings.TrimSpace(reason) == "" {
			return errors.New("New planned end, reason and agreed on: fill all three")
		}
		if err := happened("Agreed on", "agreed", on, model.Date{})(agreed); err != nil {
			return err
		}
		c.Extensions = append(append([]model.Extension(nil), c.Extensions...),
			model.Extension{Agreed: when, NewEnd: end, Reason: strings.TrimSpace(sanitiseLines(reason)), ParentAgreed: parent})
		return nil
	}
	d.form = d.build()
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

// newCloseDraft closes the plan with its typed outcome, a note, the day it
// closed (not before the start, not in the future) and who closed it.
// With blockers still open it says which and asks why it is closed all
// the same; the reason and the blockers are recorded with the case.
func newCloseDraft(cs model.Case, on model.Date, blockers []model.Finding) *caseChangeDraft {
	closed, outcome, note, by, why := on.UK(), model.Successful, "", "", ""
	var rules []string
	for _, f := range blockers {
		rules = append(rules, f.Rule)
	}
	// A plan that has started closes on or after its start; one that never
	// did (a draft, a start still to come) may close on any day so far.
	notBefore := cs.Start
	if notBefore.After(on) {
		notBefore = model.Date{}
	}
	d := &caseChangeDraft{done: "Plan closed."}
	options := make([]huh.Option[model.Outcome], len(model.Outcomes))
	for i, o := range model.Outcomes {
		options[i] = huh.NewOption(outcomeOptions[o], o)
	}
	d.build = func() *huh.Form {
		fields := []huh.Field{
			huh.NewSelect[model.Outcome]().Title("Outcome").Options(options...).Value(&outcome),
			huh.NewText().Title("Anything to add to the outcome (optional)").Value(&note).Lines(2),
			huh.NewInput().Title("Closed on (DD/MM/YYYY)").Value(&closed).Validate(happened("Closed on", "closed", on, notBefore)),
			huh.NewInput().Title("Closed by").Value(&by).Validate(needText("Closed by", "the name of the person closing the plan")),
		}
		groups := []*huh.Group{huh.NewGroup(fields...).Title("Close the plan")}
		if len(blockers) > 0 {
			groups = append(groups, huh.NewGroup(
				huh.NewNote().Title(plural(len(blockers), "blocker is", "blockers are")+" still open").Description(blockerList(blockers)),
				huh.NewText().Title("Why close the plan with them open? (recorded with the case)").Value(&why).Lines(3).
					Validate(needText("Why close with blockers open", "why the plan is closed while they are open")),
			))
		}
		return huh.NewForm(groups...)
	}
	d.apply = func(c *model.Case) error {
		if err := happened("Closed on", "closed", on, notBefore)(closed); err != nil {
			return err
		}
		if err := needText("Closed by", "the name of the person closing the plan")(by); err != nil {
			return err
		}
		if len(blockers) > 0 {
			if err := needText("Why close with blockers open", "why the plan is closed while they are open")(why); err != nil {
				return err
			}
		}
		when, _ := model.ParseDate(closed)
		c.Status, c.Closed, c.Outcome = model.Closed, when, outcome
		c.OutcomeNote = strings.TrimSpace(sanitiseLines(note))
		c.ClosedBy = strings.TrimSpace(sanitise(by))
		c.ClosedOver = model.ClosedOver{}
		if len(blockers) > 0 {
			c.ClosedOver = model.ClosedOver{Blockers: slices.Clone(rules), Reason: strings.TrimSpace(sanitiseLines(why))}
		}
		d.done = "Plan closed on " + when.UK() + ": " + strings.ToLower(outcome.Label()) + "."
		return nil
	}
	d.form = d.build()
	return d
}

// blockerList names each open blocker, one a line.
func blockerList(blockers []model.Finding) string {
	lines := make([]string, len(blockers))
	for i, f := range blockers {
		lines[i] = "• " + sanitise(f.Message) + " (" + f.Rule + ")"
	}
	return strings.Join(lines, "\n")
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

// happened checks the date of something that has happened (signed, held,
// sent, closed): required, not in the future, and not before notBefore
// when that is set; the message names the field and what to type.
func happened(field, verb string, on, notBefore model.Date) func(string) error {
	return func(s string) error {
		if err := afterDate(field, notBefore)(s); err != nil {
			return err
		}
		if d, _ := model.ParseDate(s); d.After(on) {
			return errors.New(model.Happened{What: field, Verb: verb, Date: d}.Message(on))
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
