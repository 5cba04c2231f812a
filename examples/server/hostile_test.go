package main

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// rawGet sends a request line as it is — no client cleans its path — and
// returns the status line and the body.
func rawGet(t *testing.T, addr, target string) (status, body string) {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, "GET "+target+" HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.Status, string(b)
}

// TestHostile sends what a hostile or broken client might: each request
// gets a 4xx page that says what is wrong, never a 500 and never a hang.
func TestHostile(t *testing.T) {
	_, ts, _ := newTest(t, config{})
	long := strings.Repeat("Алматы", 10<<10/len("Алматы"))
	many := strings.Repeat("kind=riot&", 100)
	tests := []struct {
		target string
		status int
		says   string // what the page says
	}{
		{"/d/..%2F..%2Fetc%2Fpasswd", 400, "There is no page at this address."},
		{"/d/%2Fetc%2Fpasswd/pdf", 400, "There is no page at this address."},
		{"/d/%2Fetc%2Fpasswd", 400, "There is no page at this address."},
		{"/d/..%5C..%5Cwindows", 400, "There is no page at this address."},
		{"/d/kz-2022-01%2F..", 400, "There is no page at this address."},
		{"/d/kz%20-2022-01", 404, "No dossier has the id kz -2022-01."},
		{"/d/../../etc/passwd", 400, "There is no page at this address."},
		{"/d/kz-2022-01/../../../etc/passwd", 400, "There is no page at this address."},
		{"/static/../main.go", 400, "There is no page at this address."},
		{"/static/main.go", 404, "There is no page at this address."},
		{"/d/kz-2022-01%00", 400, "There is no page at this address."},
		{"/d/" + strings.Repeat("x", 5000), 404, "No dossier has the id xxxx"},
		{"/d/nope", 404, "No dossier has the id nope."},
		{"/d/kz-2022-01?place=" + long, 414, "The address is too long: at most 2,048 characters."},
		{"/d/kz-2022-01?place=" + strings.Repeat("x", 2100), 414, "The address is too long: at most 2,048 characters."},
		{"/d/kz-2022-01?place=" + strings.Repeat("a", 101), 400, "Place: at most 100 characters."},
		{"/d/kz-2022-01?from=2022-01-07&to=2022-01-04", 400, "The first date comes after the last."},
		{"/d/kz-2022-01?from=1900-01-01", 400, "From: the dossier covers 1 January 2022 to 31 January 2022."},
		{"/d/kz-2022-01?to=9999-12-31", 400, "To: the dossier covers"},
		{"/d/kz-2022-01?from=2022-02-30", 400, "From: give a date as YYYY-MM-DD, such as 2022-01-01."},
		{"/d/kz-2022-01?from=2022-1-4", 400, "From: give a date as YYYY-MM-DD"},
		{"/d/kz-2022-01?from=-2022-01-04", 400, "From: give a date as YYYY-MM-DD"},
		{"/d/kz-2022-01?kind=riots", 400, "Unknown kind of event: riots."},
		{"/d/kz-2022-01?kind=", 400, "Unknown kind of event: ."},
		{"/d/kz-2022-01?" + many, 400, "The address holds too many parameters: at most 40."},
		{"/d/kz-2022-01?" + strings.Repeat("a=1&", 600), 414, "The address is too long"},
		{"/d/kz-2022-01?" + strings.Repeat("kind=riot&", 33) + "lang=en", 400, "Event kind: given more than 32 times."},
		{"/d/kz-2022-01?place=a&place=b&place=c&place=d&place=e&place=f", 400, "Place: given more than 5 times."},
		{"/d/kz-2022-01?evil=1", 400, "The address holds a parameter this page does not take: evil."},
		{"/d/kz-2022-01?place=%ZZ", 400, "The address is malformed."},
		{"/d/kz-2022-01?place=%FF%FE", 400, "The address is malformed."},
		{"/d/kz-2022-01?place=a%0Ab", 400, "The address is malformed."},
		{"/d/kz-2022-01?place=Atlantis", 400, "No place of this dossier is called “Atlantis”."},
		{"/d/kz-2022-01?lang=de", 400, "Language of the briefing: “de” is not a possible value."},
		{"/d/kz-2022-01?ui=xx", 400, "Language of the pages: “xx” is not a possible value."},
		{"/d/kz-2022-01/pdf?edition=folio", 400, "Edition of the PDF: “folio” is not a possible value."},
		{"/d/kz-2022-01/pdf?lang=en&edition=parallel", 400, "Edition of the PDF: “parallel” is not a possible value."},
		{"/d/kz-2022-01/pdf?from=2022-01-09&to=2022-01-01", 400, "The first date comes after the last."},
		{"/d/kz-2022-01/xlsx?lang=both", 400, "Language of the briefing: “both” is not a possible value."},
		{"/d/kz-2022-01/xlsx?edition=single", 400, "The address holds a parameter this page does not take: edition."},
		{"/d/kz-2022-01/places?q=" + strings.Repeat("x", 200), 400, "Place: at most 100 characters."},
		{"/d/kz-2022-01/places?lang=zz&q=al", 400, "“zz” is not a possible value."},
		{"/?ui=en&ui=fr", 400, "given more than 1 times"},
		{"/nothing/here", 404, "There is no page at this address."},
	}
	addr := strings.TrimPrefix(ts.URL, "http://")
	for _, tt := range tests {
		name := tt.target
		if len(name) > 80 {
			name = name[:80] + "…"
		}
		status, body := rawGet(t, addr, tt.target)
		if !strings.HasPrefix(status, itoa3(tt.status)) {
			t.Errorf("%s: status %s; want %d", name, status, tt.status)
		}
		if !strings.Contains(body, tt.says) {
			t.Errorf("%s: the page does not say %q:\n%s", name, tt.says, excerpt(body))
		}
		if !strings.Contains(body, "<h1") {
			t.Errorf("%s: not a page", name)
		}
	}

	// Other methods, and a request line longer than the server reads.
	req, _ := http.NewRequest("POST", ts.URL+"/d/kz-2022-01", strings.NewReader("x=1"))
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 405 || resp.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: status %d, Allow %q", resp.StatusCode, resp.Header.Get("Allow"))
	}
}

// TestOversize sends requests larger than the server reads (an address
// of a megabyte, headers of 30 KB), which net/http answers before any
// handler: the client gets the app's error page all the same, 414 or 431,
// with the security headers, and the connection is closed. An address
// longer than the app takes but within what the server reads gets the
// same page from the handler.
func TestOversize(t *testing.T) {
	s, _, _ := newTest(t, config{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serveWith(ctx, s, ln, nil, 5*time.Second) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()
	base := "http://" + ln.Addr().String()
	tests := []struct {
		name   string
		path   string
		header string
		status int
		says   string
	}{
		{"a megabyte address", "/d/kz-2022-01?place=" + strings.Repeat("x", 1<<20), "", 414, "The address is too long: at most 2,048 characters."},
		{"a 30 KB address", "/d/kz-2022-01?place=" + strings.Repeat("%D0%90", 5<<10), "", 414, "The address is too long: at most 2,048 characters."},
		{"a 10 KB address", "/d/kz-2022-01?place=" + strings.Repeat("x", 10<<10), "", 414, "The address is too long: at most 2,048 characters."},
		{"30 KB of headers", "/d/kz-2022-01", strings.Repeat("y", 30<<10), 431, "The request is too large: its address and headers may hold at most 16 KB."},
	}
	for _, tt := range tests {
		req, err := http.NewRequest("GET", base+tt.path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if tt.header != "" {
			req.Header.Set("X-Big", tt.header)
		}
		c := &http.Client{Timeout: 10 * time.Second}
		resp, err := c.Do(req)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("%s: status %d; want %d", tt.name, resp.StatusCode, tt.status)
		}
		b := string(body)
		if !strings.Contains(b, tt.says) || !strings.Contains(b, "<h1>") || !strings.Contains(b, `<link rel="stylesheet"`) {
			t.Errorf("%s: not the app's page saying %q:\n%s", tt.name, tt.says, excerpt(b))
		}
		if got := resp.Header.Get("Content-Type"); got != "text/html; charset=utf-8" {
			t.Errorf("%s: Content-Type %q", tt.name, got)
		}
		if got := resp.Header.Get("Content-Security-Policy"); !strings.Contains(got, "default-src 'none'") {
			t.Errorf("%s: Content-Security-Policy %q", tt.name, got)
		}
		if resp.ContentLength != int64(len(body)) {
			t.Errorf("%s: Content-Length %d for %d bytes", tt.name, resp.ContentLength, len(body))
		}
	}
	// The server still answers.
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("after the oversized requests, /healthz answers %d", resp.StatusCode)
	}
}

func itoa3(n int) string {
	return string([]byte{byte('0' + n/100), byte('0' + n/10%10), byte('0' + n%10)})
}

func excerpt(s string) string {
	if i := strings.Index(s, "<main"); i >= 0 {
		s = s[i:]
	}
	if len(s) > 600 {
		s = s[:600]
	}
	return s
}

// TestSlowClient sends a request's head a byte at a time, slower than the
// server waits for it: the server answers 408 and closes the connection.
// A client that sends nothing is disconnected.
func TestSlowClient(t *testing.T) {
	s, _, _ := newTest(t, config{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serveWith(ctx, s, ln, nil, 300*time.Millisecond) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()

	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	start := time.Now()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	head := "GET / HTTP/1.1\r\nHost: test\r\nX-Slow: " + strings.Repeat("z", 40) + "\r\n\r\n"
	got := make(chan string, 1)
	go func() {
		b, _ := io.ReadAll(c)
		got <- string(b)
	}()
	for i := 0; i < len(head); i++ {
		if _, err := c.Write([]byte{head[i]}); err != nil {
			break // the server closed the connection
		}
		time.Sleep(50 * time.Millisecond)
	}
	resp := <-got
	if !strings.HasPrefix(resp, "HTTP/1.1 408 Request Timeout") || !strings.Contains(resp, "did not arrive in time") {
		t.Errorf("a slow client got %q; want 408", resp)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("the slow client was held %v", d)
	}

	idle, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	idle.SetDeadline(time.Now().Add(5 * time.Second))
	b, err := io.ReadAll(idle)
	if err != nil || len(b) != 0 {
		t.Errorf("a silent client: %q, %v; want the connection closed", b, err)
	}
}
