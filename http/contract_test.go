package http

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The API's contract is the embedded OpenAPI 3.1 document. Every API test
// response goes through checkContract, which finds the operation and status
// in the document and validates the body against the schema the document
// declares for it (JSON Schema 2020-12, the dialect of OpenAPI 3.1).

const docURL = "https://certwise.invalid/api/v1/openapi.json"

var (
	compilerOnce sync.Once
	compiler     *jsonschema.Compiler
	openAPIDoc   map[string]any
	compileErr   error
	schemaCache  sync.Map
)

func loadContract(t testing.TB) {
	t.Helper()
	compilerOnce.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(openAPIDocument))
		if err != nil {
			compileErr = err
			return
		}
		compiler = jsonschema.NewCompiler()
		compiler.DefaultDraft(jsonschema.Draft2020)
		if err := compiler.AddResource(docURL, doc); err != nil {
			compileErr = err
			return
		}
		openAPIDoc = doc.(map[string]any)
	})
	if compileErr != nil {
		t.Fatalf("load the OpenAPI document: %v", compileErr)
	}
}

// pointerEscape escapes one JSON pointer token.
func pointerEscape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// checkContract validates a recorded API response against the document:
// the operation must exist, the status must be documented for it, and a
// JSON body must match the declared schema.
func checkContract(t testing.TB, method, pathTemplate string, rec *httptest.ResponseRecorder) {
	t.Helper()
	loadContract(t)
	paths := openAPIDoc["paths"].(map[string]any)
	item, ok := paths[pathTemplate].(map[string]any)
	if !ok {
		t.Fatalf("contract: no path %s in the document", pathTemplate)
	}
	m := strings.ToLower(method)
	op, ok := item[m].(map[string]any)
	if !ok {
		if rec.Code == http.StatusMethodNotAllowed {
			// Any operation on the path documents 405; use the first.
			for _, k := range []string{"get", "post", "delete"} {
				if o, ok := item[k].(map[string]any); ok {
					op, m = o, k
					break
				}
			}
		}
		if op == nil {
			t.Fatalf("contract: no %s %s in the document", method, pathTemplate)
		}
	}
	status := strconv.Itoa(rec.Code)
	resp, ok := op["responses"].(map[string]any)[status].(map[string]any)
	if !ok {
		t.Fatalf("contract: %s %s answered %d, which the document does not list", method, pathTemplate, rec.Code)
	}
	content, hasContent := resp["content"].(map[string]any)
	if !hasContent {
		if rec.Body.Len() != 0 {
			t.Fatalf("contract: %s %s %d should have no body, got %q", method, pathTemplate, rec.Code, rec.Body.String())
		}
		return
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("contract: %s %s %d has Content-Type %q, want application/json", method, pathTemplate, rec.Code, ct)
	}
	if _, ok := content["application/json"]; !ok {
		t.Fatalf("contract: %s %s %d declares no application/json body", method, pathTemplate, rec.Code)
	}
	ptr := "#/paths/" + pointerEscape(pathTemplate) + "/" + m + "/responses/" + status + "/content/application~1json/schema"
	var sch *jsonschema.Schema
	if v, ok := schemaCache.Load(ptr); ok {
		sch = v.(*jsonschema.Schema)
	} else {
		var err error
		sch, err = compiler.Compile(docURL + ptr)
		if err != nil {
			t.Fatalf("contract: compile %s: %v", ptr, err)
		}
		schemaCache.Store(ptr, sch)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(rec.Body.Bytes()))
	if err != nil {
		t.Fatalf("contract: %s %s %d body is not JSON: %v", method, pathTemplate, rec.Code, err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("contract: %s %s %d body does not match the document:\n%v\nbody: %s", method, pathTemplate, rec.Code, err, rec.Body.String())
	}
}

func TestOpenAPIDocument(t *testing.T) {
	loadContract(t)
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(openAPIDocument, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi = %q, want 3.1.0", doc.OpenAPI)
	}
	// Every path the issue names is documented with its methods.
	want := map[string][]string{
		"/evaluate": {"post"}, "/assessments": {"post"}, "/assessments/{id}": {"get", "delete"},
		"/roles": {"get"}, "/roles/{code}": {"get"}, "/certifications": {"get"}, "/certifications/{id}": {"get"},
	}
	for p, ms := range want {
		for _, m := range ms {
			if _, ok := doc.Paths[p][m]; !ok {
				t.Errorf("the document lacks %s %s", strings.ToUpper(m), p)
			}
		}
	}
	// Every component schema compiles.
	for name := range openAPIDoc["components"].(map[string]any)["schemas"].(map[string]any) {
		if _, err := compiler.Compile(docURL + "#/components/schemas/" + name); err != nil {
			t.Errorf("schema %s: %v", name, err)
		}
	}
}

// TestContractCatchesMismatch proves the contract check can fail: a body
// that breaks the Evaluation schema is rejected.
func TestContractCatchesMismatch(t *testing.T) {
	loadContract(t)
	sch, err := compiler.Compile(docURL + "#/components/schemas/Evaluation")
	if err != nil {
		t.Fatal(err)
	}
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"verdict":"maybe"}`))
	if sch.Validate(bad) == nil {
		t.Fatal("an Evaluation with an unknown verdict and missing fields passed the schema")
	}
}
