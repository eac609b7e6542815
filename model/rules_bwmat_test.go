package model

import "testing"

func bwmatRows() map[string][]localRow {
	ap := localAP()
	return map[string][]localRow{
		"bwmat.governors": {
			{seed: "002 appendix 1: governors told as soon as the plan was agreed", c: localReduced(), on: "2026-11-18", want: Met, due: "2026-11-02"},
			{seed: "002 s5.11: governors told after the timetable began", c: localReduced(localUnnotify(Governors), localNotify(Governors, "2026-11-04", "start")),
				on: "2026-11-18", want: Unmet, msg: "2 days late"},
			{seed: "002 s5.11: governors never told", c: localReduced(localUnnotify(Governors)), on: "2026-11-18", want: Overdue, due: "2026-11-02"},
			{seed: "002 appendix 1: agreed, not started, governors still to hear", c: localReduced(localUnnotify(Governors)), on: "2026-10-28", want: Due, due: "2026-11-02"},
			{seed: "002: only reduced timetables", c: ap, on: "2026-11-18", want: NotApplicable},
		},
		"bwmat.plan-signed": {
			{seed: "002 appendix 1: signed by school, parent (agree) and child", c: localReduced(), on: "2026-11-18", want: Met, msg: "the child signed too"},
			{seed: "002 appendix 1: the child's section is voluntary", c: localReduced(localSetField(TemplateBWMATPlan, FieldChildHappy, AnswerNo, FieldChildSigned, "")),
				on: "2026-11-18", want: Met, msg: "not happy"},
			{seed: "002 appendix 1: \"I do not agree\" stops the plan", c: localReduced(localSetField(TemplateBWMATPlan, FieldParentAgrees, AnswerNo)),
				on: "2026-11-18", want: Unmet, msg: "I do not agree"},
			{seed: "002 s5.3: the parent signed after the start", c: localReduced(localSetField(TemplateBWMATPlan, FieldParentSigned, "04/11/2026")),
				on: "2026-11-18", want: Unmet, msg: "2 days late"},
			{seed: "002 appendix 1: the parent has not signed", c: localReduced(localSetField(TemplateBWMATPlan, FieldParentSigned, "")),
				on: "2026-11-18", want: Overdue, msg: "not yet signed by the parent"},
			{seed: "002 appendix 1: the school has not signed", c: localReduced(localSetField(TemplateBWMATPlan, FieldSchoolSigned, AnswerNo)),
				on: "2026-10-28", want: Due, due: "2026-11-02", msg: "the school representative"},
			{seed: "002 appendix 1: no plan yet", c: localReduced(localWithForm(TemplateBWMATPlan)), on: "2026-10-28", want: Due, due: "2026-11-02"},
			{seed: "002 appendix 1: a completed plan from a case file without our keys", c: localReduced(localWithForm(TemplateBWMATPlan,
				localForm(TemplateBWMATPlan, "2026-10-30"))), on: "2026-11-18", want: Met},
			{seed: "002: only reduced timetables", c: ap, on: "2026-11-18", want: NotApplicable},
		},
	}
}

func TestBWMATRules(t *testing.T) {
	for rule, rows := range bwmatRows() {
		t.Run(rule, func(t *testing.T) { localRun(t, rule, rows) })
	}
}
