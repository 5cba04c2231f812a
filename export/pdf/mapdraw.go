package pdf

import (
	"fmt"
	"math"
	"strconv"

	"github.com/coibrief/coibrief/export/internal/geo"
	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"github.com/go-pdf/fpdf"
)

// kindColors colours the map's points by the most severe kind of event.
var kindColors = map[model.EventKind]rgb{
	model.KindLethalForce:         {150, 20, 30},
	model.KindTorture:             {110, 30, 110},
	model.KindRiot:                {225, 110, 30},
	model.KindArrests:             {40, 90, 170},
	model.KindStateOfEmergency:    {90, 90, 90},
	model.KindInternetShutdown:    {120, 120, 160},
	model.KindForeignIntervention: {60, 60, 60},
	model.KindJudicial:            {90, 60, 40},
	model.KindPeacefulProtest:     {40, 150, 80},
	model.KindPersonnelChange:     {150, 150, 150},
	model.KindGovernmentDecision:  {150, 150, 150},
	model.KindStatement:           {170, 170, 170},
	model.KindOther:               {170, 170, 170},
}

const mapH = 118.0

func radius(entries int) float64 { return 1.1 + 1.15*math.Sqrt(float64(entries)) }

type rect struct{ x0, y0, x1, y1 float64 }

func (r rect) overlaps(o rect) bool {
	return r.x0 < o.x1 && o.x0 < r.x1 && r.y0 < o.y1 && o.y0 < r.y1
}

// protestMap adds the map of the protests: the country's outline, each
// place as a point sized by its number of entries and coloured by the most
// severe kind of event there, a legend, and a table of the places.
func (b *builder) protestMap() {
	m := b.doc.Map
	if m == nil {
		return
	}
	l := b.cols[0].lang
	rings, err := geo.Kazakhstan()
	if err != nil {
		b.fail(fmt.Errorf("pdf: map: %w", err))
		return
	}
	names := make([]string, len(m.Points))
	for i, p := range m.Points {
		names[i] = p.Name[l]
		b.m.width(names[i], stMapLabel, "map label "+string(p.Place))
	}
	legend := make([]string, len(m.Legend))
	for i, lg := range m.Legend {
		legend[i] = b.bi(lg)
		b.m.width(legend[i], stSmall, "map legend")
	}
	sizeLabel := b.biMsg(locales.FieldEntries)
	b.m.width(sizeLabel, stSmall, "map legend")
	b.add(&item{h: mapH + 26, spaceBefore: 3, draw: func(d *drawer, y float64) {
		bounds := geo.BoundsOf(rings)
		proj := geo.Fit(bounds, b.g.marginL+2, y+2, b.g.textW-4, mapH-4)
		// outline
		d.stroke(rgb{120, 130, 150}, 0.35)
		d.fill(rgb{236, 240, 246})
		for _, r := range rings {
			pts := make([]fpdf.PointType, len(r))
			for i, pt := range r {
				px, py := proj.Project(pt)
				pts[i] = fpdf.PointType{X: px, Y: py}
			}
			d.f.Polygon(pts, "DF")
		}
		// points, largest first (the order of m.Points) so that small
		// ones stay visible
		var taken []rect
		order := make([]int, len(m.Points))
		for i := range order {
			order[i] = i
		}
		for _, i := range order {
			p := m.Points[i]
			px, py := proj.Project(geo.Point{Lon: p.Coord.Lon, Lat: p.Coord.Lat})
			r := radius(p.Entries)
			d.fill(kindColors[p.Kind])
			d.stroke(rgb{255, 255, 255}, 0.3)
			d.f.SetAlpha(0.85, "Normal")
			d.f.Circle(px, py, r, "DF")
			d.f.SetAlpha(1, "Normal")
			taken = append(taken, rect{px - r, py - r, px + r, py + r})
		}
		// labels where they do not collide, most entries first
		for _, i := range order {
			p := m.Points[i]
			px, py := proj.Project(geo.Point{Lon: p.Coord.Lon, Lat: p.Coord.Lat})
			r := radius(p.Entries)
			w := b.m.width(names[i], stMapLabel, "map")
			hh := stMapLabel.size * ptToMM
			for _, c := range [][2]float64{{r + 0.8, hh / 3}, {-r - 0.8 - w, hh / 3}, {-w / 2, -r - 0.8}, {-w / 2, r + hh}, {r, -r}, {r, r + hh}, {-r - w, -r}, {-r - w, r + hh}} {
				lr := rect{px + c[0], py + c[1] - hh, px + c[0] + w, py + c[1] + 0.6}
				free := lr.x0 >= b.g.marginL && lr.x1 <= b.g.pageW-b.g.marginR
				for _, t := range taken {
					if lr.overlaps(t) {
						free = false
						break
					}
				}
				if free {
					d.text(lr.x0, py+c[1], names[i], stMapLabel)
					taken = append(taken, lr)
					break
				}
			}
		}
		// legend: kinds, then sizes
		lx, ly := b.g.marginL, y+mapH+5
		for i, k := range m.Kinds {
			d.fill(kindColors[k])
			d.f.Circle(lx+1.6, ly-1.1, 1.6, "F")
			d.text(lx+4.2, ly, legend[i], stSmall)
			lx += 4.2 + b.m.width(legend[i], stSmall, "map") + 5
		}
		lx, ly = b.g.marginL, y+mapH+16
		d.text(lx, ly+1, sizeLabel, stSmall)
		lx += b.m.width(sizeLabel, stSmall, "map") + 4
		for _, n := range []int{1, 5, 10, 30} {
			r := radius(n)
			d.stroke(rgb{110, 110, 110}, 0.25)
			d.f.Circle(lx+r, ly, r, "D")
			lab := strconv.Itoa(n)
			d.text(lx+2*r+1.2, ly+1, lab, stSmall)
			lx += 2*r + 7
		}
	}})
	// the table of places
	widths := []float64{46, 20, 50, 50}
	header := []string{b.biMsg(locales.FieldPlace), b.biMsg(locales.FieldEntries), b.biMsg(locales.FieldDate), b.biMsg(locales.FieldKind)}
	var rows [][][]run
	for i, p := range m.Points {
		rows = append(rows, [][]run{cell(names[i], stCellB), cell(strconv.Itoa(p.Entries), stCell), cell(p.Dates[l], stCell), cell(b.bi(p.KindText), stCell)})
	}
	b.table(widths, header, rows, "map table")
	_ = report.SectionMap
}

var stMapLabel = style{face: sans, size: 6.8, color: rgb{30, 30, 30}}
