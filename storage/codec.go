package storage

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"reintegrate/model"
)

// How model values are written to and read from columns. Dates are always
// passed as YYYY-MM-DD text, never as time.Time, so the driver never writes
// Go's own time format into the file.

// dateArg is a date as a query argument: YYYY-MM-DD, or NULL when unset.
func dateArg(d model.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// textArg is optional text as a query argument: NULL when empty, so that a
// UNIQUE index only sees the UPNs that are there.
func textArg(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// parseStoredDate reads YYYY-MM-DD without fmt's scanning: ActiveCases reads
// tens of thousands of dates.
func parseStoredDate(s string) (model.Date, error) {
	if s == "" {
		return model.Date{}, nil
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return model.Date{}, fmt.Errorf("stored date %q is not YYYY-MM-DD", s)
	}
	y, e1 := strconv.Atoi(s[:4])
	m, e2 := strconv.Atoi(s[5:7])
	d, e3 := strconv.Atoi(s[8:])
	date := model.NewDate(y, time.Month(m), d)
	if e1 != nil || e2 != nil || e3 != nil || date.Day() != d || date.Month() != time.Month(m) || y < 1000 {
		return model.Date{}, fmt.Errorf("stored date %q is not a real date", s)
	}
	return date, nil
}

// date scans a nullable date column into *model.Date.
func date(d *model.Date) dateColumn { return dateColumn{d} }

type dateColumn struct{ d *model.Date }

func (c dateColumn) Scan(src any) error {
	var err error
	switch v := src.(type) {
	case nil:
		*c.d = model.Date{}
	case string:
		*c.d, err = parseStoredDate(v)
	case []byte:
		*c.d, err = parseStoredDate(string(v))
	default:
		err = fmt.Errorf("stored date has type %T, want text", src)
	}
	return err
}

// text scans a nullable text column into a string ("" for NULL).
func text(s *string) textColumn { return textColumn{s} }

type textColumn struct{ s *string }

func (c textColumn) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*c.s = ""
	case string:
		*c.s = v
	case []byte:
		*c.s = string(v)
	default:
		return fmt.Errorf("stored text has type %T", src)
	}
	return nil
}

// codes scans a list of codes stored as splitCodes reads them.
func codes[T ~string](list *[]T) codesColumn[T] { return codesColumn[T]{list} }

type codesColumn[T ~string] struct{ list *[]T }

func (c codesColumn[T]) Scan(src any) error {
	var s string
	if err := text(&s).Scan(src); err != nil {
		return err
	}
	*c.list = splitCodes[T](s)
	return nil
}

// joinCodes and splitCodes store a list of fixed words (reasons, flags,
// packs) as comma-separated text; validation keeps commas out of the words.
func joinCodes[T ~string](codes []T) string {
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = string(c)
	}
	return strings.Join(parts, ",")
}

func splitCodes[T ~string](s string) []T {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	out := make([]T, len(parts))
	for i, p := range parts {
		out[i] = T(p)
	}
	return out
}

// encodeSessions writes a week's ten sessions as one short text, Monday am,
// Monday pm, Tuesday am ... Friday pm, comma-separated; each is its mode, or
// "mode:minutes" for a partial session ("school,none,school:150,...").
func encodeSessions(days [5][2]model.Session) string {
	var b strings.Builder
	for i := range 10 {
		if i > 0 {
			b.WriteByte(',')
		}
		s := days[i/2][i%2]
		b.WriteString(string(s.Mode))
		if s.Partial {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(s.Minutes))
		}
	}
	return b.String()
}

func decodeSessions(text string) ([5][2]model.Session, error) {
	var days [5][2]model.Session
	parts := strings.Split(text, ",")
	if len(parts) != 10 {
		return days, fmt.Errorf("stored week %q has %d sessions, want 10", text, len(parts))
	}
	for i, p := range parts {
		s, err := decodeSession(p)
		if err != nil {
			return days, fmt.Errorf("stored week %q: %w", text, err)
		}
		days[i/2][i%2] = s
	}
	return days, nil
}

func decodeSession(p string) (model.Session, error) {
	mode, minutes, partial := strings.Cut(p, ":")
	s := model.Session{Mode: model.Mode(mode), Partial: partial}
	if partial {
		n, err := strconv.Atoi(minutes)
		if err != nil {
			return s, fmt.Errorf("session %q has bad minutes", p)
		}
		s.Minutes = n
	}
	return s, nil
}

// sessionsOn picks one day's am and pm from a stored week without decoding
// the other eight: `today` reads one day of thousands of weeks.
func sessionsOn(text string, day int) (am, pm model.Session, err error) {
	for i := 0; i < 2*day; i++ {
		_, text, _ = strings.Cut(text, ",")
	}
	a, rest, _ := strings.Cut(text, ",")
	p, _, _ := strings.Cut(rest, ",")
	if am, err = decodeSession(a); err == nil {
		pm, err = decodeSession(p)
	}
	return am, pm, err
}
