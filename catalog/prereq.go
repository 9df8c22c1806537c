package catalog

import (
	"slices"
	"strings"
	"unicode"
)

// credentialReq is a certification's hard prerequisite, ready to check
// against the certifications a person holds.
type credentialReq struct {
	text    string
	aliases [][]string // per acceptable credential: its names, as word lists
	other   bool       // experience or a degree, which a request cannot check
}

// compileProviderWords lists the providers' names and ids as word lists,
// longest first.
func (c *Catalog) compileProviderWords() {
	for _, p := range c.providers {
		for _, n := range []string{p.Name, p.ID} {
			w := strings.Fields(normalize(n))
			if len(w) > 0 && !slices.ContainsFunc(c.providerWords, func(o []string) bool { return slices.Equal(o, w) }) {
				c.providerWords = append(c.providerWords, w)
			}
		}
	}
	slices.SortStableFunc(c.providerWords, func(a, b []string) int { return len(b) - len(a) })
}

// compilePrerequisites prepares every certification's hard prerequisites
// and the names each certification goes by.
func (c *Catalog) compilePrerequisites() {
	c.prereqs = make([][]credentialReq, len(c.certs))
	c.certAliases = make([][][]string, len(c.certs))
	for i := range c.certs {
		c.certAliases[i] = c.credentialNames(c.certs[i].ID)
		for _, p := range c.certs[i].HardPrerequisites {
			r := credentialReq{text: p.Text, other: p.YearsExperience > 0 || p.Degree != ""}
			for _, cred := range p.Credentials {
				r.aliases = append(r.aliases, c.credentialNames(cred)...)
			}
			c.prereqs[i] = append(c.prereqs[i], r)
		}
	}
}

// credentialNames are the ways a credential may be written: as given, and
// for a catalog id, the certification's name and any short form in its
// parentheses ("Certified Information Systems Auditor (CISA)" gives
// "CISA"). Each is a list of normalized words; tolerantNames adds the
// forms without a provider's name in front or generic words, and the
// initials of long names.
func (c *Catalog) credentialNames(s string) [][]string {
	names := []string{s}
	if i, ok := c.byID[s]; ok {
		names = append(names, c.certNames(i)...)
	}
	return c.tolerantNames(names)
}

// certNames are the names of certification i: its name, and for a name
// with a short form in parentheses, the short form and the name without
// it.
func (c *Catalog) certNames(i int) []string {
	name := c.certs[i].Name
	names := []string{name}
	if open := strings.LastIndexByte(name, '('); open >= 0 {
		if end := strings.IndexByte(name[open:], ')'); end > 0 {
			names = append(names, name[open+1:open+end], strings.TrimSpace(name[:open]))
		}
	}
	return names
}

// genericWords say what kind of thing a credential is rather than which
// one it is; a name is also tried without them.
var genericWords = map[string]bool{
	"certified": true, "certification": true, "certificate": true, "credential": true,
	"exam": true, "the": true, "program": true, "programme": true,
}

// levelWords name a level that many credentials share: a name reduced to
// one of them alone names no credential in particular.
var levelWords = map[string]bool{
	"associate": true, "professional": true, "specialist": true, "practitioner": true,
	"foundations": true, "fundamentals": true, "expert": true, "leader": true, "specialty": true,
}

// tolerantNames turns names into normalized word lists: each as written,
// without a leading provider name ("ISACA CISA", "Snowflake SnowPro Core")
// and generic words ("certified", "certification"), and, for a name of
// three or more significant words, its initials, where a word already in
// capitals counts whole ("Advanced in AI Audit" gives "aaia").
func (c *Catalog) tolerantNames(names []string) [][]string {
	out := make([][]string, 0, 3*len(names))
	add := func(w []string) {
		if len(w) > 0 && !slices.ContainsFunc(out, func(o []string) bool { return slices.Equal(o, w) }) {
			out = append(out, w)
		}
	}
	for _, n := range names {
		words := strings.Fields(normalize(n))
		add(words)
		bare := c.withoutProvider(words)
		bare = slices.DeleteFunc(slices.Clone(bare), func(w string) bool { return genericWords[w] })
		if len(bare) > 1 || len(bare) == 1 && !levelWords[bare[0]] {
			add(bare)
		}
		add(initials(c.withoutProviderRaw(n)))
	}
	return out
}

// withoutProvider drops a leading provider name or id from words.
func (c *Catalog) withoutProvider(words []string) []string {
	for _, p := range c.providerWords {
		if len(p) < len(words) && slices.Equal(words[:len(p)], p) {
			return words[len(p):]
		}
	}
	return words
}

// withoutProviderRaw drops a leading provider name from a name as written,
// keeping its capitals for initials.
func (c *Catalog) withoutProviderRaw(name string) []string {
	raw := strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	low := make([]string, len(raw))
	for i, w := range raw {
		low[i] = strings.ToLower(w)
	}
	return raw[len(raw)-len(c.withoutProvider(low)):]
}

// initials are the initials of a name of three or more significant words
// as one word, with a word written in capitals ("AI") counting whole; nil
// for shorter names.
func initials(raw []string) []string {
	var b strings.Builder
	n := 0
	for _, w := range raw {
		lw := strings.ToLower(w)
		switch {
		case lw == "and" || lw == "of" || lw == "in" || lw == "for" || lw == "the" || lw == "a":
			continue
		case len(w) > 1 && strings.ToUpper(w) == w && unicode.IsLetter(rune(w[0])):
			b.WriteString(lw)
		case unicode.IsLetter(rune(w[0])):
			b.WriteByte(lw[0])
		default:
			return nil // a number or code: not a name to abbreviate
		}
		n++
	}
	if n < 3 {
		return nil
	}
	return []string{b.String()}
}

// heldCredentials are the certifications a person holds, as written and
// with the names each may stand for (credentialNames), read once per
// request.
type heldCredentials struct {
	raw   []string
	names [][][]string
}

// readHeld reads the certifications a person holds.
func (c *Catalog) readHeld(held []string) heldCredentials {
	h := heldCredentials{raw: held, names: make([][][]string, len(held))}
	for k, s := range held {
		h.names[k] = c.credentialNames(strings.TrimSpace(s))
	}
	return h
}

// match returns the index of the first held certification that names one
// of the aliases, or -1.
func (h heldCredentials) match(aliases [][]string) int {
	for k, names := range h.names {
		if namesMatch(names, aliases) {
			return k
		}
	}
	return -1
}

// namesMatch reports whether one of a credential's names, as
// credentialNames gives them, names one of the aliases: the words of one
// contain the words of the other, in order, with at least one word of
// three letters or more in the shorter.
func namesMatch(names, aliases [][]string) bool {
	for _, h := range names {
		for _, a := range aliases {
			if wordsWithin(h, a) || wordsWithin(a, h) {
				return true
			}
		}
	}
	return false
}

// wordsWithin reports whether short occurs as a run of words in long and
// has a word of three or more letters.
func wordsWithin(short, long []string) bool {
	if !slices.ContainsFunc(short, func(w string) bool { return len(w) >= 3 }) {
		return false
	}
	for i := 0; i+len(short) <= len(long); i++ {
		if slices.Equal(long[i:i+len(short)], short) {
			return true
		}
	}
	return false
}

// holds reports whether one of the held certifications is certification
// i itself.
func (c *Catalog) holds(i int, held heldCredentials) bool {
	return len(held.raw) > 0 && held.match(c.certAliases[i]) >= 0
}

// prerequisites checks certification i's hard prerequisites against the
// certifications held: missing lists the wording of each credential
// requirement none of them meets, confirm the experience and degree
// requirements a request cannot check.
func (c *Catalog) prerequisites(i int, held heldCredentials) (missing, confirm []string) {
	for _, p := range c.prereqs[i] {
		if len(p.aliases) > 0 && held.match(p.aliases) < 0 {
			missing = append(missing, p.text)
			continue
		}
		if p.other && len(p.aliases) == 0 {
			confirm = append(confirm, p.text)
		}
	}
	return missing, confirm
}

// heldFor returns, for certification i, the wording of each credential
// requirement with the held certification that meets it.
func (c *Catalog) heldFor(i int, held heldCredentials) []string {
	var out []string
	for _, p := range c.prereqs[i] {
		if len(p.aliases) == 0 {
			continue
		}
		if k := held.match(p.aliases); k >= 0 {
			out = append(out, held.raw[k]+" ("+p.text+")")
		}
	}
	return out
}

// Prerequisites checks a certification's hard prerequisites against the
// certifications a person holds (catalog ids or names as the person wrote
// them): missing lists the credential requirements none of them meets,
// confirm the experience and degree requirements only the person can
// confirm. An unknown id is an ENOTFOUND error.
func (c *Catalog) Prerequisites(id string, held []string) (missing, confirm []string, err error) {
	i, ok := c.byID[id]
	if !ok {
		return nil, nil, c.notFound(id)
	}
	missing, confirm = c.prerequisites(i, c.readHeld(held))
	return missing, confirm, nil
}
