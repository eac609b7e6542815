package forms

import "reintegrate/model"

// The templates by name that tests use, looked up once.
var (
	bwmatPlan              = mustLookup(model.TemplateBWMATPlan)
	bwmatRiskAssessment    = mustLookup(model.TemplateBWMATRiskAssessment)
	haveringPlan           = mustLookup(model.TemplateHaveringPlan)
	hillingdonPlacement    = mustLookup(model.TemplateHillingdonPlacement)
	oxonPlan               = mustLookup(model.TemplateOxonPlan)
	worcsConsent           = mustLookup(model.TemplateWorcsConsent)
	worcsTimetable         = mustLookup(model.TemplateWorcsTimetable)
	worcsInitialMeeting    = mustLookup(model.TemplateWorcsInitialMeeting)
	worcsOutcomeSuccessful = mustLookup(model.TemplateWorcsOutcomeSuccessful)
	worcsReview            = mustLookup(model.TemplateWorcsReview)
)

func mustLookup(id string) *Template {
	t, ok := Lookup(id)
	if !ok {
		panic("no template " + id)
	}
	return t
}
