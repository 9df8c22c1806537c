package certwise

import (
	"bytes"
	"strings"
	"testing"
)

func TestNewAssessmentIDAndToken(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 100; i++ {
		id, err := NewAssessmentID()
		if err != nil {
			t.Fatal(err)
		}
		if len(id) != 43 || !ValidAssessmentID(id) {
			t.Fatalf("id %q: want 43 base64url characters", id)
		}
		if seen[id] {
			t.Fatalf("id %q repeated", id)
		}
		seen[id] = true
	}
	tok, hash, err := NewDeleteToken()
	if err != nil {
		t.Fatal(err)
	}
	if !ValidAssessmentID(tok) || len(tok) != 43 {
		t.Fatalf("token %q: want 43 base64url characters", tok)
	}
	if !bytes.Equal(hash, HashDeleteToken(tok)) || len(hash) != 32 {
		t.Fatalf("hash %x does not match HashDeleteToken(token)", hash)
	}
	if bytes.Equal(HashDeleteToken(tok), HashDeleteToken(tok+"x")) {
		t.Fatal("different tokens hash alike")
	}
}

func TestValidAssessmentID(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"abcXYZ019-_", true},
		{"a", true},
		{strings.Repeat("a", 128), true},
		{strings.Repeat("a", 129), false},
		{"", false},
		{"a/b", false},
		{"a b", false},
		{"a.b", false},
		{"é", false},
		{"a=", false},
	}
	for _, tt := range tests {
		if got := ValidAssessmentID(tt.id); got != tt.want {
			t.Errorf("ValidAssessmentID(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
}

func TestAssessmentValidate(t *testing.T) {
	hash := HashDeleteToken("t")
	tests := []struct {
		name  string
		a     *Assessment
		field string // "" means valid
	}{
		{"valid first", &Assessment{ID: "abc", DeleteTokenHash: hash}, ""},
		{"valid revisit", &Assessment{ID: "abc", PreviousID: "def", DeleteTokenHash: hash}, ""},
		{"nil", nil, "-"},
		{"empty id", &Assessment{DeleteTokenHash: hash}, "id"},
		{"bad id", &Assessment{ID: "../x", DeleteTokenHash: hash}, "id"},
		{"bad previous", &Assessment{ID: "abc", PreviousID: "a b", DeleteTokenHash: hash}, "previous_id"},
		{"self previous", &Assessment{ID: "abc", PreviousID: "abc", DeleteTokenHash: hash}, "previous_id"},
		{"no hash", &Assessment{ID: "abc"}, "delete_token_hash"},
		{"short hash", &Assessment{ID: "abc", DeleteTokenHash: hash[:16]}, "delete_token_hash"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.a.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if ErrorCode(err) != EINVALID {
				t.Fatalf("Validate() = %v, want code %s", err, EINVALID)
			}
			if want := strings.TrimPrefix(tt.field, "-"); ErrorField(err) != want {
				t.Fatalf("field = %q, want %q", ErrorField(err), want)
			}
		})
	}
}
