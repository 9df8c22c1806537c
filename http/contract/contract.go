// Package contract checks HTTP responses against an OpenAPI 3.1 document:
// the operation must exist, the status must be documented for it, and a
// JSON body must match the schema the document declares for that status
// (JSON Schema 2020-12, the dialect of OpenAPI 3.1). Tests of the web app
// use it to hold real responses to the published contract.
package contract

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

const docURL = "https://certwise.invalid/api/v1/openapi.json"

// Doc is a loaded OpenAPI document. It is safe for concurrent use.
type Doc struct {
	compiler *jsonschema.Compiler
	tree     map[string]any

	mu      sync.Mutex
	schemas map[string]*jsonschema.Schema
}

// Load parses an OpenAPI 3.1 document.
func Load(doc []byte) (*Doc, error) {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return nil, fmt.Errorf("parse the OpenAPI document: %w", err)
	}
	tree, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("the OpenAPI document is not an object")
	}
	if tree["openapi"] != "3.1.0" {
		return nil, fmt.Errorf("openapi is %v, want 3.1.0", tree["openapi"])
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(docURL, v); err != nil {
		return nil, fmt.Errorf("add the OpenAPI document: %w", err)
	}
	return &Doc{compiler: c, tree: tree, schemas: map[string]*jsonschema.Schema{}}, nil
}

// Schema compiles the schema at a JSON pointer into the document, such as
// "/components/schemas/Evaluation".
func (d *Doc) Schema(pointer string) (*jsonschema.Schema, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if s, ok := d.schemas[pointer]; ok {
		return s, nil
	}
	s, err := d.compiler.Compile(docURL + "#" + pointer)
	if err != nil {
		return nil, fmt.Errorf("compile %s: %w", pointer, err)
	}
	d.schemas[pointer] = s
	return s, nil
}

// Paths returns the document's path templates with their methods.
func (d *Doc) Paths() map[string][]string {
	out := map[string][]string{}
	paths, _ := d.tree["paths"].(map[string]any)
	for p, item := range paths {
		m, _ := item.(map[string]any)
		for k := range m {
			switch k {
			case "get", "put", "post", "delete", "patch", "head", "options":
				out[p] = append(out[p], k)
			}
		}
	}
	return out
}

// SchemaNames lists the component schemas.
func (d *Doc) SchemaNames() []string {
	var out []string
	comps, _ := d.tree["components"].(map[string]any)
	schemas, _ := comps["schemas"].(map[string]any)
	for k := range schemas {
		out = append(out, k)
	}
	return out
}

func escape(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1") }

// Check validates one response to method on pathTemplate (relative to the
// server URL, e.g. "/assessments/{id}"). A 405 is checked against any
// operation of the path, since every one documents it.
func (d *Doc) Check(method, pathTemplate string, status int, contentType string, body []byte) error {
	paths, _ := d.tree["paths"].(map[string]any)
	item, ok := paths[pathTemplate].(map[string]any)
	if !ok {
		return fmt.Errorf("no path %s in the document", pathTemplate)
	}
	m := strings.ToLower(method)
	op, ok := item[m].(map[string]any)
	if !ok && status == 405 {
		for _, k := range []string{"get", "post", "delete"} {
			if o, ok2 := item[k].(map[string]any); ok2 {
				op, m, ok = o, k, true
				break
			}
		}
	}
	if !ok {
		return fmt.Errorf("no %s %s in the document", method, pathTemplate)
	}
	code := strconv.Itoa(status)
	responses, _ := op["responses"].(map[string]any)
	resp, ok := responses[code].(map[string]any)
	if !ok {
		return fmt.Errorf("%s %s answered %d, which the document does not list", method, pathTemplate, status)
	}
	content, hasContent := resp["content"].(map[string]any)
	if !hasContent {
		if len(body) != 0 {
			return fmt.Errorf("%s %s %d should have no body, got %q", method, pathTemplate, status, body)
		}
		return nil
	}
	if !strings.HasPrefix(contentType, "application/json") {
		return fmt.Errorf("%s %s %d has Content-Type %q, want application/json", method, pathTemplate, status, contentType)
	}
	if _, ok := content["application/json"]; !ok {
		return fmt.Errorf("%s %s %d declares no application/json body", method, pathTemplate, status)
	}
	sch, err := d.Schema("/paths/" + escape(pathTemplate) + "/" + m + "/responses/" + code + "/content/application~1json/schema")
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("%s %s %d body is not JSON: %w", method, pathTemplate, status, err)
	}
	if err := sch.Validate(inst); err != nil {
		return fmt.Errorf("%s %s %d body does not match the document: %w", method, pathTemplate, status, err)
	}
	return nil
}
