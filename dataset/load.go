// Package dataset reads the public data files (O*NET 27.0, GPTs are GPTs,
// Working with AI, BLS) into the exposure model, and holds the embedded
// snapshot that the binary uses when no data directory is given. Errors in a
// file name the file, line and column.
package dataset

import (
	"context"
	_ "embed"
	"fmt"
	"sort"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/exposure"
)

// SnapshotFile is the embedded snapshot's path relative to the module root,
// where `certwise data build` writes by default.
const SnapshotFile = "dataset/snapshot.json.gz"

//go:generate go run ../cmd/certwise data build --from ../../shared/data --out snapshot.json.gz

//go:embed snapshot.json.gz
var snapshot []byte

// Snapshot returns the embedded snapshot's bytes.
func Snapshot() []byte { return snapshot }

// Load returns the exposure model: from the embedded snapshot when dir is "",
// otherwise built from the public files in dir, with task statements.
func Load(ctx context.Context, dir string) (*exposure.Model, error) {
	if dir == "" {
		return exposure.UnmarshalSnapshot(snapshot)
	}
	return Build(ctx, dir, true)
}

// Build reads the public files in dir and computes the model. Statements
// says whether task statements are kept (they are never written to a snapshot).
func Build(ctx context.Context, dir string, statements bool) (*exposure.Model, error) {
	in, err := ReadInput(ctx, dir, statements)
	if err != nil {
		return nil, err
	}
	m, err := exposure.Build(in)
	if err != nil {
		return nil, fmt.Errorf("build the exposure model from %s: %w", dir, err)
	}
	return m, nil
}

// ReadTitles reads the title index from dir: every occupation's official
// title (Official=true) and its alternate titles, occupations in code order.
func ReadTitles(ctx context.Context, dir string) ([]certwise.TitleEntry, error) {
	in := &exposure.Input{}
	if err := readOccupations(ctx, dir, in); err != nil {
		return nil, err
	}
	if err := readAltTitles(ctx, dir, in); err != nil {
		return nil, err
	}
	sort.SliceStable(in.Occupations, func(i, j int) bool { return in.Occupations[i].Code < in.Occupations[j].Code })
	return exposure.Titles(in.Occupations, in.AltTitles), nil
}

// ReadRelated reads which occupations O*NET relates to each occupation
// from dir's Related Occupations.txt: O*NET-SOC code → related codes,
// closest first.
func ReadRelated(ctx context.Context, dir string) (map[string][]string, error) {
	in := &exposure.Input{}
	if err := readRelated(ctx, dir, in); err != nil {
		return nil, err
	}
	return exposure.RelatedCodes(in.Related), nil
}
