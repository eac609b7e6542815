package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"reintegrate/model"
	"reintegrate/storage"
)

// Erasure: a record past its retention period, or one a person has a
// reason to erase (a right-to-erasure request, a pupil imported by
// mistake), is removed with every copy of it; a tombstone in the audit log
// says what, when, by whom and why. Nothing is erased unless asked for in
// so many words: the command names the record, and at a terminal it asks.

type eraseFlags struct {
	caseID, pupil, reason string
	yes                   bool
}

func (a *app) eraseCommand() *cobra.Command {
	var fl eraseFlags
	cmd := &cobra.Command{
		Use:   "erase --case ID | --pupil ID [--reason TEXT]",
		Short: "Erase a case, or a pupil and all their cases, leaving a tombstone in the audit log",
		Long: "erase removes a case (--case), or a pupil and every case of theirs (--pupil, by ID or " +
			"UPN), with all they hold: timetable, reviews, forms, notifications, the findings worked " +
			"out for them, and the copies of them in the audit log. The audit log keeps when each " +
			"change was made and by whom, and a tombstone saying what was erased, when, by whom and " +
			"why.\n\nA record past its retention period (see `reintegrate retention`) is erased as it " +
			"is; any other only with --reason saying why. At a terminal it asks you to type yes " +
			"first; a script says --yes. It cannot be undone: backups made before keep their copy.",
		Example: "  reintegrate erase --case 12\n" +
			"  reintegrate erase --pupil 7 --reason \"imported by mistake: not a pupil of this school\"",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return a.erase(cmd, fl) },
	}
	f := cmd.Flags()
	f.StringVar(&fl.caseID, "case", "", "the case to erase (its ID, as `reintegrate cases --all` shows)")
	f.StringVar(&fl.pupil, "pupil", "", "the pupil to erase with all their cases (ID or UPN)")
	f.StringVar(&fl.reason, "reason", "", "why, when the record is not past its retention period")
	f.BoolVar(&fl.yes, "yes", false, "erase without asking (for a script)")
	return cmd
}

func (a *app) erase(cmd *cobra.Command, fl eraseFlags) error {
	if (fl.caseID == "") == (fl.pupil == "") {
		return usageError("say what to erase: --case ID, or --pupil ID (a pupil with all their cases)")
	}
	if err := model.CheckLength("--reason", fl.reason, model.MaxNoteLength); err != nil {
		return badInput(err)
	}
	on, err := a.on()
	if err != nil {
		return err
	}
	var target storage.EraseTarget
	if fl.caseID != "" {
		if target.Case, err = caseID(fl.caseID); err != nil {
			return err
		}
	}
	return a.withStore(cmd, func(s *storage.Store) error {
		ctx := cmd.Context()
		if fl.pupil != "" {
			if target.Pupil, err = pupilID(ctx, s, fl.pupil); err != nil {
				return err
			}
		}
		e, err := s.ErasurePreview(ctx, target, on)
		if err != nil {
			return eraseError(err)
		}
		if !e.PastRetention && strings.TrimSpace(fl.reason) == "" {
			return usageError("%s is not past its retention period%s: nothing was erased; to erase it all the same, say why with --reason TEXT",
				describeErasure(e), retentionPhrase(e))
		}
		if !fl.yes {
			if ok, err := a.confirmErase(e); !ok || err != nil {
				return err
			}
		}
		done, err := s.Erase(ctx, target, fl.reason, on)
		if err != nil {
			return eraseError(err)
		}
		fmt.Fprintln(a.stdout, erasedLine(done))
		return nil
	})
}

func eraseError(err error) error {
	var limit *model.LimitError
	if errors.Is(err, storage.ErrNotFound) || errors.Is(err, storage.ErrNotDue) || errors.As(err, &limit) {
		return badInput(err)
	}
	return storageError(err)
}

// confirmErase asks at the terminal; without one, --yes must say it.
func (a *app) confirmErase(e storage.Erasure) (bool, error) {
	f, ok := a.stdin.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return false, usageError("erase asks before it removes anything: run it at a terminal to confirm, or add --yes; nothing was erased")
	}
	why := "It is past its retention period" + retentionPhrase(e) + "."
	if !e.PastRetention {
		why = "It is not past its retention period" + retentionPhrase(e) + "; you gave a reason."
	}
	fmt.Fprintf(a.stderr, "This erases %s, and everything held with it: %s. %s It cannot be undone.\nType yes to erase it: ",
		describeErasure(e), partsPhrase(e), why)
	answer, _ := bufio.NewReader(a.stdin).ReadString('\n')
	if strings.TrimSpace(strings.ToLower(answer)) != "yes" {
		fmt.Fprintln(a.stdout, "Nothing was erased.")
		return false, nil
	}
	return true, nil
}

// describeErasure names the record for the person confirming.
func describeErasure(e storage.Erasure) string {
	p := e.Pupil
	if e.Record == "pupil" {
		born := ""
		if !p.DateOfBirth.IsZero() {
			born = ", born " + p.DateOfBirth.UK()
		}
		return fmt.Sprintf("pupil %d, %s%s, with %d %s", p.ID, model.CleanName(p.Name), born,
			len(e.Cases), plural(len(e.Cases), "case", "cases"))
	}
	r := e.Records[0]
	return fmt.Sprintf("case %d, %s's %s from %s", r.CaseID, model.CleanName(p.Name), lowerFirst(r.Kind.Label()),
		orDash(r.Start.UK()))
}

func retentionPhrase(e storage.Erasure) string {
	for _, r := range e.Records {
		if r.KeepUntil.IsZero() {
			return " (no date of birth, so it cannot be dated)"
		}
	}
	if e.RetentionEnded == "" {
		return ""
	}
	d, _ := model.ParseDate(e.RetentionEnded)
	return " (kept until " + d.UK() + ")"
}

// partsPhrase counts what goes with the record.
func partsPhrase(e storage.Erasure) string {
	var parts []string
	for _, k := range []struct{ key, one, many string }{
		{"weeks", "timetable week", "timetable weeks"}, {"reviews", "review", "reviews"}, {"forms", "form", "forms"},
		{"notifications", "notification", "notifications"}, {"involvement", "professional involved", "professionals involved"},
		{"extensions", "extension", "extensions"}, {"plans recorded elsewhere", "plan recorded elsewhere", "plans recorded elsewhere"},
	} {
		if n := e.Removed[k.key]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, plural(n, k.one, k.many)))
		}
	}
	if len(parts) == 0 {
		return "nothing more"
	}
	return strings.Join(parts, ", ")
}

// erasedLine is the one-line confirmation, naming the record by ID only.
func erasedLine(e storage.Erasure) string {
	what := fmt.Sprintf("case %d", e.ID)
	if e.Record == "pupil" {
		what = fmt.Sprintf("pupil %d and %d %s", e.ID, len(e.Cases), plural(len(e.Cases), "case", "cases"))
	}
	line := fmt.Sprintf("Erased %s (%s; %d audit %s emptied); the audit log's tombstone says who erased it, when and why.",
		what, partsPhrase(e), e.AuditEmptied, plural(e.AuditEmptied, "entry", "entries"))
	if e.Lingering != "" {
		line += " Note: " + e.Lingering + "."
	}
	return line
}
