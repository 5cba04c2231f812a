package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// Outline is the shape of a place — a region such as Karakalpakstan,
// Tigray or Gaza — for maps that draw and highlight it. In JSON it is a
// GeoJSON geometry (RFC 7946) of type "Polygon" or "MultiPolygon", as
// geojson.io and QGIS export it:
//
//	"outline": {"type": "Polygon", "coordinates": [[[59.1, 42.5], [61.2, 42.4], [60.8, 44.9], [59.1, 42.5]]]}
//
// Positions are [longitude, latitude] in WGS 84 degrees (a third number,
// an altitude, is refused rather than dropped). Each ring is closed: its
// last position repeats its first. The first ring of a polygon is its
// boundary; the others are holes.
type Outline struct {
	Polygons []Polygon
	Multi    bool // a MultiPolygon in JSON, even of one polygon
}

// Polygon is a boundary ring followed by the rings of its holes.
type Polygon []Ring

// Ring is a closed line of positions.
type Ring []LonLat

// LonLat is a position: longitude, then latitude, in degrees.
type LonLat [2]float64

// MaxOutlinePositions is the most positions an outline may hold, all
// rings together.
const MaxOutlinePositions = 100_000

// IsZero reports whether o holds no polygon.
func (o *Outline) IsZero() bool { return o == nil || len(o.Polygons) == 0 }

// MarshalJSON writes o as a GeoJSON geometry.
func (o Outline) MarshalJSON() ([]byte, error) {
	g := struct {
		Type        string `json:"type"`
		Coordinates any    `json:"coordinates"`
	}{Type: "Polygon"}
	if o.Multi || len(o.Polygons) != 1 {
		g.Type, g.Coordinates = "MultiPolygon", o.Polygons
	} else {
		g.Coordinates = o.Polygons[0]
	}
	return json.Marshal(g)
}

// UnmarshalJSON reads a GeoJSON Polygon or MultiPolygon geometry, for
// encoding/json; Decode reads outlines itself, with positions in its
// errors.
func (o *Outline) UnmarshalJSON(b []byte) error {
	var g struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&g); err != nil {
		return err
	}
	switch g.Type {
	case "Polygon":
		var p Polygon
		if err := json.Unmarshal(g.Coordinates, &p); err != nil {
			return err
		}
		*o = Outline{Polygons: []Polygon{p}}
	case "MultiPolygon":
		var ps []Polygon
		if err := json.Unmarshal(g.Coordinates, &ps); err != nil {
			return err
		}
		*o = Outline{Polygons: ps, Multi: true}
	default:
		return fmt.Errorf("%w: geometry type %q: want \"Polygon\" or \"MultiPolygon\"", ErrInvalidValue, clip(g.Type))
	}
	return nil
}

// outline decodes an Outline: an object with "type" and "coordinates",
// in either order.
func (d *decoder) outline(at mark, v *Outline) error {
	if err := d.s.open(at); err != nil {
		return d.scanErr(err)
	}
	var typ string
	var typeAt, coordAt mark
	var coords *geoNode
	for start := true; ; start = false {
		key, kat, more, err := d.member(start)
		if err != nil {
			return err
		}
		if !more {
			break
		}
		switch k := string(key); k {
		case "type", "coordinates":
			d.push(k, 0)
			if (k == "type" && typeAt.line != 0) || (k == "coordinates" && coordAt.line != 0) {
				return d.fail(kat, fmt.Errorf("%w %q", ErrDuplicateKey, k))
			}
			vk, vat, err := d.s.begin()
			if err != nil {
				return d.scanErr(err)
			}
			if k == "type" {
				typeAt = vat
				if vk != tokString {
					return d.fail(vat, fmt.Errorf("%w: got %s, want a string", ErrType, vk))
				}
				b, err := d.s.str()
				if err != nil {
					return d.scanErr(err)
				}
				typ = string(b)
			} else {
				coordAt = vat
				count := 0
				if coords, err = d.geoNode(vk, vat, &count); err != nil {
					return err
				}
			}
			d.pop()
		default:
			kq := clip(k)
			d.push(kq, 0)
			return d.fail(kat, fmt.Errorf("%w %q (an outline has a type and coordinates)", ErrUnknownField, kq))
		}
	}
	switch {
	case typeAt.line == 0:
		return d.fail(at, fmt.Errorf("%w: an outline needs a type, \"Polygon\" or \"MultiPolygon\"", ErrMissing))
	case typ != "Polygon" && typ != "MultiPolygon":
		d.push("type", 0)
		return d.fail(typeAt, fmt.Errorf("%w: geometry type %q: want \"Polygon\" or \"MultiPolygon\"", ErrInvalidValue, clip(typ)))
	case coords == nil:
		return d.fail(at, fmt.Errorf("%w: an outline needs coordinates", ErrMissing))
	}
	d.push("coordinates", 0)
	defer d.pop()
	var err error
	if typ == "Polygon" {
		var p Polygon
		p, err = coords.polygon()
		v.Polygons, v.Multi = []Polygon{p}, false
	} else {
		v.Polygons, err = coords.multi()
		v.Multi = true
	}
	if err != nil {
		return d.fail(coordAt, fmt.Errorf("%w: %s %v", ErrInvalidValue, typ, err))
	}
	return nil
}

// geoNode is a value of GeoJSON coordinates: a number or an array.
type geoNode struct {
	num  float64
	list []*geoNode
	leaf bool
}

// geoNode reads a value of coordinates, counting positions' numbers in
// count against MaxOutlinePositions.
func (d *decoder) geoNode(k tokenKind, at mark, count *int) (*geoNode, error) {
	switch k {
	case tokNumber:
		b, err := d.s.number()
		if err != nil {
			return nil, d.scanErr(err)
		}
		f, err := strconv.ParseFloat(string(b), 64)
		if err != nil {
			return nil, d.fail(at, fmt.Errorf("%w: number %s out of range", ErrInvalidValue, clip(string(b))))
		}
		if *count++; *count > 3*MaxOutlinePositions {
			return nil, d.fail(at, fmt.Errorf("%w: more than the %d positions an outline may hold", ErrTooLarge, MaxOutlinePositions))
		}
		return &geoNode{num: f, leaf: true}, nil
	case tokArray:
		if err := d.s.open(at); err != nil {
			return nil, d.scanErr(err)
		}
		n := &geoNode{}
		for i := 0; ; i++ {
			more, err := d.s.more(i == 0, false)
			if err != nil {
				return nil, d.scanErr(err)
			}
			if !more {
				return n, nil
			}
			ek, eat, err := d.s.begin()
			if err != nil {
				return nil, d.scanErr(err)
			}
			c, err := d.geoNode(ek, eat, count)
			if err != nil {
				return nil, err
			}
			n.list = append(n.list, c)
		}
	}
	return nil, d.fail(at, fmt.Errorf("%w: got %s in coordinates, want an array or a number", ErrType, k))
}

func (n *geoNode) multi() ([]Polygon, error) {
	if n.leaf {
		return nil, fmt.Errorf("coordinates: want an array of polygons")
	}
	out := make([]Polygon, len(n.list))
	for i, c := range n.list {
		p, err := c.polygon()
		if err != nil {
			return nil, fmt.Errorf("polygon %d: %w", i, err)
		}
		out[i] = p
	}
	return out, nil
}

func (n *geoNode) polygon() (Polygon, error) {
	if n.leaf || len(n.list) == 0 {
		return nil, fmt.Errorf("coordinates: want an array of rings, at least one")
	}
	out := make(Polygon, len(n.list))
	for i, c := range n.list {
		if c.leaf {
			return nil, fmt.Errorf("ring %d: want an array of positions", i)
		}
		r := make(Ring, len(c.list))
		for j, p := range c.list {
			if p.leaf || len(p.list) != 2 || !p.list[0].leaf || !p.list[1].leaf {
				return nil, fmt.Errorf("ring %d, position %d: want [longitude, latitude]", i, j)
			}
			r[j] = LonLat{p.list[0].num, p.list[1].num}
		}
		out[i] = r
	}
	return out, nil
}
