// Package storetest is the one test suite every certwise.AssessmentStore
// must pass. A store's own tests call Run with a function that opens a fresh,
// empty store.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/internal/storeutil"
)

// Open opens a fresh, empty store for one test or benchmark and arranges,
// with tb.Cleanup, to remove whatever it created. reopen opens another store
// on the same database; the suite closes the first store before it calls
// reopen, and closes what reopen returns.
type Open func(tb testing.TB) (store certwise.AssessmentStore, reopen func(tb testing.TB) certwise.AssessmentStore)

// Run runs the suite against the stores open returns. Subtests run in
// parallel, each on its own store.
func Run(t *testing.T, open Open) {
	tests := []struct {
		name string
		f    func(t *testing.T, open Open)
	}{
		{"RoundTripEveryField", testRoundTrip},
		{"RoundTripZeroValues", testZeroValues},
		{"Invalid", testInvalid},
		{"NotFound", testNotFound},
		{"DuplicateID", testDuplicateID},
		{"RevisitChain", testRevisitChain},
		{"RevisitOfMissing", testRevisitOfMissing},
		{"VersionsPage", testVersionsPage},
		{"RevisitChainBound", testRevisitChainBound},
		{"Delete", testDelete},
		{"DeleteKeepsLaterVersions", testDeleteKeepsLaterVersions},
		{"Concurrent", testConcurrent},
		{"RevisitRacesDelete", testRevisitRacesDelete},
		{"ContextCancelled", testContextCancelled},
		{"PersistsAcrossReopen", testPersistsAcrossReopen},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.f(t, open)
		})
	}
}

// openStore opens a store and closes it at cleanup.
func openStore(t testing.TB, open Open) (certwise.AssessmentStore, func(tb testing.TB) certwise.AssessmentStore) {
	t.Helper()
	s, reopen := open(t)
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s, reopen
}

// newAssessment returns an assessment with a fresh id and delete token,
// and the token.
func newAssessment(t testing.TB, previousID string) (*certwise.Assessment, string) {
	t.Helper()
	id, err := certwise.NewAssessmentID()
	if err != nil {
		t.Fatal(err)
	}
	token, hash, err := certwise.NewDeleteToken()
	if err != nil {
		t.Fatal(err)
	}
	a := &certwise.Assessment{ID: id, PreviousID: previousID, DeleteTokenHash: hash}
	a.Answers.Role.Title = "Financial analyst"
	a.Answers.Motives = []certwise.Motive{certwise.MotiveCapabilityGap}
	a.Evaluation.Verdict = certwise.VerdictApplyFirst
	a.Evaluation.Headline = "Apply AI in your work first"
	return a, token
}

// richAssessment returns an assessment whose Answers and Evaluation have
// every field set.
func richAssessment(t testing.TB) *certwise.Assessment {
	t.Helper()
	a, _ := newAssessment(t, "")
	a.Answers, a.Evaluation = certwise.Answers{}, certwise.Evaluation{}
	f := &filler{}
	f.fill(reflect.ValueOf(&a.Answers).Elem(), 0)
	f.fill(reflect.ValueOf(&a.Evaluation).Elem(), 0)
	var zero []string
	zeroFields(reflect.ValueOf(a.Answers), "Answers", &zero)
	zeroFields(reflect.ValueOf(a.Evaluation), "Evaluation", &zero)
	if len(zero) > 0 {
		t.Fatalf("filler left fields zero: %v", zero)
	}
	return a
}

func mustCreate(t testing.TB, s certwise.AssessmentStore, a *certwise.Assessment) {
	t.Helper()
	if err := s.CreateAssessment(context.Background(), a); err != nil {
		t.Fatalf("CreateAssessment(%s): %v", a.ID, err)
	}
}

// mustRevisit stores a revisit of previousID and checks the version the
// store gave it.
func mustRevisit(t testing.TB, s certwise.AssessmentStore, previousID string, wantVersion int) *certwise.Assessment {
	t.Helper()
	a, _ := newAssessment(t, previousID)
	mustCreate(t, s, a)
	if a.Version != wantVersion {
		t.Errorf("revisit of %s: Version = %d, want %d", previousID, a.Version, wantVersion)
	}
	return a
}

func mustFind(t testing.TB, s certwise.AssessmentStore, id string) *certwise.Assessment {
	t.Helper()
	got, err := s.FindAssessment(context.Background(), id)
	if err != nil {
		t.Fatalf("FindAssessment(%s): %v", id, err)
	}
	return got
}

// wantCode fails unless err carries code (and field, when field is not "*").
func wantCode(t testing.TB, what string, err error, code, field string) {
	t.Helper()
	if got := certwise.ErrorCode(err); got != code {
		t.Fatalf("%s: error %v has code %q, want %q", what, err, got, code)
	}
	if field != "*" && certwise.ErrorField(err) != field {
		t.Fatalf("%s: error %v names field %q, want %q", what, err, certwise.ErrorField(err), field)
	}
}

// sameAssessment fails unless got equals want in every field; times are
// compared as instants and must be UTC.
func sameAssessment(t testing.TB, got, want *certwise.Assessment) {
	t.Helper()
	if got.CreatedAt.Location() != time.UTC {
		t.Errorf("%s: CreatedAt %v is not UTC", got.ID, got.CreatedAt)
	}
	if !got.CreatedAt.Equal(want.CreatedAt) {
		t.Errorf("%s: CreatedAt = %v, want %v", got.ID, got.CreatedAt, want.CreatedAt)
	}
	g, w := *got, *want
	g.CreatedAt, w.CreatedAt = time.Time{}, time.Time{}
	if !reflect.DeepEqual(g, w) {
		t.Fatalf("stored assessment differs:\n got %+v\nwant %+v", g, w)
	}
}

func ids(as []*certwise.Assessment) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

func wantVersions(t testing.TB, s certwise.AssessmentStore, id string, want ...string) {
	t.Helper()
	vs, err := s.ListVersions(context.Background(), id)
	if err != nil {
		t.Fatalf("ListVersions(%s): %v", id, err)
	}
	if got := ids(vs); !reflect.DeepEqual(got, want) {
		t.Fatalf("ListVersions(%s) = %v, want %v", id, got, want)
	}
}

func testRoundTrip(t *testing.T, open Open) {
	s, _ := openStore(t, open)
	a := richAssessment(t)
	a.Version = 42                                              // the store decides
	a.CreatedAt = time.Date(2000, 1, 1, 0, 0, 0, 0, time.Local) // likewise
	before := time.Now()
	mustCreate(t, s, a)
	after := time.Now()
	if a.Version != 1 {
		t.Errorf("Version = %d, want 1", a.Version)
	}
	if a.CreatedAt.Location() != time.UTC {
		t.Errorf("CreatedAt %v is not UTC", a.CreatedAt)
	}
	if a.CreatedAt.Before(before.Add(-time.Microsecond)) || a.CreatedAt.After(after) {
		t.Errorf("CreatedAt %v is not between %v and %v", a.CreatedAt, before, after)
	}
	got := mustFind(t, s, a.ID)
	sameAssessment(t, got, a)

	// The store keeps its own copy: changing what it returned changes nothing.
	got.Answers.Role.Title = "changed"
	sameAssessment(t, mustFind(t, s, a.ID), a)
}

func testZeroValues(t *testing.T, open Open) {
	s, _ := openStore(t, open)
	a, _ := newAssessment(t, "")
	a.Answers, a.Evaluation = certwise.Answers{}, certwise.Evaluation{}
	mustCreate(t, s, a)
	sameAssessment(t, mustFind(t, s, a.ID), a)
}

func testInvalid(t *testing.T, open Open) {
	s, _ := openStore(t, open)
	ctx := context.Background()
	good, _ := newAssessment(t, "")
	tests := []struct {
		name  string
		edit  func(a *certwise.Assessment)
		field string
	}{
		{"empty id", func(a *certwise.Assessment) { a.ID = "" }, "id"},
		{"id with slash", func(a *certwise.Assessment) { a.ID = "a/b" }, "id"},
		{"previous with space", func(a *certwise.Assessment) { a.PreviousID = "a b" }, "previous_id"},
		{"revisit of itself", func(a *certwise.Assessment) { a.PreviousID = a.ID }, "previous_id"},
		{"no token hash", func(a *certwise.Assessment) { a.DeleteTokenHash = nil }, "delete_token_hash"},
		{"short token hash", func(a *certwise.Assessment) { a.DeleteTokenHash = a.DeleteTokenHash[:8] }, "delete_token_hash"},
	}
	for _, tt := range tests {
		a := *good
		tt.edit(&a)
		wantCode(t, tt.name, s.CreateAssessment(ctx, &a), certwise.EINVALID, tt.field)
	}
	nan := *good
	nan.Answers.Role.ActivityShares = map[string]float64{"4.A.2.a.4": math.NaN()}
	wantCode(t, "NaN activity share", s.CreateAssessment(ctx, &nan), certwise.EINVALID, "answers")
	wantCode(t, "nil assessment", s.CreateAssessment(ctx, nil), certwise.EINVALID, "")
	// Nothing invalid was stored under the good id.
	_, err := s.FindAssessment(ctx, good.ID)
	wantCode(t, "find after invalid creates", err, certwise.ENOTFOUND, "*")
}

func testNotFound(t *testing.T, open Open) {
	s, _ := openStore(t, open)
	ctx := context.Background()
	a, token := newAssessment(t, "")
	mustCreate(t, s, a)
	for _, id := range []string{"absent", "", "a/b", "'; DROP TABLE assessments; --", a.ID + "x", a.ID[:len(a.ID)-1], strings.Repeat(a.ID, 1000)} {
		_, err := s.FindAssessment(ctx, id)
		wantCode(t, fmt.Sprintf("FindAssessment(%q)", id), err, certwise.ENOTFOUND, "*")
		_, err = s.ListVersions(ctx, id)
		wantCode(t, fmt.Sprintf("ListVersions(%q)", id), err, certwise.ENOTFOUND, "*")
		err = s.DeleteAssessment(ctx, id, certwise.HashDeleteToken(token))
		wantCode(t, fmt.Sprintf("DeleteAssessment(%q)", id), err, certwise.ENOTFOUND, "*")
	}
	mustFind(t, s, a.ID)
}

func testDuplicateID(t *testing.T, open Open) {
	s, _ := openStore(t, open)
	a, _ := newAssessment(t, "")
	mustCreate(t, s, a)
	b, _ := newAssessment(t, "")
	b.ID = a.ID
	b.Answers.Role.Title = "Somebody else"
	wantCode(t, "duplicate id", s.CreateAssessment(context.Background(), b), certwise.ECONFLICT, "id")
	sameAssessment(t, mustFind(t, s, a.ID), a)
}

func testRevisitChain(t *testing.T, open Open) {
	s, _ := openStore(t, open)
	v1, _ := newAssessment(t, "")
	mustCreate(t, s, v1)
	v2, _ := newAssessment(t, v1.ID)
	v2.Version = 7 // ignored
	mustCreate(t, s, v2)
	v3, _ := newAssessment(t, v2.ID)
	mustCreate(t, s, v3)
	for _, c := range []struct {
		a    *certwise.Assessment
		want int
	}{{v1, 1}, {v2, 2}, {v3, 3}} {
		if c.a.Version != c.want {
			t.Errorf("%s: Version set to %d, want %d", c.a.ID, c.a.Version, c.want)
		}
		got := mustFind(t, s, c.a.ID)
		sameAssessment(t, got, c.a)
	}
	if v3.CreatedAt.Before(v1.CreatedAt) {
		t.Errorf("v3 created %v before v1 %v", v3.CreatedAt, v1.CreatedAt)
	}
	wantVersions(t, s, v3.ID, v3.ID, v2.ID, v1.ID)
	wantVersions(t, s, v2.ID, v2.ID, v1.ID)
	wantVersions(t, s, v1.ID, v1.ID)
	vs, err := s.ListVersions(context.Background(), v3.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []*certwise.Assessment{v3, v2, v1} {
		sameAssessment(t, vs[i], want)
	}

	// A second revisit of v1 branches: it is version 2 as well.
	b2 := mustRevisit(t, s, v1.ID, 2)
	wantVersions(t, s, b2.ID, b2.ID, v1.ID)
}

func testRevisitOfMissing(t *testing.T, open Open) {
	s, _ := openStore(t, open)
	a, _ := newAssessment(t, "NoSuchAssessment")
	wantCode(t, "revisit of missing", s.CreateAssessment(context.Background(), a), certwise.ENOTFOUND, "previous_id")
	_, err := s.FindAssessment(context.Background(), a.ID)
	wantCode(t, "find after failed revisit", err, certwise.ENOTFOUND, "*")
}

func testDelete(t *testing.T, open Open) {
	s, _ := openStore(t, open)
	ctx := context.Background()
	a, token := newAssessment(t, "")
	other, otherToken := newAssessment(t, "")
	mustCreate(t, s, a)
	mustCreate(t, s, other)
	for name, hash := range map[string][]byte{
		"wrong token":       certwise.HashDeleteToken(token + "x"),
		"other's token":     certwise.HashDeleteToken(otherToken),
		"unhashed token":    []byte(token),
		"no token":          nil,
		"truncated hash":    certwise.HashDeleteToken(token)[:31],
		"hash of the empty": certwise.HashDeleteToken(""),
	} {
		wantCode(t, name, s.DeleteAssessment(ctx, a.ID, hash), certwise.EFORBIDDEN, "*")
	}
	sameAssessment(t, mustFind(t, s, a.ID), a)
	if err := s.DeleteAssessment(ctx, a.ID, certwise.HashDeleteToken(token)); err != nil {
		t.Fatalf("DeleteAssessment with the right token: %v", err)
	}
	_, err := s.FindAssessment(ctx, a.ID)
	wantCode(t, "find after delete", err, certwise.ENOTFOUND, "*")
	wantCode(t, "second delete", s.DeleteAssessment(ctx, a.ID, certwise.HashDeleteToken(token)), certwise.ENOTFOUND, "*")
	sameAssessment(t, mustFind(t, s, other.ID), other)
}

func testDeleteKeepsLaterVersions(t *testing.T, open Open) {
	s, _ := openStore(t, open)
	ctx := context.Background()
	v1, _ := newAssessment(t, "")
	mustCreate(t, s, v1)
	v2, token2 := newAssessment(t, v1.ID)
	mustCreate(t, s, v2)
	v3 := richAssessment(t)
	v3.PreviousID = v2.ID
	mustCreate(t, s, v3)

	if err := s.DeleteAssessment(ctx, v2.ID, certwise.HashDeleteToken(token2)); err != nil {
		t.Fatal(err)
	}
	// v3 keeps its data and version; its link to the deleted v2 is cleared.
	want := *v3
	want.PreviousID = ""
	sameAssessment(t, mustFind(t, s, v3.ID), &want)
	wantVersions(t, s, v3.ID, v3.ID)
	sameAssessment(t, mustFind(t, s, v1.ID), v1)

	// Revisiting v3 continues its numbering.
	v4 := mustRevisit(t, s, v3.ID, 4)
	wantVersions(t, s, v4.ID, v4.ID, v3.ID)
}

func testConcurrent(t *testing.T, open Open) {
	s, _ := openStore(t, open)
	ctx := context.Background()
	root, rootToken := newAssessment(t, "")
	mustCreate(t, s, root)

	const workers, each = 8, 6
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		created []*certwise.Assessment
		errs    []error
	)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			prev := ""
			for i := 0; i < each; i++ {
				// Alternate: a fresh assessment, a revisit of the shared
				// root, and a revisit of this worker's last one.
				parent := prev
				if i%3 == 1 {
					parent = root.ID
				}
				a, _ := newAssessment(t, parent)
				a.Answers.CapabilityGap = fmt.Sprintf("worker %d item %d", w, i)
				if err := s.CreateAssessment(ctx, a); err != nil {
					mu.Lock()
					errs = append(errs, fmt.Errorf("worker %d item %d: %w", w, i, err))
					mu.Unlock()
					return
				}
				if _, err := s.FindAssessment(ctx, a.ID); err != nil {
					mu.Lock()
					errs = append(errs, fmt.Errorf("find %s: %w", a.ID, err))
					mu.Unlock()
				}
				mu.Lock()
				created = append(created, a)
				mu.Unlock()
				prev = a.ID
			}
		}(w)
	}
	wg.Wait()
	if len(errs) > 0 {
		t.Fatalf("%d concurrent operations failed, first: %v", len(errs), errs[0])
	}
	if len(created) != workers*each {
		t.Fatalf("created %d, want %d", len(created), workers*each)
	}
	byID := map[string]*certwise.Assessment{root.ID: root}
	for _, a := range created {
		byID[a.ID] = a
	}
	for _, a := range created {
		sameAssessment(t, mustFind(t, s, a.ID), a)
		want := 1
		if a.PreviousID != "" {
			want = byID[a.PreviousID].Version + 1
		}
		if a.Version != want {
			t.Errorf("%s: Version = %d, want %d", a.ID, a.Version, want)
		}
	}

	// Racing deletes of one assessment: exactly one wins.
	var wins, notFound, other int
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := s.DeleteAssessment(ctx, root.ID, certwise.HashDeleteToken(rootToken))
			mu.Lock()
			defer mu.Unlock()
			switch certwise.ErrorCode(err) {
			case "":
				wins++
			case certwise.ENOTFOUND:
				notFound++
			default:
				other++
				errs = append(errs, err)
			}
		}()
	}
	wg.Wait()
	if wins != 1 || notFound != workers-1 || other != 0 {
		t.Fatalf("racing deletes: %d won, %d not found, %d failed (%v); want 1, %d, 0", wins, notFound, other, errs, workers-1)
	}
}

// testRevisitRacesDelete revisits an assessment while it is being deleted:
// each revisit either lands (as version 2, its link to the deleted version
// cleared) or finds nothing to revisit; none fails otherwise.
func testRevisitRacesDelete(t *testing.T, open Open) {
	s, _ := openStore(t, open)
	ctx := context.Background()
	for round := 0; round < 5; round++ {
		root, token := newAssessment(t, "")
		mustCreate(t, s, root)
		const n = 6
		revisits := make([]*certwise.Assessment, n)
		errs := make([]error, n)
		var delErr error
		var wg sync.WaitGroup
		for i := range n {
			revisits[i], _ = newAssessment(t, root.ID)
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = s.CreateAssessment(ctx, revisits[i])
			}()
			if i == n/2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					delErr = s.DeleteAssessment(ctx, root.ID, certwise.HashDeleteToken(token))
				}()
			}
		}
		wg.Wait()
		if delErr != nil {
			t.Fatalf("round %d: delete: %v", round, delErr)
		}
		for i, a := range revisits {
			switch certwise.ErrorCode(errs[i]) {
			case "":
				got := mustFind(t, s, a.ID)
				if got.Version != 2 || got.PreviousID != "" {
					t.Errorf("round %d: revisit stored as version %d after %q, want 2 after nothing", round, got.Version, got.PreviousID)
				}
			case certwise.ENOTFOUND:
				if certwise.ErrorField(errs[i]) != "previous_id" {
					t.Errorf("round %d: %v names %q, want previous_id", round, errs[i], certwise.ErrorField(errs[i]))
				}
			default:
				t.Errorf("round %d: revisit during delete: %v", round, errs[i])
			}
		}
	}
}

func testContextCancelled(t *testing.T, open Open) {
	s, _ := openStore(t, open)
	kept, token := newAssessment(t, "")
	mustCreate(t, s, kept)

	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, cancel2 := context.WithTimeout(context.Background(), -time.Second)
	defer cancel2()
	for _, c := range []struct {
		name string
		ctx  context.Context
		want error
	}{{"cancelled", cancelled, context.Canceled}, {"expired", expired, context.DeadlineExceeded}} {
		a, _ := newAssessment(t, "")
		check := func(op string, err error) {
			t.Helper()
			if !errors.Is(err, c.want) {
				t.Errorf("%s with a %s context: error %v, want one wrapping %v", op, c.name, err, c.want)
			}
			if code := certwise.ErrorCode(err); code != certwise.EINTERNAL {
				t.Errorf("%s with a %s context: code %q, want %q", op, c.name, code, certwise.EINTERNAL)
			}
		}
		check("CreateAssessment", s.CreateAssessment(c.ctx, a))
		_, err := s.FindAssessment(c.ctx, kept.ID)
		check("FindAssessment", err)
		_, err = s.ListVersions(c.ctx, kept.ID)
		check("ListVersions", err)
		check("DeleteAssessment", s.DeleteAssessment(c.ctx, kept.ID, certwise.HashDeleteToken(token)))
		check("Ping", s.Ping(c.ctx))

		// Nothing happened, and the store still serves others.
		_, err = s.FindAssessment(context.Background(), a.ID)
		wantCode(t, "find after cancelled create", err, certwise.ENOTFOUND, "*")
		sameAssessment(t, mustFind(t, s, kept.ID), kept)
	}
	if err := s.Ping(context.Background()); err != nil {
		t.Fatalf("Ping after cancellations: %v", err)
	}
}

func testPersistsAcrossReopen(t *testing.T, open Open) {
	s, reopen := open(t)
	ctx := context.Background()
	v1 := richAssessment(t)
	mustCreate(t, s, v1)
	v2, token2 := newAssessment(t, v1.ID)
	mustCreate(t, s, v2)
	gone, goneToken := newAssessment(t, "")
	mustCreate(t, s, gone)
	if err := s.DeleteAssessment(ctx, gone.ID, certwise.HashDeleteToken(goneToken)); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}

	s2 := reopen(t)
	t.Cleanup(func() {
		if err := s2.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	if err := s2.Ping(ctx); err != nil {
		t.Fatalf("Ping after reopen: %v", err)
	}
	sameAssessment(t, mustFind(t, s2, v1.ID), v1)
	sameAssessment(t, mustFind(t, s2, v2.ID), v2)
	wantVersions(t, s2, v2.ID, v2.ID, v1.ID)
	_, err := s2.FindAssessment(ctx, gone.ID)
	wantCode(t, "deleted before reopen", err, certwise.ENOTFOUND, "*")

	// The reopened store keeps working: revisit numbering and delete tokens.
	mustRevisit(t, s2, v2.ID, 3)
	if err := s2.DeleteAssessment(ctx, v2.ID, certwise.HashDeleteToken(token2)); err != nil {
		t.Fatalf("delete after reopen: %v", err)
	}
}

// testVersionsPage reads a history of five versions a page at a time.
func testVersionsPage(t *testing.T, open Open) {
	s, _ := openStore(t, open)
	ctx := context.Background()
	var chain []*certwise.Assessment // newest first
	prev := ""
	for range 5 {
		a, _ := newAssessment(t, prev)
		mustCreate(t, s, a)
		chain = append([]*certwise.Assessment{a}, chain...)
		prev = a.ID
	}
	top := chain[0].ID
	for _, tc := range []struct {
		offset, limit int
		want          []*certwise.Assessment
		more          bool
	}{
		{0, 2, chain[:2], true},
		{2, 2, chain[2:4], true},
		{4, 2, chain[4:], false},
		{0, 5, chain, false},
		{0, 1000, chain, false},
		{3, 1, chain[3:4], true},
		{5, 2, nil, false},
		{9, 2, nil, false},
	} {
		got, more, err := s.ListVersionsPage(ctx, top, tc.offset, tc.limit)
		if err != nil {
			t.Fatalf("ListVersionsPage(%d, %d): %v", tc.offset, tc.limit, err)
		}
		if !reflect.DeepEqual(ids(got), ids(tc.want)) || more != tc.more {
			t.Errorf("ListVersionsPage(%d, %d) = %v, %v; want %v, %v", tc.offset, tc.limit, ids(got), more, ids(tc.want), tc.more)
		}
		for i := range got {
			sameAssessment(t, got[i], tc.want[i])
		}
	}
	_, _, err := s.ListVersionsPage(ctx, "NoSuchAssessment", 2, 2)
	wantCode(t, "page of a missing assessment", err, certwise.ENOTFOUND, "*")
	for _, tc := range []struct {
		offset, limit int
		field         string
	}{{-1, 2, "offset"}, {0, 0, "limit"}, {1001, 2, "offset"}, {0, 1001, "limit"}} {
		_, _, err := s.ListVersionsPage(ctx, top, tc.offset, tc.limit)
		wantCode(t, fmt.Sprintf("ListVersionsPage(%d, %d)", tc.offset, tc.limit), err, certwise.EINVALID, tc.field)
	}
}

// maxVersion is the longest history sqlite and postgres keep.
const maxVersion = storeutil.MaxVersion

// testRevisitChainBound extends a history to its bound: the revisit past
// it is refused naming previous_id, and the version before can still be
// revisited (as a branch).
func testRevisitChainBound(t *testing.T, open Open) {
	s, _ := openStore(t, open)
	prev := ""
	var last *certwise.Assessment
	for v := 1; v <= maxVersion; v++ {
		a, _ := newAssessment(t, prev)
		mustCreate(t, s, a)
		if a.Version != v {
			t.Fatalf("version %d stored as %d", v, a.Version)
		}
		prev, last = a.ID, a
	}
	over, _ := newAssessment(t, last.ID)
	err := s.CreateAssessment(context.Background(), over)
	wantCode(t, "revisit past the bound", err, certwise.EINVALID, "previous_id")
	if !strings.Contains(certwise.ErrorMessage(err), "new assessment") {
		t.Errorf("message %q does not say what to do", certwise.ErrorMessage(err))
	}
	_, err = s.FindAssessment(context.Background(), over.ID)
	wantCode(t, "find the refused revisit", err, certwise.ENOTFOUND, "*")
	vs, err := s.ListVersions(context.Background(), last.ID)
	if err != nil || len(vs) != maxVersion {
		t.Fatalf("ListVersions of a full history: %d versions, %v", len(vs), err)
	}
}
