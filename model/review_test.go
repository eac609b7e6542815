package model

import (
	"slices"
	"strings"
	"testing"
)

// dates makes a list of dates from YYYY-MM-DD literals.
func dates(ss ...string) []Date {
	out := make([]Date, len(ss))
	for i, s := range ss {
		out[i] = MustDate(s)
	}
	return out
}

// reviews.scheduled (001 initial meeting; 002 appendix 1): due dates are
// start + 14k up to and including the first on or after the end; a closed
// case stops at its closure; with no end, up to the first on or after the
// as-of date.
func TestReviewDates(t *testing.T) {
	tests := []struct {
		name string
		c    Case
		on   string
		want []Date
	}{
		{"six weeks from Monday 02/11/2026 end on a due date", natCase(), natOn,
			dates("2026-11-16", "2026-11-30", "2026-12-14")},
		{"an end between due dates takes the next one", natCase(func(c *Case) { c.PlannedEnd = MustDate("2026-12-01") }), natOn,
			dates("2026-11-16", "2026-11-30", "2026-12-14")},
		{"an extension moves the end (002 s5.10)", natCase(func(c *Case) {
			c.Extensions = []Extension{{NewEnd: MustDate("2026-12-18")}}
		}), natOn, dates("2026-11-16", "2026-11-30", "2026-12-14", "2026-12-28")},
		{"closed early stops at the closure", natCase(func(c *Case) {
			c.Status, c.Closed = Closed, MustDate("2026-11-20")
		}), natOn, dates("2026-11-16", "2026-11-30")},
		{"no end runs to the first on or after the date", natCase(func(c *Case) { c.PlannedEnd = Date{} }), "2026-11-20",
			dates("2026-11-16", "2026-11-30")},
		{"no start, no schedule", natCase(func(c *Case) { c.Start = Date{} }), natOn, nil},
	}
	for _, tt := range tests {
		if got := tt.c.ReviewDates(14, MustDate(tt.on)); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
	long := natCase(func(c *Case) { c.Start, c.PlannedEnd = MustDate("1990-01-01"), Date{} })
	if n := len(long.ReviewDates(14, MustDate(natOn))); n != maxScheduled {
		t.Errorf("a schedule with no end from 1990 has %d dates, want the bound %d", n, maxScheduled)
	}
}

// The Reviews tab's lines: each due date with the review held for it, the
// rest after; a struck-out review never fills a due date. A review with no
// due date of the schedule fills the one whose fortnight it was held in,
// as reviews.scheduled counts it (any kind of review counts there).
func TestReviewSlots(t *testing.T) {
	struck := Review{Due: MustDate("2026-11-30"), Held: MustDate("2026-11-27"), Kind: "review",
		StruckOut: StrikeOut{On: MustDate("2026-11-28"), Reason: "recorded on the wrong pupil"}}
	extra := Review{Held: MustDate("2026-11-16"), Kind: ReviewKindEmergency} // the 16/11 one is held already
	older := Review{Held: MustDate("2026-12-10"), Kind: "review"}            // no due date: an older record
	c := natCase(func(c *Case) { c.Reviews = append(c.Reviews, struck, extra, older) })
	got := c.ReviewSlots(14, MustDate("2026-12-11"))
	want := []ReviewSlot{
		{Due: MustDate("2026-11-16"), Index: 0, Scheduled: true},
		{Due: MustDate("2026-11-30"), Index: -1, Scheduled: true}, // the struck-out one does not fill it
		{Due: MustDate("2026-12-14"), Index: 3, Scheduled: true},  // held 10/12, in its fortnight
		{Due: struck.Due, Index: 1},
		{Index: 2},
	}
	if !slices.Equal(got, want) {
		t.Errorf("slots:\n got %+v\nwant %+v", got, want)
	}
	if next, ok := c.NextReview(14, MustDate("2026-12-11")); !ok || !next.Equal(MustDate("2026-11-30")) {
		t.Errorf("next review %v %v, want 30/11/2026", next, ok)
	}
	if n := c.HeldReviews(); n != 3 {
		t.Errorf("held reviews %d, want 3 (the struck-out one does not count)", n)
	}
	all := natCase(func(c *Case) {
		c.Reviews = []Review{{Due: MustDate("2026-11-16"), Held: MustDate("2026-11-13")},
			{Due: MustDate("2026-11-30"), Held: MustDate("2026-11-30")}, {Due: MustDate("2026-12-14"), Held: MustDate("2026-12-11")}}
	})
	if _, ok := all.NextReview(14, MustDate("2026-12-11")); ok {
		t.Error("every due date is held, yet a next review is given")
	}
}

// A planned review not yet held (as the initial meeting's form writes
// one) is the slot's record until a held one comes for the same date.
func TestReviewSlotsPreferTheHeldRecord(t *testing.T) {
	c := natCase(func(c *Case) {
		c.Reviews = []Review{{Due: MustDate("2026-11-16"), Kind: "review"},
			{Due: MustDate("2026-11-16"), Held: MustDate("2026-11-16"), Kind: "review"}}
	})
	slots := c.ReviewSlots(14, MustDate(natOn))
	if slots[0].Index != 1 || slots[len(slots)-1].Index != 0 {
		t.Errorf("slots %+v: the held record should fill 16/11, the planned one follow", slots)
	}
}

// Held on must fall within the plan and not after the as-of date.
func TestCheckReviewHeld(t *testing.T) {
	c := natCase() // 02/11/2026 to 11/12/2026
	tests := []struct {
		held, on, want string
	}{
		{"2026-11-16", "2026-11-20", ""},
		{"2026-11-02", "2026-11-20", ""},
		{"2026-12-25", "2027-01-10", ""}, // within the grace after the end
		{"2026-11-21", "2026-11-20", "is in the future (today is 20/11/2026)"},
		{"2026-10-30", "2026-11-20", "is before the plan started on 02/11/2026"},
		{"2026-12-26", "2027-01-10", "up to 14 days after the end, until 25/12/2026"},
		{"", "2026-11-20", "type the date the review was held"},
	}
	for _, tt := range tests {
		var held Date
		if tt.held != "" {
			held = MustDate(tt.held)
		}
		err := c.CheckReviewHeld(held, MustDate(tt.on))
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("held %s on %s: %v", tt.held, tt.on, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "Held on: ")):
			t.Errorf("held %s on %s: %v, want %q naming the field", tt.held, tt.on, err, tt.want)
		}
	}
	if err := natCase(func(c *Case) { c.Start = Date{} }).CheckReviewHeld(MustDate("2026-11-16"), MustDate(natOn)); err == nil ||
		!strings.Contains(err.Error(), "no start date") {
		t.Errorf("a plan with no start: %v", err)
	}
}

// 001 initial meeting; 002 appendix 1: a review struck out with a reason
// no longer counts for reviews.scheduled or reviews.pupil-and-parent.
func TestStruckOutReviewCountsForNoRule(t *testing.T) {
	strike := func(c *Case) { c.Reviews[0].StruckOut = StrikeOut{On: MustDate("2026-11-18"), Reason: "wrong date"} }
	for _, tt := range []struct {
		rule string
		mod  func(*Case)
		want Status
	}{
		{"reviews.scheduled", nil, Met},
		{"reviews.scheduled", strike, Overdue},
		{"reviews.pupil-and-parent", nil, Met},
		{"reviews.pupil-and-parent", strike, NotApplicable},
	} {
		var c Case
		if tt.mod == nil {
			c = natCase()
		} else {
			c = natCase(tt.mod)
		}
		for _, f := range Check(c, nil, natCal, DefaultPacks(), MustDate(natOn)) {
			if f.Rule == tt.rule && f.Status != tt.want {
				t.Errorf("%s with struck out %v: %s (%s), want %s", tt.rule, tt.mod != nil, f.Status, f.Message, tt.want)
			}
		}
	}
}

func TestReviewAttendance(t *testing.T) {
	r := Review{Attended: []Role{PupilRole, APSetting}}
	if !r.Present(PupilRole) || r.Present(ParentRole) || r.BothSchools() {
		t.Errorf("%+v: present pupil only, not both schools", r)
	}
	r.Attended = append(r.Attended, HostSchool)
	if !r.BothSchools() {
		t.Error("AP setting and host school both present, yet not both schools (001 process 6)")
	}
	for _, role := range []Role{PupilRole, ParentRole, SocialWorker, APSetting, HostSchool, LocalAuthority} {
		if !slices.Contains(ReviewAttendees, role) {
			t.Errorf("%s cannot be recorded as attending a review", role)
		}
	}
}

// An extra review held in an empty fortnight counts for its due date, as
// reviews.scheduled reads it: the schedule moves on.
func TestExtraReviewFillsItsFortnight(t *testing.T) {
	c := natCase(func(c *Case) {
		c.Reviews = append(c.Reviews, Review{Held: MustDate("2026-11-20"), Kind: ReviewKindEmergency})
	})
	if next, ok := c.NextReview(14, MustDate("2026-11-20")); !ok || !next.Equal(MustDate("2026-12-14")) {
		t.Errorf("next review %v, want 14/12/2026", next)
	}
}

// Dates of things that happened cannot be in the future: a change may not
// add one, naming the field and what to type; one already on the record
// (imported before this check) does not stop the record being saved.
func TestNewFutureDates(t *testing.T) {
	on := MustDate("2026-11-20")
	before := natCase()
	after := natCase(func(c *Case) {
		c.Consent.Signed = MustDate("2026-11-21")
		c.Reviews = append(c.Reviews, Review{Held: MustDate("2026-11-19")})
		c.Notifications = append(c.Notifications, Notification{To: Governors, Sent: MustDate("2026-12-01")})
	})
	got := NewFutureDates(before, after, on)
	if len(got) != 2 {
		t.Fatalf("new future dates %+v, want the consent and the notification", got)
	}
	if msg := got[0].Message(on); msg != "Consent signed: 21/11/2026 is in the future (today is 20/11/2026): type the date it was signed, on or before 20/11/2026" {
		t.Errorf("message %q", msg)
	}
	if !strings.HasPrefix(got[1].Message(on), "Sent to the governors: 01/12/2026 is in the future") {
		t.Errorf("message %q", got[1].Message(on))
	}
	if again := NewFutureDates(after, after, on); len(again) != 0 {
		t.Errorf("dates already on the record count as new: %+v", again)
	}
}
