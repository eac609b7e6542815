package forms

import "reintegrate/model"

// newHillingdonPlacement builds 004's AP placement plan: how long the placement
// is intended to last, the return planned from its start, weekly contact
// with the home school, and for Key Stage 4 the planned September
// destination.
func newHillingdonPlacement() *Template {
	return &Template{
		ID: model.TemplateHillingdonPlacement, Title: "Alternative provision placement and reintegration plan",
		Pack: model.Hillingdon, Source: "004",
		Kinds: []model.Kind{model.APReintegration},
		Sections: []Section{
			{Fields: []Field{
				short("pupil", "Pupil's name and date of birth").req().bound(pupilNameDOB).hint(nameDOBHint),
				short("year_group", "Year group").bound(pupilYear),
				short("home_school", "Home school").bound(schoolName),
				short("provision", "Alternative provision").req().bound(involvementName(model.APSetting)),
				choice("registered", "Registered or unregistered alternative provision",
					[]string{"Registered", "Unregistered"}, []string{"registered", "unregistered"}),
			}},
			{Title: "The placement", Fields: []Field{
				date(model.FieldPlacementStart, "Start of the placement").req(),
				short("intended_length", "The length of time an alternative provision is intended to last").req(),
				date(model.FieldPlacementEnd, "Planned end of the placement"),
				long(model.FieldReturnPlan, "The reintegration plan, planned from the start of the placement").req(),
				long("longer_term", "Clear plans at the start of the placement for the longer-term provision"),
			}},
			{Title: "Weekly contact with the home school", Fields: []Field{
				note("Ensuring the child understands that they remain a pupil of the home school and keeps in regular weekly contact with the home school is vital for maintaining trust and relationships."),
				{Key: model.FieldContactLog, Title: "Contact log: one contact a line, starting with its date", Kind: LongText, Lines: 6,
					DatedLines: true, Help: "For example: 04/11/2026 phone call with form tutor"},
			}},
			{Title: "The child's return", Fields: []Field{
				long("targets", "Be clear in expectations for the child's return but be realistic in their targets"),
				long("adjustments", "A clear plan of support and reasonable adjustments for the return"),
			}},
			{Title: "Key Stage 4", Fields: []Field{
				long(model.FieldSeptemberDestination, "Post 16 options and the planned September destination").
					help("Suitable education, or employment alongside part-time study or training.").
					neededWhen(func(c model.Case) (string, bool) {
						return "the pupil is in Key Stage 4", c.Pupil.YearGroup == "Y10" || c.Pupil.YearGroup == "Y11"
					}),
				long("ks4_support", "What support they need and from whom"),
				yesno("post16_team", "Hillingdon's Post 16 team involved?"),
			}},
			{Fields: []Field{
				signature(model.FieldSchoolSigned, "Home school"),
				signature(model.FieldAPSigned, "Alternative provision"),
				signature(model.FieldParentSigned, "Parent/carer"),
				signature(model.FieldChildSigned, "Pupil"),
			}},
		},
		Checks: []Check{inOrder(model.FieldPlacementStart, model.FieldPlacementEnd, "planned end")},
	}
}
