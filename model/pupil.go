package model

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// YearGroup is the pupil's national curriculum year: N1, N2, R, Y1..Y13.
type YearGroup string

// YearGroups lists every year group in school order.
var YearGroups = []YearGroup{"N1", "N2", "R", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6",
	"Y7", "Y8", "Y9", "Y10", "Y11", "Y12", "Y13"}

// ParseYearGroup accepts a year group as schools write it ("Y8", "y8", "8",
// "Year 8", "Reception").
func ParseYearGroup(s string) (YearGroup, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimPrefix(t, "YEAR ")
	switch t {
	case "RECEPTION", "YR":
		t = "R"
	case "NURSERY":
		t = "N2"
	}
	if len(t) > 0 && t[0] >= '0' && t[0] <= '9' {
		t = "Y" + t
	}
	if slices.Contains(YearGroups, YearGroup(t)) {
		return YearGroup(t), nil
	}
	return "", fmt.Errorf("%q is not a year group: type N1, N2, R or Y1 to Y13", s)
}

// FullTimeHours is the LGSCO full-time week for the year group (direct
// contact hours, 002 s2). ok is false for nursery and post-16, which have no
// threshold: those pupils are not of compulsory school age.
func (y YearGroup) FullTimeHours() (hours float64, ok bool) {
	switch y {
	case "R", "Y1", "Y2":
		return 21, true
	case "Y3", "Y4", "Y5", "Y6":
		return 23.5, true
	case "Y7", "Y8", "Y9", "Y10":
		return 24, true
	case "Y11":
		return 25, true
	}
	return 0, false
}

// Flag is something about the pupil that changes who must be involved.
type Flag string

const (
	LookedAfter           Flag = "looked_after"
	PreviouslyLookedAfter Flag = "previously_looked_after"
	ChildProtection       Flag = "child_protection"
	ChildInNeed           Flag = "child_in_need"
	EarlyHelp             Flag = "early_help"
	EHCP                  Flag = "ehcp"
	SENSupport            Flag = "sen_support"
	YouthJustice          Flag = "youth_justice"
)

// Flags lists every flag in the order forms and reports show them.
var Flags = []Flag{LookedAfter, PreviouslyLookedAfter, ChildProtection, ChildInNeed,
	EarlyHelp, EHCP, SENSupport, YouthJustice}

// FlagLabel is how a flag is written for people.
func (f Flag) Label() string {
	switch f {
	case LookedAfter:
		return "Looked after"
	case PreviouslyLookedAfter:
		return "Previously looked after"
	case ChildProtection:
		return "Child Protection plan"
	case ChildInNeed:
		return "Child in Need plan"
	case EarlyHelp:
		return "Early Help / Team Around the Family"
	case EHCP:
		return "EHCP"
	case SENSupport:
		return "SEN support"
	case YouthJustice:
		return "Youth justice"
	}
	return string(f)
}

// Pupil is a child on the school roll.
type Pupil struct {
	ID   int64
	Name string // the legal name, forename first
	// PreferredName is the forename the pupil goes by when it is not the
	// legal one ("Sam" for Samira); empty when it is.
	PreferredName   string
	DateOfBirth     Date
	UPN             string
	YearGroup       YearGroup
	Flags           []Flag
	FreeSchoolMeals bool // eligible for free school meals, as the MIS records it
}

// Has reports whether the pupil carries any of the flags.
func (p Pupil) Has(flags ...Flag) bool {
	for _, f := range flags {
		if slices.Contains(p.Flags, f) {
			return true
		}
	}
	return false
}

// CompulsorySchoolAge reports whether the pupil is of compulsory school age on
// the date. It starts on the first prescribed day (31 August, 31 December,
// 31 March) on or after the fifth birthday (Education Act 1996 s8) and ends
// on the last Friday of June in the school year the pupil turns 16.
func (p Pupil) CompulsorySchoolAge(on Date) bool {
	if p.DateOfBirth.IsZero() {
		_, ok := p.YearGroup.FullTimeHours()
		return ok
	}
	return !on.Before(compulsoryStart(p.DateOfBirth)) && !on.After(compulsoryEnd(p.DateOfBirth))
}

func compulsoryStart(dob Date) Date {
	fifth := NewDate(dob.Year()+5, dob.Month(), dob.Day())
	if dob.Month() == time.February && dob.Day() == 29 && fifth.Day() != 29 {
		fifth = NewDate(dob.Year()+5, time.March, 1)
	}
	for _, p := range []Date{
		NewDate(fifth.Year(), time.March, 31),
		NewDate(fifth.Year(), time.August, 31),
		NewDate(fifth.Year(), time.December, 31),
	} {
		if !p.Before(fifth) {
			return p
		}
	}
	return NewDate(fifth.Year()+1, time.March, 31)
}

func compulsoryEnd(dob Date) Date {
	// The school year runs 1 September to 31 August: a pupil born on or
	// after 1 September turns 16 in the school year ending the following summer.
	year := dob.Year() + 16
	if dob.Month() >= time.September {
		year++
	}
	lastJune := NewDate(year, time.June, 30)
	for lastJune.Weekday() != time.Friday {
		lastJune = lastJune.AddDays(-1)
	}
	return lastJune
}
