package biblio

import (
	"fmt"
	"io"

	"github.com/coibrief/coibrief/model"
)

// risTypes maps source categories to RIS reference types.
var risTypes = map[model.SourceCategory]string{
	model.CategoryInstitution:   "GOVDOC",
	model.CategoryInternational: "RPRT",
	model.CategoryNGO:           "RPRT",
	model.CategoryAcademic:      "RPRT",
	model.CategoryMedia:         "NEWS",
	model.CategorySocialMedia:   "BLOG",
	model.CategoryOther:         "ELEC",
}

// risDate is RIS's YYYY/MM/DD/ form.
func risDate(d model.Date) string {
	return fmt.Sprintf("%04d/%02d/%02d/", d.Year, int(d.Month), d.Day)
}

func (b *bib) ris(w io.Writer) {
	line := func(tag, v string) {
		if v = oneLine(v); v != "" {
			fmt.Fprintf(w, "%s  - %s\r\n", tag, v)
		}
	}
	for _, it := range b.items {
		ty := risTypes[it.Category]
		if ty == "" {
			ty = "GEN"
		}
		fmt.Fprintf(w, "TY  - %s\r\n", ty)
		line("ID", string(it.ID))
		line("TI", it.Title)
		line("TT", it.translation)
		line("AU", it.Source.Author)
		line("T2", it.Source.Outlet)
		line("PB", it.Source.Group)
		line("LA", it.TitleLanguage.String())
		if !it.Published.IsZero() {
			line("PY", fmt.Sprintf("%04d", it.Published.Year))
			line("DA", risDate(it.Published))
		}
		if !it.Accessed.IsZero() {
			line("Y2", risDate(it.Accessed))
		}
		line("UR", it.Link)
		line("KW", it.Category.String())
		for _, n := range b.notes(it) {
			line("N1", n)
		}
		fmt.Fprint(w, "ER  - \r\n\r\n")
	}
}
