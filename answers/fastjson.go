package answers

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// parseJSONFast parses a JSON document of the usual shape into the same tree
// parseJSON builds, without encoding/json's token reader (most of the cost
// of reading answers over the API). It reports ok=false for anything it does
// not handle exactly as parseJSON would: a syntax error, a duplicate key,
// nesting deeper than maxDepth, a number out of range, a string with an
// escape or a control character, or bytes that are not UTF-8. parseJSON
// then reads the document itself and gives the value or the error.
func parseJSONFast(b []byte) (v any, ok bool) {
	p := fastParser{b: b}
	v, ok = p.value(0)
	if !ok {
		return nil, false
	}
	p.space()
	if p.i != len(p.b) {
		return nil, false
	}
	return v, true
}

type fastParser struct {
	b []byte
	i int
}

func (p *fastParser) space() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// next skips white space and returns the next byte, or 0 at the end.
func (p *fastParser) next() byte {
	p.space()
	if p.i >= len(p.b) {
		return 0
	}
	return p.b[p.i]
}

func (p *fastParser) value(depth int) (any, bool) {
	if depth > maxDepth {
		return nil, false
	}
	switch c := p.next(); {
	case c == '{':
		p.i++
		m := map[string]any{}
		if p.next() == '}' {
			p.i++
			return m, true
		}
		for {
			if p.next() != '"' {
				return nil, false
			}
			k, ok := p.str()
			if !ok {
				return nil, false
			}
			if _, dup := m[k]; dup {
				return nil, false
			}
			if p.next() != ':' {
				return nil, false
			}
			p.i++
			v, ok := p.value(depth + 1)
			if !ok {
				return nil, false
			}
			m[k] = v
			switch p.next() {
			case ',':
				p.i++
			case '}':
				p.i++
				return m, true
			default:
				return nil, false
			}
		}
	case c == '[':
		p.i++
		s := []any{}
		if p.next() == ']' {
			p.i++
			return s, true
		}
		for {
			v, ok := p.value(depth + 1)
			if !ok {
				return nil, false
			}
			s = append(s, v)
			switch p.next() {
			case ',':
				p.i++
			case ']':
				p.i++
				return s, true
			default:
				return nil, false
			}
		}
	case c == '"':
		return p.str()
	case c == 't':
		return true, p.literal("true")
	case c == 'f':
		return false, p.literal("false")
	case c == 'n':
		return nil, p.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	}
	return nil, false
}

func (p *fastParser) literal(word string) bool {
	if len(p.b)-p.i < len(word) || string(p.b[p.i:p.i+len(word)]) != word {
		return false
	}
	p.i += len(word)
	return true
}

// str reads a string without escapes; p.b[p.i] is its opening quote.
func (p *fastParser) str() (string, bool) {
	start := p.i + 1
	ascii := true
	for j := start; j < len(p.b); j++ {
		switch c := p.b[j]; {
		case c == '"':
			s := p.b[start:j]
			if !ascii && !utf8.Valid(s) {
				return "", false
			}
			p.i = j + 1
			return string(s), true
		case c == '\\' || c < 0x20:
			return "", false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return "", false
}

// number reads a number by JSON's grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *fastParser) number() (any, bool) {
	start, j := p.i, p.i
	digits := func() int {
		n := 0
		for j < len(p.b) && p.b[j] >= '0' && p.b[j] <= '9' {
			j++
			n++
		}
		return n
	}
	if j < len(p.b) && p.b[j] == '-' {
		j++
	}
	if j < len(p.b) && p.b[j] == '0' {
		j++
	} else if digits() == 0 {
		return nil, false
	}
	if j < len(p.b) && p.b[j] == '.' {
		j++
		if digits() == 0 {
			return nil, false
		}
	}
	if j < len(p.b) && (p.b[j] == 'e' || p.b[j] == 'E') {
		j++
		if j < len(p.b) && (p.b[j] == '+' || p.b[j] == '-') {
			j++
		}
		if digits() == 0 {
			return nil, false
		}
	}
	f, err := strconv.ParseFloat(string(p.b[start:j]), 64)
	if err != nil || math.IsInf(f, 0) {
		return nil, false
	}
	p.i = j
	return f, true
}
