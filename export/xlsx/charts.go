package xlsx

import (
	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"github.com/xuri/excelize/v2"
)

// charts writes the series the briefing charts — for each metric, the
// values each kind of claimant gave over time — and a scatter chart per
// metric, one line per series. Each series' standing values come first,
// by date, and are plotted; its retracted values follow, struck through,
// and are not.
func (b *book) charts() error {
	w := b.w
	cols := []column{
		{w.col(locales.WorkbookColumnSeries), 26, false},
		{w.col(locales.WorkbookColumnReported), 13, false},
		{w.col(locales.WorkbookColumnValue), 11, false},
		{w.col(locales.WorkbookColumnAsStated), 22, false},
		{w.col(locales.WorkbookColumnClaimant), 30, false},
		{w.col(locales.WorkbookColumnStatus), 12, false},
		{w.col(locales.WorkbookColumnID), 14, false},
	}
	var series []*report.Series
	if b.doc.Figures != nil {
		series = b.doc.Figures.Series
	}
	rows := 1
	for _, s := range series {
		rows += len(s.Points)
	}
	name := b.sheetName(locales.WorkbookSheetCharts)
	s, err := b.newSheet(name, cols, rows, true)
	if err != nil {
		return err
	}
	if err := s.header(); err != nil {
		return err
	}
	// plotted[m] are the chart series of metric m, in the briefing's order.
	var metrics []model.Metric
	plotted := map[model.Metric][]excelize.ChartSeries{}
	write := func(sr *report.Series, p report.Point) error {
		it, err := b.doc.Figures.Item(p.Figure)
		if err != nil {
			return err
		}
		l := lookPlain
		if p.Retracted {
			l = lookStruck
		}
		return s.add(l, b.t(sr.Label), p.Date, p.Value, b.t(it.Value), b.t(it.Claimant), w.status(it.Figure.Status), string(it.ID))
	}
	for _, sr := range series {
		first := s.row + 1
		for _, p := range sr.Points {
			if !p.Retracted {
				if err := write(sr, p); err != nil {
					return err
				}
			}
		}
		if last := s.row; last >= first {
			if _, ok := plotted[sr.Metric]; !ok {
				metrics = append(metrics, sr.Metric)
			}
			plotted[sr.Metric] = append(plotted[sr.Metric], excelize.ChartSeries{
				Name:       absCell(name, 1, first),
				Categories: absRange(name, 2, first, last),
				Values:     absRange(name, 3, first, last),
				Fill:       solid(claimantColors[sr.Claimant]),
				Line:       excelize.LineOptions{Type: excelize.LineSolid, Width: 1.5},
				Marker:     excelize.ChartMarker{Symbol: "circle", Size: 6, Fill: solid(claimantColors[sr.Claimant])},
			})
		}
		for _, p := range sr.Points {
			if p.Retracted {
				if err := write(sr, p); err != nil {
					return err
				}
			}
		}
	}
	// Charts must be added before Flush, like links.
	for i, m := range metrics {
		if b.check {
			break
		}
		c := b.chart(m, plotted[m])
		if err := b.f.AddChart(name, cellName(len(cols)+2, 2+i*24), c); err != nil {
			return b.fail(err)
		}
	}
	return s.finish("", 0, 0)
}

// chart describes the chart of one metric.
func (b *book) chart(m model.Metric, series []excelize.ChartSeries) *excelize.Chart {
	w := b.w
	title := func(text string, size float64) excelize.ChartTitle {
		return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: text, Font: &excelize.Font{Bold: true, Size: size}}}}
	}
	zero := 0.0
	return &excelize.Chart{
		Type:      excelize.Scatter,
		Series:    series,
		Dimension: excelize.ChartDimension{Width: 760, Height: 440},
		Title:     title(w.msg(locales.WorkbookChartTitle, map[string]any{"Metric": label(w, m)}), 12),
		Legend:    excelize.ChartLegend{Position: "bottom"},
		XAxis: excelize.ChartAxis{
			Font:           axisFont,
			NumFmt:         excelize.ChartNumFmt{CustomNumFmt: w.formats.date},
			Title:          title(w.msg(locales.WorkbookChartAxisDate, nil), 10),
			MajorGridLines: true,
		},
		YAxis: excelize.ChartAxis{
			Font:           axisFont,
			NumFmt:         excelize.ChartNumFmt{CustomNumFmt: w.formats.integer},
			Title:          title(w.msg(locales.WorkbookChartAxisValue, nil), 10),
			MajorGridLines: true,
			Minimum:        &zero,
		},
		Format: excelize.GraphicOptions{PrintObject: boolPtr(true)},
	}
}

func boolPtr(v bool) *bool { return &v }

// axisFont is the font of the axes' labels: excelize's default grey is
// too pale to read.
var axisFont = excelize.Font{Color: "404040", Size: 9}

// claimantColors give each kind of claimant the same colour in every
// chart.
var claimantColors = map[model.ClaimantKind]string{
	model.ClaimantOfficial:      "C00000",
	model.ClaimantMedia:         "2F5597",
	model.ClaimantNGO:           "548235",
	model.ClaimantInternational: "7030A0",
	model.ClaimantWitness:       "C55A11",
	model.ClaimantOther:         "7F7F7F",
}

func solid(color string) excelize.Fill {
	if color == "" {
		color = "7F7F7F"
	}
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
}
