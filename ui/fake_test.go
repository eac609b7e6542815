package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"charm.land/huh/v2"

	"reintegrate/model"
	"reintegrate/storage"
)

// fakeStore is an in-memory Store for the screens' tests: whole cases in a
// map, versions counted, an audit row per change.
type fakeStore struct {
	mu      sync.Mutex
	school  model.School
	pupils  []model.Pupil
	cases   map[int64]*fakeCase
	history map[int64][]model.PastCase // by pupil
	nextID  int64
	saveErr error // returned by SaveCase when set
	// check is the rule engine Duties runs; nil is model.Check.
	check     func(model.Case, []model.PastCase, *model.Calendar, model.Packs, model.Date) []model.Finding
	dutiesErr error
	notCached error // what Duties says of its cache
	saves     int
	lastSave  model.Case
}

type fakeCase struct {
	c       model.Case
	version int
	audit   []AuditEntry
}

func newFakeStore(school model.School) *fakeStore {
	return &fakeStore{school: school, cases: map[int64]*fakeCase{}, history: map[int64][]model.PastCase{}, nextID: 1}
}

func (f *fakeStore) addPupil(p model.Pupil) model.Pupil {
	f.mu.Lock()
	defer f.mu.Unlock()
	p.ID = f.nextID
	f.nextID++
	f.pupils = append(f.pupils, p)
	return p
}

func (f *fakeStore) addCase(c model.Case) model.Case {
	f.mu.Lock()
	defer f.mu.Unlock()
	c.ID = f.nextID
	f.nextID++
	at := time.Date(2026, 10, 30, 9, 15, 0, 0, time.UTC)
	f.cases[c.ID] = &fakeCase{c: c, version: 1, audit: []AuditEntry{{ID: 1, At: at, User: "rkhan",
		Entity: "case", EntityID: c.ID, Action: "create", Before: []byte("null"), After: []byte(`{"Kind":"x"}`)}}}
	return c
}

// sorted returns the cases in id order, so lists are stable.
func (f *fakeStore) sorted() []*fakeCase {
	ids := make([]int64, 0, len(f.cases))
	for id := range f.cases {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	out := make([]*fakeCase, len(ids))
	for i, id := range ids {
		out[i] = f.cases[id]
	}
	return out
}

func (f *fakeStore) Today(_ context.Context, on model.Date) ([]TodayEntry, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []TodayEntry
	for _, fc := range f.sorted() {
		c := fc.c
		if c.Status != model.Active || on.Before(c.Start) || (!c.End().IsZero() && on.After(c.End())) {
			continue
		}
		e := TodayEntry{CaseID: c.ID, Kind: c.Kind, Pupil: c.Pupil}
		if w, ok := c.WeekFor(on); ok && on.Weekday() != time.Saturday && on.Weekday() != time.Sunday {
			day := (int(on.Weekday()) + 6) % 7
			e.AM, e.PM, e.Planned = w.Days[day][model.AM], w.Days[day][model.PM], true
		}
		out = append(out, e)
	}
	return out, nil
}

// ReportCases is what the real store gives a report: every active case,
// and the closed ones that started within a year before the period.
func (f *fakeStore) ReportCases(_ context.Context, from, to model.Date) ([]model.Case, map[int64][]model.PastCase, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var cases []model.Case
	history := map[int64][]model.PastCase{}
	for _, fc := range f.sorted() {
		c := fc.c
		recent := !c.Start.IsZero() && !c.Start.After(to) && !c.Start.Before(from.AddDays(-366))
		if c.Status == model.Active || (c.Status == model.Closed && recent) {
			cases = append(cases, c)
			history[c.Pupil.ID] = append(history[c.Pupil.ID], f.history[c.Pupil.ID]...)
		}
	}
	return cases, history, nil
}

func (f *fakeStore) ActiveCases(context.Context) ([]ActiveCase, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []ActiveCase
	for _, fc := range f.sorted() {
		if fc.c.Status == model.Active {
			out = append(out, ActiveCase{Case: fc.c, History: f.history[fc.c.Pupil.ID]})
		}
	}
	return out, nil
}

// Duties runs the rules over the active cases as the real store does on a
// cold cache (the pinned rules when a test pins them), the duties in the
// daily list's order (storage.DutyListOf): blockers, then overdue, then
// due, by deadline, then by name.
func (f *fakeStore) Duties(ctx context.Context, on model.Date) (DutyList, error) {
	cases, _ := f.ActiveCases(ctx)
	check := f.check
	if check == nil {
		check = model.Check
	}
	cal := f.school.Calendar()
	var out []Duty
	for _, cs := range cases {
		for _, fd := range check(cs.Case, cs.History, cal, f.school.Packs, on) {
			if fd.Status == model.Due || fd.Status == model.Overdue || fd.Blocks() {
				out = append(out, Duty{CaseID: cs.ID, Pupil: cs.Pupil.Name, Finding: fd})
			}
		}
	}
	list := storage.DutyListOf(out)
	list.NotCached = f.notCached
	return list, f.dutiesErr
}

func (f *fakeStore) Cases(_ context.Context, filter CaseFilter) ([]CaseSummary, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []CaseSummary
	for _, fc := range f.sorted() {
		if !filter.All && fc.c.Status == model.Closed {
			continue
		}
		out = append(out, summarise(fc.c, fc.version, filter.On))
	}
	return out, nil
}

func (f *fakeStore) Case(_ context.Context, id int64) (model.Case, int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fc, ok := f.cases[id]
	if !ok {
		return model.Case{}, 0, fmt.Errorf("case %d: not found", id)
	}
	return fc.c, fc.version, nil
}

func (f *fakeStore) SaveCase(_ context.Context, c model.Case, version int) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.saveErr != nil {
		return 0, f.saveErr
	}
	fc, ok := f.cases[c.ID]
	if !ok {
		return 0, fmt.Errorf("save case %d: not found", c.ID)
	}
	if fc.version != version {
		return 0, fmt.Errorf("case %d was changed elsewhere; reload it: %w", c.ID, ErrConflict)
	}
	fc.c, fc.version = c, fc.version+1
	f.saves++
	f.lastSave = c
	return fc.version, nil
}

func (f *fakeStore) CreateCase(_ context.Context, c *model.Case) error {
	f.mu.Lock()
	c.ID = f.nextID
	f.nextID++
	f.cases[c.ID] = &fakeCase{c: *c, version: 1}
	f.mu.Unlock()
	return nil
}

func (f *fakeStore) Pupils(context.Context) ([]model.Pupil, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.pupils), nil
}

// SavePupil adds or updates, refusing a UPN another pupil has as storage
// does, and a new pupil whose name (case and accents folded) and date of
// birth are another's unless AllowLookalike: storage's own check also
// folds lookalike letters (tested there).
func (f *fakeStore) SavePupil(_ context.Context, p *model.Pupil, opts ...SaveOption) error {
	f.mu.Lock()
	for _, q := range f.pupils {
		if p.UPN != "" && q.UPN == p.UPN && q.ID != p.ID {
			f.mu.Unlock()
			return fmt.Errorf("save pupil %s: another pupil already has UPN %s: check the number, or edit that pupil instead: %w", p.Name, p.UPN, ErrDuplicate)
		}
		if p.ID == 0 && !slices.Contains(opts, AllowLookalike) && fold(q.Name) == fold(p.Name) && q.DateOfBirth.Equal(p.DateOfBirth) {
			f.mu.Unlock()
			return fakeLookalike(fmt.Sprintf("save pupil %s: %s (%s, born %s) is already on roll with a name that looks the same",
				p.Name, q.Name, q.YearGroup, q.DateOfBirth.UK()))
		}
	}
	f.mu.Unlock()
	if p.ID == 0 {
		*p = f.addPupil(*p)
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.pupils {
		if f.pupils[i].ID == p.ID {
			f.pupils[i] = *p
		}
	}
	for _, fc := range f.cases {
		if fc.c.Pupil.ID == p.ID {
			fc.c.Pupil = *p
		}
	}
	return nil
}

func (f *fakeStore) ImportPupils(context.Context, model.PupilsCSV, ImportOptions) (ImportReport, error) {
	return ImportReport{}, errors.New("the fake store does not import: use the real store (openDemo)")
}

func (f *fakeStore) History(_ context.Context, pupilID, _ int64) ([]model.PastCase, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.history[pupilID], nil
}

func (f *fakeStore) Audit(_ context.Context, _ string, id int64) ([]AuditEntry, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if fc, ok := f.cases[id]; ok {
		return fc.audit, nil
	}
	return nil, nil
}

func (f *fakeStore) SaveSchool(_ context.Context, s model.School) error {
	f.mu.Lock()
	f.school = s
	f.mu.Unlock()
	return nil
}

// fakeForms is a form catalogue of two small templates, standing in for
// the forms package in the screens' tests.
type fakeForms struct{}

type fakeTemplate struct{ id, title string }

func (fakeForms) ForCase(c model.Case, _ model.Packs) []FormTemplate {
	return []FormTemplate{
		fakeTemplate{"test.consent", "Parental consent"},
		fakeTemplate{"test.plan", "Reintegration plan"},
	}
}

func (t fakeTemplate) ID() string    { return t.id }
func (t fakeTemplate) Title() string { return t.title }

// Missing: the date signed is needed before the form counts as completed.
func (t fakeTemplate) Missing(_ model.Case, rec model.FormRecord, _ model.Date) []string {
	if rec.Fields["signed"] == "" {
		return []string{"Signed on"}
	}
	return nil
}

func (t fakeTemplate) Edit(c model.Case, _ model.School, prior *model.FormRecord, _ bool) FormDraft {
	d := &fakeDraft{template: t.id}
	if prior != nil {
		d.parent, d.signed = prior.Fields["parent"], prior.Fields["signed"]
	}
	d.form = huh.NewForm(huh.NewGroup(
		huh.NewInput().Title("Parent or carer's name").Value(&d.parent),
		huh.NewInput().Title("Signed on (DD/MM/YYYY)").Value(&d.signed).Validate(optionalDate("Signed on")),
	))
	return d
}

type fakeDraft struct {
	template       string
	parent, signed string
	form           *huh.Form
}

func (d *fakeDraft) Form() *huh.Form { return d.form }

func (d *fakeDraft) Validate() error {
	if d.parent == "" {
		return fmt.Errorf("Parent or carer's name: type the name of the parent who signed")
	}
	return nil
}

func (d *fakeDraft) Record(completed model.Date) model.FormRecord {
	return model.FormRecord{Template: d.template, Completed: completed,
		Fields: map[string]string{"parent": d.parent, "signed": d.signed}}
}

// Finish completes the form on the day it was signed, or keeps it as a
// draft while the date signed is blank, as the protocol forms do.
func (d *fakeDraft) Finish(model.Date) (model.FormRecord, []string) {
	rec := d.Record(model.Date{})
	if missing := (fakeTemplate{id: d.template}).Missing(model.Case{}, rec, model.Date{}); len(missing) > 0 {
		return rec, missing
	}
	rec.Completed, _ = model.ParseDate(d.signed)
	return rec, nil
}

func (d *fakeDraft) Apply(c *model.Case) error {
	c.Consent.ParentName = d.parent
	if s, err := model.ParseDate(d.signed); err == nil {
		c.Consent.Signed = s
	}
	return nil
}

// fakeLookalike reads as storage's refusal does: its message, matching
// ErrLookalike.
type fakeLookalike string

func (e fakeLookalike) Error() string { return string(e) }
func (e fakeLookalike) Unwrap() error { return ErrLookalike }
