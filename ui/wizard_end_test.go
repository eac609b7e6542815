package ui

import (
	"testing"

	"reintegrate/model"
)

// The wizard offers the Friday of the sixth week as the planned end (000;
// 001 process 4; 002 s5.10), stepped back to a school day when the school
// is shut then.
func TestSixWeeksOnEndsOnASchoolDay(t *testing.T) {
	cal := testSchool().Calendar()
	for _, tt := range []struct{ start, want string }{
		{"2026-11-04", "2026-12-11"}, // an ordinary term: the sixth Friday
		{"2026-11-23", "2026-12-18"}, // sixth Friday 01/01/2027 is in the Christmas holiday
		{"2026-09-28", "2026-11-05"}, // sixth Friday 06/11/2026 is an INSET day
	} {
		got := sixWeeksOn(cal, model.MustDate(tt.start))
		if got != model.MustDate(tt.want) {
			t.Errorf("start %s: planned end %s, want %s", tt.start, got.UK(), model.MustDate(tt.want).UK())
		}
	}
}
