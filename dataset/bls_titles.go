package dataset

import (
	"context"
	"fmt"
	"regexp"
)

// FileBLSDirectMatch is the BLS 2018 SOC direct-match title file: job
// titles BLS assigns to exactly one 6-digit SOC code (public domain).
const FileBLSDirectMatch = "bls-soc-2018/soc_2018_direct_match_title_file.csv"

// BLSTitle is one direct-match title of the BLS 2018 SOC: a job title and
// the 6-digit SOC code it belongs to.
type BLSTitle struct {
	SOC   string `json:"soc"`
	Title string `json:"title"`
}

var sixDigitSOC = regexp.MustCompile(`^\d{2}-\d{4}$`)

// ReadBLSDirectMatch reads dir's BLS 2018 SOC direct-match titles, in file
// order.
func ReadBLSDirectMatch(ctx context.Context, dir string) ([]BLSTitle, error) {
	var out []BLSTitle
	const colSOC, colTitle = "2018 SOC Code", "2018 SOC Direct Match Title"
	err := scan(ctx, dir, FileBLSDirectMatch, commaQuoted, []string{colSOC, colTitle}, func(r *row) error {
		t := BLSTitle{SOC: r.need(colSOC), Title: r.need(colTitle)}
		if t.SOC != "" && !sixDigitSOC.MatchString(t.SOC) {
			r.fail(colSOC, "%q is not a 6-digit SOC code such as 15-1252", t.SOC)
		}
		out = append(out, t)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read BLS direct-match titles: %w", err)
	}
	return out, nil
}
