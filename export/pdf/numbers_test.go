package pdf_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/model"
)

// TestFigureUnbroken renders figures of 999,999,999.99, which fits the
// column of official figures of the key figures table (18.6 of its 19.6
// mm), and 99,999,999,999.99, which does not, and checks with pdftotext
// -layout that each number is on one line, in French (99 999 999 999,99,
// grouped with narrow no-break spaces) and in English, in the table and
// in text.
func TestFigureUnbroken(t *testing.T) {
	d := minimal(t)
	d.Figures[0].Value = 99999999999.99
	ngo := d.Figures[0]
	ngo.ID, ngo.Value, ngo.PartOf = "fig-03", 999999999.99, ""
	ngo.Claimant = model.Claimant{Kind: model.ClaimantNGO, Name: model.Text{fr: "Human Rights Watch", en: "Human Rights Watch"}}
	d.Figures = append(d.Figures, ngo)
	d.Chronology[0].Entries[0].Text[fr] = "Le parquet annonce 999\u202f999\u202f999,99 morts, 1\u202f234\u202f567\u202f890,12 blessés."
	d.Chronology[0].Entries[0].Text[en] = "The prosecutor announces 999,999,999.99 dead, 1,234,567,890.12 wounded."
	for _, c := range []struct {
		name    string
		opt     pdf.Options
		figure  string
		numbers []string // in text; the first is the independent figure too
	}{
		{"fr", pdf.Options{Language: fr}, "99 999 999 999,99", []string{"999 999 999,99", "1 234 567 890,12"}},
		{"en", pdf.Options{Language: en}, "99,999,999,999.99", []string{"999,999,999.99", "1,234,567,890.12"}},
		{"parallel", pdf.Options{Edition: pdf.Parallel}, "99 999 999 999,99", []string{"999 999 999,99", "999,999,999.99", "1 234 567 890,12", "1,234,567,890.12"}},
	} {
		path := renderValid(t, d, c.opt, c.name)
		out := run(t, tool(t, "pdftotext", "poppler-utils"), "-layout", "-enc", "UTF-8", path, "-")
		out = strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(out)
		for _, n := range c.numbers {
			if !strings.Contains(out, n) {
				t.Errorf("%s: %q is not on one line", c.name, n)
			}
		}
		// in the key figures table, the figure is in the column of
		// official figures, on the row of the metric
		row := regexp.MustCompile(`(?m)^\s*(?:Morts / Killed|Morts|Killed) .*$`).FindString(out)
		if !strings.Contains(row, " "+c.figure+" ") || !strings.Contains(row, " "+c.numbers[0]+" ") {
			t.Errorf("%s: the row of the key figures reads %q; want the figures %q and %q whole", c.name, row, c.figure, c.numbers[0])
		}
	}
}
