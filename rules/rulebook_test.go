package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/certwise/certwise"
)

func TestDefaultRulebook(t *testing.T) {
	b, err := Parse(defaultRulebook)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		id      string
		verdict certwise.VerdictID
	}{
		{"no-valid-motive", certwise.VerdictAvoid},
		{"all-conditions", certwise.VerdictPursue},
		{"signaling-environment", certwise.VerdictPursueForSignal},
		{"nothing-answered", certwise.VerdictClarifyFirst},
		{"structural-exposure", certwise.VerdictReassessPosition},
		{"untested-in-role", certwise.VerdictApplyFirst},
		{"exposure-unknown", certwise.VerdictClarifyFirst},
		{"mixed-motives", certwise.VerdictClarifyFirst},
		{"compressible-role", certwise.VerdictRedesignRoleFirst},
		{"no-leverage", certwise.VerdictApplyFirst},
		{"conditions-unmet", certwise.VerdictClarifyFirst},
	}
	if len(b.Rules) != len(want) {
		t.Fatalf("%d rules, want %d", len(b.Rules), len(want))
	}
	for i, w := range want {
		if r := b.Rules[i]; r.ID != w.id || r.Verdict != w.verdict {
			t.Errorf("rule %d = %s → %s, want %s → %s", i+1, r.ID, r.Verdict, w.id, w.verdict)
		}
	}
	// Every verdict is reachable by some rule.
	for _, v := range certwise.Verdicts {
		found := false
		for _, r := range b.Rules {
			found = found || r.Verdict == v
		}
		if !found {
			t.Errorf("no rule gives %s", v)
		}
	}
	if got := b.Rules[4].Condition.String(); got != "all(position_threatened, not defined_transition)" {
		t.Errorf("rule 5 condition = %s", got)
	}
	var ids []string
	for _, c := range b.Concerns {
		ids = append(ids, c.ID)
	}
	for _, id := range []string{"structural_exposure", "compressing_industry", "media_panic", "untested_in_role", "invalid_motives",
		"exposure_unknown", "no_leverage", "weak_authority", "defensive_positioning", "unresolved_target"} {
		if !slices.Contains(ids, id) {
			t.Errorf("no concern %s (have %v)", id, ids)
		}
	}
}

func TestParseErrors(t *testing.T) {
	head := "sections: [{id: s, title: S}]\nverdicts: {pursue: a, pursue_for_signal: a, apply_first: a, clarify_first: a, redesign_role_first: a, reassess_position: a, avoid: a}\n"
	last := "  - {id: last, section: s, condition: always, verdict: avoid, explanation: e}\n"
	tests := []struct{ name, doc, want string }{
		{"unknown fact", head + "rules:\n  - {id: a, section: s, condition: {not: happy}, verdict: avoid, explanation: e}\n" + last, `unknown fact "happy"`},
		{"duplicate id", head + "rules:\n" + last + last, "duplicate rule id"},
		{"unknown verdict", head + "rules:\n  - {id: a, section: s, condition: panic, verdict: maybe, explanation: e}\n" + last, `unknown verdict "maybe"`},
		{"unknown verdict headline", head[:len(head)-2] + ", perhaps: x}\nrules:\n" + last, `unknown verdict "perhaps"`},
		{"missing headline", "sections: [{id: s, title: S}]\nverdicts: {pursue: a}\nrules:\n" + last, "has no headline"},
		{"unknown section", head + "rules:\n  - {id: a, section: nope, condition: panic, verdict: avoid, explanation: e}\n" + last, `unknown section "nope"`},
		{"unknown operator", head + "rules:\n  - {id: a, section: s, condition: {either: [panic]}, verdict: avoid, explanation: e}\n" + last, `unknown operator "either"`},
		{"empty all", head + "rules:\n  - {id: a, section: s, condition: {all: []}, verdict: avoid, explanation: e}\n" + last, "non-empty list"},
		{"two operators", head + "rules:\n  - {id: a, section: s, condition: {all: [panic], any: [panic]}, verdict: avoid, explanation: e}\n" + last, "exactly one"},
		{"no explanation", head + "rules:\n  - {id: a, section: s, condition: panic, verdict: avoid}\n" + last, "explanation is required"},
		{"no condition", head + "rules:\n  - {id: a, section: s, verdict: avoid, explanation: e}\n" + last, "condition is required"},
		{"unknown key", head + "rules:\n  - {id: a, section: s, condition: panic, verdict: avoid, explanation: e, weight: 2}\n" + last, "weight"},
		{"no catch-all", head + "rules:\n  - {id: a, section: s, condition: {any: [always, panic]}, verdict: avoid, explanation: e}\n  - {id: b, section: s, condition: {all: [always, panic]}, verdict: avoid, explanation: e}\n", "must hold for any answers"},
		{"no rules", head + "rules: []\n", "no rules"},
		{"tiers out of order", head + "rules:\n  - {id: a, section: s, condition: panic, verdict: pursue, explanation: e}\n  - {id: b, section: s, condition: panic, verdict: avoid, explanation: e}\n" + last, "order the rules avoid, enroll, prepare"},
		{"catch-all avoids", head + "rules:\n" + last, "must give a prepare verdict"},
		{"concern without text", head + "rules:\n  - {id: c, section: s, condition: always, verdict: clarify_first, explanation: e}\nconcerns:\n  - {id: x, section: s, condition: panic}\n", "text is required"},
		{"concern twice", head + "rules:\n  - {id: c, section: s, condition: always, verdict: clarify_first, explanation: e}\nconcerns:\n  - {id: x, section: s, condition: panic, text: t}\n  - {id: x, section: s, condition: panic, text: t}\n", "used twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.doc))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to say %q", err, tt.want)
			}
		})
	}
}
