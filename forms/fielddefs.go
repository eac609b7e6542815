package forms

import (
	"slices"

	"reintegrate/model"
)

// Small constructors keep each template file a plain list in the seed's
// order.

func note(title string) Field { return Field{Kind: Note, Title: title} }

func short(key, title string) Field { return Field{Key: key, Title: title, Kind: ShortText} }
func long(key, title string) Field  { return Field{Key: key, Title: title, Kind: LongText} }
func date(key, title string) Field  { return Field{Key: key, Title: title, Kind: Date} }
func yesno(key, title string) Field { return Field{Key: key, Title: title, Kind: YesNo} }

func choice(key, title string, options, values []string) Field {
	return Field{Key: key, Title: title, Kind: Choice, Options: options, Values: values}
}

func signature(key, title string, parts ...Column) Field {
	return Field{Key: key, Title: title, Kind: Signature, Columns: parts}
}

func person(key, title string) Field { return Field{Key: key, Title: title, Kind: Person} }

func table(key, title string, cols ...Column) Field {
	return Field{Key: key, Title: title, Kind: Rows, Columns: cols}
}

func timetable(title string) Field { return Field{Key: timetableKey, Title: title, Kind: Timetable} }

func col(key, title string) Column { return Column{Key: key, Title: title, Kind: ShortText} }
func longCol(key, title string) Column {
	return Column{Key: key, Title: title, Kind: LongText, Width: 2}
}
func dateCol(key, title string) Column { return Column{Key: key, Title: title, Kind: Date} }
func yesnoCol(key, title string) Column {
	return Column{Key: key, Title: title, Kind: YesNo, Width: 0.7}
}
func signCol(title string) Column { return Column{Key: "signature", Title: title, Kind: Signature} }

func (f Field) req() Field                  { f.Required = true; return f }
func (f Field) dated() Field                { f.Dates = true; return f }
func (f Field) bound(b *Binding) Field      { f.Bind = b; return f }
func (f Field) help(s string) Field         { f.Help = s; return f }
func (f Field) lines(n int) Field           { f.Lines = n; return f }
func (f Field) rows(n int) Field            { f.MaxRows = n; return f }
func (f Field) rowTitles(t ...string) Field { f.RowTitles = t; return f }
func (f Field) withTime() Field             { f.WithTime = true; return f }
func (f Field) yesNo(yes, no string) Field  { f.Options = []string{yes, no}; return f }
func (f Field) text(s string) Field         { f.Text = s; return f }
func (f Field) sample(s string) Field       { f.Sample = s; return f }
func (f Field) hint(s string) Field         { f.Hint = s; return f }

// nameDOBHint says what to type in the seeds' "Name and DOB" cells.
const nameDOBHint = "type the child's name and date of birth, for example Zoë Clarke, 02/04/2013"

// parentNameHint says what to type for the parent or carer.
const parentNameHint = "type the parent's or carer's name, for example Jo Clarke"

func (f Field) neededWhen(w func(model.Case) (string, bool)) Field { f.NeededWhen = w; return f }

// Yes/no answers as model/formkeys.go stores them.
var yesNoValues = []string{model.AnswerYes, model.AnswerNo}

// worcsYesNo are the Worcestershire forms' tick boxes (001).
func worcsYesNo(key, title string) Field { return yesno(key, title).yesNo("YES", "NO") }

// parentSigned binds the parent's signature to the case's consent: the
// name always, the date as the consent's signing date once the parent
// agrees (agreeKey "yes"; an empty agreeKey asks nothing more).
func parentSigned(agreeKey string) *Binding {
	return &Binding{Case: "consent.parent_name, consent.signed",
		Fill: func(c model.Case, _ model.School, v Value) {
			v.Set("name", c.Consent.ParentName)
			v.Set("", c.Consent.Signed.String())
		},
		Apply: func(c *model.Case, v Value) {
			if name := v.Get("name"); name != "" {
				c.Consent.ParentName = name
			}
			if d := v.Date(""); !d.IsZero() && (agreeKey == "" || v.Other(agreeKey) == model.AnswerYes) {
				c.Consent.Signed = d
			}
		}}
}

// authorisedBy binds the school's signatory to the member of staff who
// authorised the part-time timetable (reg 11(1) 2024 Regs; consent.authorised-by).
var authorisedBy = &Binding{Case: "consent.authorised_by",
	Fill: func(c model.Case, _ model.School, v Value) { v.Set("name", c.Consent.AuthorisedBy) },
	Apply: func(c *model.Case, v Value) {
		if name := v.Get("name"); name != "" {
			c.Consent.AuthorisedBy = name
		}
	}}

// involvedRole is the first of the roles the case involves, else the first.
func involvedRole(roles ...model.Role) func(model.Case) model.Role {
	return func(c model.Case) model.Role {
		for _, r := range roles {
			if slices.ContainsFunc(c.Involvement, func(in model.Involvement) bool { return in.Role == r }) {
				return r
			}
		}
		return roles[0]
	}
}

// whenFlag makes an attendee needed for pupils with one of the flags.
func whenFlag(why string, flags ...model.Flag) func(model.Case) (string, bool) {
	return func(c model.Case) (string, bool) { return why, c.Pupil.Has(flags...) }
}

// reasonsGiven checks that a "do not agree" or "not happy" choice comes
// with its reasons.
func reasonsGiven(choiceKey, reasonsKey string) Check {
	return func(t *Template, r Record, _ model.Case) []FieldError {
		if r.Get(choiceKey) == model.AnswerNo && r.Get(reasonsKey) == "" {
			return []FieldError{t.errAt(reasonsKey, "this is needed when the answer is no: type the reasons")}
		}
		return nil
	}
}

func multi(key, title string, options, values []string) Field {
	return Field{Key: key, Title: title, Kind: MultiChoice, Options: options, Values: values}
}
