package main

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"
)

// embedded is the loader of the embedded snapshot that the tests of this
// package share, so that the exposure model is loaded and the title index
// built once per test binary instead of once per command run. A run that
// names another data source (--data) gets a loader of its own.
var embedded = sync.OnceValue(func() *dataLoader { return newDataLoader("", slog.New(slog.DiscardHandler)) })

// testApp returns an app on the given streams that shares the embedded
// snapshot's loader with the other tests.
func testApp(stdin io.Reader, stdout, stderr io.Writer) *app {
	a := newApp(stdin, stdout, stderr)
	a.data = embedded()
	return a
}

// runApp runs the program with args, as run does, on a testApp.
func runApp(stdin io.Reader, stdout, stderr io.Writer, args ...string) int {
	return testApp(stdin, stdout, stderr).run(context.Background(), args)
}

// TestLoaderFollowsDataFlag checks that a shared loader serves only its own
// data source: --data gets a loader of its own, and the model and index are
// loaded once per loader.
func TestLoaderFollowsDataFlag(t *testing.T) {
	a := testApp(nil, io.Discard, io.Discard)
	if l := a.loader(); l != embedded() {
		t.Fatal("the shared embedded loader was not used")
	}
	a.dataDir = t.TempDir()
	l := a.loader()
	if l == embedded() || l.dir != a.dataDir {
		t.Fatalf("loader of %q used for --data %q", l.dir, a.dataDir)
	}
	if a.loader() != l {
		t.Error("a second call made another loader for the same directory")
	}
	if _, err := a.model(context.Background()); err == nil {
		t.Error("an empty data directory loaded a model")
	}
}

// TestLoaderLoadsOnce checks that the embedded loader builds its title
// index once and on the exposure model's titles.
func TestLoaderLoadsOnce(t *testing.T) {
	ctx := context.Background()
	l := embedded()
	x1, err := l.titleIndex(ctx)
	if err != nil {
		t.Fatal(err)
	}
	x2, _ := l.titleIndex(ctx)
	if x1 != x2 {
		t.Error("the title index was built twice")
	}
	m, err := l.exposureModel(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if x1.Occupations() != len(m.Occupations()) {
		t.Errorf("index covers %d occupations, model %d", x1.Occupations(), len(m.Occupations()))
	}
}
