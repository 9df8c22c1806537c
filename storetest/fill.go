package storetest

import (
	"fmt"
	"reflect"
	"time"
)

// filler sets every exported field of a value to a distinct non-zero value,
// so a round trip through a store proves that every field of Answers and
// Evaluation survives, including fields added after this suite was written.
type filler struct {
	n      int
	active map[reflect.Type]bool // struct types being filled, to stop recursive types
}

// texts mixes scripts, emoji, combining marks, markup and quotes, the text a
// person may type and a store must keep byte for byte.
var texts = []string{
	"Ingénieure données — 数据工程师 🚀",
	"مدير المشروع \"RTL\" <b>&amp;</b>",
	"Zoë's ﬁrst line\nsecond line\ttab",
	"e\u0301 combining, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, 👩🏽‍💻",
	"Путь — backslash \\ and 'quote'",
	"NUL \x00 inside, emoji 🧭 at the end",
}

func (f *filler) next() int { f.n++; return f.n }

func (f *filler) fill(v reflect.Value, depth int) {
	if depth > 30 {
		return
	}
	switch v.Kind() {
	case reflect.String:
		n := f.next()
		v.SetString(fmt.Sprintf("%s #%d", texts[n%len(texts)], n))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(f.next()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(f.next()))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(f.next()) + 0.123456789)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		f.fill(p.Elem(), depth+1)
		v.Set(p)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := 0; i < s.Len(); i++ {
			f.fill(s.Index(i), depth+1)
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for i := 0; i < 2; i++ {
			k := reflect.New(v.Type().Key()).Elem()
			f.fill(k, depth+1)
			e := reflect.New(v.Type().Elem()).Elem()
			f.fill(e, depth+1)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Interface:
		// Decoded JSON gives strings back as strings.
		n := f.next()
		v.Set(reflect.ValueOf(fmt.Sprintf("%s #%d", texts[n%len(texts)], n)))
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			v.Set(reflect.ValueOf(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC).Add(time.Duration(f.next()) * time.Hour)))
			return
		}
		if f.active[v.Type()] {
			return // a recursive type: one level is enough
		}
		if f.active == nil {
			f.active = map[reflect.Type]bool{}
		}
		f.active[v.Type()] = true
		defer delete(f.active, v.Type())
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				f.fill(v.Field(i), depth+1)
			}
		}
	}
}

// zeroFields lists the exported fields of v (by dotted path) that are zero,
// to prove the filler reached every one.
func zeroFields(v reflect.Value, path string, out *[]string) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			*out = append(*out, path)
			return
		}
		zeroFields(v.Elem(), path, out)
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			if v.Interface().(time.Time).IsZero() {
				*out = append(*out, path)
			}
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				zeroFields(v.Field(i), path+"."+v.Type().Field(i).Name, out)
			}
		}
	case reflect.Slice:
		if v.Len() == 0 {
			*out = append(*out, path)
			return
		}
		zeroFields(v.Index(0), path+"[0]", out)
	default:
		if v.IsZero() {
			*out = append(*out, path)
		}
	}
}
