package ui

import (
	"slices"
	"strings"

	"reintegrate/model"
)

// Where in the app the date or name a finding asks for is typed: the
// Findings tab says it under each outstanding finding whose fix is typing
// one, so "enter it" is never a riddle. The forms named are the protocol
// templates that record the same detail (forms' bindings), listed when
// the case has them.

type entryPlace struct {
	where     string   // the tab and key, in the app's words
	templates []string // protocol forms that record it too
}

// detailsKey is where the case's own details are typed.
const detailsKey = "Overview (tab 1), c case details"

var entryPlaces = map[string]entryPlace{
	"consent.parent": {detailsKey + ": consent", []string{model.TemplateWorcsConsent,
		model.TemplateWorcsInformation, model.TemplateBWMATPlan, model.TemplateOxonPlan}},
	"consent.authorised-by": {detailsKey + ": leave authorised by", []string{model.TemplateBWMATPlan,
		model.TemplateOxonPlan}},
	"risk-assessment.before-start":     {detailsKey + ": risk assessment", []string{model.TemplateBWMATRiskAssessment}},
	"risk-assessment.significant-risk": {detailsKey + ": risk assessment", []string{model.TemplateBWMATRiskAssessment}},
	"fair-access.20-school-days": {detailsKey + ": Fair Access referral and place offered",
		[]string{model.TemplateHaveringPlan}},
	"work.home-learning":       {detailsKey + ": how work is set", []string{model.TemplateBWMATPlan}},
	"reviews.scheduled":        {"Reviews (tab 4), a record a review", nil},
	"reviews.pupil-and-parent": {"Reviews (tab 4), enter on the review to correct who took part", nil},
	"notify.la":                {"Notifications (tab 6), m mark sent", nil},
	"oxon.la-copy-2-days":      {"Notifications (tab 6), m mark sent", nil},
	"oxon.attendance-team":     {"Notifications (tab 6), m mark sent", nil},
	"bwmat.governors":          {"Notifications (tab 6), m mark sent", nil},
	"closure.copies":           {"Notifications (tab 6), m mark sent", nil},
}

// whereEntered says where the finding's missing date or name is typed, or
// "" when its fix is not typing one (or it asks for nothing).
func whereEntered(f model.Finding, cs model.Case, templates []FormTemplate) string {
	if !f.Outstanding() {
		return ""
	}
	if f.Rule == "end-date.set" {
		if cs.Status == model.Draft {
			return "enter it: " + detailsKey + ": planned end"
		}
		return "enter it: Overview (tab 1), e extend"
	}
	place, ok := entryPlaces[f.Rule]
	if !ok {
		return ""
	}
	var forms []string
	for _, t := range templates {
		if slices.Contains(place.templates, t.ID()) {
			forms = append(forms, t.Title())
		}
	}
	verb := "enter it: "
	if !strings.HasPrefix(place.where, detailsKey) {
		verb = "record it: " // a review held, a notification sent
	}
	s := verb + place.where
	if len(forms) > 0 {
		s += "; or on Forms (tab 3): " + strings.Join(forms, ", ")
	}
	return s
}
