package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"sync"
	"time"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/dataset"
	"github.com/certwise/certwise/exposure"
	"github.com/certwise/certwise/titles"
	"github.com/certwise/certwise/wordvec"
)

// dataLoader loads what the commands read from one data source, each part
// once and only when first asked for: the exposure model and the job title
// index built on its titles. dir is the directory of public data files
// (--data, CERTWISE_DATA); "" is the embedded snapshot. It is safe for
// concurrent use, and what it returns is shared read-only.
type dataLoader struct {
	dir    string
	logger *slog.Logger

	modelOnce sync.Once
	model     *exposure.Model
	modelErr  error

	indexOnce sync.Once
	index     *titles.Index
	indexErr  error
}

func newDataLoader(dir string, logger *slog.Logger) *dataLoader {
	return &dataLoader{dir: dir, logger: logger}
}

// source names where the data come from, for messages and reports.
func (l *dataLoader) source() string {
	if l.dir == "" {
		return "embedded snapshot"
	}
	return l.dir
}

// exposureModel returns the exposure model, loading it on first use.
func (l *dataLoader) exposureModel(ctx context.Context) (*exposure.Model, error) {
	l.modelOnce.Do(func() {
		start := time.Now()
		l.model, l.modelErr = dataset.Load(ctx, l.dir)
		if l.modelErr != nil {
			return
		}
		l.logger.Debug("exposure model loaded", "from", l.source(), "occupations", len(l.model.Occupations()), "took", time.Since(start))
	})
	return l.model, l.modelErr
}

// titleIndex returns the job title index every title lookup shares, built
// on first use.
func (l *dataLoader) titleIndex(ctx context.Context) (*titles.Index, error) {
	l.indexOnce.Do(func() {
		es, opts, err := l.titleIndexInput(ctx)
		if err != nil {
			l.indexErr = err
			return
		}
		start := time.Now()
		l.index = titles.Build(es, opts...)
		l.logger.Debug("title index built", "titles", l.index.Len(), "occupations", l.index.Occupations(), "took", time.Since(start))
	})
	return l.index, l.indexErr
}

// titleData returns what the title index is built from: the titles, and
// which occupations O*NET relates to each; read from the public files when
// dir is set, else taken from the embedded snapshot's model.
func (l *dataLoader) titleData(ctx context.Context) ([]certwise.TitleEntry, map[string][]string, error) {
	if l.dir != "" {
		es, err := dataset.ReadTitles(ctx, l.dir)
		if err != nil {
			return nil, nil, fmt.Errorf("read job titles: %w", err)
		}
		related, err := dataset.ReadRelated(ctx, l.dir)
		if errors.Is(err, fs.ErrNotExist) {
			// Titles alone make an index (slightly less accurate); a
			// directory that only holds them still works.
			l.logger.Warn("no related occupations in the data directory; matching on titles alone", "file", dataset.FileRelated)
			return es, nil, nil
		}
		if err != nil {
			return nil, nil, fmt.Errorf("read related occupations: %w", err)
		}
		return es, related, nil
	}
	m, err := l.exposureModel(ctx)
	if err != nil {
		return nil, nil, err
	}
	return m.Titles(), m.Related(), nil
}

// titleIndexInput returns the titles of titleData and the options every
// index of them is built with: their related occupations and the embedded
// word vectors.
func (l *dataLoader) titleIndexInput(ctx context.Context) ([]certwise.TitleEntry, []titles.Option, error) {
	es, related, err := l.titleData(ctx)
	if err != nil {
		return nil, nil, err
	}
	vectors, err := wordvec.Embedded()
	if err != nil {
		return nil, nil, err
	}
	return es, []titles.Option{titles.WithRelated(related), titles.WithWordVectors(vectors)}, nil
}

// loader returns the data loader of the data source the flags name, made on
// first use; a loader already set for that source (as tests share one) is
// kept.
func (a *app) loader() *dataLoader {
	a.dataMu.Lock()
	defer a.dataMu.Unlock()
	if a.data == nil || a.data.dir != a.dataDir {
		a.data = newDataLoader(a.dataDir, a.logger)
	}
	return a.data
}

// model returns the exposure model: from the public files in --data /
// CERTWISE_DATA when given, else from the embedded snapshot.
func (a *app) model(ctx context.Context) (*exposure.Model, error) {
	return a.loader().exposureModel(ctx)
}

// titleIndex returns the job title index every title lookup shares.
func (a *app) titleIndex(ctx context.Context) (*titles.Index, error) {
	return a.loader().titleIndex(ctx)
}

// titleIndexInput returns the titles the shared index is built from and its
// build options, for commands that build indexes of their own.
func (a *app) titleIndexInput(ctx context.Context) ([]certwise.TitleEntry, []titles.Option, error) {
	return a.loader().titleIndexInput(ctx)
}
