package model

// The national pack: DfE Working together to improve school attendance
// (2024), the 2024 Pupil Registration Regulations, LGSCO (2011), the School
// Admissions Code 2021 and DfE suspension guidance 2024 (RULES.md).
var nationalRules = []Rule{
	{ID: "end-date.set", Pack: National, Severity: Blocker, Source: "WTIA 2024", check: endDateSet},
}

// endDateSet: a part-time plan must have a time limit (WTIA 2024).
func endDateSet(f *facts) verdict {
	if f.c.PlannedEnd.IsZero() {
		return unmet("no planned end date: a reduced timetable must have a time limit")
	}
	return met("planned to end on %s", f.c.End().UK())
}
