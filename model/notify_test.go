package model

import (
	"slices"
	"strings"
	"testing"
)

// proposals writes each proposed notification as "to what due status".
func proposals(ps []ProposedNotification) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = strings.Join([]string{string(p.To), p.What, p.Due.String(), string(p.Status)}, " ")
	}
	return out
}

func packsOf(on ...Pack) Packs { return Packs{On: on, Params: DefaultParams()} }

func TestProposedNotifications(t *testing.T) {
	unsent := func(c *Case) { c.Notifications = nil }
	tests := []struct {
		name  string
		c     Case
		packs Packs
		on    string
		want  []string
	}{
		// 000; 002 s7: the LA gets the hours and the plan by the start.
		{"the LA told on the start date", natCase(), packsOf(), natOn,
			[]string{"local_authority plan 2026-11-02 met"}},
		{"the LA not told, start passed", natCase(unsent), packsOf(), natOn,
			[]string{"local_authority plan 2026-11-02 overdue"}},
		{"the LA not told, start to come", natCase(unsent), packsOf(), "2026-10-30",
			[]string{"local_authority plan 2026-11-02 due"}},
		{"told after the start: late", natCase(func(c *Case) { c.Notifications[0].Sent = MustDate("2026-11-05") }), packsOf(), natOn,
			[]string{"local_authority plan 2026-11-02 unmet"}},
		// 002 s7: Virtual School, social worker, SEND team by the pupil's flags.
		{"flags bring copies", natCase(func(c *Case) { c.Pupil.Flags = []Flag{LookedAfter, ChildInNeed, EHCP} }), packsOf(), natOn,
			[]string{"social_worker plan 2026-11-02 overdue", "virtual_school plan 2026-11-02 overdue",
				"send_team plan 2026-11-02 overdue", "local_authority plan 2026-11-02 met"}},
		// 002 s5.11: the Local Governing Committee is told when the plan is agreed.
		{"bwmat: governors", natCase(), packsOf(BWMAT), natOn,
			[]string{"local_authority plan 2026-11-02 met", "governors start 2026-11-02 overdue"}},
		// 000: the LA within 2 days of agreement (30/10: told 02/11, late), the
		// attendance team when proposed, names to three teams by the end of
		// each half term (no holidays in natCal: the fixed 1 Nov-31 Dec).
		{"oxfordshire", natCase(), packsOf(Oxfordshire), natOn, []string{
			"attendance_team start 2026-10-30 overdue", "local_authority plan 2026-11-01 unmet",
			"youth_justice plan 2026-12-31 due", "early_help plan 2026-12-31 due", "social_care plan 2026-12-31 due"}},
		// 002 s5.10: an extension goes to the LA by the end it moves.
		{"an extension", natCase(func(c *Case) {
			c.Extensions = []Extension{{Agreed: MustDate("2026-12-07"), NewEnd: MustDate("2026-12-18"), ParentAgreed: true}}
		}), packsOf(), "2026-12-14", []string{"local_authority plan 2026-11-02 met", "local_authority extension 2026-12-11 overdue"}},
		// 002 s7: at closure, copies of the completed plan to those involved,
		// and the LA told; no deadline, so unmet until sent.
		{"closure", natCase(func(c *Case) {
			c.Status, c.Closed, c.Pupil.Flags = Closed, MustDate("2026-12-11"), []Flag{LookedAfter}
			c.Notifications = append(c.Notifications, Notification{To: VirtualSchool, What: "plan", Sent: MustDate("2026-10-30")},
				Notification{To: LocalAuthority, What: "closure", Sent: MustDate("2026-12-11")})
		}), packsOf(), "2026-12-14", []string{"virtual_school plan 2026-11-02 met", "local_authority plan 2026-11-02 met",
			"virtual_school closure 2026-12-11 unmet", "local_authority closure 2026-12-11 met"}},
		// 001 process 5: a reintegration from AP is on both registers (Joiners Form).
		{"worcestershire AP", natCase(natKind(APReintegration)), packsOf(Worcestershire), natOn,
			[]string{"school_admissions joiner_form 2026-11-02 overdue"}},
		{"a draft with no start: unknown deadlines last", natCase(unsent, func(c *Case) { c.Start = Date{}; c.Status = Draft }),
			packsOf(BWMAT), natOn, []string{"governors start 2026-10-30 overdue", "local_authority plan  due"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := proposals(ProposedNotificationsIn(tt.c, natCal, tt.packs, MustDate(tt.on)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("proposals:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// Marking a proposal sent (as the TUI and `notify` do) turns it met and
// records who sent it.
func TestProposedNotificationSentBy(t *testing.T) {
	c := natCase(func(c *Case) {
		c.Pupil.Flags = []Flag{EHCP}
		c.Notifications = append(c.Notifications, Notification{To: SENDTeam, What: "plan", Sent: MustDate("2026-10-31"), SentBy: "Ms\x1b[2J R Khan"})
	})
	ps := ProposedNotificationsIn(c, nil, packsOf(), MustDate(natOn))
	i := slices.IndexFunc(ps, func(p ProposedNotification) bool { return p.To == SENDTeam })
	if i < 0 {
		t.Fatal("no SEND team proposal for a pupil with an EHCP")
	}
	p := ps[i]
	if p.Status != Met || p.Sent.String() != "2026-10-31" || p.SentBy != "Ms R Khan" {
		t.Errorf("SEND team proposal = %+v, want met, sent 31/10 by Ms R Khan (cleaned)", p)
	}
	if !strings.Contains(p.Why, "SEND") || p.Source == "" {
		t.Errorf("the proposal does not say why and from where: %+v", p)
	}
}

// A notification to the LA about something later (here a change of hours)
// is not the copy of the plan: notify.la and oxon.la-copy-2-days leave it
// out as the proposals do, so the findings and the proposed notifications
// tell the same story (000; 002 s7).
func TestStartCopyRulesAgreeWithProposals(t *testing.T) {
	c := natCase(func(c *Case) { c.Notifications = nil }, natNotified(LocalAuthority, "2026-10-31", "hours_change"))
	packs := packsOf(Oxfordshire)
	status := map[string]Status{}
	for _, f := range Check(c, nil, NewCalendar(), packs, MustDate(natOn)) {
		status[f.Rule] = f.Status
	}
	for _, rule := range []string{"notify.la", "oxon.la-copy-2-days"} {
		if status[rule] != Overdue {
			t.Errorf("%s: %s with only a change of hours sent, want overdue", rule, status[rule])
		}
	}
	for _, p := range ProposedNotificationsIn(c, NewCalendar(), packs, MustDate(natOn)) {
		if p.To == LocalAuthority && p.Status != Overdue {
			t.Errorf("the LA proposal is %s, want overdue as the rules say", p.Status)
		}
	}
	// And a copy of the plan meets both rules.
	c = natCase(natNotified(LocalAuthority, "2026-10-31", "plan"))
	for _, f := range Check(c, nil, NewCalendar(), packs, MustDate(natOn)) {
		if (f.Rule == "notify.la" || f.Rule == "oxon.la-copy-2-days") && f.Status != Met {
			t.Errorf("%s: %s with the plan sent on 31/10/2026, want met", f.Rule, f.Status)
		}
	}
}
