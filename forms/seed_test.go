package forms

import (
	"bufio"
	"bytes"
	"cmp"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"reintegrate/model"
)

// The seeds' own text lives in testdata/seeds/TEMPLATE.txt: verbatim
// excerpts of the seed file its first line names, so the tests run on a
// clean clone where ../shared/seeds is not there.
const seedsDir = "testdata/seeds"

// excerptBlock is a run of excerpt lines checked in order on its own.
type excerptBlock struct {
	title string
	lines []string
}

// excerpts reads a template's excerpt file: the seed it quotes and its
// blocks of lines.
func excerpts(t *testing.T, id string) (source string, blocks []excerptBlock) {
	t.Helper()
	f, err := os.Open(filepath.Join(seedsDir, id+".txt"))
	if err != nil {
		t.Fatalf("no seed excerpts for %s: %v", id, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# source: "):
			source = strings.TrimPrefix(line, "# source: ")
		case strings.HasPrefix(line, "## "):
			blocks = append(blocks, excerptBlock{title: strings.TrimPrefix(line, "## ")})
		case strings.HasPrefix(line, "#"), strings.TrimSpace(line) == "":
		case len(blocks) == 0:
			t.Fatalf("%s: a line before the first \"## \" block: %q", id, line)
		default:
			b := &blocks[len(blocks)-1]
			b.lines = append(b.lines, line)
		}
	}
	if source == "" || len(blocks) == 0 {
		t.Fatalf("%s: the excerpts name no source or have no lines", id)
	}
	return source, blocks
}

// The excerpts are the seed's own words: each line is in the seed file as
// written (checked where the seeds are, ../shared/seeds beside the repo).
func TestSeedExcerptsVerbatim(t *testing.T) {
	for _, tmpl := range Templates() {
		t.Run(tmpl.ID, func(t *testing.T) {
			source, blocks := excerpts(t, tmpl.ID)
			seed, err := os.ReadFile(filepath.Join("..", "..", "shared", "seeds", source))
			if err != nil {
				t.Skipf("the seed %s is not here (%v): the excerpts are checked against it where ../shared/seeds exists", source, err)
			}
			for _, b := range blocks {
				for _, line := range b.lines {
					if !bytes.Contains(seed, []byte(line)) {
						t.Errorf("%s: not in %s as written: %q", b.title, source, line)
					}
				}
			}
		})
	}
}

// seedRepairs read the few lines that the seeds' conversion from Word to
// text garbled, as the printed templates have them. Each is keyed by the
// excerpt line without its trailing tabs.
var seedRepairs = map[string][]string{
	// 002 appendix 1: two cells of the people table's title ran together.
	"Parents/Carers (including th Professionals involved with\tose who have day to day care) the child:\t&": {
		"Parents/Carers (including those who have day to day care) & Professionals involved with the child:"},
	// 002 appendix 1: the last column's heading was cut at the page edge.
	"Name:\tRole & Organisation:\tAttended? (Y/N)\tHave they been inform timetable? If not, plea": {
		"Name:", "Role & Organisation:", "Attended? (Y/N)", "Have they been informed of the timetable? If not, please"},
	// 002 appendix 1: the grid's heading, "Thursday"'s T caught in
	// Wednesday's cell and "Time in Education" over two rows; the am/pm row
	// under each day is written into each day's column heading in Markdown,
	// so it is checked by TestTimetableGridHeading rather than here.
	"Week beginning:\tMonday\t\tTuesday\t\tWednesday T\t\tThursday\t\tFriday\t\tTime in": {
		"Week beginning:", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Time in Education"},
	"\tam\tpm\tam\tpm\tam\tpm\tam\tpm\tam\tpm\tEducation": {},
	// 001 Reintegration Timetable: the am/pm row under each day, checked by
	// TestTimetableGridHeading as 002's is.
	"\tam\tpm\tam\tpm\tam\tpm\tam\tpm\tam\tpm": {},
	// 002 appendix 1: the cell "[INSERT NAMES OF OTHER PROFESSIONALS]:" wraps.
	"[INSERT NAMES OF\tDate:\tSignature:": {"[INSERT NAMES OF OTHER PROFESSIONALS]:", "Date:", "Signature:"},
	"OTHER PROFESSIONALS]:":               {},
	// 001 sample letter: the outer bracket closes the "(name of home school"
	// blank, which the letter prints as a blank of its own.
	"I have today made the decision to end the reintegration arrangement that was set up with (name of home school and yourself/ves at our original meeting on (date of Initial Reintegration Meeting)).": {
		"I have today made the decision to end the reintegration arrangement that was set up with (name of home school and yourself/ves at our original meeting on (date of Initial Reintegration Meeting)."},
}

var (
	paraTags = regexp.MustCompile(`</?p>`)
	autoLink = regexp.MustCompile(`<(https?://[^>]*)>`)
)

// cells are the wording one excerpt line asks for, in order: the seed's
// table cells, without the Markdown the seeds were written in (bold, list
// markers, <p> and <https://...>), a cell the seed repeats across a merged
// cell said once, and "Yes/No" read as the two tick boxes it stands for.
func cells(line string) []string {
	if repaired, ok := seedRepairs[strings.TrimRight(line, "\t ")]; ok {
		return repaired
	}
	line = autoLink.ReplaceAllString(paraTags.ReplaceAllString(line, "\t"), "$1")
	var out []string
	for _, c := range strings.Split(line, "\t") {
		c = strings.TrimSpace(strings.ReplaceAll(c, "**", ""))
		c = strings.TrimSpace(strings.TrimLeft(c, "-•"))
		switch {
		case !strings.ContainsFunc(c, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }):
		case c == "Yes/No":
			out = append(out, "Yes", "No")
		case len(out) > 0 && strings.HasPrefix(c, out[len(out)-1]):
			out[len(out)-1] = c // "Child Protection", "Child Protection"; "Early Help/Families", "... Plus"
		default:
			out = append(out, c)
		}
	}
	return out
}

// plainText is printed or shown text reduced to its words: tick boxes,
// Markdown's emphasis, escapes, table bars and list markers go, runs of
// white space are one space.
func plainText(s string) string {
	s = strings.NewReplacer(boxOn, " ", boxOff, " ", "**", "", `\`, "", "<br>", " ", "|", " ", "•", " ").Replace(s)
	var words []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		line = strings.TrimLeft(line, "#")
		if strings.HasPrefix(line, "- ") || line == "-" || strings.Trim(line, "- ") == "" {
			line = strings.TrimPrefix(strings.Trim(line, " "), "-")
		}
		words = append(words, strings.Fields(line)...)
	}
	return strings.Join(words, " ")
}

// inSeedOrder finds each wanted string in text after the one before it, as
// whole words and ignoring case; it returns the first one missing.
func inSeedOrder(text string, want []string) (string, bool) {
	text = strings.ToLower(plainText(text))
	at := 0
	for _, w := range want {
		w = strings.ToLower(strings.Join(strings.Fields(w), " "))
		i := wholeWord(text[at:], w)
		if i < 0 {
			return w, false
		}
		at += i + len(w)
	}
	return "", true
}

// wholeWord is the index of the first match of w in s that does not start
// or end inside a word ("NO" is not found in "Notes").
func wholeWord(s, w string) int {
	for from := 0; ; {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return -1
		}
		i += from
		before, after := rune(' '), rune(' ')
		if i > 0 {
			before = lastRune(s[:i])
		}
		if end := i + len(w); end < len(s) {
			after = []rune(s[end:])[0]
		}
		if !(isWordRune(before) && isWordRune(firstRune(w))) && !(isWordRune(after) && isWordRune(lastRune(w))) {
			return i
		}
		from = i + 1
	}
}

func isWordRune(r rune) bool  { return unicode.IsLetter(r) || unicode.IsDigit(r) }
func firstRune(s string) rune { return []rune(s)[0] }
func lastRune(s string) rune  { r := []rune(s); return r[len(r)-1] }

// formWording is the template as its form shows it, in order: section
// titles, notes, field titles, options, table columns and rows, and the
// printed grid's heading. The huh form, the validation and the printouts
// are all built from these.
func formWording(t *Template) string {
	var b strings.Builder
	if !t.Letter {
		b.WriteString(t.Title + "\n")
	}
	for _, s := range t.Sections {
		b.WriteString(s.Title + "\n")
		for i := range s.Fields {
			if t.Letter {
				writeLetterWording(&b, t, &s.Fields[i])
				continue
			}
			writeFieldWording(&b, &s.Fields[i])
		}
	}
	return b.String()
}

func writeFieldWording(b *strings.Builder, f *Field) {
	line := func(s ...string) { b.WriteString(strings.Join(s, "\n") + "\n") }
	if f.Kind == Rating {
		line(f.Options...) // the grid's heading comes first
	}
	line(f.Title, f.Text)
	if f.Kind != Rating {
		line(f.Options...)
	}
	if f.Kind == YesNo {
		labels := yesNoLabels(f.Options)
		line(labels[:]...)
	}
	for _, c := range f.Columns {
		line(c.Title)
	}
	if f.Kind == Signature && len(f.Columns) == 0 {
		line("Name:", "Date:", "Signature:")
	}
	if f.Kind == Rows {
		for r := range f.rowCount() {
			if r < len(f.RowTitles) {
				line(f.RowTitles[r])
			} else {
				line(strconv.Itoa(r+1) + ".") // the seed's numbered rows
			}
		}
	}
	for _, row := range f.Table {
		line(row...)
	}
	if f.Kind == Timetable {
		line("Week beginning:", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Time in Education")
	}
}

// writeLetterWording is a letter's paragraph with its blanks as the seed
// writes them, and its signatory.
func writeLetterWording(b *strings.Builder, t *Template, f *Field) {
	switch f.Kind {
	case Note:
		text := f.Title + "\n" + f.Text
		for _, g := range t.Fields() {
			text = strings.ReplaceAll(text, "{"+g.Key+"}", cmp.Or(g.Sample, g.Title))
		}
		b.WriteString(text + "\n")
	case Signature:
		b.WriteString(f.Title + "\n")
	}
}

// Every excerpt of the seed is in the template's form, its Markdown and
// its PDF, in the seed's order (DESIGN.md, The forms; issue 4, Done when).
// The printouts are of a form never filled in, for a case that knows
// nothing yet, so a letter's blanks read as the seed's.
func TestSeedWordingInOrder(t *testing.T) {
	school := sampleSchool()
	for _, tmpl := range Templates() {
		t.Run(tmpl.ID, func(t *testing.T) {
			_, blocks := excerpts(t, tmpl.ID)
			c := model.Case{Kind: tmpl.Kinds[0]}
			blank := model.FormRecord{Template: tmpl.ID}
			var pdf bytes.Buffer
			if err := PDF(tmpl, blank, c, school, &pdf); err != nil {
				t.Fatal(err)
			}
			pdfWords, err := pdfText(pdf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			printed := map[string]string{"form": formWording(tmpl),
				"Markdown": string(Markdown(tmpl, blank, c, school)), "PDF": pdfWords}
			for _, b := range blocks {
				var want []string
				for _, line := range b.lines {
					want = append(want, cells(line)...)
				}
				for _, what := range []string{"form", "Markdown", "PDF"} {
					if missing, ok := inSeedOrder(printed[what], want); !ok {
						t.Errorf("%s: %s: %q missing or out of the seed's order", b.title, what, missing)
					}
				}
			}
		})
	}
}

// The timetable grid's heading is the seeds' (001 Reintegration Timetable;
// 002 appendix 1): the week, am and pm under each day, then Time in
// Education; in Markdown, which cannot span a column, each day's am and pm
// are columns of their own. 001's page is the grid alone, under its title.
func TestTimetableGridHeading(t *testing.T) {
	school := sampleSchool()
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	for _, tmpl := range []*Template{bwmatPlan, worcsTimetable} {
		t.Run(tmpl.ID, func(t *testing.T) {
			c := sampleCase(tmpl.Kinds[0])
			rec := model.FormRecord{Template: tmpl.ID}
			var md, drawn []string
			md = append(md, "Week beginning:")
			drawn = append(drawn, "Week beginning:")
			for _, d := range days {
				md = append(md, d+" am", d+" pm")
				drawn = append(drawn, d)
			}
			md = append(md, "Time in Education")
			drawn = append(drawn, "Time in Education")
			for range days {
				drawn = append(drawn, "am", "pm")
			}
			drawn = append(drawn, c.Timetable[0].WeekBeginning.UK(), "School 150m", "15 h of 24 (62.5%)")
			md = append(md, c.Timetable[0].WeekBeginning.UK(), "School 150m", "15 h of 24 (62.5%)")
			text, err := pdfText(printPDF(t, tmpl, rec, c, school))
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range []struct {
				what, text string
				want       []string
			}{{"Markdown", string(Markdown(tmpl, rec, c, school)), md}, {"PDF", text, drawn}} {
				if missing, ok := inSeedOrder(v.text, v.want); !ok {
					t.Errorf("%s: the grid lacks %q in order", v.what, missing)
				}
			}
		})
	}
}
