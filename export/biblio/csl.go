package biblio

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/coibrief/coibrief/model"
)

// cslItem is a CSL-JSON item, with the fields in the order written.
type cslItem struct {
	ID            string     `json:"id"`
	Type          string     `json:"type"`
	Title         string     `json:"title"`
	OriginalTitle string     `json:"original-title,omitempty"`
	Language      string     `json:"language,omitempty"`
	Author        []cslName  `json:"author,omitempty"`
	Container     string     `json:"container-title,omitempty"`
	Publisher     string     `json:"publisher,omitempty"`
	Issued        *cslDate   `json:"issued,omitempty"`
	Accessed      *cslDate   `json:"accessed,omitempty"`
	URL           string     `json:"URL,omitempty"`
	Categories    []string   `json:"categories,omitempty"`
	Note          string     `json:"note,omitempty"`
	Custom        *cslCustom `json:"custom,omitempty"`
}

type cslName struct {
	Literal string `json:"literal"`
}

type cslDate struct {
	Parts [][]int `json:"date-parts"`
}

// cslCustom holds what CSL has no variable for, under the schema's
// "custom" object, which processors ignore.
type cslCustom struct {
	Updated   string   `json:"updated,omitempty"`
	Label     int      `json:"label,omitempty"`
	Via       string   `json:"via,omitempty"`
	Footnotes []int    `json:"footnotes,omitempty"`
	Printed   string   `json:"url-as-printed,omitempty"`
	Errata    []string `json:"errata,omitempty"`
}

func cslDateOf(d model.Date) *cslDate {
	if d.IsZero() {
		return nil
	}
	return &cslDate{Parts: [][]int{{d.Year, int(d.Month), d.Day}}}
}

// cslTypes maps source categories to CSL item types.
var cslTypes = map[model.SourceCategory]string{
	model.CategoryInstitution:   "report",
	model.CategoryInternational: "report",
	model.CategoryNGO:           "report",
	model.CategoryAcademic:      "report",
	model.CategoryMedia:         "article-newspaper",
	model.CategorySocialMedia:   "post",
	model.CategoryOther:         "webpage",
}

func (b *bib) csl(w io.Writer) error {
	items := make([]cslItem, 0, len(b.items))
	for _, it := range b.items {
		c := cslItem{
			ID: string(it.ID), Type: cslTypes[it.Category],
			Title: oneLine(it.Title), Language: it.TitleLanguage.String(),
			Container: it.Source.Outlet, Publisher: it.Source.Group,
			Issued: cslDateOf(it.Published), Accessed: cslDateOf(it.Accessed),
			URL: it.Link, Categories: []string{it.Category.String()},
			Note: strings.Join(b.notes(it), "\n"),
		}
		if c.Type == "" {
			c.Type = "document"
		}
		if it.translation != "" {
			c.Title, c.OriginalTitle = oneLine(it.translation), oneLine(it.Title)
		}
		if a := it.Source.Author; a != "" {
			c.Author = []cslName{{Literal: a}}
		}
		cu := &cslCustom{Label: it.Label, Via: it.Source.Via, Footnotes: it.Footnotes}
		if !it.Updated.IsZero() {
			cu.Updated = it.Updated.String()
		}
		if it.URL != it.Link {
			cu.Printed = it.URL
		}
		for _, e := range it.errata {
			cu.Errata = append(cu.Errata, e.Printed)
		}
		c.Custom = cu
		items = append(items, c)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(items)
}
