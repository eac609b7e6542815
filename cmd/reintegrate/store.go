package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/spf13/cobra"

	"reintegrate/model"
	"reintegrate/storage"
)

// openStore opens the database the flags name: a fresh demo in a temporary
// folder with --demo, else --db, REINTEGRATE_DB, or the OS data directory.
// The caller closes it; a demo's folder goes with it.
func (a *app) openStore(ctx context.Context) (*storage.Store, func(), error) {
	opt := storage.Options{AllowSharedFolder: a.allowSharedFolder}
	if a.demo && a.dbPath != "" {
		// The demo is a throwaway database of its own: with --db as well,
		// one of the two would be silently ignored.
		return nil, nil, usageError("--demo and --db together: --demo opens a throwaway "+
			"database of sample cases and never touches %s; give one of them", a.dbPath)
	}
	if a.demo {
		a.sweep("")
		return a.openDemo(ctx, opt)
	}
	path, err := a.databasePath()
	if err != nil {
		return nil, nil, err
	}
	a.sweep(path)
	// The whole-file check runs when the file may have changed since the
	// last clean one, and once a day (storage/checked.go); without a cache
	// folder, on every open.
	if dir, err := storage.DefaultCheckRecordDir(); err == nil {
		opt.CheckRecordDir = dir
	}
	s, err := storage.Open(ctx, path, opt)
	if errors.Is(err, storage.ErrNotOurs) {
		return nil, nil, badInput(err) // --db names the wrong file: the person's to correct
	}
	if err != nil {
		return nil, nil, storageError(err)
	}
	return s, func() { s.Close() }, nil
}

// sweep removes what interrupted runs left half-written (an export, a
// report, a backup or a restore killed part-way), and says so.
func (a *app) sweep(db string) {
	swept := storage.SweepUnfinished()
	if db != "" {
		swept = append(swept, storage.SweepRestoring(db)...)
	}
	for _, path := range swept {
		fmt.Fprintf(a.stderr, "reintegrate: removed %s, left unfinished by an interrupted run (the file it was to become was never written)\n", path)
	}
}

// databasePath is --db, else REINTEGRATE_DB, else the OS data directory.
func (a *app) databasePath() (string, error) {
	if a.dbPath != "" {
		return a.dbPath, nil
	}
	if p := envDB(); p != "" {
		return p, nil
	}
	p, err := storage.DefaultPath()
	if err != nil {
		return "", storageError(err)
	}
	return p, nil
}

func (a *app) openDemo(ctx context.Context, opt storage.Options) (*storage.Store, func(), error) {
	on, err := a.on()
	if err != nil {
		return nil, nil, err
	}
	dir, err := os.MkdirTemp("", "reintegrate-demo-")
	if err != nil {
		return nil, nil, storageError(err)
	}
	forget := atExit(func() { os.RemoveAll(dir) })
	cleanup := func() { os.RemoveAll(dir); forget() }
	s, err := storage.Open(ctx, filepath.Join(dir, "demo.db"), opt)
	if err == nil {
		err = storage.LoadDemo(ctx, s, on)
	}
	if err != nil {
		cleanup()
		return nil, nil, storageError(err)
	}
	return s, func() { s.Close(); cleanup() }, nil
}

// withStore runs fn with an open store, closing it afterwards.
func (a *app) withStore(cmd *cobra.Command, fn func(s *storage.Store) error) error {
	s, closeStore, err := a.openStore(cmd.Context())
	if err != nil {
		return err
	}
	defer closeStore()
	return fn(s)
}

// caseID reads a case ID argument.
func caseID(arg string) (int64, error) {
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil || id <= 0 {
		return 0, usageError("%q is not a case ID: type the number `reintegrate cases` shows", arg)
	}
	return id, nil
}

// loadError turns a storage error about a case into the right exit code.
func loadError(id int64, err error) error {
	if errors.Is(err, storage.ErrNotFound) {
		return usageError("there is no case %d: `reintegrate cases --all` lists them", id)
	}
	return storageError(err)
}

// storedCase loads a case, its pupil's history and the school profile.
func (a *app) storedCase(cmd *cobra.Command, arg string) (model.School, model.Case, []model.PastCase, error) {
	id, err := caseID(arg)
	if err != nil {
		return model.School{}, model.Case{}, nil, err
	}
	s, closeStore, err := a.openStore(cmd.Context())
	if err != nil {
		return model.School{}, model.Case{}, nil, err
	}
	defer closeStore()
	ctx := cmd.Context()
	school, err := s.School(ctx)
	if err != nil {
		return school, model.Case{}, nil, storageError(err)
	}
	lc, err := loadCase(ctx, s, id)
	return school, lc.Case, lc.History, err
}

// loadCase reads one case and its pupil's earlier plans.
func loadCase(ctx context.Context, s *storage.Store, id int64) (storage.LoadedCase, error) {
	c, _, err := s.Case(ctx, id)
	if err != nil {
		return storage.LoadedCase{}, loadError(id, err)
	}
	history, err := s.History(ctx, c.Pupil.ID, c.ID)
	if err != nil {
		return storage.LoadedCase{}, storageError(err)
	}
	return storage.LoadedCase{Case: c, History: history}, nil
}
