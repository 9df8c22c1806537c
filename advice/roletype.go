package advice

import (
	"fmt"
	"strings"

	"github.com/certwise/certwise"
	"github.com/certwise/certwise/internal/display"
)

// ownershipClasses are the kinds of work that carry ownership: analysis
// (which holds decision making), system design and relationships.
var ownershipClasses = []certwise.WorkClass{certwise.Analysis, certwise.SystemDesign, certwise.Relationship}

// ownershipShare returns analysis + system design + relationship.
func ownershipShare(m certwise.WorkMix) float64 {
	s := 0.0
	for _, c := range ownershipClasses {
		s += m[c]
	}
	return s
}

// workMix returns the mix the engine used, else the occupation's.
func workMix(in certwise.AdviceInput) certwise.WorkMix {
	if len(in.WorkMix) > 0 {
		return in.WorkMix
	}
	if in.Occupation != nil {
		return in.Occupation.WorkMix
	}
	return nil
}

// ClassifyRole says whether the role is ai_proof (low exposure), ai_enhanced
// (exposed, but the person holds leverage or the work leans to analysis,
// system design and relationships rather than reporting and coordination) or
// compressible (exposed, without leverage, and reporting/coordination-heavy
// or leaning that way), and returns the figures that decided it. The role
// type is unknown when the exposure level is, or when an exposed role has no
// work mix and no leverage.
func ClassifyRole(in certwise.AdviceInput) (certwise.RoleType, string) {
	level := in.Level
	if level == "" {
		level = certwise.ExposureUnknown
	}
	var b strings.Builder
	fmt.Fprintf(&b, "exposure level %s", level)
	if o := in.Occupation; o != nil {
		var figs []string
		if o.GPT4Beta != nil {
			figs = append(figs, fmt.Sprintf("GPT-4 beta %.2f", *o.GPT4Beta))
		}
		if o.ExposurePercentile != nil {
			figs = append(figs, fmt.Sprintf("percentile %.0f", *o.ExposurePercentile))
		}
		if len(figs) > 0 {
			fmt.Fprintf(&b, " (%s %s)", o.Code, strings.Join(figs, ", "))
		}
	}
	switch level {
	case certwise.ExposureUnknown:
		b.WriteString(": the role type needs an occupation or a self-assessed exposure level")
		return certwise.RoleTypeUnknown, b.String()
	case certwise.ExposureLow:
		b.WriteString(": little of the work is exposed to generative AI")
		return certwise.RoleTypeAIProof, b.String()
	}
	mix := workMix(in)
	comp, own := mix.CompressibleShare(), ownershipShare(mix)
	if len(mix) > 0 {
		fmt.Fprintf(&b, "; reporting+coordination %s, analysis+system design+relationship %s of the work", display.Percent(comp), display.Percent(own))
	}
	if in.Leverage {
		b.WriteString("; leverage held (")
		b.WriteString(strings.Join(leverageHeld(in.Answers), ", "))
		b.WriteString(")")
		return certwise.RoleTypeAIEnhanced, b.String()
	}
	b.WriteString("; no leverage held")
	switch {
	case len(mix) == 0:
		b.WriteString("; the work mix is unknown, so the role type is too")
		return certwise.RoleTypeUnknown, b.String()
	case comp >= certwise.CompressibleThreshold:
		fmt.Fprintf(&b, "; reporting and coordination reach the %s line", display.Percent(certwise.CompressibleThreshold))
		return certwise.RoleTypeCompressible, b.String()
	case own >= comp:
		b.WriteString("; the work leans to ownership rather than reporting and coordination")
		return certwise.RoleTypeAIEnhanced, b.String()
	default:
		b.WriteString("; the work leans to reporting and coordination rather than ownership")
		return certwise.RoleTypeCompressible, b.String()
	}
}

// leverageHeld names the position answers that give the person leverage.
func leverageHeld(a *certwise.Answers) []string {
	if a == nil {
		return []string{"as reported by the engine"}
	}
	var held []string
	p := a.Position
	if p.OwnsMeasurableOutcomes {
		held = append(held, "owns measurable outcomes")
	}
	if p.AIEnhancedRole {
		held = append(held, "already in an AI-enhanced role")
	}
	if p.ExpandingIntoSystemDesign {
		held = append(held, "expanding into system design")
	}
	if p.TransitioningToHybridRole {
		held = append(held, "moving into a hybrid role")
	}
	if len(held) == 0 {
		held = append(held, "as reported by the engine")
	}
	return held
}
