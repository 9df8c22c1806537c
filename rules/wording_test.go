package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestOwnWords checks that no user-facing text of the rulebook or the
// questions repeats the seed guide's sentences: no run of six words may be
// shared with it. The related topics are titles cited by name and are not
// checked.
func TestOwnWords(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "seed", "*.txt"))
	if len(files) == 0 {
		t.Skip("seed guide not found beside the repository (../shared/seed)")
	}
	const n = 6
	words := regexp.MustCompile(`[a-z0-9']+`)
	grams := func(s string) []string {
		ws := words.FindAllString(strings.ToLower(s), -1)
		var out []string
		for i := 0; i+n <= len(ws); i++ {
			out = append(out, strings.Join(ws[i:i+n], " "))
		}
		return out
	}
	seed := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			for _, g := range grams(line) {
				seed[g] = true
			}
		}
	}
	book := Default()
	var texts []string
	for _, r := range book.Rules {
		texts = append(texts, r.Explanation)
	}
	for _, h := range book.Headlines {
		texts = append(texts, h)
	}
	for _, s := range book.Sections {
		texts = append(texts, s.Title, s.Note)
	}
	for _, q := range questionText {
		texts = append(texts, q[1])
	}
	for _, f := range Facts() {
		texts = append(texts, f.Description())
	}
	for _, txt := range texts {
		for _, g := range grams(txt) {
			if seed[g] {
				t.Errorf("%q repeats the seed's words %q", txt, g)
			}
		}
	}
}
