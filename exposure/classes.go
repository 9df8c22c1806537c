package exposure

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/certwise/certwise"
)

//go:embed gwa_classes.tsv
var gwaClassesFile string

// GWAClass is the reviewed work class of one generalized work activity.
type GWAClass struct {
	GWA       string             `json:"gwa"`
	Name      string             `json:"name"`
	Class     certwise.WorkClass `json:"class"`
	Rationale string             `json:"rationale"`
}

// GWAClasses returns the reviewed classification of O*NET's generalized work
// activities (exposure/gwa_classes.tsv), in file order.
func GWAClasses() ([]GWAClass, error) { return parseGWAClasses(gwaClassesFile) }

// parseGWAClasses reads the classification file: lines "gwa<TAB>class<TAB>name<TAB>rationale",
// with # comments and blank lines ignored. A GWA listed twice, an unknown
// class or a missing rationale is an error naming the line.
func parseGWAClasses(text string) ([]GWAClass, error) {
	var out []GWAClass
	seen := map[string]int{}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		n := i + 1
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("gwa_classes.tsv:%d: %d fields, want 4 (gwa, class, name, rationale)", n, len(f))
		}
		c := GWAClass{GWA: strings.TrimSpace(f[0]), Class: certwise.WorkClass(strings.TrimSpace(f[1])),
			Name: strings.TrimSpace(f[2]), Rationale: strings.TrimSpace(f[3])}
		if !c.Class.Valid() {
			return nil, fmt.Errorf("gwa_classes.tsv:%d: field \"class\": unknown work class %q", n, c.Class)
		}
		if c.GWA == "" || c.Name == "" || c.Rationale == "" {
			return nil, fmt.Errorf("gwa_classes.tsv:%d: gwa, name and rationale must not be empty", n)
		}
		if prev, ok := seen[c.GWA]; ok {
			return nil, fmt.Errorf("gwa_classes.tsv:%d: GWA %s already classified on line %d", n, c.GWA, prev)
		}
		seen[c.GWA] = n
		out = append(out, c)
	}
	return out, nil
}
