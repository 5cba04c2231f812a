package model_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/coibrief/coibrief/model"
)

// stream is a reader of head, then unit n times, then tail, made as it
// is read: a test can feed gigabytes without holding them.
type stream struct {
	head, unit, tail string
	n                int
	sent             int // units sent
	buf              []byte
}

func (r *stream) Read(p []byte) (int, error) {
	total := 0
	for len(p) > 0 {
		if len(r.buf) == 0 {
			switch {
			case r.head != "":
				r.buf, r.head = []byte(r.head), ""
			case r.sent < r.n:
				k := min(r.n-r.sent, 4096)
				r.buf = []byte(strings.Repeat(r.unit, k))
				r.sent += k
			case r.tail != "":
				r.buf, r.tail = []byte(r.tail), ""
			default:
				if total == 0 {
					return 0, io.EOF
				}
				return total, nil
			}
		}
		n := copy(p, r.buf)
		r.buf, p, total = r.buf[n:], p[n:], total+n
	}
	return total, nil
}

const hostileHead = `{"format": "coibrief-dossier/1", "id": "x", "country": "x", "languages": ["en"],
"title": {"en": "x"}, "summary": {"en": "x"}, "period": "2022-01-01/2022-01-31", "published": "2022-02-01",
"issuer": {"name": {"en": "x"}}, "disclaimer": {"en": "x"},
"method": {"scope": {"en": "x"}, "cutOff": "2022-02-01", "sourcesConsulted": "2022-01-01/2022-02-01"},
`

// hostile are small inputs that once made decoding or validation hold
// gigabytes: millions of empty items, endless aliases.
var hostile = []struct {
	name string
	r    func() *stream
	want string // the error, or "" when the dossier loads
	// decodeMB is the most Decode may allocate, when not 200 MB: it
	// keeps every figure, 256 bytes each, so 2,000,000 empty figures
	// cost 512 MB before the limit refuses the rest; OpenFile keeps 16
	// bytes of each, as the briefing program does.
	decodeMB float64
}{
	{"1,000,000 empty entries (3 MB)", func() *stream {
		return &stream{head: hostileHead + `"chronology": [{"when": "2022-01-05", "entries": [{}`, unit: `,{}`, n: 999_999, tail: `]}], "places": [], "sources": []}`}
	}, `chronology[0].entries[200000]: too large: more than the 200000 statements (entries, background, notes and paragraphs) a dossier may hold`, 0},
	{"10,000,000 empty entries (30 MB)", func() *stream {
		return &stream{head: hostileHead + `"chronology": [{"when": "2022-01-05", "entries": [{}`, unit: `,{}`, n: 9_999_999, tail: `]}], "places": [], "sources": []}`}
	}, `chronology[0].entries[200000]: too large: more than the 200000 statements (entries, background, notes and paragraphs) a dossier may hold`, 0},
	{"10,000,000 empty figures (30 MB)", func() *stream {
		return &stream{head: hostileHead + `"chronology": [], "places": [], "sources": [], "figures": [{}`, unit: `,{}`, n: 9_999_999, tail: `]}`}
	}, `figures[2000000]: too large: more than the 2000000 figures a dossier may hold`, 600},
	{"100,000,000 aliases (1.5 GB)", func() *stream {
		return &stream{head: hostileHead + `"chronology": [], "sources": [], "places": [{"id": "p", "kind": "city", "name": {"en": "p"}, "aliases": ["alias-of-p"`, unit: `,"alias-of-p"`, n: 100_000_000, tail: `]}]}`}
	}, `places[0].aliases[100]: too large: more than the 100 aliases a place may hold`, 0},
	{"50,000 days of 4 empty entries (1.1 MB)", func() *stream {
		return &stream{head: hostileHead + `"chronology": [{"when": "2022-01-01", "entries": [{},{},{},{}]}`, unit: `,{"when": "2022-01-01", "entries": [{},{},{},{}]}`, n: 49_999, tail: `], "places": [], "sources": []}`}
	}, "", 0},
}

// TestHostileInputsBounded checks that each hostile input is refused, or
// loaded and validated, in under 5 seconds and 200 MB of allocation, the
// way the briefing program reads a dossier file (OpenFile) and from a
// stream (Decode).
func TestHostileInputsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: writes files of up to 30 MB")
	}
	dir := t.TempDir()
	for _, c := range hostile {
		t.Run(c.name, func(t *testing.T) {
			// From a stream.
			alloc, elapsed, err := measure(func() error {
				d, err := model.Decode(c.r())
				if err == nil {
					issues := model.Validate(d)
					if n := len(issues); n > model.MaxIssues+1 {
						return fmt.Errorf("%d issues kept", n)
					}
				}
				return err
			})
			check(t, "Decode", c.want, err, alloc, elapsed, max(c.decodeMB, 200))
			if c.r().n > 10_000_000 {
				return // not written to disk
			}
			// From a file, as the program does.
			name := filepath.Join(dir, "hostile.json")
			f, err := os.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := io.Copy(f, c.r()); err != nil {
				t.Fatal(err)
			}
			f.Close()
			alloc, elapsed, err = measure(func() error {
				d, issues, err := model.OpenFile(name, model.HoldFigures(0))
				if d != nil {
					defer d.Close()
				}
				if err == nil {
					if n := len(issues); n > model.MaxIssues+1 {
						return fmt.Errorf("%d issues kept", n)
					}
					errs, warns := issues.Count()
					t.Logf("OpenFile: %d errors, %d warnings; %d kept", errs, warns, len(issues))
				}
				return err
			})
			check(t, "OpenFile", c.want, err, alloc, elapsed, 200)
		})
	}
}

func measure(fn func() error) (alloc uint64, elapsed time.Duration, err error) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	err = fn()
	elapsed = time.Since(start)
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, elapsed, err
}

func check(t *testing.T, how, want string, err error, alloc uint64, elapsed time.Duration, maxMB float64) {
	t.Helper()
	t.Logf("%s: %v, %.1f MB allocated in all", how, elapsed.Round(time.Millisecond), float64(alloc)/1e6)
	switch {
	case want == "" && err != nil:
		t.Errorf("%s: %v; want no error", how, err)
	case want != "" && (err == nil || !strings.HasSuffix(err.Error(), want) || !errors.Is(err, model.ErrTooLarge)):
		t.Errorf("%s: got error %v; want one ending %q", how, err, want)
	}
	if float64(alloc) > maxMB*1e6 && !raceEnabled { // the race detector allocates more
		t.Errorf("%s: allocated %.0f MB in all; want at most %.0f MB", how, float64(alloc)/1e6, maxMB)
	}
	if elapsed > 5*time.Second && !raceEnabled {
		t.Errorf("%s: took %v; want at most 5 s", how, elapsed)
	}
}
