package certwise

import (
	"context"
	"time"
)

// Assessment is a saved evaluation: the answers, the evaluation they gave,
// and, for a revisit, the earlier version it follows.
type Assessment struct {
	ID              string     `json:"id"` // ≥128 random bits, URL-safe
	PreviousID      string     `json:"previous_id,omitempty"`
	Version         int        `json:"version"` // 1 for a first assessment
	Answers         Answers    `json:"answers"`
	Evaluation      Evaluation `json:"evaluation"`
	DeleteTokenHash []byte     `json:"-"` // SHA-256 of the delete token
	CreatedAt       time.Time  `json:"created_at"`
}

// AssessmentStore keeps saved assessments. Implementations: sqlite and
// postgres; storetest holds the suite both must pass.
type AssessmentStore interface {
	// CreateAssessment stores a new assessment. The caller sets ID,
	// DeleteTokenHash, Answers and Evaluation; the store sets CreatedAt and,
	// when PreviousID is set, Version (previous version + 1). ENOTFOUND if
	// PreviousID names no assessment, ECONFLICT if ID is taken.
	CreateAssessment(ctx context.Context, a *Assessment) error
	// FindAssessment returns an assessment by id, ENOTFOUND if absent.
	FindAssessment(ctx context.Context, id string) (*Assessment, error)
	// DeleteAssessment removes an assessment if tokenHash matches its
	// delete token hash (EFORBIDDEN otherwise, ENOTFOUND if absent).
	// Later versions that point to it keep their data.
	DeleteAssessment(ctx context.Context, id string, tokenHash []byte) error
	// Ping reports whether the store can serve requests.
	Ping(ctx context.Context) error
	// Close releases the store's resources.
	Close() error
}
