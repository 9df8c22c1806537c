package rules

import (
	"context"
	"fmt"
	"maps"
	"strings"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/answers"
)

// Deps are the engine's optional collaborators. Any may be nil: the part of
// the evaluation it would supply is then absent, and the evaluation says so
// in its reasons instead of guessing.
type Deps struct {
	Data    certwise.ExposureData // occupation and activity figures
	Titles  certwise.TitleMatcher // job title → occupation
	Advisor certwise.Advisor      // role type and data-backed next steps
	// Catalog ranks certifications and looks up the one an answer names
	// by id (catalog.Catalog implements it).
	Catalog certwise.Catalog
	// Fitter judges the certification an answer names (certification_fit;
	// catalog.Catalog implements it).
	Fitter certwise.CertificationFitter
}

// Engine evaluates answers against a rulebook. It is safe for concurrent use.
type Engine struct {
	book *Rulebook
	deps Deps
}

var _ certwise.Evaluator = (*Engine)(nil)

// New returns an engine for book (Default() when nil) and deps.
func New(book *Rulebook, deps Deps) *Engine {
	if book == nil {
		book = Default()
	}
	return &Engine{book: book, deps: deps}
}

// Rulebook returns the engine's rulebook.
func (e *Engine) Rulebook() *Rulebook { return e.book }

// Evaluate validates the answers, derives the facts, runs the rulebook and
// assembles the full evaluation. Invalid answers give an EINVALID
// *certwise.Error naming the field; the caller's answers are not modified.
func (e *Engine) Evaluate(ctx context.Context, in certwise.Answers) (*certwise.Evaluation, error) {
	a := clone(in)
	if err := answers.Validate(&a); err != nil {
		return nil, err
	}
	s, err := e.derive(ctx, &a)
	if err != nil {
		return nil, err
	}
	rule := e.decide(s)
	if rule == nil { // Parse guarantees a catch-all last rule
		return nil, fmt.Errorf("rulebook: no rule matched")
	}

	ev := &certwise.Evaluation{
		Verdict:         rule.Verdict,
		Rule:            rule.ID,
		Headline:        e.book.Headlines[rule.Verdict],
		Concerns:        e.concerns(s),
		Trajectory:      s.traj,
		Conditions:      s.conditions(),
		Exposure:        s.exposure(),
		Recommendations: []certwise.Recommendation{},
	}
	ev.Reasons = e.reasons(s, rule)
	if err := e.judgeCertification(ctx, s, ev); err != nil { // may cap the verdict (rules/certfit.go)
		return nil, err
	}
	ev.Questions = s.qs
	ev.Alternatives = s.alternatives(ev.Verdict)
	ev.References = e.references(s, rule)

	if ev.Verdict.Tier() == certwise.TierEnroll {
		if err := e.recommend(ctx, s, ev); err != nil {
			return nil, err
		}
	}
	if err := e.advise(ctx, s, ev); err != nil {
		return nil, err
	}
	prerequisiteStep(ev)
	return ev, nil
}

// decide returns the first rule whose condition holds. Parse keeps the
// rules in tier order (avoid, enroll, prepare), so this is also "avoid if an
// avoid rule holds, else enroll if an enroll rule does, else prepare".
func (e *Engine) decide(s *situation) *Rule {
	for i := range e.book.Rules {
		if e.book.Rules[i].Condition.holds(s.facts) {
			return &e.book.Rules[i]
		}
	}
	return nil
}

// clone copies the maps and slices Validate normalizes, so that evaluating
// never changes the caller's answers.
func clone(a certwise.Answers) certwise.Answers {
	a.Role.WorkMix = maps.Clone(a.Role.WorkMix)
	a.Role.ActivityShares = maps.Clone(a.Role.ActivityShares)
	a.Motives = append([]certwise.Motive(nil), a.Motives...)
	if a.TargetRole != nil {
		t := *a.TargetRole
		a.TargetRole = &t
	}
	a.HeldCertifications = append([]string(nil), a.HeldCertifications...)
	if a.Certification != nil {
		c := *a.Certification
		c.Skills = append([]string(nil), c.Skills...)
		a.Certification = &c
	}
	return a
}

// concerns lists every concern of the rulebook that holds, whichever rule
// decided, each with the evidence of the facts it rests on.
func (e *Engine) concerns(s *situation) []certwise.Concern {
	out := []certwise.Concern{}
	for _, c := range e.book.Concerns {
		if !c.Condition.holds(s.facts) {
			continue
		}
		var ev []string
		for _, f := range c.facts {
			if f == FactNothingAnswered && c.ID != "unanswered" {
				continue // a guard, not what the concern is about
			}
			ev = append(ev, s.evidence(f))
		}
		out = append(out, certwise.Concern{ID: c.ID, Text: c.Text, Evidence: strings.Join(ev, "; ")})
	}
	return out
}

func (e *Engine) reasons(s *situation, rule *Rule) []certwise.Reason {
	facts := rule.facts
	rs := make([]certwise.Reason, 0, len(e.book.Rules)+len(facts)+len(s.notes)+1)
	rs = append(rs, certwise.Reason{Rule: rule.ID, Holds: holdsPtr(true), Evidence: rule.Explanation})
	if rule.ID == e.book.Rules[len(e.book.Rules)-1].ID {
		// The catch-all: the evidence is which of the four conditions fail.
		facts = []Fact{FactExposureUnderstood, FactLeveragePossible, FactTimingAppropriate, FactTrajectoryDefined}
	}
	for _, f := range facts {
		if f == FactAlways {
			continue
		}
		holds := s.facts.has(f)
		rs = append(rs, certwise.Reason{Fact: f.String(), Holds: holdsPtr(holds), Evidence: holdsWord(holds) + s.evidence(f)})
	}
	// The rules checked before the one that decided, and why each did not apply.
	for i := range e.book.Rules {
		r := &e.book.Rules[i]
		if r == rule {
			break
		}
		rs = append(rs, certwise.Reason{Rule: r.ID, Holds: holdsPtr(false), Evidence: r.passedText(s.facts)})
	}
	if s.dataLevel != "" && s.levelSrc == "self_assessed" && s.dataLevel != s.level {
		rs = append(rs, certwise.Reason{Fact: "exposure_disagreement", Evidence: disagreement(s)})
	}
	return append(rs, s.notes...)
}

// holdsWord leads a fact's evidence, so that the text reads on its own.
func holdsWord(b bool) string {
	if b {
		return "yes, "
	}
	return "no, "
}

var yesVal, noVal = true, false

// holdsPtr points to a shared true or false: Reason.Holds without an
// allocation per reason. Callers must not write through it.
func holdsPtr(b bool) *bool {
	if b {
		return &yesVal
	}
	return &noVal
}

func disagreement(s *situation) string {
	return "you rated your exposure " + string(s.level) + "; the data for " + s.code + " " + s.title +
		" puts it at " + string(s.dataLevel) + ". The verdict uses your rating; weigh whether the data or your view of your own tasks is closer."
}

func (s *situation) exposure() certwise.ExposureSummary {
	x := certwise.ExposureSummary{
		Level:           s.level,
		Source:          s.levelSrc,
		SelfAssessed:    s.a.Role.ExposureSelfAssessed,
		DataLevel:       s.dataLevel,
		WorkMix:         s.mix,
		WorkMixSource:   s.mixSrc,
		Structural:      s.facts.has(FactStructural),
		OccupationCode:  s.code,
		OccupationTitle: s.title,
		TitleMatch:      s.match,
	}
	// The evaluation gets its own copies of the data's figures, so that a
	// caller changing it cannot change the shared model.
	if s.mixSrc == "occupation" {
		x.WorkMix = maps.Clone(s.mix)
	}
	if x.WorkMix == nil {
		x.WorkMix = certwise.WorkMix{}
	}
	if s.dataLevel != "" && x.SelfAssessed != "" && x.SelfAssessed != certwise.ExposureUnknown && x.SelfAssessed != s.dataLevel {
		x.Disagreement = disagreement(s)
	}
	if s.occ != nil {
		if p := s.occ.ExposurePercentile; p != nil {
			v := *p
			x.Percentile = &v
		}
	}
	if s.hasMix {
		c := s.compShare
		x.CompressibleShare = &c
	}
	return x
}

// recommend fills the recommendations from the catalog.
func (e *Engine) recommend(ctx context.Context, s *situation, ev *certwise.Evaluation) error {
	if e.deps.Catalog == nil {
		ev.Reasons = append(ev.Reasons, certwise.Reason{Fact: "recommendations", Evidence: "no certification catalog is connected, so no specific certification is ranked"})
		return nil
	}
	req := certwise.RecommendRequest{Gap: s.a.CapabilityGap, RoleCode: s.code, Top: 3, Held: s.a.HeldCertifications}
	if c := s.a.Certification; c != nil {
		req.Skills = c.Skills
	}
	req.TargetCode, _ = e.target(s)
	recs, err := e.deps.Catalog.Recommend(ctx, req)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		ev.Reasons = append(ev.Reasons, certwise.Reason{Fact: "recommendations", Evidence: "the catalog could not rank certifications: " + certwise.ErrorMessage(err)})
		return nil
	}
	if recs != nil {
		ev.Recommendations = recs
	}
	return nil
}

// advise fills the role type and the next steps from the Advisor, their one
// owner. Without an advisor, or when it fails, the evaluation has neither:
// the role type is unknown and the reasons say why.
func (e *Engine) advise(ctx context.Context, s *situation, ev *certwise.Evaluation) error {
	ev.Exposure.RoleType = certwise.RoleTypeUnknown
	if e.deps.Advisor == nil {
		ev.Exposure.RoleTypeBasis = "no advice module is connected"
		ev.Reasons = append(ev.Reasons, certwise.Reason{Fact: "next_steps", Evidence: "no advice module is connected, so the role type and the next steps are not given"})
		return nil
	}
	var open []certwise.Question
	for _, q := range ev.Questions {
		if q.Status != statusClear {
			open = append(open, q)
		}
	}
	adv, err := e.deps.Advisor.Advise(ctx, certwise.AdviceInput{
		Verdict:         ev.Verdict,
		Answers:         s.a,
		Occupation:      s.occ,
		WorkMix:         s.mix,
		Level:           s.level,
		Leverage:        s.facts.has(FactLeverage),
		Recommendations: ev.Recommendations,
		OpenConditions:  s.openConditions(),
		OpenQuestions:   open,
	})
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		ev.Exposure.RoleTypeBasis = "the advice module failed"
		ev.Reasons = append(ev.Reasons, certwise.Reason{Fact: "next_steps", Evidence: "the role type and the next steps are unavailable (" + certwise.ErrorMessage(err) + ")"})
		return nil
	}
	if adv.RoleType != "" {
		ev.Exposure.RoleType, ev.Exposure.RoleTypeBasis = adv.RoleType, adv.RoleTypeBasis
	}
	ev.NextSteps = adv.NextSteps
	return nil
}

func (e *Engine) references(s *situation, rule *Rule) []certwise.Reference {
	var buf [8]string
	ids := append(buf[:0], rule.Section)
	add := func(id string) {
		for _, x := range ids {
			if x == id {
				return
			}
		}
		ids = append(ids, id)
	}
	if !s.facts.has(FactExposureUnderstood) || s.facts.has(FactStructural) {
		add("exposure")
	}
	switch rule.Verdict {
	case certwise.VerdictApplyFirst, certwise.VerdictRedesignRoleFirst:
		add("experience")
	case certwise.VerdictPursueForSignal:
		add("signaling")
	case certwise.VerdictReassessPosition:
		add("replaceability")
	}
	add("questions")
	add("conclusion")
	refs := make([]certwise.Reference, 0, 8)
	for _, id := range ids {
		sec, ok := e.book.Section(id)
		if !ok {
			continue
		}
		if len(sec.Topics) == 0 {
			refs = append(refs, certwise.Reference{Section: sec.Title, Topic: sec.Title, Note: sec.Note})
			continue
		}
		for _, t := range sec.Topics {
			refs = append(refs, certwise.Reference{Section: sec.Title, Topic: t, Note: sec.Note})
		}
	}
	return refs
}
