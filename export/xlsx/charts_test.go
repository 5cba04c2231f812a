package xlsx

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// chartXML is what the test reads of a chart part.
type chartXML struct {
	Title  string `xml:"chart>title>tx>rich>p>r>t"`
	Series []struct {
		Name string `xml:"tx>strRef>f"`
		XNum string `xml:"xVal>numRef>f"`
		XStr string `xml:"xVal>strRef>f"`
		Y    string `xml:"yVal>numRef>f"`
	} `xml:"chart>plotArea>scatterChart>ser"`
	Axes []struct {
		Children []xml.Name `xml:",any"`
	} `xml:"chart>plotArea>valAx"`
}

var refRE = regexp.MustCompile(`^'([^']+)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$`)

// TestCharts checks that the workbook has a scatter chart per charted
// metric, on the charts sheet, and that each series refers to the rows
// that hold its standing values: dates as numbers on the x axis, values on
// the y axis, named by the series' label.
func TestCharts(t *testing.T) {
	doc := kzDoc(t)
	for li, lang := range doc.Languages {
		t.Run(lang.String(), func(t *testing.T) {
			data := workbook(t, doc, lang)
			pk, _ := parts(t, data)
			f := open(t, data)
			sheet := sheetNames[lang][3]
			// The drawing hangs off the charts sheet, and holds both charts.
			rels := pk["xl/worksheets/_rels/sheet4.xml.rels"]
			if !bytes.Contains(rels, []byte(`Target="../drawings/drawing1.xml"`)) {
				t.Errorf("the charts sheet has no drawing: %s", rels)
			}
			drels := pk["xl/drawings/_rels/drawing1.xml.rels"]
			var metrics []model.Metric
			for _, s := range doc.Figures.Series {
				if !slices.Contains(metrics, s.Metric) {
					metrics = append(metrics, s.Metric)
				}
			}
			if len(metrics) != 2 {
				t.Fatalf("%d charted metrics; want 2 (killed, arrested)", len(metrics))
			}
			for i, m := range metrics {
				name := "chart" + strconv.Itoa(i+1) + ".xml"
				if !bytes.Contains(drels, []byte("../charts/"+name)) {
					t.Errorf("drawing does not hold %s", name)
				}
				var c chartXML
				if err := xml.Unmarshal(pk["xl/charts/"+name], &c); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				var want []*report.Series
				for _, s := range doc.Figures.Series {
					if s.Metric == m {
						want = append(want, s)
					}
				}
				loc, err := locales.New(lang)
				if err != nil {
					t.Fatal(err)
				}
				ml, _ := loc.Metric(m)
				if title, _ := loc.Message(locales.WorkbookChartTitle, map[string]any{"Metric": ml}); c.Title != title {
					t.Errorf("%s: title %q; want %q", name, c.Title, title)
				}
				if len(c.Series) != len(want) {
					t.Fatalf("%s: %d series; want %d", name, len(c.Series), len(want))
				}
				for j, s := range c.Series {
					if s.XStr != "" || s.XNum == "" {
						t.Errorf("%s series %d: x values %q as text; want numbers", name, j, s.XStr)
					}
					nm, x, y := refRE.FindStringSubmatch(s.Name), refRE.FindStringSubmatch(s.XNum), refRE.FindStringSubmatch(s.Y)
					if nm == nil || x == nil || y == nil || nm[1] != sheet || x[1] != sheet || y[1] != sheet {
						t.Fatalf("%s series %d: refs %q %q %q; want cells of %s", name, j, s.Name, s.XNum, s.Y, sheet)
					}
					if x[2] != "B" || y[2] != "C" || x[3] != y[3] || x[5] != y[5] || nm[3] != x[3] {
						t.Errorf("%s series %d: x %s, y %s, name %s: want the same rows of B and C, named by A", name, j, s.XNum, s.Y, s.Name)
					}
					if got, _ := f.GetCellValue(sheet, "A"+nm[3]); got != want[j].Label[li] {
						t.Errorf("%s series %d: named %q; want %q", name, j, got, want[j].Label[li])
					}
					first, _ := strconv.Atoi(x[3])
					last, _ := strconv.Atoi(x[5])
					var points []report.Point
					for _, p := range want[j].Points {
						if !p.Retracted {
							points = append(points, p)
						}
					}
					if last-first+1 != len(points) {
						t.Fatalf("%s series %d: rows %d-%d; want %d points", name, j, first, last, len(points))
					}
					for k, p := range points {
						row := first + k
						serial, _ := excelDate(p.Date)
						if got, want := cellKind(t, f, sheet, "C"+strconv.Itoa(row)), "n:"+strconv.FormatFloat(p.Value, 'f', -1, 64); got != want {
							t.Errorf("%s series %d point %d: value %q; want %q", name, j, k, got, want)
						}
						raw, _ := f.GetCellValue(sheet, "B"+strconv.Itoa(row), excelizeRaw)
						if raw != strconv.FormatFloat(serial, 'f', -1, 64) {
							t.Errorf("%s series %d point %d: date %q; want %v", name, j, k, raw, serial)
						}
					}
				}
				// Both axes are value axes, without category-axis elements.
				if len(c.Axes) != 2 {
					t.Errorf("%s: %d value axes; want 2", name, len(c.Axes))
				}
				for _, ax := range c.Axes {
					for _, el := range ax.Children {
						if slices.Contains([]string{"auto", "lblAlgn", "lblOffset", "noMultiLvlLbl"}, el.Local) {
							t.Errorf("%s: value axis holds %s", name, el.Local)
						}
					}
				}
			}
		})
	}
}

// TestChartsNoSeries checks that a briefing with nothing to chart has a
// charts sheet with its header and no drawing.
func TestChartsNoSeries(t *testing.T) {
	doc := *kzDoc(t)
	figs := *doc.Figures
	figs.Series = nil
	doc.Figures = &figs
	pk, _ := parts(t, workbook(t, &doc, language.English))
	for name := range pk {
		if strings.HasPrefix(name, "xl/charts/") || strings.HasPrefix(name, "xl/drawings/") {
			t.Errorf("unexpected part %s", name)
		}
	}
}
