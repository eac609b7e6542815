package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"

	"reintegrate/model"
)

// LoadedCase is a case as read from the file: the version to hand back to
// SaveCase or SaveFindings, and (from ActiveCases) the pupil's other plans
// that the repeat rules read, so model.Check needs nothing more.
type LoadedCase struct {
	model.Case
	Version int
	History []model.PastCase
}

const caseColumns = `c.id, c.kind, c.reasons, c.start, c.planned_end, c.status, c.closed, c.outcome,
	c.agreed, c.named_person, c.consent_parent_name, c.consent_relationship,
	c.consent_lives_with_pupil, c.consent_signed, c.consent_authorised_by, c.risk_completed,
	c.risk_significant, c.fair_access_referred, c.place_offered, c.home_learning, c.outcome_note,
	c.closed_by, c.closed_over, c.closed_over_reason, c.version, ` + pupilColumns

func scanCase(r scanner) (LoadedCase, error) {
	var lc LoadedCase
	c := &lc.Case
	dest := []any{&c.ID, &c.Kind, codes(&c.Reasons), date(&c.Start), date(&c.PlannedEnd), &c.Status,
		date(&c.Closed), &c.Outcome, date(&c.Agreed), &c.NamedPerson, &c.Consent.ParentName,
		&c.Consent.Relationship, &c.Consent.LivesWithPupil, date(&c.Consent.Signed),
		&c.Consent.AuthorisedBy, date(&c.RiskAssessment.Completed), &c.RiskAssessment.SignificantRisk,
		date(&c.Referral.FairAccessReferred), date(&c.Referral.PlaceOffered), &c.HomeLearning,
		&c.OutcomeNote, &c.ClosedBy, codes(&c.ClosedOver.Blockers), &c.ClosedOver.Reason, &lc.Version}
	err := r.Scan(append(dest, pupilDest(&c.Pupil)...)...)
	return lc, err
}

// loadCases reads every case matching where (a condition on cases c) with
// all its parts, in one query per table rather than one per case. The
// caller runs it inside a transaction so the parts match the cases.
func loadCases(ctx context.Context, q queryer, withHistory bool, where string, args ...any) ([]LoadedCase, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+caseColumns+
		" FROM cases c JOIN pupils p ON p.id = c.pupil_id WHERE "+where+" ORDER BY c.id", args...)
	if err != nil {
		return nil, err
	}
	var out []LoadedCase
	for rows.Next() {
		lc, err := scanCase(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, lc)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, rows.Err()
	}
	index := make(map[int64]*model.Case, len(out))
	for i := range out {
		index[out[i].ID] = &out[i].Case
	}
	for _, p := range caseParts {
		query := p.query + " WHERE case_id IN (SELECT c.id FROM cases c WHERE " + where + ") ORDER BY " + p.order
		if err := readPart(ctx, q, query, args, p.scan, index); err != nil {
			return nil, err
		}
	}
	if withHistory {
		return out, attachHistory(ctx, q, out, "SELECT c.pupil_id FROM cases c WHERE "+where, args)
	}
	return out, nil
}

func readPart(ctx context.Context, q queryer, query string, args []any, scan func(*sql.Rows, map[int64]*model.Case) error, index map[int64]*model.Case) error {
	return eachRow(ctx, q, query, args, func(rows *sql.Rows) error { return scan(rows, index) })
}

// eachRow runs a query and hands each row to read, stopping at the first
// error.
func eachRow(ctx context.Context, q queryer, query string, args []any, read func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := read(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// caseParts are the tables a case's lists live in, each read in its stored
// order (position, or week beginning for the timetable).
var caseParts = []struct {
	query, order string
	scan         func(*sql.Rows, map[int64]*model.Case) error
}{
	{"SELECT case_id, role, name, agreed, attended_meeting, early_review_asked FROM involvement", "case_id, position",
		func(r *sql.Rows, idx map[int64]*model.Case) error {
			var id int64
			var in model.Involvement
			if err := r.Scan(&id, &in.Role, &in.Name, date(&in.Agreed), &in.AttendedMeeting, &in.EarlyReviewAsked); err != nil {
				return err
			}
			idx[id].Involvement = append(idx[id].Involvement, in)
			return nil
		}},
	{"SELECT case_id, sent_to, what, sent, sent_by FROM notifications", "case_id, position",
		func(r *sql.Rows, idx map[int64]*model.Case) error {
			var id int64
			var n model.Notification
			if err := r.Scan(&id, &n.To, &n.What, date(&n.Sent), &n.SentBy); err != nil {
				return err
			}
			idx[id].Notifications = append(idx[id].Notifications, n)
			return nil
		}},
	{"SELECT case_id, agreed, new_end, reason, parent_agreed FROM extensions", "case_id, position",
		func(r *sql.Rows, idx map[int64]*model.Case) error {
			var id int64
			var e model.Extension
			if err := r.Scan(&id, date(&e.Agreed), date(&e.NewEnd), &e.Reason, &e.ParentAgreed); err != nil {
				return err
			}
			idx[id].Extensions = append(idx[id].Extensions, e)
			return nil
		}},
	{"SELECT case_id, due, held, kind, pupil_views, parent_attended, notes, attended, pupil_views_text, " +
		"parent_views_text, decisions, struck_out, struck_out_reason FROM reviews", "case_id, position", scanReview},
	{"SELECT case_id, template, version, completed, fields FROM forms", "case_id, position", scanForm},
	{"SELECT case_id, week_beginning, sessions FROM weeks", "case_id, week_beginning", scanWeek},
}

func scanReview(r *sql.Rows, idx map[int64]*model.Case) error {
	var id int64
	var v model.Review
	if err := r.Scan(&id, date(&v.Due), date(&v.Held), &v.Kind, &v.PupilViews, &v.ParentAttended, &v.Notes,
		codes(&v.Attended), &v.PupilViewsText, &v.ParentViewsText, &v.Decisions, date(&v.StruckOut.On),
		&v.StruckOut.Reason); err != nil {
		return err
	}
	idx[id].Reviews = append(idx[id].Reviews, v)
	return nil
}

func scanForm(r *sql.Rows, idx map[int64]*model.Case) error {
	var id int64
	var f model.FormRecord
	var fields string
	if err := r.Scan(&id, &f.Template, &f.Version, date(&f.Completed), &fields); err != nil {
		return err
	}
	if err := json.Unmarshal([]byte(fields), &f.Fields); err != nil {
		return fmt.Errorf("case %d: form %s: stored fields are not valid JSON: %w", id, f.Template, err)
	}
	if len(f.Fields) == 0 {
		f.Fields = nil // a form with no fields reads back as it was made
	}
	idx[id].Forms = append(idx[id].Forms, f)
	return nil
}

func scanWeek(r *sql.Rows, idx map[int64]*model.Case) error {
	var id int64
	var w model.Week
	var sessions string
	if err := r.Scan(&id, date(&w.WeekBeginning), &sessions); err != nil {
		return err
	}
	days, err := decodeSessions(sessions)
	if err != nil {
		return fmt.Errorf("case %d: %w", id, err)
	}
	w.Days = days
	idx[id].Timetable = append(idx[id].Timetable, w)
	return nil
}

// pastCasesQuery lists the earlier plans of the pupils a subquery picks:
// the school's own cases that ran (not drafts) and plans recorded elsewhere
// (from a case file's history). A recorded-elsewhere plan has case id 0.
const pastCasesQuery = `SELECT pupil_id, id, kind, reasons, start, closed FROM cases
	WHERE status <> 'draft' AND pupil_id IN (%[1]s)
	UNION ALL SELECT pupil_id, 0, kind, reasons, start, closed FROM past_cases WHERE pupil_id IN (%[1]s)
	ORDER BY 1, 5, 2`

type pastCase struct {
	pupilID, caseID int64
	model.PastCase
}

func readPastCases(ctx context.Context, q queryer, pupils string, args []any) ([]pastCase, error) {
	rows, err := q.QueryContext(ctx, fmt.Sprintf(pastCasesQuery, pupils), slices.Concat(args, args)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []pastCase
	for rows.Next() {
		var p pastCase
		if err := rows.Scan(&p.pupilID, &p.caseID, &p.Kind, codes(&p.Reasons), date(&p.Start), date(&p.Closed)); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// attachHistory gives each loaded case its pupil's other plans.
func attachHistory(ctx context.Context, q queryer, cases []LoadedCase, pupils string, args []any) error {
	past, err := readPastCases(ctx, q, pupils, args)
	if err != nil {
		return err
	}
	byPupil := make(map[int64][]pastCase)
	for _, p := range past {
		byPupil[p.pupilID] = append(byPupil[p.pupilID], p)
	}
	for i := range cases {
		for _, p := range byPupil[cases[i].Pupil.ID] {
			if p.caseID != cases[i].ID {
				cases[i].History = append(cases[i].History, p.PastCase)
			}
		}
	}
	return nil
}
