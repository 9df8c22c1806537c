package rules

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/certwise/certwise"
)

// fakeFitter judges any certification; it requires "CISA" for ids that
// start with "needs-cisa".
type fakeFitter struct {
	mu    sync.Mutex
	calls int
	last  certwise.FitRequest
	err   error
}

func (f *fakeFitter) Fit(_ context.Context, req certwise.FitRequest) (*certwise.CertificationFit, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	f.last = req
	if f.err != nil {
		return nil, f.err
	}
	fit := &certwise.CertificationFit{ID: req.Certification.ID, Name: "Cert " + req.Certification.ID, Judgement: certwise.FitGood,
		Prerequisites: certwise.FitPrerequisites{Met: true, Missing: []string{}}}
	if strings.HasPrefix(req.Certification.ID, "needs-cisa") && !slices.Contains(req.Held, "CISA") {
		fit.Judgement, fit.Prerequisites = certwise.FitPrerequisiteMissing, certwise.FitPrerequisites{Missing: []string{"An active CISA"}}
	}
	return fit, nil
}

func TestCertificationFitCapsEnrollVerdicts(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(a *certwise.Answers)
		verdict  certwise.VerdictID
		rule     string
		concern  bool // prerequisite_missing is listed
		fitCalls int
	}{
		{"no certification named", func(a *certwise.Answers) {}, certwise.VerdictPursue, "all-conditions", false, 0},
		{"a certification the person can sit", func(a *certwise.Answers) {
			a.Certification = &certwise.CertificationChoice{ID: "plain"}
		}, certwise.VerdictPursue, "all-conditions", false, 1},
		{"a prerequisite missing caps pursue at clarify_first", func(a *certwise.Answers) {
			a.Certification = &certwise.CertificationChoice{ID: "needs-cisa"}
		}, certwise.VerdictClarifyFirst, RulePrerequisiteMissing, true, 1},
		{"the prerequisite held lets pursue stand", func(a *certwise.Answers) {
			a.Certification = &certwise.CertificationChoice{ID: "needs-cisa"}
			a.HeldCertifications = []string{"CISA"}
		}, certwise.VerdictPursue, "all-conditions", false, 1},
		{"pursue_for_signal is capped too", func(a *certwise.Answers) {
			a.Certification = &certwise.CertificationChoice{ID: "needs-cisa"}
			a.Position = certwise.Position{HasTestedAIInRole: true}
			a.TargetRole = nil
			a.Motives = []certwise.Motive{certwise.MotiveCredentialSignal}
			a.Organization.PromotionRewardsCredentials = true
		}, certwise.VerdictClarifyFirst, RulePrerequisiteMissing, true, 1},
		{"a prepare verdict keeps its rule and lists the concern", func(a *certwise.Answers) {
			a.Certification = &certwise.CertificationChoice{ID: "needs-cisa"}
			a.Position.HasTestedAIInRole = false
		}, "", "", true, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fitter, rec := &fakeFitter{}, &fakeCatalog{anyID: true}
			e := New(nil, Deps{Data: newFakeData(), Titles: fakeTitles{}, Catalog: rec, Fitter: fitter})
			ev := evaluateEdited(t, e, tt.edit)
			if tt.verdict != "" && (ev.Verdict != tt.verdict || ev.Rule != tt.rule) {
				t.Errorf("verdict %s by %s, want %s by %s", ev.Verdict, ev.Rule, tt.verdict, tt.rule)
			}
			if tt.verdict == "" && (ev.Verdict.Tier() == certwise.TierEnroll || ev.Rule == RulePrerequisiteMissing) {
				t.Errorf("verdict %s by %s, want the rulebook's prepare verdict", ev.Verdict, ev.Rule)
			}
			if ev.Concerns == nil {
				t.Error("concerns is nil; want a list")
			}
			has := slices.ContainsFunc(ev.Concerns, func(c certwise.Concern) bool {
				return c.ID == certwise.ConcernPrerequisiteMissing && strings.Contains(c.Evidence, "An active CISA")
			})
			if has != tt.concern {
				t.Errorf("concerns %+v, want prerequisite_missing: %v", ev.Concerns, tt.concern)
			}
			if fitter.calls != tt.fitCalls || (tt.fitCalls > 0) != (ev.CertificationFit != nil) {
				t.Errorf("fitter called %d times, fit %v; want %d calls", fitter.calls, ev.CertificationFit, tt.fitCalls)
			}
			if ev.Rule == RulePrerequisiteMissing {
				if len(ev.Recommendations) != 0 || rec.calls != 0 {
					t.Errorf("a capped verdict ranked certifications: %+v", ev.Recommendations)
				}
				if ev.Headline != e.book.Headlines[certwise.VerdictClarifyFirst] || ev.Reasons[0].Rule != RulePrerequisiteMissing || !strings.Contains(ev.Reasons[0].Evidence, "would say pursue") {
					t.Errorf("headline %q, first reason %+v", ev.Headline, ev.Reasons[0])
				}
				if len(ev.NextSteps) == 0 || !strings.Contains(ev.NextSteps[0].Action, "An active CISA") {
					t.Errorf("the first next step does not name the prerequisite: %+v", ev.NextSteps)
				}
			}
		})
	}
}

// TestCertificationFitRequest checks what the engine tells the fitter and
// the recommender: the held certifications, the resolved target, the job
// zone.
func TestCertificationFitRequest(t *testing.T) {
	fitter, rec := &fakeFitter{}, &fakeCatalog{anyID: true}
	e := New(nil, Deps{Data: newFakeData(), Titles: fakeTitles{}, Catalog: rec, Fitter: fitter})
	ev := evaluateEdited(t, e, func(a *certwise.Answers) {
		a.Certification = &certwise.CertificationChoice{Name: "Some Course"}
		a.HeldCertifications = []string{"PMP", "CISA"}
		a.TargetRole = &certwise.TargetRole{Title: "Software architect", Occupation: "15-1299.08"}
	})
	req := fitter.last
	if req.Certification.Name != "Some Course" || strings.Join(req.Held, "|") != "PMP|CISA" || req.RoleCode != "15-1252.00" ||
		req.TargetCode != "15-1299.08" || req.TargetTitle != "Computer Systems Engineers/Architects" || req.Gap == "" {
		t.Errorf("fit request %+v", req)
	}
	if strings.Join(rec.last.Held, "|") != "PMP|CISA" || rec.last.TargetCode != "15-1299.08" {
		t.Errorf("recommend request %+v", rec.last)
	}
	if ev.CertificationFit == nil {
		t.Fatal("no certification_fit")
	}

	fitter.err = certwise.Errorf(certwise.EINVALID, "certification", "broken")
	ev = evaluateEdited(t, e, func(a *certwise.Answers) { a.Certification = &certwise.CertificationChoice{ID: "x"} })
	if ev.CertificationFit != nil || !strings.Contains(dump(ev.Reasons), "could not be judged") {
		t.Errorf("a failing fitter: fit %v, reasons %s", ev.CertificationFit, dump(ev.Reasons))
	}
}
