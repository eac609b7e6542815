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
const pupilColumns = "p.id, p.name, p.dob, p.upn, p.year_group, p.flags"

type scanner interface{ Scan(dest ...any) error }

func scanPupil(r scanner) (model.Pupil, error) {
	var p model.Pupil
	err := r.Scan(&p.ID, &p.Name, date(&p.DateOfBirth), text(&p.UPN), &p.YearGroup, codes(&p.Flags))
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

// SavePupil adds the pupil when p.ID is 0 (and sets p.ID), else updates
// it (ErrNotFound if it has gone). A UPN another pupil has is refused with
// ErrDuplicate.
func (s *Store) SavePupil(ctx context.Context, p *model.Pupil) error {
	saved := p.Cleaned()
	if err := validatePupil(saved); err != nil {
		return err
	}
	err := s.write(ctx, func(c *change) error {
		if saved.ID == 0 {
			return insertPupil(ctx, c, &saved, "create")
		}
		before, err := loadPupil(ctx, c, "id = ?", saved.ID)
		if err != nil {
			return err
		}
		return updatePupil(ctx, c, before, saved, "update")
	})
	if err != nil {
		return fmt.Errorf("save pupil %s: %w", p.Name, err)
	}
	*p = saved // the caller sees what was stored: the ID, the cleaned text
	return nil
}

func insertPupil(ctx context.Context, c *change, p *model.Pupil, action string) error {
	res, err := c.ExecContext(ctx, "INSERT INTO pupils (name, dob, upn, year_group, flags) VALUES (?, ?, ?, ?, ?)",
		p.Name, dateArg(p.DateOfBirth), textArg(p.UPN), string(p.YearGroup), joinCodes(p.Flags))
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
	_, err := c.ExecContext(ctx, "UPDATE pupils SET name = ?, dob = ?, upn = ?, year_group = ?, flags = ? WHERE id = ?",
		p.Name, dateArg(p.DateOfBirth), textArg(p.UPN), string(p.YearGroup), joinCodes(p.Flags), p.ID)
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

// ImportPupils adds or updates pupils from the MIS, all or nothing, and
// says how many it added or changed. Each is matched to a pupil on roll by
// UPN, else by name and date of birth (the same child whose UPN we lacked).
// A matched pupil takes the import's name, date of birth, UPN and year
// group where the import gives them, and keeps its flags, gaining the
// import's: a safeguarding flag is removed only by someone deciding to.
func (s *Store) ImportPupils(ctx context.Context, pupils []model.Pupil) (int, error) {
	pupils = cleanPupils(pupils)
	first := make(map[string]int) // UPN -> the pupil that has it
	for i, p := range pupils {
		if err := validatePupil(p); err != nil {
			return 0, fmt.Errorf("import pupils: pupil %d of %d: %w; nothing was imported", i+1, len(pupils), err)
		}
		// Two children with one UPN would be merged into one, the second
		// renaming the first: refuse the list instead.
		if j, dup := first[p.UPN]; dup && p.UPN != "" {
			return 0, fail(ErrDuplicate, "import pupils: pupil %d of %d (%s) has UPN %s, as pupil %d (%s) does: remove one of them; nothing was imported",
				i+1, len(pupils), p.Name, p.UPN, j+1, pupils[j].Name)
		}
		first[p.UPN] = i
	}
	n := 0
	err := s.write(ctx, func(c *change) error {
		n = 0
		for i, p := range pupils {
			_, changed, err := matchPupil(ctx, c, p, "import")
			if err != nil {
				return fmt.Errorf("pupil %d of %d (%s): %w", i+1, len(pupils), p.Name, err)
			}
			if changed {
				n++
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("import pupils: %w; nothing was imported", err)
	}
	return n, nil
}

// matchPupil finds the pupil on roll that p describes and brings it up to
// date, or adds p. It returns the stored pupil and whether anything changed.
func matchPupil(ctx context.Context, c *change, p model.Pupil, action string) (model.Pupil, bool, error) {
	found, err := findPupil(ctx, c, p)
	switch {
	case errors.Is(err, ErrNotFound):
		p.ID = 0
		err := insertPupil(ctx, c, &p, action)
		return p, err == nil, err
	case err != nil:
		return p, false, err
	}
	merged := mergePupil(found, p)
	if pupilsEqual(found, merged) {
		return found, false, nil
	}
	return merged, true, updatePupil(ctx, c, found, merged, action)
}

func findPupil(ctx context.Context, c *change, p model.Pupil) (model.Pupil, error) {
	if p.UPN != "" {
		found, err := loadPupil(ctx, c, "upn = ?", p.UPN)
		if !errors.Is(err, ErrNotFound) {
			return found, err
		}
	}
	where := "name = ? AND dob IS ?"
	if p.UPN != "" {
		where += " AND upn IS NULL" // a different UPN is a different child
	}
	rows, err := c.QueryContext(ctx, "SELECT "+pupilColumns+" FROM pupils p WHERE "+where+" ORDER BY id", p.Name, dateArg(p.DateOfBirth))
	if err != nil {
		return p, err
	}
	defer rows.Close()
	var matches []model.Pupil
	for rows.Next() {
		m, err := scanPupil(rows)
		if err != nil {
			return p, err
		}
		matches = append(matches, m)
	}
	switch {
	case rows.Err() != nil:
		return p, rows.Err()
	case len(matches) == 0:
		return p, ErrNotFound
	case len(matches) > 1:
		return p, fmt.Errorf("%d pupils on roll are called %s with date of birth %q: add the UPN to say which", len(matches), p.Name, p.DateOfBirth.UK())
	}
	return matches[0], nil
}

func mergePupil(found, p model.Pupil) model.Pupil {
	merged := found
	if p.Name != "" {
		merged.Name = p.Name
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
	return a.ID == b.ID && a.Name == b.Name && a.DateOfBirth.Equal(b.DateOfBirth) && a.UPN == b.UPN &&
		a.YearGroup == b.YearGroup && slices.Equal(a.Flags, b.Flags)
}

// cleanPupils is a sanitised copy of the list (model.Pupil.Cleaned).
func cleanPupils(pupils []model.Pupil) []model.Pupil {
	out := make([]model.Pupil, len(pupils))
	for i, p := range pupils {
		out[i] = p.Cleaned()
	}
	return out
}
