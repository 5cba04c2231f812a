package main

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/model"
)

// TestDataDownloads asks for every data format of the focused briefing:
// each is named after the dossier, the filter and the language, has its
// media type, and reads back.
func TestDataDownloads(t *testing.T) {
	_, ts, _ := newTest(t, config{})
	q := "place=%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B&from=2022-01-04&to=2022-01-07&lang=fr"
	for _, f := range dataFormats {
		resp, body := get(t, ts, "/d/kz-2022-01/"+f.route+"?"+q)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != f.contentType {
			t.Errorf("%s: status %d, type %q\n%s", f.route, resp.StatusCode, resp.Header.Get("Content-Type"), body)
			continue
		}
		cd := resp.Header.Get("Content-Disposition")
		if !strings.HasPrefix(cd, "attachment; filename=kz-2022-01-almaty-from-2022-01-04-to-2022-01-07") || !strings.HasSuffix(cd, f.ext) {
			t.Errorf("%s: Content-Disposition %q", f.route, cd)
		}
		var err error
		switch f.route {
		case "csl", "geojson":
			var v any
			err = json.Unmarshal([]byte(body), &v)
		case "csv":
			var rows [][]string
			rows, err = csv.NewReader(strings.NewReader(body)).ReadAll()
			if err == nil && len(rows) < 2 {
				t.Errorf("csv: %d rows", len(rows))
			}
		case "json":
			var d *model.Dossier
			if d, err = model.Unmarshal([]byte(body)); err == nil && d.Focus != "almaty" {
				t.Errorf("json: focus %q", d.Focus)
			}
		case "ris":
			if !strings.Contains(body, "TY  - ") || !strings.Contains(body, "Казахстан") {
				t.Errorf("ris: no record with a Cyrillic title")
			}
		case "bib":
			if !strings.Contains(body, "langid = {russian}") {
				t.Errorf("bib: no source in Russian")
			}
		}
		if err != nil {
			t.Errorf("%s: %v", f.route, err)
		}
	}
	resp, page := get(t, ts, "/d/kz-2022-01?"+q)
	if resp.StatusCode != 200 || !strings.Contains(page, "/d/kz-2022-01/geojson?") || !strings.Contains(page, "GeoJSON (") {
		t.Errorf("the page has no link to the GeoJSON download")
	}
	if resp, _ := get(t, ts, "/d/kz-2022-01/csl?lang=both"); resp.StatusCode != 400 {
		t.Errorf("two languages: status %d; want 400", resp.StatusCode)
	}
}
