package forms

import "reintegrate/model"

// The templates by name, for tests: the ones the product uses (all),
// looked up once.
var (
	bwmatPlan                = mustLookup(model.TemplateBWMATPlan)
	bwmatRiskAssessment      = mustLookup(model.TemplateBWMATRiskAssessment)
	haveringPlan             = mustLookup(model.TemplateHaveringPlan)
	hillingdonPlacement      = mustLookup(model.TemplateHillingdonPlacement)
	oxonPlan                 = mustLookup(model.TemplateOxonPlan)
	worcsConsent             = mustLookup(model.TemplateWorcsConsent)
	worcsFailedLetter        = mustLookup(model.TemplateWorcsFailedLetter)
	worcsInformation         = mustLookup(model.TemplateWorcsInformation)
	worcsInitialMeeting      = mustLookup(model.TemplateWorcsInitialMeeting)
	worcsOutcomeSuccessful   = mustLookup(model.TemplateWorcsOutcomeSuccessful)
	worcsOutcomeUnsuccessful = mustLookup(model.TemplateWorcsOutcomeUnsuccessful)
	worcsReview              = mustLookup(model.TemplateWorcsReview)
	worcsViews               = mustLookup(model.TemplateWorcsViews)
)

func mustLookup(id string) *Template {
	t, ok := Lookup(id)
	if !ok {
		panic("no template " + id)
	}
	return t
}
