package model

// School is the school profile: who the school is, how long its sessions
// are, when it is shut, and which protocol packs it follows.
type School struct {
	Name           string
	URN            string
	LocalAuthority string
	Trust          string
	Sessions       SessionLengths
	Closures       []Closure // holidays and INSET days
	Packs          Packs
	RetentionYears int // closed cases are kept until date of birth + this many years (IRMS: 25)
}

// DefaultSchool is a fresh profile: default session lengths, national pack.
func DefaultSchool() School {
	return School{Sessions: DefaultSessionLengths, Packs: DefaultPacks(), RetentionYears: 25}
}

// Calendar builds the school's calendar.
func (s School) Calendar() *Calendar {
	c := NewCalendar(s.Closures...)
	if s.Sessions != (SessionLengths{}) {
		c.Sessions = s.Sessions
	}
	return c
}
