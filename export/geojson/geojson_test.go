package geojson_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/export/geojson"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

func write(t *testing.T, doc *report.Document, opt geojson.Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := geojson.Write(&buf, doc, opt); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "map.geojson")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// feature is what the map says of a feature: its place, its first
// position (longitude, latitude) and its name.
type feature struct {
	ID, Type string
	First    []float64
	Name     string
}

func want(doc *report.Document) []feature {
	var out []feature
	for _, pt := range doc.Map.Points {
		out = append(out, feature{string(pt.Place), "Point", []float64{pt.Coord.Lon, pt.Coord.Lat}, pt.Name[0]})
	}
	for _, r := range doc.Map.Regions {
		typ := "Polygon"
		if r.Outline.Multi || len(r.Outline.Polygons) > 1 {
			typ = "MultiPolygon"
		}
		pos := r.Outline.Polygons[0][0][0]
		out = append(out, feature{string(r.Place), typ, []float64{pos[0], pos[1]}, r.Name[0]})
	}
	return out
}

// TestPythonGeoJSON validates the map of every briefing with Debian's
// python3-geojson and reads back the same places, coordinates and names.
func TestPythonGeoJSON(t *testing.T) {
	py := tool(t, "/usr/bin/python3", "apt-get install python3-geojson")
	if err := exec.Command(py, "-c", "import geojson").Run(); err != nil {
		if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
			t.Fatal("python3-geojson is required (COIBRIEF_REQUIRE_TOOLS=1) but not installed")
		}
		t.Skip("python3-geojson not installed (apt-get install python3-geojson); skipping")
	}
	for name, doc := range documents(t) {
		t.Run(name, func(t *testing.T) {
			file := write(t, doc, geojson.Options{})
			out, err := exec.Command(py, "testdata/read_geojson.py", file).CombinedOutput()
			if err != nil {
				t.Fatalf("geojson: %v\n%s", err, out)
			}
			var got struct {
				Valid    bool
				Errors   []any
				Type     string
				Features []feature
			}
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if !got.Valid || len(got.Errors) > 0 || got.Type != "FeatureCollection" {
				t.Fatalf("python3-geojson: valid %v, errors %v", got.Valid, got.Errors)
			}
			w := want(doc)
			if fmt.Sprint(got.Features) != fmt.Sprint(w) {
				t.Fatalf("features:\n got %v\nwant %v", got.Features, w)
			}
			if name == "scripts" && !strings.Contains(fmt.Sprint(got.Features), fixture) {
				t.Error("the name in five scripts did not come back")
			}
		})
	}
}

// TestOgrinfo opens the map of every briefing with GDAL's ogrinfo: one
// layer in WGS 84 with every feature and its names.
func TestOgrinfo(t *testing.T) {
	ogr := tool(t, "ogrinfo", "apt-get install gdal-bin")
	for name, doc := range documents(t) {
		t.Run(name, func(t *testing.T) {
			file := write(t, doc, geojson.Options{})
			out, err := exec.Command(ogr, "-ro", "-al", "-geom=NO", file).CombinedOutput()
			if err != nil {
				t.Fatalf("ogrinfo: %v\n%s", err, out)
			}
			s := string(out)
			w := want(doc)
			if !strings.Contains(s, fmt.Sprintf("Feature Count: %d", len(w))) {
				t.Fatalf("ogrinfo does not count %d features:\n%s", len(w), s)
			}
			if !strings.Contains(s, "WGS 84") {
				t.Errorf("ogrinfo does not see WGS 84:\n%s", s)
			}
			for _, f := range w {
				if !strings.Contains(s, "name (String) = "+f.Name) {
					t.Errorf("ogrinfo lacks the name %q of %s", f.Name, f.ID)
				}
			}
			for _, field := range []string{"entries: Integer", "first: Date", "kind: String", "severity: Integer", "abroad: Integer(Boolean)"} {
				if len(doc.Map.Points) > 0 && !strings.Contains(s, field) {
					t.Errorf("ogrinfo lacks the field %s", field)
				}
			}
		})
	}
}

func TestRFC7946(t *testing.T) {
	doc := documents(t)["kazakhstan-fr"]
	data, err := os.ReadFile(write(t, doc, geojson.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	var fc map[string]any
	if err := json.Unmarshal(data, &fc); err != nil {
		t.Fatal(err)
	}
	if _, ok := fc["crs"]; ok {
		t.Error("RFC 7946 has no crs member")
	}
	again, _ := os.ReadFile(write(t, doc, geojson.Options{}))
	if !bytes.Equal(data, again) {
		t.Error("two writes differ")
	}
	var buf bytes.Buffer
	if err := geojson.Write(&buf, doc, geojson.Options{NoRegions: true}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "Polygon") {
		t.Error("NoRegions wrote a polygon")
	}
}

func TestErrors(t *testing.T) {
	doc := documents(t)["kazakhstan-fr"]
	err := geojson.Write(&bytes.Buffer{}, doc, geojson.Options{Language: language.German})
	if !errors.Is(err, geojson.ErrOptions) || err.Error() != "geojson: invalid options: language de; the document has [fr]" {
		t.Errorf("got %v", err)
	}
	if err := geojson.Write(&bytes.Buffer{}, nil, geojson.Options{}); !errors.Is(err, geojson.ErrOptions) {
		t.Errorf("nil document: got %v", err)
	}
	if err := geojson.Write(nil, doc, geojson.Options{}); !errors.Is(err, geojson.ErrOptions) {
		t.Errorf("nil writer: got %v", err)
	}
}
