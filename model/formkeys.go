package model

import (
	"strings"
)

// Template IDs of the protocol forms (DESIGN.md, "The forms"). A case's form
// records carry one of these; the forms package defines one form per ID and
// the local rule packs read them, so both sides use these constants.
const (
	// TemplateOxonPlan is Oxfordshire's reintegration timetable plan (000):
	// the nine contents, the meeting's attendees by flag, the LA copy.
	TemplateOxonPlan = "oxon.plan"
	// TemplateWorcsConsent is Worcestershire's Reintegration Consent Form (001),
	// gained "prior to approaching another school".
	TemplateWorcsConsent = "worcs.consent"
	// TemplateWorcsInformation is the Reintegration Information form (001),
	// completed "prior Reintegration Initial Meeting".
	TemplateWorcsInformation = "worcs.information"
	// TemplateWorcsViews is Views of the Child/Young Person and their family (001).
	TemplateWorcsViews = "worcs.views"
	// TemplateWorcsInitialMeeting is the Reintegration Initial Meeting form (001).
	TemplateWorcsInitialMeeting = "worcs.initial-meeting"
	// TemplateWorcsReview is the Reintegration Review (or Emergency Review)
	// Meeting form (001); FieldReviewKind says which.
	TemplateWorcsReview = "worcs.review"
	// TemplateWorcsOutcomeSuccessful is the SUCCESSFUL Reintegration Outcome
	// Form, completed by the host school (001).
	TemplateWorcsOutcomeSuccessful = "worcs.outcome-successful"
	// TemplateWorcsOutcomeUnsuccessful is the UNSUCCESSFUL Reintegration
	// Outcome Form, completed by the home school (001).
	TemplateWorcsOutcomeUnsuccessful = "worcs.outcome-unsuccessful"
	// TemplateWorcsFailedLetter is the sample letter in the case of a failed
	// reintegration (001).
	TemplateWorcsFailedLetter = "worcs.failed-letter"
	// TemplateWorcsTimetable is the Reintegration Timetable page (001): the
	// am/pm grid week by week with its Time in Education.
	TemplateWorcsTimetable = "worcs.timetable"
	// TemplateBWMATPlan is Appendix 1, Reintegration Plan including Reduced
	// Timetable (002), with the parent's agree / do-not-agree choice and the
	// child's voluntary section.
	TemplateBWMATPlan = "bwmat.plan"
	// TemplateBWMATRiskAssessment is the HSE five-step risk assessment (002 s5.6).
	TemplateBWMATRiskAssessment = "bwmat.risk-assessment"
	// TemplateHaveringPlan is Havering's Re-integration Plan (003 s3.2) with
	// the minimum-expectations table.
	TemplateHaveringPlan = "havering.plan"
	// TemplateHillingdonPlacement is Hillingdon's AP placement record (004):
	// the return plan from the start, the weekly contact log, the KS4
	// destination.
	TemplateHillingdonPlacement = "hillingdon.placement"
)

// Templates lists every template ID, in the order DESIGN.md gives them (001's
// Reintegration Timetable after its letter, as the seed does).
var Templates = []string{
	TemplateWorcsConsent, TemplateWorcsInformation, TemplateWorcsViews,
	TemplateWorcsInitialMeeting, TemplateWorcsReview, TemplateWorcsOutcomeSuccessful,
	TemplateWorcsOutcomeUnsuccessful, TemplateWorcsFailedLetter, TemplateWorcsTimetable,
	TemplateBWMATPlan, TemplateBWMATRiskAssessment, TemplateOxonPlan,
	TemplateHaveringPlan, TemplateHillingdonPlacement,
}

// The answers a yes/no field stores. Readers also accept y/n and true/false,
// in any case, so a hand-written case file still reads as meant.
const (
	AnswerYes = "yes"
	AnswerNo  = "no"
)

// Form field keys that the local rule packs read. Only these are a contract
// between the forms package and the rules; a form's other fields are its own.
// Yes/no fields store AnswerYes or AnswerNo; dates store YYYY-MM-DD; a
// signature field stores the date signed (or "yes" when the form has no date
// line) and is blank or "no" while unsigned.
//
// A field the rules read as content (oxon.plan's nine contents, havering.plan's
// buddy and adjustments, hillingdon.placement's September destination,
// worcs.initial-meeting's transport) is done only when filled in: blank, or
// missing from a completed form (a case file written without our keys), it is
// not done. Otherwise a completed form that lacks a key counts as saying yes:
// the rules treat the completed document as done, with its completion date,
// unless a field says otherwise.
const (
	// FieldMeetingDate is the "Date of Meeting" (oxon.plan, bwmat.plan,
	// worcs.initial-meeting, worcs.review).
	FieldMeetingDate = "meeting_date"
	// FieldParentSigned is the parent/carer's signature (worcs.consent
	// "Signed: / Date:", worcs.initial-meeting, bwmat.plan "Name of parent:
	// Date: Signature:").
	FieldParentSigned = "parent_signed"
	// FieldChildSigned is the child's signature (worcs.initial-meeting
	// "Child/YP:", bwmat.plan's voluntary "Name of child: Date: Signature:").
	FieldChildSigned = "child_signed"
	// FieldSchoolSigned is the school representative's signature (bwmat.plan
	// "School Representative: Date: Signature:").
	FieldSchoolSigned = "school_signed"
	// FieldAPSigned is the Alternative Provision setting's signature
	// (worcs.initial-meeting "Alternative Provision Setting:").
	FieldAPSigned = "ap_setting_signed"
	// FieldHostSigned is the host school's signature (worcs.initial-meeting
	// "Host School:").
	FieldHostSigned = "host_school_signed"
	// FieldParentAgrees is yes/no: worcs.consent "Does the parent agree to a
	// reintegration?"; bwmat.plan "1. I agree with the content of these
	// minutes and the reintegration plan" (yes) or "2. I do not agree" (no).
	FieldParentAgrees = "parent_agrees"
	// FieldChildHappy is yes/no, bwmat.plan's voluntary child section: "I am
	// happy with this plan" (yes) or "I am not happy with this plan" (no).
	FieldChildHappy = "child_happy"
)

// Oxfordshire plan (oxon.plan, 000) fields.
const (
	// FieldParentAttended is yes/no: the parent/carer attended the planning
	// meeting ("This must include the parent/carer of the pupil").
	FieldParentAttended = "parent_attended"
	// FieldTimetableSupport: "the proposed timetable with reintegration
	// support to get back to full-time attendance within 6 weeks".
	FieldTimetableSupport = "timetable_support"
	// FieldReviewSchedule: "details of the review schedule".
	FieldReviewSchedule = "review_schedule"
	// FieldInterventions: "the supportive interventions that will accompany
	// this reduction in time at school".
	FieldInterventions = "supportive_interventions"
	// FieldSchoolChanges: "the environment system changes within school and
	// the new skills that will be taught".
	FieldSchoolChanges = "school_changes"
	// FieldExitStrategies: "outcome and exit strategies".
	FieldExitStrategies = "outcome_exit_strategies"
	// FieldNamedPerson: "the named person responsible for the plan within the
	// school" (the case's named person answers it too).
	FieldNamedPerson = "named_person"
	// FieldSafeguarding: "the consideration of safeguarding measures ... a
	// risk assessment (including CSE and CDE)" (a completed risk assessment
	// answers it too).
	FieldSafeguarding = "safeguarding_measures"
	// FieldExternalSupport: "external behaviour support and/or targeted early
	// help family support" considered.
	FieldExternalSupport = "external_support_considered"
	// FieldAPConsidered: "whether alternative provision should be considered
	// to meet need".
	FieldAPConsidered = "alternative_provision_considered"
	// FieldLACopySent is the date "a copy of the hours agreed and the plan"
	// went to the Local Authority.
	FieldLACopySent = "la_copy_sent"
	// FieldEHAConsidered is yes/no: the need for an Early Help Assessment was
	// considered, whatever was decided.
	FieldEHAConsidered = "eha_considered"
)

// Worcestershire (001) fields.
const (
	// FieldReview2Weeks is worcs.initial-meeting's "First Interim Review Date
	// (2 weeks)".
	FieldReview2Weeks = "review_2_weeks"
	// FieldReview4Weeks is "Second Interim Review Date (4 weeks)".
	FieldReview4Weeks = "review_4_weeks"
	// FieldReviewFinal is "Final Review Date (6 weeks)".
	FieldReviewFinal = "review_final"
	// FieldTransport is worcs.initial-meeting's "Transport Arrangements:".
	FieldTransport = "transport_arrangements"
	// FieldReviewKind is worcs.review's kind: ReviewKindReview,
	// ReviewKindEmergency or ReviewKindFinal, as a case's reviews use.
	FieldReviewKind = "review_kind"
	// FieldAPAttended is yes/no: the "Alternative Provision Representative"
	// was at the review.
	FieldAPAttended = "ap_attended"
	// FieldLAAttended is yes/no: the Local Authority was at the review (an
	// emergency review "must include representatives of the Alternative
	// Provision setting, family and Local Authority", 001 process 7).
	FieldLAAttended = "la_attended"
	// FieldJoinerForm is yes/no, worcs.outcome-successful's "Joiner Form
	// completed on Children's Services Portal".
	FieldJoinerForm = "joiner_form"
	// FieldEndDate is worcs.failed-letter's "The decision to end the
	// reintegration takes place with effect from (date)".
	FieldEndDate = "end_date"
	// FieldReturnToAP is worcs.outcome-unsuccessful's "Date of Return to
	// Alternative Provision Setting".
	FieldReturnToAP = "return_to_ap_date"
)

// Review kinds, as a case's reviews and worcs.review's FieldReviewKind use.
const (
	ReviewKindReview    = "review"
	ReviewKindEmergency = "emergency"
	ReviewKindFinal     = "final"
)

// NotifyJoinerForm is the "what" of a notification to school_admissions that
// the receiving school completed the Joiners Form (001 process 5).
const NotifyJoinerForm = "joiner_form"

// Havering (havering.plan, 003) and Hillingdon (hillingdon.placement, 004) fields.
const (
	// FieldPlacementStart is the AP placement's start date (003 s3.8, the
	// Individual Placement Agreement; 004, "from the start of the placement").
	FieldPlacementStart = "placement_start"
	// FieldPlacementEnd is the AP placement's agreed end date (003 s3.8).
	FieldPlacementEnd = "placement_end"
	// FieldBuddy is havering.plan's "Support staff and buddy are available to
	// ensure pupil feels welcome" (who they are).
	FieldBuddy = "buddy_support_staff"
	// FieldAdjustments is havering.plan's "Reasonable adjustments are explored
	// and put in place" (what they are).
	FieldAdjustments = "reasonable_adjustments"
	// FieldReturnPlan is hillingdon.placement's plan for the return, made "from
	// the start of the placement".
	FieldReturnPlan = "return_plan"
	// FieldContactLog is hillingdon.placement's weekly contact log: one entry
	// a line, each starting with its date ("2026-11-04 phone call with tutor").
	FieldContactLog = "contact_log"
	// FieldSeptemberDestination is hillingdon.placement's "planned September
	// destination" for a Key Stage 4 pupil.
	FieldSeptemberDestination = "september_destination"
)

// Answer is a field's value without surrounding spaces, and whether the
// record has the field at all. A present but blank field is an answer: it
// says the thing was not given.
func (r FormRecord) Answer(key string) (string, bool) {
	v, ok := r.Fields[key]
	return strings.TrimSpace(v), ok
}

// YesNo reads a yes/no field: answered is false when the field is absent,
// blank or not a yes or a no.
func (r FormRecord) YesNo(key string) (yes, answered bool) {
	v, _ := r.Answer(key)
	switch strings.ToLower(v) {
	case AnswerYes, "y", "true":
		return true, true
	case AnswerNo, "n", "false":
		return false, true
	}
	return false, false
}

// DateAnswer reads a date field (YYYY-MM-DD or DD/MM/YYYY); ok is false when
// it is absent, blank or not a date.
func (r FormRecord) DateAnswer(key string) (Date, bool) {
	v, _ := r.Answer(key)
	if v == "" {
		return Date{}, false
	}
	d, err := ParseDate(v)
	return d, err == nil
}

// DateList reads a field holding one dated entry a line (FieldContactLog):
// the dates that start its lines, or its comma- or semicolon-separated
// parts. Parts that do not start with a date are skipped: the forms package
// validates what people type.
func (r FormRecord) DateList(key string) []Date {
	v, _ := r.Answer(key)
	parts := strings.FieldsFunc(v, func(c rune) bool { return c == '\n' || c == ',' || c == ';' })
	var out []Date
	for _, p := range parts {
		words := strings.Fields(p)
		if len(words) == 0 {
			continue
		}
		if d, err := ParseDate(words[0]); err == nil {
			out = append(out, d)
		}
	}
	return out
}

// CompletedForm returns the latest completed record of the template.
func (c Case) CompletedForm(template string) (FormRecord, bool) {
	rec, ok := c.Form(template)
	return rec, ok && !rec.Completed.IsZero()
}

// FirstCompleted is the date the template was first completed, or the zero
// Date. A document done once stays done: a later revision does not move the
// date it was first ready.
func (c Case) FirstCompleted(template string) Date {
	var first Date
	for _, f := range c.Forms {
		if f.Template == template {
			first = MinDate(first, f.Completed)
		}
	}
	return first
}

// signature is what a signature field says.
type signature struct {
	asked  bool // the record has the field
	signed bool
	on     Date // the date signed, when the field holds one
}

func (r FormRecord) signature(key string) signature {
	v, ok := r.Answer(key)
	if !ok {
		return signature{}
	}
	if yes, said := r.YesNo(key); v == "" || (said && !yes) {
		return signature{asked: true}
	}
	d, _ := r.DateAnswer(key)
	return signature{asked: true, signed: true, on: d}
}

// signedOn is when a signature was given: its own date, else the day the
// form was completed. missing is true when the field says it is unsigned.
func signedOn(r FormRecord, key string, completed Date) (on Date, missing bool) {
	s := r.signature(key)
	switch {
	case s.asked && !s.signed:
		return Date{}, true
	case !s.on.IsZero():
		return s.on, false
	}
	return completed, false
}

// reviewIs reports whether a review is of the kind, however it was written.
func reviewIs(r Review, kind string) bool {
	return strings.EqualFold(strings.TrimSpace(r.Kind), kind)
}
