// Package answers reads a person's answers from JSON or YAML and validates
// them strictly: an unknown field, a field given twice, a value of the
// wrong type, text that is not valid UTF-8 or a value outside a vocabulary
// is an error that names the field (a dotted path such as
// organization.ai_adoption_phase or motives[1]) and says what is allowed.
//
// Decoding is done by maintained libraries straight into the answers
// struct: github.com/go-json-experiment/json for JSON and gopkg.in/yaml.v3
// (with KnownFields) for YAML. What is allowed comes from the questionnaire
// at the module root (certwise.Questionnaire).
package answers

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	"gopkg.in/yaml.v3"

	"github.com/certwise/certwise"
)

// MaxBytes is the largest answers document Decode accepts.
const MaxBytes = 1 << 20

// Formats lists the formats Decode accepts.
var Formats = []string{"json", "yaml", "auto"}

// Decode reads one answers document in format "json", "yaml" or "auto" (JSON
// when the first non-blank character is '{', YAML otherwise), then validates
// it with Validate. Errors are *certwise.Error with code EINVALID and, where
// one field is at fault, its dotted path.
func Decode(r io.Reader, format string) (certwise.Answers, error) {
	var a certwise.Answers
	b, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return a, fmt.Errorf("read answers: %w", err)
	}
	if len(b) > MaxBytes {
		return a, certwise.Errorf(certwise.EINVALID, "", "the answers are larger than %d bytes", MaxBytes)
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")) // a UTF-8 byte order mark, as some editors write
	trimmed := bytes.TrimSpace(b)
	if format == "auto" || format == "" {
		format = "yaml"
		if len(trimmed) > 0 && trimmed[0] == '{' {
			format = "json"
		}
	}
	if len(trimmed) == 0 {
		return a, certwise.Errorf(certwise.EINVALID, "", "the answers are empty")
	}
	switch format {
	case "json":
		err = decodeJSON(b, &a)
	case "yaml", "yml":
		err = decodeYAML(b, &a)
	default:
		return a, certwise.Errorf(certwise.EINVALID, "format", "unknown format %q; allowed: %s", format, strings.Join(Formats, ", "))
	}
	if err != nil {
		return certwise.Answers{}, err
	}
	if err := Validate(&a); err != nil {
		return a, err
	}
	return a, nil
}

// jsonOptions make the JSON decoder strict: unknown members are errors, as
// (by the library's defaults) are duplicate names, invalid UTF-8 and
// trailing data.
var jsonOptions = json.JoinOptions(json.RejectUnknownMembers(true))

func decodeJSON(b []byte, a *certwise.Answers) error {
	err := json.Unmarshal(b, a, jsonOptions)
	if err == nil {
		return nil
	}
	var serr *json.SemanticError
	var xerr *jsontext.SyntacticError
	switch {
	case errors.As(err, &xerr):
		field := pointerPath(xerr.JSONPointer)
		msg := xerr.Err.Error()
		switch {
		case errors.Is(xerr.Err, jsontext.ErrDuplicateName):
			return certwise.Errorf(certwise.EINVALID, field, "given more than once")
		case strings.Contains(msg, "UTF-8") || strings.Contains(msg, "surrogate"):
			return certwise.Errorf(certwise.EINVALID, field, "must be valid UTF-8 text (%s)", msg)
		case errors.Is(xerr.Err, io.ErrUnexpectedEOF):
			return certwise.Errorf(certwise.EINVALID, "", "invalid JSON: the document ends early")
		case strings.Contains(msg, "after top-level value"):
			return certwise.Errorf(certwise.EINVALID, "", "invalid JSON: more than one document")
		}
		return certwise.Errorf(certwise.EINVALID, field, "invalid JSON: %s", msg)
	case errors.As(err, &serr):
		field := pointerPath(serr.JSONPointer)
		if errors.Is(serr.Err, json.ErrUnknownName) {
			return unknownField(field)
		}
		return typeError(field, jsonKind(serr.JSONKind))
	}
	return certwise.Errorf(certwise.EINVALID, "", "invalid JSON: %v", err)
}

// pointerPath turns a JSON pointer (/motives/1) into a dotted field path
// (motives[1]). A number is a list index except as a key of a share map.
func pointerPath(p jsontext.Pointer) string {
	var path string
	for tok := range p.Tokens() {
		if _, err := strconv.Atoi(tok); err == nil && !isShares(path) {
			path += "[" + tok + "]"
			continue
		}
		path = join(path, tok)
	}
	return path
}

func isShares(path string) bool {
	q, ok := certwise.Ask(path)
	return ok && q.Kind == certwise.KindShares && !strings.HasSuffix(path, "]")
}

func jsonKind(k jsontext.Kind) string {
	switch k {
	case 'n':
		return "null"
	case 't', 'f':
		return "a boolean"
	case '"':
		return "text"
	case '0':
		return "a number"
	case '{':
		return "an object"
	case '[':
		return "a list"
	}
	return "something else"
}

// decodeYAML reads one YAML document into a. The document is first read as
// a node tree, to refuse aliases (never needed for answers, and a way to
// blow up a small document) and to find which field a decoder error's line
// points at; then yaml.v3 decodes it with KnownFields.
func decodeYAML(b []byte, a *certwise.Answers) error {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return certwise.Errorf(certwise.EINVALID, "", "the answers are empty")
		}
		return certwise.Errorf(certwise.EINVALID, "", "invalid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	var more yaml.Node
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		return certwise.Errorf(certwise.EINVALID, "", "invalid YAML: more than one document")
	}
	if len(doc.Content) == 0 {
		return certwise.Errorf(certwise.EINVALID, "", "the answers are empty")
	}
	var ix lineIndex
	if err := ix.walk(doc.Content[0], "", 0); err != nil {
		return err
	}
	if doc.Content[0].Kind != yaml.MappingNode {
		return typeError("", "an object")
	}
	strict := yaml.NewDecoder(bytes.NewReader(b))
	strict.KnownFields(true)
	if err := strict.Decode(a); err != nil {
		return ix.explain(err)
	}
	return nil
}

// maxDepth bounds nesting so that a hostile document cannot exhaust the stack.
const maxDepth = 32

// lineIndex records where each key and value of a YAML document sits, so
// that yaml.v3's errors (which name a line) can name the field instead.
type lineIndex []yamlSpot

type yamlSpot struct {
	line  int
	key   bool
	value string
	path  string
}

func (ix *lineIndex) walk(n *yaml.Node, path string, depth int) error {
	if depth > maxDepth {
		return certwise.Errorf(certwise.EINVALID, path, "nested too deeply (more than %d levels)", maxDepth)
	}
	if n.Kind != yaml.AliasNode {
		if err := checkKind(n, path); err != nil {
			return err
		}
	}
	switch n.Kind {
	case yaml.AliasNode:
		return certwise.Errorf(certwise.EINVALID, path, "line %d: YAML aliases are not accepted", n.Line)
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			kp := join(path, k.Value)
			*ix = append(*ix, yamlSpot{line: k.Line, key: true, value: k.Value, path: kp})
			if err := ix.walk(n.Content[i+1], kp, depth+1); err != nil {
				return err
			}
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			if err := ix.walk(c, fmt.Sprintf("%s[%d]", path, i), depth+1); err != nil {
				return err
			}
		}
	case yaml.ScalarNode:
		*ix = append(*ix, yamlSpot{line: n.Line, value: n.Value, path: path})
	}
	return nil
}

// checkKind holds a YAML node to the kind its question asks for, as JSON's
// types would: yaml.v3 on its own reads 'yes' as true and 123 as the text
// "123".
func checkKind(n *yaml.Node, path string) error {
	if n.Tag == "!!null" {
		return nil
	}
	q, item, ok := questionAt(path)
	if !ok {
		return nil
	}
	want := yaml.ScalarNode
	switch {
	case item:
	case q.Kind == certwise.KindMany || q.Kind == certwise.KindTextList:
		want = yaml.SequenceNode
	case q.Kind == certwise.KindShares:
		want = yaml.MappingNode
	}
	if n.Kind != want {
		return typeError(path, yamlKind(n.Tag))
	}
	if want != yaml.ScalarNode {
		return nil
	}
	okTag := n.Tag == "!!str"
	switch {
	case item:
	case q.Kind == certwise.KindBool:
		okTag = n.Tag == "!!bool"
	case q.Kind == certwise.KindNumber:
		okTag = n.Tag == "!!int" || n.Tag == "!!float"
	}
	if !okTag {
		return typeError(path, yamlKind(n.Tag))
	}
	return nil
}

// questionAt returns the question whose answer sits at path, and whether
// path is one item of its list (motives[2]).
func questionAt(path string) (q certwise.Prompt, item, ok bool) {
	base, idx, isItem := strings.Cut(path, "[")
	q, ok = certwise.Ask(base)
	if !ok {
		return q, false, false
	}
	if isItem {
		if !strings.HasSuffix(idx, "]") || strings.ContainsAny(idx[:len(idx)-1], "[].") {
			return q, false, false
		}
	}
	return q, isItem, true
}

// explain turns a yaml.v3 decoding error into an error naming the field.
func (ix lineIndex) explain(err error) error {
	var terr *yaml.TypeError
	if !errors.As(err, &terr) || len(terr.Errors) == 0 {
		return certwise.Errorf(certwise.EINVALID, "", "invalid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	msg := terr.Errors[0]
	var line int
	if _, err := fmt.Sscanf(msg, "line %d:", &line); err != nil {
		return certwise.Errorf(certwise.EINVALID, "", "invalid YAML: %s", msg)
	}
	switch {
	case strings.Contains(msg, "already defined"): // mapping key "x" already defined at line 1
		return certwise.Errorf(certwise.EINVALID, ix.find(line, true, quoted(msg, '"')), "given more than once")
	case strings.Contains(msg, "not found in type"): // field x not found in type T
		_, rest, _ := strings.Cut(msg, "field ")
		name, _, _ := strings.Cut(rest, " not found")
		return unknownField(ix.find(line, true, name))
	case strings.Contains(msg, "cannot unmarshal"): // cannot unmarshal !!str `yes` into bool
		_, rest, _ := strings.Cut(msg, "cannot unmarshal ")
		tag, _, _ := strings.Cut(rest, " ")
		field := ix.find(line, false, quoted(msg, '`'))
		return typeError(field, yamlKind(tag))
	}
	return certwise.Errorf(certwise.EINVALID, "", "invalid YAML: %s", msg)
}

// find returns the path of the key (or value) on line whose text is value,
// or of the first thing on the line when none is.
func (ix lineIndex) find(line int, key bool, value string) string {
	first := ""
	for _, s := range ix {
		if s.line != line {
			continue
		}
		if s.key == key && s.value == value {
			return s.path
		}
		if first == "" {
			first = s.path
		}
	}
	// A value that is a mapping or a list has no scalar of its own; a type
	// error about it points at its key.
	if !key {
		for _, s := range ix {
			if s.line == line && s.key && (value == "" || strings.HasPrefix(value, "!!")) {
				return s.path
			}
		}
	}
	return first
}

// quoted returns the text between the first pair of q in s.
func quoted(s string, q byte) string {
	i := strings.IndexByte(s, q)
	if i < 0 {
		return ""
	}
	j := strings.IndexByte(s[i+1:], q)
	if j < 0 {
		return ""
	}
	return s[i+1 : i+1+j]
}

func yamlKind(tag string) string {
	switch tag {
	case "!!null":
		return "null"
	case "!!bool":
		return "a boolean"
	case "!!str":
		return "text"
	case "!!int", "!!float":
		return "a number"
	case "!!map":
		return "an object"
	case "!!seq":
		return "a list"
	}
	return "a value tagged " + tag
}

// unknownField reports a field the answers do not have, with the fields
// allowed beside it.
func unknownField(field string) error {
	parent := ""
	if i := strings.LastIndexByte(field, '.'); i >= 0 {
		parent = field[:i]
	}
	var allowed []string
	t := reflect.TypeOf(certwise.Answers{})
	if parent != "" {
		var a certwise.Answers
		if v, err := certwise.AnswerField(&a, parent, true); err == nil {
			t = v.Type()
		}
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Struct {
		for i := range t.NumField() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			allowed = append(allowed, name)
		}
	}
	slices.Sort(allowed)
	return certwise.Errorf(certwise.EINVALID, field, "unknown field; allowed here: %s", strings.Join(allowed, ", "))
}

// typeError reports a value of the wrong kind, saying what the field wants.
func typeError(field, got string) error {
	return certwise.Errorf(certwise.EINVALID, field, "must be %s, not %s", want(field), got)
}

// want says in words what kind of value field takes.
func want(field string) string {
	if field == "" {
		return "an object with the answer sections"
	}
	q, ok := certwise.Ask(field)
	if !ok {
		q, ok = sharesOf(field)
	}
	if !ok {
		return "an object"
	}
	item := strings.HasSuffix(field, "]")
	switch q.Kind {
	case certwise.KindBool:
		return "true or false"
	case certwise.KindOne:
		return "one of " + strings.Join(q.Values(), ", ")
	case certwise.KindMany:
		if item {
			return "one of " + strings.Join(q.Values(), ", ")
		}
		return "a list of " + strings.Join(q.Values(), ", ")
	case certwise.KindTextList:
		if item {
			return "text"
		}
		return "a list of text"
	case certwise.KindNumber:
		return "a number"
	case certwise.KindShares:
		if field != q.Field {
			return "a number (a share)"
		}
		return "an object of shares (name: number)"
	}
	return "text"
}

// sharesOf returns the share map question a share's path (role.work_mix.analysis) is in.
func sharesOf(field string) (certwise.Prompt, bool) {
	for _, q := range certwise.Questionnaire {
		if q.Kind == certwise.KindShares && strings.HasPrefix(field, q.Field+".") {
			return q, true
		}
	}
	return certwise.Prompt{}, false
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
