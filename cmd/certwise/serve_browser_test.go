package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/certwise/certwise/internal/slowtest"
)

// artifactDir holds the browser tests' screenshots (gitignored).
const artifactDir = "testdata/artifacts"

// chromium returns the headless Chromium to drive: $CERTWISE_CHROMIUM, else
// /usr/bin/chromium. The browser tests are long tests: they run with
// CERTWISE_SLOW=1 (as in .ci/run), and skip when Chromium is absent, except
// under CI.
func chromium(t *testing.T) string {
	t.Helper()
	slowtest.Require(t)
	bin := os.Getenv("CERTWISE_CHROMIUM")
	if bin == "" {
		bin = "/usr/bin/chromium"
	}
	if _, err := os.Stat(bin); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("Chromium not found at %s (set CERTWISE_CHROMIUM); CI must run the browser tests", bin)
		}
		t.Skipf("Chromium not found at %s; set CERTWISE_CHROMIUM to run the browser tests", bin)
	}
	return bin
}

// browserContext starts a fresh headless Chromium with its own profile.
func browserContext(t *testing.T, width, height int) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	return ctx
}

// screenshot saves the whole page as a PNG test artifact.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.MkdirAll(artifactDir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(artifactDir, name)
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// steps runs browser actions in order and fails the test on the first error.
func steps(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// text returns the text of the element sel selects.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

// next presses the step form's visible Continue button.
const nextButton = `.actions button[value="next"]`

// TestBrowserAssessment completes an assessment through the forms in
// headless Chromium, checks the verdict page, saves it, opens the share
// link and deletes it with the token.
func TestBrowserAssessment(t *testing.T) {
	ts := testWebApp(t)
	ctx := browserContext(t, 1200, 900)
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	next := css(nextButton)
	steps(t, ctx, "start",
		chromedp.Navigate(ts.URL+"/"),
		chromedp.Click(css(`a.button.primary`)),
		chromedp.WaitVisible(css(`#title`)),
		// Enter in the title field presses the form's first button, "Find
		// occupations": the keyboard alone gets the suggestions.
		chromedp.SendKeys(css(`#title`), "software engineer"+kb.Enter),
		chromedp.WaitVisible(css(`#occupation-0`)),
	)
	screenshot(t, ctx, "step-role.png")
	steps(t, ctx, "role, position, organization, motives",
		chromedp.Click(css(`#occupation-0`)),
		chromedp.Click(next),
		chromedp.WaitVisible(css(`#owns_measurable_outcomes`)),
		chromedp.Click(css(`#owns_measurable_outcomes`)),
		chromedp.Click(css(`#ai_enhanced_role`)),
		chromedp.Click(css(`#expanding_into_system_design`)),
		chromedp.Click(css(`#has_tested_ai_in_role`)),
		chromedp.Click(next),
		chromedp.WaitVisible(css(`#ai_adoption_phase`)),
		chromedp.Click(css(`#leadership_values_ai_literacy`)),
		chromedp.Click(css(`#ai_adoption_phase-productivity_normalization`)),
		chromedp.Click(css(`#shifting_to_ai`)),
		chromedp.Click(next),
		chromedp.WaitVisible(css(`#capability_gap`)),
		chromedp.Click(css(`#motives-capability_gap`)),
		chromedp.Click(css(`#motives-role_transition`)),
		chromedp.SendKeys(css(`#capability_gap`), "designing machine learning systems on a cloud platform"),
		chromedp.Click(next),
		chromedp.WaitVisible(css(`#target_title`)),
		chromedp.SendKeys(css(`#target_title`), "machine learning engineer"),
		chromedp.Click(css(`#expected_authority_gain-clear`)),
		chromedp.Click(css(`#positioning-offensive`)),
	)
	screenshot(t, ctx, "step-target.png")
	// The first press shows the occupations found for the target role.
	steps(t, ctx, "confirm the target", chromedp.Click(next), chromedp.WaitVisible(css(`#target_occupation-pick`)))
	steps(t, ctx, "result", chromedp.Click(next), chromedp.WaitVisible(css(`#verdict-title`)))
	verdict, headline := text(t, ctx, `#verdict-title`), text(t, ctx, `.headline`)
	if verdict != "Pursue it" || headline == "" {
		t.Fatalf("verdict %q, headline %q; want Pursue it", verdict, headline)
	}
	screenshot(t, ctx, "result.png")

	steps(t, ctx, "save", chromedp.Click(css(`form[action="/a"] button`)), chromedp.WaitVisible(css(`#share-link`)))
	share, token := text(t, ctx, `#share-link`), text(t, ctx, `#delete-token`)
	if !strings.Contains(share, "/a/") || len(token) < 40 {
		t.Fatalf("share link %q, token %q", share, token)
	}
	screenshot(t, ctx, "saved.png")

	if strings.HasPrefix(share, "/") { // no --public-url: the link is relative
		share = ts.URL + share
	}
	steps(t, ctx, "open the share link", chromedp.Navigate(share), chromedp.WaitVisible(css(`#verdict-title`)))
	if got := text(t, ctx, `#verdict-title`); got != verdict {
		t.Errorf("the share link shows %q, want %q", got, verdict)
	}

	// Printed, the page keeps the verdict and drops navigation and buttons.
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	printed, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[
		getComputedStyle(document.querySelector("header.site nav")).display,
		getComputedStyle(document.querySelector("section.actions")).display,
		getComputedStyle(document.querySelector("#verdict-title")).display]`))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(printed, ",") != "none,none,block" {
		t.Errorf("print styles (nav, actions, verdict) = %v, want none, none, block", printed)
	}
	screenshot(t, ctx, "print.png")
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""}); err != nil {
		t.Fatal(err)
	}
	steps(t, ctx, "delete",
		chromedp.Click(css(`a.button.danger`)),
		chromedp.WaitVisible(css(`#delete_token`)),
		chromedp.SendKeys(css(`#delete_token`), token),
		chromedp.Click(css(`button.danger`)),
		chromedp.WaitVisible(css(`main [role="status"]`)),
	)
	if got := text(t, ctx, `main h1`); got != "Assessment deleted" {
		t.Errorf("after delete: %q", got)
	}
	steps(t, ctx, "reopen", chromedp.Navigate(share), chromedp.WaitVisible(css(`main h1`)))
	if got := text(t, ctx, `main h1`); got != "Not Found" {
		t.Errorf("the deleted share link shows %q, want Not Found", got)
	}
}

// TestBrowserPhone renders pages at a phone's width, saves screenshots and
// checks that nothing makes the page scroll sideways.
func TestBrowserPhone(t *testing.T) {
	ts := testWebApp(t)
	ctx := browserContext(t, 390, 844)
	steps(t, ctx, "phone viewport", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	for _, p := range []struct{ path, name string }{
		{"/roles/13-2051.00", "phone-role.png"},
		{"/certifications", "phone-catalog.png"},
		{"/assess", "phone-step.png"},
	} {
		steps(t, ctx, p.path, chromedp.Navigate(ts.URL+p.path), chromedp.WaitVisible(chromedp.CSS(`main h1`)))
		screenshot(t, ctx, p.name)
		overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
		if err != nil {
			t.Fatal(err)
		}
		if overflow {
			t.Errorf("%s scrolls sideways on a phone", p.path)
		}
	}
}

// TestBrowserExplore searches the role explorer and compares two
// certifications from the catalog with the keyboard and the mouse.
func TestBrowserExplore(t *testing.T) {
	ts := testWebApp(t)
	ctx := browserContext(t, 1200, 900)
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	steps(t, ctx, "search roles",
		chromedp.Navigate(ts.URL+"/roles"),
		chromedp.WaitVisible(css(`#q`)),
		chromedp.SendKeys(css(`#q`), "registered nurse"+kb.Enter),
		chromedp.WaitVisible(css(`ol.results a`)),
		chromedp.Click(css(`ol.results a`)),
		chromedp.WaitVisible(css(`svg.chart`)),
	)
	if got := text(t, ctx, `main h1`); !strings.Contains(got, "Nurse") {
		t.Errorf("the first match for registered nurse is %q", got)
	}
	screenshot(t, ctx, "role.png")
	steps(t, ctx, "compare",
		chromedp.Navigate(ts.URL+"/certifications"),
		chromedp.WaitVisible(css(`table.catalog`)),
	)
	screenshot(t, ctx, "catalog.png")
	steps(t, ctx, "pick two",
		chromedp.Click(css(`table.catalog tbody tr:nth-child(1) input[type=checkbox]`)),
		chromedp.Click(css(`table.catalog tbody tr:nth-child(2) input[type=checkbox]`)),
		chromedp.Click(css(`form[action="/certifications/compare"] button[type=submit]`)),
		chromedp.WaitVisible(css(`table.compare`)),
	)
	cols, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("table.compare thead th").length`))
	if err != nil {
		t.Fatal(err)
	}
	if cols != 3 {
		t.Errorf("the comparison has %d header cells, want 3 (fact and two certifications)", cols)
	}
	screenshot(t, ctx, "compare.png")
}
