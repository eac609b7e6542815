package forms

import (
	"slices"
	"strings"

	"reintegrate/model"
)

// Binding ties a field to the case data it is (DESIGN.md, The forms): Fill
// pre-fills the field from the case and the school, Apply writes what was
// typed into the case so the rules see it. A blank field leaves the case as
// it is: a form never erases what the case already knows.
type Binding struct {
	Case  string // the case data, in the case file's words ("start", "consent.signed")
	Fill  func(c model.Case, s model.School, v Value)
	Apply func(c *model.Case, v Value)
}

// pupilNameDOB fills the seeds' "Name and DOB" cells.
var pupilNameDOB = &Binding{Case: "pupil.name, pupil.date_of_birth",
	Fill: func(c model.Case, _ model.School, v Value) {
		s := c.Pupil.Name
		if !c.Pupil.DateOfBirth.IsZero() {
			s += ", " + c.Pupil.DateOfBirth.UK()
		}
		v.Set("", s)
	}}

var pupilName = &Binding{Case: "pupil.name",
	Fill: func(c model.Case, _ model.School, v Value) { v.Set("", c.Pupil.Name) }}

var pupilDOB = &Binding{Case: "pupil.date_of_birth",
	Fill: func(c model.Case, _ model.School, v Value) { v.Set("", c.Pupil.DateOfBirth.String()) }}

var pupilYear = &Binding{Case: "pupil.year_group",
	Fill: func(c model.Case, _ model.School, v Value) { v.Set("", string(c.Pupil.YearGroup)) }}

// pupilSEND fills the SEND status from the pupil's flags.
var pupilSEND = &Binding{Case: "pupil.flags (ehcp, sen_support)",
	Fill: func(c model.Case, _ model.School, v Value) {
		switch {
		case c.Pupil.Has(model.EHCP):
			v.Set("", "EHCP")
		case c.Pupil.Has(model.SENSupport):
			v.Set("", "SEN support")
		}
	}}

// pupilLAC fills a looked-after status from the flags.
var pupilLAC = &Binding{Case: "pupil.flags (looked_after, previously_looked_after)",
	Fill: func(c model.Case, _ model.School, v Value) {
		switch {
		case c.Pupil.Has(model.LookedAfter):
			v.Set("", model.LookedAfter.Label())
		case c.Pupil.Has(model.PreviouslyLookedAfter):
			v.Set("", model.PreviouslyLookedAfter.Label())
		}
	}}

var schoolName = &Binding{Case: "school.name",
	Fill: func(_ model.Case, s model.School, v Value) { v.Set("", s.Name) }}

// caseDate binds a date of the case.
func caseDate(name string, get func(model.Case) model.Date, set func(*model.Case, model.Date)) *Binding {
	return &Binding{Case: name,
		Fill: func(c model.Case, _ model.School, v Value) { v.Set("", get(c).String()) },
		Apply: func(c *model.Case, v Value) {
			if d := v.Date(""); !d.IsZero() {
				set(c, d)
			}
		}}
}

var (
	caseStart = caseDate("start", func(c model.Case) model.Date { return c.Start },
		func(c *model.Case, d model.Date) { c.Start = d })
	casePlannedEnd = caseDate("planned_end", func(c model.Case) model.Date { return c.PlannedEnd },
		func(c *model.Case, d model.Date) { c.PlannedEnd = d })
	caseAgreed = caseDate("agreed", func(c model.Case) model.Date { return c.Agreed },
		func(c *model.Case, d model.Date) { c.Agreed = d })
	riskCompleted = caseDate("risk_assessment.completed", func(c model.Case) model.Date { return c.RiskAssessment.Completed },
		func(c *model.Case, d model.Date) { c.RiskAssessment.Completed = d })
	consentSigned = caseDate("consent.signed", func(c model.Case) model.Date { return c.Consent.Signed },
		func(c *model.Case, d model.Date) { c.Consent.Signed = d })
	fairAccessReferred = caseDate("referral.fair_access_referred", func(c model.Case) model.Date { return c.Referral.FairAccessReferred },
		func(c *model.Case, d model.Date) { c.Referral.FairAccessReferred = d })
	placeOffered = caseDate("referral.place_offered", func(c model.Case) model.Date { return c.Referral.PlaceOffered },
		func(c *model.Case, d model.Date) { c.Referral.PlaceOffered = d })
)

// caseText binds a line of text of the case.
func caseText(name string, get func(model.Case) string, set func(*model.Case, string)) *Binding {
	return &Binding{Case: name,
		Fill: func(c model.Case, _ model.School, v Value) { v.Set("", get(c)) },
		Apply: func(c *model.Case, v Value) {
			if s := v.Get(""); s != "" {
				set(c, s)
			}
		}}
}

var (
	namedPerson = caseText("named_person", func(c model.Case) string { return c.NamedPerson },
		func(c *model.Case, s string) { c.NamedPerson = s })
	homeLearning = caseText("home_learning", func(c model.Case) string { return c.HomeLearning },
		func(c *model.Case, s string) { c.HomeLearning = s })
	consentParent = caseText("consent.parent_name", func(c model.Case) string { return c.Consent.ParentName },
		func(c *model.Case, s string) { c.Consent.ParentName = s })
	consentRelationship = caseText("consent.relationship", func(c model.Case) string { return c.Consent.Relationship },
		func(c *model.Case, s string) { c.Consent.Relationship = s })
)

// caseYesNo binds a yes/no of the case; only an answer changes it.
func caseYesNo(name string, get func(model.Case) bool, set func(*model.Case, bool)) *Binding {
	return &Binding{Case: name,
		Fill: func(c model.Case, _ model.School, v Value) {
			if get(c) {
				v.Set("", "yes")
			}
		},
		Apply: func(c *model.Case, v Value) {
			switch v.Get("") {
			case "yes":
				set(c, true)
			case "no":
				set(c, false)
			}
		}}
}

var (
	consentLivesWith = caseYesNo("consent.lives_with_pupil", func(c model.Case) bool { return c.Consent.LivesWithPupil },
		func(c *model.Case, b bool) { c.Consent.LivesWithPupil = b })
	significantRisk = &Binding{Case: "risk_assessment.significant_risk",
		Fill: func(c model.Case, _ model.School, v Value) {
			if !c.RiskAssessment.Completed.IsZero() {
				v.Set("", yesNo(c.RiskAssessment.SignificantRisk))
			}
		},
		Apply: caseYesNo("", nil, func(c *model.Case, b bool) { c.RiskAssessment.SignificantRisk = b }).Apply}
)

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// pupilFlag binds a yes/no to the pupil's flags: yes sets the first flag
// unless one of them is already set ("Looked After Child (or previously
// looked after)" keeps a previously looked after pupil so), no clears them.
func pupilFlag(flags ...model.Flag) *Binding {
	return &Binding{Case: "pupil.flags (" + string(flags[0]) + ")",
		Fill: func(c model.Case, _ model.School, v Value) { v.Set("", yesNo(c.Pupil.Has(flags...))) },
		Apply: func(c *model.Case, v Value) {
			switch v.Get("") {
			case "yes":
				if !c.Pupil.Has(flags...) {
					c.Pupil.Flags = append(slices.Clone(c.Pupil.Flags), flags[0])
				}
			case "no":
				c.Pupil.Flags = slices.DeleteFunc(slices.Clone(c.Pupil.Flags), func(f model.Flag) bool {
					return slices.Contains(flags, f)
				})
			}
		}}
}

// caseReasons binds a tick-all-that-apply list whose values are model.Reason.
var caseReasons = &Binding{Case: "reasons",
	Fill: func(c model.Case, _ model.School, v Value) {
		var out []string
		for _, r := range c.Reasons {
			out = append(out, string(r))
		}
		v.Set("", strings.Join(out, "\n"))
	},
	Apply: func(c *model.Case, v Value) {
		if v.Get("") == "" {
			return
		}
		var rs []model.Reason
		for _, s := range strings.Split(v.Get(""), "\n") {
			if r := model.Reason(s); slices.Contains(model.Reasons, r) {
				rs = append(rs, r)
			}
		}
		c.Reasons = rs
	}}

// outcome records the plan's outcome once the field is filled.
func outcome(value model.Outcome) *Binding {
	return &Binding{Case: "outcome",
		Apply: func(c *model.Case, v Value) {
			if v.Get("") != "" {
				c.Outcome = value
			}
		}}
}

// notified binds a date to the first notification of the case to someone.
func notified(to model.Role, what string) *Binding {
	return &Binding{Case: "notifications (" + string(to) + ", " + what + ")",
		Fill: func(c model.Case, _ model.School, v Value) {
			if n, ok := c.NotifiedFirst(to, what); ok {
				v.Set("", n.Sent.String())
			}
		},
		Apply: func(c *model.Case, v Value) {
			sent := v.Date("")
			if sent.IsZero() {
				return
			}
			for _, n := range c.Notifications {
				if n.To == to && n.What == what && n.Sent.Equal(sent) {
					return
				}
			}
			c.Notifications = append(slices.Clone(c.Notifications), model.Notification{To: to, Sent: sent, What: what})
		}}
}
