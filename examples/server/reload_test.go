package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coibrief/coibrief/examples/kazakhstan"
)

// TestReload changes a dossier file on disk: a valid change is served at
// once, an invalid one keeps the last valid version served and is
// reported in the log and on the list page; a file removed is no longer
// served.
func TestReload(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "kz.json")
	orig := kazakhstan.JSON()
	if err := os.WriteFile(file, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	s, ts, logs := newTest(t, config{dir: dir})
	_, body := get(t, ts, "/")
	if !strings.Contains(body, "<td>1.1</td>") {
		t.Fatal("the dossier of the directory is not listed")
	}
	resp, _ := get(t, ts, "/d/kz-2022-01")
	etag := resp.Header.Get("ETag")

	// A new version.
	// The version, and the last of its history, which must be the same.
	v2 := bytes.ReplaceAll(orig, []byte(`"version": "1.1"`), []byte(`"version": "1.2"`))
	if bytes.Equal(v2, orig) {
		t.Fatal("the version is not where the test expects it")
	}
	write := func(data []byte) {
		t.Helper()
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		// Whatever the clock's resolution, the file looks changed.
		now := time.Now().Add(time.Duration(len(data)) * time.Millisecond)
		os.Chtimes(file, now, now)
		s.store.reload()
	}
	write(v2)
	_, body = get(t, ts, "/")
	if !strings.Contains(body, "<td>1.2</td>") {
		t.Error("the changed dossier is not served")
	}
	resp, _ = get(t, ts, "/d/kz-2022-01", "If-None-Match", etag)
	if resp.StatusCode != 200 {
		t.Errorf("after a change, the old ETag gives status %d; want 200", resp.StatusCode)
	}

	// An invalid version: a dangling reference, then broken JSON.
	for i, bad := range [][]byte{
		bytes.Replace(v2, []byte(`            "hrw-2022-01-26"`), []byte(`            "hrw-2099-01-26"`), 1),
		v2[:len(v2)/2],
	} {
		if bytes.Equal(bad, v2) {
			t.Fatalf("invalid version %d is not changed", i)
		}
		write(bad)
		resp, body = get(t, ts, "/")
		if resp.StatusCode != 200 || !strings.Contains(body, "<td>1.2</td>") {
			t.Error("an invalid file stopped the last valid version being served")
		}
		if !strings.Contains(body, "kz.json changed and is invalid: the version loaded at") {
			t.Error("the list page does not report the invalid file")
		}
		if resp, _ := get(t, ts, almaty); resp.StatusCode != 200 {
			t.Errorf("a focused briefing of the last valid version: status %d", resp.StatusCode)
		}
	}
	if log := logs.String(); !strings.Contains(log, "dossier changed and is invalid; the last valid version is still served") || !strings.Contains(log, "file=kz.json") {
		t.Errorf("the log does not report the invalid file:\n%s", log)
	}

	// Valid again: the problem is gone.
	write(orig)
	_, body = get(t, ts, "/")
	if !strings.Contains(body, "<td>1.1</td>") || strings.Contains(body, "is invalid") {
		t.Error("the valid file is not served again, or still reported")
	}

	// A new invalid file is reported, and not served; a removed file is
	// no longer served.
	os.WriteFile(filepath.Join(dir, "broken.json"), []byte(`{"format": 1}`), 0o644)
	os.Remove(file)
	s.store.reload()
	_, body = get(t, ts, "/")
	if !strings.Contains(body, "broken.json is invalid and is not served.") || strings.Contains(body, "kz-2022-01") {
		t.Errorf("after a new invalid file and a removed one:\n%s", excerpt(body))
	}
	if resp, _ := get(t, ts, "/d/kz-2022-01"); resp.StatusCode != 404 {
		t.Errorf("a removed dossier: status %d", resp.StatusCode)
	}
}

// TestWatch checks that the server notices a change by itself.
func TestWatch(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "kz.json")
	os.WriteFile(file, kazakhstan.JSON(), 0o644)
	s, ts, _ := newTest(t, config{dir: dir, poll: 50 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.watch(ctx)
	os.WriteFile(file, bytes.ReplaceAll(kazakhstan.JSON(), []byte(`"version": "1.1"`), []byte(`"version": "7.0"`)), 0o644)
	later := time.Now().Add(time.Hour)
	os.Chtimes(file, later, later)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if _, body := get(t, ts, "/"); strings.Contains(body, "<td>7.0</td>") {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Error("the changed file was not reloaded")
}

// TestShutdown stops the server while a request waits for a render: the
// request is answered, then serve returns.
func TestShutdown(t *testing.T) {
	s, _, logs := newTest(t, config{renders: 1})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, s, ln, nil) }()

	s.limit.slots <- struct{}{} // the request will wait for this slot
	type result struct {
		status int
		err    error
	}
	res := make(chan result, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + almaty)
		if err != nil {
			res <- result{0, err}
			return
		}
		resp.Body.Close()
		res <- result{resp.StatusCode, nil}
	}()
	for s.waiting() == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	cancel() // SIGTERM
	time.Sleep(100 * time.Millisecond)
	select {
	case err := <-done:
		t.Fatalf("serve returned %v with a request in flight", err)
	default:
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/"); err == nil {
		t.Error("the server takes new connections while shutting down")
	}
	s.limit.release()
	if r := <-res; r.err != nil || r.status != 200 {
		t.Errorf("the request in flight: %d, %v; want 200", r.status, r.err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Error(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not return")
	}
	if !strings.Contains(logs.String(), "shutting down") || !strings.Contains(logs.String(), "msg=stopped") {
		t.Error("the log does not tell the shutdown")
	}
}
