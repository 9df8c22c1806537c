package catalog

import (
	"bytes"
	"encoding/json"
	"regexp"
	"testing"
)

// ctidPattern is the CTID form the Credential Registry requires: "ce-"
// followed by a lower-case UUID.
var ctidPattern = regexp.MustCompile(`^ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

func TestCTID(t *testing.T) {
	a := CTID("certification", "aws-ai-practitioner")
	if a != CTID("certification", "aws-ai-practitioner") {
		t.Error("CTID is not deterministic")
	}
	if !ctidPattern.MatchString(a) {
		t.Errorf("CTID %q is not ce-<uuid>", a)
	}
	if a[17] != '5' {
		t.Errorf("CTID %q is not a version 5 UUID", a)
	}
	if a == CTID("certification", "aws-ai-practitioner2") || a == CTID("provider", "aws-ai-practitioner") {
		t.Error("different inputs share a CTID")
	}
}

// TestCTDLRequiredProperties writes the embedded catalog as CTDL, reads the
// JSON back and checks each credential for the registry's required
// properties and their shapes.
func TestCTDLRequiredProperties(t *testing.T) {
	c := mustLoad(t)
	var buf bytes.Buffer
	if err := c.WriteCTDL(&buf); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Context string           `json:"@context"`
		Graph   []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("CTDL is not valid JSON: %v", err)
	}
	if doc.Context != CTDLContext {
		t.Errorf("@context %q, want %q", doc.Context, CTDLContext)
	}
	orgs := map[string]bool{}
	ctids := map[string]bool{}
	var creds []map[string]any
	for _, node := range doc.Graph {
		ctid, _ := node["ceterms:ctid"].(string)
		if !ctidPattern.MatchString(ctid) {
			t.Errorf("node %v: ctid %q malformed", node["@id"], ctid)
		}
		if ctids[ctid] {
			t.Errorf("ctid %s used twice", ctid)
		}
		ctids[ctid] = true
		switch node["@type"] {
		case "ceterms:CredentialOrganization":
			orgs[node["@id"].(string)] = true
		case "ceterms:Certification", "ceterms:Certificate":
			creds = append(creds, node)
		default:
			t.Errorf("unexpected @type %v", node["@type"])
		}
	}
	if len(creds) != c.Len() || len(orgs) != len(c.Providers()) {
		t.Fatalf("%d credentials and %d organisations, want %d and %d", len(creds), len(orgs), c.Len(), len(c.Providers()))
	}
	for _, cred := range creds {
		id, _ := cred["@id"].(string)
		for _, p := range CTDLRequired {
			if v, ok := cred[p]; !ok || v == nil || v == "" {
				t.Errorf("%s: required property %s missing", id, p)
			}
		}
		if id != "https://credentialengineregistry.org/resources/"+cred["ceterms:ctid"].(string) {
			t.Errorf("@id %q does not end in its ctid", id)
		}
		for _, p := range []string{"ceterms:name", "ceterms:description"} {
			m, ok := cred[p].(map[string]any)
			if s, _ := m["en-US"].(string); !ok || s == "" {
				t.Errorf("%s: %s must be a language map with en-US text, got %v", id, p, cred[p])
			}
		}
		if u, _ := cred["ceterms:subjectWebpage"].(string); len(u) < 9 || u[:8] != "https://" {
			t.Errorf("%s: subjectWebpage %v", id, cred["ceterms:subjectWebpage"])
		}
		for _, p := range []string{"ceterms:credentialStatusType", "ceterms:lifeCycleStatusType"} {
			m, _ := cred[p].(map[string]any)
			if m["@type"] != "ceterms:CredentialAlignmentObject" || m["ceterms:targetNode"] == nil {
				t.Errorf("%s: %s must be a CredentialAlignmentObject with a targetNode, got %v", id, p, cred[p])
			}
		}
		if langs, _ := cred["ceterms:inLanguage"].([]any); len(langs) == 0 {
			t.Errorf("%s: inLanguage empty", id)
		}
		for _, p := range []string{"ceterms:ownedBy", "ceterms:offeredBy"} {
			refs, _ := cred[p].([]any)
			if len(refs) == 0 {
				t.Errorf("%s: %s empty", id, p)
			}
			for _, r := range refs {
				if !orgs[r.(string)] {
					t.Errorf("%s: %s refers to %v, not an organisation in the graph", id, p, r)
				}
			}
		}
		if occ, _ := cred["ceterms:occupationType"].([]any); len(occ) == 0 {
			t.Errorf("%s: no occupationType", id)
		}
	}
}

func TestCTDLDeterministic(t *testing.T) {
	c := mustLoad(t)
	var a, b bytes.Buffer
	if err := c.WriteCTDL(&a); err != nil {
		t.Fatal(err)
	}
	if err := c.WriteCTDL(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two exports differ")
	}
}

func TestAudienceWordsCoverVocabulary(t *testing.T) {
	for _, a := range Audiences {
		if audienceWords[a] == "" {
			t.Errorf("audience %q has no words for CTDL descriptions", a)
		}
	}
}
