package forms

import "reintegrate/model"

// newWorcsViews builds 001 "Views of the Child/Young Person and their family",
// gathered before the Initial Meeting and at each review (001 process 3, 6).
func newWorcsViews() *Template {
	return &Template{
		ID: model.TemplateWorcsViews, Title: "Views of the Child/Young Person and their family",
		Pack: model.Worcestershire, Source: "001 Views of the Child/Young Person and their family; process 3, 6",
		Kinds:   []model.Kind{model.APReintegration},
		Repeats: true,
		Sections: []Section{{Fields: []Field{
			note("Being reintegrated back into a mainstream school provides you with an opportunity for a fresh start, learning from the mistakes that have happened in the past. This application provides your new school with an understanding of you and what you want to achieve in the future so that you can make the best possible start. The views of the child or young person and their family should be gathered at each review meeting."),
			short("pupil", "Name and DOB").req().bound(pupilNameDOB).hint(nameDOBHint),
			date("date", "Date").req().dated(),
			long("background", "Background information you wish to share with your potential new school:"),
			long("good_at", "The things I am good at or interest me most are:"),
			long("challenges", "The things I find challenging and what support I think I need with those challenges:"),
			long("support", "I think this new school could support me by:"),
			long("aspirations", "Aspirations, what I hope to achieve:"),
			signature(model.FieldChildSigned, "Signature/Name of Child", col("name", "Name:"), signCol("Signature:")),
		}}},
	}
}
