package model

import "slices"

// Kind is the sort of plan a case is.
type Kind string

const (
	ReducedTimetable        Kind = "reduced_timetable"
	APReintegration         Kind = "ap_reintegration"
	SuspensionReintegration Kind = "suspension_reintegration"
)

// Kinds lists every case kind.
var Kinds = []Kind{ReducedTimetable, APReintegration, SuspensionReintegration}

// Label is how a kind is written for people.
func (k Kind) Label() string {
	switch k {
	case ReducedTimetable:
		return "Reduced timetable"
	case APReintegration:
		return "Reintegration from AP"
	case SuspensionReintegration:
		return "Reintegration after suspension"
	}
	return string(k)
}

// Reason is why the plan was needed.
type Reason string

const (
	PhysicalHealth Reason = "physical_health"
	MentalHealth   Reason = "mental_health"
	Reintegration  Reason = "reintegration"
	Transition     Reason = "transition"
	Behaviour      Reason = "behaviour"
	OtherReason    Reason = "other"
)

// Reasons lists every reason.
var Reasons = []Reason{PhysicalHealth, MentalHealth, Reintegration, Transition, Behaviour, OtherReason}

// Label is how a reason is written for people.
func (r Reason) Label() string {
	switch r {
	case PhysicalHealth:
		return "Physical health"
	case MentalHealth:
		return "Mental health"
	case Reintegration:
		return "Reintegration"
	case Transition:
		return "Transition"
	case Behaviour:
		return "Behaviour"
	case OtherReason:
		return "Other"
	}
	return string(r)
}

// CaseStatus is where a case is in its life.
type CaseStatus string

const (
	Draft  CaseStatus = "draft"
	Active CaseStatus = "active"
	Closed CaseStatus = "closed"
)

// CaseStatuses lists every case status.
var CaseStatuses = []CaseStatus{Draft, Active, Closed}

// Role is a professional or body involved in a case.
type Role string

const (
	SocialWorker     Role = "social_worker"
	VirtualSchool    Role = "virtual_school"
	SENDTeam         Role = "send_team"
	YouthJusticeRole Role = "youth_justice"
	EarlyHelpRole    Role = "early_help"
	AttendanceTeam   Role = "attendance_team"
	APSetting        Role = "ap_setting"
	HostSchool       Role = "host_school"
	SchoolAdmissions Role = "school_admissions"
	// Notification targets that are not involvement roles.
	LocalAuthority Role = "local_authority"
	Governors      Role = "governors"
	SocialCare     Role = "social_care"
	// Those at a review who are not professionals (Review.Attended).
	PupilRole  Role = "pupil"
	ParentRole Role = "parent"
)

// InvolvementRoles are the roles a professional may hold in a case.
var InvolvementRoles = []Role{SocialWorker, VirtualSchool, SENDTeam, YouthJusticeRole,
	EarlyHelpRole, AttendanceTeam, APSetting, HostSchool, SchoolAdmissions}

// NotificationTargets are those who may be sent a notification.
var NotificationTargets = append(slices.Clone(InvolvementRoles), LocalAuthority, Governors, SocialCare)

// Label is how a role is written for people.
func (r Role) Label() string {
	switch r {
	case SocialWorker:
		return "social worker"
	case VirtualSchool:
		return "Virtual School"
	case SENDTeam:
		return "LA SEND team"
	case YouthJusticeRole:
		return "youth justice"
	case EarlyHelpRole:
		return "early help"
	case AttendanceTeam:
		return "attendance team"
	case APSetting:
		return "AP setting"
	case HostSchool:
		return "host school"
	case SchoolAdmissions:
		return "School Admissions"
	case LocalAuthority:
		return "local authority"
	case Governors:
		return "governors"
	case SocialCare:
		return "Social Care"
	case PupilRole:
		return "pupil"
	case ParentRole:
		return "parent or carer"
	}
	return string(r)
}

// Consent is the parent's or carer's written agreement.
type Consent struct {
	ParentName     string
	Relationship   string
	LivesWithPupil bool
	Signed         Date
	AuthorisedBy   string // the member of staff who authorised the leave, reg 11(1)
}

// RiskAssessment is the HSE five-step assessment of the pupil being out of school.
type RiskAssessment struct {
	Completed       Date
	SignificantRisk bool
}

// Involvement is one professional's part in the plan.
type Involvement struct {
	Role             Role
	Name             string
	Agreed           Date // written agreement or involvement, when given
	AttendedMeeting  bool
	EarlyReviewAsked bool // EHCP: an early annual review was requested (002 s5.5)
}

// Notification is something sent to someone about the case.
type Notification struct {
	To     Role
	Sent   Date
	What   string // start, hours_change, extension, closure, nil_return, plan
	SentBy string
}

// Extension moves the planned end.
type Extension struct {
	Agreed       Date
	NewEnd       Date
	Reason       string
	ParentAgreed bool
}

// Referral is the Fair Access route for a pupil coming back from AP.
type Referral struct {
	FairAccessReferred Date
	PlaceOffered       Date
}

// FormRecord is a completed (or part-done) protocol form kept with the case.
type FormRecord struct {
	Template  string
	Completed Date // zero while the form is part-done
	Version   int
	Fields    map[string]string
}

// PastCase is an earlier plan for the same pupil, as rules about repeats read it.
type PastCase struct {
	Kind    Kind
	Reasons []Reason
	Start   Date
	Closed  Date
}

// Case is one plan episode for one pupil.
type Case struct {
	ID          int64
	Pupil       Pupil
	Kind        Kind
	Reasons     []Reason
	Start       Date
	PlannedEnd  Date
	Status      CaseStatus
	Closed      Date
	Outcome     Outcome
	OutcomeNote string // what staff added to the outcome, in their words
	ClosedBy    string // who closed the plan
	// ClosedOver is the blockers still open when the plan was closed, and
	// why it was closed all the same.
	ClosedOver     ClosedOver
	Agreed         Date
	NamedPerson    string
	Consent        Consent
	RiskAssessment RiskAssessment
	Involvement    []Involvement
	Notifications  []Notification
	Extensions     []Extension
	Referral       Referral
	HomeLearning   string
	Timetable      []Week
	Reviews        []Review
	Forms          []FormRecord
}

// HasReason reports whether the case lists the reason.
func (c Case) HasReason(r Reason) bool { return slices.Contains(c.Reasons, r) }

// End is the planned end moved by the latest extension.
func (c Case) End() Date {
	end := c.PlannedEnd
	for _, e := range c.Extensions {
		end = MaxDate(end, e.NewEnd)
	}
	return end
}

// Involved returns the first involvement in the role, if any.
func (c Case) Involved(role Role) (Involvement, bool) {
	for _, in := range c.Involvement {
		if in.Role == role {
			return in, true
		}
	}
	return Involvement{}, false
}

// NotifiedFirst returns the earliest notification to the target (any "what"
// when what is empty).
func (c Case) NotifiedFirst(to Role, what string) (Notification, bool) {
	var first Notification
	found := false
	for _, n := range c.Notifications {
		if n.To != to || (what != "" && n.What != what) || n.Sent.IsZero() {
			continue
		}
		if !found || n.Sent.Before(first.Sent) {
			first, found = n, true
		}
	}
	return first, found
}

// Form returns the latest completed record of the template, or the latest
// part-done one when none is complete.
func (c Case) Form(template string) (FormRecord, bool) {
	var best FormRecord
	found := false
	for _, f := range c.Forms {
		if f.Template != template {
			continue
		}
		if !found || better(f, best) {
			best, found = f, true
		}
	}
	return best, found
}

func better(a, b FormRecord) bool {
	if a.Completed.IsZero() != b.Completed.IsZero() {
		return !a.Completed.IsZero()
	}
	return a.Version > b.Version || (a.Version == b.Version && a.Completed.After(b.Completed))
}
