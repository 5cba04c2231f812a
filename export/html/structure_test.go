package html_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/export/html"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/language"

	xhtml "golang.org/x/net/html"
)

// page is a parsed page, as a browser reads it.
type page struct {
	root *xhtml.Node
	ids  map[string]*xhtml.Node
}

func parse(t testing.TB, data []byte, fragment bool) *page {
	t.Helper()
	var root *xhtml.Node
	if fragment {
		body := &xhtml.Node{Type: xhtml.ElementNode, Data: "body", DataAtom: atom.Body}
		nodes, err := xhtml.ParseFragment(bytes.NewReader(data), body)
		if err != nil {
			t.Fatal(err)
		}
		root = &xhtml.Node{Type: xhtml.DocumentNode}
		for _, n := range nodes {
			root.AppendChild(n)
		}
	} else {
		var err error
		if root, err = xhtml.Parse(bytes.NewReader(data)); err != nil {
			t.Fatal(err)
		}
	}
	p := &page{root: root, ids: map[string]*xhtml.Node{}}
	for n := range root.Descendants() {
		if id := attrOf(n, "id"); id != "" && n.Type == xhtml.ElementNode {
			if p.ids[id] != nil {
				t.Errorf("id %q given twice", id)
			}
			p.ids[id] = n
		}
	}
	return p
}

func attrOf(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *xhtml.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func hasClass(n *xhtml.Node, c string) bool {
	return n.Type == xhtml.ElementNode && strings.Contains(" "+attrOf(n, "class")+" ", " "+c+" ")
}

// elements returns the elements named tag, in document order.
func (p *page) elements(tag string) []*xhtml.Node {
	var out []*xhtml.Node
	for n := range p.root.Descendants() {
		if n.Type == xhtml.ElementNode && n.Data == tag {
			out = append(out, n)
		}
	}
	return out
}

// textOf returns the text of n, its white space collapsed.
func textOf(n *xhtml.Node) string {
	var sb strings.Builder
	for d := range n.Descendants() {
		if d.Type == xhtml.TextNode {
			sb.WriteString(d.Data)
		}
	}
	return strings.Join(strings.Fields(sb.String()), " ")
}

// langOf returns the language n is in: its lang attribute or its
// nearest ancestor's.
func langOf(n *xhtml.Node) string {
	for ; n != nil; n = n.Parent {
		if n.Type == xhtml.ElementNode && hasAttr(n, "lang") {
			return attrOf(n, "lang")
		}
	}
	return ""
}

func ancestor(n *xhtml.Node, f func(*xhtml.Node) bool) *xhtml.Node {
	for n = n.Parent; n != nil; n = n.Parent {
		if f(n) {
			return n
		}
	}
	return nil
}

// checkStructure checks what every page must be: one h1; no script, no
// style attribute, nothing loaded from elsewhere; every id once; every
// link within the page to an id of it; every footnote call to a note
// that links back to it; tables with a caption, column headers and row
// headers; the chart and map as images with a text alternative; both
// languages of a parallel edition, each block with its lang.
func checkStructure(t *testing.T, p *page, langs []string) {
	t.Helper()
	if h1 := p.elements("h1"); len(h1) != 1 {
		t.Errorf("%d h1 elements; want 1", len(h1))
	}
	for _, tag := range []string{"script", "link", "img", "iframe", "object", "embed", "base", "form"} {
		if n := len(p.elements(tag)); n > 0 {
			t.Errorf("%d <%s> elements; want none", n, tag)
		}
	}
	for n := range p.root.Descendants() {
		if n.Type != xhtml.ElementNode {
			continue
		}
		if hasAttr(n, "style") {
			t.Errorf("<%s> has a style attribute", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s> has an event handler %s", n.Data, a.Key)
			}
		}
	}
	calls := 0
	for _, a := range p.elements("a") {
		href := attrOf(a, "href")
		switch {
		case strings.HasPrefix(href, "#"):
			if p.ids[href[1:]] == nil {
				t.Errorf("link %q to no element (%q)", href, textOf(a))
			}
		case strings.HasPrefix(href, "http://"), strings.HasPrefix(href, "https://"):
		default:
			t.Errorf("link %q", href)
		}
		if attrOf(a, "role") == "doc-noteref" {
			calls++
			note := p.ids[href[1:]]
			if note == nil || note.Data != "li" {
				t.Errorf("call %s: no note", textOf(a))
				continue
			}
			if got := attrOf(note, "value"); got != textOf(a) {
				t.Errorf("call %s to note %s", textOf(a), got)
			}
			back := false
			for d := range note.Descendants() {
				if d.Type == xhtml.ElementNode && attrOf(d, "role") == "doc-backlink" {
					target := p.ids[strings.TrimPrefix(attrOf(d, "href"), "#")]
					back = back || target != nil && ancestor(target, func(n *xhtml.Node) bool { return n.Data == "p" || n.Data == "li" || n.Data == "div" }) != nil && textOf(d) == textOf(a)
				}
			}
			if !back {
				t.Errorf("note %s: no link back to its call", textOf(a))
			}
		}
	}
	if calls == 0 {
		t.Error("no footnote call")
	}
	for _, tbl := range p.elements("table") {
		var caption, colHead bool
		for d := range tbl.Descendants() {
			if d.Type != xhtml.ElementNode {
				continue
			}
			switch d.Data {
			case "caption":
				caption = textOf(d) != ""
			case "th":
				switch attrOf(d, "scope") {
				case "col":
					colHead = true
				case "row", "colgroup":
				default:
					t.Errorf("table %q: <th> %q with scope %q", attrOf(tbl, "class"), textOf(d), attrOf(d, "scope"))
				}
			case "tr":
				if ancestor(d, func(n *xhtml.Node) bool { return n.Data == "tbody" }) != nil {
					if c := d.FirstChild; c == nil || c.Data != "th" {
						t.Errorf("table %q: a row without a row header", attrOf(tbl, "class"))
					}
				}
			}
		}
		if !caption || !colHead {
			t.Errorf("table %q: caption %v, column headers %v", attrOf(tbl, "class"), caption, colHead)
		}
	}
	for _, svg := range p.elements("svg") {
		if attrOf(svg, "aria-hidden") == "true" {
			continue
		}
		if attrOf(svg, "role") != "img" {
			t.Errorf("<svg> with role %q", attrOf(svg, "role"))
		}
		for _, id := range strings.Fields(attrOf(svg, "aria-labelledby")) {
			if n := p.ids[id]; n == nil || textOf(n) == "" {
				t.Errorf("<svg> labelled by %q, which has no text", id)
			}
		}
	}
	seen := map[string]bool{}
	for n := range p.root.Descendants() {
		if n.Type == xhtml.TextNode && strings.TrimSpace(n.Data) != "" {
			seen[langOf(n)] = true
		}
	}
	for _, l := range langs {
		if !seen[l] {
			t.Errorf("no text in %s", l)
		}
	}
	if seen[""] {
		t.Error("text in no language")
	}
	for n := range p.root.Descendants() {
		if len(langs) > 0 && hasClass(n, "cb-pair") {
			var got []string
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == xhtml.ElementNode && !hasClass(c, "cb-sep") {
					got = append(got, attrOf(c, "lang"))
				}
			}
			if strings.Join(got, ",") != strings.Join(langs, ",") {
				t.Errorf("a pair of languages %v; want %v", got, langs)
				break
			}
		}
	}
}

// TestStructure renders the Kazakhstan briefing and the example
// dossiers in every edition, whole and as fragments, and checks each
// page's structure.
func TestStructure(t *testing.T) {
	docs := map[string]*report.Document{"kz": kzDoc(t, report.Filter{})}
	for _, name := range []string{"af", "et", "ve", "ge", "de"} {
		docs[name] = exampleDoc(t, name)
	}
	for _, name := range []string{"kz", "af", "et", "ve", "ge", "de"} {
		doc := docs[name]
		l0, l1 := doc.Languages[0].String(), doc.Languages[1].String()
		for _, c := range []struct {
			name  string
			opt   html.Options
			langs []string
		}{
			{"single", html.Options{}, []string{l0}},
			{"single-2", html.Options{Language: doc.Languages[1]}, []string{l1}},
			{"parallel", html.Options{Edition: html.Parallel}, []string{l0, l1}},
			{"sequential", html.Options{Edition: html.Sequential}, []string{l0, l1}},
			{"fragment", html.Options{Edition: html.Parallel, Fragment: true}, []string{l0, l1}},
		} {
			t.Run(name+"/"+c.name, func(t *testing.T) {
				out := render(t, doc, c.opt)
				p := parse(t, out, c.opt.Fragment)
				pairs := c.langs
				if c.opt.Edition != html.Parallel {
					pairs = nil
				}
				checkStructure(t, p, c.langs)
				if pairs == nil {
					for n := range p.root.Descendants() {
						// A sequential edition's cover and contents show both
						// languages, as the PDF's do; its parts one each.
						inPart := ancestor(n, func(a *xhtml.Node) bool { return hasClass(a, "cb-part") }) != nil
						if hasClass(n, "cb-pair") && (c.opt.Edition == html.Single || inPart) {
							t.Fatal("a pair of languages in an edition of one at a time")
						}
					}
				}
				article := p.elements("article")
				if len(article) != 1 || attrOf(article[0], "lang") != l0 && c.opt.Language == language.Und {
					t.Errorf("article %v", article)
				}
				if c.opt.Fragment {
					if bytes.Contains(out, []byte("<!DOCTYPE")) || bytes.Contains(out, []byte("<style")) || !bytes.HasPrefix(out, []byte("<article")) {
						t.Error("a fragment with more than the article")
					}
				} else if h := p.elements("html"); len(h) != 1 || attrOf(h[0], "lang") == "" || len(p.elements("style")) != 1 {
					t.Error("a page without its language or its stylesheet")
				}
			})
		}
	}
}

// TestDeterministic renders a briefing twice, and again after building
// it again: the same bytes.
func TestDeterministic(t *testing.T) {
	for _, opt := range []html.Options{{}, {Edition: html.Parallel}, {Edition: html.Sequential, Fragment: true}} {
		a := render(t, kzDoc(t, report.Filter{}), opt)
		b := render(t, kzDoc(t, report.Filter{}), opt)
		if !bytes.Equal(a, b) {
			t.Errorf("%+v: two renderings differ", opt)
		}
	}
}

// TestOptions checks the invalid options and documents.
func TestOptions(t *testing.T) {
	doc := kzDoc(t, report.Filter{})
	d, _, err := model.OpenFile("../../examples/dossiers/af-example.json")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	one, err := report.Build(d, report.Options{Languages: []language.Tag{language.English}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		doc  *report.Document
		opt  html.Options
		want string
	}{
		{nil, html.Options{}, "html: invalid options: nil document"},
		{doc, html.Options{Edition: 7}, "html: invalid options: unknown edition 7"},
		{doc, html.Options{Language: language.German}, "html: invalid options: the briefing is not in de (it has [fr en])"},
		{one, html.Options{Edition: html.Parallel}, "html: invalid options: a parallel edition needs a briefing in two languages, not [en]"},
		{&report.Document{}, html.Options{}, ""},
	} {
		_, _, err := html.Render(c.doc, c.opt)
		if err == nil || !errorsIs(err, html.ErrOptions) || c.want != "" && err.Error() != c.want {
			t.Errorf("%+v: got %v; want %q", c.opt, err, c.want)
		}
	}
	if _, err := html.Write(nil, doc, html.Options{}); err == nil || err.Error() != "html: invalid options: nil writer" {
		t.Errorf("nil writer: %v", err)
	}
	if _, err := html.ParseEdition("both"); err == nil || err.Error() != `html: invalid options: edition "both" (want single, parallel or sequential)` {
		t.Errorf("ParseEdition: %v", err)
	}
	for _, e := range []html.Edition{html.Single, html.Parallel, html.Sequential} {
		if got, err := html.ParseEdition(e.String()); err != nil || got != e {
			t.Errorf("ParseEdition(%q) = %v, %v", e, got, err)
		}
	}
}
