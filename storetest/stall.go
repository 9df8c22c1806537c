package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/certwise/certwise"
)

// Stall holds a store's database still, as a database that stopped
// answering does (a lock another connection keeps, a paused server), and
// returns a function that lets it go.
type Stall func(tb testing.TB) (release func())

// Unavailable reports whether err says the store failed for a reason that
// passes: it is marked with an Unavailable method, or the call ran out of
// time.
func Unavailable(err error) bool {
	var u interface{ Unavailable() bool }
	return errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &u) && u.Unavailable())
}

// stallDeadline is the deadline each call gets while the database is
// stalled, and stallLimit how long a call may take to give up.
const (
	stallDeadline = 300 * time.Millisecond
	stallLimit    = 3 * time.Second
)

// Stalled checks how s behaves while stall holds its database: each write
// (and each read, when readsStall) gives up soon after its context's
// deadline with an error Unavailable recognises, nothing a timed-out call
// tried is committed, and once the database moves again the store serves
// as before.
func Stalled(t *testing.T, s certwise.AssessmentStore, stall Stall, readsStall bool) {
	t.Helper()
	ctx := context.Background()
	kept, token := newAssessment(t, "")
	mustCreate(t, s, kept)

	release := stall(t)
	released := false
	defer func() {
		if !released {
			release()
		}
	}()
	check := func(op string, call func(ctx context.Context) error) {
		t.Helper()
		cctx, cancel := context.WithTimeout(ctx, stallDeadline)
		defer cancel()
		start := time.Now()
		err := call(cctx)
		took := time.Since(start)
		if err == nil {
			t.Fatalf("%s succeeded while the database was stalled", op)
		}
		if took > stallLimit {
			t.Errorf("%s took %v with a %v deadline", op, took, stallDeadline)
		}
		if !Unavailable(err) || certwise.ErrorCode(err) != certwise.EINTERNAL {
			t.Errorf("%s: error %v (code %q) is not marked unavailable", op, err, certwise.ErrorCode(err))
		}
	}
	lost, _ := newAssessment(t, "")
	check("CreateAssessment", func(ctx context.Context) error { return s.CreateAssessment(ctx, lost) })
	revisit, _ := newAssessment(t, kept.ID)
	check("CreateAssessment (revisit)", func(ctx context.Context) error { return s.CreateAssessment(ctx, revisit) })
	check("DeleteAssessment", func(ctx context.Context) error {
		return s.DeleteAssessment(ctx, kept.ID, certwise.HashDeleteToken(token))
	})
	if readsStall {
		check("FindAssessment", func(ctx context.Context) error { _, err := s.FindAssessment(ctx, kept.ID); return err })
		check("ListVersionsPage", func(ctx context.Context) error {
			_, _, err := s.ListVersionsPage(ctx, kept.ID, 0, 20)
			return err
		})
	}
	release()
	released = true

	// Nothing a timed-out call tried happened, and the store works again.
	for _, a := range []*certwise.Assessment{lost, revisit} {
		_, err := s.FindAssessment(ctx, a.ID)
		wantCode(t, "find a save that timed out", err, certwise.ENOTFOUND, "*")
	}
	sameAssessment(t, mustFind(t, s, kept.ID), kept)
	after, _ := newAssessment(t, kept.ID)
	mustCreate(t, s, after)
	if err := s.DeleteAssessment(ctx, kept.ID, certwise.HashDeleteToken(token)); err != nil {
		t.Fatalf("delete after the stall: %v", err)
	}
}
