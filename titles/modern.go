// The modern-titles layer: reviewed title patterns of today's job families
// (modern.tsv), each mapped to the O*NET-SOC occupations it names.

package titles

import (
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"
)

//go:embed modern.tsv
var modernTable string

// modernRule is one pattern of modern.tsv, compiled: its core phrase's
// words (normalized as a query is), which must stand together in one
// segment of a query, in order; its qualifiers' words, which must each
// occur anywhere in the query; and the occupations it names, best first.
type modernRule struct {
	text  string       // the pattern as written
	core  [][][]string // slots that must stand together, in order: each holds the word sequences that may fill it
	quals []string     // words that must occur anywhere
	codes []string     // O*NET-SOC codes, best first
	note  bool         // O*NET has no occupation of its own for these titles
	ask   bool         // the title fits several occupations: never confident
	// override is set when the rule applies even to a title O*NET lists
	// exactly under other occupations, because the listing is an error of
	// the data ("Full Stack Developer" under Photographic Process Workers).
	// Otherwise such a listing is more specific than the rule and wins.
	override bool
	occs     []int32 // the index's occupations of codes that it holds
	length   int     // number of words, core and qualifiers: the more, the more specific
}

// NoDedicatedOccupation is the note a match carries when its title names
// work O*NET has no occupation of its own for, so that the closest one was
// taken.
const NoDedicatedOccupation = "O*NET has no dedicated occupation for this title; this is the closest one"

// readModern parses a modern-titles table: tab-separated lines of a
// pattern, O*NET-SOC codes (comma-separated, best first), flags ("note",
// "ask", "override", comma-separated, or "-") and a rationale. A pattern is a core
// phrase, optionally followed by qualifiers, each introduced by " +"
// ("product manager +ai"). Lines starting with "#" and blank lines are
// skipped; a header line whose first field is "pattern" too.
func readModern(r io.Reader, name string) ([]modernRule, error) {
	var out []modernRule
	err := scanTable(r, name, []string{"pattern", "codes", "flags", "rationale"}, func(f []string) error {
		parts := strings.Split(f[0], " +")
		r := modernRule{text: strings.TrimSpace(f[0])}
		core, err := compileCore(parts[0])
		if err != nil {
			return err
		}
		r.core = core
		if len(r.core) == 0 {
			return fmt.Errorf("pattern %q has no words that carry meaning", f[0])
		}
		for _, q := range parts[1:] {
			ws := analyze(q).words
			if len(ws) == 0 {
				return fmt.Errorf("qualifier %q has no words that carry meaning", q)
			}
			r.quals = append(r.quals, ws...)
		}
		r.length = len(r.core) + len(r.quals)
		for c := range strings.SplitSeq(f[1], ",") {
			c = strings.TrimSpace(c)
			if len(c) != len("15-1252.00") || c[2] != '-' || c[7] != '.' {
				return fmt.Errorf("code %q is not an O*NET-SOC code such as 15-1252.00", c)
			}
			r.codes = append(r.codes, c)
		}
		if fl := strings.TrimSpace(f[2]); fl != "-" {
			for flag := range strings.SplitSeq(fl, ",") {
				switch strings.TrimSpace(flag) {
				case "note":
					r.note = true
				case "ask":
					r.ask = true
				case "override":
					r.override = true
				default:
					return fmt.Errorf("flag %q: want note, ask, override or -", flag)
				}
			}
		}
		if strings.TrimSpace(f[3]) == "" {
			return fmt.Errorf("rationale is empty")
		}
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// modernClasses name sets of rank words a pattern may hold in one slot
// ("@exec people": "Director of People", "VP People", "Chief People ...").
var modernClasses = map[string]string{
	"@exec": "director|vicepresident|chief|president|head",
	"@lead": "manager|director|vicepresident|chief|president|head|lead|leader|supervisor",
	"@ic":   "specialist|analyst|coordinator|associate|generalist|partner|representative|consultant|advisor|expert",
}

// compileCore turns a core phrase into slots. Each space-separated token
// is normalized as a query word is ("of" gives none); a token "a|b" or a
// class (modernClasses) gives one slot that any of its alternatives fills.
// An alternative may be several words, joined by "_" ("ai|machine_learning")
// or by expanding ("HR" is "human resources").
func compileCore(phrase string) ([][][]string, error) {
	var core [][][]string
	for tok := range strings.FieldsSeq(phrase) {
		tok = expandClasses(tok)
		var slot [][]string
		for alt := range strings.SplitSeq(tok, "|") {
			ws := analyze(strings.ReplaceAll(alt, "_", " ")).words
			if len(ws) == 0 {
				if strings.Contains(tok, "|") {
					return nil, fmt.Errorf("alternative %q of %q has no words that carry meaning", alt, tok)
				}
				break // "of"
			}
			slot = append(slot, ws)
		}
		if len(slot) > 0 {
			core = append(core, slot)
		}
	}
	return core, nil
}

// expandClasses replaces the classes among a token's alternatives by
// their words ("@ic|clerk").
func expandClasses(tok string) string {
	alts := strings.Split(tok, "|")
	for i, a := range alts {
		if c, ok := modernClasses[a]; ok {
			alts[i] = c
		}
	}
	return strings.Join(alts, "|")
}

// modernRules returns the embedded table's rules; the table is part of the
// program, so a malformed one is a programming error that its tests catch.
func modernRules() []modernRule {
	rs, err := readModern(strings.NewReader(modernTable), "titles/modern.tsv")
	if err != nil {
		panic(err)
	}
	return rs
}

// setModern resolves the rules' codes to the index's occupations, dropping
// codes it does not hold and rules left with none.
func (x *Index) setModern(rules []modernRule) {
	for _, r := range rules {
		r.occs = nil
		for _, c := range r.codes {
			if o, ok := x.byCode[c]; ok {
				r.occs = append(r.occs, o)
			}
		}
		if len(r.occs) > 0 {
			x.modern = append(x.modern, r)
		}
	}
	x.modernBy = map[string][]int32{}
	for i, r := range x.modern {
		for _, alt := range r.core[0] {
			if ids := x.modernBy[alt[0]]; len(ids) == 0 || ids[len(ids)-1] != int32(i) {
				x.modernBy[alt[0]] = append(ids, int32(i))
			}
		}
	}
}

// modernMatch returns the most specific rule the analysed query meets (the
// one accounting for most of its words, then the one with most slots, then
// the first in the table), or nil, and how many of the query's words it
// accounts for.
func (x *Index) modernMatch(a analysis) (best *modernRule, more, extra bool) {
	bestN, bestAt, bestEnd := 0, 0, 0
	// only the rules whose core can start with one of the query's words,
	// in table order
	var buf [64]int32
	ids := buf[:0]
	for _, w := range a.words {
		ids = append(ids, x.modernBy[w]...)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	for _, i := range ids {
		r := &x.modern[i]
		at, end := r.covers(a)
		n := end - at + len(r.quals)
		if end > 0 && (n > bestN || n == bestN && r.length > best.length) {
			best, bestN, bestAt, bestEnd = r, n, at, end
		}
	}
	if best == nil {
		return nil, false, false
	}
	more, extra = saysMore(a, best, bestAt, bestEnd)
	return best, more, extra
}

// saysMore reports whether the part of the query where the rule meets it
// (words at..end) says more than the rule reads: a distinguishing word the
// rule does not read ("biodiesel" in "Biodiesel Product Manager", not
// "manager" in "Demand Generation Manager"), or a rank word after a phrase
// that already ends in one ("Sales Representative Supervisor"). Other parts
// qualify the title without changing the job ("Product Manager, Payments");
// extra reports whether any part holds a distinguishing word the rule does
// not read.
func saysMore(a analysis, r *modernRule, at, end int) (more, extra bool) {
	for i, w := range a.words {
		if i >= at && i < end || containsWord(r.quals, w) || containsWord(a.words[at:end], w) {
			continue
		}
		extra = extra || !genericWords[w]
		if a.segs[i] == a.segs[at] && (!genericWords[w] || i >= end && genericWords[a.words[end-1]]) {
			more = true
		}
	}
	return more, extra
}

// covers returns where the rule's core phrase stands among the analysed
// query's words (at..end) when the query holds it in one segment, in
// order, and each of its qualifiers anywhere; else 0, 0.
func (r *modernRule) covers(a analysis) (at, end int) {
	for _, q := range r.quals {
		if !containsWord(a.words, q) {
			return 0, 0
		}
	}
	for i := range a.words {
		if end := fillsFrom(r.core, a, i, a.segs[i]); end > 0 {
			return i, end
		}
	}
	return 0, 0
}

// fillsFrom returns where the slots end when the query's words from i on,
// all in segment seg, fill them in order; else 0.
func fillsFrom(slots [][][]string, a analysis, i, seg int) int {
	if len(slots) == 0 {
		return i
	}
	for _, alt := range slots[0] {
		if i+len(alt) > len(a.words) {
			continue
		}
		ok := true
		for j, w := range alt {
			if a.words[i+j] != w || a.segs[i+j] != seg {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if end := fillsFrom(slots[1:], a, i+len(alt), seg); end > 0 {
			return end
		}
	}
	return 0
}

func containsWord(ws []string, w string) bool {
	for _, v := range ws {
		if v == w {
			return true
		}
	}
	return false
}
