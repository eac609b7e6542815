package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"reintegrate/model"
)

// ImportCaseFile stores a case file's pupil, earlier plans and case, all or
// nothing, and returns the new case's id (its version is 1). The pupil is
// matched to one on roll as ImportPupils does (UPN, else name and date of
// birth) or added. Importing a case the pupil already has (same kind and
// start) is refused with ErrDuplicate, so a file imported twice is not two
// cases.
func (s *Store) ImportCaseFile(ctx context.Context, cf model.CaseFile) (int64, error) {
	c := cf.Case.Cleaned()
	cf.Pupil = cleanPupil(cf.Pupil)
	c.ID = 0
	if c.Status == "" {
		c.Status = model.Draft
	}
	if err := validatePupil(cf.Pupil); err != nil {
		return 0, fmt.Errorf("import case file: %w; nothing was imported", err)
	}
	if err := validateCaseDetails(c); err != nil {
		return 0, fmt.Errorf("import case file for %s: %w; nothing was imported", cf.Pupil.Name, err)
	}
	err := s.write(ctx, func(ch *change) error {
		pupil, err := matchPupil(ctx, ch, cf.Pupil, "import")
		if err != nil {
			return err
		}
		c.Pupil = pupil
		if err := refuseSameCase(ctx, ch, c); err != nil {
			return err
		}
		if err := importHistory(ctx, ch, pupil, cf.History); err != nil {
			return err
		}
		return createCase(ctx, ch, &c, "import")
	})
	if err != nil {
		return 0, fmt.Errorf("import case file for %s: %w; nothing was imported", cf.Pupil.Name, err)
	}
	return c.ID, nil
}

func refuseSameCase(ctx context.Context, ch *change, c model.Case) error {
	var id int64
	err := ch.QueryRowContext(ctx, "SELECT id FROM cases WHERE pupil_id = ? AND kind = ? AND start IS ?",
		c.Pupil.ID, string(c.Kind), dateArg(c.Start)).Scan(&id)
	if err == nil {
		return fail(ErrDuplicate, "%s already has this %s starting %s as case %d: open that case instead",
			c.Pupil.Name, c.Kind.Label(), c.Start.UK(), id)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	return err
}

// importHistory records the plans the file says the pupil had elsewhere,
// skipping any already recorded, and notes them in the pupil's audit trail.
func importHistory(ctx context.Context, ch *change, pupil model.Pupil, history []model.PastCase) error {
	var added []model.PastCase
	for _, h := range history {
		if err := known("earlier plan kind", []model.Kind{h.Kind}, model.Kinds); err != nil {
			return err
		}
		if err := known("earlier plan reason", h.Reasons, model.Reasons); err != nil {
			return err
		}
		res, err := ch.ExecContext(ctx, `INSERT INTO past_cases (pupil_id, kind, reasons, start, closed)
			SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS (SELECT 1 FROM past_cases WHERE pupil_id = ?1
			AND kind = ?2 AND reasons = ?3 AND start IS ?4 AND closed IS ?5)`,
			pupil.ID, string(h.Kind), joinCodes(h.Reasons), dateArg(h.Start), dateArg(h.Closed))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n > 0 {
			added = append(added, h)
		}
	}
	if len(added) == 0 {
		return nil
	}
	return ch.audit("pupil", pupil.ID, "import-history", nil, added)
}
