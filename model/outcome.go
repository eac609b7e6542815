package model

import (
	"fmt"
	"slices"
	"strings"
)

// Outcome is how a closed plan ended: one of a few typed values, so the
// rules and reports count it without reading words in a note. The words
// staff add go in Case.OutcomeNote.
type Outcome string

const (
	NoOutcome Outcome = ""
	// Successful: the pupil is back in full-time education (001 process 9,
	// the Successful Outcome form; 002 s5.10).
	Successful Outcome = "successful"
	// Unsuccessful: the plan did not lead to full-time education; for a
	// reintegration from AP, the pupil went back to the AP setting (001
	// process 7 and 9).
	Unsuccessful Outcome = "unsuccessful"
	// MovedProvision: the pupil left for another school or provision before
	// the plan could end either way.
	MovedProvision Outcome = "moved_provision"
	OtherOutcome   Outcome = "other"
)

// Outcomes lists every outcome a plan closes with, in the order menus
// show them.
var Outcomes = []Outcome{Successful, Unsuccessful, MovedProvision, OtherOutcome}

// Label is how an outcome is written for people.
func (o Outcome) Label() string {
	switch o {
	case Successful:
		return "Successful"
	case Unsuccessful:
		return "Unsuccessful"
	case MovedProvision:
		return "Moved to another provision"
	case OtherOutcome:
		return "Other"
	case NoOutcome:
		return "Not recorded"
	}
	return string(o)
}

// Failed reports whether the plan ended unsuccessfully: the one reading of
// a failed outcome, for the Worcestershire failed-reintegration rules and
// the governors' report alike.
func (o Outcome) Failed() bool { return o == Unsuccessful }

// ParseOutcome checks an outcome as typed (its value or its label); the
// error says what to type.
func ParseOutcome(s string) (Outcome, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for _, o := range Outcomes {
		if t == string(o) || t == strings.ToLower(o.Label()) {
			return o, nil
		}
	}
	names := make([]string, len(Outcomes))
	for i, o := range Outcomes {
		names[i] = string(o)
	}
	return "", fmt.Errorf("%q is not an outcome: type one of %s", s, strings.Join(names, ", "))
}

// earlierOutcomeLabels are the outcomes the close form offered before the
// outcome was typed, as it wrote them into the free text (a note typed
// with one followed after ". "). They say no more than the typed value, so
// OutcomeFromText keeps only what was typed after them.
var earlierOutcomeLabels = []struct {
	text    string
	outcome Outcome
}{
	{"Successful: back in full-time education", Successful},
	{"Unsuccessful: the plan did not lead to full-time education", Unsuccessful},
	{"Ended early: the pupil left the school", MovedProvision},
}

// OutcomeFromText reads an outcome written as free text (schema 4's
// column, or a case file written before the outcome was typed) the way
// the reports and the Worcestershire rules read it then: "unsuccessful",
// "fail" or "not successful" is unsuccessful; then "success", "full time"
// or "full-time" is successful; then words of leaving ("left the school",
// "moved", "another school", "another provision", "transferred") are
// moved to another provision; any other text is other. The text is kept
// as the note, except a bare outcome value and the close form's own
// earlier labels, which say nothing more than the value.
// storage/migrations/0005_reviews_outcome.sql does the same in SQL (a test
// holds the two together).
func OutcomeFromText(text string) (Outcome, string) {
	t := strings.TrimSpace(text)
	if t == "" {
		return NoOutcome, ""
	}
	if o, err := ParseOutcome(t); err == nil && strings.EqualFold(t, string(o)) {
		return o, ""
	}
	for _, e := range earlierOutcomeLabels {
		if rest, ok := strings.CutPrefix(t, e.text); ok {
			return e.outcome, strings.TrimSpace(strings.TrimLeft(rest, ". "))
		}
	}
	return outcomeInWords(strings.ToLower(t)), t
}

func outcomeInWords(t string) Outcome {
	has := func(words ...string) bool {
		return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(t, w) })
	}
	switch {
	case has("unsuccessful", "fail", "not successful"):
		return Unsuccessful
	case has("success", "full time", "full-time"):
		return Successful
	case has("left the school", "moved", "another school", "another provision", "transferred"):
		return MovedProvision
	}
	return OtherOutcome
}

// ClosedOver is what still blocked the plan when it was closed (the
// rules' IDs, such as consent.parent) and the reason staff gave for
// closing it all the same.
type ClosedOver struct {
	Blockers []string
	Reason   string
}

// IsZero reports whether the plan was closed with nothing blocking it.
func (c ClosedOver) IsZero() bool { return len(c.Blockers) == 0 && c.Reason == "" }
