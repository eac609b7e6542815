package forms

import (
	"maps"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"reintegrate/model"
)

// driver types into a huh form as a person would, one key at a time, and
// runs the commands the form returns (dropping slow ones, such as the
// cursor's blink) so it moves from field to field and page to page.
type driver struct {
	t    *testing.T
	form *huh.Form
	sent int
}

func drive(t *testing.T, f *huh.Form) *driver {
	dr := &driver{t: t, form: f}
	dr.run(f.Init())
	dr.send(tea.WindowSizeMsg{Width: 100, Height: 40})
	return dr
}

func (dr *driver) send(msg tea.Msg) {
	dr.sent++
	if dr.sent > 20000 {
		dr.t.Fatal("the form never finished")
	}
	m, cmd := dr.form.Update(msg)
	dr.form = m.(*huh.Form)
	dr.run(cmd)
}

func (dr *driver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(3 * time.Millisecond):
		// A command that does its work at once has run by now, unless the
		// machine was busy: let it have the processor before giving up on
		// it as a timer (the cursor's blink), which a form fills without.
		for range 5 {
			runtime.Gosched()
		}
		select {
		case msg = <-done:
		default:
			return
		}
	}
	switch m := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range m {
			dr.run(c)
		}
	default:
		// tea.Sequence's message is unexported: a slice of commands.
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
			for i := range v.Len() {
				dr.run(v.Index(i).Interface().(tea.Cmd))
			}
			return
		}
		dr.send(msg)
	}
}

func (dr *driver) key(code rune) { dr.send(tea.KeyPressMsg{Code: code}) }

func (dr *driver) typeText(s string) {
	for _, r := range s {
		dr.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// clear empties the focused text input (ctrl+u deletes to the line start).
func (dr *driver) clear() {
	dr.key(tea.KeyEnd)
	dr.send(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
}

// fill answers the form field by field: answers[key] is typed into a text
// field or chosen (by stored value) in a select; every other field keeps
// what it was pre-filled with. It stops when the form is done.
func (dr *driver) fill(d *Draft, answers map[string]string) {
	byKey := map[string]input{}
	for _, in := range d.inputs {
		byKey[in.key] = in
	}
	for dr.form.State == huh.StateNormal {
		key := dr.form.GetFocusedField().GetKey()
		if want, ok := answers[key]; ok {
			dr.answer(byKey[key], *d.text[key], want)
			delete(answers, key)
		}
		dr.key(tea.KeyEnter)
	}
	if dr.form.State != huh.StateCompleted {
		dr.t.Fatalf("the form ended in state %v", dr.form.State)
	}
	for key := range answers {
		dr.t.Errorf("never reached %s", key)
	}
}

func (dr *driver) answer(in input, current, want string) {
	switch in.kind {
	case YesNo, Choice, Rating:
		values := []string{""}
		for _, o := range selectOptions(in)[1:] {
			values = append(values, o.Value)
		}
		from, to := slices.Index(values, current), slices.Index(values, want)
		next, back := tea.KeyDown, tea.KeyUp
		if in.kind == YesNo {
			next, back = tea.KeyRight, tea.KeyLeft // an inline select
		}
		for ; from < to; from++ {
			dr.key(next)
		}
		for ; from > to; from-- {
			dr.key(back)
		}
	default:
		dr.clear()
		dr.typeText(want)
	}
}

// finding is one rule's finding.
func finding(t *testing.T, c model.Case, school model.School, on model.Date, rule string) model.Finding {
	t.Helper()
	for _, f := range model.Check(c, nil, school.Calendar(), school.Packs, on) {
		if f.Rule == rule {
			return f
		}
	}
	t.Fatalf("no finding for %s", rule)
	return model.Finding{}
}

// flip is what one rule says of the case before and after the form.
type flip struct {
	rule          string
	before, after model.Status
}

// checkFlips compares each rule's finding on the date with what it should
// be before the form (c) and after it (filled).
func checkFlips(t *testing.T, c, filled model.Case, school model.School, on model.Date, flips []flip) {
	t.Helper()
	for _, f := range flips {
		if got := finding(t, c, school, on, f.rule); got.Status != f.before {
			t.Errorf("on %s, before the form: %s is %s (%s), want %s", on.UK(), f.rule, got.Status, got.Message, f.before)
		}
		if got := finding(t, filled, school, on, f.rule); got.Status != f.after {
			t.Errorf("on %s, after the form: %s is %s (%s), want %s", on.UK(), f.rule, got.Status, got.Message, f.after)
		}
	}
}

// bwmatPlanAnswers are what the pastoral lead types into appendix 1 at the
// meeting on 30/10/2026, with the mother beside them.
var bwmatPlanAnswers = map[string]string{
	model.FieldMeetingDate:            "30/10/2026",
	"location":                        "Room 4",
	"people.0.attended":               model.AnswerYes,
	"people.1.name":                   "Jo Taylor",
	"people.1.role":                   "Mother",
	"actions.0.action":                "Meet Ms Khan every morning",
	"home_learning":                   "Work on the class page, marked weekly by the form tutor",
	model.FieldSchoolSigned + ".name": "Mr T Green",
	model.FieldSchoolSigned:           "30/10/2026",
	model.FieldParentAgrees:           model.AnswerYes,
	"parent_relationship":             "mother",
	"parent_lives_with":               model.AnswerYes,
	model.FieldParentSigned + ".name": "Jo Taylor",
	model.FieldParentSigned:           "30/10/2026",
	model.FieldChildHappy:             model.AnswerYes,
	"governors_notified":              "30/10/2026",
}

// Filling the BWMAT appendix 1 plan through the form, key by key, signs the
// plan, records the parent's consent and the school's authorisation and
// tells the governors. On the meeting's day the duties go from due (or
// unmet) to met; once the plan has started without the form they are
// overdue (or unmet), and with it met (002 appendix 1; 002 s5.3, s5.11; reg 11(1), 11(6) 2024
// Regs).
func TestDriveBWMATPlan(t *testing.T) {
	school := sampleSchool()
	school.Packs.On = []model.Pack{model.National, model.BWMAT}
	c := sampleCase(model.ReducedTimetable)
	meeting := model.MustDate("2026-10-30")

	d := bwmatPlan.Edit(c, school, nil, false)
	drive(t, d.Form).fill(d, maps.Clone(bwmatPlanAnswers))
	if err := d.Validate(); err != nil {
		t.Fatalf("the filled plan does not validate: %v", err)
	}
	rec := d.Record(meeting)
	after := c
	if err := d.Apply(&after); err != nil {
		t.Fatal(err)
	}
	AddRecord(&after, rec)

	// The record holds what was typed, in the rules' keys.
	for key, want := range map[string]string{model.FieldParentAgrees: "yes", model.FieldParentSigned: "2026-10-30",
		model.FieldSchoolSigned: "2026-10-30", "actions.0.action": "Meet Ms Khan every morning", "people.1.name": "Jo Taylor"} {
		if got := rec.Fields[key]; got != want {
			t.Errorf("record %s = %q, want %q", key, got, want)
		}
	}
	// The case holds what the rules read.
	if after.Consent != (model.Consent{ParentName: "Jo Taylor", Relationship: "mother", LivesWithPupil: true,
		Signed: meeting, AuthorisedBy: "Mr T Green"}) {
		t.Errorf("consent = %+v", after.Consent)
	}
	if in, ok := after.Involved(model.SocialWorker); !ok || !in.AttendedMeeting || !in.Agreed.Equal(meeting) {
		t.Errorf("social worker involvement = %+v", in)
	}
	if !after.Agreed.Equal(meeting) || after.HomeLearning == "" || len(after.Reviews) != 3 {
		t.Errorf("agreed %s, home learning %q, %d reviews", after.Agreed, after.HomeLearning, len(after.Reviews))
	}
	checkFlips(t, c, after, school, meeting, []flip{
		{"bwmat.plan-signed", model.Due, model.Met},
		{"consent.parent", model.Due, model.Met},
		{"consent.authorised-by", model.Unmet, model.Met},
		{"bwmat.governors", model.Due, model.Met},
	})
	checkFlips(t, c, after, school, c.Start.AddDays(1), []flip{
		{"bwmat.plan-signed", model.Overdue, model.Met},
		{"consent.parent", model.Overdue, model.Met},
		{"consent.authorised-by", model.Unmet, model.Met},
		{"bwmat.governors", model.Overdue, model.Met},
	})
}

// The parent choosing "2. I do not agree" keeps the plan from running:
// bwmat.plan-signed is unmet (002 appendix 1: the plan "cannot be enforced
// by a school or insisted upon").
func TestDriveBWMATParentDisagrees(t *testing.T) {
	school := sampleSchool()
	school.Packs.On = []model.Pack{model.National, model.BWMAT}
	c := sampleCase(model.ReducedTimetable)
	on := model.MustDate("2026-10-30")
	d := bwmatPlan.Edit(c, school, nil, false)
	drive(t, d.Form).fill(d, map[string]string{
		model.FieldMeetingDate:  "30/10/2026",
		model.FieldSchoolSigned: "30/10/2026",
		model.FieldParentAgrees: model.AnswerNo,
		"parent_reasons":        "I want Sam in school full time",
		model.FieldParentSigned: "30/10/2026",
	})
	if err := d.Apply(&c); err != nil {
		t.Fatal(err)
	}
	AddRecord(&c, d.Record(on))
	if f := finding(t, c, school, on, "bwmat.plan-signed"); f.Status != model.Unmet {
		t.Errorf("bwmat.plan-signed is %s (%s), want unmet", f.Status, f.Message)
	}
	if !c.Consent.Signed.IsZero() {
		t.Errorf("a parent who does not agree was recorded as consenting on %s", c.Consent.Signed)
	}
}

// Filling the Worcestershire Initial Meeting form through the form, with
// every party's signature, the 2/4/6-week reviews and the transport,
// meets worcs.initial-meeting and worcs.transport, which were unmet, and
// makes worcs.final-review-6-weeks due rather than unmet (001 process 4;
// 001 Transport); the case takes its start, host school and reviews.
func TestDriveWorcsInitialMeeting(t *testing.T) {
	school := sampleSchool()
	school.Packs.On = []model.Pack{model.National, model.Worcestershire}
	c := sampleCase(model.APReintegration)
	c.Start, c.PlannedEnd = model.Date{}, model.Date{}
	on := model.MustDate("2026-10-30")
	d := worcsInitialMeeting.Edit(c, school, nil, false)
	drive(t, d.Form).fill(d, map[string]string{
		model.FieldMeetingDate:          "30/10/2026",
		"ap_setting":                    "Riverside Pupil Referral Unit",
		"host_school":                   "Malvern Vale Academy",
		"start":                         "02/11/2026",
		"start.time":                    "9:00",
		model.FieldTransport:            "Mum drives Zoë for the first two weeks, then the school bus",
		model.FieldReview2Weeks:         "16/11/2026",
		model.FieldReview4Weeks:         "30/11/2026",
		model.FieldReviewFinal:          "11/12/2026",
		model.FieldParentSigned:         "30/10/2026",
		model.FieldChildSigned:          "30/10/2026",
		model.FieldAPSigned:             "30/10/2026",
		model.FieldHostSigned:           "30/10/2026",
		model.FieldHostSigned + ".name": "Mrs P Ahmed",
	})
	if err := d.Validate(); err != nil {
		t.Fatalf("the filled form does not validate: %v", err)
	}
	rec := d.Record(on)
	after := c
	if err := d.Apply(&after); err != nil {
		t.Fatal(err)
	}
	AddRecord(&after, rec)
	if !after.Start.Equal(model.MustDate("2026-11-02")) {
		t.Errorf("start = %s", after.Start)
	}
	if in, _ := after.Involved(model.HostSchool); in.Name != "Malvern Vale Academy" {
		t.Errorf("host school = %+v", in)
	}
	if i := slices.IndexFunc(after.Reviews, func(r model.Review) bool { return r.Kind == model.ReviewKindFinal }); i < 0 ||
		!after.Reviews[i].Due.Equal(model.MustDate("2026-12-11")) {
		t.Errorf("no final review on 11/12/2026: %+v", after.Reviews)
	}
	checkFlips(t, c, after, school, on, []flip{
		{"worcs.initial-meeting", model.Unmet, model.Met},
		{"worcs.transport", model.Unmet, model.Met},
		// The final review is now planned within six weeks of the start:
		// due by start + 42 days until it is held.
		{"worcs.final-review-6-weeks", model.Unmet, model.Due},
	})

	// Without the child's signature the form is not signed by all parties.
	rec.Fields[model.FieldChildSigned] = ""
	rec.Version++
	AddRecord(&after, rec)
	if f := finding(t, after, school, on, "worcs.initial-meeting"); f.Status != model.Unmet || !strings.Contains(f.Message, "child") {
		t.Errorf("unsigned by the child: %s %s", f.Status, f.Message)
	}
}

// A bad date stops the form where it was typed, saying what to type; the
// form moves on once it is put right.
func TestDriveRefusesBadDate(t *testing.T) {
	c := sampleCase(model.ReducedTimetable)
	d := bwmatPlan.Edit(c, sampleSchool(), nil, false)
	dr := drive(t, d.Form)
	if key := dr.form.GetFocusedField().GetKey(); key != model.FieldMeetingDate {
		t.Fatalf("the form opens on %s", key)
	}
	dr.typeText("31/02/2026")
	dr.key(tea.KeyEnter)
	if key := dr.form.GetFocusedField().GetKey(); key != model.FieldMeetingDate {
		t.Fatalf("moved on to %s past a bad date", key)
	}
	if view := dr.form.View(); !strings.Contains(strings.Join(strings.Fields(view), " "), "DD/MM/YYYY") {
		t.Errorf("the form does not say what to type:\n%s", view)
	}
	dr.clear()
	dr.typeText("30/10/2026")
	dr.key(tea.KeyEnter)
	if key := dr.form.GetFocusedField().GetKey(); key == model.FieldMeetingDate {
		t.Error("still on the meeting date after a good one")
	}
}

// Every question of every template is asked by its huh form: walking a
// form filled in from the case and a made-up record, Enter by Enter,
// visits each field's input (and each row of a table with the seed's
// row titles, and a free table's first row), in the definition's order.
func TestFormAsksEveryField(t *testing.T) {
	school := sampleSchool()
	for _, tmpl := range Templates() {
		t.Run(tmpl.ID, func(t *testing.T) {
			c := sampleCase(tmpl.Kinds[0])
			prior := filled(tmpl, c, school)
			prior.Completed = model.Date{}
			d := tmpl.Edit(c, school, &prior, false)
			dr := drive(t, d.Form)
			var asked []string
			for same := 0; dr.form.State == huh.StateNormal; dr.key(tea.KeyEnter) {
				key := dr.form.GetFocusedField().GetKey()
				if n := len(asked); n > 0 && asked[n-1] == key {
					if same++; same > 3 {
						t.Fatalf("the form stays on %s:\n%s", key, dr.form.View())
					}
					continue
				}
				same = 0
				asked = append(asked, key)
			}
			var want []string
			for _, in := range d.inputs {
				if in.row <= 0 || len(in.field.RowTitles) > 0 {
					want = append(want, in.key)
				}
			}
			at := 0
			for _, key := range want {
				i := slices.Index(asked[at:], key)
				if i < 0 {
					t.Fatalf("the form never asks %s (or asks it out of order); asked %v", key, asked)
				}
				at += i + 1
			}
		})
	}
}
