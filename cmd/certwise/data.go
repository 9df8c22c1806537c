package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/certwise/certwise/dataset"
	"github.com/certwise/certwise/exposure"
)

func init() { registerCommand(newDataCommand) }

// model returns the exposure model, loading it once: from the public files
// in --data / CERTWISE_DATA when given, else from the embedded snapshot.
func (a *app) model(ctx context.Context) (*exposure.Model, error) {
	a.modelOnce.Do(func() {
		start := time.Now()
		a.modelVal, a.modelErr = dataset.Load(ctx, a.dataDir)
		if a.modelErr != nil {
			return
		}
		src := "embedded snapshot"
		if a.dataDir != "" {
			src = a.dataDir
		}
		a.logger.Debug("exposure model loaded", "from", src, "occupations", len(a.modelVal.Occupations()), "took", time.Since(start))
	})
	return a.modelVal, a.modelErr
}

func newDataCommand(a *app) *cobra.Command {
	return newGroupCommand("data", "Build the embedded data snapshot from the public data files", "",
		newDataBuildCommand(a))
}

func newDataBuildCommand(a *app) *cobra.Command {
	var from, out string
	cmd := &cobra.Command{
		Use:   "build --from DIR [--out FILE]",
		Short: "Derive the snapshot (figures and names, no task statements) from the public files in DIR",
		Long: `Reads the public data files in DIR (the layout of ../shared/data), computes every
occupation's figures and writes them as a compact, deterministic snapshot: the same
input always gives the same bytes. By default it writes ` + dataset.SnapshotFile + `,
the file the binary embeds; run it from the repository root and rebuild the binary.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if from == "" {
				return usageError(fmt.Errorf("--from DIR is required: the directory holding the public data files"))
			}
			start := time.Now()
			m, err := dataset.Build(cmd.Context(), from, false)
			if err != nil {
				return err
			}
			b, err := m.MarshalSnapshot()
			if err != nil {
				return err
			}
			if dir := filepath.Dir(out); dir != "." {
				if _, err := os.Stat(dir); err != nil {
					return fmt.Errorf("write snapshot: %w (run from the repository root or pass --out)", err)
				}
			}
			if err := os.WriteFile(out, b, 0o644); err != nil {
				return fmt.Errorf("write snapshot: %w", err)
			}
			fmt.Fprintf(a.stdout, "wrote %s: %d occupations, %d activities, %d titles, %d bytes in %s\n",
				out, len(m.Occupations()), len(m.Activities()), len(m.Titles()), len(b), time.Since(start).Round(time.Millisecond))
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "directory of the public data files (layout of ../shared/data)")
	cmd.Flags().StringVar(&out, "out", dataset.SnapshotFile, "file to write the snapshot to")
	return cmd
}
