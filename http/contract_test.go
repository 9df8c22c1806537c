package http

import (
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/certwise/certwise/http/contract"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The API's contract is the embedded OpenAPI 3.1 document. Every API test
// response goes through checkContract.

var (
	docOnce sync.Once
	doc     *contract.Doc
	docErr  error
)

func loadContract(t testing.TB) *contract.Doc {
	t.Helper()
	docOnce.Do(func() { doc, docErr = contract.Load(openAPIDocument) })
	if docErr != nil {
		t.Fatalf("load the OpenAPI document: %v", docErr)
	}
	return doc
}

// checkContract validates a recorded API response against the document.
func checkContract(t testing.TB, method, pathTemplate string, rec *httptest.ResponseRecorder) {
	t.Helper()
	if err := loadContract(t).Check(method, pathTemplate, rec.Code, rec.Header().Get("Content-Type"), rec.Body.Bytes()); err != nil {
		t.Fatalf("contract: %v\nbody: %s", err, rec.Body.String())
	}
}

func TestOpenAPIDocument(t *testing.T) {
	d := loadContract(t)
	// Every path the issue names is documented with its methods.
	want := map[string][]string{
		"/evaluate": {"post"}, "/assessments": {"post"}, "/assessments/{id}": {"get", "delete"},
		"/roles": {"get"}, "/roles/{code}": {"get"}, "/certifications": {"get"}, "/certifications/{id}": {"get"},
	}
	paths := d.Paths()
	for p, ms := range want {
		for _, m := range ms {
			if !strings.Contains(strings.Join(paths[p], ","), m) {
				t.Errorf("the document lacks %s %s", strings.ToUpper(m), p)
			}
		}
	}
	for _, name := range d.SchemaNames() {
		if _, err := d.Schema("/components/schemas/" + name); err != nil {
			t.Errorf("schema %s: %v", name, err)
		}
	}
}

// TestContractCatchesMismatch proves the contract check can fail.
func TestContractCatchesMismatch(t *testing.T) {
	d := loadContract(t)
	sch, err := d.Schema("/components/schemas/Evaluation")
	if err != nil {
		t.Fatal(err)
	}
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"verdict":"maybe"}`))
	if sch.Validate(bad) == nil {
		t.Fatal("an Evaluation with an unknown verdict and missing fields passed the schema")
	}
	for _, tc := range []struct {
		method, path string
		status       int
		ctype, body  string
	}{
		{"POST", "/evaluate", 200, "application/json", `{"verdict":"maybe"}`},
		{"POST", "/evaluate", 418, "application/json", `{}`},
		{"POST", "/nowhere", 200, "application/json", `{}`},
		{"DELETE", "/assessments/{id}", 204, "", `{"x":1}`},
		{"GET", "/roles", 200, "text/html", `{}`},
		{"GET", "/roles", 400, "application/json", `{"error":{"code":"invalid"}}`},
	} {
		if d.Check(tc.method, tc.path, tc.status, tc.ctype, []byte(tc.body)) == nil {
			t.Errorf("%+v passed the contract", tc)
		}
	}
}
