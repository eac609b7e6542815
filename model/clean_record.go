package model

// Cleaned is the pupil with its typed text sanitised (CleanName), as
// storage keeps it: whatever screen, form or file it came through.
func (p Pupil) Cleaned() Pupil {
	p.Name = CleanName(p.Name)
	p.PreferredName = CleanName(p.PreferredName)
	p.UPN = CleanName(p.UPN)
	return p
}

// Cleaned is the case with every piece of text a person typed sanitised:
// names on one line (CleanName), notes and reasons keeping their line
// breaks (CleanText). Storage applies it on every write, so a value that
// reached it without passing a reader still cannot forge what is shown.
func (c Case) Cleaned() Case {
	c.Pupil = c.Pupil.Cleaned()
	c.OutcomeNote = CleanText(c.OutcomeNote, true)
	c.ClosedBy = CleanName(c.ClosedBy)
	c.ClosedOver.Reason = CleanText(c.ClosedOver.Reason, true)
	c.NamedPerson = CleanName(c.NamedPerson)
	c.HomeLearning = CleanText(c.HomeLearning, true)
	c.Consent.ParentName = CleanName(c.Consent.ParentName)
	c.Consent.Relationship = CleanName(c.Consent.Relationship)
	c.Consent.AuthorisedBy = CleanName(c.Consent.AuthorisedBy)
	c.Involvement = cleanEach(c.Involvement, func(in *Involvement) { in.Name = CleanName(in.Name) })
	c.Notifications = cleanEach(c.Notifications, func(n *Notification) { n.SentBy = CleanName(n.SentBy) })
	c.Extensions = cleanEach(c.Extensions, func(e *Extension) { e.Reason = CleanText(e.Reason, true) })
	c.Reviews = cleanEach(c.Reviews, func(r *Review) {
		r.Notes = CleanText(r.Notes, true)
		r.PupilViewsText = CleanText(r.PupilViewsText, true)
		r.ParentViewsText = CleanText(r.ParentViewsText, true)
		r.Decisions = CleanText(r.Decisions, true)
		r.StruckOut.Reason = CleanText(r.StruckOut.Reason, true)
	})
	c.Forms = cleanEach(c.Forms, func(f *FormRecord) {
		fields := make(map[string]string, len(f.Fields))
		for k, v := range f.Fields {
			fields[k] = CleanText(v, true)
		}
		if f.Fields != nil {
			f.Fields = fields
		}
	})
	return c
}

// cleanEach cleans a copy of the slice, leaving the caller's untouched.
func cleanEach[T any](items []T, clean func(*T)) []T {
	if items == nil {
		return nil
	}
	out := make([]T, len(items))
	copy(out, items)
	for i := range out {
		clean(&out[i])
	}
	return out
}
