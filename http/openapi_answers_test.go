package http

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/certwise/certwise"
)

// TestOpenAPIAnswersMatchQuestionnaire checks the Answers schema of the
// OpenAPI document against the questionnaire: every question has its
// property with the same vocabulary, type and limits, and every answer
// property the schema declares is a question (or a section holding them).
func TestOpenAPIAnswersMatchQuestionnaire(t *testing.T) {
	var d struct {
		Components struct {
			Schemas map[string]schemaNode `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openAPIDocument, &d); err != nil {
		t.Fatal(err)
	}
	root := d.Components.Schemas["Answers"]
	leaves := map[string]schemaNode{}
	var walk func(prefix string, n schemaNode)
	walk = func(prefix string, n schemaNode) {
		for name, p := range n.Properties {
			path := name
			if prefix != "" {
				path = prefix + "." + name
			}
			if _, ok := certwise.Ask(path); !ok && len(p.Properties) > 0 {
				walk(path, p)
				continue
			}
			leaves[path] = p
		}
	}
	walk("", root)
	for path := range leaves {
		if _, ok := certwise.Ask(path); !ok {
			t.Errorf("the schema has %s, which no question asks", path)
		}
	}
	for _, q := range certwise.Questionnaire {
		p, ok := leaves[q.Field]
		if !ok {
			t.Errorf("question %s has no property in the schema", q.Field)
			continue
		}
		types := p.types()
		switch q.Kind {
		case certwise.KindOne:
			if !slices.Equal(p.Enum, q.Values()) {
				t.Errorf("%s: enum %v, questionnaire %v", q.Field, p.Enum, q.Values())
			}
		case certwise.KindMany:
			if p.Items == nil || !slices.Equal(p.Items.Enum, q.Values()) {
				t.Errorf("%s: items enum differs from %v", q.Field, q.Values())
			}
		case certwise.KindBool:
			if !slices.Contains(types, "boolean") {
				t.Errorf("%s: type %v, want boolean", q.Field, types)
			}
		case certwise.KindNumber:
			if !slices.Contains(types, "number") {
				t.Errorf("%s: type %v, want number", q.Field, types)
			}
		case certwise.KindShares:
			if !slices.Contains(types, "object") {
				t.Errorf("%s: type %v, want object", q.Field, types)
			}
			if q.Choices != nil && (p.PropertyNames == nil || !slices.Equal(p.PropertyNames.Enum, q.Values())) {
				t.Errorf("%s: property names differ from %v", q.Field, q.Values())
			}
			if p.MaxProperties != q.MaxItems {
				t.Errorf("%s: maxProperties %d, questionnaire %d", q.Field, p.MaxProperties, q.MaxItems)
			}
		case certwise.KindTextList:
			if p.Items == nil || p.Items.MaxLength != q.MaxChars || p.MaxItems != q.MaxItems {
				t.Errorf("%s: list limits differ from %d items of %d characters", q.Field, q.MaxItems, q.MaxChars)
			}
		default: // text
			if !slices.Contains(types, "string") || p.MaxLength != q.MaxChars {
				t.Errorf("%s: type %v maxLength %d, want string of at most %d", q.Field, types, p.MaxLength, q.MaxChars)
			}
		}
	}
}

// schemaNode is the part of a JSON schema the test compares.
type schemaNode struct {
	Type          any                   `json:"type"`
	Enum          []string              `json:"enum"`
	Properties    map[string]schemaNode `json:"properties"`
	Items         *schemaNode           `json:"items"`
	PropertyNames *schemaNode           `json:"propertyNames"`
	MaxLength     int                   `json:"maxLength"`
	MaxItems      int                   `json:"maxItems"`
	MaxProperties int                   `json:"maxProperties"`
}

func (n schemaNode) types() []string {
	switch t := n.Type.(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, strings.TrimSpace(reflect.ValueOf(e).String()))
		}
		return out
	}
	return nil
}
