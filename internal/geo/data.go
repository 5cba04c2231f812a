package geo

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// countriesBin is written by internal/gen; see SOURCE.md for its format
// and origin.
//
//go:embed countries.bin
var countriesBin []byte

// NeighbourMargin is the distance in km within which two countries that
// share no border count as neighbours (see Neighbours).
const NeighbourMargin = 100

// Country is one country or territory of the data.
type Country struct {
	// Code is the ISO 3166-1 alpha-2 code in lower case, such as "kz", or
	// one of the codes the package documentation lists for features that
	// have none.
	Code string
	// Numeric is the ISO 3166-1 numeric code, such as 398 (or, for the codes
	// the package documentation lists, the one golang.org/x/text gives).
	Numeric int
	// Name is the English name as Natural Earth gives it, sometimes
	// abbreviated ("Bosnia and Herz.", "Dem. Rep. Congo"); NameIn gives
	// CLDR's names.
	Name string
	// Polygons is the outline: the mainland and the islands, the largest
	// first (by area), each an outer ring and its holes.
	Polygons []Polygon
	// Bounds is the smallest box holding the outline.
	Bounds Bounds

	boxes      []box            // the plain box of each polygon; East may exceed 180
	neighbours []int            // indexes in dataset.countries
	areas      func() []float64 // of each polygon's outer ring, in km², worked out on first use
}

// box is a box of unwrapped longitudes (West ≤ East, East may pass 180°).
type box struct{ west, south, east, north float64 }

type dataset struct {
	countries []*Country // sorted by code
	byCode    map[string]*Country
	byNumeric map[int]*Country
	margin    float64 // km
}

var load = sync.OnceValues(func() (*dataset, error) { return decode(countriesBin) })

// DataError returns the error met decoding the embedded data, or nil. Built
// from a tested copy of this package, it is always nil; if it is not,
// Lookup finds nothing and Countries returns none.
func DataError() error {
	_, err := load()
	return err
}

// Lookup returns the country with the given code: an ISO 3166-1 alpha-2
// code in either case ("kz", "KZ"), one of the codes the package
// documentation lists for features without one ("xk"), or anything else
// golang.org/x/text/language.ParseRegion reads as a country: an alpha-3 code
// ("KAZ"), a numeric code ("398"), an alias ("UK").
func Lookup(code string) (*Country, bool) {
	d, err := load()
	if err != nil || len(code) > 16 {
		return nil, false
	}
	if c, ok := d.byCode[strings.ToLower(strings.TrimSpace(code))]; ok {
		return c, true
	}
	r, err := language.ParseRegion(strings.TrimSpace(code))
	if err != nil {
		return nil, false
	}
	c, ok := d.byNumeric[r.M49()]
	return c, ok
}

// Countries returns every country, sorted by code, in a new slice.
func Countries() []*Country {
	d, err := load()
	if err != nil {
		return nil
	}
	return append([]*Country(nil), d.countries...)
}

// Neighbours returns the countries, sorted by code, that share a border
// with c or come within NeighbourMargin km of it (across a strait, for
// instance: Spain and Morocco, Yemen and Djibouti). Shared borders are
// those of Natural Earth's topology at full resolution; distances were
// measured between the embedded outlines, first between bounding boxes and
// then between each vertex and the other country's edges, when the data
// was generated.
func Neighbours(c *Country) []*Country {
	d, err := load()
	if err != nil || c == nil {
		return nil
	}
	out := make([]*Country, 0, len(c.neighbours))
	for _, i := range c.neighbours {
		out = append(out, d.countries[i])
	}
	return out
}

// NameIn returns the country's name in the language of tag as CLDR gives
// it (through golang.org/x/text/language/display): "Kasachstan" for "kz" in
// German, "Bosnia & Herzegovina" for "ba" in English. It falls back to Name
// when CLDR has no name for the code or no names in that language.
func (c *Country) NameIn(tag language.Tag) string {
	if c == nil {
		return ""
	}
	if r, err := language.ParseRegion(c.Code); err == nil {
		if n := display.Regions(tag); n != nil {
			if s := n.Name(r); s != "" {
				return s
			}
		}
	}
	return c.Name
}

// decode reads the format written by internal/gen (see encode there).
func decode(data []byte) (*dataset, error) {
	const magic = "NEGEO\x01"
	if len(data) < len(magic) || string(data[:len(magic)]) != magic {
		return nil, errors.New("geo: countries.bin: not the expected format")
	}
	r := reader{data: data, off: len(magic)}
	var hdr [4]float64
	for i := range hdr {
		hdr[i] = math.Float64frombits(r.uvarint())
	}
	margin := float64(r.uvarint()) / 1000
	nc, np, nr, npt := r.count(1000), r.count(100000), r.count(100000), r.count(10000000)
	if r.err != nil {
		return nil, fmt.Errorf("geo: countries.bin: header: %w", r.err)
	}
	sx, sy, tx, ty := hdr[0], hdr[1], hdr[2], hdr[3]
	for _, v := range hdr {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1000 {
			return nil, errors.New("geo: countries.bin: header: bad transform")
		}
	}
	if sx < 1e-6 || sy < 1e-6 {
		return nil, errors.New("geo: countries.bin: header: bad transform")
	}
	// The grid positions of valid points: latitudes within ±90°, longitudes
	// from −180° to 540° (rings run on eastwards past 180°).
	xMin, xMax := int64(math.Ceil((-180-tx)/sx)), int64(math.Floor((540-tx)/sx))
	yMin, yMax := int64(math.Ceil((-90-ty)/sy)), int64(math.Floor((90-ty)/sy))
	d := &dataset{
		countries: make([]*Country, nc),
		byCode:    make(map[string]*Country, nc),
		byNumeric: make(map[int]*Country, nc),
		margin:    margin,
	}
	all := make([]Country, nc)
	polys := make([]Polygon, np)
	rings := make([]Ring, nr)
	points := make([]Point, npt)
	boxes := make([]box, np)
	var x, y int64
	for ci := range all {
		c := &all[ci]
		c.Code = strings.ToLower(string(r.bytes(2)))
		c.Numeric = int(r.count(999))
		c.Name = string(r.bytes(r.count(200)))
		n := r.count(nc)
		c.neighbours = make([]int, n)
		last := 0
		for i := range n {
			last += r.count(nc)
			if last >= nc {
				r.fail("neighbour index out of range")
			}
			c.neighbours[i] = last
		}
		n = r.count(len(polys))
		c.Polygons, polys = polys[:n:n], polys[n:]
		c.boxes, boxes = boxes[:n:n], boxes[n:]
		c.areas = sync.OnceValue(func() []float64 {
			a := make([]float64, len(c.Polygons))
			for i, p := range c.Polygons {
				a[i] = ringArea(p[0])
			}
			return a
		})
		for pi := range c.Polygons {
			n := r.count(len(rings))
			if n == 0 {
				r.fail("polygon without rings")
			}
			if r.err != nil {
				return nil, fmt.Errorf("geo: countries.bin: %s: %w", c.Code, r.err)
			}
			p := rings[:n:n]
			rings = rings[n:]
			for ri := range p {
				n := r.count(len(points))
				if n < 3 {
					r.fail("ring of fewer than 3 points")
				}
				if r.err != nil {
					return nil, fmt.Errorf("geo: countries.bin: %s: %w", c.Code, r.err)
				}
				ring := points[:n:n]
				points = points[n:]
				for i := range ring {
					x += r.varint()
					y += r.varint()
					if x < xMin || x > xMax || y < yMin || y > yMax {
						r.fail("point out of range")
					}
					ring[i] = Point{Lon: tx + float64(x)*sx, Lat: ty + float64(y)*sy}
				}
				p[ri] = ring
				if r.err != nil {
					return nil, fmt.Errorf("geo: countries.bin: %s: %w", c.Code, r.err)
				}
			}
			c.Polygons[pi] = p
			c.boxes[pi] = boxOf(p[0])
		}
		if r.err != nil {
			return nil, fmt.Errorf("geo: countries.bin: country %d: %w", ci, r.err)
		}
		if len(c.Polygons) == 0 {
			return nil, fmt.Errorf("geo: countries.bin: %s has no polygons", c.Code)
		}
		ivs := make([]interval, len(c.boxes))
		south, north := 90.0, -90.0
		for i, b := range c.boxes {
			ivs[i] = interval{b.west, b.east - b.west}
			south, north = math.Min(south, b.south), math.Max(north, b.north)
		}
		c.Bounds = hull(ivs, south, north)
		if ci > 0 && all[ci-1].Code >= c.Code {
			return nil, fmt.Errorf("geo: countries.bin: %s: codes not sorted", c.Code)
		}
		if _, dup := d.byNumeric[c.Numeric]; dup {
			return nil, fmt.Errorf("geo: countries.bin: %s: numeric code %d twice", c.Code, c.Numeric)
		}
		d.countries[ci] = c
		d.byCode[c.Code] = c
		d.byNumeric[c.Numeric] = c
	}
	if r.err == nil && r.off != len(data) {
		r.fail("trailing bytes")
	}
	if r.err == nil && (len(polys) != 0 || len(rings) != 0 || len(points) != 0) {
		r.fail("fewer polygons, rings or points than the header says")
	}
	if r.err != nil {
		return nil, fmt.Errorf("geo: countries.bin: %w", r.err)
	}
	return d, nil
}

// boxOf returns the plain box of a ring's points.
func boxOf(r Ring) box {
	b := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, p := range r {
		// Points are valid: no NaN to care for.
		b.west, b.east = min(b.west, p.Lon), max(b.east, p.Lon)
		b.south, b.north = min(b.south, p.Lat), max(b.north, p.Lat)
	}
	return b
}

// ringArea returns the area of a ring in km², on the sinusoidal projection
// of a sphere (which is exact for edges along meridians and parallels and
// close for short ones).
func ringArea(r Ring) float64 {
	const k = earthRadius * math.Pi / 180
	a := 0.0
	for i := range r {
		p, q := r[i], r[(i+1)%len(r)]
		px := p.Lon * math.Cos(p.Lat*math.Pi/180)
		qx := q.Lon * math.Cos(q.Lat*math.Pi/180)
		a += px*q.Lat - qx*p.Lat
	}
	return math.Abs(a) / 2 * k * k
}

// reader reads varints, remembering the first error.
type reader struct {
	data []byte
	off  int
	err  error
}

func (r *reader) fail(msg string) {
	if r.err == nil {
		r.err = fmt.Errorf("%s at byte %d", msg, r.off)
	}
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.data[r.off:])
	if n <= 0 {
		r.fail("truncated or overlong varint")
		return 0
	}
	r.off += n
	return v
}

func (r *reader) varint() int64 {
	if r.off < len(r.data) && r.data[r.off] < 0x80 {
		// One byte: most deltas.
		u := int64(r.data[r.off])
		r.off++
		return u>>1 ^ -(u & 1)
	}
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.data[r.off:])
	if n <= 0 {
		r.fail("truncated or overlong varint")
		return 0
	}
	r.off += n
	return v
}

// count reads a uvarint no greater than max.
func (r *reader) count(max int) int {
	v := r.uvarint()
	if v > uint64(max) {
		r.fail(fmt.Sprintf("count %d above %d", v, max))
		return 0
	}
	return int(v)
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n > len(r.data)-r.off {
		r.fail("truncated")
		return nil
	}
	b := r.data[r.off : r.off+n]
	r.off += n
	return b
}
