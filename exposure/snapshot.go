package exposure

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"math"

	"github.com/certwise/certwise"
)

// snapshotVersion changes whenever the snapshot layout does.
const snapshotVersion = 2

// snapshot is the embedded form of a Model: figures and names only. Task
// statements are left out, and activity titles and classes are stored once
// in Activities rather than per occupation.
type snapshot struct {
	Version     int                         `json:"version"`
	Thresholds  Thresholds                  `json:"thresholds"`
	Activities  []*certwise.ActivityFigures `json:"activities"`
	Occupations []snapOcc                   `json:"occupations"`
	Titles      []snapTitles                `json:"titles"`
	SOCAI       map[string]float64          `json:"soc_ai_applicability"`
	Elements    []skillElement              `json:"skill_elements"`
}

type snapOcc struct {
	certwise.Occupation
	Activities []snapAct `json:"activities"` // shadows Occupation.Activities
	// Skills are importance × 10 and level × 10 per element of
	// snapshot.Elements, in that order.
	Skills []int `json:"sk,omitempty"`
}

type snapAct struct {
	IWA     string  `json:"i"`
	Weight  float64 `json:"w"`
	E1Tasks int     `json:"e1,omitempty"`
	E2Tasks int     `json:"e2,omitempty"`
	Tasks   int     `json:"t,omitempty"`
}

type snapTitles struct {
	Code       string   `json:"c"`
	Alternates []string `json:"a,omitempty"` // the official title is the occupation's
}

// MarshalSnapshot encodes the model's figures and names (never task
// statements) as gzip-compressed JSON. The same model always gives the same
// bytes.
func (m *Model) MarshalSnapshot() ([]byte, error) {
	s := snapshot{Version: snapshotVersion, Thresholds: m.thresholds, Activities: m.acts, SOCAI: m.socAI,
		Elements: m.elements}
	for _, o := range m.occs {
		so := snapOcc{Occupation: *o}
		so.Occupation.Activities, so.Occupation.Tasks, so.Occupation.Skills = nil, nil, nil
		if len(o.Skills) > 0 {
			if len(o.Skills) != len(m.elements) {
				return nil, fmt.Errorf("encode snapshot: %s has %d skill ratings, the model %d elements", o.Code, len(o.Skills), len(m.elements))
			}
			so.Skills = make([]int, 0, 2*len(o.Skills))
			for _, r := range o.Skills {
				so.Skills = append(so.Skills, int(math.Round(r.Importance*10)), int(math.Round(r.Level*10)))
			}
		}
		so.Activities = make([]snapAct, len(o.Activities))
		for i, a := range o.Activities {
			so.Activities[i] = snapAct{IWA: a.IWA, Weight: a.Weight, E1Tasks: a.E1Tasks, E2Tasks: a.E2Tasks, Tasks: a.Tasks}
		}
		s.Occupations = append(s.Occupations, so)
	}
	for _, t := range m.titles {
		if t.Official {
			s.Titles = append(s.Titles, snapTitles{Code: t.Code})
			continue
		}
		if n := len(s.Titles); n == 0 || s.Titles[n-1].Code != t.Code {
			return nil, fmt.Errorf("encode snapshot: alternate title %q of %s does not follow its official title", t.Title, t.Code)
		}
		last := &s.Titles[len(s.Titles)-1]
		last.Alternates = append(last.Alternates, t.Title)
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, fmt.Errorf("encode snapshot: %w", err)
	}
	if err := json.NewEncoder(zw).Encode(&s); err != nil {
		return nil, fmt.Errorf("encode snapshot: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("encode snapshot: %w", err)
	}
	return buf.Bytes(), nil
}

// UnmarshalSnapshot decodes a snapshot written by MarshalSnapshot. The model
// it returns has no task statements (HasTasks is false).
func UnmarshalSnapshot(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decode snapshot: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("decode snapshot: %w", err)
	}
	var s snapshot
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, fmt.Errorf("decode snapshot: %w", err)
	}
	if s.Version != snapshotVersion {
		return nil, fmt.Errorf("decode snapshot: version %d, this program reads version %d (rebuild it with certwise data build)", s.Version, snapshotVersion)
	}
	byIWA := make(map[string]*certwise.ActivityFigures, len(s.Activities))
	for _, a := range s.Activities {
		byIWA[a.IWA] = a
	}
	occs := make([]*certwise.Occupation, len(s.Occupations))
	titleOf := make(map[string]string, len(s.Occupations))
	for i := range s.Occupations {
		so := &s.Occupations[i]
		o := so.Occupation
		o.Activities = make([]certwise.Activity, len(so.Activities))
		for j, a := range so.Activities {
			f, ok := byIWA[a.IWA]
			if !ok {
				return nil, fmt.Errorf("decode snapshot: occupation %s: unknown IWA %s", o.Code, a.IWA)
			}
			o.Activities[j] = certwise.Activity{IWA: a.IWA, Title: f.Title, Class: f.Class, Weight: a.Weight,
				E1Tasks: a.E1Tasks, E2Tasks: a.E2Tasks, Tasks: a.Tasks}
		}
		if o.Related == nil {
			o.Related = []string{}
		}
		if len(so.Skills) > 0 {
			if len(so.Skills) != 2*len(s.Elements) {
				return nil, fmt.Errorf("decode snapshot: occupation %s: %d skill figures for %d elements", o.Code, len(so.Skills), len(s.Elements))
			}
			o.Skills = make([]certwise.SkillRating, len(s.Elements))
			for j, e := range s.Elements {
				o.Skills[j] = certwise.SkillRating{Element: e.ID, Name: e.Name, Kind: e.Kind,
					Importance: float64(so.Skills[2*j]) / 10, Level: float64(so.Skills[2*j+1]) / 10}
			}
		}
		occs[i] = &o
		titleOf[o.Code] = o.Title
	}
	var titles []certwise.TitleEntry
	for _, t := range s.Titles {
		official, ok := titleOf[t.Code]
		if !ok {
			return nil, fmt.Errorf("decode snapshot: titles of unknown occupation %s", t.Code)
		}
		titles = append(titles, certwise.TitleEntry{Code: t.Code, Title: official, Official: true})
		for _, a := range t.Alternates {
			titles = append(titles, certwise.TitleEntry{Code: t.Code, Title: a})
		}
	}
	m := newModel(occs, s.Activities, titles, s.Thresholds, false)
	m.socAI = s.SOCAI
	m.elements = s.Elements
	return m, nil
}
