package model

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"math"
)

// The writer's shape: the contract's keys in the contract's order. The
// model's types convert to these directly where their fields match.
type (
	cfFileDoc struct {
		Format    string          `json:"format"`
		Pupil     cfFilePupil     `json:"pupil"`
		History   []cfFileHistory `json:"history"`
		Case      cfFileCase      `json:"case"`
		Timetable []cfFileWeek    `json:"timetable"`
		Reviews   []cfFileReview  `json:"reviews"`
		Forms     []cfFileForm    `json:"forms"`
	}
	cfFilePupil struct {
		Name            string    `json:"name"`
		PreferredName   string    `json:"preferred_name,omitempty"`
		DateOfBirth     Date      `json:"date_of_birth"`
		UPN             string    `json:"upn"`
		YearGroup       YearGroup `json:"year_group"`
		Flags           []Flag    `json:"flags"`
		FreeSchoolMeals bool      `json:"free_school_meals,omitempty"`
	}
	cfFileHistory struct {
		Kind    Kind     `json:"kind"`
		Reasons []Reason `json:"reasons"`
		Start   Date     `json:"start"`
		Closed  Date     `json:"closed"`
	}
	cfFileCase struct {
		Kind           Kind                 `json:"kind"`
		Reasons        []Reason             `json:"reasons"`
		Start          Date                 `json:"start"`
		PlannedEnd     Date                 `json:"planned_end"`
		Status         CaseStatus           `json:"status"`
		Closed         Date                 `json:"closed"`
		Outcome        *Outcome             `json:"outcome"`
		OutcomeNote    string               `json:"outcome_note,omitempty"`
		ClosedBy       string               `json:"closed_by,omitempty"`
		ClosedOver     *cfFileClosedOver    `json:"closed_with_blockers,omitempty"`
		Agreed         Date                 `json:"agreed"`
		NamedPerson    string               `json:"named_person"`
		Consent        cfFileConsent        `json:"consent"`
		RiskAssessment cfFileRisk           `json:"risk_assessment"`
		Involvement    []cfFileInvolvement  `json:"involvement"`
		Notifications  []cfFileNotification `json:"notifications"`
		Extensions     []cfFileExtension    `json:"extensions"`
		Referral       cfFileReferral       `json:"referral"`
		HomeLearning   string               `json:"home_learning"`
	}
	cfFileClosedOver struct {
		Rules  []string `json:"rules"`
		Reason string   `json:"reason"`
	}
	cfFileConsent struct {
		ParentName     string `json:"parent_name"`
		Relationship   string `json:"relationship"`
		LivesWithPupil bool   `json:"lives_with_pupil"`
		Signed         Date   `json:"signed"`
		AuthorisedBy   string `json:"authorised_by"`
	}
	cfFileRisk struct {
		Completed       Date `json:"completed"`
		SignificantRisk bool `json:"significant_risk"`
	}
	cfFileInvolvement struct {
		Role             Role   `json:"role"`
		Name             string `json:"name"`
		Agreed           Date   `json:"agreed"`
		AttendedMeeting  bool   `json:"attended_meeting"`
		EarlyReviewAsked bool   `json:"early_review_requested,omitempty"`
	}
	cfFileNotification struct {
		To     Role   `json:"to"`
		Sent   Date   `json:"sent"`
		What   string `json:"what"`
		SentBy string `json:"sent_by,omitempty"`
	}
	cfFileExtension struct {
		Agreed       Date   `json:"agreed"`
		NewEnd       Date   `json:"new_end"`
		Reason       string `json:"reason"`
		ParentAgreed bool   `json:"parent_agreed"`
	}
	cfFileReferral struct {
		FairAccessReferred Date `json:"fair_access_referred"`
		PlaceOffered       Date `json:"place_offered"`
	}
	cfFileWeek struct {
		WeekBeginning Date       `json:"week_beginning"`
		Sessions      cfFileDays `json:"sessions"`
	}
	cfFileDays struct {
		Mon *cfFileDay `json:"mon,omitempty"`
		Tue *cfFileDay `json:"tue,omitempty"`
		Wed *cfFileDay `json:"wed,omitempty"`
		Thu *cfFileDay `json:"thu,omitempty"`
		Fri *cfFileDay `json:"fri,omitempty"`
	}
	cfFileDay struct {
		AM cfFileSession `json:"am"`
		PM cfFileSession `json:"pm"`
	}
	cfFileSession struct {
		Mode    Mode `json:"mode"`
		Minutes *int `json:"minutes,omitempty"`
	}
	cfFileReview struct {
		Due             Date             `json:"due"`
		Held            Date             `json:"held"`
		Kind            string           `json:"kind,omitempty"`
		PupilViews      bool             `json:"pupil_views"`
		ParentAttended  bool             `json:"parent_attended"`
		Notes           string           `json:"notes"`
		Attended        []Role           `json:"attended,omitempty"`
		PupilViewsText  string           `json:"pupil_views_text,omitempty"`
		ParentViewsText string           `json:"parent_views_text,omitempty"`
		Decisions       string           `json:"decisions,omitempty"`
		StruckOut       *cfFileStrikeOut `json:"struck_out,omitempty"`
	}
	cfFileStrikeOut struct {
		On     Date   `json:"on"`
		Reason string `json:"reason"`
	}
	cfFileForm struct {
		Template  string            `json:"template"`
		Completed Date              `json:"completed"`
		Version   int               `json:"version,omitempty"`
		Fields    map[string]string `json:"fields"`
	}
)

// EncodeCaseFile writes the case file in the contract's shape: indented,
// keys in the contract's order, dates YYYY-MM-DD, null for unset dates,
// minutes only for partial sessions, days with no sessions left out. The
// pupil is cf.Pupil (or cf.Case.Pupil when cf.Pupil is empty); IDs are not
// written. It refuses a case the reader would refuse, so every file it
// writes reads back: ParseCaseFile(EncodeCaseFile(x)) == x for a case as
// the reader makes them (names trimmed, sessions none rather than "").
func EncodeCaseFile(cf CaseFile) ([]byte, error) {
	p := cf.Pupil
	if p.Name == "" && p.YearGroup == "" {
		p = cf.Case.Pupil
	}
	c := cf.Case
	doc := cfFileDoc{
		Format:    CaseFileFormat,
		Pupil:     cfFilePupil{p.Name, p.PreferredName, p.DateOfBirth, p.UPN, p.YearGroup, cfNonNil(p.Flags), p.FreeSchoolMeals},
		History:   cfList(cf.History, func(h PastCase) cfFileHistory { h.Reasons = cfNonNil(h.Reasons); return cfFileHistory(h) }),
		Case:      cfCaseOut(c),
		Timetable: cfList(c.Timetable, cfWeekOut),
		Reviews:   cfList(c.Reviews, cfReviewOut),
		Forms: cfList(c.Forms, func(f FormRecord) cfFileForm {
			if f.Fields == nil {
				f.Fields = map[string]string{} // written {}, not null
			}
			return cfFileForm(f)
		}),
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // "Ms R Khan & Mr T Green" stays readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("write case file: %w", err)
	}
	// The writer does not know the school's session lengths: any minutes a
	// session can hold are let through, everything else must read back.
	if _, err := ParseCaseFile(buf.Bytes(), WithSessionLengths(SessionLengths{AM: math.MaxInt32, PM: math.MaxInt32})); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func cfReviewOut(r Review) cfFileReview {
	out := cfFileReview{Due: r.Due, Held: r.Held, Kind: r.Kind, PupilViews: r.PupilViews,
		ParentAttended: r.ParentAttended, Notes: r.Notes, Attended: r.Attended,
		PupilViewsText: r.PupilViewsText, ParentViewsText: r.ParentViewsText, Decisions: r.Decisions}
	if !r.StruckOut.IsZero() {
		out.StruckOut = &cfFileStrikeOut{r.StruckOut.On, r.StruckOut.Reason}
	}
	return out
}

func cfCaseOut(c Case) cfFileCase {
	var outcome *Outcome
	if c.Outcome != NoOutcome {
		outcome = &c.Outcome
	}
	var over *cfFileClosedOver
	if !c.ClosedOver.IsZero() {
		over = &cfFileClosedOver{cfNonNil(c.ClosedOver.Blockers), c.ClosedOver.Reason}
	}
	return cfFileCase{
		Kind: c.Kind, Reasons: cfNonNil(c.Reasons), Start: c.Start, PlannedEnd: c.PlannedEnd,
		Status: c.Status, Closed: c.Closed, Outcome: outcome, OutcomeNote: c.OutcomeNote,
		ClosedBy: c.ClosedBy, ClosedOver: over, Agreed: c.Agreed, NamedPerson: c.NamedPerson,
		Consent:        cfFileConsent(c.Consent),
		RiskAssessment: cfFileRisk(c.RiskAssessment),
		Involvement:    cfList(c.Involvement, func(in Involvement) cfFileInvolvement { return cfFileInvolvement(in) }),
		Notifications:  cfList(c.Notifications, func(n Notification) cfFileNotification { return cfFileNotification(n) }),
		Extensions:     cfList(c.Extensions, func(e Extension) cfFileExtension { return cfFileExtension(e) }),
		Referral:       cfFileReferral(c.Referral),
		HomeLearning:   c.HomeLearning,
	}
}

func cfWeekOut(w Week) cfFileWeek {
	var days [5]*cfFileDay
	for i, d := range w.Days {
		if !cfNoSession(d[AM]) || !cfNoSession(d[PM]) {
			days[i] = &cfFileDay{cfSessionOut(d[AM]), cfSessionOut(d[PM])}
		}
	}
	return cfFileWeek{w.WeekBeginning, cfFileDays{days[0], days[1], days[2], days[3], days[4]}}
}

func cfNoSession(s Session) bool { return (s.Mode == NoSession || s.Mode == "") && !s.Partial }

func cfSessionOut(s Session) cfFileSession {
	out := cfFileSession{Mode: cmp.Or(s.Mode, NoSession)}
	if s.Partial {
		out.Minutes = &s.Minutes
	}
	return out
}

func cfList[A, B any](in []A, conv func(A) B) []B {
	out := make([]B, len(in)) // never nil: an empty list is written [], not null
	for i, a := range in {
		out[i] = conv(a)
	}
	return out
}

func cfNonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
