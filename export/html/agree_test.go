package html_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/coibrief/coibrief/export/html"
	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/unicode/norm"

	xhtml "golang.org/x/net/html"
)

// tool returns the path of a program the test needs, or skips the test
// when it is missing, unless COIBRIEF_REQUIRE_TOOLS=1 (as in CI).
func tool(t *testing.T, name, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is required (COIBRIEF_REQUIRE_TOOLS=1) but not installed: apt-get install %s", name, pkg)
		}
		t.Skipf("%s not installed (apt-get install %s); skipping", name, pkg)
	}
	return path
}

// comparable is s as the tests compare it with what pdftotext reads:
// NFKC, with no white space (lines break anywhere in a PDF) and no
// directional formatting characters.
func comparable(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r), r == '\u200e', r == '\u200f', r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
			return -1
		}
		return r
	}, norm.NFKC.String(s))
}

// outline returns the titles of a PDF's outline, depth first, as qpdf
// reads them.
func outline(t *testing.T, qpdf, path string) []string {
	t.Helper()
	out, err := exec.Command(qpdf, "--json", "--json-key=outlines", path).Output()
	if err != nil {
		t.Fatalf("qpdf: %v", err)
	}
	type item struct {
		Title string `json:"title"`
		Kids  []item `json:"kids"`
	}
	var v struct{ Outlines []item }
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatal(err)
	}
	var titles []string
	var walk func([]item)
	walk = func(is []item) {
		for _, i := range is {
			titles = append(titles, i.Title)
			walk(i.Kids)
		}
	}
	walk(v.Outlines)
	return titles
}

// headings returns the text of the page's headings but the cover's, in
// order.
func headings(p *page) []string {
	var out []string
	for n := range p.root.Descendants() {
		if n.Type != xhtml.ElementNode || len(n.Data) != 2 || n.Data[0] != 'h' || n.Data[1] < '2' || n.Data[1] > '6' {
			continue
		}
		if ancestor(n, func(a *xhtml.Node) bool { return hasClass(a, "cb-cover") }) != nil {
			continue
		}
		out = append(out, textOf(n))
	}
	return out
}

// TestAgreesWithPDF renders briefings as PDF and HTML, in every edition,
// and compares what a reader gets from each: the headings, in order (the
// PDF's outline, read by qpdf), and every footnote, its number and its
// text, in order (as pdftotext reads the PDF). A parallel edition's notes
// are compared language by language: each column of the PDF, cropped
// out of its pages, with the note's part in that column's language.
func TestAgreesWithPDF(t *testing.T) {
	qpdf := tool(t, "qpdf", "qpdf")
	pdftotext := tool(t, "pdftotext", "poppler-utils")
	docs := []struct {
		name string
		doc  *report.Document
	}{
		{"kz", kzDoc(t, report.Filter{})},
		{"kz-almaty", kzDoc(t, almaty(t))},
		{"af", exampleDoc(t, "af")},
		{"ve", exampleDoc(t, "ve")},
	}
	for _, d := range docs {
		for _, ed := range []html.Edition{html.Single, html.Parallel, html.Sequential} {
			t.Run(d.name+"/"+ed.String(), func(t *testing.T) {
				data, _, err := pdf.Render(d.doc, pdf.Options{Edition: pdf.Edition(ed)})
				if err != nil {
					t.Fatal(err)
				}
				path := filepath.Join(t.TempDir(), "b.pdf")
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
				p := parse(t, render(t, d.doc, html.Options{Edition: ed}), false)
				want, got := outline(t, qpdf, path), headings(p)
				if strings.Join(want, "\n") != strings.Join(got, "\n") {
					t.Errorf("headings differ:\nPDF:  %q\nHTML: %q", want, got)
				}
				var notes []*xhtml.Node
				for _, li := range p.elements("li") {
					if hasClass(li, "cb-note") {
						notes = append(notes, li)
					}
				}
				if ed != html.Parallel {
					n, parts := checkNotes(t, pdfText(t, pdftotext, path), notes, textOf)
					if want := len(d.doc.Footnotes); n != want || ed == html.Sequential && parts != 2 {
						t.Errorf("%d notes, in %d parts; want %d", n, parts, want)
					}
					return
				}
				// The parallel edition: the first language in the left
				// column of an A4 page, the second in the right one.
				half, height := "298", "842" // of an A4 page, 595.28 × 841.89 pt, in pdftotext's pixels at 72 dpi
				for i, col := range [][]string{
					{"-x", "0", "-y", "0", "-W", half, "-H", height},
					{"-x", half, "-y", "0", "-W", half, "-H", height},
				} {
					lang := d.doc.Languages[i].String()
					part := func(li *xhtml.Node) string {
						for c := li.FirstChild; c != nil; c = c.NextSibling {
							if c.Type == xhtml.ElementNode && attrOf(c, "lang") == lang {
								return textOf(c)
							}
						}
						t.Fatalf("note %s has no part in %s", attrOf(li, "value"), lang)
						return ""
					}
					n, parts := checkNotes(t, pdfText(t, pdftotext, path, col...), notes, part)
					if want := len(d.doc.Footnotes); n != want || parts != 1 {
						t.Errorf("%s column: %d notes, in %d parts; want %d in 1", lang, n, parts, want)
					}
				}
			})
		}
	}
}

// pdfText returns the text of a PDF, or of the area of its pages that
// the options crop, in the order it is drawn, as comparable text.
func pdfText(t *testing.T, pdftotext, path string, crop ...string) string {
	t.Helper()
	args := append([]string{"-raw", "-enc", "UTF-8"}, crop...)
	out, err := exec.Command(pdftotext, append(args, path, "-")...).Output()
	if err != nil {
		t.Fatal(err)
	}
	return comparable(string(out))
}

// checkNotes checks that text holds the notes (<li class="cb-note">), as
// textOf reads each, in order, each numbered one more than the one before
// or starting again at 1 (a sequential edition's second part). It
// returns how many notes it read and in how many runs from 1.
func checkNotes(t *testing.T, text string, notes []*xhtml.Node, textOf func(*xhtml.Node) string) (n, parts int) {
	t.Helper()
	at := 0
	for _, li := range notes {
		num, _ := strconv.Atoi(attrOf(li, "value"))
		if num == 1 {
			n, parts = 0, parts+1
		}
		if n++; num != n {
			t.Fatalf("note %d after %d", num, n-1)
		}
		note := comparable(textOf(li))
		if i := strings.Index(text[at:], note); i >= 0 {
			at += i + len(note)
			continue
		}
		// A note continued on the next page: as much of it as the page
		// holds, then the rest after what comes between.
		start := note[:min(len(note), 12)]
		i := strings.Index(text[at:], start)
		if i < 0 {
			t.Errorf("note %q is not in the PDF after the one before", textOf(li))
			continue
		}
		k, from := 0, at+i
		for k < len(note) && from+k < len(text) && text[from+k] == note[k] {
			k++
		}
		if j := strings.Index(text[from+k:], note[k:]); j < 0 {
			t.Errorf("note %q is not in the PDF after the one before, even in two parts", textOf(li))
			continue
		}
		at = from + k
	}
	return n, parts
}
