package catalog

import (
	"slices"
	"strings"

	"github.com/certwise/certwise"
)

// credentialReq is a certification's hard prerequisite, ready to check
// against the certifications a person holds.
type credentialReq struct {
	text    string
	aliases [][]string // per acceptable credential: its names, as word lists
	other   bool       // experience or a degree, which a request cannot check
}

// compilePrerequisites prepares every certification's hard prerequisites.
func (c *Catalog) compilePrerequisites() {
	c.prereqs = make([][]credentialReq, len(c.certs))
	for i := range c.certs {
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
// "CISA"). Each is a list of normalized words.
func (c *Catalog) credentialNames(s string) [][]string {
	names := []string{s}
	if i, ok := c.byID[s]; ok {
		name := c.certs[i].Name
		names = append(names, name)
		if open := strings.LastIndexByte(name, '('); open >= 0 {
			if end := strings.IndexByte(name[open:], ')'); end > 0 {
				names = append(names, name[open+1:open+end], strings.TrimSpace(name[:open]))
			}
		}
	}
	out := make([][]string, 0, len(names))
	for _, n := range names {
		if w := strings.Fields(normalize(n)); len(w) > 0 {
			out = append(out, w)
		}
	}
	return out
}

// matchesCredential reports whether a held certification, written as the
// person wrote it or as a catalog id, names one of the aliases: the words
// of one contain the words of the other, in order, with at least one word
// of three letters or more in the shorter.
func (c *Catalog) matchesCredential(held string, aliases [][]string) bool {
	for _, h := range c.credentialNames(strings.TrimSpace(held)) {
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

// prerequisites checks certification i's hard prerequisites against the
// certifications held: missing lists the wording of each credential
// requirement none of them meets, confirm the experience and degree
// requirements a request cannot check.
func (c *Catalog) prerequisites(i int, held []string) (missing, confirm []string) {
	for _, p := range c.prereqs[i] {
		if len(p.aliases) > 0 && !slices.ContainsFunc(held, func(h string) bool { return c.matchesCredential(h, p.aliases) }) {
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
func (c *Catalog) heldFor(i int, held []string) []string {
	var out []string
	for _, p := range c.prereqs[i] {
		if len(p.aliases) == 0 {
			continue
		}
		for _, h := range held {
			if c.matchesCredential(h, p.aliases) {
				out = append(out, h+" ("+p.text+")")
				break
			}
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
	missing, confirm = c.prerequisites(i, held)
	return missing, confirm, nil
}

// requiresCredential reports whether a certification lists a credential
// among its hard prerequisites.
func requiresCredential(cert *certwise.Certification) bool {
	return slices.ContainsFunc(cert.HardPrerequisites, func(p certwise.Prerequisite) bool { return len(p.Credentials) > 0 })
}
