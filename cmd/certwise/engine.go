package main

import (
	"context"
	"fmt"

	"github.com/certwise/certwise/advice"
	"github.com/certwise/certwise/catalog"
	"github.com/certwise/certwise/rules"
)

// engineDeps loads what the decision engine runs on: the exposure model,
// the job title index, the certification catalog and the advisor built on
// them. Only a missing exposure model is an error.
func (a *app) engineDeps(ctx context.Context) (rules.Deps, error) {
	m, err := a.model(ctx)
	if err != nil {
		return rules.Deps{}, fmt.Errorf("load the exposure model: %w", err)
	}
	idx, err := a.titleIndex(ctx)
	if err != nil {
		return rules.Deps{}, fmt.Errorf("build the job title index: %w", err)
	}
	deps := rules.Deps{Data: m, Titles: idx}
	// Without a catalog the engine still decides; its evaluation then says
	// that no certification could be ranked.
	if cat, err := catalog.Load(); err != nil {
		a.logger.Warn("certification catalog unavailable; evaluating without it", "err", err)
		deps.Advisor = advice.New(m, m, nil)
	} else {
		deps.Catalog = cat
		deps.Fitter = cat
		deps.Advisor = advice.New(m, m, cat)
	}
	return deps, nil
}

// engine returns the decision engine wired with the real data, the shared
// title index, the catalog and the advisor, on the embedded rulebook. Every
// front end (the assess command, the web server) evaluates answers through
// it; it is safe for concurrent use.
func (a *app) engine(ctx context.Context) (*rules.Engine, error) {
	deps, err := a.engineDeps(ctx)
	if err != nil {
		return nil, err
	}
	return rules.New(nil, deps), nil
}
