package titles

import (
	"strings"
	"unicode"
)

// analysis is a title reduced to the words that carry its meaning.
type analysis struct {
	words []string // content words in order, expanded and stemmed
	segs  []int    // the separator-delimited segment of each word
	head  string   // the head noun: what the person is ("engineer", "nurse")
	head2 string   // the head's last part when the head is a compound ("layer" of "pipelayer")
}

// rawToken is one token of a title before the lexicon is applied.
type rawToken struct {
	text string
	seg  int
}

// tokenize lower-cases s, folds accents and splits it into tokens, numbering
// the segments that separators such as ",", " - ", "/" and parentheses delimit.
// Dotted acronyms ("U.S.", "R.N.") and short ampersand pairs ("R&D") become
// one token; apostrophes vanish ("children's" → "childrens").
func tokenize(s string) []rawToken {
	rs := []rune(strings.ToLower(s))
	out := make([]rawToken, 0, 8)
	cur := make([]rune, 0, 32)
	seg := 0
	flush := func() {
		if len(cur) > 0 {
			out = append(out, rawToken{text: string(cur), seg: seg})
			cur = cur[:0]
		}
	}
	breakSeg := func() {
		flush()
		if len(out) > 0 && out[len(out)-1].seg == seg {
			seg++
		}
	}
	at := func(i int) rune {
		if i < 0 || i >= len(rs) {
			return ' '
		}
		return rs[i]
	}
	for i := 0; i < len(rs); i++ {
		r := fold(rs[i])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur = append(cur, r)
		case r == '\'' || r == '’' || r == '`':
			// drop: "children's" → "childrens"
		case r == '.':
			// a dotted acronym: "u.s." or "r.n."
			if len(cur) > 0 && isSingleLetterRun(cur) && unicode.IsLetter(at(i+1)) && !unicode.IsLetter(at(i+2)) {
				continue
			}
			flush()
		case r == '&':
			if len(cur) > 0 && len(cur) <= 2 && unicode.IsLetter(at(i+1)) && (!unicode.IsLetter(at(i+2)) || !unicode.IsLetter(at(i+3))) {
				continue
			}
			flush()
		case r == '-':
			if unicode.IsSpace(at(i-1)) || unicode.IsSpace(at(i+1)) || at(i+1) == '-' || at(i-1) == '-' {
				// " - " and "--" (O*NET's "Helpers--Carpenters") separate parts
				breakSeg()
			} else {
				flush()
			}
		case strings.ContainsRune(",()/|:;[]{}–—+", r):
			breakSeg()
		default:
			flush()
		}
	}
	flush()
	return out
}

// isSingleLetterRun reports whether cur was built from single letters joined
// across dots, i.e. it has no more than 4 letters.
func isSingleLetterRun(cur []rune) bool { return len(cur) <= 4 }

// fold maps common accented Latin letters to their plain form.
func fold(r rune) rune {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å':
		return 'a'
	case 'ç':
		return 'c'
	case 'è', 'é', 'ê', 'ë':
		return 'e'
	case 'ì', 'í', 'î', 'ï':
		return 'i'
	case 'ñ':
		return 'n'
	case 'ò', 'ó', 'ô', 'õ', 'ö':
		return 'o'
	case 'ù', 'ú', 'û', 'ü':
		return 'u'
	case 'ý', 'ÿ':
		return 'y'
	}
	return r
}

// analyze reduces a title to its content words and head noun. The same
// function serves the index and the queries, so both sides meet on the same
// words.
func analyze(s string) analysis {
	var a analysis
	headSeg := -1
	headDone := false
	toks := tokenize(s)
	a.words = make([]string, 0, len(toks)+2)
	a.segs = make([]int, 0, len(toks)+2)
	for i := 0; i+1 < len(toks); i++ {
		// "x-ray" and "x ray" are one word, not the roman numeral ten
		if toks[i].text == "x" && strings.HasPrefix(toks[i+1].text, "ray") && toks[i].seg == toks[i+1].seg {
			toks[i+1].text = "x" + toks[i+1].text
			toks = append(toks[:i], toks[i+1:]...)
		}
	}
	// "Head of Marketing" is its director; "Head Cook" keeps its head.
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].text == "head" && toks[i+1].text == "of" && toks[i].seg == toks[i+1].seg {
			toks[i].text = "director"
		}
	}
	// A level word opening a title of more words is a rank, not the job:
	// "Staff Software Engineer", "Principal Product Manager" (but
	// "Principal" alone, or "Chief of Staff", keep theirs).
	for len(toks) > 1 && levelWords[toks[0].text] && toks[1].seg == toks[0].seg {
		toks = toks[1:]
	}
	for _, t := range toks {
		if prepositions[t.text] {
			if headSeg == t.seg && len(a.words) > 0 {
				headDone = true
			}
			continue
		}
		exp, ok := abbreviations[t.text]
		if !ok {
			exp = t.text
		}
		for w := range strings.FieldsSeq(exp) {
			if noise[w] || places[w] || isNumber(w) {
				continue
			}
			w = stem(w)
			if n := len(a.words); n > 0 && a.segs[n-1] == t.seg {
				if c, ok := compounds[[2]string{a.words[n-1], w}]; ok {
					if a.head == a.words[n-1] {
						a.head = c
					}
					a.words[n-1] = c
					continue
				}
			}
			a.words = append(a.words, w)
			a.segs = append(a.segs, t.seg)
			if headSeg < 0 {
				headSeg = t.seg
			}
			if t.seg == headSeg && !headDone {
				a.head = w
			}
		}
	}
	return a
}

// isNumber reports whether w is a number or an ordinal ("2", "2nd").
func isNumber(w string) bool {
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	if i == 0 {
		return false
	}
	switch w[i:] {
	case "", "st", "nd", "rd", "th", "k":
		return true
	}
	return false
}

// stem reduces English plurals to their singular ("secretaries" →
// "secretary", "salesmen" → "salesman") so that "Nurses" meets "Nurse".
func stem(w string) string {
	n := len(w)
	if n <= 3 {
		return w
	}
	switch {
	case strings.HasSuffix(w, "men") && n > 4 || w == "women":
		return w[:n-3] + "man"
	case strings.HasSuffix(w, "ies") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		return w[:n-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"), strings.HasSuffix(w, "ics"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:n-1]
	}
	return w
}
