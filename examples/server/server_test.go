package main

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// syncBuffer is a log the server and a test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// newTest returns a server of cfg and an HTTP test server in front of it,
// and the server's log.
func newTest(t *testing.T, cfg config) (*server, *httptest.Server, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	cfg.log = slog.New(slog.NewTextHandler(logs, nil))
	if cfg.poll == 0 {
		cfg.poll = -1
	}
	s, err := newServer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return s, ts, logs
}

// get asks ts for path with the headers given as name, value pairs.
func get(t *testing.T, ts *httptest.Server, path string, headers ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest("GET", ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

// almaty is the focused briefing of the tests: Almaty from 4 to 7
// January 2022, in English.
const almaty = "/d/kz-2022-01?place=%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B&from=2022-01-04&to=2022-01-07&lang=en"

func TestList(t *testing.T) {
	_, ts, logs := newTest(t, config{})
	resp, body := get(t, ts, "/")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{
		`<html lang="en">`,
		`<a href="/d/kz-2022-01" lang="en">Kazakhstan: the protests, riots and crackdown of January 2022</a>`,
		"<td>Kazakhstan</td>", "<td>1.1</td>", "from 1 to 31 January 2022", `<time datetime="2022-03-25">`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the list lacks %q", want)
		}
	}
	h := resp.Header
	if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "style-src 'self'") ||
		!strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	for k, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Vary": "Accept-Language"} {
		if got := h.Get(k); got != want {
			t.Errorf("%s: %q; want %q", k, got, want)
		}
	}
	if h.Get("X-Request-Id") == "" {
		t.Error("no X-Request-Id")
	}
	for _, bad := range []string{"<script>", "style=", "<style"} {
		if strings.Contains(body, bad) {
			t.Errorf("the page holds %q, which the policy forbids", bad)
		}
	}
	// One log line per request, with its id, route, status, size and time.
	line := logs.String()
	for _, want := range []string{"msg=request", "id=" + h.Get("X-Request-Id"), `route="GET /{$}"`, "status=200", "bytes=", "ms="} {
		if !strings.Contains(line, want) {
			t.Errorf("log %q lacks %q", line, want)
		}
	}

	// French from Accept-Language, or from the address.
	_, fr := get(t, ts, "/", "Accept-Language", "fr-CH, fr;q=0.9, en;q=0.8")
	if !strings.Contains(fr, `<html lang="fr">`) || !strings.Contains(fr, "Dossiers de crise") {
		t.Error("Accept-Language: fr does not give the French interface")
	}
	_, fr = get(t, ts, "/?ui=fr", "Accept-Language", "en")
	if !strings.Contains(fr, "Dossiers de crise") || !strings.Contains(fr, `href="/d/kz-2022-01?ui=fr"`) {
		t.Error("ui=fr does not give the French interface, or links lose it")
	}
}

func TestFocusedBriefing(t *testing.T) {
	_, ts, _ := newTest(t, config{})
	resp, body := get(t, ts, almaty)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	// Entries of Almaty on 4, 5, 6 and 7 January; none of the 8th.
	for _, want := range []string{
		"In Almaty the protest turned into a riot in the evening.",
		"between 15:00 and 17:00 police fired automatic weapons",
		"The police said they had arrested more than 2,000 people in Almaty.",
		"In Almaty, shooting went on without a break throughout the night of 6 to 7 January.",
		"fighting was still under way in Almaty on the evening",
		"Place: Almaty", "41 entries",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the focused briefing lacks %q", want)
		}
	}
	for _, unwanted := range []string{"most banks, supermarkets and restaurants remained closed", "Outside the Almaty morgue"} {
		if strings.Contains(body, unwanted) {
			t.Errorf("the focused briefing holds %q, of 8 January", unwanted)
		}
	}
	// Footnotes in the page, linked both ways.
	if n := strings.Count(body, `class="cb-note"`); n < 30 {
		t.Errorf("%d footnotes; want the focused briefing's", n)
	}
	if !strings.Contains(body, "Human Rights Watch") {
		t.Error("no footnote cites Human Rights Watch")
	}
	// The map, inline.
	if !strings.Contains(body, `class="cb-section cb-map"`) || !strings.Contains(body, "<svg") {
		t.Error("the focused briefing has no map drawn in the page")
	}
	for _, bad := range []string{"<script>", " style=", "<style"} {
		if strings.Contains(body, bad) {
			t.Errorf("the page holds %q, which the policy forbids", bad)
		}
	}
	// The form keeps what was asked; the downloads ask for the same.
	for _, want := range []string{`value="Алматы"`, `value="2022-01-04"`, `value="2022-01-07"`,
		`href="/d/kz-2022-01/pdf?edition=single&amp;from=2022-01-04&amp;lang=en&amp;place=%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B&amp;to=2022-01-07"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	// Any spelling gives the same briefing.
	for _, name := range []string{"Almaty", "almaty", "Alma-Ata"} {
		_, other := get(t, ts, "/d/kz-2022-01?place="+url.QueryEscape(name)+"&from=2022-01-04&to=2022-01-07&lang=en")
		if !strings.Contains(other, "41 entries") {
			t.Errorf("place=%s does not give the 41 entries", name)
		}
	}
}

// TestDossierPage opens a dossier's page before any question: its
// summary, its key, contested and retracted figures, the chart and the map
// drawn in the page, and no chronology yet.
func TestDossierPage(t *testing.T) {
	_, ts, _ := newTest(t, config{})
	resp, body := get(t, ts, "/d/kz-2022-01")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	for _, want := range []string{
		`<h2 id="summary-h">Summary</h2>`,
		`class="cb-section cb-figures" id="key-figures"`, `class="cb-table cb-key"`,
		`class="cb-table cb-retracted-figures"`, `class="cb-table cb-contested"`,
		`<figure class="cb-chart"`, `class="cb-section cb-map" id="map"`, `class="cb-table cb-places"`,
		`<a href="/d/kz-2022-01?lang=en#results">Read the whole chronology</a>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the dossier's page lacks %s", want)
		}
	}
	if n := strings.Count(body, `<svg`); n < 2 {
		t.Errorf("%d <svg>: want the chart and the map in the page", n)
	}
	if strings.Count(body, `role="img"`) < 2 {
		t.Error("the chart and the map are not images with a text alternative")
	}
	for _, unwanted := range []string{"cb-chronology", "cb-note", "cb-cover", "cb-contents", `id="results"`, " style=", "<style", "<script>"} {
		if strings.Contains(body, unwanted) {
			t.Errorf("the dossier's page holds %s", unwanted)
		}
	}
	if n := strings.Count(body, "<h1"); n != 1 {
		t.Errorf("%d <h1>; want the page's alone", n)
	}

	// Focused, the page shows the chronology first, without the cover and
	// contents of the PDF, which the downloads keep.
	_, body = get(t, ts, almaty)
	results := body[strings.Index(body, `id="results"`):]
	first := strings.Index(results, `<section class="cb-section`)
	if first < 0 || !strings.HasPrefix(results[first:], `<section class="cb-section cb-chronology"`) {
		t.Errorf("the focused briefing does not start with its chronology: %.300s", results[max(first, 0):])
	}
	for _, unwanted := range []string{"cb-cover", "cb-contents", "cb-method", "cb-disclaimer"} {
		if strings.Contains(body, unwanted) {
			t.Errorf("the focused page holds %s", unwanted)
		}
	}
	if n := strings.Count(body, "<h1"); n != 1 {
		t.Errorf("%d <h1> in the focused page; want the page's alone", n)
	}
	resp, pdf := get(t, ts, "/d/kz-2022-01/pdf?place=Almaty&from=2022-01-04&to=2022-01-07&lang=en")
	if resp.StatusCode != 200 {
		t.Fatalf("PDF: status %d", resp.StatusCode)
	}
	if pdftotext, err := exec.LookPath("pdftotext"); err == nil {
		cmd := exec.Command(pdftotext, "-enc", "UTF-8", "-", "-")
		cmd.Stdin = strings.NewReader(pdf)
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Table of contents", "Method", "Disclaimer", "Filters — Place: Almaty"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("the PDF download lacks its %s", want)
			}
		}
	}
}

func TestETag(t *testing.T) {
	_, ts, _ := newTest(t, config{})
	for _, path := range []string{almaty, "/d/kz-2022-01/pdf?place=Almaty&from=2022-01-06&to=2022-01-06&lang=fr", "/", "/static/app.css"} {
		resp, _ := get(t, ts, path)
		etag := resp.Header.Get("ETag")
		if resp.StatusCode != 200 || etag == "" {
			t.Fatalf("%s: status %d, ETag %q", path, resp.StatusCode, etag)
		}
		resp, body := get(t, ts, path, "If-None-Match", etag)
		if resp.StatusCode != http.StatusNotModified || body != "" {
			t.Errorf("%s with If-None-Match: status %d, %d bytes; want 304 and none", path, resp.StatusCode, len(body))
		}
		resp, _ = get(t, ts, path, "If-None-Match", `"other"`)
		if resp.StatusCode != 200 {
			t.Errorf("%s with another ETag: status %d", path, resp.StatusCode)
		}
	}
	// The same briefing, spelled otherwise, has the same ETag.
	a, _ := get(t, ts, "/d/kz-2022-01/pdf?place=Almaty&from=2022-01-06&to=2022-01-06&lang=fr")
	b, _ := get(t, ts, "/d/kz-2022-01/pdf?lang=fr&to=2022-01-06&from=2022-01-06&place=%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B")
	if a.Header.Get("ETag") != b.Header.Get("ETag") {
		t.Error("two spellings of one briefing have two ETags")
	}
}

// needTool returns the path of a program the test needs; it skips the
// test when it is missing, or fails it when COIBRIEF_REQUIRE_TOOLS=1.
func needTool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		msg := name + " is not installed (apt-get install " + pkg + ")"
		if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
			t.Fatal(msg + "; COIBRIEF_REQUIRE_TOOLS=1")
		}
		t.Skip(msg)
	}
	return p
}

// pdfText returns what pdftotext reads in a PDF.
func pdfText(t *testing.T, data []byte) string {
	t.Helper()
	bin := needTool(t, "pdftotext", "poppler-utils")
	f := filepath.Join(t.TempDir(), "b.pdf")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestDownloads(t *testing.T) {
	_, ts, _ := newTest(t, config{})
	q := "place=%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B&from=2022-01-04&to=2022-01-07"
	resp, body := get(t, ts, "/d/kz-2022-01/pdf?"+q+"&lang=en&edition=single")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(body, "%PDF-") || !strings.Contains(body[len(body)-32:], "%%EOF") {
		t.Fatalf("PDF: status %d, type %q, %d bytes", resp.StatusCode, resp.Header.Get("Content-Type"), len(body))
	}
	if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename=kz-2022-01-almaty-from-2022-01-04-to-2022-01-07.en.pdf` {
		t.Errorf("Content-Disposition %q", cd)
	}
	resp, par := get(t, ts, "/d/kz-2022-01/pdf?"+q+"&lang=both&edition=parallel")
	if resp.StatusCode != 200 || !strings.HasPrefix(par, "%PDF-") || !strings.Contains(resp.Header.Get("Content-Disposition"), ".fr-en.parallel.pdf") {
		t.Errorf("parallel PDF: status %d, %q", resp.StatusCode, resp.Header.Get("Content-Disposition"))
	}
	resp, wb := get(t, ts, "/d/kz-2022-01/xlsx?"+q+"&lang=fr")
	if resp.StatusCode != 200 || !strings.HasPrefix(wb, "PK\x03\x04") || !strings.HasSuffix(resp.Header.Get("Content-Disposition"), ".fr.xlsx") {
		t.Errorf("workbook: status %d, %q", resp.StatusCode, resp.Header.Get("Content-Disposition"))
	}
	text := pdfText(t, []byte(body))
	for _, want := range []string{"Place: Almaty", "In Almaty the protest turned into a riot in the evening", "Human Rights Watch"} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

func TestSuggestions(t *testing.T) {
	_, ts, _ := newTest(t, config{})
	for q, want := range map[string]string{"алм": "almaty", "Chym": "shymkent", "zhana": "janaozen", "nur sul": "nur-sultan"} {
		resp, body := get(t, ts, "/d/kz-2022-01/places?lang=en&q="+url.QueryEscape(q))
		var got []suggestion
		if err := json.Unmarshal([]byte(body), &got); err != nil || resp.StatusCode != 200 {
			t.Fatalf("q=%s: status %d, %v: %s", q, resp.StatusCode, err, body)
		}
		if len(got) == 0 || got[0].ID != want {
			t.Errorf("q=%s: %+v; want %s first", q, got, want)
		}
	}
	// A miss suggests the closest names, with links, without script.
	resp, body := get(t, ts, "/d/kz-2022-01?place=Almati&lang=en")
	if resp.StatusCode != 400 || !strings.Contains(body, "No place of this dossier is called “Almati”.") ||
		!strings.Contains(body, "Did you mean:") || !strings.Contains(body, `place=almaty">Almaty</a>`) {
		t.Errorf("a misspelt place: status %d; want 400 with did you mean Almaty", resp.StatusCode)
	}
}

func TestBusy(t *testing.T) {
	s, ts, _ := newTest(t, config{renders: 1, queue: -1})
	s.limit.slots <- struct{}{} // every render slot is taken
	resp, body := get(t, ts, almaty)
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || !strings.Contains(body, "try again in a few seconds") {
		t.Errorf("with the renders at their cap: status %d, Retry-After %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	s.limit.release()
	if resp, _ := get(t, ts, almaty); resp.StatusCode != 200 {
		t.Errorf("with a slot free: status %d", resp.StatusCode)
	}
	// What is cached needs no slot.
	s.limit.slots <- struct{}{}
	defer s.limit.release()
	if resp, _ := get(t, ts, almaty); resp.StatusCode != 200 {
		t.Errorf("a cached page at the cap: status %d", resp.StatusCode)
	}
}

func TestHealthz(t *testing.T) {
	_, ts, _ := newTest(t, config{})
	resp, body := get(t, ts, "/healthz")
	if resp.StatusCode != 200 || !strings.Contains(body, `"status":"ok"`) || !strings.Contains(body, `"dossiers":1`) {
		t.Errorf("healthz: %d %s", resp.StatusCode, body)
	}
}
