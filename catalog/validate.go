package catalog

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/certwise/certwise"
)

var (
	idPattern   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	codePattern = regexp.MustCompile(`^\d{2}-\d{4}\.\d{2}$`)
)

// invalid returns an EINVALID error whose field is a dotted path such as
// "certifications[aws-ai-practitioner].cost_usd".
func invalid(field, format string, args ...any) error {
	return certwise.Errorf(certwise.EINVALID, field, format, args...)
}

func (c *Catalog) validate() error {
	if err := c.validateSkills(); err != nil {
		return err
	}
	if err := c.validateProviders(); err != nil {
		return err
	}
	for code, title := range c.occupations {
		if !codePattern.MatchString(code) {
			return invalid("occupations["+code+"]", "occupation code must look like NN-NNNN.NN")
		}
		if strings.TrimSpace(title) == "" {
			return invalid("occupations["+code+"]", "occupation title is empty")
		}
	}
	if len(c.certs) == 0 {
		return invalid("certifications", "the catalog has no certifications")
	}
	seen := make(map[string]bool, len(c.certs))
	for i := range c.certs {
		cert := &c.certs[i]
		if !idPattern.MatchString(cert.ID) {
			return invalid(fmt.Sprintf("certifications[%d].id", i), "id %q must be lower-case words joined by hyphens", cert.ID)
		}
		if seen[cert.ID] {
			return invalid("certifications["+cert.ID+"].id", "duplicate id %q", cert.ID)
		}
		seen[cert.ID] = true
		if err := c.validateCert(cert); err != nil {
			return err
		}
	}
	return nil
}

func (c *Catalog) validateSkills() error {
	if len(c.skills) == 0 {
		return invalid("skills", "the vocabulary has no skills")
	}
	c.skillByID = make(map[string]int, len(c.skills))
	owner := map[string]string{}
	for i, s := range c.skills {
		f := fmt.Sprintf("skills[%s]", s.ID)
		if !idPattern.MatchString(s.ID) {
			return invalid(fmt.Sprintf("skills[%d].id", i), "skill id %q must be lower-case words joined by hyphens", s.ID)
		}
		if _, dup := c.skillByID[s.ID]; dup {
			return invalid(f+".id", "duplicate skill id %q", s.ID)
		}
		c.skillByID[s.ID] = i
		if strings.TrimSpace(s.Name) == "" {
			return invalid(f+".name", "skill name is empty")
		}
		if strings.TrimSpace(s.Description) == "" || strings.Contains(s.Description, "\n") {
			return invalid(f+".description", "skill description must be one non-empty line")
		}
		if len(s.Keywords) == 0 {
			return invalid(f+".keywords", "skill has no keywords")
		}
		for _, k := range s.Keywords {
			if k != strings.ToLower(strings.TrimSpace(k)) || k == "" {
				return invalid(f+".keywords", "keyword %q must be lower case without surrounding spaces", k)
			}
			norm := normalize(k)
			if prev, ok := owner[norm]; ok {
				return invalid(f+".keywords", "keyword %q is also a keyword of skill %q", k, prev)
			}
			owner[norm] = s.ID
		}
	}
	return nil
}

func (c *Catalog) validateProviders() error {
	if len(c.providers) == 0 {
		return invalid("providers", "the catalog has no providers")
	}
	c.provByName = make(map[string]int, len(c.providers))
	ids := map[string]bool{}
	for i, p := range c.providers {
		f := fmt.Sprintf("providers[%s]", p.ID)
		if !idPattern.MatchString(p.ID) {
			return invalid(fmt.Sprintf("providers[%d].id", i), "provider id %q must be lower-case words joined by hyphens", p.ID)
		}
		if ids[p.ID] {
			return invalid(f+".id", "duplicate provider id %q", p.ID)
		}
		ids[p.ID] = true
		if strings.TrimSpace(p.Name) == "" {
			return invalid(f+".name", "provider name is empty")
		}
		if _, dup := c.provByName[p.Name]; dup {
			return invalid(f+".name", "duplicate provider name %q", p.Name)
		}
		c.provByName[p.Name] = i
		if err := checkURL(p.URL); err != nil {
			return invalid(f+".url", "%v", err)
		}
	}
	return nil
}

func (c *Catalog) validateCert(cert *certwise.Certification) error {
	f := "certifications[" + cert.ID + "]."
	if strings.TrimSpace(cert.Name) == "" {
		return invalid(f+"name", "name is empty")
	}
	if _, ok := c.provByName[cert.Provider]; !ok {
		return invalid(f+"provider", "provider %q is not in the providers list", cert.Provider)
	}
	if !slices.Contains(Levels, cert.Level) {
		return invalid(f+"level", "level %q is not one of %s", cert.Level, strings.Join(Levels, ", "))
	}
	if len(cert.Audience) == 0 {
		return invalid(f+"audience", "audience is empty")
	}
	for _, a := range cert.Audience {
		if !slices.Contains(Audiences, a) {
			return invalid(f+"audience", "audience %q is not one of %s", a, strings.Join(Audiences, ", "))
		}
	}
	if cert.CostUSD != nil && *cert.CostUSD < 0 {
		return invalid(f+"cost_usd", "cost must not be negative")
	}
	if cert.Exam != nil {
		if strings.TrimSpace(cert.Exam.Format) == "" {
			return invalid(f+"exam.format", "exam format is empty")
		}
		if cert.Exam.Minutes != nil && *cert.Exam.Minutes <= 0 {
			return invalid(f+"exam.minutes", "exam minutes must be positive")
		}
		if cert.Exam.Questions != nil && *cert.Exam.Questions <= 0 {
			return invalid(f+"exam.questions", "exam questions must be positive")
		}
	}
	if cert.PrepHours != nil {
		if *cert.PrepHours <= 0 {
			return invalid(f+"prep_hours", "prep hours must be positive")
		}
		if strings.TrimSpace(cert.PrepHoursBasis) == "" {
			return invalid(f+"prep_hours_basis", "a prep-hours estimate needs its basis")
		}
	}
	if cert.ValidityYears != nil && *cert.ValidityYears <= 0 {
		return invalid(f+"validity_years", "validity must be positive")
	}
	// A fact left null must say why in a note that names the field.
	for field, isNull := range map[string]bool{
		"cost_usd":       cert.CostUSD == nil,
		"exam":           cert.Exam == nil,
		"prep_hours":     cert.PrepHours == nil,
		"validity_years": cert.ValidityYears == nil,
	} {
		if isNull && !hasNote(cert.Notes, field) {
			return invalid(f+field, "%s is null but no note starting %q says why", field, field+":")
		}
	}
	if err := validateProvenance(cert, f); err != nil {
		return err
	}
	if err := validateReported(cert, f+"reported"); err != nil {
		return err
	}
	if err := validatePrerequisites(cert, f); err != nil {
		return err
	}
	if len(cert.Skills) == 0 {
		return invalid(f+"skills", "skills are empty")
	}
	for _, s := range cert.Skills {
		if _, ok := c.skillByID[s]; !ok {
			return invalid(f+"skills", "skill %q is not in the skills vocabulary", s)
		}
	}
	if dup := firstDuplicate(cert.Skills); dup != "" {
		return invalid(f+"skills", "skill %q is listed twice", dup)
	}
	if len(cert.Roles) == 0 {
		return invalid(f+"roles", "roles are empty")
	}
	for _, r := range cert.Roles {
		if !codePattern.MatchString(r) {
			return invalid(f+"roles", "role %q is not an O*NET-SOC code (NN-NNNN.NN)", r)
		}
		if _, ok := c.occupations[r]; !ok {
			return invalid(f+"roles", "role %q is missing from the occupations table", r)
		}
	}
	if dup := firstDuplicate(cert.Roles); dup != "" {
		return invalid(f+"roles", "role %q is listed twice", dup)
	}
	if len(cert.Recognition) == 0 {
		return invalid(f+"recognition", "recognition is empty")
	}
	if err := checkURL(cert.URL); err != nil {
		return invalid(f+"url", "%v", err)
	}
	for _, s := range cert.Sources {
		if err := checkSourceURL(s); err != nil {
			return invalid(f+"sources", "%v", err)
		}
	}
	if err := checkDate(cert.AsOf); err != nil {
		return invalid(f+"as_of", "%v", err)
	}
	switch cert.Status {
	case certwise.StatusActive:
		if cert.RetiresOn != "" {
			return invalid(f+"retires_on", "an active certification has no retirement date; use status retiring")
		}
	case certwise.StatusRetiring:
		if err := checkDate(cert.RetiresOn); err != nil {
			return invalid(f+"retires_on", "a retiring certification needs its retirement date: %v", err)
		}
	default:
		return invalid(f+"status", "status %q is not one of %s", cert.Status, strings.Join(Statuses, ", "))
	}
	for _, n := range cert.Notes {
		if strings.TrimSpace(n) == "" {
			return invalid(f+"notes", "a note is empty")
		}
	}
	return nil
}

func hasNote(notes []string, field string) bool {
	for _, n := range notes {
		if strings.HasPrefix(n, field+":") {
			return true
		}
	}
	return false
}

func firstDuplicate(xs []string) string {
	seen := make(map[string]bool, len(xs))
	for _, x := range xs {
		if seen[x] {
			return x
		}
		seen[x] = true
	}
	return ""
}

func checkURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("url %q: %w", s, err)
	}
	if u.Scheme != "https" || u.Host == "" || strings.ContainsAny(s, " \t\n") {
		return fmt.Errorf("url %q must be an absolute https URL", s)
	}
	return nil
}

// checkSourceURL checks the address of a cited page: absolute, https or,
// for a page stored under its plain-http address, http. The catalog cites
// pages where they were read rather than rewriting their address.
func checkSourceURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("url %q: %w", s, err)
	}
	if (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || strings.ContainsAny(s, " \t\n") {
		return fmt.Errorf("url %q must be an absolute http or https URL", s)
	}
	return nil
}

func checkDate(s string) error {
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return fmt.Errorf("date %q must be YYYY-MM-DD", s)
	}
	return nil
}

// validateReported checks secondary figures: each needs a source, and only
// stands in for an official figure that is missing.
func validateReported(cert *certwise.Certification, f string) error {
	r := cert.Reported
	if r == nil {
		return nil
	}
	if err := checkSourceURL(r.Source); err != nil {
		return invalid(f+".source", "%v", err)
	}
	if r.CostUSD == nil && r.ExamMinutes == nil && r.ExamQuestions == nil && r.ValidityYears == nil {
		return invalid(f, "reported has no figure")
	}
	if r.CostUSD != nil && (cert.CostUSD != nil || *r.CostUSD < 0) {
		return invalid(f+".cost_usd", "a reported cost must be non-negative and only stand in for a missing official cost")
	}
	if r.ExamMinutes != nil && (*r.ExamMinutes <= 0 || (cert.Exam != nil && cert.Exam.Minutes != nil)) {
		return invalid(f+".exam_minutes", "reported exam minutes must be positive and only stand in for missing official minutes")
	}
	if r.ExamQuestions != nil && (*r.ExamQuestions <= 0 || (cert.Exam != nil && cert.Exam.Questions != nil)) {
		return invalid(f+".exam_questions", "reported exam questions must be positive and only stand in for a missing official count")
	}
	if r.ValidityYears != nil && (*r.ValidityYears <= 0 || cert.ValidityYears != nil) {
		return invalid(f+".validity_years", "a reported validity must be positive and only stand in for a missing official validity")
	}
	return nil
}

var provenances = []string{certwise.ProvenanceOfficial, certwise.ProvenanceCorroborated, certwise.ProvenanceReported}

// validateSources checks a fact's pages against its provenance: an official
// fact cites a provider page, a corroborated one pages on at least two
// different sites, a reported one at least one page.
func validateSources(srcs []certwise.Source, provenance, f string) error {
	if !slices.Contains(provenances, provenance) {
		return invalid(f+".provenance", "provenance %q is not one of %s", provenance, strings.Join(provenances, ", "))
	}
	if len(srcs) == 0 {
		return invalid(f+".sources", "a %s figure needs the pages it comes from", provenance)
	}
	hosts := map[string]bool{}
	provider := false
	for _, s := range srcs {
		if err := checkSourceURL(s.URL); err != nil {
			return invalid(f+".sources", "%v", err)
		}
		if !slices.Contains(certwise.SourceKinds, s.Kind) {
			return invalid(f+".sources", "source kind %q of %s is not one of %s", s.Kind, s.URL, strings.Join(certwise.SourceKinds, ", "))
		}
		u, _ := url.Parse(s.URL)
		hosts[strings.TrimPrefix(u.Host, "www.")] = true
		provider = provider || s.Kind == "provider"
	}
	switch {
	case provenance == certwise.ProvenanceOfficial && !provider:
		return invalid(f+".sources", "an official figure needs a provider page among its sources")
	case provenance == certwise.ProvenanceCorroborated && len(hosts) < 2:
		return invalid(f+".sources", "a corroborated figure needs pages on at least two independent sites, got %d", len(hosts))
	}
	return nil
}

// headlinePrice reports whether a price kind can stand for the cost of
// getting the credential: the fee everyone pays, or the non-member one.
func headlinePrice(kind string) bool {
	return kind == certwise.PriceExam || kind == certwise.PriceNonMember || kind == certwise.PriceCourse
}

// validateProvenance checks the prices and the cost's provenance: cost_usd
// holds an official or corroborated figure that one of the prices gives,
// and a reported or missing cost leaves it null.
func validateProvenance(cert *certwise.Certification, f string) error {
	for i, p := range cert.Prices {
		pf := fmt.Sprintf("%sprices[%d]", f, i)
		if !slices.Contains(certwise.PriceKinds, p.Kind) {
			return invalid(pf+".kind", "price kind %q is not one of %s", p.Kind, strings.Join(certwise.PriceKinds, ", "))
		}
		if p.USD < 0 {
			return invalid(pf+".usd", "a price must not be negative")
		}
		if err := validateSources(p.Sources, p.Provenance, pf); err != nil {
			return err
		}
	}
	headline := func(prov string) bool {
		return slices.ContainsFunc(cert.Prices, func(p certwise.Price) bool {
			return headlinePrice(p.Kind) && p.Provenance == prov && (cert.CostUSD == nil || p.USD == *cert.CostUSD)
		})
	}
	switch cert.CostProvenance {
	case certwise.ProvenanceOfficial, certwise.ProvenanceCorroborated:
		if cert.CostUSD == nil {
			return invalid(f+"cost_usd", "cost_provenance is %s but cost_usd is null", cert.CostProvenance)
		}
		if !headline(cert.CostProvenance) {
			return invalid(f+"prices", "no %s exam, non-member or course price of %s backs cost_usd", cert.CostProvenance, certwise.Dollars(*cert.CostUSD))
		}
	case certwise.ProvenanceReported:
		if cert.CostUSD != nil {
			return invalid(f+"cost_usd", "a reported cost stays out of cost_usd (put it in prices)")
		}
		// One page's figure, or pages that disagree (each side may itself
		// be corroborated): either way a headline price must be listed.
		if !slices.ContainsFunc(cert.Prices, func(p certwise.Price) bool { return headlinePrice(p.Kind) }) {
			return invalid(f+"prices", "cost_provenance is reported but no exam, non-member or course price is listed")
		}
	case certwise.ProvenanceNone:
		if cert.CostUSD != nil || slices.ContainsFunc(cert.Prices, func(p certwise.Price) bool { return headlinePrice(p.Kind) }) {
			return invalid(f+"cost_provenance", "cost_provenance is none but a cost is given")
		}
	default:
		return invalid(f+"cost_provenance", "cost_provenance %q is not one of official, corroborated, reported, none", cert.CostProvenance)
	}
	examFacts := cert.Exam != nil || cert.Reported != nil && (cert.Reported.ExamMinutes != nil || cert.Reported.ExamQuestions != nil)
	if examFacts && cert.ExamProvenance == "" {
		return invalid(f+"exam_provenance", "the exam's figures need their provenance and sources")
	}
	if cert.ExamProvenance != "" {
		if !examFacts {
			return invalid(f+"exam_provenance", "exam_provenance is set but no exam figure is given")
		}
		if err := validateSources(cert.ExamSources, cert.ExamProvenance, f+"exam"); err != nil {
			return err
		}
		if (cert.ExamProvenance == certwise.ProvenanceReported) != (cert.Exam == nil) {
			return invalid(f+"exam_provenance", "exam holds official or corroborated figures only; reported ones go in reported with exam_provenance reported")
		}
	}
	return nil
}

// validatePrerequisites checks the structured hard prerequisites, and that
// every prerequisite worded as a credential to hold ("An active ...") has
// its structured form.
func validatePrerequisites(cert *certwise.Certification, f string) error {
	credentials := 0
	for i, p := range cert.HardPrerequisites {
		pf := fmt.Sprintf("%shard_prerequisites[%d]", f, i)
		if strings.TrimSpace(p.Text) == "" {
			return invalid(pf+".text", "a hard prerequisite needs its wording")
		}
		if len(p.Credentials) == 0 && p.YearsExperience == 0 && p.Degree == "" {
			return invalid(pf, "a hard prerequisite needs credentials, years_experience or degree")
		}
		if p.YearsExperience < 0 {
			return invalid(pf+".years_experience", "years of experience must not be negative")
		}
		for _, c := range p.Credentials {
			if strings.TrimSpace(c) == "" {
				return invalid(pf+".credentials", "a credential is empty")
			}
			if c == cert.ID {
				return invalid(pf+".credentials", "a certification cannot require itself")
			}
		}
		if len(p.Credentials) > 0 {
			credentials++
		}
	}
	for _, p := range cert.Prerequisites {
		if strings.HasPrefix(strings.ToLower(p), "an active") && credentials == 0 {
			return invalid(f+"hard_prerequisites", "prerequisite %q names a credential to hold but hard_prerequisites lists none", p)
		}
	}
	return nil
}
