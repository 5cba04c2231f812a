package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coibrief/coibrief/model"
)

// TestLoad runs 32 clients asking for mixed focused briefings — 60 %
// pages, 30 % PDFs, 10 % workbooks — for 30 seconds, against the server on a real
// socket, and reports latency and throughput per kind and the peak
// resident memory. Every response must be a 200 and complete. It runs
// only with COIBRIEF_LOAD=1 (COIBRIEF_LOAD_SECONDS and
// COIBRIEF_LOAD_CLIENTS change the duration and the clients):
//
//	COIBRIEF_LOAD=1 go test ./examples/server -run TestLoad -v
func TestLoad(t *testing.T) {
	if os.Getenv("COIBRIEF_LOAD") != "1" {
		t.Skip("set COIBRIEF_LOAD=1 to run the load test")
	}
	seconds, clients := envInt("COIBRIEF_LOAD_SECONDS", 30), envInt("COIBRIEF_LOAD_CLIENTS", 32)
	s, _, _ := newTest(t, config{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, s, ln, nil) }()
	defer func() {
		cancel()
		<-done
	}()
	base := "http://" + ln.Addr().String()

	// The requests: a city, a few days, sometimes kinds, a language.
	ds := s.store.catalog().byID["kz-2022-01"]
	var cities []string
	for _, p := range ds.d.Places {
		if p.Kind == model.PlaceCity {
			cities = append(cities, string(p.ID))
		}
	}
	kinds := [][]string{nil, nil, {"lethal-force"}, {"arrests", "riot"}}
	langs := []string{"fr", "en", "both"}
	request := func(r *rand.Rand) (kind, path string) {
		v := url.Values{}
		v.Set(pPlace, cities[r.IntN(len(cities))])
		from := 1 + r.IntN(12)
		v.Set(pFrom, fmt.Sprintf("2022-01-%02d", from))
		v.Set(pTo, fmt.Sprintf("2022-01-%02d", from+r.IntN(5)))
		for _, k := range kinds[r.IntN(len(kinds))] {
			v.Add(pKind, k)
		}
		lang := langs[r.IntN(len(langs))]
		switch n := r.IntN(10); {
		case n < 6:
			v.Set(pLang, lang)
			return "page", "/d/kz-2022-01?" + v.Encode()
		case n < 9:
			v.Set(pLang, lang)
			if lang == langBoth {
				v.Set(pEdition, "parallel")
			}
			return "pdf", "/d/kz-2022-01/pdf?" + v.Encode()
		default:
			v.Set(pLang, langs[r.IntN(2)])
			return "xlsx", "/d/kz-2022-01/xlsx?" + v.Encode()
		}
	}

	// Half the requests are for 24 popular briefings, as when several
	// caseworkers read about the same events; the others are spread over
	// some 2,000 combinations, most of them rendered once.
	hotRand := rand.New(rand.NewPCG(99, 99))
	type req struct{ kind, path string }
	var hot []req
	for range 24 {
		k, p := request(hotRand)
		hot = append(hot, req{k, p})
	}

	type sample struct {
		kind string
		d    time.Duration
	}
	var (
		mu      sync.Mutex
		samples []sample
		errs    []string
		bytesIn int64
	)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}, Timeout: time.Minute}
	deadline := time.Now().Add(time.Duration(seconds) * time.Second)
	start := time.Now()
	var wg sync.WaitGroup
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(i), 1))
			for time.Now().Before(deadline) {
				kind, path := request(r)
				if r.IntN(2) == 0 {
					h := hot[r.IntN(len(hot))]
					kind, path = h.kind, h.path
				}
				t0 := time.Now()
				resp, err := client.Get(base + path)
				var body []byte
				if err == nil {
					body, err = io.ReadAll(resp.Body)
					resp.Body.Close()
				}
				d := time.Since(t0)
				problem := ""
				switch {
				case err != nil:
					problem = err.Error()
				case resp.StatusCode != 200:
					problem = "status " + resp.Status
				case strconv.Itoa(len(body)) != resp.Header.Get("Content-Length"):
					problem = "incomplete: " + strconv.Itoa(len(body)) + " of " + resp.Header.Get("Content-Length")
				case kind == "page" && !bytes.HasSuffix(bytes.TrimSpace(body), []byte("</html>")):
					problem = "a page without its end"
				case kind == "pdf" && (!bytes.HasPrefix(body, []byte("%PDF-")) || !bytes.Contains(body[max(0, len(body)-32):], []byte("%%EOF"))):
					problem = "not a whole PDF"
				case kind == "xlsx" && !bytes.HasPrefix(body, []byte("PK\x03\x04")):
					problem = "not a workbook"
				}
				mu.Lock()
				if problem != "" {
					errs = append(errs, path+": "+problem)
				} else {
					samples = append(samples, sample{kind, d})
					bytesIn += int64(len(body))
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	for i, e := range errs {
		if i == 10 {
			t.Errorf("… and %d more", len(errs)-10)
			break
		}
		t.Error(e)
	}

	size, entries, hits, misses := s.cache.stats()
	var report strings.Builder
	fmt.Fprintf(&report, "%d clients, %v, %d requests, %d errors, %.1f MB received; cache %d entries, %.1f MB, %d hits, %d misses; peak RSS %s\n",
		clients, elapsed.Round(time.Second), len(samples)+len(errs), len(errs), float64(bytesIn)/(1<<20), entries, float64(size)/(1<<20), hits, misses, peakRSS())
	fmt.Fprintf(&report, "| kind | requests | req/s | p50 | p99 | max |\n|---|---|---|---|---|---|\n")
	for _, kind := range []string{"page", "pdf", "xlsx", "all"} {
		var ds []time.Duration
		for _, s := range samples {
			if s.kind == kind || kind == "all" {
				ds = append(ds, s.d)
			}
		}
		if len(ds) == 0 {
			continue
		}
		slices.Sort(ds)
		q := func(p float64) time.Duration { return ds[min(len(ds)-1, int(p*float64(len(ds))))] }
		fmt.Fprintf(&report, "| %s | %d | %.1f | %v | %v | %v |\n", kind, len(ds), float64(len(ds))/elapsed.Seconds(),
			q(0.50).Round(time.Millisecond), q(0.99).Round(time.Millisecond), ds[len(ds)-1].Round(time.Millisecond))
	}
	t.Log("\n" + report.String())
	if out := os.Getenv("COIBRIEF_LOAD_OUT"); out != "" {
		os.WriteFile(out, []byte(report.String()), 0o644)
	}
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// peakRSS returns the process's peak resident memory (VmHWM), server
// and clients together.
func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(v)
			if kb, err := strconv.Atoi(f[0]); err == nil {
				return fmt.Sprintf("%.0f MB", float64(kb)/1024)
			}
		}
	}
	return "unknown"
}
