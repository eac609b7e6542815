package model

import (
	"fmt"
	"slices"
)

// Review is a planned or held review meeting. A review recorded in error
// is struck out, not deleted: it keeps its record, says why, and no longer
// counts for the rules (Case.CountedReviews).
type Review struct {
	Due            Date
	Held           Date
	Kind           string // review, emergency, final
	PupilViews     bool   // the pupil took part or their views are recorded
	ParentAttended bool   // a parent or carer took part or gave their views
	Notes          string
	// Attended is who took part: PupilRole, ParentRole and the roles of
	// the professionals (for a reintegration from AP, both schools:
	// APSetting and HostSchool; 001 process 6).
	Attended        []Role
	PupilViewsText  string // the pupil's views, as recorded
	ParentViewsText string // the parent's or carer's views
	Decisions       string // what the review decided
	StruckOut       StrikeOut
}

// StrikeOut is when and why a review was struck out of the record.
type StrikeOut struct {
	On     Date
	Reason string
}

// IsZero reports whether nothing was struck out.
func (s StrikeOut) IsZero() bool { return s.On.IsZero() && s.Reason == "" }

// Counts reports whether the review counts for the rules: it is not
// struck out.
func (r Review) Counts() bool { return r.StruckOut.IsZero() }

// Present reports whether someone in the role took part in the review.
func (r Review) Present(role Role) bool { return slices.Contains(r.Attended, role) }

// BothSchools reports whether the AP setting and the receiving school both
// took part (001 process 6: reviews include both schools).
func (r Review) BothSchools() bool { return r.Present(APSetting) && r.Present(HostSchool) }

// ReviewAttendees are the roles a review's attendance may list, in the
// order a form offers them.
var ReviewAttendees = slices.Concat([]Role{PupilRole, ParentRole}, InvolvementRoles, []Role{LocalAuthority})

// ReviewKinds are the kinds of review meeting (001: review or emergency
// review; 002 appendix 1: the final six-week review).
var ReviewKinds = []string{"review", ReviewKindEmergency, ReviewKindFinal}

// CountedReviews are the case's reviews less those struck out: the ones
// the rules read.
func (c Case) CountedReviews() []Review {
	if !slices.ContainsFunc(c.Reviews, func(r Review) bool { return !r.Counts() }) {
		return c.Reviews
	}
	return slices.DeleteFunc(slices.Clone(c.Reviews), func(r Review) bool { return !r.Counts() })
}

// HeldReviews counts the reviews held and not struck out.
func (c Case) HeldReviews() int {
	n := 0
	for _, r := range c.Reviews {
		if r.Counts() && !r.Held.IsZero() {
			n++
		}
	}
	return n
}

// ReviewGraceDays is how long after the plan's end a review may still be
// recorded as held: one review period, the longest the last due date of
// the schedule can fall after the end (reviews.scheduled takes the dates
// up to and including the first on or after the end).
const ReviewGraceDays = 14

// maxScheduled bounds a schedule with no end, or an end years away.
const maxScheduled = 60

// ReviewDates are the review schedule's due dates (reviews.scheduled:
// start + every x k days, up to and including the first on or after the
// end; for a closed case, the closure date if it came first). With no end
// they run to the first on or after the date on.
func (c Case) ReviewDates(every int, on Date) []Date {
	if c.Start.IsZero() {
		return nil
	}
	every = positive(every, DefaultParams().ReviewEveryDays)
	last := c.End()
	if c.Status == Closed && !c.Closed.IsZero() && (last.IsZero() || c.Closed.Before(last)) {
		last = c.Closed
	}
	if last.IsZero() {
		last = on
	}
	var out []Date
	for d := c.Start.AddDays(every); len(out) < maxScheduled; d = d.AddDays(every) {
		out = append(out, d)
		if !d.Before(last) {
			break
		}
	}
	return out
}

// ReviewSlot is one line of a case's reviews: a due date of the schedule
// with the review recorded against it (Index -1 while none is), or a
// review recorded outside the schedule (Scheduled false).
type ReviewSlot struct {
	Due       Date
	Index     int // in Case.Reviews; -1 when nothing is recorded
	Scheduled bool
}

// ReviewSlots lays the recorded reviews against the schedule. A counted
// review fills the due date it was recorded against; one recorded with no
// due date on the schedule (an older record, or one a protocol form added)
// fills the first empty due date whose fortnight its held date falls in,
// as reviews.scheduled reads it. The rest, struck-out reviews among them,
// follow as slots of their own, in the order recorded.
func (c Case) ReviewSlots(every int, on Date) []ReviewSlot {
	every = positive(every, DefaultParams().ReviewEveryDays)
	dates := c.ReviewDates(every, on)
	used := make([]bool, len(c.Reviews))
	slots := make([]ReviewSlot, len(dates))
	for i, d := range dates {
		slots[i] = ReviewSlot{Due: d, Index: c.reviewFor(d, used, func(r Review) bool { return r.Due.Equal(d) }), Scheduled: true}
	}
	for i, s := range slots {
		if s.Index < 0 {
			d := s.Due
			slots[i].Index = c.reviewFor(d, used, func(r Review) bool {
				return !r.Held.IsZero() && !slices.ContainsFunc(dates, r.Due.Equal) &&
					r.Held.After(d.AddDays(-every)) && r.Held.OnOrBefore(d)
			})
		}
	}
	for i, r := range c.Reviews {
		if !used[i] {
			slots = append(slots, ReviewSlot{Due: r.Due, Index: i})
		}
	}
	return slots
}

// reviewFor is the first counted review not yet used that matches, held
// ones first; -1 if none.
func (c Case) reviewFor(d Date, used []bool, match func(Review) bool) int {
	found := -1
	for i, r := range c.Reviews {
		if used[i] || !r.Counts() || !match(r) {
			continue
		}
		if found < 0 || (!r.Held.IsZero() && c.Reviews[found].Held.IsZero()) {
			found = i
		}
	}
	if found >= 0 {
		used[found] = true
	}
	return found
}

// NextReview is the first due date of the schedule with no review held
// against it; ok is false when every one is held (or there is none).
func (c Case) NextReview(every int, on Date) (Date, bool) {
	for _, s := range c.ReviewSlots(every, on) {
		if s.Scheduled && (s.Index < 0 || c.Reviews[s.Index].Held.IsZero()) {
			return s.Due, true
		}
	}
	return Date{}, false
}

// HeldField names a review's held date in messages.
const HeldField = "Held on"

// CheckReviewHeld says what is wrong with a review's held date, naming
// the field: it must fall within the plan (not before the start, not more
// than ReviewGraceDays after the end) and not after the as-of date.
func (c Case) CheckReviewHeld(held, on Date) error {
	switch end := c.End(); {
	case held.IsZero():
		return fmt.Errorf("%s: type the date the review was held as DD/MM/YYYY, for example %s", HeldField, on.UK())
	case held.After(on):
		return fmt.Errorf("%s: %s is in the future (today is %s): a review is recorded once it has been held; type the date it was held", HeldField, held.UK(), on.UK())
	case c.Start.IsZero():
		return fmt.Errorf("%s: the plan has no start date yet, so no review can be held within it: enter the start date first", HeldField)
	case held.Before(c.Start):
		return fmt.Errorf("%s: %s is before the plan started on %s: type a date from %s on", HeldField, held.UK(), c.Start.UK(), c.Start.UK())
	case !end.IsZero() && held.After(end.AddDays(ReviewGraceDays)):
		return fmt.Errorf("%s: %s is after the plan ended on %s (a review may be recorded up to %d days after the end, until %s): type a date on or before %s", HeldField,
			held.UK(), end.UK(), ReviewGraceDays, end.AddDays(ReviewGraceDays).UK(), end.AddDays(ReviewGraceDays).UK())
	}
	return nil
}
