package exposure

import (
	"slices"

	"github.com/certwise/certwise"
)

// Input is the content of the public data files, already parsed, that Build
// turns into a Model. The dataset package fills it; this package does no file
// I/O. Each slice holds one file's rows in file order.
type Input struct {
	Occupations []OccupationName      // O*NET Occupation Data
	AltTitles   []certwise.TitleEntry // O*NET Alternate Titles
	Tasks       []TaskStatement       // O*NET Task Statements
	Labels      []TaskLabel           // GPTs-are-GPTs full_labelset.tsv
	TaskDWAs    []TaskDWA             // O*NET Tasks to DWAs
	DWAs        []DWA                 // O*NET DWA Reference
	IWAs        []IWA                 // O*NET IWA Reference
	JobZones    []JobZone             // O*NET Job Zones
	Related     []Related             // O*NET Related Occupations
	Ratings     []Rating              // O*NET Skills and Knowledge, importance and level rows
	IWAMetrics  []IWAMetric           // Working with AI iwa_metrics.csv
	SOCWeights  []SOCWeights          // Working with AI soc_iwa_weights.csv
	OEWS        []OEWSRow             // BLS OEWS May 2024 national
	Projections []Projection          // BLS employment projections 2024-34, Table 1.2
	// Statements keeps task statements in the model (Occupation.Tasks).
	Statements bool
}

// OccupationName is one O*NET-SOC occupation and its official title.
type OccupationName struct{ Code, Title string }

// TaskStatement is one O*NET task.
type TaskStatement struct {
	Code      string
	ID        int
	Statement string
	Type      string // Core, Supplemental or "" (n/a)
}

// TaskLabel is one task's exposure labels from GPTs-are-GPTs.
type TaskLabel struct {
	Code  string
	ID    int
	Type  string // Core, Supplemental or ""
	GPT4  string // E0, E1 or E2
	Human string // E0, E1 or E2
}

// TaskDWA links a task to a detailed work activity.
type TaskDWA struct {
	Code string
	ID   int
	DWA  string
}

// DWA is a detailed work activity and the IWA it belongs to.
type DWA struct{ ID, IWA string }

// IWA is an intermediate work activity and its generalized work activity.
type IWA struct{ ID, GWA, Title string }

// JobZone is an occupation's preparation level (1-5).
type JobZone struct {
	Code string
	Zone int
}

// Related is one related occupation with its rank (Index, 1 = closest).
type Related struct {
	Code, Related string
	Index         int
}

// RelatedCodes groups related occupations by occupation: O*NET-SOC code →
// the related codes, closest first (rows of one rank keep their order).
func RelatedCodes(rs []Related) map[string][]string {
	rs = slices.Clone(rs)
	slices.SortStableFunc(rs, func(a, b Related) int { return a.Index - b.Index })
	out := map[string][]string{}
	for _, r := range rs {
		out[r.Code] = append(out[r.Code], r.Related)
	}
	return out
}

// Rating is one row of O*NET's Skills or Knowledge file: an occupation's
// importance (Scale IM) or level (Scale LV) of one element.
type Rating struct {
	Code, Element, Name string
	Kind                certwise.SkillKind
	Scale               string // IM or LV
	Value               float64
	NotRelevant         bool // O*NET marks the level not relevant to the occupation
}

// IWAMetric is how generative AI is used for one IWA in the Working-with-AI
// data. Completion and scope are nil where the IWA had no conversations on
// that side.
type IWAMetric struct {
	IWA                          string
	ShareUser, ShareAI           float64
	CompletionUser, CompletionAI *float64
	ScopeUser, ScopeAI           *float64
}

// SOCWeights is one 6-digit SOC code's IWA weights (zero weights left out).
type SOCWeights struct {
	SOC     string
	Weights []IWAWeight
}

// IWAWeight is one IWA's weight in an occupation.
type IWAWeight struct {
	IWA    string
	Weight float64
}

// OEWSRow is one occupation row of the BLS OEWS national file. Employment and
// MedianWage are nil where BLS suppresses or top-codes the figure.
type OEWSRow struct {
	Code       string // e.g. 15-1252
	Title      string
	Group      string // total, major, minor, broad, detailed
	Employment *int64
	MedianWage *float64 // annual
}

// Projection is the projected percent change in employment 2024-34 of one
// row of the National Employment Matrix: a detailed occupation (a "Line
// item", SOC 2018 code) or a summary row (a group, e.g. 13-1020).
type Projection struct {
	Code     string // e.g. 15-1252
	Title    string
	Detailed bool // a line item rather than a summary row
	Pct      float64
}
