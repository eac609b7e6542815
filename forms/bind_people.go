package forms

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"reintegrate/model"
)

// roleLabels are the involvement roles as a form prints them.
var roleLabels = map[model.Role]string{
	model.SocialWorker: "Social worker", model.VirtualSchool: "Virtual School",
	model.SENDTeam: "SEND team", model.YouthJusticeRole: "Youth justice worker",
	model.EarlyHelpRole: "Early help worker", model.AttendanceTeam: "Attendance team",
	model.APSetting: "Alternative provision", model.HostSchool: "Host school",
	model.SchoolAdmissions: "School admissions",
}

// roleWords are the words people write in a "Role & Organisation" cell, by
// the role they mean; the first match wins, so the more specific come first.
var roleWords = []struct {
	role  model.Role
	words []string
}{
	{model.VirtualSchool, []string{"virtual school", "vsh"}},
	{model.YouthJusticeRole, []string{"youth justice", "yjes", "yot", "youth offending"}},
	{model.SENDTeam, []string{"send", "sen officer", "ehcp", "0-25", "case officer", "sen team"}},
	{model.EarlyHelpRole, []string{"early help", "families plus", "family support", "team around"}},
	{model.SocialWorker, []string{"social worker", "social care", "children's social"}},
	{model.AttendanceTeam, []string{"attendance"}},
	{model.SchoolAdmissions, []string{"admissions"}},
	{model.APSetting, []string{"alternative provision", "pru", "ap setting"}},
	{model.HostSchool, []string{"host school", "receiving school"}},
}

// guessRole reads the involvement role out of a "Role & Organisation" cell.
func guessRole(text string) (model.Role, bool) {
	t := " " + strings.ToLower(text) + " "
	for _, rw := range roleWords {
		for _, w := range rw.words {
			if strings.Contains(t, w) {
				return rw.role, true
			}
		}
	}
	return "", false
}

// involve records or updates one professional's part in the case.
func involve(c *model.Case, in model.Involvement) {
	for i, old := range c.Involvement {
		if old.Role == in.Role && (old.Name == "" || strings.EqualFold(old.Name, in.Name)) {
			old.Name = in.Name
			old.AttendedMeeting = old.AttendedMeeting || in.AttendedMeeting
			old.Agreed = model.MinDate(old.Agreed, in.Agreed)
			c.Involvement[i] = old
			return
		}
	}
	c.Involvement = append(c.Involvement, in)
}

// involvementName binds a setting's or school's name to an involvement.
func involvementName(role model.Role) *Binding {
	return &Binding{Case: "involvement (" + string(role) + ")",
		Fill: func(c model.Case, _ model.School, v Value) {
			if in, ok := c.Involved(role); ok {
				v.Set("", in.Name)
			}
		},
		Apply: func(c *model.Case, v Value) {
			if name := v.Get(""); name != "" {
				c.Involvement = slices.Clone(c.Involvement)
				if i := slices.IndexFunc(c.Involvement, func(in model.Involvement) bool { return in.Role == role }); i >= 0 {
					c.Involvement[i].Name = name
					return
				}
				involve(c, model.Involvement{Role: role, Name: name})
			}
		}}
}

// attendee binds a Person to the involvement in a role; an attendee of the
// meeting (meetingKey's date) was involved by that date.
func attendee(role func(model.Case) model.Role, meetingKey string) *Binding {
	return &Binding{Case: "involvement (by flag)",
		Fill: func(c model.Case, _ model.School, v Value) {
			if in, ok := c.Involved(role(c)); ok {
				v.Set("name", in.Name)
				v.Set("role", roleLabels[in.Role])
				if in.AttendedMeeting {
					v.Set("attended", model.AnswerYes)
				}
			}
		},
		Apply: func(c *model.Case, v Value) {
			if v.Get("name") == "" {
				return
			}
			in := model.Involvement{Role: role(*c), Name: v.Get("name"), AttendedMeeting: v.Get("attended") == "yes"}
			if in.AttendedMeeting {
				in.Agreed, _ = v.rec.Date(meetingKey)
			}
			c.Involvement = slices.Clone(c.Involvement)
			involve(c, in)
		}}
}

// fixedRole is a role that does not depend on the case.
func fixedRole(r model.Role) func(model.Case) model.Role {
	return func(model.Case) model.Role { return r }
}

// peopleRows binds a table of people (name, role and organisation,
// attended) to the case's involvement; rows whose role is not a
// professional role (the parents) stay on the form only.
func peopleRows(meetingKey string) *Binding {
	return &Binding{Case: "involvement",
		Fill: func(c model.Case, _ model.School, v Value) {
			for i, in := range c.Involvement {
				row := strconv.Itoa(i) + "."
				v.Set(row+"name", in.Name)
				v.Set(row+"role", roleLabels[in.Role])
				if in.AttendedMeeting {
					v.Set(row+"attended", model.AnswerYes)
				}
			}
		},
		Apply: func(c *model.Case, v Value) {
			c.Involvement = slices.Clone(c.Involvement)
			for r := range v.Field.rowCount() {
				row := strconv.Itoa(r) + "."
				role, ok := guessRole(v.Get(row + "role"))
				if !ok || v.Get(row+"name") == "" {
					continue
				}
				in := model.Involvement{Role: role, Name: v.Get(row + "name"), AttendedMeeting: v.Get(row+"attended") == "yes"}
				if in.AttendedMeeting {
					in.Agreed, _ = v.rec.Date(meetingKey)
				}
				involve(c, in)
			}
		}}
}

// plannedReviews are the indexes of the case's planned (not emergency)
// reviews in order of their due dates; a review struck out is none of
// them.
func plannedReviews(c model.Case) []int {
	var idx []int
	for i, r := range c.Reviews {
		if r.Kind != "emergency" && !r.Due.IsZero() && r.Counts() {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int { return c.Reviews[a].Due.Time().Compare(c.Reviews[b].Due.Time()) })
	return idx
}

// reviewDue binds the k-th planned review date (0 = the first, at two
// weeks). Blank, it is offered as start + 2, 4, 6 weeks (001 initial
// meeting; 002 appendix 1).
func reviewDue(k int, kind string) *Binding {
	return &Binding{Case: "reviews[" + strconv.Itoa(k) + "].due",
		Fill: func(c model.Case, _ model.School, v Value) {
			if idx := plannedReviews(c); k < len(idx) {
				v.Set("", c.Reviews[idx[k]].Due.String())
			} else if !c.Start.IsZero() {
				d := c.Start.AddDays(14 * (k + 1))
				if end := c.End(); !end.IsZero() && d.After(end) {
					d = end // the last review falls on the plan's last day at the latest
				}
				v.Set("", d.String())
			}
		},
		Apply: func(c *model.Case, v Value) {
			d := v.Date("")
			if d.IsZero() {
				return
			}
			c.Reviews = slices.Clone(c.Reviews)
			if idx := plannedReviews(*c); k < len(idx) {
				c.Reviews[idx[k]].Due = d
				return
			}
			c.Reviews = append(c.Reviews, model.Review{Due: d, Kind: kind})
		}}
}

// holdReview marks the review met on the date as held: the one already
// held that day, else the first not yet held whose fortnight the date
// falls in (reviews.scheduled), else a new one. A review struck out of the
// record stays as it was: the meeting is recorded afresh.
func holdReview(c *model.Case, held model.Date, kind string) *model.Review {
	c.Reviews = slices.Clone(c.Reviews)
	for i, r := range c.Reviews {
		if r.Held.Equal(held) && r.Counts() {
			return &c.Reviews[i]
		}
	}
	if kind != "emergency" {
		for _, i := range plannedReviews(*c) {
			r := c.Reviews[i]
			if r.Held.IsZero() && held.After(r.Due.AddDays(-14)) && held.OnOrBefore(r.Due) {
				c.Reviews[i].Held = held
				return &c.Reviews[i]
			}
		}
	}
	c.Reviews = append(c.Reviews, model.Review{Due: held, Held: held, Kind: kind})
	return &c.Reviews[len(c.Reviews)-1]
}

// reviewMeeting binds a review meeting's date to the case's reviews, with
// who took part and the outcome read from the other fields named.
type reviewKeys struct{ kind, parent, child, notes string }

func reviewMeeting(k reviewKeys) *Binding {
	return &Binding{Case: "reviews (held)",
		Apply: func(c *model.Case, v Value) {
			held := v.Date("")
			if held.IsZero() {
				return
			}
			kind := cmp.Or(v.Other(k.kind), "review")
			r := holdReview(c, held, kind)
			r.Kind = kind
			r.ParentAttended = r.ParentAttended || v.Other(k.parent) != ""
			r.PupilViews = r.PupilViews || v.Other(k.child) != ""
			if notes := v.Other(k.notes); notes != "" {
				r.Notes = notes
			}
		}}
}

// nextReview binds "Date of next meeting": a planned review on that date.
var nextReview = &Binding{Case: "reviews (due)",
	Apply: func(c *model.Case, v Value) {
		d := v.Date("")
		if d.IsZero() || slices.ContainsFunc(c.Reviews, func(r model.Review) bool { return r.Due.Equal(d) }) {
			return
		}
		c.Reviews = append(slices.Clone(c.Reviews), model.Review{Due: d, Kind: "review"})
	}}

// reviewRows binds a table of held reviews (date, progress...) to the case.
func reviewRows(dateCol, notesCol string) *Binding {
	return &Binding{Case: "reviews (held)",
		Apply: func(c *model.Case, v Value) {
			for r := range v.Field.rowCount() {
				row := strconv.Itoa(r) + "."
				held := v.Date(row + dateCol)
				if held.IsZero() {
					continue
				}
				rv := holdReview(c, held, "review")
				if notes := v.Get(row + notesCol); notes != "" {
					rv.Notes = notes
				}
			}
		}}
}
