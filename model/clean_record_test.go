package model

import (
	"strings"
	"testing"
)

// Issue 7 part 1: one sanitiser applied when stored. A case assembled by a
// screen, not a reader, must come out with no control or bidi characters.
func TestCaseCleaned(t *testing.T) {
	forged := "Sam\r       NONE\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\\u202e"
	c := Case{
		Pupil:         Pupil{Name: forged, UPN: forged},
		OutcomeNote:   forged,
		ClosedBy:      forged,
		ClosedOver:    ClosedOver{Reason: forged},
		NamedPerson:   forged,
		HomeLearning:  forged,
		Consent:       Consent{ParentName: forged, Relationship: forged, AuthorisedBy: forged},
		Involvement:   []Involvement{{Name: forged}},
		Notifications: []Notification{{SentBy: forged}},
		Extensions:    []Extension{{Reason: forged}},
		Reviews: []Review{{Notes: "first line\nsecond" + forged, PupilViewsText: forged, ParentViewsText: forged,
			Decisions: forged, StruckOut: StrikeOut{Reason: forged}}},
		Forms: []FormRecord{{Fields: map[string]string{"k": forged}}},
	}
	got := c.Cleaned()
	r := got.Reviews[0]
	texts := []string{got.Pupil.Name, got.Pupil.UPN, got.OutcomeNote, got.ClosedBy, got.ClosedOver.Reason,
		r.PupilViewsText, r.ParentViewsText, r.Decisions, r.StruckOut.Reason, got.NamedPerson, got.HomeLearning,
		got.Consent.ParentName, got.Consent.Relationship, got.Consent.AuthorisedBy,
		got.Involvement[0].Name, got.Notifications[0].SentBy, got.Extensions[0].Reason,
		got.Reviews[0].Notes, got.Forms[0].Fields["k"]}
	for i, s := range texts {
		if strings.ContainsAny(s, "\x1b\r\u202e") {
			t.Errorf("text %d still holds a control or bidi character: %q", i, s)
		}
	}
	if !strings.Contains(got.Reviews[0].Notes, "first line\nsecond") {
		t.Errorf("review notes lost their line break: %q", got.Reviews[0].Notes)
	}
	if c.Involvement[0].Name != forged || c.Forms[0].Fields["k"] != forged {
		t.Error("Cleaned changed the caller's slices or maps")
	}
}
