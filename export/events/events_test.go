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
