package events_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/export/events"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

func write(t *testing.T, doc *report.Document, opt events.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := events.Write(&buf, doc, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// entries returns the statement ids and texts of doc's chronology.
func entries(doc *report.Document) (ids, texts []string) {
	_ = report.Walk(doc, func(n report.Node, entering bool) (report.WalkStatus, error) {
		if p, ok := n.(*report.Paragraph); ok && entering && p.Entry != nil {
			ids = append(ids, string(p.Statement))
			texts = append(texts, p.Text[0])
		}
		return report.WalkContinue, nil
	})
	return
}

// TestPandas reads the events of every briefing with pandas and the
// dtypes of ACLED's columns: the columns, codes, ids and texts come back.
func TestPandas(t *testing.T) {
	py := tool(t, "/usr/bin/python3", "apt-get install python3-pandas")
	if err := exec.Command(py, "-c", "import pandas").Run(); err != nil {
		if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
			t.Fatal("python3-pandas is required (COIBRIEF_REQUIRE_TOOLS=1) but not installed")
		}
		t.Skip("python3-pandas not installed (apt-get install python3-pandas); skipping")
	}
	for name, doc := range documents(t) {
		for _, bom := range []bool{false, true} {
			if bom && name != "scripts" {
				continue
			}
			t.Run(name, func(t *testing.T) {
				data := write(t, doc, events.Options{Excel: bom})
				if got := bytes.HasPrefix(data, []byte("\ufeff")); got != bom {
					t.Fatalf("byte order mark %v; want %v", got, bom)
				}
				file := filepath.Join(t.TempDir(), "events.csv")
				if err := os.WriteFile(file, data, 0o644); err != nil {
					t.Fatal(err)
				}
				out, err := exec.Command(py, "testdata/read_events.py", file).CombinedOutput()
				if err != nil {
					t.Fatalf("pandas: %v\n%s", err, out)
				}
				var got struct {
					Columns, IDs, Notes, Problems []string
					Dtypes                        map[string]string
				}
				if err := json.Unmarshal(out, &got); err != nil {
					t.Fatalf("%v\n%s", err, out)
				}
				cols := got.Columns
				if bom {
					// pandas keeps the mark in the first column's name
					// unless told encoding="utf-8-sig".
					cols[0] = strings.TrimPrefix(cols[0], "\ufeff")
				}
				if !slices.Equal(cols, events.Columns()) {
					t.Fatalf("columns %v; want %v", cols, events.Columns())
				}
				if len(got.Problems) > 0 {
					t.Fatalf("pandas found: %v", got.Problems)
				}
				for col, want := range map[string]string{"year": "int64", "time_precision": "int64", "geo_precision": "int64",
					"latitude": "float64", "fatalities": "Int64", "best": "Int64", "iso": "Int64", "notes": "string"} {
					if got.Dtypes[col] != want {
						t.Errorf("%s is %s; want %s", col, got.Dtypes[col], want)
					}
				}
				ids, texts := entries(doc)
				if !slices.Equal(got.IDs, ids) {
					t.Fatalf("ids %v; want %v", got.IDs, ids)
				}
				for i := range texts {
					if got.Notes[i] != texts[i] {
						t.Errorf("%s: notes %q; want %q", ids[i], got.Notes[i], texts[i])
					}
				}
				if name == "scripts" && got.Notes[0] != fixture {
					t.Errorf("the text in five scripts came back as %q", got.Notes[0])
				}
			})
		}
	}
}

// TestExcel checks that the file for spreadsheets defuses texts that a
// spreadsheet would run as formulas, and only those.
func TestExcel(t *testing.T) {
	d := scripts(t)
	d.Chronology[0].Entries[0].Text = model.Text{}
	for _, tag := range d.Languages {
		d.Chronology[0].Entries[0].Text[tag] = "=HYPERLINK(\"https://example.org\",\"fictional fixture\")"
	}
	doc, err := report.Build(d, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		excel bool
		want  string
	}{{false, "=HYPERLINK"}, {true, "'=HYPERLINK"}} {
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(write(t, doc, events.Options{Excel: c.excel}), []byte("\ufeff")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		notes := slices.Index(events.Columns(), "notes")
		lat := slices.Index(events.Columns(), "latitude")
		if got := rows[1][notes]; !strings.HasPrefix(got, c.want) {
			t.Errorf("Excel %v: notes %q; want %s…", c.excel, got, c.want)
		}
		for _, r := range rows[1:] {
			if strings.HasPrefix(r[lat], "'") {
				t.Errorf("Excel %v: latitude %q defused", c.excel, r[lat])
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	doc := documents(t)["synth-fr"]
	if a, b := write(t, doc, events.Options{}), write(t, doc, events.Options{}); !bytes.Equal(a, b) {
		t.Error("two writes differ")
	}
}

func TestErrors(t *testing.T) {
	doc := documents(t)["kazakhstan-fr"]
	for _, c := range []struct {
		doc  *report.Document
		opt  events.Options
		want string
	}{
		{nil, events.Options{}, "events: invalid options: nil document"},
		{doc, events.Options{Language: language.German}, "events: invalid options: language de; the document has [fr]"},
	} {
		err := events.Write(&bytes.Buffer{}, c.doc, c.opt)
		if !errors.Is(err, events.ErrOptions) || err.Error() != c.want {
			t.Errorf("got %v; want %s", err, c.want)
		}
	}
	if err := events.Write(nil, doc, events.Options{}); !errors.Is(err, events.ErrOptions) {
		t.Errorf("nil writer: got %v", err)
	}
}

// TestEstimates checks the estimates of an entry reporting death tolls
// for several parties, one of them a range, one retracted: a fictional
// fixture added to the first lethal-force entry of the Kazakhstan dossier.
func TestEstimates(t *testing.T) {
	d := scripts(t)
	var entry *model.Entry
	for i := range d.Chronology {
		for j := range d.Chronology[i].Entries {
			if e := &d.Chronology[i].Entries[j]; e.Kind == model.KindLethalForce && entry == nil {
				entry = e
			}
		}
	}
	claimant := model.Claimant{Kind: model.ClaimantNGO, Name: model.Text{}}
	for _, tag := range d.Languages {
		claimant.Name[tag] = "NGO (fictional fixture)"
	}
	add := func(id string, party model.Party, q model.Qualifier, v, lo, hi float64, status model.FigureStatus) {
		f := model.Figure{ID: model.FigureID(id), Metric: model.MetricKilled, Party: party, Qualifier: q, Value: v, Low: lo, High: hi,
			AsOf: d.Published, Reported: d.Published, Claimant: claimant, Sources: []model.SourceID{d.Sources[0].ID}, Status: status}
		if status != model.StatusReported {
			f.StatusDate = d.Published
		}
		d.Figures = append(d.Figures, f)
		entry.Figures = append(entry.Figures, f.ID)
	}
	entry.Figures = nil
	add("fixture-protesters", model.PartyProtesters, model.Exact, 10, 0, 0, model.StatusReported)
	add("fixture-civilians", model.PartyCivilians, model.Exact, 15, 0, 0, model.StatusReported)
	add("fixture-civilians-2", model.PartyCivilians, model.Exact, 17, 0, 0, model.StatusReported)
	add("fixture-forces", model.PartySecurityForces, model.Range, 0, 3, 5, model.StatusReported)
	add("fixture-retracted", model.PartyCivilians, model.Exact, 100, 0, 0, model.StatusRetracted)
	doc, err := report.Build(d, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(write(t, doc, events.Options{}))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	cols := events.Columns()
	col := func(name string) int { return slices.Index(cols, name) }
	for _, r := range rows[1:] {
		if r[col("event_id_cnty")] != string(entry.ID) {
			continue
		}
		// Civilians (15 and 17: median 16) include the protesters; the
		// security forces' range adds 3 to 5; the retracted 100 is out.
		got := []string{r[col("fatalities")], r[col("low")], r[col("best")], r[col("high")]}
		if want := []string{"18", "18", "20", "22"}; !slices.Equal(got, want) {
			t.Errorf("fatalities, low, best, high = %v; want %v", got, want)
		}
		return
	}
	t.Fatalf("no row for %s", entry.ID)
}
