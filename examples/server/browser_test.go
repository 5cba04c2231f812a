package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The browser tests drive Debian's Chromium through the DevTools
// protocol: a caseworker's visit with and without JavaScript, the
// keyboard's way through the form, and an accessibility audit with
// axe-core. They skip when Chromium is missing, and fail then under
// COIBRIEF_REQUIRE_TOOLS=1.

// chromium returns a browser context on a fresh profile, and the
// errors the pages log to the console.
func chromium(t *testing.T) (context.Context, *consoleErrors) {
	t.Helper()
	bin := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		needTool(t, "chromium", "chromium")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "en-US"), // Accept-Language: the English interface; dates are typed in any locale's order (dateOrder)
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	// A bound on the whole test, not a speed check: generous enough for a
	// CI machine whose two cores also run other packages' tests (the axe
	// audit of six pages took over 40 s at a load average of 7).
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTime(); cancel(); cancelAlloc() })
	ce := &consoleErrors{}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", bin, err)
	}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleWarning || m.IsException() {
				ce.add(m.String() + " " + m.URL)
			}
		}
	}()
	return ctx, ce
}

type consoleErrors struct {
	mu   sync.Mutex
	msgs []string
}

func (c *consoleErrors) add(s string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.msgs = append(c.msgs, s)
}

// check fails the test for each message but those that hold one of
// expected, such as the status of a page asked for to see its error.
func (c *consoleErrors) check(t *testing.T, expected ...string) {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, m := range c.msgs {
		if !slices.ContainsFunc(expected, func(e string) bool { return strings.Contains(m, e) }) {
			t.Errorf("console: %s", m)
		}
	}
}

// dateOrder returns the order in which the browser's locale writes a
// date's parts, which its date fields take: month, day, year in en-US;
// day, month, year in en-GB, fr or de; year, month, day in ja or sv. It
// asks the browser, before the visit disables scripts, so that the test
// types as a reader of whatever locale Chromium runs in.
func dateOrder(t *testing.T, ctx context.Context) []string {
	t.Helper()
	order, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`new Intl.DateTimeFormat(navigator.language, {year: "numeric", month: "2-digit", day: "2-digit"}).formatToParts(new Date(2022, 0, 4)).filter(p => p.type !== "literal").map(p => p.type)`))
	if err != nil {
		t.Fatalf("the browser's order of dates: %v", err)
	}
	if s := slices.Sorted(slices.Values(order)); strings.Join(s, ",") != "day,month,year" {
		t.Fatalf("the browser's order of dates: %v", order)
	}
	return order
}

// dateKeys returns the keys that type the date iso (YYYY-MM-DD) into a
// date field whose parts come in order.
func dateKeys(order []string, iso string) string {
	var keys string
	for _, part := range order {
		switch part {
		case "year":
			keys += iso[:4]
		case "month":
			keys += iso[5:7]
		case "day":
			keys += iso[8:10]
		}
	}
	return keys
}

// visit is a caseworker's visit: the list, the Kazakhstan dossier,
// Алматы typed in, 4 to 7 January picked, the form sent; it returns the
// text of the focused briefing shown, and the text of the PDF downloaded.
func visit(t *testing.T, ctx context.Context, base string, script bool) (page string, pdfText string) {
	t.Helper()
	dir := t.TempDir()
	order := dateOrder(t, ctx)
	setup := chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !script}); err != nil {
			return err
		}
		yes := true
		_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &yes,
		})
		return err
	})
	for i, step := range []chromedp.Action[chromedp.Void]{
		setup,
		chromedp.Navigate(base + "/"),
		chromedp.WaitVisible(chromedp.CSS(`table.dossiers`)),
		chromedp.Click(chromedp.CSS(`table.dossiers a`)),
		chromedp.WaitVisible(chromedp.ID(`place`)),
		chromedp.SendKeys(chromedp.ID(`place`), "Алматы"),
	} {
		if err := chromedp.Do(ctx, step); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	if !script {
		time.Sleep(300 * time.Millisecond) // what a script would take to ask
		if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#place-list option").length`)); err == nil && n != 0 {
			t.Errorf("with scripts disabled, %d suggestions were added", n)
		}
	}
	if script {
		// Suggestions as you type: the datalist fills from the server.
		n, err := chromedp.Run(ctx, chromedp.Poll[int](`document.querySelectorAll("#place-list option").length`, chromedp.WithPollingTimeout(5*time.Second)))
		if err != nil || n == 0 {
			t.Errorf("no suggestion for Алматы: %d, %v", n, err)
		}
	}
	// A date field takes the digits in the order of the browser's
	// locale, as a reader of that locale types them.
	for i, step := range []chromedp.Action[chromedp.Void]{
		chromedp.SendKeys(chromedp.ID(`from`), dateKeys(order, "2022-01-04")),
		chromedp.SendKeys(chromedp.ID(`to`), dateKeys(order, "2022-01-07")),
	} {
		if err := chromedp.Do(ctx, step); err != nil {
			t.Fatalf("date step %d: %v", i, err)
		}
	}
	for id, want := range map[string]string{"from": "2022-01-04", "to": "2022-01-07"} {
		if got, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID(id))); err != nil || got != want {
			t.Fatalf("the %s field holds %q (%v) after typing %q, in the browser's order %v; want %s", id, got, err, dateKeys(order, want), order, want)
		}
	}
	for i, step := range []chromedp.Action[chromedp.Void]{
		chromedp.Click(chromedp.CSS(`input[name=lang][value=en]`)),
		chromedp.Click(chromedp.CSS(`button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#results .briefing`)),
	} {
		sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		err := chromedp.Do(sctx, step)
		cancel()
		if err != nil {
			where, _ := chromedp.Run(ctx, chromedp.Location())
			main, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#from").value + " | " + document.querySelector("#to").value + " | " + document.querySelector("#place").value + " | " + document.querySelector("form").checkValidity()`))
			t.Fatalf("form step %d: %v at %s:\n%s", i, err, where, main)
		}
	}
	url, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	place, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID(`place`)))
	if err != nil {
		t.Fatal(err)
	}
	shown, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#results .briefing`)))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"place=%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B", "from=2022-01-04", "to=2022-01-07", "lang=en"} {
		if !strings.Contains(url, want) {
			t.Errorf("the address %s lacks %s", url, want)
		}
	}
	if place != "Алматы" {
		t.Errorf("the place field holds %q after sending", place)
	}

	// The PDF, downloaded as the browser does.
	progress := chromedp.Events(ctx, browser.DownloadProgress)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.downloads a[href*="/pdf?"]`))); err != nil {
		t.Fatal(err)
	}
	dctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	_ = dctx
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("the PDF was not downloaded: %v", err)
		}
		if ev.State != browser.DownloadProgressStateCompleted {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, ev.GUID))
		if err != nil {
			t.Fatal(err)
		}
		return shown, pdfText2(t, data)
	}
	t.Fatal("the PDF was not downloaded")
	return "", ""
}

func pdfText2(t *testing.T, data []byte) string { return pdfText(t, data) }

// squeeze removes white space, so that text wrapped differently compares.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

func checkVisit(t *testing.T, shown, pdf string) {
	t.Helper()
	for _, want := range []string{
		"In Almaty the protest turned into a riot in the evening.",
		"between 15:00 and 17:00 police fired automatic weapons",
		"The police said they had arrested more than 2,000 people in Almaty.",
		"Human Rights Watch",
	} {
		if !strings.Contains(shown, want) {
			t.Errorf("the page does not show %q", want)
		}
	}
	// What the page shows, the PDF holds: each entry's first words, and
	// each footnote's first source.
	var checked int
	p := squeeze(pdf)
	for line := range strings.SplitSeq(shown, "\n") {
		line = strings.TrimSpace(line)
		if len(line) < 60 || !strings.HasPrefix(line, "In ") && !strings.HasPrefix(line, "The ") && !strings.HasPrefix(line, "According") {
			continue
		}
		head := squeeze(line[:50])
		checked++
		if !strings.Contains(p, head) {
			t.Errorf("the PDF lacks what the page shows: %q", line[:50])
		}
	}
	if checked < 10 {
		t.Errorf("only %d entries of the page compared with the PDF", checked)
	}
}

func TestBrowserVisit(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	_, ts, _ := newTest(t, config{})
	ctx, console := chromium(t)
	shown, pdf := visit(t, ctx, ts.URL, true)
	checkVisit(t, shown, pdf)
	console.check(t)
}

func TestBrowserNoScript(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	_, ts, _ := newTest(t, config{})
	ctx, console := chromium(t)
	shown, pdf := visit(t, ctx, ts.URL, false)
	checkVisit(t, shown, pdf)
	console.check(t)

	// "Did you mean" without script.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/d/kz-2022-01"),
		chromedp.WaitVisible(chromedp.ID(`place`)),
		chromedp.SendKeys(chromedp.ID(`place`), "Almatty"),
		chromedp.Click(chromedp.CSS(`button[type=submit]`)),
		chromedp.WaitVisible(chromedp.ID(`errors`)),
	); err != nil {
		t.Fatal(err)
	}
	errs, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID(`errors`)))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#errors .choices a`)),
		chromedp.WaitVisible(chromedp.CSS(`#results .briefing`)),
	); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errs, "Did you mean:") || !strings.Contains(errs, "Almaty") {
		t.Errorf("a misspelt place: %q", errs)
	}
}

// TestBrowserKeyboard tabs through the dossier's page: the skip link
// first, then the header's links, then the form's fields in order, and
// every field has a label.
func TestBrowserKeyboard(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	_, ts, _ := newTest(t, config{})
	ctx, console := chromium(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/d/kz-2022-01"), chromedp.WaitVisible(chromedp.ID(`place`))); err != nil {
		t.Fatal(err)
	}
	var order []string
	for range 40 {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
		name, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function(e){return e.id || (e.name ? e.name+"="+e.value : "") || e.className || e.textContent.trim()})(document.activeElement)`))
		if err != nil {
			t.Fatal(err)
		}
		if len(order) == 0 || order[len(order)-1] != name {
			order = append(order, name)
		}
		if name == "clear" {
			break
		}
	}
	want := []string{"skip", "home", "Français", "Crisis dossiers", "place", "from", "to"}
	if len(order) < len(want) || !slices.Equal(order[:len(want)], want) {
		t.Errorf("focus order %q; want it to start with %q", order, want)
	}
	rest := strings.Join(order, " ")
	for _, want := range []string{"kind=peaceful-protest kind=riot", "lang=en", "Show the briefing", "clear"} {
		if !strings.Contains(rest, want) {
			t.Errorf("focus order %q lacks %q", order, want)
		}
	}
	if i, j := strings.Index(rest, "kind=other"), strings.Index(rest, "lang=en"); i < 0 || j < i {
		t.Errorf("the kinds do not come before the language: %q", order)
	}
	unlabelled, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("input:not([type=hidden]), select, textarea")).filter(e => e.labels.length === 0).map(e => e.id || e.name)`))
	if err != nil {
		t.Fatal(err)
	}
	if len(unlabelled) > 0 {
		t.Errorf("fields without a label: %v", unlabelled)
	}
	console.check(t)
}

// axeSource returns axe-core's script: COIBRIEF_AXE names the file, or
// npm installs it in a temporary directory.
func axeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv("COIBRIEF_AXE")
	if path == "" {
		npm := needTool(t, "npm", "npm")
		dir := filepath.Join(os.TempDir(), "coibrief-axe")
		path = filepath.Join(dir, "node_modules", "axe-core", "axe.min.js")
		if _, err := os.Stat(path); err != nil {
			out, err := exec.Command(npm, "install", "--prefix", dir, "--no-audit", "--no-fund", "axe-core").CombinedOutput()
			if err != nil {
				msg := fmt.Sprintf("npm install axe-core: %v: %s", err, out)
				if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
					t.Fatal(msg)
				}
				t.Skip(msg)
			}
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestBrowserAxe audits the pages with axe-core's WCAG 2.1 A and AA rules:
// no serious or critical violation.
func TestBrowserAxe(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	_, ts, _ := newTest(t, config{})
	ctx, console := chromium(t)
	axe := axeSource(t)
	pages := []string{"/", "/d/kz-2022-01", almaty, "/d/kz-2022-01?place=Almaty&lang=both&ui=fr", "/d/kz-2022-01?place=Almati", "/d/nope"}
	for _, p := range pages {
		if err := chromedp.Do(ctx,
			chromedp.Navigate(ts.URL+p),
			chromedp.WaitReady(chromedp.CSS(`main`)),
			chromedp.Evaluate[chromedp.Void](axe),
		); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		res, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}).then(r => JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + ": " + n.failureSummary)}))))`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		var violations []struct {
			ID, Impact, Help string
			Nodes            []string
		}
		if err := json.Unmarshal([]byte(res), &violations); err != nil {
			t.Fatal(err)
		}
		for _, v := range violations {
			if v.Impact == "serious" || v.Impact == "critical" {
				t.Errorf("%s: %s (%s): %s\n%s", p, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n"))
			} else {
				t.Logf("%s: %s (%s): %s", p, v.ID, v.Impact, v.Help)
			}
		}
	}
	console.check(t, "status of 400 (Bad Request) "+ts.URL+"/d/kz-2022-01?place=Almati", "status of 404 (Not Found) "+ts.URL+"/d/nope")
}

var docs = flag.Bool("docs", false, "write the screenshots of the README (docs/server-*.png)")

// TestDocs writes the README's pictures of the web app: the dossier's page
// and a focused briefing, as Chromium shows them.
//
//	go test ./examples/server -run TestDocs -docs
func TestDocs(t *testing.T) {
	if !*docs {
		t.Skip("-docs not given")
	}
	_, ts, _ := newTest(t, config{})
	ctx, _ := chromium(t)
	shots := []struct{ path, file, at string }{
		{"/d/kz-2022-01", "server-dossier.png", "main"},
		{"/d/kz-2022-01", "server-map.png", "#map"},
		{almaty, "server-briefing.png", ".cb-chronology"},
	}
	for _, s := range shots {
		if err := chromedp.Do(ctx,
			chromedp.EmulateViewport(1100, 1500),
			chromedp.Navigate(ts.URL+s.path),
			chromedp.WaitVisible(chromedp.CSS(`main`)),
			chromedp.Evaluate[chromedp.Void](`document.querySelector(`+strconv.Quote(s.at)+`).scrollIntoView({block: "start"})`),
			chromedp.Sleep(300*time.Millisecond),
		); err != nil {
			t.Fatal(err)
		}
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("..", "..", "docs", s.file), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
