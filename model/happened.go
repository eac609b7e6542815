package model

import "fmt"

// Happened is the date a case records of something that has happened (a
// consent signed, a review held, a notification sent, the plan closed),
// which cannot fall after the as-of date. Planned dates (the start, the
// planned end, a review's due date) are not among them.
type Happened struct {
	What string // in people's words: "Consent signed"
	Verb string // "signed", for the message: type the date it was signed
	Date Date
}

// HappenedDates lists the case's dates of things that happened that are
// set, in the case file's order.
func (c Case) HappenedDates() []Happened {
	var out []Happened
	add := func(what, verb string, d Date) {
		if !d.IsZero() {
			out = append(out, Happened{What: what, Verb: verb, Date: d})
		}
	}
	add("Closed on", "closed", c.Closed)
	add("Plan agreed", "agreed", c.Agreed)
	add("Consent signed", "signed", c.Consent.Signed)
	add("Risk assessment completed", "completed", c.RiskAssessment.Completed)
	for _, in := range c.Involvement {
		add("Agreed by the "+in.Role.Label(), "agreed", in.Agreed)
	}
	for _, n := range c.Notifications {
		add("Sent to the "+n.To.Label(), "sent", n.Sent)
	}
	for _, e := range c.Extensions {
		add("Extension agreed", "agreed", e.Agreed)
	}
	add("Fair Access referral", "made", c.Referral.FairAccessReferred)
	add("School place offered", "offered", c.Referral.PlaceOffered)
	for _, r := range c.Reviews {
		add("Review held on", "held", r.Held)
		add("Review struck out on", "struck out", r.StruckOut.On)
	}
	for _, f := range c.Forms {
		add(f.Template+" completed", "completed", f.Completed)
	}
	return out
}

// Message says what is wrong with a date after the as-of date, naming the
// field and what to type.
func (h Happened) Message(on Date) string {
	return fmt.Sprintf("%s: %s is in the future (today is %s): type the date it was %s, on or before %s",
		h.What, h.Date.UK(), on.UK(), h.Verb, on.UK())
}

// NewFutureDates are the dates of things that happened which fall after
// on in the case as changed and were not already so before the change: a
// save may not add one, but a record that already held one (imported
// before this check, say) can still be saved while it is put right.
func NewFutureDates(before, after Case, on Date) []Happened {
	had := map[Happened]bool{}
	for _, h := range before.HappenedDates() {
		had[Happened{What: h.What, Date: h.Date}] = true
	}
	var out []Happened
	for _, h := range after.HappenedDates() {
		if h.Date.After(on) && !had[Happened{What: h.What, Date: h.Date}] {
			out = append(out, h)
		}
	}
	return out
}
