// Command gen writes countries.bin, the compact outline of every country
// that package geo embeds, from the TopoJSON file countries-50m.json of the
// npm package world-atlas (Natural Earth 1:50m admin-0 countries). It is run
// by go generate in package geo; SOURCE.md there says what it does to the
// data and why.
//
// Usage:
//
//	go run ./internal/gen -topojson path/to/countries-50m.json [-o countries.bin]
//
// Flags -tolerance and -margin set the simplification tolerance and the
// distance within which two countries count as neighbours, both in
// kilometres; -list prints every polygon of every country instead of
// writing the file, and -v says which rings were dropped and which arcs
// were simplified less. The output is the same, byte for byte, for the same
// input and flags.
package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/language"
)

// earthRadius is the mean radius of the Earth in kilometres.
const earthRadius = 6371.0088

// magic opens the output file; its last byte is the format's version.
const magic = "NEGEO\x01"

func main() {
	in := flag.String("topojson", "", "path of countries-50m.json from the npm package world-atlas")
	out := flag.String("o", "countries.bin", "file to write")
	tol := flag.Float64("tolerance", 1.0, "Douglas–Peucker tolerance in km")
	margin := flag.Float64("margin", 100, "countries closer than this many km are neighbours")
	list := flag.Bool("list", false, "print the polygons of every country instead of writing the file")
	verbose := flag.Bool("v", false, "say which rings were dropped and which arcs kept more points")
	flag.Parse()
	if err := run(*in, *out, *tol, *margin, *list, *verbose, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(in, out string, tol, margin float64, list, verbose bool, w io.Writer) error {
	if in == "" {
		return errors.New("geo: gen: -topojson not given (the path of world-atlas@2.0.2's countries-50m.json; go generate reads it from $TOPOJSON)")
	}
	if !(tol > 0) || !(margin >= 0) {
		return fmt.Errorf("geo: gen: tolerance %v and margin %v must be positive", tol, margin)
	}
	raw, err := os.ReadFile(in)
	if err != nil {
		return fmt.Errorf("geo: gen: %w", err)
	}
	t, err := parseTopology(raw)
	if err != nil {
		return fmt.Errorf("geo: gen: %s: %w", in, err)
	}
	cs, err := buildCountries(t)
	if err == nil {
		err = polar(t, cs)
	}
	if err != nil {
		return fmt.Errorf("geo: gen: %s: %w", in, err)
	}
	if list {
		listCountries(w, t, cs)
		return nil
	}
	st := simplify(t, cs, tol)
	if verbose {
		for _, n := range st.notes {
			fmt.Fprintln(w, n)
		}
	}
	neighbours(t, cs, margin)
	data := encode(t, cs, margin)
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return fmt.Errorf("geo: gen: %w", err)
	}
	fmt.Fprintf(w, "%s: %d countries, %d polygons, %d rings, %d points (of %d in the source arcs); %d arcs refined, %d dropped rings; %d bytes\n",
		out, len(cs), st.polygons, st.rings, st.points, st.srcPoints, st.refined, st.dropped, len(data))
	return nil
}

// ---- TopoJSON ----

// pt is a position on the topology's quantization grid.
type pt struct{ x, y int64 }

type topology struct {
	scale, translate [2]float64
	period           int64  // 360° of longitude on the grid
	arcs             [][]pt // absolute positions, consecutive duplicates removed
	geoms            []geometry
}

type geometry struct {
	id    string // ISO 3166-1 numeric, or "" when the feature has none
	name  string
	polys [][][]int // polygons → rings → arc references (~i is arc i reversed)
}

func (t *topology) lonLat(p pt) (lon, lat float64) {
	return t.translate[0] + float64(p.x)*t.scale[0], t.translate[1] + float64(p.y)*t.scale[1]
}

// vec returns the point on a sphere of radius earthRadius.
func (t *topology) vec(p pt) [3]float64 {
	lon, lat := t.lonLat(p)
	lo, la := lon*math.Pi/180, lat*math.Pi/180
	return [3]float64{earthRadius * math.Cos(la) * math.Cos(lo), earthRadius * math.Cos(la) * math.Sin(lo), earthRadius * math.Sin(la)}
}

func parseTopology(data []byte) (*topology, error) {
	var doc struct {
		Type      string `json:"type"`
		Transform *struct {
			Scale     [2]float64 `json:"scale"`
			Translate [2]float64 `json:"translate"`
		} `json:"transform"`
		Arcs    [][][]float64 `json:"arcs"`
		Objects map[string]struct {
			Type       string `json:"type"`
			Geometries []struct {
				Type       string          `json:"type"`
				Arcs       json.RawMessage `json:"arcs"`
				ID         json.RawMessage `json:"id"`
				Properties struct {
					Name string `json:"name"`
				} `json:"properties"`
			} `json:"geometries"`
		} `json:"objects"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if doc.Type != "Topology" {
		return nil, fmt.Errorf("type %q, want Topology", doc.Type)
	}
	if doc.Transform == nil {
		return nil, errors.New("no transform: only quantized topologies are read")
	}
	t := &topology{scale: doc.Transform.Scale, translate: doc.Transform.Translate}
	if !(t.scale[0] > 0 && t.scale[1] > 0) {
		return nil, fmt.Errorf("transform scale %v is not positive", t.scale)
	}
	t.period = int64(math.Round(360 / t.scale[0]))
	if math.Abs(float64(t.period)*t.scale[0]-360) > 1e-9 {
		return nil, fmt.Errorf("transform scale %v does not divide 360° of longitude", t.scale[0])
	}
	for i, a := range doc.Arcs {
		var x, y int64
		arc := make([]pt, 0, len(a))
		for j, p := range a {
			if len(p) < 2 || p[0] != math.Trunc(p[0]) || p[1] != math.Trunc(p[1]) || math.Abs(p[0]) > 1e9 || math.Abs(p[1]) > 1e9 {
				return nil, fmt.Errorf("arc %d, position %d: %v is not a pair of integers", i, j, p)
			}
			x += int64(p[0])
			y += int64(p[1])
			if n := len(arc); n == 0 || arc[n-1] != (pt{x, y}) {
				arc = append(arc, pt{x, y})
			}
		}
		if len(arc) == 0 {
			return nil, fmt.Errorf("arc %d is empty", i)
		}
		t.arcs = append(t.arcs, arc)
	}
	obj, ok := doc.Objects["countries"]
	if !ok || obj.Type != "GeometryCollection" {
		return nil, errors.New(`no GeometryCollection "countries"`)
	}
	for i, g := range obj.Geometries {
		var geom geometry
		geom.name = g.Properties.Name
		if len(g.ID) > 0 && string(g.ID) != "null" {
			if err := json.Unmarshal(g.ID, &geom.id); err != nil {
				return nil, fmt.Errorf("geometry %d (%s): id %s is not a string", i, geom.name, g.ID)
			}
		}
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return nil, fmt.Errorf("geometry %d (%s): %w", i, geom.name, err)
			}
			geom.polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &geom.polys); err != nil {
				return nil, fmt.Errorf("geometry %d (%s): %w", i, geom.name, err)
			}
		default:
			return nil, fmt.Errorf("geometry %d (%s): type %q, want Polygon or MultiPolygon", i, geom.name, g.Type)
		}
		for _, p := range geom.polys {
			if len(p) == 0 {
				return nil, fmt.Errorf("geometry %d (%s): polygon without rings", i, geom.name)
			}
			for _, r := range p {
				if len(r) == 0 {
					return nil, fmt.Errorf("geometry %d (%s): ring without arcs", i, geom.name)
				}
				for _, a := range r {
					if arcIndex(a) >= len(t.arcs) {
						return nil, fmt.Errorf("geometry %d (%s): arc %d out of range", i, geom.name, a)
					}
				}
			}
		}
		t.geoms = append(t.geoms, geom)
	}
	return t, nil
}

func arcIndex(a int) int {
	if a < 0 {
		return ^a
	}
	return a
}

// ---- countries ----

type country struct {
	code    string // ISO 3166-1 alpha-2, lower case
	numeric int
	name    string
	src     [][][]int // polygons → rings → arc references
	wind    [][]int   // per ring of src: how often it circles a pole
	// Set by simplify: the polygons kept, largest first, each its rings
	// (outer first) of points, open (the first point is not repeated).
	polys [][][]pt
	// Set by neighbours: indexes of neighbouring countries.
	neighbours []int
}

// noID gives codes to the features that Natural Earth leaves without an ISO
// 3166-1 numeric code. Kosovo's XK is the code in common use (and in CLDR);
// the others are from ISO 3166's user-assigned range. Their numeric codes
// are what golang.org/x/text/language gives these codes (its M49 method).
var noID = map[string]string{
	"Kosovo":          "xk",
	"Somaliland":      "xs",
	"N. Cyprus":       "xc",
	"Siachen Glacier": "xg",
}

// mergeInto lists features whose polygons join another country's: Ashmore
// and Cartier Islands carries Australia's code, 036.
var mergeInto = map[string]string{"Ashmore and Cartier Is.": "Australia"}

// split moves the polygons of a feature that lie in a box (by the centre of
// their outer ring's bounding box) into a country of their own: the parts of
// a Natural Earth feature that have ISO 3166-1 codes of their own. Several
// boxes may go to the same code.
type split struct {
	from, code, name         string
	west, south, east, north float64
}

var splits = []split{
	{"Indian Ocean Ter.", "cx", "Christmas I.", 100, -12, 110, -9},
	{"Indian Ocean Ter.", "cc", "Cocos Is.", 95, -13, 98, -11},
	{"France", "gf", "French Guiana", -55, 1, -50, 7},
	{"France", "gp", "Guadeloupe", -62, 15.8, -60.9, 16.6},
	{"France", "mq", "Martinique", -61.3, 14.3, -60.7, 15},
	{"France", "re", "Réunion", 55, -21.5, 56, -20.8},
	{"France", "yt", "Mayotte", 44.9, -13.1, 45.4, -12.5},
	{"Norway", "sj", "Svalbard and Jan Mayen", 10, 74, 35, 81},
	{"Norway", "sj", "Svalbard and Jan Mayen", -9.5, 70.7, -7.5, 71.3},
	{"Netherlands", "bq", "Caribbean Netherlands", -69, 11.5, -62.5, 18},
}

func buildCountries(t *topology) ([]*country, error) {
	byName := map[string]*country{}
	var cs []*country
	for _, g := range t.geoms {
		if _, ok := mergeInto[g.name]; ok {
			continue
		}
		c := &country{name: g.name, src: g.polys}
		if g.id == "" {
			c.code = noID[g.name]
			if c.code == "" && !isSplitOnly(g.name) {
				return nil, fmt.Errorf("feature %q has no id and no code is assigned to it", g.name)
			}
		} else {
			n, err := strconv.Atoi(g.id)
			if err != nil || n <= 0 || n > 999 {
				return nil, fmt.Errorf("feature %q: id %q is not an ISO 3166-1 numeric code", g.name, g.id)
			}
			r, err := language.EncodeM49(n)
			if err != nil || !r.IsCountry() {
				return nil, fmt.Errorf("feature %q: id %q is not a country's code (%v)", g.name, g.id, err)
			}
			c.code = strings.ToLower(r.String())
		}
		if byName[g.name] != nil {
			return nil, fmt.Errorf("two features named %q", g.name)
		}
		byName[g.name] = c
		cs = append(cs, c)
	}
	for _, g := range t.geoms {
		if into, ok := mergeInto[g.name]; ok {
			c := byName[into]
			if c == nil {
				return nil, fmt.Errorf("feature %q: no feature %q to merge it into", g.name, into)
			}
			c.src = append(c.src, g.polys...)
		}
	}
	byCode := map[string]*country{}
	for _, s := range splits {
		from := byName[s.from]
		if from == nil {
			return nil, fmt.Errorf("split: no feature %q", s.from)
		}
		c := byCode[s.code]
		if c == nil {
			c = &country{code: s.code, name: s.name}
			byCode[s.code] = c
			cs = append(cs, c)
		}
		n := len(c.src)
		kept := from.src[:0:0]
		for _, p := range from.src {
			x0, y0, x1, y1 := ringBox(t, p[0])
			lon, lat := t.lonLat(pt{(x0 + x1) / 2, (y0 + y1) / 2})
			if lon >= s.west && lon <= s.east && lat >= s.south && lat <= s.north {
				c.src = append(c.src, p)
			} else {
				kept = append(kept, p)
			}
		}
		if len(c.src) == n {
			return nil, fmt.Errorf("split: no polygon of %q lies in the box %v of %s", s.from, s, s.code)
		}
		from.src = kept
	}
	seen := map[string]string{}
	out := cs[:0]
	for _, c := range cs {
		if len(c.src) == 0 {
			if !isSplitOnly(c.name) {
				return nil, fmt.Errorf("feature %q has no polygons left", c.name)
			}
			continue
		}
		if c.code == "" {
			return nil, fmt.Errorf("feature %q has polygons outside every split box", c.name)
		}
		r, err := language.ParseRegion(c.code)
		if err != nil {
			return nil, fmt.Errorf("%s (%s): %w", c.code, c.name, err)
		}
		c.numeric = r.M49()
		if prev, ok := seen[c.code]; ok {
			return nil, fmt.Errorf("code %s given to both %q and %q", c.code, prev, c.name)
		}
		seen[c.code] = c.name
		out = append(out, c)
	}
	cs = out
	sort.Slice(cs, func(i, j int) bool { return cs[i].code < cs[j].code })
	return cs, nil
}

// isSplitOnly reports whether every polygon of the feature goes to countries
// made by splits, so that the feature itself needs no code.
func isSplitOnly(name string) bool { return name == "Indian Ocean Ter." }

// ring returns the positions of a ring of arc references at full
// resolution, open and without consecutive duplicates.
func ring(t *topology, refs []int, arcs [][]pt) []pt {
	var r []pt
	for _, a := range refs {
		src := arcs[arcIndex(a)]
		for k := range src {
			p := src[k]
			if a < 0 {
				p = src[len(src)-1-k]
			}
			if n := len(r); n == 0 || r[n-1] != p {
				r = append(r, p)
			}
		}
	}
	for len(r) > 1 && r[0] == r[len(r)-1] {
		r = r[:len(r)-1]
	}
	return r
}

func ringBox(t *topology, refs []int) (x0, y0, x1, y1 int64) {
	r := ring(t, refs, t.arcs)
	x0, y0, x1, y1 = r[0].x, r[0].y, r[0].x, r[0].y
	for _, p := range r {
		x0, y0, x1, y1 = min(x0, p.x), min(y0, p.y), max(x1, p.x), max(y1, p.y)
	}
	return
}

// area2 returns twice the signed area of a ring on the quantization grid.
func area2(r []pt) int64 {
	var a int64
	for i := range r {
		p, q := r[i], r[(i+1)%len(r)]
		a += p.x*q.y - q.x*p.y
	}
	return a
}

// areaKm2 returns the approximate area of a ring in km², on the sinusoidal
// projection.
func areaKm2(t *topology, r []pt) float64 {
	const k = earthRadius * math.Pi / 180
	a := 0.0
	for i := range r {
		plon, plat := t.lonLat(r[i])
		qlon, qlat := t.lonLat(r[(i+1)%len(r)])
		px, qx := plon*math.Cos(plat*math.Pi/180)*k, qlon*math.Cos(qlat*math.Pi/180)*k
		a += px*qlat*k - qx*plat*k
	}
	return math.Abs(a) / 2
}

func listCountries(w io.Writer, t *topology, cs []*country) {
	for _, c := range cs {
		fmt.Fprintf(w, "%s %03d %s: %d polygons\n", c.code, c.numeric, c.name, len(c.src))
		for _, p := range c.src {
			r := ring(t, p[0], t.arcs)
			x0, y0, x1, y1 := ringBox(t, p[0])
			lon, lat := t.lonLat(pt{(x0 + x1) / 2, (y0 + y1) / 2})
			fmt.Fprintf(w, "    %8.3f %8.3f  %10.1f km²  %5d points  %d holes\n", lon, lat, areaKm2(t, r), len(r), len(p)-1)
		}
	}
}

// ---- antimeridian and poles ----

// unwrap returns the ring with longitudes made continuous (a step of more
// than 180° is taken the other way round the Earth), shifted by whole turns
// so that its westernmost point lies in [-180°, 180°), and the number of
// turns it makes around a pole.
func unwrap(t *topology, r []pt) ([]pt, int) {
	out := make([]pt, len(r))
	var shift int64
	half := t.period / 2
	for i, p := range r {
		if i > 0 {
			switch d := p.x - r[i-1].x; {
			case d > half:
				shift -= t.period
			case d < -half:
				shift += t.period
			}
		}
		out[i] = pt{p.x + shift, p.y}
	}
	wind := 0
	if len(r) > 1 {
		// The closing step, from the last point back to the first.
		end := r[len(r)-1].x
		switch d := r[0].x - end; {
		case d > half:
			shift -= t.period
		case d < -half:
			shift += t.period
		}
		wind = int(shift / t.period)
	}
	return t.westIn(out), wind
}

// westIn shifts the ring by whole turns so that its westernmost point lies
// in [-180°, 180°), that is at x in [0, period) (x = 0 is longitude
// translate[0], −180° in world-atlas).
func (t *topology) westIn(r []pt) []pt {
	if len(r) == 0 {
		return r
	}
	west := r[0].x
	for _, p := range r {
		west = min(west, p.x)
	}
	k := int64(math.Floor(float64(west) / float64(t.period)))
	for i := range r {
		r[i].x -= k * t.period
	}
	return r
}

// planar returns the ring unwrapped and, if it circles a pole (wind turns,
// as Antarctica's coast does), closed through that pole: from its last
// point along the meridian to the pole, along the pole to the first point's
// meridian and back up. It reports false if the ring does not circle the
// pole as often as its full-resolution version, wind.
func planar(t *topology, r []pt, wind int) ([]pt, bool) {
	out, w := unwrap(t, r)
	if w != wind {
		return out, false
	}
	if w == 0 || len(out) == 0 {
		return out, true
	}
	first := out[0]
	pole := t.poleY(first.y)
	end := first.x + int64(w)*t.period
	out = append(out, pt{end, first.y}, pt{end, pole}, pt{first.x, pole})
	return t.westIn(out), true
}

// poleY returns the grid row nearest the pole on the side of row y, within
// the range of valid latitudes.
func (t *topology) poleY(y int64) int64 {
	_, lat := t.lonLat(pt{0, y})
	if lat < 0 {
		return int64(math.Ceil((-90 - t.translate[1]) / t.scale[1]))
	}
	return int64(math.Floor((90 - t.translate[1]) / t.scale[1]))
}

// polar sets c.wind and rebuilds the polygons whose outer ring is a small
// circle around a pole, which is how world-atlas gives Antarctica (a ring
// along 89.999°S whose hole is the coast, the polygon being what lies
// between them on the sphere): each such polygon becomes its holes, closed
// through the pole, as outer rings.
func polar(t *topology, cs []*country) error {
	for _, c := range cs {
		var polys [][][]int
		for _, p := range c.src {
			outer, w := unwrap(t, ring(t, p[0], t.arcs))
			if w == 0 {
				polys = append(polys, p)
				continue
			}
			_, lat0 := t.lonLat(pt{0, t.poleY(outer[0].y)})
			for _, q := range outer {
				if _, lat := t.lonLat(q); math.Abs(lat-lat0) > 0.01 {
					return fmt.Errorf("%s: an outer ring circles a pole but does not follow it", c.name)
				}
			}
			for _, h := range p[1:] {
				if _, hw := unwrap(t, ring(t, h, t.arcs)); hw == 0 {
					return fmt.Errorf("%s: a hole in a polar polygon does not circle the pole", c.name)
				}
				polys = append(polys, [][]int{h})
			}
		}
		c.src = polys
		c.wind = make([][]int, len(polys))
		for i, p := range polys {
			c.wind[i] = make([]int, len(p))
			for j, r := range p {
				_, c.wind[i][j] = unwrap(t, ring(t, r, t.arcs))
			}
		}
	}
	return nil
}

// ---- simplification ----

type stats struct {
	polygons, rings, points, srcPoints, refined, dropped int
	notes                                                []string // what was dropped or refined, for -v
}

// simplify sets c.polys for every country. Each arc is simplified once, with
// Douglas–Peucker at tolerance tol km, so that the countries on either side
// of a border get the same line. An arc's tolerance is halved (and at last
// the arc is kept whole) while it takes part in a crossing of simplified
// arcs, or while it belongs to the outer ring of the largest polygon of a
// country whose every ring would vanish.
func simplify(t *topology, cs []*country, tol float64) stats {
	var st stats
	tols := make([]float64, len(t.arcs))
	for i := range tols {
		tols[i] = tol
	}
	simp := make([][]pt, len(t.arcs))
	done := make([]float64, len(t.arcs))
	for i := range done {
		done[i] = -1
	}
	refinedArcs := map[int]bool{}
	for {
		for i, a := range t.arcs {
			if done[i] != tols[i] {
				simp[i] = douglasPeucker(t, a, tols[i])
				done[i] = tols[i]
			}
		}
		refine := map[int]bool{}
		used := map[int]bool{}
		st.dropped = 0
		st.notes = st.notes[:0]
		for _, c := range cs {
			c.polys = nil
			for pi, p := range c.src {
				outer, ok := planar(t, ring(t, p[0], simp), c.wind[pi][0])
				if !ok {
					markRefine(refine, p[0])
				}
				if len(outer) < 3 || area2(outer) == 0 {
					st.dropped += len(p)
					full, _ := planar(t, ring(t, p[0], t.arcs), c.wind[pi][0])
					st.notes = append(st.notes, fmt.Sprintf("dropped: %s (%s), a polygon of %.1f km² with %d holes", c.code, c.name, areaKm2(t, full), len(p)-1))
					continue
				}
				rings := [][]pt{outer}
				markUsed(used, p[0])
				for hi, h := range p[1:] {
					hr, ok := planar(t, ring(t, h, simp), c.wind[pi][hi+1])
					if !ok {
						markRefine(refine, h)
					}
					if len(hr) < 3 || area2(hr) == 0 {
						st.dropped++
						full, _ := planar(t, ring(t, h, t.arcs), c.wind[pi][hi+1])
						st.notes = append(st.notes, fmt.Sprintf("dropped: %s (%s), a hole of %.1f km²", c.code, c.name, areaKm2(t, full)))
						continue
					}
					rings = append(rings, hr)
					markUsed(used, h)
				}
				c.polys = append(c.polys, rings)
			}
			if len(c.polys) == 0 {
				// Keep the largest polygon at least.
				best, bestA := 0, -1.0
				for i, p := range c.src {
					r, _ := planar(t, ring(t, p[0], t.arcs), c.wind[i][0])
					if a := areaKm2(t, r); a > bestA {
						best, bestA = i, a
					}
				}
				markRefine(refine, c.src[best][0])
			}
		}
		for _, i := range crossings(t, simp, used) {
			refine[i] = true
		}
		changed := false
		for i := range refine {
			if tols[i] > 0 {
				refinedArcs[i] = true
				tols[i] /= 2
				if tols[i] < tol/64 {
					tols[i] = 0
				}
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	st.refined = len(refinedArcs)
	for _, i := range slices.Sorted(maps.Keys(refinedArcs)) {
		var who []string
		for _, c := range cs {
			for _, p := range c.src {
				for _, r := range p {
					for _, a := range r {
						if arcIndex(a) == i && !slices.Contains(who, c.code) {
							who = append(who, c.code)
						}
					}
				}
			}
		}
		st.notes = append(st.notes, fmt.Sprintf("refined: arc %d (%d points) of %s, to tolerance %g km", i, len(t.arcs[i]), strings.Join(who, ", "), tols[i]))
	}
	for _, a := range t.arcs {
		st.srcPoints += len(a)
	}
	for _, c := range cs {
		sort.SliceStable(c.polys, func(i, j int) bool {
			return areaKm2(t, c.polys[i][0]) > areaKm2(t, c.polys[j][0])
		})
		st.polygons += len(c.polys)
		for _, p := range c.polys {
			st.rings += len(p)
			for _, r := range p {
				st.points += len(r)
			}
		}
	}
	return st
}

func markRefine(refine map[int]bool, refs []int) {
	for _, a := range refs {
		refine[arcIndex(a)] = true
	}
}

func markUsed(used map[int]bool, refs []int) {
	for _, a := range refs {
		used[arcIndex(a)] = true
	}
}

// douglasPeucker simplifies an arc, keeping its ends. Distances are those
// in space between points on the sphere and chords between them, in km. A
// closed arc is split at the point farthest from its ends.
func douglasPeucker(t *topology, a []pt, tol float64) []pt {
	if tol <= 0 || len(a) <= 2 {
		return a
	}
	v := make([][3]float64, len(a))
	for i, p := range a {
		v[i] = t.vec(p)
	}
	keep := make([]bool, len(a))
	keep[0], keep[len(a)-1] = true, true
	type span struct{ i, j int }
	var stack []span
	if a[0] == a[len(a)-1] {
		far, fd := 0, -1.0
		for i := range v {
			if d := dist(v[i], v[0]); d > fd {
				far, fd = i, d
			}
		}
		keep[far] = true
		stack = append(stack, span{0, far}, span{far, len(a) - 1})
	} else {
		stack = append(stack, span{0, len(a) - 1})
	}
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		best, bd := -1, tol
		for k := s.i + 1; k < s.j; k++ {
			if d := segDist(v[k], v[s.i], v[s.j]); d > bd {
				best, bd = k, d
			}
		}
		if best >= 0 {
			keep[best] = true
			stack = append(stack, span{s.i, best}, span{best, s.j})
		}
	}
	out := make([]pt, 0, 16)
	for i, p := range a {
		if keep[i] {
			out = append(out, p)
		}
	}
	return out
}

func sub(a, b [3]float64) [3]float64 { return [3]float64{a[0] - b[0], a[1] - b[1], a[2] - b[2]} }
func dot(a, b [3]float64) float64    { return a[0]*b[0] + a[1]*b[1] + a[2]*b[2] }
func dist(a, b [3]float64) float64   { d := sub(a, b); return math.Sqrt(dot(d, d)) }

// segDist returns the distance from p to the segment ab.
func segDist(p, a, b [3]float64) float64 {
	ab, ap := sub(b, a), sub(p, a)
	l2 := dot(ab, ab)
	s := 0.0
	if l2 > 0 {
		s = math.Max(0, math.Min(1, dot(ap, ab)/l2))
	}
	return dist(p, [3]float64{a[0] + s*ab[0], a[1] + s*ab[1], a[2] + s*ab[2]})
}

// crossings returns the arcs among used whose simplified segments cross or
// touch another segment (other than at a shared end), on the quantization
// grid.
func crossings(t *topology, simp [][]pt, used map[int]bool) []int {
	type seg struct {
		a, b pt
		arc  int
	}
	const cell = 500
	var segs []seg
	arcs := make([]int, 0, len(used))
	for i := range used {
		arcs = append(arcs, i)
	}
	slices.Sort(arcs)
	for _, i := range arcs {
		s := simp[i]
		for k := 0; k+1 < len(s); k++ {
			if d := s[k+1].x - s[k].x; d > t.period/2 || d < -t.period/2 {
				continue // across the antimeridian: short, and no use on the grid
			}
			segs = append(segs, seg{s[k], s[k+1], i})
		}
	}
	grid := map[[2]int64][]int{}
	for n, s := range segs {
		for cx := min(s.a.x, s.b.x) / cell; cx <= max(s.a.x, s.b.x)/cell; cx++ {
			for cy := min(s.a.y, s.b.y) / cell; cy <= max(s.a.y, s.b.y)/cell; cy++ {
				grid[[2]int64{cx, cy}] = append(grid[[2]int64{cx, cy}], n)
			}
		}
	}
	bad := map[int]bool{}
	for key, ns := range grid {
		for x := 0; x < len(ns); x++ {
			for y := x + 1; y < len(ns); y++ {
				s, u := segs[ns[x]], segs[ns[y]]
				// Test each pair once: in the cell of the lower-left corner of
				// the overlap of their boxes.
				ox := max(min(s.a.x, s.b.x), min(u.a.x, u.b.x))
				oy := max(min(s.a.y, s.b.y), min(u.a.y, u.b.y))
				if ox > min(max(s.a.x, s.b.x), max(u.a.x, u.b.x)) || oy > min(max(s.a.y, s.b.y), max(u.a.y, u.b.y)) {
					continue
				}
				if [2]int64{ox / cell, oy / cell} != key {
					continue
				}
				if intersect(s.a, s.b, u.a, u.b) {
					bad[s.arc], bad[u.arc] = true, true
				}
			}
		}
	}
	out := make([]int, 0, len(bad))
	for i := range bad {
		out = append(out, i)
	}
	slices.Sort(out)
	return out
}

func orient(a, b, c pt) int {
	v := (b.x-a.x)*(c.y-a.y) - (b.y-a.y)*(c.x-a.x)
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

func onSegment(a, b, p pt) bool {
	return min(a.x, b.x) <= p.x && p.x <= max(a.x, b.x) && min(a.y, b.y) <= p.y && p.y <= max(a.y, b.y)
}

// intersect reports whether segments ab and cd meet anywhere but at an end
// they share.
func intersect(a, b, c, d pt) bool {
	if a == c || a == d || b == c || b == d {
		// Sharing an end: only a collinear overlap counts.
		var o, p, q pt // o is the shared end, p and q the others
		switch {
		case a == c:
			o, p, q = a, b, d
		case a == d:
			o, p, q = a, b, c
		case b == c:
			o, p, q = b, a, d
		default:
			o, p, q = b, a, c
		}
		return orient(o, p, q) == 0 && (p.x-o.x)*(q.x-o.x)+(p.y-o.y)*(q.y-o.y) > 0
	}
	d1, d2, d3, d4 := orient(c, d, a), orient(c, d, b), orient(a, b, c), orient(a, b, d)
	if d1*d2 < 0 && d3*d4 < 0 {
		return true
	}
	return d1 == 0 && onSegment(c, d, a) || d2 == 0 && onSegment(c, d, b) ||
		d3 == 0 && onSegment(a, b, c) || d4 == 0 && onSegment(a, b, d)
}

// ---- neighbours ----

// neighbours sets c.neighbours: the countries that share an arc of the
// source topology with c, or whose simplified outlines come within margin
// km of c's.
func neighbours(t *topology, cs []*country, margin float64) {
	owners := map[int][]int{}
	for ci, c := range cs {
		for _, p := range c.src {
			for _, r := range p {
				for _, a := range r {
					i := arcIndex(a)
					if o := owners[i]; len(o) == 0 || o[len(o)-1] != ci {
						owners[i] = append(owners[i], ci)
					}
				}
			}
		}
	}
	near := make([]map[int]bool, len(cs))
	for i := range near {
		near[i] = map[int]bool{}
	}
	for _, o := range owners {
		for _, a := range o {
			for _, b := range o {
				if a != b {
					near[a][b] = true
				}
			}
		}
	}
	type shape struct {
		box      [4]float64 // west, south, east, north in degrees, plain
		pts, end [][3]float64
	}
	shapes := make([][]shape, len(cs))
	for ci, c := range cs {
		for _, p := range c.polys {
			for _, r := range p {
				s := shape{box: [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}}
				for k, q := range r {
					lon, lat := t.lonLat(q)
					s.box = [4]float64{math.Min(s.box[0], lon), math.Min(s.box[1], lat), math.Max(s.box[2], lon), math.Max(s.box[3], lat)}
					s.pts = append(s.pts, t.vec(q))
					s.end = append(s.end, t.vec(r[(k+1)%len(r)]))
				}
				shapes[ci] = append(shapes[ci], s)
			}
		}
	}
	kmPerDeg := earthRadius * math.Pi / 180
	// boxKm is a lower bound of the distance between two boxes.
	boxKm := func(a, b [4]float64) float64 {
		dlat := math.Max(0, math.Max(a[1]-b[3], b[1]-a[3]))
		dlon := math.Inf(1)
		for _, shift := range []float64{-360, 0, 360} {
			dlon = math.Min(dlon, math.Max(0, math.Max(a[0]-(b[2]+shift), (b[0]+shift)-a[2])))
		}
		maxLat := math.Max(math.Max(math.Abs(a[1]), math.Abs(a[3])), math.Max(math.Abs(b[1]), math.Abs(b[3])))
		return math.Hypot(dlat*kmPerDeg, dlon*kmPerDeg*math.Cos(math.Min(90, maxLat)*math.Pi/180))
	}
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			if near[i][j] {
				continue
			}
		pairs:
			for _, a := range shapes[i] {
				for _, b := range shapes[j] {
					if boxKm(a.box, b.box) > margin {
						continue
					}
					if minDist(a.pts, a.end, b.pts, b.end, margin) <= margin {
						near[i][j], near[j][i] = true, true
						break pairs
					}
				}
			}
		}
	}
	for i, c := range cs {
		for j := range near[i] {
			c.neighbours = append(c.neighbours, j)
		}
		slices.Sort(c.neighbours)
	}
}

// minDist returns the distance between two rings given as their segments'
// starts and ends, or a value above limit as soon as it is clear that the
// distance is.
func minDist(ap, ae, bp, be [][3]float64, limit float64) float64 {
	best := math.Inf(1)
	for k, p := range ap {
		for m, q := range bp {
			if dist(p, q) > best+2*limit+2000 {
				continue
			}
			best = math.Min(best, math.Min(segDist(p, q, be[m]), segDist(q, p, ae[k])))
			if best <= limit {
				return best
			}
		}
	}
	return best
}

// ---- output ----

// encode writes the countries. All integers are varints (encoding/binary):
//
//	magic "NEGEO\x01"
//	header, uvarints: the bits of the float64s scale lon, scale lat,
//	  translate lon, translate lat (lon = translate + x × scale); the
//	  neighbour margin in metres; the numbers of countries, polygons, rings
//	  and points
//	per country (sorted by code):
//	  code: 2 bytes; numeric: uvarint; name: uvarint length, UTF-8
//	  neighbours: uvarint count, then uvarint index deltas (ascending,
//	    the first from 0)
//	  polygons: uvarint count; per polygon: uvarint ring count (the outer
//	    ring first); per ring: uvarint point count, then per point the
//	    zig-zag varint deltas of x and y on the quantization grid from the
//	    previous point written (from 0, 0 at the start of the file)
func encode(t *topology, cs []*country, margin float64) []byte {
	var b bytes.Buffer
	b.WriteString(magic)
	uv := func(v uint64) { b.Write(binary.AppendUvarint(nil, v)) }
	sv := func(v int64) { b.Write(binary.AppendVarint(nil, v)) }
	for _, f := range []float64{t.scale[0], t.scale[1], t.translate[0], t.translate[1]} {
		uv(math.Float64bits(f))
	}
	uv(uint64(math.Round(margin * 1000)))
	var polys, rings, points int
	for _, c := range cs {
		polys += len(c.polys)
		for _, p := range c.polys {
			rings += len(p)
			for _, r := range p {
				points += len(r)
			}
		}
	}
	uv(uint64(len(cs)))
	uv(uint64(polys))
	uv(uint64(rings))
	uv(uint64(points))
	var prev pt
	for _, c := range cs {
		b.WriteString(c.code)
		uv(uint64(c.numeric))
		uv(uint64(len(c.name)))
		b.WriteString(c.name)
		uv(uint64(len(c.neighbours)))
		last := 0
		for _, n := range c.neighbours {
			uv(uint64(n - last))
			last = n
		}
		uv(uint64(len(c.polys)))
		for _, p := range c.polys {
			uv(uint64(len(p)))
			for _, r := range p {
				uv(uint64(len(r)))
				for _, q := range r {
					sv(q.x - prev.x)
					sv(q.y - prev.y)
					prev = q
				}
			}
		}
	}
	return b.Bytes()
}
