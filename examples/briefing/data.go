package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/coibrief/coibrief/export/biblio"
	"github.com/coibrief/coibrief/export/events"
	"github.com/coibrief/coibrief/export/geojson"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// formatNames are the values of -format, in the order of the usage text:
// "all" stands for pdf, html and xlsx.
var formatNames = []string{"pdf", "html", "xlsx", "all", "csl", "ris", "bibtex", "biblatex", "acled", "geojson", "json"}

// parseFormats reads -format: one format or several, comma-separated.
func parseFormats(s string) (map[string]bool, error) {
	set := map[string]bool{}
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if !slices.Contains(formatNames, f) {
			return nil, usagef("-format %q: want %s, or several comma-separated (e.g. -format pdf,csl,geojson)", s, strings.Join(formatNames, ", "))
		}
		if f == "all" {
			set["pdf"], set["html"], set["xlsx"] = true, true, true
			continue
		}
		set[f] = true
	}
	return set, nil
}

// dataJobs returns the jobs of the data formats in set: per language, the
// bibliography (CSL-JSON, RIS, BibTeX, biblatex), the events (ACLED-style
// CSV) and the map (GeoJSON); once, the dossier the briefing holds (JSON).
func dataJobs(doc *report.Document, base string, langs []language.Tag, set map[string]bool) []job {
	var jobs []job
	for _, tag := range langs {
		for _, f := range []struct {
			name   string
			format biblio.Format
			ext    string
		}{{"csl", biblio.CSL, ".csl.json"}, {"ris", biblio.RIS, ".ris"}, {"bibtex", biblio.BibTeX, ".bibtex.bib"}, {"biblatex", biblio.BibLaTeX, ".bib"}} {
			if !set[f.name] {
				continue
			}
			o := biblio.Options{Format: f.format, Language: tag}
			jobs = append(jobs, job{name: report.FileName(base, "."+tag.String()+f.ext), render: func(w io.Writer) (string, error) {
				return fmt.Sprintf("%d sources", len(doc.Sources)), biblio.Write(w, doc, o)
			}})
		}
		if set["acled"] {
			jobs = append(jobs, job{name: report.FileName(base, "."+tag.String()+".acled.csv"), render: func(w io.Writer) (string, error) {
				return fmt.Sprintf("%d events", countParagraphEntries(doc)), events.Write(w, doc, events.Options{Language: tag})
			}})
		}
		if set["geojson"] {
			jobs = append(jobs, job{name: report.FileName(base, "."+tag.String()+".geojson"), render: func(w io.Writer) (string, error) {
				n := 0
				if doc.Map != nil {
					n = len(doc.Map.Points) + len(doc.Map.Regions)
				}
				return fmt.Sprintf("%d features", n), geojson.Write(w, doc, geojson.Options{Language: tag})
			}})
		}
	}
	if set["json"] {
		jobs = append(jobs, job{name: report.FileName(base, ".dossier.json"), render: func(w io.Writer) (string, error) {
			d, err := doc.Dossier()
			if err != nil {
				return "", err
			}
			return fmt.Sprintf("%d entries, %d sources", countEntries(d), len(d.Sources)), model.Encode(w, d)
		}})
	}
	return jobs
}
