package answers

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// checkFast fails when the fast path accepts a document that parseJSON's own
// reader rejects or reads differently.
func checkFast(t testing.TB, doc []byte) bool {
	t.Helper()
	got, ok := parseJSONFast(doc)
	if !ok {
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	want, err := jsonValue(dec, "", 0)
	if err == nil {
		if _, err2 := dec.Token(); err2 == nil {
			t.Fatalf("fast path accepted trailing data in %q", doc)
		}
	}
	if err != nil {
		t.Fatalf("fast path accepted %q, which the token reader rejects: %v", doc, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("fast path read %q as %#v, the token reader as %#v", doc, got, want)
	}
	return true
}

func TestParseJSONFast(t *testing.T) {
	tests := []struct {
		doc  string
		fast bool // whether the fast path handles it
	}{
		{`{}`, true},
		{` {"a": [1, -2.5e3, 0, true, false, null, "x"], "b": {"c": []}} `, true},
		{`{"a": "héllo wörld"}`, true},
		{`[]`, true},
		{`"top"`, true},
		{`{"a": 1, "a": 2}`, false},       // duplicate key: parseJSON names it
		{`{"a": "x\ny"}`, false},          // escape: left to encoding/json
		{`{"a": "x` + "\t" + `"}`, false}, // control character: invalid
		{`{"a": 01}`, false},
		{`{"a": 1.}`, false},
		{`{"a": .5}`, false},
		{`{"a": -}`, false},
		{`{"a": 1e}`, false},
		{`{"a": 1e999}`, false},
		{`{"a": tru}`, false},
		{`{"a": truex}`, false},
		{`{"a": 1,}`, false},
		{`[1,]`, false},
		{`{"a": 1} {}`, false},
		{`{"a": 1`, false},
		{`{a: 1}`, false},
		{"{\"a\": \"\xff\"}", false},
		{strings.Repeat("[", maxDepth+2) + strings.Repeat("]", maxDepth+2), false},
		{strings.Repeat("[", maxDepth) + strings.Repeat("]", maxDepth), true},
		{``, false},
	}
	for _, tt := range tests {
		if got := checkFast(t, []byte(tt.doc)); got != tt.fast {
			t.Errorf("fast path on %q: handled %v, want %v", tt.doc, got, tt.fast)
		}
	}
}

// TestParseJSONFastMutations mutates the example answers byte by byte: the
// fast path must never accept a document the token reader rejects or reads
// differently.
func TestParseJSONFastMutations(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.json")
	files = append(files, "../examples/headlines.json")
	alphabet := []byte(` {}[]:,"\-+.eE0123456789truefalsn` + "\t\n\\\x01\xc3\xa9\xff")
	rng := rand.New(rand.NewSource(1))
	for _, f := range files {
		doc, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkFast(t, doc)
		for range 3000 {
			m := bytes.Clone(doc)
			for range 1 + rng.Intn(3) {
				i := rng.Intn(len(m))
				switch rng.Intn(3) {
				case 0:
					m[i] = alphabet[rng.Intn(len(alphabet))]
				case 1:
					m = append(m[:i], m[i+1:]...)
				default:
					m = append(m[:i], append([]byte{alphabet[rng.Intn(len(alphabet))]}, m[i:]...)...)
				}
				if len(m) == 0 {
					break
				}
			}
			checkFast(t, m)
		}
	}
}

func FuzzParseJSONFast(f *testing.F) {
	f.Add([]byte(`{"role": {"title": "analyst"}, "motives": ["capability_gap"], "x": -1.5e2}`))
	f.Add([]byte(`[1, "a", null, true, {"b": []}]`))
	f.Fuzz(func(t *testing.T, doc []byte) { checkFast(t, doc) })
}
