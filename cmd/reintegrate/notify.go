package main

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"reintegrate/model"
	"reintegrate/storage"
)

type notifyFlags struct {
	to, what, sent, by string
}

func (a *app) notifyCommand() *cobra.Command {
	var fl notifyFlags
	cmd := &cobra.Command{
		Use:   "notify ID",
		Short: "The notifications a case needs (to whom, what, by when, why), and recording one as sent",
		Long: "notify ID lists the notifications the case needs, worked out from its kind, the pupil's " +
			"flags, its dates and the packs that are on: the local authority, the Virtual School, the " +
			"social worker, the SEND team, governors, Social Care and the rest, each with its deadline, " +
			"the protocol that asks for it, and whether it has been sent.\n\n" +
			"With --to and --what it records one as sent (on --sent, default the as-of date, by --by) " +
			"and saves the case, waiting its turn if another program is saving to it.",
		Example: "  reintegrate notify 3\n" +
			"  reintegrate notify 3 --to local_authority --what plan --sent 06/11/2026 --by \"Mrs H Ashworth\"",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return a.notify(cmd, args[0], fl) },
	}
	f := cmd.Flags()
	f.StringVar(&fl.to, "to", "", "record a notification sent to: "+targetList())
	f.StringVar(&fl.what, "what", "", "what was sent: "+strings.Join(model.NotificationKinds, ", "))
	f.StringVar(&fl.sent, "sent", "", "the date it was sent, DD/MM/YYYY or YYYY-MM-DD (default: the as-of date)")
	f.StringVar(&fl.by, "by", "", "who sent it")
	return cmd
}

func targetList() string {
	names := make([]string, len(model.NotificationTargets))
	for i, t := range model.NotificationTargets {
		names[i] = string(t)
	}
	return strings.Join(names, ", ")
}

func (a *app) notify(cmd *cobra.Command, arg string, fl notifyFlags) error {
	id, err := caseID(arg)
	if err != nil {
		return err
	}
	on, err := a.on()
	if err != nil {
		return err
	}
	record, n, err := notificationToRecord(fl, on)
	if err != nil {
		return err
	}
	return a.withStore(cmd, func(s *storage.Store) error {
		ctx := cmd.Context()
		school, err := s.School(ctx)
		if err != nil {
			return storageError(err)
		}
		var c model.Case
		if record {
			// Read and written in one transaction, so a second notify on
			// the same case waits its turn rather than failing.
			c, _, err = s.UpdateCase(ctx, id, func(c *model.Case) error {
				c.Notifications = append(c.Notifications, n)
				return nil
			})
			if errors.Is(err, storage.ErrNotFound) {
				return loadError(id, err)
			}
			if err != nil {
				return saveError(err)
			}
			fmt.Fprintf(a.stdout, "Recorded: %s sent to the %s on %s%s.\n\n", whatLabel(n.What), n.To.Label(), n.Sent.UK(), byPhrase(n.SentBy))
		} else if c, _, err = s.Case(ctx, id); err != nil {
			return loadError(id, err)
		}
		props := model.ProposedNotificationsIn(c, school.Calendar(), school.Packs, on)
		return writeProposals(a.stdout, c, props, on)
	})
}

// notificationToRecord reads --to, --what, --sent and --by before the
// database is opened, so a typing mistake costs nothing.
func notificationToRecord(fl notifyFlags, on model.Date) (bool, model.Notification, error) {
	var n model.Notification
	if fl.to == "" && fl.what == "" {
		if fl.sent != "" || fl.by != "" {
			return false, n, usageError("--sent and --by go with --to and --what: say who it went to and what it was")
		}
		return false, n, nil
	}
	to, err := model.ParseNotificationTarget(fl.to)
	if fl.to == "" {
		err = errors.New("say who it went to: type one of " + targetList())
	}
	if err != nil {
		return false, n, usageError("--to: %v", err)
	}
	what, err := model.ParseNotificationKind(fl.what)
	if fl.what == "" {
		err = errors.New("say what was sent: type one of " + strings.Join(model.NotificationKinds, ", "))
	}
	if err != nil {
		return false, n, usageError("--what: %v", err)
	}
	if err := model.CheckLength("--by", fl.by, model.MaxNameLength); err != nil {
		return false, n, badInput(err)
	}
	sent, err := dateFlag("--sent", fl.sent)
	if err != nil {
		return false, n, err
	}
	if sent.IsZero() {
		sent = on
	}
	if sent.After(on) {
		return false, n, usageError("--sent: %s is after the as-of date %s: give the date it was sent", sent.UK(), on.UK())
	}
	return true, model.Notification{To: to, What: what, Sent: sent, SentBy: model.CleanName(fl.by)}, nil
}

// saveError: a case saved elsewhere meanwhile is the user's to retry (2);
// anything else is storage trouble (3).
func saveError(err error) error {
	var limit *model.LimitError
	switch {
	case errors.Is(err, storage.ErrConflict):
		return badInput(fmt.Errorf("%w: nothing was recorded; run the command again", err))
	case errors.As(err, &limit):
		return badInput(fmt.Errorf("%w; nothing was recorded", err))
	}
	return storageError(err)
}

// lowerFirst puts a label inside a sentence: "Reintegration from AP" becomes
// "reintegration from AP", not "reintegration from ap".
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func whatLabel(what string) string { return strings.ReplaceAll(what, "_", " ") }

func byPhrase(by string) string {
	if by == "" {
		return ""
	}
	return " by " + by
}

// writeProposals prints the case's proposed notifications as a table, each
// with the reason and its source on the line below.
func writeProposals(out io.Writer, c model.Case, props []model.ProposedNotification, on model.Date) error {
	b := bufio.NewWriter(out)
	fmt.Fprintf(b, "Notifications for case %d, %s (%s), %s from %s, as of %s\n\n", c.ID, model.CleanName(c.Pupil.Name),
		c.Pupil.YearGroup, lowerFirst(c.Kind.Label()), c.Start.UK(), on.UK())
	if len(props) == 0 {
		fmt.Fprintln(b, "None needed: nothing in this case's kind, flags or packs asks for one.")
		return b.Flush()
	}
	// The table is laid out on its own, then each row gets its reason
	// underneath, so a long reason does not widen the first column.
	var table strings.Builder
	tw := tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "To\tWhat\tDue\tStatus\tSent\tBy")
	for _, p := range props {
		due := cmp.Or(p.Due.UK(), "not yet known")
		sent := cmp.Or(p.Sent.UK(), "not sent")
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", p.To.Label(), whatLabel(p.What), due, p.Status, sent, p.SentBy)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	lines := strings.Split(strings.TrimSuffix(table.String(), "\n"), "\n")
	fmt.Fprintln(b, strings.TrimRight(lines[0], " "))
	for i, p := range props {
		fmt.Fprintln(b, strings.TrimRight(lines[i+1], " "))
		fmt.Fprintf(b, "  why: %s (%s)\n", p.Why, p.Source)
		if p.Sent.IsZero() {
			fmt.Fprintf(b, "  when sent: reintegrate notify %d --to %s --what %s\n", c.ID, p.To, p.What)
		}
	}
	fmt.Fprintf(b, "\nAdd --sent DD/MM/YYYY (default: the as-of date) and --by NAME to say when and by whom.\n")
	return b.Flush()
}
