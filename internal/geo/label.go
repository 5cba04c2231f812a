package geo

import (
	"container/heap"
	"math"
)

// LabelPoint returns a point well inside the country's largest polygon,
// away from its edges and out of its holes: the pole of inaccessibility
// (the centre of the largest circle that fits in the polygon) on a plane
// where degrees of longitude are scaled to the polygon's middle latitude,
// found to within 1% of the polygon's size. Natural Earth's countries do
// not overlap, so it lies in this country only.
func (c *Country) LabelPoint() Point {
	if c == nil || len(c.Polygons) == 0 {
		return Point{}
	}
	b := c.boxes[0]
	lon0, lat0 := (b.west+b.east)/2, (b.south+b.north)/2
	k := math.Max(math.Cos(lat0*math.Pi/180), 0.05)
	rings := make([][]XY, len(c.Polygons[0]))
	for i, r := range c.Polygons[0] {
		rings[i] = make([]XY, len(r))
		for j, p := range r {
			rings[i][j] = XY{(p.Lon - lon0) * k, p.Lat}
		}
	}
	at, _ := polylabel(rings, math.Max(b.east-b.west, b.north-b.south)/100)
	return Point{normLon(lon0 + at.X/k), at.Y}
}

// Label returns the place for a label on the shape: the point inside its
// rings farthest from their edges (the frame's sides count as edges), and
// that distance in page units, for judging whether a name fits. It reports
// false if the shape has no rings.
func (s Shape) Label() (XY, float64, bool) {
	if len(s.Rings) == 0 {
		return XY{}, 0, false
	}
	x0, y0, x1, y1 := bbox(s.Rings)
	at, d := polylabel(s.Rings, math.Max(x1-x0, y1-y0)/200)
	return at, d, d > 0
}

func bbox(rings [][]XY) (x0, y0, x1, y1 float64) {
	x0, y0, x1, y1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, r := range rings {
		for _, p := range r {
			x0, y0, x1, y1 = math.Min(x0, p.X), math.Min(y0, p.Y), math.Max(x1, p.X), math.Max(y1, p.Y)
		}
	}
	return
}

// polylabel finds the pole of inaccessibility of the rings (even-odd) to
// within precision, by the quadtree search of Agafonkin's polylabel: cells
// are split, most promising first, while they might hold a point farther
// inside than the best found. It returns the point and its distance to the
// nearest edge (negative if even the best point is outside, as for rings
// of no area).
func polylabel(rings [][]XY, precision float64) (XY, float64) {
	x0, y0, x1, y1 := bbox(rings)
	if math.IsInf(x0, 0) || math.IsNaN(x0+y0+x1+y1) {
		return XY{}, math.Inf(-1)
	}
	size := math.Min(x1-x0, y1-y0)
	if !(size > 0) {
		return XY{(x0 + x1) / 2, (y0 + y1) / 2}, 0
	}
	// At most some 10,000 cells to start with, however thin the rings.
	size = math.Max(size, math.Max(x1-x0, y1-y0)/100)
	if !(precision > 0) {
		precision = size / 100
	}
	mk := func(x, y, h float64) cell {
		d := signedDist(rings, XY{x, y})
		return cell{x, y, h, d, d + h*math.Sqrt2}
	}
	var q cells
	h := size / 2
	for x := x0; x < x1; x += size {
		for y := y0; y < y1; y += size {
			q = append(q, mk(x+h, y+h, h))
		}
	}
	heap.Init(&q)
	best := mk(centroid(rings[0]).X, centroid(rings[0]).Y, 0)
	if c := mk((x0+x1)/2, (y0+y1)/2, 0); c.d > best.d {
		best = c
	}
	for n := 0; q.Len() > 0 && n < 20000; n++ {
		c := heap.Pop(&q).(cell)
		if c.d > best.d {
			best = c
		}
		if c.max-best.d <= precision {
			continue
		}
		h := c.h / 2
		for _, o := range [4][2]float64{{-1, -1}, {1, -1}, {-1, 1}, {1, 1}} {
			heap.Push(&q, mk(c.x+o[0]*h, c.y+o[1]*h, h))
		}
	}
	return XY{best.x, best.y}, best.d
}

type cell struct{ x, y, h, d, max float64 }

// cells is a max-heap of cells by the farthest distance they might hold.
type cells []cell

func (q cells) Len() int           { return len(q) }
func (q cells) Less(i, j int) bool { return q[i].max > q[j].max }
func (q cells) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *cells) Push(x any)        { *q = append(*q, x.(cell)) }
func (q *cells) Pop() any {
	old := *q
	c := old[len(old)-1]
	*q = old[:len(old)-1]
	return c
}

// signedDist returns the distance from p to the nearest edge of the rings,
// negative if p is outside them (by the even-odd rule).
func signedDist(rings [][]XY, p XY) float64 {
	in := false
	best := math.Inf(1)
	for _, r := range rings {
		for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
			a, b := r[i], r[j]
			if (a.Y > p.Y) != (b.Y > p.Y) && p.X < (b.X-a.X)*(p.Y-a.Y)/(b.Y-a.Y)+a.X {
				in = !in
			}
			best = math.Min(best, segDist2(p, a, b))
		}
	}
	d := math.Sqrt(best)
	if !in {
		d = -d
	}
	return d
}

// segDist2 returns the squared distance from p to the segment ab.
func segDist2(p, a, b XY) float64 {
	x, y := a.X, a.Y
	dx, dy := b.X-x, b.Y-y
	if dx != 0 || dy != 0 {
		t := ((p.X-x)*dx + (p.Y-y)*dy) / (dx*dx + dy*dy)
		if t > 1 {
			x, y = b.X, b.Y
		} else if t > 0 {
			x += dx * t
			y += dy * t
		}
	}
	dx, dy = p.X-x, p.Y-y
	return dx*dx + dy*dy
}

// centroid returns the centroid of a ring's area, or its first point if
// it has none.
func centroid(r []XY) XY {
	var a, cx, cy float64
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		p, q := r[i], r[j]
		f := p.X*q.Y - q.X*p.Y
		cx += (p.X + q.X) * f
		cy += (p.Y + q.Y) * f
		a += f * 3
	}
	if a == 0 {
		if len(r) == 0 {
			return XY{}
		}
		return r[0]
	}
	return XY{cx / a, cy / a}
}
