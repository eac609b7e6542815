package main

import (
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"reintegrate/model"
	"reintegrate/storage"
	"reintegrate/ui"
)

// app holds the global flags and the streams every command writes to.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer

	dbPath            string
	onFlag            string
	accessible        bool
	demo              bool
	allowSharedFolder bool
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "reintegrate",
		Short: "Reduced timetables and reintegration plans, kept to the protocols",
		Long: "reintegrate keeps each pupil's reduced timetable or reintegration plan: the " +
			"week-by-week am/pm timetable against full-time hours, the protocol forms, " +
			"and what is met, due, overdue or missing.\n\nWith no command it opens the app.",
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE:          a.runTUI,
	}
	f := root.PersistentFlags()
	f.StringVar(&a.dbPath, "db", "", "the database file (default: the OS data dir; env REINTEGRATE_DB)")
	f.StringVar(&a.onFlag, "on", "", "the as-of date, DD/MM/YYYY or YYYY-MM-DD (default: today)")
	f.BoolVar(&a.accessible, "accessible", false, "screen-reader friendly prompts, no full-screen UI")
	f.BoolVar(&a.demo, "demo", false, "a throwaway database filled with realistic sample cases")
	f.BoolVar(&a.allowSharedFolder, "allow-shared-folder", false, "open a database on a network or cloud-synced folder anyway")
	root.AddCommand(
		a.checkCommand(),
		a.todayCommand(),
		a.casesCommand(),
		a.importCommand(),
		a.exportCommand(),
		a.backupCommand(),
		a.restoreCommand(),
		a.retentionCommand(),
		a.versionCommand(),
		a.generateCommand(),
		a.reportCommand(),
		a.notifyCommand(),
		a.eraseCommand(),
	)
	return root
}

// on is the as-of date: --on, or today on this computer's clock. It is read
// once here and passed down; nothing below reads the clock.
func (a *app) on() (model.Date, error) {
	if a.onFlag == "" {
		return model.DateOf(time.Now()), nil
	}
	return dateFlag("--on", a.onFlag)
}

// dateFlag reads a date flag, DD/MM/YYYY or YYYY-MM-DD; unset when not given.
func dateFlag(flag, s string) (model.Date, error) {
	if s == "" {
		return model.Date{}, nil
	}
	d, err := model.ParseDate(s)
	if err != nil {
		return model.Date{}, usageError("%s: %v", flag, err)
	}
	return d, nil
}

// envDB is the database path from the environment, if set.
func envDB() string { return os.Getenv("REINTEGRATE_DB") }

// runTUI opens the full-screen app (or, with --accessible, its plain
// prompts) over the store.
func (a *app) runTUI(cmd *cobra.Command, _ []string) error {
	on, err := a.on()
	if err != nil {
		return err
	}
	return a.withStore(cmd, func(s *storage.Store) error {
		school, err := s.School(cmd.Context())
		if err != nil {
			return storageError(err)
		}
		return ui.Run(cmd.Context(), s, school, on, ui.Options{Accessible: a.accessible})
	})
}
