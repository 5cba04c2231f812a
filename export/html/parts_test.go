package html_test

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/export/html"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"

	xhtml "golang.org/x/net/html"
)

// sectionKinds returns the classes of the page's top-level sections, in
// order: cb-chronology, cb-figures…
func sectionKinds(p *page) []string {
	var out []string
	for n := range p.root.Descendants() {
		if !hasClass(n, "cb-section") {
			continue
		}
		if ancestor(n, func(a *xhtml.Node) bool { return hasClass(a, "cb-section") }) != nil {
			continue
		}
		for c := range strings.FieldsSeq(attrOf(n, "class")) {
			if c != "cb-section" {
				out = append(out, c)
			}
		}
	}
	return out
}

// between returns the bytes of data from the first from to the end of
// the first to after it, or nil.
func between(data []byte, from, to string) []byte {
	i := bytes.Index(data, []byte(from))
	if i < 0 {
		return nil
	}
	j := bytes.Index(data[i:], []byte(to))
	if j < 0 {
		return nil
	}
	return data[i : i+j+len(to)]
}

// TestOmit leaves parts of the page out: what remains is written as in
// the whole page, byte for byte, and links only to what is there.
func TestOmit(t *testing.T) {
	doc := kzDoc(t, report.Filter{})
	frontless := []html.Part{html.PartCover, html.PartContents}
	for _, ed := range []html.Edition{html.Single, html.Parallel, html.Sequential} {
		t.Run(ed.String(), func(t *testing.T) {
			whole := render(t, doc, html.Options{Edition: ed, Fragment: true})
			bare := render(t, doc, html.Options{Edition: ed, Fragment: true, Omit: frontless})
			open := whole[:bytes.IndexByte(whole, '\n')+1]
			nav := []byte("</nav>\n")
			rest := whole[bytes.Index(whole, nav)+len(nav):]
			if want := slices.Concat(open, rest); !bytes.Equal(bare, want) {
				t.Errorf("without cover and contents, the page is not the whole one less its <header> and <nav>: %d bytes; want %d", len(bare), len(want))
			}
			p := parse(t, bare, true)
			if n := len(p.elements("h1")) + len(p.elements("header")) + len(p.elements("nav")); n != 0 {
				t.Errorf("%d <h1>, <header> or <nav> elements without cover and contents", n)
			}

			// Without the chronology: the other sections in their order,
			// the contents without its days, every link to an element.
			out := render(t, doc, html.Options{Edition: ed, Fragment: true, Omit: []html.Part{html.PartChronology}})
			p = parse(t, out, true)
			var want []string
			for _, s := range doc.Sections {
				if s.Kind != report.SectionChronology {
					want = append(want, sectionClassOf(s.Kind))
				}
			}
			got := sectionKinds(p)
			if ed == html.Sequential {
				want = slices.Concat(want, want)
			}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("sections %v; want %v", got, want)
			}
			for _, a := range p.elements("a") {
				href := attrOf(a, "href")
				if strings.HasPrefix(href, "#") && p.ids[href[1:]] == nil {
					t.Errorf("link %q to no element (%q)", href, textOf(a))
				}
				if strings.Contains(href, "chronology") || strings.Contains(href, "#day-") || strings.Contains(href, "-day-") {
					t.Errorf("link %q to the chronology left out", href)
				}
			}
			if len(p.elements("h1")) != 1 || len(p.elements("nav")) != 1 {
				t.Error("the cover or the contents left out with the chronology")
			}
		})
	}
}

func sectionClassOf(k report.SectionKind) string {
	return map[report.SectionKind]string{
		report.SectionBackground: "cb-background", report.SectionThematic: "cb-thematic", report.SectionNotes: "cb-free-notes",
		report.SectionKeyFigures: "cb-figures", report.SectionMap: "cb-map", report.SectionBibliography: "cb-bibliography",
		report.SectionErrata: "cb-errata",
	}[k]
}

// TestOmitParts makes what a dossier's page shows: a briefing built
// without the parts the page leaves out (report.Options.Omit), written
// without cover, contents and chronology. Its figures and map are those
// of the whole briefing, byte for byte.
func TestOmitParts(t *testing.T) {
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		t.Fatal(err)
	}
	langs := []language.Tag{language.French, language.English}
	doc, err := report.Build(d, report.Options{Languages: langs, Omit: []report.Part{
		report.PartBackground, report.PartSections, report.PartNotes, report.PartBibliography, report.PartErrata}})
	if err != nil {
		t.Fatal(err)
	}
	for _, ed := range []html.Edition{html.Single, html.Parallel} {
		opt := html.Options{Edition: ed, Fragment: true, Omit: []html.Part{html.PartCover, html.PartContents, html.PartChronology}}
		out := render(t, doc, opt)
		p := parse(t, out, true)
		if got := strings.Join(sectionKinds(p), " "); got != "cb-figures cb-map" {
			t.Errorf("%v: sections %s; want the figures and the map", ed, got)
		}
		if n := len(p.elements("svg")); n < 2 {
			t.Errorf("%v: %d <svg>; want the chart and the map", ed, n)
		}
		// The same figures and map as the whole briefing's, which cites
		// its sources in a bibliography: the tables' citations link to it
		// there, and are text here.
		whole := render(t, kzDoc(t, report.Filter{}), html.Options{Edition: ed, Fragment: true})
		for _, part := range []string{`<section class="cb-section cb-map"`, `<figure class="cb-chart"`} {
			a, b := between(out, part, "</figure>"), between(whole, part, "</figure>")
			if a == nil || !bytes.Equal(a, b) {
				t.Errorf("%v: %s… differs from the whole briefing's (%d and %d bytes)", ed, part, len(a), len(b))
			}
		}
	}
}

// TestOmitInvalid checks the names of the parts and an unknown one.
func TestOmitInvalid(t *testing.T) {
	doc := kzDoc(t, report.Filter{})
	_, _, err := html.Render(doc, html.Options{Omit: []html.Part{html.PartCover, 9}})
	if err == nil || !errors.Is(err, html.ErrOptions) || err.Error() != "html: invalid options: unknown part Part(9) to omit" {
		t.Errorf("Omit 9: %v", err)
	}
	for _, p := range []html.Part{html.PartCover, html.PartContents, html.PartChronology} {
		if got, err := html.ParsePart(strings.ToUpper(p.String())); err != nil || got != p {
			t.Errorf("ParsePart(%q) = %v, %v", p, got, err)
		}
	}
	if _, err := html.ParsePart("map"); err == nil || err.Error() != `html: invalid options: unknown part "map" (want one of cover, contents, chronology)` {
		t.Errorf("ParsePart(map): %v", err)
	}
}
