package answers

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/certwise/certwise"
)

// A tree is the format-neutral form of a document: map[string]any for
// objects, []any for arrays, string, float64, bool, or nil for null. Both
// formats are parsed into it first, so that one schema walk reports every
// problem with the same dotted field path whatever the format.

// parseJSON parses one JSON document into a tree, rejecting duplicate keys
// and trailing data.
func parseJSON(b []byte) (any, error) {
	if v, ok := parseJSONFast(b); ok {
		return v, nil
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	v, err := jsonValue(dec, "", 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, certwise.Errorf(certwise.EINVALID, "", "invalid JSON: more than one document")
	}
	return v, nil
}

// maxDepth bounds nesting so that a hostile document cannot exhaust the stack.
const maxDepth = 32

func jsonValue(dec *json.Decoder, path string, depth int) (any, error) {
	if depth > maxDepth {
		return nil, certwise.Errorf(certwise.EINVALID, path, "nested too deeply (more than %d levels)", maxDepth)
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, syntaxError("JSON", err)
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			m := map[string]any{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, syntaxError("JSON", err)
				}
				k, _ := kt.(string)
				kp := join(path, k)
				if _, dup := m[k]; dup {
					return nil, certwise.Errorf(certwise.EINVALID, kp, "given more than once")
				}
				v, err := jsonValue(dec, kp, depth+1)
				if err != nil {
					return nil, err
				}
				m[k] = v
			}
			if _, err := dec.Token(); err != nil {
				return nil, syntaxError("JSON", err)
			}
			return m, nil
		case '[':
			var s []any
			for dec.More() {
				v, err := jsonValue(dec, fmt.Sprintf("%s[%d]", path, len(s)), depth+1)
				if err != nil {
					return nil, err
				}
				s = append(s, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, syntaxError("JSON", err)
			}
			if s == nil {
				s = []any{}
			}
			return s, nil
		}
		return nil, certwise.Errorf(certwise.EINVALID, path, "invalid JSON: unexpected %q", t)
	case json.Number:
		f, err := strconv.ParseFloat(string(t), 64)
		if err != nil || math.IsInf(f, 0) {
			return nil, certwise.Errorf(certwise.EINVALID, path, "number %s is out of range", t)
		}
		return f, nil
	default: // string, bool, nil
		return t, nil
	}
}

func syntaxError(format string, err error) error {
	if errors.Is(err, io.EOF) {
		return certwise.Errorf(certwise.EINVALID, "", "invalid %s: the document ends early", format)
	}
	return certwise.Errorf(certwise.EINVALID, "", "invalid %s: %v", format, err)
}

// parseYAML parses one YAML document into a tree. Aliases are refused (they
// are never needed for answers and can blow up in size), as are duplicate
// keys, non-string keys and tags other than the plain scalar ones.
func parseYAML(b []byte) (any, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, certwise.Errorf(certwise.EINVALID, "", "the answers are empty")
		}
		return nil, certwise.Errorf(certwise.EINVALID, "", "invalid YAML: %v", err)
	}
	var more yaml.Node
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		return nil, certwise.Errorf(certwise.EINVALID, "", "invalid YAML: more than one document")
	}
	if len(doc.Content) == 0 {
		return nil, certwise.Errorf(certwise.EINVALID, "", "the answers are empty")
	}
	return yamlValue(doc.Content[0], "", 0)
}

func yamlValue(n *yaml.Node, path string, depth int) (any, error) {
	if depth > maxDepth {
		return nil, certwise.Errorf(certwise.EINVALID, path, "nested too deeply (more than %d levels)", maxDepth)
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			kn := n.Content[i]
			if kn.Kind != yaml.ScalarNode || (kn.Tag != "!!str" && kn.Tag != "!!int" && kn.Tag != "!!float" && kn.Tag != "!!bool") {
				return nil, certwise.Errorf(certwise.EINVALID, path, "line %d: keys must be plain names", kn.Line)
			}
			kp := join(path, kn.Value)
			if _, dup := m[kn.Value]; dup {
				return nil, certwise.Errorf(certwise.EINVALID, kp, "given more than once")
			}
			v, err := yamlValue(n.Content[i+1], kp, depth+1)
			if err != nil {
				return nil, err
			}
			m[kn.Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for i, c := range n.Content {
			v, err := yamlValue(c, fmt.Sprintf("%s[%d]", path, i), depth+1)
			if err != nil {
				return nil, err
			}
			s = append(s, v)
		}
		return s, nil
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return nil, nil
		case "!!bool":
			var b bool
			if err := n.Decode(&b); err != nil {
				return nil, certwise.Errorf(certwise.EINVALID, path, "line %d: %q is not a boolean", n.Line, n.Value)
			}
			return b, nil
		case "!!int", "!!float":
			var f float64
			if err := n.Decode(&f); err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
				return nil, certwise.Errorf(certwise.EINVALID, path, "line %d: %q is not a usable number", n.Line, n.Value)
			}
			return f, nil
		case "!!str":
			return n.Value, nil
		}
		return nil, certwise.Errorf(certwise.EINVALID, path, "line %d: values tagged %s are not accepted", n.Line, n.Tag)
	case yaml.AliasNode:
		return nil, certwise.Errorf(certwise.EINVALID, path, "line %d: YAML aliases are not accepted", n.Line)
	}
	return nil, certwise.Errorf(certwise.EINVALID, path, "line %d: unexpected YAML node", n.Line)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
