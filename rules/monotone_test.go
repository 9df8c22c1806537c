package rules

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/certwise/certwise"
)

// The grid of answers the monotonicity test walks: every combination of
// the factors issue 13 names as positive or negative, on a few base
// situations (two occupations, three sets of motives). Each dimension is one
// digit of a mixed-radix index.
type gridDim struct {
	name  string
	radix int
	// up lists the moves (from, to) that gain a positive factor; the tier
	// must not drop. For a negative factor, down lists the moves that add
	// it; the tier must not rise.
	up, down [][2]int
}

var grid = []gridDim{
	{name: "owns_measurable_outcomes", radix: 2, up: [][2]int{{0, 1}}},
	{name: "ai_enhanced_role", radix: 2, up: [][2]int{{0, 1}}},
	{name: "expanding_into_system_design", radix: 2, up: [][2]int{{0, 1}}},
	{name: "transitioning_to_hybrid_role", radix: 2, up: [][2]int{{0, 1}}},
	{name: "has_tested_ai_in_role", radix: 2, up: [][2]int{{0, 1}}},
	{name: "capability_gap named", radix: 2, up: [][2]int{{0, 1}}},
	// target: 0 none, 1 a resolved target, 2 deepen_current_role, 3 a
	// target that resolves to nothing.
	{name: "target", radix: 4, up: [][2]int{{0, 1}, {0, 2}, {3, 1}}},
	{name: "leadership_values_ai_literacy", radix: 2, up: [][2]int{{0, 1}}},
	{name: "promotion_rewards_credentials", radix: 2, up: [][2]int{{0, 1}}},
	{name: "politics_reward_formal_programs", radix: 2, up: [][2]int{{0, 1}}},
	{name: "credential_sensitive", radix: 2, up: [][2]int{{0, 1}}},
	// authority: 0 unanswered, then none < knowledge_only < some < clear.
	{name: "expected_authority_gain", radix: 5, up: [][2]int{{1, 2}, {2, 3}, {3, 4}, {1, 4}}},
	// positioning: 0 unanswered, 1 defensive, 2 offensive.
	{name: "positioning", radix: 3, up: [][2]int{{0, 2}, {1, 2}}},
	{name: "reduce_anxiety", radix: 2, down: [][2]int{{0, 1}}},
	{name: "follow_headlines", radix: 2, down: [][2]int{{0, 1}}},
	{name: "compressing_business_model", radix: 2, down: [][2]int{{0, 1}}},
	// exposure: 0 the occupation's data, 1 rated structural.
	{name: "structural exposure", radix: 2, down: [][2]int{{0, 1}}},
	// base situations, compared only within themselves
	{name: "occupation", radix: 2},
	{name: "motives", radix: 3},
}

var (
	gridOccupations = []string{"15-1252.00", "13-2011.00"} // moderate; structural when nothing is owned
	gridMotives     = [][]certwise.Motive{
		{certwise.MotiveCapabilityGap, certwise.MotiveRoleTransition},
		{certwise.MotiveCredentialSignal},
		{certwise.MotiveSignalActivity}, // only a reason a certificate cannot serve
	}
	gridAuthority   = []certwise.AuthorityGain{"", certwise.AuthorityNone, certwise.AuthorityKnowledgeOnly, certwise.AuthoritySome, certwise.AuthorityClear}
	gridPositioning = []certwise.Positioning{"", certwise.Defensive, certwise.Offensive}
)

// gridAnswers builds the answers at one point of the grid.
func gridAnswers(d []int) certwise.Answers {
	on := func(i int) bool { return d[i] == 1 }
	a := certwise.Answers{
		Role: certwise.RoleAnswers{Occupation: gridOccupations[d[17]]},
		Position: certwise.Position{OwnsMeasurableOutcomes: on(0), AIEnhancedRole: on(1), ExpandingIntoSystemDesign: on(2),
			TransitioningToHybridRole: on(3), HasTestedAIInRole: on(4)},
		Organization:          certwise.Organization{LeadershipValuesAILiteracy: on(7), PromotionRewardsCredentials: on(8), PoliticsRewardFormalPrograms: on(9)},
		Industry:              certwise.Industry{CredentialSensitive: on(10), CompressingBusinessModel: on(15)},
		ExpectedAuthorityGain: gridAuthority[d[11]],
		Positioning:           gridPositioning[d[12]],
	}
	a.Motives = append(a.Motives, gridMotives[d[18]]...)
	if on(13) {
		a.Motives = append(a.Motives, certwise.MotiveReduceAnxiety)
	}
	if on(14) {
		a.Motives = append(a.Motives, certwise.MotiveFollowHeadlines)
	}
	if on(5) {
		a.CapabilityGap = "evaluating model output"
	}
	switch d[6] {
	case 1:
		a.TargetRole = &certwise.TargetRole{Title: "Solutions architect", Occupation: "15-1299.08"}
	case 2:
		a.Trajectory = certwise.TrajectoryDeepenCurrentRole
	case 3:
		a.TargetRole = &certwise.TargetRole{Title: "asdfgh"}
	}
	if on(16) {
		a.Role.ExposureSelfAssessed = certwise.ExposureStructural
	}
	return a
}

// TestVerdictTiersMonotone walks the full grid and checks issue 13's
// promise: gaining a positive factor never lowers the verdict's tier, and
// adding a negative one never raises it.
func TestVerdictTiersMonotone(t *testing.T) {
	if testing.Short() {
		t.Skip("walks about six million answer sets")
	}
	e := engine()
	size := 1
	for _, g := range grid {
		size *= g.radix
	}
	tiers := make([]int8, size)
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := make([]int, len(grid))
			for i := w; i < size; i += workers {
				digits(i, d)
				a := gridAnswers(d)
				s, err := e.derive(context.Background(), &a)
				if err != nil {
					errs <- err
					return
				}
				tiers[i] = int8(e.decide(s).Verdict.Tier().Rank())
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	d := make([]int, len(grid))
	bad := 0
	for i := range size {
		digits(i, d)
		stride := 1
		for k, g := range grid {
			check := func(moves [][2]int, better bool) {
				for _, m := range moves {
					if d[k] != m[0] {
						continue
					}
					j := i + (m[1]-m[0])*stride
					if better && tiers[j] < tiers[i] || !better && tiers[j] > tiers[i] {
						bad++
						if bad <= 10 {
							t.Errorf("%s %d→%d moves the tier %d→%d at %s", g.name, m[0], m[1], tiers[i], tiers[j], describeGrid(d))
						}
					}
				}
			}
			check(g.up, true)
			check(g.down, false)
			stride *= g.radix
		}
	}
	if bad > 0 {
		t.Errorf("%d moves break monotonicity", bad)
	}
	counts := map[int8]int{}
	for _, x := range tiers {
		counts[x]++
	}
	t.Logf("%d answer sets: %d enroll, %d prepare, %d avoid", size, counts[2], counts[1], counts[0])
	if counts[2] == 0 || counts[1] == 0 || counts[0] == 0 {
		t.Error("the grid does not reach every tier")
	}
}

// digits writes the mixed-radix digits of i into d.
func digits(i int, d []int) {
	for k, g := range grid {
		d[k] = i % g.radix
		i /= g.radix
	}
}

func describeGrid(d []int) string {
	s := ""
	for k, g := range grid {
		if d[k] != 0 {
			s += fmt.Sprintf("%s=%d ", g.name, d[k])
		}
	}
	return s
}
