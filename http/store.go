package http

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/certwise/certwise"
)

// codeUnavailable is the error code of a store that is down, stalled or
// busy: HTTP 503 with Retry-After.
const codeUnavailable = "unavailable"

// retryAfterSeconds is the Retry-After of a 503.
const retryAfterSeconds = 5

// timedStore gives every call to the store a deadline, and turns a store
// failure that passes (the deadline, a lost connection, a busy database)
// into codeUnavailable. A call made for a request (whose context carries
// the request's store budget, see withStoreBudget) ends by the budget's
// deadline, so a request's calls together take at most d; any other call
// gets d of its own.
type timedStore struct {
	s certwise.AssessmentStore
	d time.Duration
}

// budgetKey is the context key of a request's store deadline.
type budgetKey struct{}

// withStoreBudget gives the request's store calls, together, until d after
// now to finish.
func withStoreBudget(ctx context.Context, d time.Duration) context.Context {
	return context.WithValue(ctx, budgetKey{}, time.Now().Add(d))
}

// bound returns ctx with the call's deadline.
func (t timedStore) bound(ctx context.Context) (context.Context, context.CancelFunc) {
	if dl, ok := ctx.Value(budgetKey{}).(time.Time); ok {
		return context.WithDeadline(ctx, dl)
	}
	return context.WithTimeout(ctx, t.d)
}

// unavailable reports whether a store failure is temporary: the call ran out
// of time, or the store marked the error with an Unavailable method (as the
// sqlite and postgres stores do for lost connections and busy locks).
func unavailable(err error) bool {
	var u interface{ Unavailable() bool }
	return errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &u) && u.Unavailable())
}

// classify returns err, or for a temporary failure an error with
// codeUnavailable that still wraps err for the log.
func classify(err error) error {
	if certwise.ErrorCode(err) != certwise.EINTERNAL || !unavailable(err) {
		return err
	}
	return fmt.Errorf("%w: %w", certwise.Errorf(codeUnavailable, "",
		"Saved assessments cannot be reached right now. Nothing was lost; try again in a few seconds."), err)
}

func (t timedStore) CreateAssessment(ctx context.Context, a *certwise.Assessment) error {
	ctx, cancel := t.bound(ctx)
	defer cancel()
	return classify(t.s.CreateAssessment(ctx, a))
}

func (t timedStore) FindAssessment(ctx context.Context, id string) (*certwise.Assessment, error) {
	ctx, cancel := t.bound(ctx)
	defer cancel()
	a, err := t.s.FindAssessment(ctx, id)
	return a, classify(err)
}

func (t timedStore) ListVersions(ctx context.Context, id string) ([]*certwise.Assessment, error) {
	ctx, cancel := t.bound(ctx)
	defer cancel()
	vs, err := t.s.ListVersions(ctx, id)
	return vs, classify(err)
}

func (t timedStore) ListVersionsPage(ctx context.Context, id string, offset, limit int) ([]*certwise.Assessment, bool, error) {
	ctx, cancel := t.bound(ctx)
	defer cancel()
	vs, more, err := t.s.ListVersionsPage(ctx, id, offset, limit)
	return vs, more, classify(err)
}

func (t timedStore) DeleteAssessment(ctx context.Context, id string, tokenHash []byte) error {
	ctx, cancel := t.bound(ctx)
	defer cancel()
	return classify(t.s.DeleteAssessment(ctx, id, tokenHash))
}

func (t timedStore) Ping(ctx context.Context) error {
	ctx, cancel := t.bound(ctx)
	defer cancel()
	return classify(t.s.Ping(ctx))
}

func (t timedStore) Close() error { return t.s.Close() }
