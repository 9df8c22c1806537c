// Stemming and compound words.

package titles

import (
	"strings"

	"github.com/blevesearch/go-porterstemmer"
)

// split splits a compound word the index does not know into two words it
// does ("zookeeper" → "zoo", "keeper"), preferring the most even split, or
// returns "", "".
func (x *Index) split(w string) (string, string) { return splitWord(w, x.spell.words) }

// splitWord splits w into two words of vocab, each at least three letters
// long, preferring the most even split; or returns "", "".
func splitWord(w string, vocab map[string]int32) (string, string) {
	bp, bq := "", ""
	for i := 3; i <= len(w)-3; i++ {
		p, q := w[:i], w[i:]
		if vocab[p] == 0 || vocab[q] == 0 {
			continue
		}
		if bp == "" || min(len(p), len(q)) > min(len(bp), len(bq)) {
			bp, bq = p, q
		}
	}
	return bp, bq
}

// agentEndings are the endings of agent nouns ("welder", "operator",
// "pharmacist", "technician", "foreman") that stemOf removes when the
// vocabulary holds the bare stem.
var agentEndings = [...]string{"er", "or", "ist", "ian", "man"}

// stemOf returns the stem term of w: its Porter stem, and for an agent
// noun the stem of the work it names when a vocabulary word has that stem,
// so that "welder" meets "welding" (weld) and "cutter" meets "cutting"
// (cut), which Porter leaves apart.
func (x *Index) stemOf(w string) string {
	st := porterstemmer.StemString(w)
	for _, end := range agentEndings {
		n := len(st) - len(end)
		if n < 3 || !strings.HasSuffix(st, end) {
			continue
		}
		r := st[:n]
		if n >= 4 && r[n-1] == r[n-2] && !strings.ContainsRune("aeiouls", rune(r[n-1])) {
			r = r[:n-1] // "cutt" → "cut"
		}
		if x.stems[r] {
			return r
		}
		break
	}
	return st
}
