package html_test

import (
	"strings"
	"testing"

	"github.com/coibrief/coibrief/export/html"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"

	xhtml "golang.org/x/net/html"
)

// hostile are texts that must show as they are and do nothing else.
var hostile = []string{
	`<script>alert(1)</script>`,
	`"><img src=x onerror=alert(1)>`,
	`' onmouseover='alert(1)`,
	`</article><script>alert(2)</script>`,
	"\u202eesrever\u2067 open isolate",
	"\u202bembedding\u202c\u202c closed twice \u2069",
	"nul\x00 bell\x07 del\x7f c1\u0085 nonchar\ufdd0\uffff",
	`&lt;already escaped&gt; &amp; <!-- comment --> <![CDATA[x]]>`,
	"two\nlines\r\nand\u2028more",
}

// TestHostileTexts puts hostile texts into every kind of text of a
// briefing — title, summary, headings, statements, footnotes, sources
// and their links, place names — and checks the page: no element or
// attribute they could have made, each text shown, no directional
// formatting left open at the end of a text.
func TestHostileTexts(t *testing.T) {
	doc := kzDoc(t, report.Filter{})
	k := 0
	next := func() string { s := hostile[k%len(hostile)]; k++; return s }
	both := func() report.L { s := next(); return report.L{s, s} }
	doc.Meta.Title, doc.Meta.Summary, doc.Meta.Issuer = both(), both(), both()
	report.Walk(doc, func(n report.Node, entering bool) (report.WalkStatus, error) {
		if !entering {
			return report.WalkContinue, nil
		}
		switch n := n.(type) {
		case *report.Section:
			n.Title = both()
		case *report.Paragraph:
			n.Text = both()
			if n.Footnote != nil {
				n.Footnote.Note = both()
			}
		case *report.PlaceGroup:
			n.Name = both()
		}
		return report.WalkContinue, nil
	})
	for _, s := range doc.Sources {
		s.Outlet, s.Title, s.URL = next(), next(), next()
		s.Link = "javascript:alert(1)"
	}
	for _, p := range doc.Map.Points {
		p.Name = both()
	}
	for _, opt := range []html.Options{{}, {Edition: html.Parallel}, {Edition: html.Sequential, Fragment: true}} {
		out := render(t, doc, opt)
		p := parse(t, out, opt.Fragment)
		checkStructure(t, p, nil)
		all := ""
		for n := range p.root.Descendants() {
			if n.Type == xhtml.TextNode {
				all += n.Data
				if err := balanced(n.Data); err != "" {
					t.Errorf("%+v: text %q: %s", opt, n.Data, err)
				}
			}
			if n.Type == xhtml.CommentNode {
				t.Errorf("%+v: a comment made of a text", opt)
			}
		}
		for _, want := range []string{`<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`, `' onmouseover='alert(1)`, `&lt;already escaped&gt;`, "<!-- comment -->"} {
			if !strings.Contains(all, want) {
				t.Errorf("%+v: %q is not shown", opt, want)
			}
		}
		if strings.Contains(string(out), "javascript:") && strings.Contains(string(out), `href="javascript`) {
			t.Errorf("%+v: a javascript: link", opt)
		}
		for _, c := range []string{"\x00", "\x07", "\x7f", "\u0085", "\ufdd0", "\uffff"} {
			if strings.Contains(string(out), c) {
				t.Errorf("%+v: the page holds %q", opt, c)
			}
		}
	}
}

// balanced says what is wrong with the directional formatting of s: an
// embedding, override or isolate left open.
func balanced(s string) string {
	var open []rune
	for _, r := range s {
		switch r {
		case '\u202a', '\u202b', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068':
			open = append(open, r)
		case '\u202c':
			if len(open) == 0 || open[len(open)-1] >= '\u2066' {
				return "a stray U+202C"
			}
			open = open[:len(open)-1]
		case '\u2069':
			for len(open) > 0 && open[len(open)-1] < '\u2066' {
				open = open[:len(open)-1]
			}
			if len(open) == 0 {
				return "a stray U+2069"
			}
			open = open[:len(open)-1]
		}
	}
	if len(open) > 0 {
		return "left open"
	}
	return ""
}

// TestScripts renders the dossier of titles in twenty-five scripts: each
// title has its language, those written right to left their direction,
// and an outlet written right to left is isolated, in the bibliography
// and in the footnotes.
func TestScripts(t *testing.T) {
	d, _, err := model.LoadFile("../pdf/testdata/scripts.json")
	if err != nil {
		t.Fatal(err)
	}
	langs := d.Languages
	if len(langs) > 2 {
		langs = langs[:2]
	}
	doc, err := report.Build(d, report.Options{Languages: langs})
	if err != nil {
		t.Fatal(err)
	}
	for _, opt := range []html.Options{{}, {Edition: html.Parallel}} {
		p := parse(t, render(t, doc, opt), false)
		var ls []string
		for _, l := range langs {
			ls = append(ls, l.String())
		}
		if opt.Edition == html.Single {
			ls = ls[:1]
		}
		checkStructure(t, p, ls)
		rtlCount := 0
		for _, s := range doc.Sources {
			li := p.ids[s.Anchor]
			if li == nil {
				t.Fatalf("no entry for %s", s.ID)
			}
			var cite *xhtml.Node
			for n := range li.Descendants() {
				if n.Type == xhtml.ElementNode && n.Data == "cite" {
					cite = n
				}
			}
			if cite == nil || textOf(cite) != strings.Join(strings.Fields(s.Title), " ") {
				t.Errorf("%s: title %v", s.ID, cite)
				continue
			}
			if got := attrOf(cite, "lang"); s.TitleLanguage != language.Und && got != s.TitleLanguage.String() {
				t.Errorf("%s: title in %q; want %q", s.ID, got, s.TitleLanguage)
			}
			base, _ := s.TitleLanguage.Base()
			switch base.String() {
			case "ar", "fa", "ps", "ur", "ckb", "he":
				rtlCount++
				if attrOf(cite, "dir") != "rtl" {
					t.Errorf("%s: title's dir %q; want rtl", s.ID, attrOf(cite, "dir"))
				}
				if first := li.FirstChild; first == nil || first.Data != "bdi" || textOf(first) != s.Outlet {
					t.Errorf("%s: outlet %q not isolated", s.ID, s.Outlet)
				}
			default:
				if attrOf(cite, "dir") == "rtl" {
					t.Errorf("%s: a title in %s set right to left", s.ID, s.TitleLanguage)
				}
			}
		}
		if rtlCount < 6 {
			t.Errorf("%d titles written right to left; want 6 or more", rtlCount)
		}
		isolated := 0
		for _, li := range p.elements("li") {
			if hasClass(li, "cb-note") {
				for n := range li.Descendants() {
					if n.Type == xhtml.ElementNode && n.Data == "bdi" {
						isolated++
					}
				}
			}
		}
		if isolated == 0 {
			t.Error("no outlet isolated in the footnotes")
		}
	}
}
