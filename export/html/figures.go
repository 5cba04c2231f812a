package html

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/coibrief/coibrief/internal/chartlayout"
	"github.com/coibrief/coibrief/internal/geo"
	"github.com/coibrief/coibrief/internal/maplayout"
	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
)

// The chart and the map are inline SVG, in millimetres, at the size of
// the PDF's A4 page: the map is laid out by package maplayout in the
// frame the A4 PDF gives it, so that its names sit where the PDF's do.
// They are styled with presentation attributes only, never a style
// attribute, so that a page whose Content-Security-Policy forbids inline
// styles shows them.
const (
	figW  = 166.0 // the width of A4's text, in mm
	gutW  = 6.0   // between panels
	panH  = 62.0  // a chart panel's height
	mapMH = 165.0 // the map's greatest height
)

// num formats a coordinate to a hundredth of a millimetre.
func num(v float64) string {
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', 2, 64)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

func hex(r, g, b uint8) string { return fmt.Sprintf("#%02x%02x%02x", r, g, b) }

func mapColor(c maplayout.RGB) string     { return hex(c.R, c.G, c.B) }
func chartColor(c chartlayout.RGB) string { return hex(c.R, c.G, c.B) }

// svgText writes a <text> element of one line.
func (b *builder) svgText(x, y float64, size float64, anchor, fill, weight, family, s string) {
	b.w(`<text x="`, num(x), `" y="`, num(y), `" font-size="`, num(size*maplayout.PtToMM), `"`)
	if anchor != "" {
		b.w(` text-anchor="`, anchor, `"`)
	}
	if fill != "" {
		b.w(` fill="`, fill, `"`)
	}
	if weight != "" {
		b.w(` font-weight="`, weight, `"`)
	}
	if family != "" {
		b.w(` font-family="`, family, `"`)
	}
	b.w(">")
	b.out.WriteString(escape(oneLine(s), false))
	b.w("</text>")
}

// oneLine turns the line breaks of s into spaces, where there is room for
// one line only.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\t', '\u2028', '\u2029':
			return ' '
		}
		return r
	}, s)
}

const (
	sansFamily  = `'Liberation Sans', Arial, Helvetica, sans-serif`
	serifFamily = `'Liberation Serif', 'Times New Roman', Times, serif`
)

// chart writes the chart of the death tolls and arrest counts reported
// over time, one panel per metric and one line per kind of claimant, as
// the PDF draws it, and says what it shows in words: each series' values
// and dates.
func (b *builder) chart() {
	fs := b.doc.Figures
	if fs == nil {
		return
	}
	ch := chartlayout.New(fs.Series)
	if len(ch.Panels) == 0 {
		return
	}
	l := b.cols[0]
	titles, kindNames := ch.Labels(l)
	n := float64(len(ch.Panels))
	panelW := (figW - gutW*(n-1)) / n
	h := panH + 7.0
	titleID, descID := b.prefix+"chart-title", b.prefix+"chart-desc"
	b.w(`<figure class="cb-chart">`, "\n")
	b.w(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `, num(figW), " ", num(h), `" role="img" aria-labelledby="`, attr(titleID), " ", attr(descID), `" font-family="`, sansFamily, `">`)
	b.w("<title")
	b.id(titleID)
	b.w(">")
	b.out.WriteString(escape(oneLine(b.msg(l, locales.ChartHeading, nil)), false))
	b.w("</title><desc")
	b.id(descID)
	b.w(">")
	b.out.WriteString(escape(b.chartDescription(ch, titles, l), false))
	b.w("</desc>\n")
	for i, p := range ch.Panels {
		b.panel(float64(i)*(panelW+gutW), 0, panelW, panH, titles[i], p, l)
	}
	// the legend
	lx, ly := 0.0, panH+3.5
	for i, k := range ch.Kinds {
		c := chartColor(chartlayout.ClaimantColors[k])
		b.w(`<line x1="`, num(lx), `" y1="`, num(ly-1), `" x2="`, num(lx+6), `" y2="`, num(ly-1), `" stroke="`, c, `" stroke-width="0.6"/>`)
		b.w(`<circle cx="`, num(lx+3), `" cy="`, num(ly-1), `" r="0.7" fill="`, c, `"/>`)
		b.svgText(lx+7.5, ly, 8, "", "#4d4d4d", "", "", kindNames[i])
		lx += 7.5 + textWidth(kindNames[i], maplayout.PlaceName)*8/maplayout.PlaceName.Size() + 6
	}
	b.w("\n</svg>\n</figure>\n")
}

// panel draws one metric's lines in the box at (x, y).
func (b *builder) panel(x, y, w, h float64, title string, p chartlayout.Panel, l int) {
	loc := b.locs[l]
	b.w("\n<g>")
	b.w(`<rect x="`, num(x), `" y="`, num(y), `" width="`, num(w), `" height="`, num(h), `" fill="none" stroke="#b4bccc" stroke-width="0.2"/>`)
	b.svgText(x+2, y+4.5, 8.5, "", "#142d5a", "bold", "", title)
	px, py, pw, ph := x+14, y+8, w-18, h-16
	sc := p.Scale
	xOf := func(dt model.Date) float64 { return px + sc.X(dt)*pw }
	yOf := func(v float64) float64 { return py + ph - sc.Y(v)*ph }
	for _, v := range sc.Grid {
		gy := yOf(v)
		b.w(`<line x1="`, num(px), `" y1="`, num(gy), `" x2="`, num(px+pw), `" y2="`, num(gy), `" stroke="#e1e5ee" stroke-width="0.15"/>`)
		b.svgText(px-1.5, gy+1, 8, "end", "#4d4d4d", "", "", loc.Number(v))
	}
	for _, t := range sc.Ticks {
		b.svgText(xOf(t), py+ph+4.5, 8, "middle", "#4d4d4d", "", "", loc.DateShort(t))
		b.w(`<line x1="`, num(xOf(t)), `" y1="`, num(py+ph), `" x2="`, num(xOf(t)), `" y2="`, num(py+ph+1), `" stroke="#969696" stroke-width="0.2"/>`)
	}
	for _, s := range p.Series {
		c := chartColor(chartlayout.ClaimantColors[s.Claimant])
		var pts []string
		for _, q := range s.Points {
			if !q.Retracted {
				pts = append(pts, num(xOf(q.Date))+","+num(yOf(q.Value)))
			}
		}
		if len(pts) > 1 {
			b.w(`<polyline points="`, strings.Join(pts, " "), `" fill="none" stroke="`, c, `" stroke-width="0.6"/>`)
		}
		red := chartColor(chartlayout.Retracted)
		for _, q := range s.Points {
			cx, cy := xOf(q.Date), yOf(q.Value)
			if q.Retracted {
				b.w(`<g stroke="`, red, `" stroke-width="0.4" fill="none"><circle cx="`, num(cx), `" cy="`, num(cy), `" r="1.1"/>`)
				b.w(`<path d="M`, num(cx-0.8), " ", num(cy-0.8), "L", num(cx+0.8), " ", num(cy+0.8), "M", num(cx-0.8), " ", num(cy+0.8), "L", num(cx+0.8), " ", num(cy-0.8), `"/></g>`)
				continue
			}
			b.w(`<circle cx="`, num(cx), `" cy="`, num(cy), `" r="0.8" fill="`, c, `"/>`)
		}
	}
	b.w("</g>")
}

// chartDescription says what the chart shows: for each metric, each
// series with its values and the dates they were reported.
func (b *builder) chartDescription(ch chartlayout.Chart, titles []string, l int) string {
	loc := b.locs[l]
	retracted := b.msg(l, locales.FieldRetracted, nil)
	var sb strings.Builder
	for i, p := range ch.Panels {
		if i > 0 {
			sb.WriteString(" ")
		}
		sb.WriteString(titles[i])
		sb.WriteString(": ")
		for k, s := range p.Series {
			if k > 0 {
				sb.WriteString("; ")
			}
			sb.WriteString(s.ClaimantLabel[l])
			sb.WriteString(" — ")
			for j, q := range s.Points {
				if j > 0 {
					sb.WriteString(", ")
				}
				sb.WriteString(loc.Number(q.Value) + " (" + loc.DateShort(q.Date))
				if q.Retracted {
					sb.WriteString(", " + retracted)
				}
				sb.WriteString(")")
			}
		}
		sb.WriteString(".")
	}
	return sb.String()
}

// eventMap writes the map of events as the PDF draws it — the sea, the
// countries around named in the briefing's language, the country, the
// regions, the places sized by their entries and coloured by the most
// severe kind of event, named where they collide with nothing — then the
// legend, the places the map could not name, and the table of places,
// which says in words all that the map shows.
func (b *builder) eventMap() {
	m := b.doc.Map
	if m == nil {
		return
	}
	if err := geo.DataError(); err != nil {
		b.fail(fmt.Errorf("html: %w", err))
		return
	}
	l := b.cols[0]
	loc := b.locs[l]
	h := maplayout.FrameHeight(m, figW, mapMH)
	lay := maplayout.New(m, l, 0, 0, figW, h, textWidth)
	titleID, descID := b.prefix+"map-title", b.prefix+"map-desc"
	b.w(`<figure class="cb-map-figure">`, "\n")
	b.w(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `, num(figW), " ", num(h), `" role="img" aria-labelledby="`, attr(titleID), " ", attr(descID), `" font-family="`, sansFamily, `">`)
	b.w("<title")
	b.id(titleID)
	b.w(">")
	b.out.WriteString(escape(oneLine(m.Title[l]), false))
	b.w("</title><desc")
	b.id(descID)
	b.w(">")
	var desc []string
	for _, p := range m.Points {
		desc = append(desc, oneLine(p.Name[l])+": "+loc.Int(p.Entries)+" ("+oneLine(p.KindText[l])+")")
	}
	b.out.WriteString(escape(b.labelValue(l, locales.FieldEntries, strings.Join(desc, "; ")), false))
	b.w("</desc>\n")
	clip := b.prefix + "map-clip"
	b.w(`<defs><clipPath`)
	b.id(clip)
	b.w(`><rect width="`, num(figW), `" height="`, num(h), `"/></clipPath></defs>`, "\n")
	b.w(`<g clip-path="url(#`, attr(clip), `)">`)
	b.w(`<rect width="`, num(figW), `" height="`, num(h), `" fill="`, mapColor(maplayout.SeaFill), `"/>`, "\n")
	for _, s := range lay.Others {
		b.rings(s.Rings, mapColor(maplayout.LandFill), mapColor(maplayout.LandLine), "0.18", "")
	}
	if len(lay.Country.Rings) > 0 {
		b.rings(lay.Country.Rings, mapColor(maplayout.CountryFill), mapColor(maplayout.CountryLine), "0.4", "")
	}
	for _, rs := range lay.Regions {
		b.rings(rs, mapColor(maplayout.RegionFill), mapColor(maplayout.RegionLine), "0.45", ` fill-opacity="0.28"`)
	}
	for _, d := range lay.Dots {
		b.w(`<circle cx="`, num(d.X), `" cy="`, num(d.Y), `" r="`, num(d.R), `" fill="`, mapColor(maplayout.KindColors[d.Kind]), `" fill-opacity="0.85" stroke="#ffffff" stroke-width="0.3"/>`, "\n")
	}
	b.w("</g>\n")
	for _, lb := range lay.Labels {
		switch lb.Style {
		case maplayout.RegionName:
			b.svgText(lb.Box.X0, lb.Base, lb.Style.Size(), "", mapColor(maplayout.RegionText), "bold", "", lb.Text)
		case maplayout.CountryName:
			b.w(`<g font-style="italic">`)
			b.svgText(lb.Box.X0, lb.Base, lb.Style.Size(), "", mapColor(maplayout.CountryText), "", serifFamily, lb.Text)
			b.w("</g>")
		default:
			b.svgText(lb.Box.X0, lb.Base, lb.Style.Size(), "", mapColor(maplayout.PlaceText), "", "", lb.Text)
		}
		b.w("\n")
	}
	b.w(`<rect width="`, num(figW), `" height="`, num(h), `" fill="none" stroke="`, mapColor(maplayout.FrameLine), `" stroke-width="0.3"/>`)
	b.w("\n</svg>\n<figcaption>\n")
	// The legend: the kinds present, then the sizes.
	b.w(`<ul class="cb-legend">`)
	for i, k := range m.Kinds {
		b.w(`<li><svg class="cb-swatch" viewBox="0 0 10 10" aria-hidden="true"><circle cx="5" cy="5" r="5" fill="`, mapColor(maplayout.KindColors[k]), `"/></svg>`)
		b.bi(m.Legend[i])
		b.w("</li>")
	}
	b.w("<li>")
	b.biMsg(locales.FieldEntries)
	for _, n := range maplayout.LegendSizes {
		r := maplayout.Radius(n)
		b.w(` <svg class="cb-size" width="`, num(2*r+0.6), `mm" height="`, num(2*r+0.6), `mm" viewBox="0 0 `, num(2*r+0.6), " ", num(2*r+0.6), `" aria-hidden="true"><circle cx="`, num(r+0.3), `" cy="`, num(r+0.3), `" r="`, num(r), `" fill="none" stroke="#6e6e6e" stroke-width="0.25"/></svg> `, strconv.Itoa(n))
	}
	b.w("</li></ul>\n")
	if len(lay.Unlabelled)+len(lay.UnlabelledRegions) > 0 {
		list := make([]string, 0, len(lay.Unlabelled)+len(lay.UnlabelledRegions))
		for _, p := range lay.Unlabelled {
			list = append(list, m.Points[p].Name[l])
		}
		for _, r := range lay.UnlabelledRegions {
			list = append(list, m.Regions[r].Name[l])
		}
		b.w(`<p class="cb-unlabelled">`)
		label := b.msgL(locales.MapUnlabelled)
		b.text(b.msg(l, locales.FieldLabelValue, map[string]any{"Label": b.joinedCols(label), "Value": strings.Join(list, ", ")}))
		b.w("</p>\n")
	}
	b.w("</figcaption>\n</figure>\n")
	b.placeTable(m, l)
}

// rings writes rings as one path, leaving out points closer than
// maplayout.MinStep to the last one written, as the PDF does.
func (b *builder) rings(rs [][]geo.XY, fill, stroke, width, more string) {
	if len(rs) == 0 {
		return
	}
	b.w(`<path fill="`, fill, `" fill-rule="evenodd" stroke="`, stroke, `" stroke-width="`, width, `" stroke-linejoin="round"`, more, ` d="`)
	for _, r := range rs {
		if len(r) == 0 {
			continue
		}
		last := r[0]
		b.w("M", num(last.X), " ", num(last.Y))
		for _, p := range r[1:] {
			if math.Abs(p.X-last.X) < maplayout.MinStep && math.Abs(p.Y-last.Y) < maplayout.MinStep {
				continue
			}
			b.w("L", num(p.X), " ", num(p.Y))
			last = p
		}
		b.w("Z")
	}
	b.w(`"/>`, "\n")
}

// placeTable writes the table of the map's places; a place abroad says
// in which country.
func (b *builder) placeTable(m *report.Map, l int) {
	country := map[string]report.L{}
	for _, c := range m.Neighbours {
		country[c.ISO] = c.Name
	}
	b.tableStart("cb-places", func() { b.bi(m.Title) }, true,
		[]locales.ID{locales.FieldPlace, locales.FieldEntries, locales.FieldDate, locales.FieldKind})
	for _, p := range m.Points {
		b.w(`<tr><th scope="row">`)
		b.isolated(p.Name[l])
		if c, ok := country[p.Country]; ok && p.Abroad && c[l] != "" {
			b.w(` <span class="cb-abroad">(`)
			b.bi(c)
			b.w(")</span>")
		}
		b.w(`</th><td class="cb-num">`, strconv.Itoa(p.Entries), "</td>")
		b.cell("cb-date", p.Dates[l])
		b.w("<td>")
		b.bi(p.KindText)
		b.w("</td></tr>\n")
	}
	b.tableEnd()
}
