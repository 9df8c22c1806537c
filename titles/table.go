package titles

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// scanTable reads the tab-separated tables of this package (modern.tsv, the
// panel): it skips blank lines, lines starting with "#" and the header line
// (its first field is cols[0]), and calls fn with each other line's number
// and fields, which are exactly len(cols). Errors name the table (name) and
// the line.
func scanTable(r io.Reader, name string, cols []string, fn func(f []string) error) error {
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != len(cols) {
			return fmt.Errorf("%s:%d: want %d tab-separated fields (%s), got %d", name, line, len(cols), strings.Join(cols, ", "), len(f))
		}
		if f[0] == cols[0] {
			continue
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}
