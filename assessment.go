package certwise

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"time"
)

// Assessment is a saved evaluation: the answers, the evaluation they gave,
// and, for a revisit, the earlier version it follows.
type Assessment struct {
	ID string `json:"id"` // ≥128 random bits, URL-safe; see NewAssessmentID
	// PreviousID names the earlier version this one revisits. It becomes
	// empty when that earlier version is deleted (Version is kept).
	PreviousID      string     `json:"previous_id,omitempty"`
	Version         int        `json:"version"` // 1 for a first assessment
	Answers         Answers    `json:"answers"`
	Evaluation      Evaluation `json:"evaluation"`
	DeleteTokenHash []byte     `json:"-"` // SHA-256 of the delete token; see HashDeleteToken
	CreatedAt       time.Time  `json:"created_at"`
}

// AssessmentStore keeps saved assessments. Implementations: sqlite and
// postgres; storetest holds the suite both must pass. Every method is safe
// for concurrent use. Errors carry a code from this package (read it with
// ErrorCode); any other failure is EINTERNAL and its message must not be
// shown to users (ErrorMessage hides it). Failures that pass (a lost
// connection, a busy or stalled database, a call past its context's
// deadline) have a method Unavailable() bool returning true or wrap
// context.DeadlineExceeded, so that callers can say "try again".
type AssessmentStore interface {
	// CreateAssessment stores a new assessment. The caller sets ID,
	// DeleteTokenHash, Answers, Evaluation and, for a revisit, PreviousID;
	// the store sets CreatedAt (UTC, microsecond precision) and Version
	// (1, or the previous version + 1, computed atomically) on a. Several
	// revisits of the same version are allowed and get the same Version.
	// A history is bounded: a revisit of a version at the store's maximum
	// (100 for sqlite and postgres) is EINVALID (field "previous_id").
	// EINVALID (field "id", "previous_id" or "delete_token_hash") if a fails
	// Assessment.Validate, or (field "answers" or "evaluation") if they hold
	// what JSON cannot, such as a NaN; ENOTFOUND (field "previous_id") if
	// PreviousID names no assessment; ECONFLICT (field "id") if ID is taken.
	CreateAssessment(ctx context.Context, a *Assessment) error
	// FindAssessment returns an assessment by id, ENOTFOUND if absent
	// (including ids that could never exist, so /a/{id} can answer 404).
	FindAssessment(ctx context.Context, id string) (*Assessment, error)
	// ListVersions returns the history that ends at id: the assessment
	// itself first, then each earlier version reached through PreviousID,
	// newest first (so element 1, when present, is the version to compare
	// against). The chain stops where an earlier version was deleted.
	// ENOTFOUND if id is absent.
	ListVersions(ctx context.Context, id string) ([]*Assessment, error)
	// ListVersionsPage returns one page of that history: at most limit
	// versions starting at position offset (0 is the assessment itself),
	// and whether earlier versions remain. Its cost depends on offset and
	// limit, not on the history's length. ENOTFOUND if id is absent;
	// EINVALID (field "offset" or "limit") for an offset outside 0 to 1000
	// or a limit outside 1 to 1000.
	ListVersionsPage(ctx context.Context, id string, offset, limit int) (versions []*Assessment, more bool, err error)
	// DeleteAssessment removes an assessment if tokenHash matches its
	// delete token hash, compared in constant time (EFORBIDDEN otherwise,
	// ENOTFOUND if absent). Later versions that point to it keep their
	// data and Version; their PreviousID becomes empty.
	DeleteAssessment(ctx context.Context, id string, tokenHash []byte) error
	// Ping reports whether the store can serve requests (for /readyz).
	Ping(ctx context.Context) error
	// Close releases the store's resources. It is safe to call twice.
	Close() error
}

// idBytes is how many random bytes make an assessment id or a delete token:
// 256 bits, comfortably above the 128 the share links need.
const idBytes = 32

// maxIDLen bounds the ids a store accepts.
const maxIDLen = 128

// NewAssessmentID returns a fresh assessment id: 256 random bits, base64url
// without padding (43 characters, safe in a URL path).
func NewAssessmentID() (string, error) {
	b := make([]byte, idBytes)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("new assessment id: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// NewDeleteToken returns a fresh delete token to show the user once, and
// its hash to store in Assessment.DeleteTokenHash.
func NewDeleteToken() (token string, hash []byte, err error) {
	b := make([]byte, idBytes)
	if _, err := rand.Read(b); err != nil {
		return "", nil, fmt.Errorf("new delete token: %w", err)
	}
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, HashDeleteToken(token), nil
}

// HashDeleteToken returns the SHA-256 of a delete token, the value stores
// keep and DeleteAssessment compares.
func HashDeleteToken(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// ValidAssessmentID reports whether id could be an assessment id: 1 to 128
// characters from the base64url alphabet (A-Z a-z 0-9 - _).
func ValidAssessmentID(id string) bool {
	if id == "" || len(id) > maxIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// Validate checks what a caller must set before CreateAssessment: a valid
// ID, a valid or empty PreviousID different from ID, and a SHA-256
// DeleteTokenHash. Errors are EINVALID and name the field.
func (a *Assessment) Validate() error {
	if a == nil {
		return Errorf(EINVALID, "", "assessment is missing")
	}
	if !ValidAssessmentID(a.ID) {
		return Errorf(EINVALID, "id", "id must be 1 to %d characters of A-Z, a-z, 0-9, - or _", maxIDLen)
	}
	if a.PreviousID != "" {
		if !ValidAssessmentID(a.PreviousID) {
			return Errorf(EINVALID, "previous_id", "previous_id must be 1 to %d characters of A-Z, a-z, 0-9, - or _", maxIDLen)
		}
		if a.PreviousID == a.ID {
			return Errorf(EINVALID, "previous_id", "an assessment cannot revisit itself")
		}
	}
	if len(a.DeleteTokenHash) != sha256.Size {
		return Errorf(EINVALID, "delete_token_hash", "delete_token_hash must be a %d-byte SHA-256, got %d bytes", sha256.Size, len(a.DeleteTokenHash))
	}
	return nil
}
