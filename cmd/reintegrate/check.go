package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"reintegrate/model"
)

type checkFlags struct {
	file   string
	school string
	packs  string
	json   bool
}

func (a *app) checkCommand() *cobra.Command {
	var fl checkFlags
	cmd := &cobra.Command{
		Use:   "check ID|--file F",
		Short: "Findings and weekly hours for a case",
		Long: "check runs every rule of the packs that are on against one case, as of --on, " +
			"and prints the findings (blockers first) and each planned week's hours against " +
			"the full-time threshold. It exits 1 when a blocker is not met.\n\n" +
			"A case file (--file) is checked against a school profile: its holidays and INSET " +
			"days, session lengths, packs and parameters. It comes from --school FILE (a school " +
			"file: reintegrate export --school writes one), else from the database --db (or " +
			"REINTEGRATE_DB) names, else it is the default profile (national pack, sessions of " +
			"180 and 120 minutes, no holidays). check says which it used. --packs still chooses " +
			"the packs.",
		Example: "  reintegrate check --file sam.json --packs national,bwmat --on 16/11/2026\n" +
			"  reintegrate check --file sam.json --school school.json\n" +
			"  reintegrate check --file sam.json --db school.db\n" +
			"  reintegrate check 12 --json",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return a.check(cmd, args, fl) },
	}
	cmd.Flags().StringVar(&fl.file, "file", "", "a reintegrate/case@1 file to check instead of a stored case")
	cmd.Flags().StringVar(&fl.school, "school", "", "with --file: the school file (export --school) whose calendar, sessions and packs to check against")
	cmd.Flags().StringVar(&fl.packs, "packs", "", "packs on, comma-separated (default: national, or the school's packs for a stored case)")
	cmd.Flags().BoolVar(&fl.json, "json", false, "print one JSON object")
	return cmd
}

func (a *app) check(cmd *cobra.Command, args []string, fl checkFlags) error {
	on, err := a.on()
	if err != nil {
		return err
	}
	if (fl.file == "") == (len(args) == 0) {
		return usageError("check: give a case ID or --file F, not both")
	}
	if fl.school != "" && fl.file == "" {
		return usageError("--school: only with --file: a stored case is checked against its own database's school")
	}
	from, c, history, err := a.caseToCheck(cmd, args, fl)
	if err != nil {
		return err
	}
	school := from.school
	packs := school.Packs
	if fl.packs != "" {
		if packs.On, err = parsePacks(fl.packs); err != nil {
			return err
		}
	}
	cal := school.Calendar()
	findings := model.Check(c, history, cal, packs, on)
	weeks := model.PlannedWeeks(c, cal, packs.Params)
	if fl.json {
		err = writeCheckJSON(a.stdout, on, packs, from, findings, weeks)
	} else {
		err = writeCheckText(a.stdout, c, on, from, findings, weeks)
	}
	if err != nil {
		return err
	}
	if slices.ContainsFunc(findings, model.Finding.Blocks) {
		return errBlocker
	}
	return nil
}

// caseToCheck is the case check judges, its pupil's earlier plans, and the
// school it is judged against: a stored case's own database's, or, for a
// case file, the school fileSchool finds. The case file's size is checked
// before any school is read.
func (a *app) caseToCheck(cmd *cobra.Command, args []string, fl checkFlags) (checkSchool, model.Case, []model.PastCase, error) {
	if fl.file == "" {
		from := checkSchool{source: "demo"}
		if !a.demo {
			from.source = "database"
			from.path, _ = a.databasePath() // its error is storedCase's to report: it opens the same path
		}
		school, c, history, err := a.storedCase(cmd, args[0])
		from.school = school
		return from, c, history, err
	}
	data, err := readCaseFile(fl.file)
	if err != nil {
		return checkSchool{}, model.Case{}, nil, err
	}
	from, err := a.fileSchool(cmd, fl.school)
	if err != nil {
		return checkSchool{}, model.Case{}, nil, err
	}
	cf, err := parseCaseFile(fl.file, data, from.school.Sessions)
	return from, cf.Case, cf.History, err
}

// readCaseFile reads a case file's bytes, refusing one past the limit
// before reading it whole; parseCaseFile reads them.
func readCaseFile(path string) ([]byte, error) {
	return readLimited(path, model.MaxCaseFileBytes+len("\ufeff"),
		"a case file may be at most "+model.Size(model.MaxCaseFileBytes))
}

// parseCaseFile reads a case file, partial sessions' minutes checked
// against the school's session lengths.
func parseCaseFile(path string, data []byte, lengths model.SessionLengths) (model.CaseFile, error) {
	cf, err := model.ParseCaseFile(data, model.WithSessionLengths(lengths))
	if err != nil {
		return model.CaseFile{}, fileProblems(path, err)
	}
	return cf, nil
}

// fileProblems is a file's problems as one error, cut to maxErrorLines.
func fileProblems(path string, err error) error {
	return usageError("%s:\n%s", path, capLines(err.Error(), maxErrorLines))
}

// maxErrorLines keeps a hostile or badly broken file from printing pages of
// errors: the first fifty say what is wrong, and how many more there are.
const maxErrorLines = 50

func capLines(s string, max int) string {
	lines := strings.Split(s, "\n")
	if len(lines) <= max {
		return s
	}
	return strings.Join(lines[:max], "\n") + fmt.Sprintf("\n... and %d more problems", len(lines)-max)
}

// parsePacks reads --packs; national is always on and listed first.
func parsePacks(s string) ([]model.Pack, error) {
	on := []model.Pack{model.National}
	for _, name := range strings.Split(s, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		p, err := model.ParsePack(name)
		if err != nil {
			return nil, usageError("--packs: %v", err)
		}
		if !slices.Contains(on, p) {
			on = append(on, p)
		}
	}
	return on, nil
}

// writeJSON prints v as --json does: indented two spaces, one value, a
// newline after it.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // "A & B" as typed, as the case file writes it
	return enc.Encode(v)
}

// checkJSON is the object `check --json` prints (DESIGN.md, "Case file").
// School says which school profile the case was checked against; a key
// beyond the contract's four, which keep their names.
type checkJSON struct {
	On       string           `json:"on"`
	Packs    []model.Pack     `json:"packs"`
	School   *checkSchoolJSON `json:"school"`
	Findings []findingJSON    `json:"findings"`
	Weeks    []weekJSON       `json:"weeks"`
}

type findingJSON struct {
	Rule     string         `json:"rule"`
	Pack     model.Pack     `json:"pack"`
	Status   model.Status   `json:"status"`
	Severity model.Severity `json:"severity"`
	Due      *string        `json:"due"`
	Message  string         `json:"message"`
	Source   string         `json:"source"`
}

// weekJSON leaves threshold, percent and full time null for a pupil with
// no threshold (nursery, post-16): there is nothing to measure against.
type weekJSON struct {
	WeekBeginning       string   `json:"week_beginning"`
	SchoolDays          int      `json:"school_days"`
	MinutesSchool       int      `json:"minutes_school"`
	MinutesOffsite      int      `json:"minutes_offsite"`
	MinutesHomeLearning int      `json:"minutes_home_learning"`
	HoursInEducation    float64  `json:"hours_in_education"`
	ThresholdHours      *float64 `json:"threshold_hours"`
	PercentOfFullTime   *float64 `json:"percent_of_full_time"`
	FullTime            *bool    `json:"full_time"`
}

func findingsJSON(findings []model.Finding) []findingJSON {
	out := make([]findingJSON, 0, len(findings))
	for _, f := range findings {
		fj := findingJSON{Rule: f.Rule, Pack: f.Pack, Status: f.Status, Severity: f.Severity,
			Message: f.Message, Source: f.Source}
		if !f.Due.IsZero() {
			due := f.Due.String()
			fj.Due = &due
		}
		out = append(out, fj)
	}
	return out
}

func weeksJSON(weeks []model.WeekHours) []weekJSON {
	out := make([]weekJSON, 0, len(weeks))
	for _, w := range weeks {
		wj := weekJSON{WeekBeginning: w.WeekBeginning.String(), SchoolDays: w.SchoolDays,
			MinutesSchool: w.MinutesSchool, MinutesOffsite: w.MinutesOffsite,
			MinutesHomeLearning: w.MinutesHomeLearning, HoursInEducation: w.HoursInEducation}
		if w.HasThreshold {
			threshold, percent, full := w.ThresholdHours, w.PercentOfFullTime, w.FullTime
			wj.ThresholdHours, wj.PercentOfFullTime, wj.FullTime = &threshold, &percent, &full
		}
		out = append(out, wj)
	}
	return out
}

func writeCheckJSON(w io.Writer, on model.Date, packs model.Packs, from checkSchool, findings []model.Finding, weeks []model.WeekHours) error {
	enabled := []model.Pack{}
	for _, p := range model.AllPacks {
		if packs.Enabled(p) {
			enabled = append(enabled, p)
		}
	}
	return writeJSON(w, checkJSON{On: on.String(), Packs: enabled, School: from.json(),
		Findings: findingsJSON(findings), Weeks: weeksJSON(weeks)})
}

// groupTitles head the findings' groups (model.FindingGroup), in order.
var groupTitles = []string{model.GroupBlocker: "BLOCKERS", model.GroupOverdue: "OVERDUE", model.GroupDue: "DUE",
	model.GroupUnmet: "NOT MET", model.GroupMet: "MET", model.GroupNotApplicable: "NOT APPLICABLE"}

func writeCheckText(w io.Writer, c model.Case, on model.Date, from checkSchool, findings []model.Finding, weeks []model.WeekHours) error {
	fmt.Fprintf(w, "%s (%s), %s, as of %s\n", c.Pupil.Name, c.Pupil.YearGroup, c.Kind.Label(), on.UK())
	fmt.Fprintf(w, "Plan %s to %s\n", orDash(c.Start.UK()), orDash(c.End().UK()))
	fmt.Fprintln(w, from.line())
	for g, title := range groupTitles {
		var group []model.Finding
		for _, f := range findings {
			if f.Group() == model.FindingGroup(g) {
				group = append(group, f)
			}
		}
		if len(group) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s (%d)\n", title, len(group))
		for _, f := range group {
			writeFinding(w, f)
		}
	}
	return writeWeeksText(w, weeks)
}

// writeFinding puts the rule and its date on one line and what it found,
// with its source, on the next, so long messages never push columns apart.
func writeFinding(w io.Writer, f model.Finding) {
	due := ""
	if !f.Due.IsZero() {
		due = "  due " + f.Due.UK()
	}
	fmt.Fprintf(w, "  %-7s  %s%s\n", strings.ToUpper(string(f.Severity)), f.Rule, due)
	fmt.Fprintf(w, "           %s  [%s]\n", f.Message, f.Source)
}

func writeWeeksText(w io.Writer, weeks []model.WeekHours) error {
	fmt.Fprintf(w, "\nWEEKS (%d)\n", len(weeks))
	if len(weeks) == 0 {
		_, err := fmt.Fprintln(w, "  no timetable weeks planned")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "  Week beginning\tDays\tSchool h\tOff-site h\tHome h\tIn education h\tThreshold h\t%\tFull time\t")
	for _, wk := range weeks {
		threshold, percent, full := "none", "-", "-"
		if wk.HasThreshold {
			threshold = model.FormatHours(wk.ThresholdHours)
			percent = model.FormatHours(wk.PercentOfFullTime)
			full = "NO"
			if wk.FullTime {
				full = "yes"
			}
		}
		fmt.Fprintf(tw, "  %s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", wk.WeekBeginning.UK(), wk.SchoolDays,
			minutesAsHours(wk.MinutesSchool), minutesAsHours(wk.MinutesOffsite), minutesAsHours(wk.MinutesHomeLearning),
			model.FormatHours(wk.HoursInEducation), threshold, percent, full)
	}
	return tw.Flush()
}

func minutesAsHours(m int) string { return model.FormatHours(float64(m) / 60) }

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
