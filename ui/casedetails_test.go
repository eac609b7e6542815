package ui

import (
	"strings"
	"testing"

	"reintegrate/model"
)

// School Admissions Code 2021 (001): the offer of a place is due within 20
// school days of the Fair Access referral. With no referral date the
// finding asks for it and says where in the app it is typed; typed there
// (c on the Overview), the finding is worked out from it.
func TestFindingSaysWhereAndTheDetailsFormTakesIt(t *testing.T) {
	d := newDriver(t, 120, 40, true)
	d.keys("c", "lukasz", "enter", "2")
	d.mustSee("no Fair Access referral date",
		"enter it: Overview (tab 1), c case details: Fair Access referral and place offered")
	d.keys("1", "c")
	d.mustSee("Consent (reg 11(6) and 11(1) 2024 Regs)", "Parent or carer who agreed in writing")
	d.keys("enter", "enter", "enter", "enter", "enter") // the consent as recorded
	d.keys("enter", "enter", "enter", "enter", "enter") // the plan as recorded
	d.mustSee("Referred to the Fair Access panel on (DD/MM/YYYY)")
	d.keys("05/11/2026", "enter")
	d.mustSee("Referred to Fair Access on: 05/11/2026 is in the future (today is 04/11/2026): type the date it was referred")
	clearInput(d)
	d.keys("13/10/2026", "enter", "12/10/2026", "enter")
	d.mustSee("School place offered on: 12/10/2026 is before the referral on 13/10/2026")
	clearInput(d)
	d.keys("20/10/2026", "enter")
	d.mustSee("Case details saved.")
	got := caseOf(t, d, "Łukasz Nowak").Referral
	if !got.FairAccessReferred.Equal(date("2026-10-13")) || !got.PlaceOffered.Equal(date("2026-10-20")) {
		t.Fatalf("referral = %+v; want referred 13/10/2026, offered 20/10/2026", got)
	}
	d.keys("2")
	d.mustSee("offer of a school place on 20/10/2026")
	d.mustNotSee("enter it: Overview (tab 1), c case details: Fair Access")
}

// reg 11(1): who authorised the leave. The hint names the case details and
// the case's own protocol forms that record it too (002 appendix 1's
// school representative).
func TestWhereEnteredNamesTheFormsToo(t *testing.T) {
	cs := model.Case{Kind: model.ReducedTimetable, Status: model.Active}
	packs := model.Packs{On: []model.Pack{model.National, model.BWMAT}}
	templates := protocolForms{}.ForCase(cs, packs)
	var plan string
	for _, tmpl := range templates {
		if tmpl.ID() == model.TemplateBWMATPlan {
			plan = tmpl.Title()
		}
	}
	if plan == "" {
		t.Fatal("no BWMAT plan among the case's forms")
	}
	f := model.Finding{Rule: "consent.authorised-by", Status: model.Unmet, Severity: model.Warning}
	got := whereEntered(f, cs, templates)
	if !strings.HasPrefix(got, "enter it: Overview (tab 1), c case details: leave authorised by; or on Forms (tab 3): ") ||
		!strings.Contains(got, plan) {
		t.Errorf("where = %q", got)
	}
	f.Status = model.Met
	if got := whereEntered(f, cs, templates); got != "" {
		t.Errorf("a met finding says where: %q", got)
	}
	end := model.Finding{Rule: "end-date.set", Status: model.Unmet}
	if got := whereEntered(end, model.Case{Status: model.Active}, nil); got != "enter it: Overview (tab 1), e extend" {
		t.Errorf("end date of an active plan: %q", got)
	}
}
