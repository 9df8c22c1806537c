package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/answers"
)

// panelFloor is how many of the held-out personas (testdata/personas) the
// verdicts and concerns must satisfy. The panel was written by a coach who
// did not see the engine, and the rules were not tuned to it; the two it
// misses when this floor was set are 14a (a prerequisite the catalog does
// not record yet, issue 15) and 28 (apply_first where the coach asks to
// clarify the target first, both in the prepare tier). Raise the floor when
// the engine gets better; never lower it to let a change through.
const panelFloor = 38

// persona is one file of the panel: the answers and what a coach signs.
type persona struct {
	Answers yaml.Node `yaml:"answers"`
	Expect  struct {
		Tiers             []certwise.Tier      `yaml:"tiers"`
		Verdicts          []certwise.VerdictID `yaml:"verdicts"`
		ConcernsRequired  []string             `yaml:"concerns_required"`
		ConcernsForbidden []string             `yaml:"concerns_forbidden"`
		OccupationSOC6    []string             `yaml:"occupation_soc6"`
		TargetSOC6        []string             `yaml:"target_soc6"`
		CertificationFit  string               `yaml:"certification_fit"`
	} `yaml:"expect"`
	Rationale string `yaml:"rationale"`
}

// TestPersonaPanel grades the engine on the held-out persona panel by its
// README's rule (verdict among those a coach signs, required concerns
// listed, forbidden ones absent) and checks the monotonicity twins: a pair
// that differs by one positive answer never moves down a tier, by one
// negative answer never up.
func TestPersonaPanel(t *testing.T) {
	t.Setenv("CERTWISE_DATA", "")
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "personas", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Skipf("no persona panel: %v", err)
	}
	var errOut bytes.Buffer
	a := &app{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &errOut, logger: slog.New(slog.NewTextHandler(&errOut, nil))}
	ctx := context.Background()
	e, err := a.engine(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tiers := map[string]int{}
	passed := 0
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".yaml")
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var p persona
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		if err := dec.Decode(&p); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		doc, err := yaml.Marshal(&p.Answers)
		if err != nil {
			t.Fatal(err)
		}
		ans, err := answers.Decode(bytes.NewReader(doc), "yaml")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ev, err := e.Evaluate(ctx, ans)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		tiers[name] = ev.Verdict.Tier().Rank()
		var listed []string
		for _, c := range ev.Concerns {
			listed = append(listed, c.ID)
		}
		var why []string
		if !slices.Contains(p.Expect.Verdicts, ev.Verdict) {
			why = append(why, "verdict "+string(ev.Verdict)+" ("+ev.Rule+")")
		}
		for _, c := range p.Expect.ConcernsRequired {
			if !slices.Contains(listed, c) {
				why = append(why, "missing concern "+c)
			}
		}
		for _, c := range p.Expect.ConcernsForbidden {
			if slices.Contains(listed, c) {
				why = append(why, "forbidden concern "+c)
			}
		}
		if len(why) == 0 {
			passed++
			continue
		}
		t.Logf("%s: %s (a coach signs %v)", name, strings.Join(why, "; "), p.Expect.Verdicts)
	}
	t.Logf("%d of %d personas pass", passed, len(files))
	if passed < panelFloor {
		t.Errorf("%d of %d personas pass, fewer than the floor of %d", passed, len(files), panelFloor)
	}
	for _, twin := range []struct {
		pair string
		up   bool // b gains a positive answer (else a negative one)
	}{{"02", true}, {"03", true}, {"09", true}, {"11", true}, {"14", true}, {"18", false}, {"21", false}, {"29", true}} {
		var ta, tb int
		var na, nb string
		for name, tier := range tiers {
			switch {
			case strings.HasPrefix(name, twin.pair+"a-"):
				ta, na = tier, name
			case strings.HasPrefix(name, twin.pair+"b-"):
				tb, nb = tier, name
			}
		}
		if na == "" || nb == "" {
			t.Errorf("twin %s not found", twin.pair)
			continue
		}
		if twin.up && tb < ta || !twin.up && tb > ta {
			t.Errorf("twins %s → %s move the tier %d → %d the wrong way", na, nb, ta, tb)
		}
	}
}
