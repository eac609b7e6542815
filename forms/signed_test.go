package forms

import (
	"strings"
	"testing"

	"reintegrate/model"
)

// A signature is something that has happened: its date cannot be still to
// come (the signatures of 002 appendix 1 and 001's consent form). Other
// dates in a form (review dates planned) are left alone.
func TestFutureSignatures(t *testing.T) {
	on := model.MustDate("2026-11-04")
	plan := mustLookup(model.TemplateBWMATPlan)
	rec := model.FormRecord{Template: plan.ID, Fields: map[string]string{
		model.FieldSchoolSigned:       "2026-11-05",
		model.FieldParentSigned:       "2026-11-04",
		"professionals_signed.0.date": "10/11/2026",
		"professionals_signed.0.name": "Ms A Patel",
		model.FieldReviewFinal:        "2026-12-11",
		model.FieldMeetingDate:        "2026-11-02",
	}}
	errs := plan.FutureSignatures(rec, on)
	if len(errs) != 2 {
		t.Fatalf("future signatures %v, want the school's and the professional's", errs)
	}
	if errs[0].Key != model.FieldSchoolSigned || !strings.Contains(errs[0].Error(),
		"05/11/2026 is in the future (today is 04/11/2026): type the date it was signed, on or before 04/11/2026") {
		t.Errorf("first: %v", errs[0])
	}
	if errs[1].Key != "professionals_signed.0.date" || !strings.HasPrefix(errs[1].Error(), "[INSERT NAMES OF OTHER PROFESSIONALS]") {
		t.Errorf("second: %v (%s)", errs[1], errs[1].Key)
	}
	consent := mustLookup(model.TemplateWorcsConsent)
	if errs := consent.FutureSignatures(model.FormRecord{Fields: map[string]string{model.FieldParentSigned: "2026-11-04"}}, on); len(errs) != 0 {
		t.Errorf("a consent signed today is refused: %v", errs)
	}
	if errs := consent.FutureSignatures(model.FormRecord{Fields: map[string]string{model.FieldParentSigned: "2027-01-04"}}, on); len(errs) != 1 {
		t.Errorf("a consent signed next year is let through: %v", errs)
	}
}
