package forms

import (
	"bytes"
	"io"
	"maps"
	"strconv"
	"strings"
	"testing"

	"reintegrate/model"
)

// lines gives huh's accessible prompts one typed line per read, as a
// terminal does (huh reads each prompt with a fresh scanner).
type lines struct{ typed []string }

func (l *lines) Read(p []byte) (int, error) {
	if len(l.typed) == 0 {
		return 0, io.EOF
	}
	n := copy(p, l.typed[0]+"\n")
	l.typed = l.typed[1:]
	return n, nil
}

// In accessible mode the form is plain sequential prompts with the same
// validation: a bad date is asked again with a message saying what to
// type; a needed answer left blank is taken, and the form is then kept as
// a draft naming it (001 Consent Form).
func TestAccessibleConsent(t *testing.T) {
	c := sampleCase(model.APReintegration)
	d := worcsConsent.Edit(c, sampleSchool(), nil, true)
	in := &lines{typed: []string{
		"",              // Child/YP's Name and DOB: keep what the case gives
		"Riverside PRU", // Alternative Provision Setting
		"1 High Street", // Address
		"",              // Parent/Carer Address if different
		"",              // Parent/Carer Name: needed, left for now
		"mother",        // Relationship to child/yp
		"2",             // parental responsibility: YES
		"",              // another parent: not answered
		"2",             // understands the reasons: YES
		"1",             // agrees: not answered, needed, left for now
		"Malvern Vale Academy",
		"Jo Taylor",  // Name:
		"31/02/2026", // Date: not a date, so asked again
		"30/10/2026",
	}}
	var out bytes.Buffer
	if err := d.Form.WithInput(in).WithOutput(&out).Run(); err != nil {
		t.Fatal(err)
	}
	if len(in.typed) != 0 {
		t.Errorf("%d answers left over: %q\n%s", len(in.typed), in.typed, out.String())
	}
	said := strings.Join(strings.Fields(out.String()), " ")
	for _, want := range []string{
		`"31/02/2026" is not a date: type a date as DD/MM/YYYY, for example 02/11/2026`,
		"Date signed (DD/MM/YYYY)",
	} {
		if !strings.Contains(said, want) {
			t.Errorf("the prompts never said %q:\n%s", want, out.String())
		}
	}
	rec, missing := d.Finish(model.MustDate("2026-10-30"))
	if !rec.Completed.IsZero() || strings.Join(missing, "; ") != "Parent/Carer Name; Does the parent agree to a reintegration?" {
		t.Errorf("completed %s, missing %q: want a draft missing the name and the agreement", rec.Completed, missing)
	}
	for key, want := range map[string]string{"pupil": "Zoë Nguyễn-Łukasz, 02/04/2013", "parent_name": "",
		model.FieldParentAgrees: "", "other_parent_agreed": "", model.FieldParentSigned: "2026-10-30", "ap_setting": "Riverside PRU"} {
		if got, ok := rec.Fields[key]; !ok || got != want {
			t.Errorf("%s = %q (present %v), want %q", key, got, ok, want)
		}
	}
	if errs := worcsConsent.Problems(rec, c); len(errs) != 0 {
		t.Errorf("accessible answers have problems: %v", errs)
	}
}

// accessibleLines are the lines a screen-reader user types to give the
// answers (key: what is typed; a choice's stored value): every prompt in
// the form's order, a choice by its number, Enter alone to keep what a
// text prompt shows.
func accessibleLines(d *Draft, answers map[string]string) []string {
	var typed []string
	for _, in := range d.inputs {
		want, ok := answers[in.key]
		switch in.kind {
		case YesNo, Choice, Rating:
			if !ok {
				want = *d.text[in.key]
			}
			for i, o := range selectOptions(in) {
				if o.Value == want {
					typed = append(typed, strconv.Itoa(i+1))
				}
			}
		default:
			typed = append(typed, want)
		}
	}
	return typed
}

// The same answers give the same record whether typed into the full-screen
// form, key by key, or at accessible mode's plain prompts, line by line
// (DESIGN.md, The screens: --accessible; 001 Consent Form and Initial
// Meeting).
func TestAccessibleSameRecord(t *testing.T) {
	on := model.MustDate("2026-10-30")
	for _, tc := range []struct {
		tmpl    *Template
		answers map[string]string
	}{
		{worcsConsent, map[string]string{"ap_setting": "Riverside PRU", "address": "1 High Street",
			"parent_name": "Jo Taylor", "relationship": "mother", "parental_responsibility": model.AnswerYes,
			"understands_reasons": model.AnswerYes, model.FieldParentAgrees: model.AnswerYes,
			"school_wished": "Malvern Vale Academy", model.FieldParentSigned + ".name": "Jo Taylor",
			model.FieldParentSigned: "30/10/2026"}},
		{worcsInitialMeeting, map[string]string{model.FieldMeetingDate: "30/10/2026", "ap_setting": "Riverside PRU",
			"host_school": "Malvern Vale Academy", "start": "02/11/2026", "start.time": "9:00",
			model.FieldTransport: "The school bus", model.FieldReview2Weeks: "16/11/2026",
			model.FieldReview4Weeks: "30/11/2026", model.FieldReviewFinal: "11/12/2026",
			model.FieldParentSigned: "30/10/2026", model.FieldChildSigned: "30/10/2026",
			model.FieldHostSigned + ".name": "Mrs P Ahmed", model.FieldHostSigned: "30/10/2026"}},
	} {
		t.Run(tc.tmpl.ID, func(t *testing.T) {
			c := sampleCase(model.APReintegration)
			full := tc.tmpl.Edit(c, sampleSchool(), nil, false)
			drive(t, full.Form).fill(full, maps.Clone(tc.answers))

			plain := tc.tmpl.Edit(c, sampleSchool(), nil, true)
			in := &lines{typed: accessibleLines(plain, tc.answers)}
			var out bytes.Buffer
			if err := plain.Form.WithInput(in).WithOutput(&out).Run(); err != nil {
				t.Fatalf("%v\n%s", err, out.String())
			}
			if len(in.typed) != 0 {
				t.Errorf("%d lines never read: %q", len(in.typed), in.typed)
			}
			want, got := full.Record(on).Fields, plain.Record(on).Fields
			if !maps.Equal(want, got) {
				for k := range want {
					if want[k] != got[k] {
						t.Errorf("%s: %q typed in full screen, %q at the prompts", k, want[k], got[k])
					}
				}
			}
			if want[model.FieldParentSigned] != "2026-10-30" {
				t.Errorf("the parent's signature is dated %q: the answers never reached the record", want[model.FieldParentSigned])
			}
		})
	}
}
