package blevecompare

import (
	"fmt"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/certwise/certwise"
)

// Matcher matches titles with a bleve index holding one document per
// title (English analyzer: lower case, stop words, possessives, Porter
// stemming; BM25-like TF-IDF scoring); an occupation's score is that of its
// best-scoring title, so this is a nearest-title matcher. It implements
// certwise.TitleMatcher.
type Matcher struct {
	idx    bleve.Index
	titles []certwise.TitleEntry
	names  map[string]string // code → official title
}

// NewMatcher indexes entries in a bleve index in memory, in one batch so
// that the index is one segment and no background merges compete with
// queries.
func NewMatcher(entries []certwise.TitleEntry) (*Matcher, error) {
	m := &Matcher{names: map[string]string{}}
	im := bleve.NewIndexMapping()
	doc := bleve.NewDocumentMapping()
	f := mapping.NewTextFieldMapping()
	f.Analyzer = en.AnalyzerName
	f.Store = false
	f.IncludeTermVectors = false
	doc.AddFieldMappingsAt("title", f)
	im.DefaultMapping = doc
	idx, err := bleve.NewMemOnly(im)
	if err != nil {
		return nil, fmt.Errorf("new bleve index: %w", err)
	}
	b := idx.NewBatch()
	for _, e := range entries {
		if e.Official {
			m.names[e.Code] = e.Title
		}
		id := strconv.Itoa(len(m.titles))
		m.titles = append(m.titles, e)
		if err := b.Index(id, map[string]any{"title": e.Title}); err != nil {
			idx.Close()
			return nil, fmt.Errorf("index title %q: %w", e.Title, err)
		}
	}
	if err := idx.Batch(b); err != nil {
		idx.Close()
		return nil, fmt.Errorf("index %d titles: %w", len(entries), err)
	}
	m.idx = idx
	return m, nil
}

// Close releases the index.
func (m *Matcher) Close() error { return m.idx.Close() }

// Match implements certwise.TitleMatcher: the best top occupations for q,
// each scored by its best title. A failed search gives no matches.
func (m *Matcher) Match(q string, top int) certwise.TitleMatch {
	res := certwise.TitleMatch{Query: q}
	mq := bleve.NewMatchQuery(q)
	mq.SetField("title")
	req := bleve.NewSearchRequestOptions(mq, 100, 0, false)
	sr, err := m.idx.Search(req)
	if err != nil {
		return res
	}
	seen := map[string]bool{}
	for _, h := range sr.Hits {
		i, _ := strconv.Atoi(h.ID)
		e := m.titles[i]
		if seen[e.Code] {
			continue
		}
		seen[e.Code] = true
		res.Matches = append(res.Matches, certwise.TitleCandidate{Code: e.Code, Title: m.names[e.Code], MatchedTitle: e.Title, Score: h.Score})
		if len(res.Matches) == top {
			break
		}
	}
	return res
}
