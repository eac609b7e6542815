package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// texts is a section's rows as the text people read.
func texts(s Section) [][]string {
	out := make([][]string, len(s.Rows))
	for i, row := range s.Rows {
		for _, c := range row {
			out[i] = append(out[i], c.Text)
		}
	}
	return out
}

// column is one column of a section's rows, by heading.
func column(t *testing.T, s Section, head string) []string {
	t.Helper()
	i := slices.IndexFunc(s.Columns, func(c Column) bool { return c.Head == head })
	if i < 0 {
		t.Fatalf("section %q has no column %q", s.Title, head)
	}
	var out []string
	for _, row := range texts(s) {
		out = append(out, row[i])
	}
	return out
}

// measure is the row of a two-or-more-column section whose first cell is label.
func measure(t *testing.T, s Section, label string) []string {
	t.Helper()
	for _, row := range texts(s) {
		if strings.TrimSpace(row[0]) == label {
			return row[1:]
		}
	}
	t.Fatalf("section %q has no row %q", s.Title, label)
	return nil
}

// oneLine undoes the wrapping of notes, so a test can look for a sentence.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func section(t *testing.T, r Report, title string) Section {
	t.Helper()
	for _, s := range r.Sections {
		if s.Title == title {
			return s
		}
	}
	t.Fatalf("report %s has no section %q", r.Name, title)
	return Section{}
}

func TestReportPeriod(t *testing.T) {
	withHolidays, plain := reportSchool(), DefaultSchool()
	tests := []struct {
		name           string
		school         School
		from, to, on   string
		wantFrom, want string
		err            string
	}{
		// A half term runs from its first school day to its last, never into the holiday.
		{"half term from the calendar", withHolidays, "", "", "2026-11-27", "2026-11-02", "2026-12-18", ""},
		{"made in the holiday: the half term just ended", withHolidays, "", "", "2026-12-23", "2026-11-02", "2026-12-18", ""},
		{"no holidays: six weeks to the as-of date", plain, "", "", "2026-11-27", "2026-10-17", "2026-11-27", ""},
		{"only from: to the as-of date", plain, "2026-11-02", "", "2026-11-27", "2026-11-02", "2026-11-27", ""},
		{"only from, after the as-of date", plain, "2026-12-01", "", "2026-11-27", "2026-12-01", "2026-12-01", ""},
		{"only to: the six weeks up to it", plain, "", "2026-12-18", "2026-11-27", "2026-11-07", "2026-12-18", ""},
		{"to before from", plain, "2026-12-18", "2026-11-02", "2026-11-27", "", "", "from 18/12/2026 is after to 02/11/2026"},
		{"more than two years", plain, "2024-09-01", "2026-12-18", "2026-11-27", "", "", "a report covers at most two years"},
		{"no as-of date", plain, "", "", "", "", "", "on: the as-of date is missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ReportInput{School: tt.school}
			for _, p := range []struct {
				s string
				d *Date
			}{{tt.from, &in.From}, {tt.to, &in.To}, {tt.on, &in.On}} {
				if p.s != "" {
					*p.d = MustDate(p.s)
				}
			}
			from, to, err := in.Period()
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil || from.String() != tt.wantFrom || to.String() != tt.want {
				t.Errorf("Period() = %s, %s, %v; want %s, %s", from, to, err, tt.wantFrom, tt.want)
			}
		})
	}
}

func TestBuildReportUnknownName(t *testing.T) {
	_, err := BuildReport("ofsted", reportInput())
	if err == nil || !strings.Contains(err.Error(), `"ofsted"`) || !strings.Contains(err.Error(), `"governors"`) {
		t.Fatalf("err = %v, want it to name the report and list the choices", err)
	}
}

// 002 s7: the LA is told of every pupil on a reduced timetable; drafts,
// plans at full time and plans closed before the period are not listed.
func TestReportLA(t *testing.T) {
	r := mustReport(t, ReportLA, nil)
	s := section(t, r, "Pupils on a reduced timetable")
	if got, want := column(t, s, "Pupil"), []string{"Zoë Nguyễn", "Łukasz Kowalski", "Amelia-Rose O'Connor"}; !slices.Equal(got, want) {
		t.Errorf("pupils = %q, want %q", got, want)
	}
	tests := []struct{ head, zoe, lukasz, amelia string }{
		// Zoë's week of 23/11: mornings (15 h) and three afternoons (6 h); full time Y8 24 h (002 s2).
		// Amelia-Rose closed on 13/11: her last week, full time (25 h).
		{"Hours a week now", "21", "15", "25"},
		// Reception is 21 h (LGSCO via 002 s2), even below compulsory school age.
		{"Full time (h)", "24", "21", "24"},
		{"Planned end", "11/12/2026", "04/12/2026", "13/11/2026"},
		{"Extensions", "0", "0", "1"},
		{"Reviews held", "1", "1", "4"},
		{"Consent signed", "30/10/2026", "05/11/2026", "03/09/2026"},
		{"Status", "active", "active", "closed"},
		{"Outcome", "", "", "Successful"},
		{"Flags", "SEN support", "EHCP", "Looked after"},
	}
	for _, tt := range tests {
		if got, want := column(t, s, tt.head), []string{tt.zoe, tt.lukasz, tt.amelia}; !slices.Equal(got, want) {
			t.Errorf("%s = %q, want %q", tt.head, got, want)
		}
	}
	if csv := string(r.CSV()); !strings.Contains(csv, "Start (YYYY-MM-DD)") || !strings.Contains(csv, ",2026-11-02,") {
		t.Errorf("the CSV gives dates as YYYY-MM-DD and says so in the heading:\n%s", csv)
	}
}

func TestReportLAPastEndAndNilReturn(t *testing.T) {
	// WTIA 2024: a plan left running past its end is what the LA most needs to see.
	r := mustReport(t, ReportLA, func(in *ReportInput) { in.Cases[0].PlannedEnd = MustDate("2026-11-20") })
	if got := column(t, r.Sections[0], "Status")[0]; got != "active, past its planned end" {
		t.Errorf("status = %q, want it to say the plan runs past its end", got)
	}
	// A blank return could be a lost one: a period with nobody says "Nil return".
	nilReturn := mustReport(t, ReportLA, func(in *ReportInput) {
		in.From, in.To = MustDate("2027-02-01"), MustDate("2027-02-12")
	})
	row := measure(t, nilReturn.Sections[0], "Rosehill Academy")
	if want := []string{"139999", "01/02/2027", "12/02/2027", "0", "Nil return"}; !slices.Equal(row, want) {
		t.Errorf("nil return row = %q, want %q", row, want)
	}
	if !strings.Contains(oneLine(nilReturn.Text()), "Nil return: no pupils on a reduced timetable between 01/02/2027 and 12/02/2027.") {
		t.Errorf("the nil return does not say so in words:\n%s", nilReturn.Text())
	}
}

// Issue 6: the half-termly return lists new plans, changes of hours,
// extensions and closures, up to the as-of date.
func TestReportHalfTerm(t *testing.T) {
	tests := []struct {
		name string
		mod  func(*ReportInput)
		want []string // date pupil change
	}{
		{"as of 27/11", nil, []string{
			"02/11/2026 Zoë Nguyễn New plan", "09/11/2026 Zoë Nguyễn Hours changed",
			"09/11/2026 Łukasz Kowalski New plan", "09/11/2026 Amelia-Rose O'Connor Hours changed",
			"13/11/2026 Amelia-Rose O'Connor Closed",
			"16/11/2026 Zoë Nguyễn Hours changed", "23/11/2026 Zoë Nguyễn Hours changed"}},
		{"at the end of term: the planned steps have happened", func(in *ReportInput) { in.On = MustDate("2026-12-18") }, []string{
			"02/11/2026 Zoë Nguyễn New plan", "09/11/2026 Zoë Nguyễn Hours changed",
			"09/11/2026 Łukasz Kowalski New plan", "09/11/2026 Amelia-Rose O'Connor Hours changed",
			"13/11/2026 Amelia-Rose O'Connor Closed",
			"16/11/2026 Zoë Nguyễn Hours changed", "23/11/2026 Zoë Nguyễn Hours changed",
			"30/11/2026 Zoë Nguyễn Hours changed", "07/12/2026 Zoë Nguyễn Hours changed"}},
		// 002 s5.10: an extension is agreed with the parent; the LA hears of it.
		{"an extension in the period", func(in *ReportInput) {
			in.Cases[1].Extensions = []Extension{{Agreed: MustDate("2026-11-25"), NewEnd: MustDate("2026-12-11"), Reason: "Settling slowly"}}
		}, []string{
			"02/11/2026 Zoë Nguyễn New plan", "09/11/2026 Zoë Nguyễn Hours changed",
			"09/11/2026 Łukasz Kowalski New plan", "09/11/2026 Amelia-Rose O'Connor Hours changed",
			"13/11/2026 Amelia-Rose O'Connor Closed",
			"16/11/2026 Zoë Nguyễn Hours changed", "23/11/2026 Zoë Nguyễn Hours changed",
			"25/11/2026 Łukasz Kowalski Extended"}},
		{"nothing happened", func(in *ReportInput) { in.Cases = in.Cases[4:] }, []string{"  No changes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustReport(t, ReportHalfTerm, tt.mod)
			var got []string
			for _, row := range texts(r.Sections[0]) {
				got = append(got, row[0]+" "+row[1]+" "+row[4])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("changes:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
	r := mustReport(t, ReportHalfTerm, func(in *ReportInput) {
		in.Cases[1].Extensions = []Extension{{Agreed: MustDate("2026-11-25"), NewEnd: MustDate("2026-12-11"), Reason: "Settling slowly"}}
	})
	if text := r.Text(); !strings.Contains(text, "planned end moved from 04/12/2026 to 11/12/2026: Settling slowly (no parental agreement recorded)") ||
		!strings.Contains(text, "21 of 24 h (88%) a week, was 19 of 24 h (79%)") {
		t.Errorf("the details do not say what changed:\n%s", text)
	}
}

// 002 s5.11: governors see counts, lengths and outcomes; no names unless asked.
func TestReportGovernors(t *testing.T) {
	r := mustReport(t, ReportGovernors, nil)
	summary := section(t, r, "Summary")
	tests := []struct {
		label string
		want  []string
	}{
		{"Plans running in the period", []string{"4", ""}},
		{"Reduced timetable", []string{"3", "75%"}},
		{"Reintegration from AP", []string{"1", "25%"}},
		{"Started in the period", []string{"3", "75%"}},
		{"Closed in the period", []string{"1", "25%"}},
		{"Still running on 27/11/2026", []string{"3", "75%"}},
		// Lengths in school weeks: Łukasz 4, Noor 5, Zoë 6, Amelia-Rose 9 (ten weeks less the half term).
		{"Median length (school weeks)", []string{"5.5", ""}},
		{"Mean length (school weeks)", []string{"6", ""}},
		{"Longer than six weeks", []string{"1", "25%"}},
		{"Pupil with SEND (SEN support or EHCP)", []string{"2", "50%"}},
		{"Pupil with an EHCP", []string{"1", "25%"}},
		// 002 s5.10: a second reduced timetable for behaviour.
		{"Repeat reduced timetable for behaviour", []string{"1", "25%"}},
	}
	for _, tt := range tests {
		if got := measure(t, summary, tt.label); !slices.Equal(got, tt.want) {
			t.Errorf("%s = %q, want %q", tt.label, got, tt.want)
		}
	}
	if got := measure(t, section(t, r, "Outcomes of the plans closed in the period"), "Successful"); !slices.Equal(got, []string{"1", "100%"}) {
		t.Errorf("successful outcomes = %q", got)
	}
	weeks := section(t, r, "Week by week")
	if got, want := column(t, weeks, "Plans running"), []string{"2", "3", "3", "3", "3", "2", "1"}; !slices.Equal(got, want) {
		t.Errorf("plans running each week = %q, want %q", got, want)
	}
	// 02/11: Zoë 15 of 24 h, Amelia-Rose 23 of 24 h.
	if got := weeks.Rows[0][2].Text + " " + weeks.Rows[0][4].Text; got != "19 79%" {
		t.Errorf("week of 02/11: mean hours and share = %q, want 19 79%%", got)
	}
	if len(weeks.Charts) != 2 || len(weeks.Charts[0].Bars) != 7 {
		t.Errorf("want two charts of seven weeks, got %+v", weeks.Charts)
	}
	for _, name := range []string{"Zoë", "Łukasz", "Amelia", "Noor"} {
		if strings.Contains(r.Text(), name) || strings.Contains(string(r.CSV()), name) {
			t.Errorf("the governors' summary names %s without --names", name)
		}
	}
	named := mustReport(t, ReportGovernors, func(in *ReportInput) { in.Names = true })
	if got := column(t, section(t, named, "Plans"), "Pupil"); !slices.Equal(got, []string{"Zoë Nguyễn", "Łukasz Kowalski", "Amelia-Rose O'Connor", "Noor Hussain"}) {
		t.Errorf("named plans = %q", got)
	}
}

// 002 s7: the trust's statistics are anonymised; small counts are suppressed.
func TestReportTrustNamesNobody(t *testing.T) {
	r := mustReport(t, ReportTrust, nil)
	all := r.Text() + string(r.CSV()) + string(r.Markdown())
	for _, c := range reportCases() {
		for _, secret := range []string{c.Pupil.Name, c.Pupil.UPN, c.Pupil.DateOfBirth.UK(), c.Pupil.DateOfBirth.String(), c.OutcomeNote} {
			if secret != "" && strings.Contains(all, secret) {
				t.Errorf("the trust report gives away %q", secret)
			}
		}
	}
	summary := section(t, r, "Summary")
	for _, label := range []string{"Plans running in the period", "Reduced timetable", "Longer than six weeks"} {
		if got := measure(t, summary, label); got[0] != "<5" {
			t.Errorf("%s = %q, want <5 (counts 1 to 4 suppressed)", label, got)
		}
	}
	if got := measure(t, summary, "Child Protection or Child in Need plan"); got[0] != "0" {
		t.Errorf("a count of 0 identifies nobody and is shown; got %q", got)
	}
}

// Counts of five and more are shown; where one count of a breakdown is
// hidden, the next smallest is withheld so it cannot be subtracted out.
func TestReportTrustSecondarySuppression(t *testing.T) {
	r := mustReport(t, ReportTrust, func(in *ReportInput) {
		zoe := in.Cases[0]
		in.Cases = nil
		for i := range 7 {
			c := zoe
			c.ID, c.Pupil.ID, c.Pupil.Name = int64(100+i), int64(100+i), fmt.Sprintf("Pupil %d", i)
			in.Cases = append(in.Cases, c)
		}
		in.Cases[6].Kind = SuspensionReintegration
	})
	summary := section(t, r, "Summary")
	tests := []struct {
		label string
		want  []string
	}{
		{"Plans running in the period", []string{"7", ""}},
		{"Reduced timetable", []string{"x", "x"}}, // 6, withheld: 7 - 6 would give the hidden 1
		{"Reintegration after suspension", []string{"<5", "x"}},
		{"Reintegration from AP", []string{"0", "0%"}},
		{"Pupil with SEND (SEN support or EHCP)", []string{"7", "100%"}},
	}
	for _, tt := range tests {
		if got := measure(t, summary, tt.label); !slices.Equal(got, tt.want) {
			t.Errorf("%s = %q, want %q", tt.label, got, tt.want)
		}
	}
}

// RULES.md "Register codes" and 002 s6: / and \ in school, B off site, D
// dual registered, K LA provision, C2 not required, X not required below
// compulsory school age, # on a bank holiday.
func TestReportRegisterCodes(t *testing.T) {
	week := Week{WeekBeginning: MustDate("2027-05-03")} // Monday 03/05/2027 is the early May bank holiday
	week.Days = [5][2]Session{
		{{Mode: InSchool}, {Mode: InSchool}},
		{{Mode: Offsite}, {Mode: NoSession}},
		{{Mode: Dual}, {Mode: LAProvision}},
		{{Mode: HomeLearning}, {Mode: NoSession}},
		{{Mode: InSchool}, {Mode: InSchool}},
	}
	plan := func(id int64, name string, year YearGroup, dob string) Case {
		return Case{ID: id, Kind: ReducedTimetable, Status: Active, Start: MustDate("2027-05-03"), PlannedEnd: MustDate("2027-05-14"),
			Pupil:     Pupil{ID: id, Name: name, YearGroup: year, DateOfBirth: MustDate(dob)},
			Timetable: []Week{week}}
	}
	in := ReportInput{School: DefaultSchool(), On: MustDate("2027-05-07"), From: MustDate("2027-05-03"), To: MustDate("2027-05-11"),
		Cases: []Case{plan(1, "Zoë Year Five", "Y5", "2017-01-10"), plan(2, "Nguyễn Reception", "R", "2022-08-20")}}
	r, err := BuildReport(ReportRegister, in)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, row := range texts(r.Sections[0]) {
		got = append(got, strings.Join(row[3:], " "))
	}
	want := []string{
		"03/05/2027 Mon # # school closed: Early May bank holiday",
		"04/05/2027 Tue B C2 ", "05/05/2027 Wed D K ", "06/05/2027 Thu C2 C2 ", `07/05/2027 Fri / \ `,
		"10/05/2027 Mon   " + noWeekPlanned, "11/05/2027 Tue   " + noWeekPlanned,
		"03/05/2027 Mon # # school closed: Early May bank holiday",
		"04/05/2027 Tue B X X: not of compulsory school age", "05/05/2027 Wed D K ",
		"06/05/2027 Thu X X X: not of compulsory school age", `07/05/2027 Fri / \ `,
		"10/05/2027 Mon   " + noWeekPlanned, "11/05/2027 Tue   " + noWeekPlanned,
	}
	if !slices.Equal(got, want) {
		t.Errorf("register rows:\n got %q\nwant %q", got, want)
	}
	if name := BankHolidays[MustDate("2027-05-03")]; !strings.Contains(r.Text(), name) {
		t.Errorf("the register does not name the bank holiday %q", name)
	}
}

// 000: names go to Social Care, Youth Justice and Early Help once a half
// term; the list shows which have gone.
func TestReportSocialCare(t *testing.T) {
	r := mustReport(t, ReportSocialCare, nil)
	s := r.Sections[0]
	if got := column(t, s, "Shared with Social Care"); !slices.Equal(got, []string{"not yet", "20/11/2026", "not yet"}) {
		t.Errorf("shared with Social Care = %q", got)
	}
	if got := column(t, s, "Professionals")[1]; got != "LA SEND team: Ms L Fairweather" {
		t.Errorf("professionals = %q", got)
	}
	empty := mustReport(t, ReportSocialCare, func(in *ReportInput) { in.Cases = nil })
	if !strings.Contains(oneLine(empty.Text()), "there are no names to share this half term") {
		t.Errorf("an empty list does not say so:\n%s", empty.Text())
	}
}

// Every report in every format, compared with the files under testdata/reports.
func TestReportGolden(t *testing.T) {
	for _, name := range ReportNames {
		r := mustReport(t, name, nil)
		t.Run(name, func(t *testing.T) {
			goldenReport(t, name+".txt", []byte(r.Text()))
			goldenReport(t, name+".csv", r.CSV())
			goldenReport(t, name+".md", r.Markdown())
		})
	}
	named := mustReport(t, ReportGovernors, func(in *ReportInput) { in.Names = true })
	goldenReport(t, "governors-names.txt", []byte(named.Text()))
}

// Typed text cannot break a table: a pipe or an underscore in a name stays
// in its cell in Markdown, and an escape sequence never reaches a terminal.
func TestReportTypedTextIsSafe(t *testing.T) {
	r := mustReport(t, ReportLA, func(in *ReportInput) {
		in.Cases[0].Pupil.Name = "Sam|_Taylor_\x1b[31m"
		in.Cases[0].Pupil.UPN = "=HYPERLINK(\"x\")"
	})
	if strings.Contains(r.Text(), "\x1b") {
		t.Error("the text output holds an escape sequence")
	}
	if md := string(r.Markdown()); strings.Contains(md, "Sam|") || !strings.Contains(md, `Sam\|\_Taylor\_`) {
		t.Errorf("the Markdown does not escape the name:\n%s", md)
	}
	if csv := string(r.CSV()); !strings.Contains(csv, `"'=HYPERLINK(""x"")"`) {
		t.Errorf("the CSV lets a formula through:\n%s", csv)
	}
}

func TestChartTextLines(t *testing.T) {
	c := Chart{Bars: []Bar{{"a", 50}, {"b", 100}, {"c", 0}}, Unit: "%", Mark: 100, MarkLabel: "full time"}
	got := strings.Join(c.TextLines(), "\n")
	want := "full time │┈┈┈██┈┈┈┈\n" +
		"          │   ██\n" +
		"          │   ██\n" +
		"          │██ ██\n" +
		"          │██ ██\n" +
		"          │██ ██\n" +
		"        0 └─────────\n" +
		"            a       c"
	if got != want {
		t.Errorf("chart:\n%s\nwant:\n%s", got, want)
	}
}
