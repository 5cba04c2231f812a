package geo

import (
	"flag"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// TestDecodeCorrupt feeds decode truncated and damaged copies of the data:
// it must return an error or sound data, never panic.
func TestDecodeCorrupt(t *testing.T) {
	if _, err := decode(countriesBin); err != nil {
		t.Fatal(err)
	}
	for _, data := range [][]byte{nil, []byte("NEGEO"), []byte("NEGEO\x02"), []byte("NEGEO\x01"), append([]byte("NEGEO\x01"), make([]byte, 100)...)} {
		if _, err := decode(data); err == nil || !strings.HasPrefix(err.Error(), "geo: ") {
			t.Errorf("decode(%q): err %v", data, err)
		}
	}
	step := max(1, len(countriesBin)/200)
	for n := 0; n < len(countriesBin); n += step {
		if _, err := decode(countriesBin[:n]); err == nil {
			t.Fatalf("decode of the first %d bytes succeeded", n)
		}
	}
	if _, err := decode(append(append([]byte(nil), countriesBin...), 0)); err == nil {
		t.Error("decode with a trailing byte succeeded")
	}
	rng := rand.New(rand.NewPCG(3, 4))
	buf := make([]byte, len(countriesBin))
	for range 300 {
		copy(buf, countriesBin)
		for range 1 + rng.IntN(3) {
			buf[rng.IntN(len(buf))] ^= byte(1 + rng.IntN(255))
		}
		d, err := decode(buf)
		if err != nil {
			continue
		}
		for _, c := range d.countries {
			for _, p := range c.Polygons {
				for _, r := range p {
					if len(r) < 3 {
						t.Fatalf("damaged data decoded with a ring of %d points", len(r))
					}
					for _, q := range r {
						if !q.Valid() {
							t.Fatalf("damaged data decoded with point %v", q)
						}
					}
				}
			}
		}
	}
}

// TestConcurrent uses the package from several goroutines at once (run it
// with -race).
func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			code := []string{"kz", "af", "ge", "ru", "fj", "cl", "us", "nz"}[i]
			c, ok := Lookup(code)
			if !ok {
				t.Errorf("Lookup(%q) failed", code)
				return
			}
			p := Fit(Points(c.Main()), 0, 0, 190, 120, 4)
			if len(p.Shapes()) == 0 || !c.Contains(c.LabelPoint()) || len(Neighbours(c)) == 0 && code != "fj" && code != "nz" {
				t.Errorf("%s: nothing drawn, or its label point outside", code)
			}
		})
	}
	wg.Wait()
}

func BenchmarkDecode(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(countriesBin)))
	for b.Loop() {
		if _, err := decode(countriesBin); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMemory reports the heap the decoded data holds.
func BenchmarkMemory(b *testing.B) {
	var d *dataset
	var before, after runtime.MemStats
	for b.Loop() {
		runtime.GC()
		runtime.ReadMemStats(&before)
		d, _ = decode(countriesBin)
		runtime.GC()
		runtime.ReadMemStats(&after)
	}
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc), "heap-bytes")
	runtime.KeepAlive(d)
}

// BenchmarkLookupFitProject is the work of a map once the data is loaded:
// find the country, fit the projection to its main body and project every
// point of it.
func BenchmarkLookupFitProject(b *testing.B) {
	if err := DataError(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var sum float64
	for b.Loop() {
		c, _ := Lookup("kz")
		p := Fit(Points(c.Main()), 0, 0, 190, 120, 4)
		for _, poly := range c.Polygons {
			for _, r := range poly {
				for _, pt := range r {
					x, y := p.Project(pt)
					sum += x + y
				}
			}
		}
	}
	_ = sum
}

// BenchmarkShapes draws the map of Georgia: every country in the frame,
// projected and clipped.
func BenchmarkShapes(b *testing.B) {
	c, _ := Lookup("ge")
	p := Fit(Points(c.Polygons), 0, 0, 190, 120, 4)
	b.ReportAllocs()
	for b.Loop() {
		if len(p.Shapes()) == 0 {
			b.Fatal("no shapes")
		}
	}
}

func BenchmarkShapesRussia(b *testing.B) {
	c, _ := Lookup("ru")
	p := Fit(Points(c.Polygons), 0, 0, 190, 120, 4)
	b.ReportAllocs()
	for b.Loop() {
		p.Shapes()
	}
}

func BenchmarkContains(b *testing.B) {
	c, _ := Lookup("ru")
	for b.Loop() {
		c.Contains(Point{37.6, 55.75})
	}
}

func BenchmarkAt(b *testing.B) {
	for b.Loop() {
		At(Point{37.6, 55.75})
	}
}

func BenchmarkLabelPoint(b *testing.B) {
	c, _ := Lookup("ru")
	for b.Loop() {
		c.LabelPoint()
	}
}

var binSize = flag.Bool("binsize", false, "build small programs with and without the package and report the sizes")

// TestBinarySize reports what the package adds to a program: go test
// -run BinarySize -binsize ./internal/geo/
func TestBinarySize(t *testing.T) {
	if !*binSize {
		t.Skip("without -binsize")
	}
	// The programs must live in the module to import an internal package.
	dir, err := os.MkdirTemp(".", "sizeprobe")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	progs := map[string]string{
		"base": `package main

import (
	"fmt"
	"os"
)

func main() { fmt.Println(len(os.Args)) }
`,
		"base-display": `package main

import (
	"fmt"
	"os"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

func main() {
	r, _ := language.ParseRegion(os.Args[0])
	fmt.Println(len(os.Args), display.Regions(language.Make(os.Args[0])).Name(r))
}
`,
		"geo": `package main

import (
	"fmt"
	"os"

	"github.com/coibrief/coibrief/internal/geo"
)

func main() {
	c, _ := geo.Lookup(os.Args[0])
	p := geo.Fit(geo.Points(c.Main()), 0, 0, 190, 120, 4)
	fmt.Println(len(os.Args), len(p.Shapes()), len(geo.Neighbours(c)))
}
`,
		"geo-names": `package main

import (
	"fmt"
	"os"

	"github.com/coibrief/coibrief/internal/geo"
	"golang.org/x/text/language"
)

func main() {
	c, _ := geo.Lookup(os.Args[0])
	p := geo.Fit(geo.Points(c.Main()), 0, 0, 190, 120, 4)
	fmt.Println(len(os.Args), len(p.Shapes()), c.NameIn(language.Make(os.Args[0])))
}
`,
	}
	sizes := map[string]int64{}
	for name, src := range progs {
		d := filepath.Join(dir, name)
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "main.go"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		bin := filepath.Join(t.TempDir(), name)
		cmd := exec.Command("go", "build", "-o", bin, ".")
		cmd.Dir = d
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		fi, err := os.Stat(bin)
		if err != nil {
			t.Fatal(err)
		}
		sizes[name] = fi.Size()
	}
	t.Logf("a program with fmt: %d bytes; with geo: %d (+%d); with geo and NameIn: %d (+%d)",
		sizes["base"], sizes["geo"], sizes["geo"]-sizes["base"], sizes["geo-names"], sizes["geo-names"]-sizes["base"])
	t.Logf("a program with fmt and x/text/language/display (as package locales has): %d bytes; with geo and NameIn: +%d",
		sizes["base-display"], sizes["geo-names"]-sizes["base-display"])
}
