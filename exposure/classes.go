package exposure

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/certwise/certwise"
)

//go:embed iwa_classes.tsv
var iwaClassesFile string

// IWAClass is the reviewed work class of one intermediate work activity.
type IWAClass struct {
	IWA       string             `json:"iwa"`
	Title     string             `json:"title"`
	Class     certwise.WorkClass `json:"class"`
	Rationale string             `json:"rationale"`
}

// IWAClasses returns the reviewed classification of O*NET's intermediate
// work activities (exposure/iwa_classes.tsv), in file order.
func IWAClasses() ([]IWAClass, error) { return parseIWAClasses(iwaClassesFile) }

// parseIWAClasses reads the classification file: lines
// "iwa<TAB>class<TAB>title<TAB>rationale", with # comments and blank lines
// ignored. An IWA listed twice, an unknown class or a missing rationale is an
// error naming the line.
func parseIWAClasses(text string) ([]IWAClass, error) {
	var out []IWAClass
	seen := map[string]int{}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		n := i + 1
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("iwa_classes.tsv:%d: %d fields, want 4 (iwa, class, title, rationale)", n, len(f))
		}
		c := IWAClass{IWA: strings.TrimSpace(f[0]), Class: certwise.WorkClass(strings.TrimSpace(f[1])),
			Title: strings.TrimSpace(f[2]), Rationale: strings.TrimSpace(f[3])}
		if !c.Class.Valid() {
			return nil, fmt.Errorf("iwa_classes.tsv:%d: field \"class\": unknown work class %q", n, c.Class)
		}
		if c.IWA == "" || c.Title == "" || c.Rationale == "" {
			return nil, fmt.Errorf("iwa_classes.tsv:%d: iwa, title and rationale must not be empty", n)
		}
		if prev, ok := seen[c.IWA]; ok {
			return nil, fmt.Errorf("iwa_classes.tsv:%d: IWA %s already classified on line %d", n, c.IWA, prev)
		}
		seen[c.IWA] = n
		out = append(out, c)
	}
	return out, nil
}
