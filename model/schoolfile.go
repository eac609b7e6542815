package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
)

// The school file, reintegrate/school@1: the school profile as one JSON
// document (`reintegrate export --school` writes it), so that `check
// --file` can judge a case file against the school's own calendar,
// session lengths and packs when no database is at hand:
//
//	{"format": "reintegrate/school@1", "name": "...", "urn": "...",
//	 "local_authority": "...", "trust": "...",
//	 "sessions": {"am": 180, "pm": 120},
//	 "closures": [{"first": "2027-02-15", "last": "2027-02-19", "name": "February half term"}],
//	 "packs": ["national", "bwmat"], "params": {"max_weeks": 6, ...},
//	 "retention_years": 25}
//
// Only "format" is required: a key left out takes the default profile's
// value (DefaultSchool), a parameter left out its catalogue default. The
// reader is the case file's strict walker: an unknown key, a bad date or
// pack is named by its path, all at once.

// SchoolFileFormat is the only "format" this version reads and writes.
const SchoolFileFormat = "reintegrate/school@1"

// ParamsJSON is how the rule parameters are written down, in a school file
// and in the database: with named keys, so a renamed Go field cannot
// silently lose a school's settings. It converts to and from Params
// directly, so a field added there fails to compile here until it is named.
type ParamsJSON struct {
	MaxWeeks             int     `json:"max_weeks"`
	ReviewEveryDays      int     `json:"review_every_days"`
	ReviewDueSoonDays    int     `json:"review_due_soon_days"`
	LANotifyDays         int     `json:"la_notify_days"`
	OxonLACopyDays       int     `json:"oxon_la_copy_days"`
	FairAccessSchoolDays int     `json:"fair_access_school_days"`
	FinalReviewWeeks     int     `json:"final_review_weeks"`
	ThresholdHours       float64 `json:"threshold_hours"`
}

type schoolFileDoc struct {
	Format         string             `json:"format"`
	Name           string             `json:"name"`
	URN            string             `json:"urn"`
	LocalAuthority string             `json:"local_authority"`
	Trust          string             `json:"trust"`
	Sessions       schoolFileSessions `json:"sessions"`
	Closures       []schoolFileClosed `json:"closures"`
	Packs          []Pack             `json:"packs"`
	Params         ParamsJSON         `json:"params"`
	RetentionYears int                `json:"retention_years"`
}

type schoolFileSessions struct {
	AM int `json:"am"`
	PM int `json:"pm"`
}

type schoolFileClosed struct {
	First Date   `json:"first"`
	Last  Date   `json:"last"`
	Name  string `json:"name"`
}

// EncodeSchoolFile writes the school profile as a school file, and checks
// that it reads back.
func EncodeSchoolFile(s School) ([]byte, error) {
	doc := schoolFileDoc{Format: SchoolFileFormat, Name: s.Name, URN: s.URN, LocalAuthority: s.LocalAuthority,
		Trust: s.Trust, Sessions: schoolFileSessions(s.SessionLengthsOrDefault()), Closures: []schoolFileClosed{},
		Packs: []Pack{National}, Params: ParamsJSON(s.Packs.Params), RetentionYears: s.RetentionYears}
	for _, cl := range s.Closures {
		doc.Closures = append(doc.Closures, schoolFileClosed(cl))
	}
	for _, p := range AllPacks {
		if p != National && s.Packs.Enabled(p) {
			doc.Packs = append(doc.Packs, p)
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // "St Mary & St John" stays readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("write school file: %w", err)
	}
	if _, err := ParseSchoolFile(buf.Bytes()); err != nil {
		return nil, fmt.Errorf("the school profile cannot be written as a school file:\n%w", err)
	}
	return buf.Bytes(), nil
}

// SessionLengthsOrDefault is the school's session lengths, or the defaults
// when none are set.
func (s School) SessionLengthsOrDefault() SessionLengths {
	if s.Sessions == (SessionLengths{}) {
		return DefaultSessionLengths
	}
	return s.Sessions
}

// ParseSchoolFile reads a school file. Every problem is reported, with its
// JSON path (CaseFileErrors, as for a case file).
func ParseSchoolFile(data []byte) (School, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	switch {
	case len(data) > MaxCaseFileBytes:
		return School{}, CaseFileErrors{{Message: fmt.Sprintf("is %s: a school file may be at most %s; check it is the school file you meant",
			Size(len(data)), Size(MaxCaseFileBytes))}}
	case len(bytes.TrimSpace(data)) == 0:
		return School{}, CaseFileErrors{{Message: `the file is empty: choose the school file that was exported (reintegrate export --school), JSON that begins {"format": "reintegrate/school@1"`}}
	case !json.Valid(data):
		return School{}, CaseFileErrors{{Message: cfSyntaxMessage(data)}}
	}
	// Another kind of file (a case file given as the school) is said so
	// once, not as a dozen keys a school file lacks.
	var head struct{ Format any }
	if json.Unmarshal(data, &head) == nil && head.Format != nil && head.Format != SchoolFileFormat {
		msg := fmt.Sprintf("%v is not a format this version reads: type %q (reintegrate export --school writes it)", cfShownAny(head.Format), SchoolFileFormat)
		if head.Format == CaseFileFormat {
			msg = "this is a case file, not a school file: give the school file (reintegrate export --school writes it)"
		}
		return School{}, CaseFileErrors{{Path: "format", Message: msg}}
	}
	r := &cfReader{lengths: DefaultSessionLengths}
	s := DefaultSchool()
	r.school(bytes.TrimSpace(data), &s)
	if len(r.errs) > 0 {
		return School{}, r.errs
	}
	if err := s.CheckLimits(); err != nil {
		return School{}, CaseFileErrors{{Message: err.Error()}}
	}
	return s, nil
}

func cfShownAny(v any) string {
	b, _ := json.Marshal(v)
	return cfShown(b)
}

func (r *cfReader) school(v json.RawMessage, s *School) {
	r.object("", "a school file", v,
		cfKey{"format", `type "format": "` + SchoolFileFormat + `"`, func(at string, v json.RawMessage) {
			if f, ok := r.text(at, v); ok && f != SchoolFileFormat {
				r.fail(at, v, "%q is not a format this version reads: type %q (reintegrate export --school writes it)", f, SchoolFileFormat)
			}
		}},
		cfKey{"name", "", r.nameTo(&s.Name)},
		cfKey{"urn", "", r.nameTo(&s.URN)},
		cfKey{"local_authority", "", r.nameTo(&s.LocalAuthority)},
		cfKey{"trust", "", r.nameTo(&s.Trust)},
		cfKey{"sessions", "", func(at string, v json.RawMessage) { s.Sessions = r.sessionLengths(at, v) }},
		cfKey{"closures", "", func(at string, v json.RawMessage) { s.Closures = cfEach(r, at, v, cfEntries, r.closure) }},
		cfKey{"packs", "", func(at string, v json.RawMessage) {
			s.Packs.On = cfWords(r, at, v, AllPacks, "a pack")
			if !slices.Contains(s.Packs.On, National) { // national is always on (Packs.Enabled)
				s.Packs.On = append([]Pack{National}, s.Packs.On...)
			}
		}},
		cfKey{"params", "", func(at string, v json.RawMessage) { s.Packs.Params = r.params(at, v) }},
		cfKey{"retention_years", "", func(at string, v json.RawMessage) {
			s.RetentionYears = r.count(at, v, 0, 200, "a number of years, such as 25")
		}},
	)
}

func (r *cfReader) sessionLengths(at string, v json.RawMessage) SessionLengths {
	l := DefaultSessionLengths
	r.object(at, "the session lengths", v,
		cfKey{"am", "type the morning's minutes of direct contact, such as 180", func(at string, v json.RawMessage) {
			l.AM = r.count(at, v, 1, 600, "the morning's minutes of direct contact, such as 180")
		}},
		cfKey{"pm", "type the afternoon's minutes of direct contact, such as 120", func(at string, v json.RawMessage) {
			l.PM = r.count(at, v, 1, 600, "the afternoon's minutes of direct contact, such as 120")
		}},
	)
	return l
}

func (r *cfReader) closure(at string, v json.RawMessage) Closure {
	var cl Closure
	r.object(at, "a closure", v,
		cfKey{"first", `type the first day the school is shut, such as "2027-02-15"`, cfInto(r, &cl.First)},
		cfKey{"last", `type the last day the school is shut, such as "2027-02-19"`, cfInto(r, &cl.Last)},
		cfKey{"name", "", r.nameTo(&cl.Name)},
	)
	if !cl.First.IsZero() && !cl.Last.IsZero() && cl.Last.Before(cl.First) {
		r.fail(at, nil, "the closure %q ends on %s, before it starts on %s: the first day must be on or before the last",
			cl.Name, cl.Last.UK(), cl.First.UK())
	}
	return cl
}

// params reads the rule parameters; a parameter left out keeps its default.
func (r *cfReader) params(at string, v json.RawMessage) Params {
	p := DefaultParams()
	days := func(dst *int, most int, what string) func(string, json.RawMessage) {
		return func(at string, v json.RawMessage) { *dst = r.count(at, v, 0, most, what) }
	}
	r.object(at, "the rule parameters", v,
		cfKey{"max_weeks", "", days(&p.MaxWeeks, 520, "a number of weeks, such as 6")},
		cfKey{"review_every_days", "", days(&p.ReviewEveryDays, 3650, "a number of days, such as 14")},
		cfKey{"review_due_soon_days", "", days(&p.ReviewDueSoonDays, 3650, "a number of days, such as 3")},
		cfKey{"la_notify_days", "", days(&p.LANotifyDays, 3650, "a number of days, such as 0 (by the start)")},
		cfKey{"oxon_la_copy_days", "", days(&p.OxonLACopyDays, 3650, "a number of days, such as 2")},
		cfKey{"fair_access_school_days", "", days(&p.FairAccessSchoolDays, 3650, "a number of school days, such as 20")},
		cfKey{"final_review_weeks", "", days(&p.FinalReviewWeeks, 520, "a number of weeks, such as 6")},
		cfKey{"threshold_hours", "", func(at string, v json.RawMessage) {
			var h float64
			if json.Unmarshal(v, &h) != nil || h < 0 || h > 40 {
				r.fail(at, v, "%s is not a number of hours: type the flat full-time week, such as 25, or 0 for the LGSCO hours by year group", cfShown(v))
				return
			}
			p.ThresholdHours = h
		}},
	)
	return p
}

// count reads a whole number from least to most.
func (r *cfReader) count(at string, v json.RawMessage, least, most int, what string) int {
	n, ok := r.whole(at, v)
	if ok && (n < least || n > most) {
		r.fail(at, v, "%d is not possible: type %s (%d to %d)", n, what, least, most)
		return 0
	}
	return n
}
