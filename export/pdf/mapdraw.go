package pdf

import (
	"math"
	"strconv"
	"strings"

	"github.com/coibrief/coibrief/internal/geo"
	"github.com/coibrief/coibrief/internal/maplayout"
	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/report"
)

// protestMap adds the map of events: the sea, the countries around in a
// light tone with their names, the country, the regions the dossier
// outlines, each place as a point sized by its number of entries and
// coloured by the most severe kind of event there, with its name where
// it collides with nothing; then a legend of the kinds present and of the
// sizes, the places the map could not name, and a table of the places.
// The title is the section's heading, the briefing's Map.Title.
func (b *builder) protestMap() {
	m := b.doc.Map
	if m == nil {
		return
	}
	if err := geo.DataError(); err != nil {
		b.fail(err)
		return
	}
	l := b.cols[0].lang
	g := b.g
	names := make([]string, len(m.Points))
	for i, p := range m.Points {
		names[i] = p.Name[l]
		b.m.width(names[i], stMapLabel, "map label "+string(p.Place))
	}
	width := func(s string, st style) float64 { return b.m.width(s, st, "map") }
	// The frame takes the text's width and the height the extent's shape
	// asks for, leaving room on the page for the heading and the legend.
	frameH := mapFrameHeight(m, g.textW, math.Min(mapMaxH, g.bodyBottom-g.bodyTop-75))
	lay := layoutMap(m, l, g.marginL, 0, g.textW, frameH, width)

	// The legend: the kinds present, wrapped to the text's width, then
	// the sizes.
	type entry struct {
		x, y  float64
		text  string
		color rgb
	}
	var kinds []entry
	lx, ly := g.marginL, frameH+5
	for i, k := range m.Kinds {
		text := b.bi(m.Legend[i])
		w := 4.2 + width(text, stSmall)
		if lx > g.marginL && lx+w > g.marginL+g.textW {
			lx, ly = g.marginL, ly+4.5
		}
		kinds = append(kinds, entry{lx, ly, text, rgbOf(maplayout.KindColors[k])})
		lx += w + 5
	}
	fig := child(b.tags.parent, "Figure")
	fig.alt = mapAlt(m.Title[l], b.msg(l, locales.FieldEntries, nil), names, m.Points)
	sizeLabel := b.biMsg(locales.FieldEntries)
	sizes := maplayout.LegendSizes
	big := radius(sizes[len(sizes)-1])
	sizeY := ly + 3 + big // the sizes' centre line
	width(sizeLabel, stSmall)
	b.add(&item{h: sizeY + big + 1, spaceBefore: 3, draw: func(d *drawer, y float64) {
		d.in(fig)
		drawMap(d, lay, y)
		for _, e := range kinds {
			d.fill(e.color)
			d.f.Circle(e.x+1.6, y+e.y-1.1, 1.6, "F")
			d.text(e.x+4.2, y+e.y, e.text, stSmall)
		}
		x := g.marginL
		d.text(x, y+sizeY+1, sizeLabel, stSmall)
		x += width(sizeLabel, stSmall) + 4
		for _, n := range sizes {
			r := radius(n)
			d.stroke(rgb{110, 110, 110}, 0.25)
			d.f.Circle(x+r, y+sizeY, r, "D")
			d.text(x+2*r+1.2, y+sizeY+1, strconv.Itoa(n), stSmall)
			x += 2*r + 7
		}
	}})
	// The places the map could not name.
	if len(lay.Unlabelled)+len(lay.UnlabelledRegions) > 0 {
		list := make([]string, 0, len(lay.Unlabelled)+len(lay.UnlabelledRegions))
		for _, p := range lay.Unlabelled {
			list = append(list, names[p])
		}
		for _, r := range lay.UnlabelledRegions {
			list = append(list, m.Regions[r].Name[l])
		}
		label := b.msg(l, locales.FieldLabelValue, map[string]any{"Label": b.biMsg(locales.MapUnlabelled), "Value": strings.Join(list, ", ")})
		b.wide(func() {
			its := b.block([][]run{{{text: label, st: stSmall}}}, 0, leadCell, false, "map", "")
			if len(its) > 0 {
				its[0].spaceBefore = 1
			}
		})
	}
	// The table of places; a place abroad says in which country.
	country := map[string]string{}
	for _, c := range m.Neighbours {
		country[c.ISO] = b.bi(c.Name)
	}
	widths := []float64{46, 20, 50, 50}
	header := []string{b.biMsg(locales.FieldPlace), b.biMsg(locales.FieldEntries), b.biMsg(locales.FieldDate), b.biMsg(locales.FieldKind)}
	var rows [][][]run
	for i, p := range m.Points {
		name := []run{{text: names[i], st: stCellB}}
		if c := country[p.Country]; p.Abroad && c != "" {
			name = append(name, run{text: " (" + c + ")", st: stCell})
		}
		rows = append(rows, [][]run{name, cell(strconv.Itoa(p.Entries), stCell), cell(p.Dates[l], stCell), cell(b.bi(p.KindText), stCell)})
	}
	b.table(widths, header, rows, "map table")
}

// drawMap draws a laid-out map whose frame's top is at y.
func drawMap(d *drawer, lay *mapLayout, y float64) {
	f := lay.Frame
	d.f.ClipRect(f.X0, f.Y0+y, f.X1-f.X0, f.Y1-f.Y0, false)
	d.fill(rgbOf(maplayout.SeaFill))
	d.f.Rect(f.X0, f.Y0+y, f.X1-f.X0, f.Y1-f.Y0, "F")
	for _, s := range lay.Others {
		d.fill(rgbOf(maplayout.LandFill))
		d.stroke(rgbOf(maplayout.LandLine), 0.18)
		rings(d, s.Rings, y, "DF*")
	}
	if len(lay.Country.Rings) > 0 {
		d.fill(rgbOf(maplayout.CountryFill))
		d.stroke(rgbOf(maplayout.CountryLine), 0.4)
		rings(d, lay.Country.Rings, y, "DF*")
	}
	for _, rs := range lay.Regions {
		if d.pdfa {
			// PDF/A: the colour the translucent fill makes over the country
			d.fill(blend(rgbOf(maplayout.RegionFill), rgbOf(maplayout.CountryFill), 0.28))
			rings(d, rs, y, "F*")
		} else {
			d.fill(rgbOf(maplayout.RegionFill))
			d.f.SetAlpha(0.28, "Normal")
			rings(d, rs, y, "F*")
			d.f.SetAlpha(1, "Normal")
		}
		d.stroke(rgbOf(maplayout.RegionLine), 0.45)
		rings(d, rs, y, "D")
	}
	// Points, largest first, so that small ones stay visible.
	for _, p := range lay.Dots {
		d.fill(rgbOf(maplayout.KindColors[p.Kind]))
		d.stroke(rgb{255, 255, 255}, 0.3)
		if d.pdfa {
			d.f.Circle(p.X, p.Y+y, p.R, "DF")
			continue
		}
		d.f.SetAlpha(0.85, "Normal")
		d.f.Circle(p.X, p.Y+y, p.R, "DF")
		d.f.SetAlpha(1, "Normal")
	}
	d.f.ClipEnd()
	// The clip's end restored the colours of before it: set them again,
	// so that fpdf's idea of them is the page's.
	d.fill(black)
	d.stroke(black, 0.2)
	for _, lb := range lay.Labels {
		d.text(lb.Box.X0, lb.Base+y, lb.Text, mapStyles[lb.Style])
	}
	d.stroke(rgbOf(maplayout.FrameLine), 0.3)
	d.f.Rect(f.X0, f.Y0+y, f.X1-f.X0, f.Y1-f.Y0, "D")
}

// rings draws rings shifted down by y as one path, leaving out points
// closer than maplayout.MinStep to the last one drawn.
func rings(d *drawer, rs [][]geo.XY, y float64, op string) {
	if len(rs) == 0 {
		return
	}
	for _, r := range rs {
		last := r[0]
		d.f.MoveTo(last.X, last.Y+y)
		for _, p := range r[1:] {
			if math.Abs(p.X-last.X) < maplayout.MinStep && math.Abs(p.Y-last.Y) < maplayout.MinStep {
				continue
			}
			d.f.LineTo(p.X, p.Y+y)
			last = p
		}
		d.f.ClosePath()
	}
	d.f.DrawPath(op)
}

// blend is the colour c laid over under with opacity a.
func blend(c, under rgb, a float64) rgb {
	mix := func(x, y uint8) uint8 { return uint8(math.Round(a*float64(x) + (1-a)*float64(y))) }
	return rgb{mix(c.r, under.r), mix(c.g, under.g), mix(c.b, under.b)}
}

// mapAlt says what the map shows, in its language: its title and each
// place with its number of entries, most first.
func mapAlt(title, entries string, names []string, points []*report.MapPoint) string {
	var sb strings.Builder
	sb.WriteString(title + ". " + entries + ": ")
	for i, p := range points {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(names[i] + " " + strconv.Itoa(p.Entries))
	}
	return sb.String() + "."
}
