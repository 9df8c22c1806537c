package certwise

import (
	"errors"
	"fmt"
)

// Error codes shared by every package. Front ends map them to exit statuses
// and HTTP statuses; they never need to inspect message text.
const (
	EINVALID   = "invalid"   // the input is malformed or outside a vocabulary
	ENOTFOUND  = "not_found" // the thing asked for does not exist
	ECONFLICT  = "conflict"  // the request conflicts with stored state
	EFORBIDDEN = "forbidden" // a token or permission is missing or wrong
	EINTERNAL  = "internal"  // a failure the caller cannot fix
)

// Error is a domain error: a machine-readable code, a message for a person,
// and, for invalid input, the field at fault (a dotted path such as
// "position.owns_measurable_outcomes").
type Error struct {
	Code    string
	Message string
	Field   string
}

// Error implements the error interface.
func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s", e.Field, e.Message)
	}
	return e.Message
}

// Errorf returns an *Error with the given code and field and a formatted message.
func Errorf(code, field, format string, args ...any) *Error {
	return &Error{Code: code, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorField returns the field named by the first *Error in err's chain, or "".
func ErrorField(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

// ErrorMessage returns the message of the first *Error in err's chain, or a
// generic message for other errors so that internals never leak to users.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
