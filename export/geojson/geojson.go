package geojson

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// Options says how to write the map's data. The zero Options writes the
// points and regions with names in the document's first language.
type Options struct {
	// Language is the language of the name, kind and dates properties:
	// one of the document's languages. The zero Tag means the first.
	// The names in every language of the briefing are there too, as
	// name_fr, name_en….
	Language language.Tag
	// NoRegions leaves out the regions' outlines, for a layer of points
	// alone (some programs open one geometry type per layer).
	NoRegions bool
}

// Write writes the map of doc as a GeoJSON FeatureCollection (RFC 7946):
// a Point for each place of the map with its entries, dates and most
// severe kind of event, most entries first, then the regions the
// briefing outlines as Polygons or MultiPolygons. A briefing without map
// (report.PartMap left out) gives the places of its gazetteer that
// entries name, without kinds. The same document and options give the
// same bytes.
func Write(w io.Writer, doc *report.Document, opt Options) error {
	if w == nil {
		return fmt.Errorf("geojson: %w: nil writer", ErrOptions)
	}
	if doc == nil {
		return fmt.Errorf("geojson: %w: nil document", ErrOptions)
	}
	if len(doc.Languages) == 0 {
		return fmt.Errorf("geojson: %w: the document has no language", ErrOptions)
	}
	lang := 0
	if opt.Language != (language.Tag{}) {
		if lang = slices.Index(doc.Languages, opt.Language); lang < 0 {
			return fmt.Errorf("geojson: %w: language %s; the document has %v", ErrOptions, opt.Language, doc.Languages)
		}
	}
	g := &gen{doc: doc, lang: lang}
	if m := doc.Map; m != nil {
		for _, pt := range m.Points {
			g.point(pt)
		}
		if !opt.NoRegions {
			for _, r := range m.Regions {
				g.region(r)
			}
		}
	} else {
		for _, p := range doc.Places {
			if p.Coord != nil && p.Entries > 0 && p.Kind > model.PlaceRegion {
				g.place(p)
			}
		}
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(`{"type":"FeatureCollection","features":[`)
	for i, f := range g.features {
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
		bw.Write(f)
	}
	bw.WriteString("\n]}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("geojson: %w: %w", ErrWrite, err)
	}
	return g.err
}

type gen struct {
	doc      *report.Document
	lang     int
	features [][]byte
	err      error
}

// props is a properties object, written in the order given.
type props struct {
	keys []string
	vals []any
}

func (p *props) add(k string, v any) {
	p.keys = append(p.keys, k)
	p.vals = append(p.vals, v)
}

func (p *props) json() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range p.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := marshal(k)
		vb, err := marshal(p.vals[i])
		if err != nil {
			return nil, err
		}
		b.Write(kb)
		b.WriteByte(':')
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func (g *gen) l(t report.L) string {
	if g.lang < len(t) {
		return t[g.lang]
	}
	return ""
}

// num writes a coordinate as the shortest decimal that reads back the
// same float.
func num(v float64) json.Number { return json.Number(strconv.FormatFloat(v, 'f', -1, 64)) }

func (g *gen) feature(id string, geometry any, p *props) {
	pj, err := p.json()
	if err == nil {
		var gj []byte
		gj, err = marshal(geometry)
		if err == nil {
			idj, _ := marshal(id)
			g.features = append(g.features, []byte(`{"type":"Feature","id":`+string(idj)+`,"geometry":`+string(gj)+`,"properties":`+string(pj)+`}`))
		}
	}
	if err != nil && g.err == nil {
		g.err = fmt.Errorf("geojson: %w: feature %s: %w", ErrWrite, id, err)
	}
}

type point struct {
	Type        string         `json:"type"`
	Coordinates [2]json.Number `json:"coordinates"`
}

func pointOf(c model.Coord) point {
	return point{"Point", [2]json.Number{num(c.Lon), num(c.Lat)}}
}

// names adds the place's name in the options' language and in each of
// the briefing's.
func (g *gen) names(p *props, id model.PlaceID, name report.L) {
	p.add("name", g.l(name))
	for i, tag := range g.doc.Languages {
		p.add("name_"+tag.String(), name[i])
	}
	if pl := g.doc.Place(id); pl != nil {
		p.add("place_kind", pl.Kind.String())
		p.add("region", string(pl.Region))
		p.add("aliases", strings.Join(pl.Aliases, "; "))
	}
}

func (g *gen) point(pt *report.MapPoint) {
	p := &props{}
	p.add("place", string(pt.Place))
	g.names(p, pt.Place, pt.Name)
	p.add("entries", pt.Entries)
	p.add("first", pt.First.String())
	p.add("last", pt.Last.String())
	p.add("dates", g.l(pt.Dates))
	p.add("kind", pt.Kind.String())
	p.add("kind_label", g.l(pt.KindText))
	p.add("severity", report.Severity(pt.Kind))
	p.add("country", pt.Country)
	p.add("abroad", pt.Abroad)
	g.feature(string(pt.Place), pointOf(pt.Coord), p)
}

func (g *gen) place(pl *report.PlaceItem) {
	p := &props{}
	p.add("place", string(pl.ID))
	g.names(p, pl.ID, pl.Name)
	p.add("entries", pl.Entries)
	p.add("first", pl.First.String())
	p.add("last", pl.Last.String())
	g.feature(string(pl.ID), pointOf(*pl.Coord), p)
}

func (g *gen) region(r *report.MapRegion) {
	if r.Outline.IsZero() {
		return
	}
	p := &props{}
	p.add("place", string(r.Place))
	g.names(p, r.Place, r.Name)
	p.add("entries", r.Entries)
	p.add("focus", r.Focus)
	g.feature(string(r.Place), r.Outline, p)
}
