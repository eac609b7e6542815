package model

import (
	"reflect"
	"strings"
	"testing"
)

func schoolForFile() School {
	s := DefaultSchool()
	s.Name, s.URN, s.LocalAuthority, s.Trust = "St Zoë's & St Łukasz's C of E Academy", "123456", "Somerset", "BWMAT"
	s.Sessions = SessionLengths{AM: 165, PM: 105}
	s.Closures = []Closure{
		{First: MustDate("2027-02-15"), Last: MustDate("2027-02-19"), Name: "February half term"},
		{First: MustDate("2027-01-04"), Last: MustDate("2027-01-04"), Name: "INSET"},
	}
	s.Packs.On = []Pack{National, Oxfordshire, BWMAT}
	s.Packs.Params.MaxWeeks, s.Packs.Params.ThresholdHours = 8, 25
	s.RetentionYears = 30
	return s
}

// The school file carries the whole profile: written and read back it is
// the same school, calendar, session lengths, packs and parameters.
func TestSchoolFileRoundTrip(t *testing.T) {
	s := schoolForFile()
	data, err := EncodeSchoolFile(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"format": "reintegrate/school@1"`, `"first": "2027-02-15"`, `"am": 165`,
		`"packs": [`, `"threshold_hours": 25`, "St Zoë's & St Łukasz's"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the school file lacks %s:\n%s", want, data)
		}
	}
	got, err := ParseSchoolFile(data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if !reflect.DeepEqual(got, s) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, s)
	}
	if got.Calendar().Day(MustDate("2027-02-16"), PlanDates{}).Planned() {
		t.Error("the half term read back is not a shut day")
	}
}

// Keys left out take the default profile's values; "format" alone is a
// school file (national pack, 180/120 minutes, no closures).
func TestSchoolFileDefaults(t *testing.T) {
	got, err := ParseSchoolFile([]byte("\uFEFF" + `{"format": "reintegrate/school@1", "params": {"max_weeks": 7}, "packs": ["bwmat", "national"]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := DefaultSchool()
	want.Packs.On = []Pack{BWMAT, National}
	want.Packs.Params.MaxWeeks = 7
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// Bad input names the key by its path and says what to type, every problem
// at once; nothing is half read.
func TestSchoolFileRefusals(t *testing.T) {
	tests := []struct {
		name, file string
		says       []string
	}{
		{"empty", "", []string{"the file is empty", "export --school"}},
		{"not JSON", `{"format": `, []string{"not valid JSON at line 1"}},
		{"a case file", `{"format": "reintegrate/case@1", "pupil": {}}`, []string{"format: this is a case file, not a school file"}},
		{"another format", `{"format": "reintegrate/school@2"}`, []string{`format: "reintegrate/school@2" is not a format this version reads: type "reintegrate/school@1"`}},
		{"no format", `{"name": "St Mary's"}`, []string{"format: missing"}},
		{"unknown key, near a real one", `{"format": "reintegrate/school@1", "closure": []}`, []string{`closure: "closure" is not a key of a school file: did you mean "closures"?`}},
		{"a closure's bad date and reversed dates", `{"format": "reintegrate/school@1", "closures": [
			{"first": "2027-02-30", "last": "2027-02-19", "name": "half term"},
			{"first": "2027-02-19", "last": "2027-02-15", "name": "backwards"},
			{"last": "2027-02-15"}]}`,
			[]string{"closures[0].first:", "closures[1]: the closure \"backwards\" ends on 15/02/2027, before it starts on 19/02/2027", "closures[2].first: missing"}},
		{"sessions out of range", `{"format": "reintegrate/school@1", "sessions": {"am": 900, "pm": "two hours"}}`,
			[]string{"sessions.am: 900 is not possible", "sessions.pm:"}},
		{"a pack that is not one", `{"format": "reintegrate/school@1", "packs": ["national", "oxford"]}`, []string{`packs[1]: "oxford" is not a pack`}},
		{"a parameter that is not a number", `{"format": "reintegrate/school@1", "params": {"max_weeks": -1, "threshold_hours": "lots"}}`,
			[]string{"params.max_weeks: -1 is not possible", "params.threshold_hours:"}},
		{"a name past its limit", `{"format": "reintegrate/school@1", "name": "` + strings.Repeat("a", MaxNameLength+1) + `"}`, []string{"name: has 201 characters"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSchoolFile([]byte(tt.file))
			if err == nil {
				t.Fatalf("read as %+v, want refused", s)
			}
			for _, want := range tt.says {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error does not say %q:\n%v", want, err)
				}
			}
		})
	}
}

// FuzzParseSchoolFile: whatever the bytes, the reader never panics, and
// whatever it accepts writes and reads back to the same school, and the
// same bytes again.
func FuzzParseSchoolFile(f *testing.F) {
	if data, err := EncodeSchoolFile(schoolForFile()); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"format": "reintegrate/school@1"}`))
	f.Add([]byte(`{"format": "reintegrate/school@1", "packs": ["national", "national"], "sessions": {"am": 1, "pm": 600}}`))
	f.Add([]byte(`{"format": "reintegrate/school@1", "closures": [{"first": "15/02/2027", "last": "2027-02-19", "name": "\u202eZoë\u0007"}], "params": {"threshold_hours": 1e-9}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseSchoolFile(data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an error with no message")
			}
			return
		}
		first, err := EncodeSchoolFile(s)
		if err != nil {
			t.Fatalf("accepted but cannot be written: %v", err)
		}
		again, err := ParseSchoolFile(first)
		if err != nil {
			t.Fatalf("written but cannot be read back: %v\n%s", err, first)
		}
		if !reflect.DeepEqual(again, s) {
			t.Fatalf("Parse(Encode(x)) != x\n got %+v\nwant %+v", again, s)
		}
		if second, err := EncodeSchoolFile(again); err != nil || string(first) != string(second) {
			t.Fatalf("Encode(Parse(Encode(x))) != Encode(x): %v", err)
		}
	})
}
