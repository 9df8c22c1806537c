package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/certwise/certwise"
)

// matchTargetTitle resolves a job title given to certs recommend --target
// with the shared title index. An uncertain match is a usage error that
// lists the candidates, so that the person can pick a code.
func matchTargetTitle(ctx context.Context, a *app, title string) (string, error) {
	ix, err := a.titleIndex(ctx)
	if err != nil {
		return "", fmt.Errorf("match target title: %w", err)
	}
	m := ix.Match(title, 3)
	if len(m.Matches) == 0 {
		return "", usageError(certwise.Errorf(certwise.EINVALID, "target",
			"no occupation matches the title %q; give an O*NET-SOC code (see certwise roles search)", title))
	}
	if !m.Confident {
		opts := make([]string, len(m.Matches))
		for i, c := range m.Matches {
			opts[i] = c.Code + " " + c.Title
		}
		return "", usageError(certwise.Errorf(certwise.EINVALID, "target",
			"the title %q is ambiguous; give one of these codes instead: %s", title, strings.Join(opts, "; ")))
	}
	best := m.Matches[0]
	a.logger.Debug("target title matched", "title", title, "code", best.Code, "occupation", best.Title)
	return best.Code, nil
}
