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
	fileDoc struct {
		Format    string        `json:"format"`
		Pupil     filePupil     `json:"pupil"`
		History   []fileHistory `json:"history"`
		Case      fileCase      `json:"case"`
		Timetable []fileWeek    `json:"timetable"`
		Reviews   []fileReview  `json:"reviews"`
		Forms     []fileForm    `json:"forms"`
	}
	filePupil struct {
		Name        string    `json:"name"`
		DateOfBirth Date      `json:"date_of_birth"`
		UPN         string    `json:"upn"`
		YearGroup   YearGroup `json:"year_group"`
		Flags       []Flag    `json:"flags"`
	}
	fileHistory struct {
		Kind    Kind     `json:"kind"`
		Reasons []Reason `json:"reasons"`
		Start   Date     `json:"start"`
		Closed  Date     `json:"closed"`
	}
	fileCase struct {
		Kind           Kind               `json:"kind"`
		Reasons        []Reason           `json:"reasons"`
		Start          Date               `json:"start"`
		PlannedEnd     Date               `json:"planned_end"`
		Status         CaseStatus         `json:"status"`
		Closed         Date               `json:"closed"`
		Outcome        *string            `json:"outcome"`
		Agreed         Date               `json:"agreed"`
		NamedPerson    string             `json:"named_person"`
		Consent        fileConsent        `json:"consent"`
		RiskAssessment fileRisk           `json:"risk_assessment"`
		Involvement    []fileInvolvement  `json:"involvement"`
		Notifications  []fileNotification `json:"notifications"`
		Extensions     []fileExtension    `json:"extensions"`
		Referral       fileReferral       `json:"referral"`
		HomeLearning   string             `json:"home_learning"`
	}
	fileConsent struct {
		ParentName     string `json:"parent_name"`
		Relationship   string `json:"relationship"`
		LivesWithPupil bool   `json:"lives_with_pupil"`
		Signed         Date   `json:"signed"`
		AuthorisedBy   string `json:"authorised_by"`
	}
	fileRisk struct {
		Completed       Date `json:"completed"`
		SignificantRisk bool `json:"significant_risk"`
	}
	fileInvolvement struct {
		Role             Role   `json:"role"`
		Name             string `json:"name"`
		Agreed           Date   `json:"agreed"`
		AttendedMeeting  bool   `json:"attended_meeting"`
		EarlyReviewAsked bool   `json:"early_review_requested,omitempty"`
	}
	fileNotification struct {
		To     Role   `json:"to"`
		Sent   Date   `json:"sent"`
		What   string `json:"what"`
		SentBy string `json:"sent_by,omitempty"`
	}
	fileExtension struct {
		Agreed       Date   `json:"agreed"`
		NewEnd       Date   `json:"new_end"`
		Reason       string `json:"reason"`
		ParentAgreed bool   `json:"parent_agreed"`
	}
	fileReferral struct {
		FairAccessReferred Date `json:"fair_access_referred"`
		PlaceOffered       Date `json:"place_offered"`
	}
	fileWeek struct {
		WeekBeginning Date     `json:"week_beginning"`
		Sessions      fileDays `json:"sessions"`
	}
	fileDays struct {
		Mon *fileDay `json:"mon,omitempty"`
		Tue *fileDay `json:"tue,omitempty"`
		Wed *fileDay `json:"wed,omitempty"`
		Thu *fileDay `json:"thu,omitempty"`
		Fri *fileDay `json:"fri,omitempty"`
	}
	fileDay struct {
		AM fileSession `json:"am"`
		PM fileSession `json:"pm"`
	}
	fileSession struct {
		Mode    Mode `json:"mode"`
		Minutes *int `json:"minutes,omitempty"`
	}
	fileReview struct {
		Due            Date   `json:"due"`
		Held           Date   `json:"held"`
		Kind           string `json:"kind,omitempty"`
		PupilViews     bool   `json:"pupil_views"`
		ParentAttended bool   `json:"parent_attended"`
		Notes          string `json:"notes"`
	}
	fileForm struct {
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
	doc := fileDoc{
		Format:    CaseFileFormat,
		Pupil:     filePupil{p.Name, p.DateOfBirth, p.UPN, p.YearGroup, cfNonNil(p.Flags)},
		History:   cfList(cf.History, func(h PastCase) fileHistory { h.Reasons = cfNonNil(h.Reasons); return fileHistory(h) }),
		Case:      cfCaseOut(c),
		Timetable: cfList(c.Timetable, cfWeekOut),
		Reviews:   cfList(c.Reviews, func(r Review) fileReview { return fileReview(r) }),
		Forms: cfList(c.Forms, func(f FormRecord) fileForm {
			if f.Fields == nil {
				f.Fields = map[string]string{} // written {}, not null
			}
			return fileForm(f)
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

func cfCaseOut(c Case) fileCase {
	var outcome *string
	if c.Outcome != "" {
		outcome = &c.Outcome
	}
	return fileCase{
		Kind: c.Kind, Reasons: cfNonNil(c.Reasons), Start: c.Start, PlannedEnd: c.PlannedEnd,
		Status: c.Status, Closed: c.Closed, Outcome: outcome, Agreed: c.Agreed, NamedPerson: c.NamedPerson,
		Consent:        fileConsent(c.Consent),
		RiskAssessment: fileRisk(c.RiskAssessment),
		Involvement:    cfList(c.Involvement, func(in Involvement) fileInvolvement { return fileInvolvement(in) }),
		Notifications:  cfList(c.Notifications, func(n Notification) fileNotification { return fileNotification(n) }),
		Extensions:     cfList(c.Extensions, func(e Extension) fileExtension { return fileExtension(e) }),
		Referral:       fileReferral(c.Referral),
		HomeLearning:   c.HomeLearning,
	}
}

func cfWeekOut(w Week) fileWeek {
	var days [5]*fileDay
	for i, d := range w.Days {
		if !cfNoSession(d[AM]) || !cfNoSession(d[PM]) {
			days[i] = &fileDay{cfSessionOut(d[AM]), cfSessionOut(d[PM])}
		}
	}
	return fileWeek{w.WeekBeginning, fileDays{days[0], days[1], days[2], days[3], days[4]}}
}

func cfNoSession(s Session) bool { return (s.Mode == NoSession || s.Mode == "") && !s.Partial }

func cfSessionOut(s Session) fileSession {
	out := fileSession{Mode: cmp.Or(s.Mode, NoSession)}
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
