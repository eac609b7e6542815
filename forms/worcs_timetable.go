package forms

import "reintegrate/model"

// newWorcsTimetable builds 001 "Reintegration Timetable": the week-by-week
// grid of am and pm sessions, Monday to Friday, with each week's Time in
// Education, printed as the seed lays it out from the case's timetable
// (edited on the timetable grid, as every form's timetable is). The seed's
// page names no pupil; the forms' own "Child/YP's Name and DOB" heads it so
// a printed copy says whose it is.
func newWorcsTimetable() *Template {
	return &Template{
		ID: model.TemplateWorcsTimetable, Title: "Reintegration Timetable",
		Pack: model.Worcestershire, Source: "001 Reintegration Timetable",
		Kinds: []model.Kind{model.APReintegration},
		Sections: []Section{{Fields: []Field{
			short("pupil", "Child/YP's Name and DOB").req().bound(pupilNameDOB).hint(nameDOBHint),
			timetable("").req(),
		}}},
	}
}
