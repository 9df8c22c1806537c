package catalog

import (
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/certwise/certwise"
)

// CTDL (Credential Transparency Description Language) is the vocabulary of
// the Credential Engine registry. These constants are the parts of it the
// export uses; see https://credreg.net/ctdl/terms.
const (
	CTDLContext       = "https://credreg.net/ctdl/schema/context/json"
	ctdlResourceBase  = "https://credentialengineregistry.org/resources/"
	ctdlLanguage      = "en-US"
	onetFramework     = "https://www.onetcenter.org/taxonomy/2019/list.html"
	onetSummaryPrefix = "https://www.onetonline.org/link/summary/"
)

// ctidNamespace is the UUID namespace under which ctids are derived: the
// RFC 9562 URL namespace. A catalog id always yields the same ctid.
var ctidNamespace = [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

// CTID returns the deterministic CTDL identifier of a catalog entry or
// provider: "ce-" followed by the UUID version 5 of its certwise URL.
func CTID(kind, id string) string {
	h := sha1.New()
	h.Write(ctidNamespace[:])
	h.Write([]byte("https://github.com/certwise/certwise/catalog/" + kind + "/" + id))
	sum := h.Sum(nil)
	var u [16]byte
	copy(u[:], sum[:16])
	u[6] = (u[6] & 0x0f) | 0x50 // version 5
	u[8] = (u[8] & 0x3f) | 0x80 // RFC 4122 variant
	return fmt.Sprintf("ce-%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// CTDLRequired lists the properties every exported credential carries: the
// credential minimum of the Credential Registry (type, id, ctid, name,
// description, subject webpage, credential status, language, owner or
// offerer, life-cycle status).
var CTDLRequired = []string{
	"@type", "@id", "ceterms:ctid", "ceterms:name", "ceterms:description",
	"ceterms:subjectWebpage", "ceterms:credentialStatusType", "ceterms:inLanguage",
	"ceterms:ownedBy", "ceterms:offeredBy", "ceterms:lifeCycleStatusType",
}

type langString map[string]string

func lang(s string) langString { return langString{ctdlLanguage: s} }

func alignment(framework, frameworkName, node, nodeName string) map[string]any {
	return map[string]any{
		"@type":                  "ceterms:CredentialAlignmentObject",
		"ceterms:framework":      framework,
		"ceterms:frameworkName":  lang(frameworkName),
		"ceterms:targetNode":     node,
		"ceterms:targetNodeName": lang(nodeName),
	}
}

// CTDL returns the catalog as a CTDL JSON-LD document: one @graph holding
// each provider as a ceterms:CredentialOrganization and each entry as a
// ceterms:Certification (exam-based) or ceterms:Certificate (course-based).
func (c *Catalog) CTDL() map[string]any {
	graph := make([]any, 0, len(c.providers)+len(c.certs))
	for _, p := range c.providers {
		ctid := CTID("provider", p.ID)
		graph = append(graph, map[string]any{
			"@type":                  "ceterms:CredentialOrganization",
			"@id":                    ctdlResourceBase + ctid,
			"ceterms:ctid":           ctid,
			"ceterms:name":           lang(p.Name),
			"ceterms:description":    lang(p.Name + " owns and offers certifications listed in the certwise catalog."),
			"ceterms:subjectWebpage": p.URL,
		})
	}
	for _, cert := range c.certs {
		graph = append(graph, c.ctdlCredential(cert))
	}
	return map[string]any{"@context": CTDLContext, "@graph": graph}
}

// WriteCTDL writes the catalog as indented CTDL JSON-LD.
func (c *Catalog) WriteCTDL(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c.CTDL()); err != nil {
		return fmt.Errorf("write CTDL: %w", err)
	}
	return nil
}

// CredentialType is the CTDL class of an entry: ceterms:Certificate for a
// course certificate (exam format starting "course"), else
// ceterms:Certification.
func CredentialType(cert certwise.Certification) string {
	if cert.Exam != nil && strings.HasPrefix(cert.Exam.Format, "course") {
		return "ceterms:Certificate"
	}
	return "ceterms:Certification"
}

func (c *Catalog) ctdlCredential(cert certwise.Certification) map[string]any {
	ctid := CTID("certification", cert.ID)
	p, _ := c.Provider(cert.Provider)
	org := ctdlResourceBase + CTID("provider", p.ID)
	m := map[string]any{
		"@type":                  CredentialType(cert),
		"@id":                    ctdlResourceBase + ctid,
		"ceterms:ctid":           ctid,
		"ceterms:name":           lang(cert.Name),
		"ceterms:description":    lang(c.describe(cert)),
		"ceterms:subjectWebpage": cert.URL,
		"ceterms:credentialStatusType": alignment("https://credreg.net/ctdl/terms/CredentialStatus", "Credential Status",
			"https://purl.org/ctdl/vocabs/credentialStat/Active", "Active"),
		"ceterms:lifeCycleStatusType": alignment("https://credreg.net/ctdl/terms/LifeCycleStatus", "Life Cycle Status",
			"https://purl.org/ctdl/vocabs/lifeCycle/Active", "Active"),
		"ceterms:inLanguage": []string{"en"},
		"ceterms:ownedBy":    []string{org},
		"ceterms:offeredBy":  []string{org},
	}
	var keywords []string
	for _, s := range cert.Skills {
		keywords = append(keywords, c.skillName(s))
	}
	m["ceterms:keyword"] = map[string][]string{ctdlLanguage: keywords}
	var occ []any
	for _, r := range cert.Roles {
		a := alignment(onetFramework, "O*NET-SOC 2019", onetSummaryPrefix+r, c.occupations[r])
		a["ceterms:codedNotation"] = r
		occ = append(occ, a)
	}
	m["ceterms:occupationType"] = occ
	m["ceterms:audienceLevelType"] = []any{audienceLevel(cert.Level)}
	if cert.CostUSD != nil {
		desc, details := "Exam or programme fee as published by the provider, before tax.", cert.URL
		if cert.CostProvenance == certwise.ProvenanceCorroborated {
			desc = "Exam or programme fee as two or more independent pages agree, before tax; not confirmed on the provider's page."
			for _, p := range cert.Prices {
				if certwise.HeadlinePrice(p.Kind) && p.USD == *cert.CostUSD && len(p.Sources) > 0 {
					details = p.Sources[0].URL
					break
				}
			}
		}
		m["ceterms:estimatedCost"] = []any{map[string]any{
			"@type":               "ceterms:CostProfile",
			"ceterms:currency":    "USD",
			"ceterms:price":       *cert.CostUSD,
			"ceterms:description": lang(desc),
			"ceterms:costDetails": details,
		}}
	}
	if cert.PrepHours != nil {
		m["ceterms:estimatedDuration"] = []any{map[string]any{
			"@type":                 "ceterms:DurationProfile",
			"ceterms:exactDuration": fmt.Sprintf("PT%.0fH", *cert.PrepHours),
			"ceterms:description":   lang("Preparation estimate: " + cert.PrepHoursBasis),
		}}
	}
	if cert.ValidityYears != nil && *cert.ValidityYears == float64(int(*cert.ValidityYears)) {
		m["ceterms:renewalFrequency"] = fmt.Sprintf("P%dY", int(*cert.ValidityYears))
	}
	return m
}

func audienceLevel(level string) map[string]any {
	node, name := "BeginnerLevel", "Beginner Level"
	switch level {
	case certwise.LevelAssociate:
		node, name = "IntermediateLevel", "Intermediate Level"
	case certwise.LevelProfessional, certwise.LevelSpecialty:
		node, name = "AdvancedLevel", "Advanced Level"
	}
	return alignment("https://credreg.net/ctdl/terms/AudienceLevel", "Audience Level",
		"https://purl.org/ctdl/vocabs/audLevel/"+node, name)
}

// audienceWords says who each audience id means.
var audienceWords = map[string]string{
	"builders":   "people who build AI systems",
	"data":       "data practitioners",
	"business":   "business leaders and staff",
	"governance": "governance, risk, audit and compliance professionals",
}

// describe writes a plain description of an entry from its facts.
func (c *Catalog) describe(cert certwise.Certification) string {
	var names, who []string
	for _, s := range cert.Skills {
		names = append(names, c.skillName(s))
	}
	for _, a := range cert.Audience {
		who = append(who, audienceWords[a])
	}
	d := fmt.Sprintf("A %s-level credential from %s for %s. Skill areas: %s.",
		cert.Level, cert.Provider, strings.Join(who, "; "), strings.Join(names, "; "))
	if cert.Status == certwise.StatusRetiring {
		d += " The provider retires it on " + cert.RetiresOn + "."
	}
	return d
}
