package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"reintegrate/model"
)

// pupilColumns are a pupil's columns, from pupils p (alone or joined), in
// the order scanPupil and the case queries scan them.
const pupilColumns = "p.id, p.name, p.dob, p.upn, p.year_group, p.flags, p.preferred_name, p.fsm"

type scanner interface{ Scan(dest ...any) error }

// pupilDest is where pupilColumns scan to, for queries that read a pupil
// beside other columns.
func pupilDest(p *model.Pupil) []any {
	return []any{&p.ID, &p.Name, date(&p.DateOfBirth), text(&p.UPN), &p.YearGroup, codes(&p.Flags), &p.PreferredName, &p.FreeSchoolMeals}
}

func scanPupil(r scanner) (model.Pupil, error) {
	var p model.Pupil
	err := r.Scan(pupilDest(&p)...)
	return p, err
}

// Pupil loads one pupil; ErrNotFound when there is none with the id.
func (s *Store) Pupil(ctx context.Context, id int64) (model.Pupil, error) {
	p, err := loadPupil(ctx, s.reader, "id = ?", id)
	if err != nil {
		return p, fmt.Errorf("read pupil %d: %w", id, s.explain(err))
	}
	return p, nil
}

// PupilByUPN finds a pupil by unique pupil number; ErrNotFound when none.
func (s *Store) PupilByUPN(ctx context.Context, upn string) (model.Pupil, error) {
	p, err := loadPupil(ctx, s.reader, "upn = ?", upn)
	if err != nil {
		return p, fmt.Errorf("find the pupil with UPN %s: %w", upn, s.explain(err))
	}
	return p, nil
}

func loadPupil(ctx context.Context, q queryer, where string, args ...any) (model.Pupil, error) {
	p, err := scanPupil(q.QueryRowContext(ctx, "SELECT "+pupilColumns+" FROM pupils p WHERE "+where, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	return p, err
}

// Pupils lists every pupil on roll, sorted by name (accents beside their
// letters).
func (s *Store) Pupils(ctx context.Context) ([]model.Pupil, error) {
	rows, err := s.reader.QueryContext(ctx, "SELECT "+pupilColumns+" FROM pupils p ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("list pupils: %w", s.explain(err))
	}
	defer rows.Close()
	var out []model.Pupil
	for rows.Next() {
		p, err := scanPupil(rows)
		if err != nil {
			return nil, fmt.Errorf("list pupils: %w", err)
		}
		out = append(out, p)
	}
	sortByName(&s.names, out, func(p *model.Pupil) string { return p.Name })
	return out, rows.Err()
}

// SaveOption changes what SavePupil accepts.
type SaveOption int

// AllowLookalike saves a pupil even when another with a name that looks the
// same and the same date of birth is on roll: the person has been asked.
const AllowLookalike SaveOption = 1

// SavePupil adds the pupil when p.ID is 0 (and sets p.ID), else updates
// it (ErrNotFound if it has gone). A UPN another pupil has is refused with
// ErrDuplicate; a name and date of birth that look the same as another
// pupil's (case, accents, lookalike letters) with ErrLookalike, unless
// AllowLookalike, and only when the name or date of birth is new or changed.
func (s *Store) SavePupil(ctx context.Context, p *model.Pupil, opts ...SaveOption) error {
	saved := cleanPupil(*p)
	if err := validatePupil(saved); err != nil {
		return err
	}
	err := s.write(ctx, func(c *change) error {
		var before *model.Pupil
		if saved.ID != 0 {
			b, err := loadPupil(ctx, c, "id = ?", saved.ID)
			if err != nil {
				return err
			}
			before = &b
		}
		if !slices.Contains(opts, AllowLookalike) {
			if err := refuseLookalike(ctx, c, before, saved); err != nil {
				return err
			}
		}
		if before == nil {
			return insertPupil(ctx, c, &saved, "create")
		}
		return updatePupil(ctx, c, *before, saved, "update")
	})
	if err != nil {
		return fmt.Errorf("save pupil %s: %w", saved.Name, err)
	}
	*p = saved // the caller sees what was stored: the ID, the cleaned text
	return nil
}

// refuseLookalike refuses a new name and date of birth that look the same
// as another pupil's.
func refuseLookalike(ctx context.Context, c *change, before *model.Pupil, p model.Pupil) error {
	key := lookalikeKey(p.Name, p.DateOfBirth)
	if p.DateOfBirth.IsZero() || before != nil && lookalikeKey(before.Name, before.DateOfBirth) == key {
		return nil // no date of birth to compare, or nothing new to compare
	}
	r, err := loadRoll(ctx, c)
	if err != nil {
		return err
	}
	for _, i := range r.byKey[key] {
		if q := r.pupils[i]; q.ID != p.ID {
			return fail(ErrLookalike, "%s (%s, born %s%s) is already on roll with a name that looks the same: check it is not the same child before adding another",
				q.Name, q.YearGroup, q.DateOfBirth.UK(), upnPart(q.UPN))
		}
	}
	return nil
}

func upnPart(upn string) string {
	if upn == "" {
		return ""
	}
	return ", UPN " + upn
}

func insertPupil(ctx context.Context, c *change, p *model.Pupil, action string) error {
	res, err := c.ExecContext(ctx, "INSERT INTO pupils (name, dob, upn, year_group, flags, preferred_name, fsm) VALUES (?, ?, ?, ?, ?, ?, ?)",
		p.Name, dateArg(p.DateOfBirth), textArg(p.UPN), string(p.YearGroup), joinCodes(p.Flags), p.PreferredName, p.FreeSchoolMeals)
	if err != nil {
		return duplicateUPN(err, p.UPN)
	}
	if p.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return c.audit("pupil", p.ID, action, nil, p)
}

// updatePupil writes the pupil and clears the findings of the pupil's cases:
// flags decide which professionals must be involved.
func updatePupil(ctx context.Context, c *change, before, p model.Pupil, action string) error {
	_, err := c.ExecContext(ctx, "UPDATE pupils SET name = ?, dob = ?, upn = ?, year_group = ?, flags = ?, preferred_name = ?, fsm = ? WHERE id = ?",
		p.Name, dateArg(p.DateOfBirth), textArg(p.UPN), string(p.YearGroup), joinCodes(p.Flags), p.PreferredName, p.FreeSchoolMeals, p.ID)
	if err != nil {
		return duplicateUPN(err, p.UPN)
	}
	if err := clearFindings(ctx, c, p.ID); err != nil {
		return err
	}
	return c.audit("pupil", p.ID, action, before, p)
}

func duplicateUPN(err error, upn string) error {
	if isUnique(err) {
		return fail(ErrDuplicate, "another pupil already has UPN %s: check the number, or edit that pupil instead", upn)
	}
	return err
}

// clearFindings drops the cached findings of every case of the pupil.
func clearFindings(ctx context.Context, c *change, pupilID int64) error {
	_, err := c.ExecContext(ctx, "DELETE FROM findings_checked WHERE case_id IN (SELECT id FROM cases WHERE pupil_id = ?)", pupilID)
	return err
}

// matchPupil finds the pupil on roll that a case file's pupil describes
// (by UPN, else by name, folded, and date of birth) and brings it up to
// date, or adds p. The name on roll is kept: a case file from another
// setting does not rename a pupil typed here (the pupils import does only
// when asked). It returns the stored pupil.
func matchPupil(ctx context.Context, c *change, p model.Pupil, action string) (model.Pupil, error) {
	found, err := findPupil(ctx, c, p)
	switch {
	case errors.Is(err, ErrNotFound):
		p.ID = 0
		err := insertPupil(ctx, c, &p, action)
		return p, err
	case err != nil:
		return p, err
	}
	merged := mergePupil(found, p)
	if pupilsEqual(found, merged) {
		return found, nil
	}
	return merged, updatePupil(ctx, c, found, merged, action)
}

func findPupil(ctx context.Context, c *change, p model.Pupil) (model.Pupil, error) {
	r, err := loadRoll(ctx, c)
	if err != nil {
		return p, err
	}
	i, refusal := r.match(0, p, ImportOptions{AllowDuplicates: true})
	switch {
	case refusal != nil:
		return p, errors.New(refusal.Message)
	case i < 0:
		return p, ErrNotFound
	}
	return r.pupils[i], nil
}

func mergePupil(found, p model.Pupil) model.Pupil {
	merged := found
	if merged.PreferredName == "" {
		merged.PreferredName = p.PreferredName
	}
	if !p.DateOfBirth.IsZero() {
		merged.DateOfBirth = p.DateOfBirth
	}
	if p.UPN != "" {
		merged.UPN = p.UPN
	}
	if p.YearGroup != "" {
		merged.YearGroup = p.YearGroup
	}
	merged.Flags = slices.Clone(found.Flags)
	for _, f := range p.Flags {
		if !slices.Contains(merged.Flags, f) {
			merged.Flags = append(merged.Flags, f)
		}
	}
	return merged
}

func pupilsEqual(a, b model.Pupil) bool {
	return a.ID == b.ID && a.Name == b.Name && a.PreferredName == b.PreferredName && a.DateOfBirth.Equal(b.DateOfBirth) &&
		a.UPN == b.UPN && a.YearGroup == b.YearGroup && slices.Equal(a.Flags, b.Flags) && a.FreeSchoolMeals == b.FreeSchoolMeals
}

// cleanPupil is the pupil as storage keeps it: its text sanitised
// (model.Pupil.Cleaned), otherwise exactly as given.
func cleanPupil(p model.Pupil) model.Pupil { return p.Cleaned() }
