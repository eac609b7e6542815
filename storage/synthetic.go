package storage

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"

	"reintegrate/model"
)

// GenerateSynthetic fills the store with made-up pupils and active cases for
// benchmarks and load tests: pupils pupils (names with accents among them,
// every year group, some flags) and activeCases active cases, each running
// about twelve weeks around the store's clock (Options.Now) with a stepped
// timetable, so that `today` finds them all. The same seed gives the same
// data.
//
// It is fast by design: one transaction, prepared statements, and no audit
// rows. The audit log records what people did; synthetic bulk data is not
// that, and 10,000 audit rows would only slow the benchmark it serves.
// Never use it on a school's real database.
func GenerateSynthetic(ctx context.Context, s *Store, pupils, activeCases int, seed int64) error {
	if pupils < 1 || activeCases < 0 || activeCases > pupils {
		return fmt.Errorf("generate sample data: want at least one pupil and no more cases (%d) than pupils (%d)", activeCases, pupils)
	}
	g := synthetic{rng: rand.New(rand.NewPCG(uint64(seed), 0x5EED)), today: model.DateOf(s.now())}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		ids, err := g.pupils(ctx, tx, pupils)
		if err != nil {
			return err
		}
		return g.cases(ctx, tx, ids[:activeCases], s.stamp())
	})
	if err != nil {
		return fmt.Errorf("generate sample data: %w", err)
	}
	return nil
}

type synthetic struct {
	rng   *rand.Rand
	today model.Date
}

var (
	syntheticFirst = []string{"Zoë", "Łukasz", "Aoife", "Mohammed", "Olivia", "Nguyễn", "Chloé", "Oliver",
		"Amelia", "Jakub", "Isla", "Kacper", "Siân", "Renée", "Dylan", "Aisha", "Noah", "Maja"}
	syntheticLast = []string{"Smith", "Kowalski", "Ó Briain", "Khan", "Jones", "Trần", "Müller", "Williams",
		"Brown", "Wiśniewski", "Taylor", "Evans", "Öztürk", "Davies", "Patel", "Nowak", "Wilson", "Ahmed"}
	syntheticYears = model.YearGroups[2:14] // Reception to Y11: the compulsory school years
)

func (g *synthetic) pupils(ctx context.Context, tx *sql.Tx, n int) ([]int64, error) {
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO pupils (name, dob, upn, year_group, flags) VALUES (?, ?, ?, ?, ?)")
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	ids := make([]int64, n)
	for i := range n {
		name := syntheticFirst[g.rng.IntN(len(syntheticFirst))] + " " + syntheticLast[g.rng.IntN(len(syntheticLast))]
		year := g.rng.IntN(len(syntheticYears))
		dob := g.today.AddDays(-365*(year+5) - g.rng.IntN(365))
		var flags []model.Flag
		if g.rng.IntN(5) == 0 {
			flags = append(flags, model.Flags[g.rng.IntN(len(model.Flags))])
		}
		res, err := stmt.ExecContext(ctx, name, dob.String(), fmt.Sprintf("S%012d", i+1),
			string(syntheticYears[year]), joinCodes(flags))
		if err != nil {
			return nil, err
		}
		if ids[i], err = res.LastInsertId(); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

func (g *synthetic) cases(ctx context.Context, tx *sql.Tx, pupils []int64, stamp string) error {
	insert, err := tx.PrepareContext(ctx, insertCase)
	if err != nil {
		return err
	}
	defer insert.Close()
	week, err := tx.PrepareContext(ctx, "INSERT INTO weeks (case_id, week_beginning, sessions) VALUES (?, ?, ?)")
	if err != nil {
		return err
	}
	defer week.Close()
	for _, pupil := range pupils {
		c := g.plan(pupil)
		res, err := insert.ExecContext(ctx, append(caseArgs(c), stamp, stamp)...)
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		for _, w := range c.Timetable {
			if _, err := week.ExecContext(ctx, id, w.WeekBeginning.String(), encodeSessions(w.Days)); err != nil {
				return err
			}
		}
	}
	return nil
}

// plan is a twelve-week reduced timetable that began up to eleven weeks
// ago and steps up from mornings only to full days.
func (g *synthetic) plan(pupil int64) model.Case {
	start := g.today.Monday().AddDays(-7 * g.rng.IntN(11))
	c := model.Case{Pupil: model.Pupil{ID: pupil}, Kind: model.Kinds[g.rng.IntN(len(model.Kinds))],
		Reasons: []model.Reason{model.Reasons[g.rng.IntN(len(model.Reasons))]}, Start: start,
		PlannedEnd: start.AddDays(7*12 - 3), Status: model.Active, Agreed: start.AddDays(-3),
		NamedPerson: "Ms R Khan", HomeLearning: "Work set on the class page, marked weekly"}
	for w := range 12 {
		week := model.Week{WeekBeginning: start.AddDays(7 * w)}
		inSchool := 5 + w // sessions in school, mornings first
		for i := range 10 {
			day, half := i%5, model.Half(i/5)
			switch {
			case i < inSchool:
				week.Days[day][half] = model.Session{Mode: model.InSchool}
			case i == inSchool:
				week.Days[day][half] = model.Session{Mode: model.InSchool, Minutes: 60 + g.rng.IntN(60), Partial: true}
			default:
				week.Days[day][half] = model.Session{Mode: model.HomeLearning}
			}
		}
		c.Timetable = append(c.Timetable, week)
	}
	return c
}
