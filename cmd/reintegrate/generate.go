package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"reintegrate/storage"
)

// generateCommand fills a database with synthetic pupils and active cases
// for the budget benchmarks. Hidden: it is for developers, never a school's
// real database (it refuses one that already has pupils).
func (a *app) generateCommand() *cobra.Command {
	var pupils, cases int
	var seed int64
	cmd := &cobra.Command{
		Use:    "generate",
		Short:  "Fill an empty database with synthetic data for benchmarks",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withStore(cmd, func(s *storage.Store) error {
				existing, err := s.Pupils(cmd.Context())
				if err != nil {
					return storageError(err)
				}
				if len(existing) > 0 {
					return usageError("generate: the database already has pupils; use a new --db file")
				}
				start := time.Now()
				if err := storage.GenerateSynthetic(cmd.Context(), s, pupils, cases, seed); err != nil {
					return storageError(err)
				}
				fmt.Fprintf(a.stdout, "Generated %d pupils and %d active cases in %s.\n", pupils, cases, time.Since(start).Round(time.Millisecond))
				return nil
			})
		},
	}
	cmd.Flags().IntVar(&pupils, "pupils", 10000, "pupils to make")
	cmd.Flags().IntVar(&cases, "cases", 2000, "active cases to make")
	cmd.Flags().Int64Var(&seed, "seed", 1, "the same seed makes the same data")
	return cmd
}
