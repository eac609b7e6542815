package forms

import (
	"reintegrate/model"
)

// sampleSchool and sampleCase are a school and a case as the seeds'
// forms would see them, with names that need more than ASCII.
func sampleSchool() model.School {
	s := model.DefaultSchool()
	s.Name = "St Anne's C of E Primary School"
	s.Packs.On = []model.Pack{model.National, model.BWMAT, model.Worcestershire, model.Oxfordshire, model.Havering, model.Hillingdon}
	return s
}

func sampleCase(kind model.Kind) model.Case {
	c := model.Case{
		ID: 7, Kind: kind, Status: model.Draft,
		Pupil: model.Pupil{Name: "Zoë Nguyễn-Łukasz", DateOfBirth: model.MustDate("2013-04-02"),
			YearGroup: "Y8", Flags: []model.Flag{model.ChildInNeed, model.SENSupport}},
		Reasons: []model.Reason{model.MentalHealth},
		Start:   model.MustDate("2026-11-02"), PlannedEnd: model.MustDate("2026-12-11"),
		NamedPerson: "Ms R Khan",
		Involvement: []model.Involvement{{Role: model.SocialWorker, Name: "A Patel"}},
	}
	for i, hours := range [][2]model.Mode{{model.InSchool, model.NoSession}, {model.InSchool, model.HomeLearning}, {model.InSchool, model.InSchool}} {
		w := model.Week{WeekBeginning: c.Start.AddDays(7 * i)}
		for d := range 5 {
			w.Days[d] = [2]model.Session{{Mode: hours[0]}, {Mode: hours[1]}}
		}
		if i == 0 {
			w.Days[0][0] = model.Session{Mode: model.InSchool, Minutes: 150, Partial: true}
			w.Days[4][1] = model.Session{Mode: model.Offsite}
		}
		c.Timetable = append(c.Timetable, w)
	}
	return c
}
