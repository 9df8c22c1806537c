package main

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// browserPersona is a person walking the guided assessment: what they type and
// tick on each step, by the form's element ids.
type browserPersona struct {
	name, title      string
	position, org    []string // checkboxes and radios to click
	motives          []string
	gap              string
	target           string // the role they want, "" for none
	authority, stand string // radio ids on the last step
}

var browserPersonas = []browserPersona{
	{
		name: "marketing-manager", title: "marketing manager",
		position:  []string{"#owns_measurable_outcomes", "#has_tested_ai_in_role"},
		org:       []string{"#leadership_values_ai_literacy", "#ai_adoption_phase-productivity_normalization"},
		motives:   []string{"#motives-capability_gap", "#motives-role_transition"},
		gap:       "measuring campaign lift from AI-written ad variants",
		target:    "market research analyst",
		authority: "#expected_authority_gain-some", stand: "#positioning-offensive",
	},
	{
		name: "registered-nurse", title: "registered nurse",
		position:  []string{"#has_tested_ai_in_role"},
		org:       []string{"#ai_adoption_phase-early_adoption", "#credential_sensitive"},
		motives:   []string{"#motives-capability_gap", "#motives-reduce_anxiety"},
		gap:       "checking AI-drafted care notes for errors",
		authority: "#expected_authority_gain-knowledge_only", stand: "#positioning-defensive",
	},
}

// TestBrowserPersonas walks the whole assessment as a marketing manager and
// a registered nurse at desktop and phone widths: a refused empty title
// keeps the other answers, Enter in a title field shows the occupation
// found instead of moving on or submitting, the result opens with its
// summary, the charts' text is 12 px or more and does not overlap, and
// nothing scrolls sideways. Screenshots of every page land in
// testdata/artifacts.
func TestBrowserPersonas(t *testing.T) {
	for _, p := range browserPersonas {
		for _, width := range []int{1280, 390} {
			t.Run(fmt.Sprintf("%s-%d", p.name, width), func(t *testing.T) {
				walkAssessment(t, p, width)
			})
		}
	}
}

func walkAssessment(t *testing.T, p browserPersona, width int) {
	ts := testWebApp(t)
	height := 900
	ctx := browserContext(t, width, height)
	if width < 500 {
		steps(t, ctx, "phone viewport", chromedp.EmulateViewport(int64(width), 844, chromedp.EmulateMobile))
	}
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	shot := func(page string) {
		screenshot(t, ctx, fmt.Sprintf("%s-%d-%s.png", p.name, width, page))
		noSidewaysScroll(t, ctx, page)
	}
	next := css(nextButton)

	// Step 1: continuing without a title is refused beside the field, and
	// the answer already given stays picked.
	steps(t, ctx, "open step 1",
		chromedp.Navigate(ts.URL+"/assess"),
		chromedp.WaitVisible(css(`#title`)),
		chromedp.Click(css(`#exposure_self_assessed-high`)),
		chromedp.Click(next),
		chromedp.WaitVisible(css(`.error-msg`)),
	)
	if msg := text(t, ctx, `.inline ~ .error-msg`); !strings.Contains(msg, "job title") {
		t.Errorf("the empty title's message is %q", msg)
	}
	if !checked(t, ctx, `#exposure_self_assessed-high`) {
		t.Error("the refused step lost the exposure rating")
	}
	shot("step1-error")
	// Enter in the title shows the occupation certwise will use, with its
	// exposure, before anything moves on.
	steps(t, ctx, "title",
		chromedp.Click(css(`#exposure_self_assessed-none`)),
		chromedp.SendKeys(css(`#title`), p.title+kb.Enter),
		chromedp.WaitVisible(css(`#occupation-pick`)),
	)
	if pick := text(t, ctx, `#occupation-pick`); !strings.Contains(pick, "exposure to AI is") {
		t.Errorf("step 1 says %q, want the occupation and its exposure", pick)
	}
	if !checked(t, ctx, `#occupation-0`) {
		t.Error("the best match is not picked")
	}
	shot("step1")

	steps(t, ctx, "step 2", chromedp.Click(next), chromedp.WaitVisible(css(`#owns_measurable_outcomes`)))
	for _, id := range p.position {
		steps(t, ctx, id, chromedp.Click(css(id)))
	}
	shot("step2")
	steps(t, ctx, "step 3", chromedp.Click(next), chromedp.WaitVisible(css(`#ai_adoption_phase`)))
	for _, id := range p.org {
		steps(t, ctx, id, chromedp.Click(css(id)))
	}
	shot("step3")
	steps(t, ctx, "step 4", chromedp.Click(next), chromedp.WaitVisible(css(`#capability_gap`)))
	for _, id := range p.motives {
		steps(t, ctx, id, chromedp.Click(css(id)))
	}
	steps(t, ctx, "gap", chromedp.SendKeys(css(`#capability_gap`), p.gap))
	shot("step4")
	steps(t, ctx, "step 5", chromedp.Click(next), chromedp.WaitVisible(css(`#target_title`)))
	steps(t, ctx, "last answers", chromedp.Click(css(p.authority)), chromedp.Click(css(p.stand)))
	if p.target != "" {
		// Enter in the target-role field shows its occupations; it does
		// not submit the assessment.
		steps(t, ctx, "target role",
			chromedp.Click(css(`#trajectory-move_to_target`)),
			chromedp.SendKeys(css(`#target_title`), p.target+kb.Enter),
			chromedp.WaitVisible(css(`#target_occupation-pick`)),
		)
		if !checked(t, ctx, p.authority) || !checked(t, ctx, p.stand) {
			t.Error("showing the target role's occupations lost the answers")
		}
	}
	shot("step5")

	steps(t, ctx, "result", chromedp.Click(next), chromedp.WaitVisible(css(`#verdict-title`)))
	shot("result")
	order, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`[
		document.querySelector("#summary").getBoundingClientRect().top,
		document.querySelector("#summary-exposure").getBoundingClientRect().top,
		document.querySelector("#how-decided").getBoundingClientRect().top,
		document.querySelector("#how-decided").open ? 1 : 0]`))
	if err != nil {
		t.Fatal(err)
	}
	if order[0] > order[2] || order[1] > order[2] || order[3] != 0 {
		t.Errorf("summary at %v, exposure at %v, how it was decided at %v (open %v): want the summary first and the rest folded",
			order[0], order[1], order[2], order[3])
	}
	if order[1] > float64(height) && width > 500 {
		t.Errorf("the exposure sentence starts at %.0f px, below the first screen", order[1])
	}
	if s := text(t, ctx, `#summary-exposure`); !strings.Contains(s, "%") {
		t.Errorf("the exposure sentence %q has no figure", s)
	}
	summary := text(t, ctx, `#summary`)
	for _, bad := range []string{"all(", "any(", "β", "_"} {
		if strings.Contains(summary, bad) {
			t.Errorf("the summary shows %q: %s", bad, summary)
		}
	}
	checkCharts(t, ctx)
	steps(t, ctx, "how it was decided", chromedp.Click(css(`#how-decided > summary`)))
	shot("result-how")
}

// checked reports whether the input sel selects is checked.
func checked(t *testing.T, ctx context.Context, sel string) bool {
	t.Helper()
	on, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`document.querySelector(%q).checked`, sel)))
	if err != nil {
		t.Fatalf("checked %s: %v", sel, err)
	}
	return on
}

// noSidewaysScroll fails the test when the page is wider than the window.
func noSidewaysScroll(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
	if err != nil {
		t.Fatal(err)
	}
	if overflow {
		t.Errorf("%s scrolls sideways", page)
	}
}

// chartCheck measures every chart on the page as drawn: the size of each
// text in CSS pixels, and any text whose box overlaps another text, a bar
// or a line of the same chart.
const chartCheck = `(() => {
  const problems = [];
  const boxes = el => {
    const r = el.getBoundingClientRect(), w = el.tagName === "line" ? 1.5 : 0; // a line's box leaves out its stroke
    return {l: r.left - w, r: r.right + w, t: r.top, b: r.bottom};
  };
  const overlap = (a, b) => Math.min(a.r, b.r) - Math.max(a.l, b.l) > 0.5 && Math.min(a.b, b.b) - Math.max(a.t, b.t) > 0.5;
  document.querySelectorAll("svg.chart").forEach((svg, n) => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll("text")];
    texts.forEach(t => {
      const px = parseFloat(t.getAttribute("font-size")) * scale;
      if (px < 12) problems.push("chart " + n + ": '" + t.textContent + "' is " + px.toFixed(1) + " px");
    });
    const shapes = [...svg.querySelectorAll("rect, line")];
    texts.forEach((a, i) => {
      const ba = boxes(a);
      texts.slice(i + 1).forEach(b => { if (overlap(ba, boxes(b))) problems.push("chart " + n + ": '" + a.textContent + "' overlaps '" + b.textContent + "'"); });
      shapes.forEach(s => { if (overlap(ba, boxes(s))) problems.push("chart " + n + ": '" + a.textContent + "' overlaps a " + s.tagName); });
    });
  });
  return problems;
})()`

// checkCharts fails the test for chart text under 12 px or overlapping.
func checkCharts(t *testing.T, ctx context.Context) {
	t.Helper()
	problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](chartCheck))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}
