package dataset

import (
	"context"
	"testing"

	"github.com/certwise/certwise/internal/shareddata"
)

// BenchmarkLoadEmbedded measures decoding the embedded snapshot: what every
// command and the web server pay once at start.
func BenchmarkLoadEmbedded(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		if _, err := Load(ctx, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildFromDir measures building the model from the public files
// (what --data costs).
func BenchmarkBuildFromDir(b *testing.B) {
	dir := shareddata.Dir(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := Load(ctx, dir); err != nil {
			b.Fatal(err)
		}
	}
}
