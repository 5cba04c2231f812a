package pdf_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

var docs = flag.Bool("docs", false, "regenerate the PNG pictures of docs/ from the Kazakhstan briefing and the maps of the example dossiers")

var fr, en = language.French, language.English

// tool returns the path of an outside program the test needs. It skips
// the test when the program is missing, unless COIBRIEF_REQUIRE_TOOLS=1.
func tool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is required (COIBRIEF_REQUIRE_TOOLS=1) but not installed: apt-get install %s", name, pkg)
		}
		t.Skipf("%s not installed (apt-get install %s); skipping", name, pkg)
	}
	return p
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

func dossier(t testing.TB) *model.Dossier {
	t.Helper()
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func date(s string) model.Date {
	d, err := model.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

var (
	renders   sync.Map // key -> *rendered
	bilingual = report.Options{Languages: []language.Tag{fr, en}}
)

type rendered struct {
	once sync.Once
	doc  *report.Document
	data []byte
	info pdf.Info
	path string
	err  error
}

// render renders the Kazakhstan briefing once per test binary and option
// set, and writes it to a file for the outside tools.
func render(t *testing.T, ropt report.Options, popt pdf.Options) *rendered {
	t.Helper()
	key := fmt.Sprintf("%v|%v", ropt, popt)
	v, _ := renders.LoadOrStore(key, &rendered{})
	r := v.(*rendered)
	r.once.Do(func() {
		r.doc, r.err = report.Build(dossier(t), ropt)
		if r.err != nil {
			return
		}
		r.data, r.info, r.err = pdf.Render(r.doc, popt)
		if r.err != nil {
			return
		}
		dir, err := os.MkdirTemp("", "coibrief-pdf-")
		if err != nil {
			r.err = err
			return
		}
		r.path = filepath.Join(dir, "briefing.pdf")
		r.err = os.WriteFile(r.path, r.data, 0o644)
	})
	if r.err != nil {
		t.Fatal(r.err)
	}
	return r
}

var space = regexp.MustCompile(`[\s\x{00a0}\x{202f}]+`)

// text returns what pdftotext reads in the PDF, with white space folded.
func text(t *testing.T, path string) string {
	t.Helper()
	return space.ReplaceAllString(run(t, tool(t, "pdftotext", "poppler-utils"), "-enc", "UTF-8", path, "-"), " ")
}

// body is text without the running head and foot, so that a paragraph
// split by a page break reads whole.
func body(t *testing.T, path string) string {
	t.Helper()
	return space.ReplaceAllString(run(t, tool(t, "pdftotext", "poppler-utils"), "-enc", "UTF-8", "-x", "0", "-y", "50", "-W", "595", "-H", "745", path, "-"), " ")
}

func fold(s string) string { return space.ReplaceAllString(s, " ") }

// qpdfJSON returns qpdf's JSON view of the PDF.
func qpdfJSON(t *testing.T, path string, key string) map[string]any {
	t.Helper()
	out := run(t, tool(t, "qpdf", "qpdf"), "--json", "--json-key="+key, path)
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// collect calls fn on every JSON object under v.
func collect(v any, fn func(map[string]any)) {
	switch v := v.(type) {
	case map[string]any:
		fn(v)
		for _, x := range v {
			collect(x, fn)
		}
	case []any:
		for _, x := range v {
			collect(x, fn)
		}
	}
}

var editions = []struct {
	name string
	ropt report.Options
	popt pdf.Options
}{
	{"fr", bilingual, pdf.Options{Edition: pdf.Single, Language: fr}},
	{"en", bilingual, pdf.Options{Edition: pdf.Single, Language: en}},
	{"parallel", bilingual, pdf.Options{Edition: pdf.Parallel}},
	{"sequential", bilingual, pdf.Options{Edition: pdf.Sequential}},
}

func TestQPDFCheck(t *testing.T) {
	for _, e := range editions {
		t.Run(e.name, func(t *testing.T) {
			r := render(t, e.ropt, e.popt)
			out := run(t, tool(t, "qpdf", "qpdf"), "--check", r.path)
			if !strings.Contains(out, "No syntax or stream encoding errors found") {
				t.Errorf("qpdf --check:\n%s", out)
			}
			info := run(t, tool(t, "pdfinfo", "poppler-utils"), r.path)
			if !strings.Contains(info, "Pages:           "+strconv.Itoa(r.info.Pages)+"\n") {
				t.Errorf("Info.Pages %d disagrees with pdfinfo:\n%s", r.info.Pages, info)
			}
		})
	}
}

func TestFontsEmbeddedAndSubset(t *testing.T) {
	r := render(t, bilingual, pdf.Options{Language: fr})
	out := run(t, tool(t, "pdffonts", "poppler-utils"), r.path)
	lines := strings.Split(strings.TrimSpace(out), "\n")[2:]
	if len(lines) != 5 {
		t.Errorf("pdffonts lists %d fonts, want 5:\n%s", len(lines), out)
	}
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
	// fpdf subsets without the ABCDEF+ tag, so pdffonts says "sub no":
	// show instead that each embedded font program is a small part of
	// its TrueType file (the smallest of which is about 390 KB).
	var sizes []float64
	collect(qpdfJSON(t, r.path, "qpdf"), func(m map[string]any) {
		if n, ok := m["/Length1"].(float64); ok {
			sizes = append(sizes, n)
		}
	})
	if len(sizes) != 5 {
		t.Fatalf("found %d embedded font programs, want 5", len(sizes))
	}
	for _, n := range sizes {
		if n > 80_000 {
			t.Errorf("an embedded font program is %.0f bytes: not subset", n)
		}
	}
}

func TestTextFrench(t *testing.T) {
	r := render(t, bilingual, pdf.Options{Language: fr})
	txt := text(t, r.path)
	for _, want := range []string{
		"Kazakhstan : manifestations, émeutes et répression de janvier 2022",
		"Noursoultan NAZARBAÏEV", "«", "»", "Table des matières", "samedi 1er janvier 2022",
		"depuis le lundi 10 janvier 2022", "Chiffres clés", "Chiffres contestés", "Carte des manifestations",
		"Bibliographie", "près de 12 000", "entre 227 et 244", "Retiré (09/01/2022)", "Non corroboré",
		"page 4 / " + strconv.Itoa(r.info.Pages),
	} {
		if !strings.Contains(txt, want) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}
	checkFootnotesAndSources(t, r.doc, body(t, r.path), 0)
}

// checkFootnotesAndSources checks that every footnote's citations, and
// every source of the bibliography (outlet, original title, translation),
// come back from the PDF in language l.
func checkFootnotesAndSources(t *testing.T, doc *report.Document, txt string, l int) {
	t.Helper()
	for _, fn := range doc.Footnotes {
		for _, c := range fn.Citations {
			if !strings.Contains(txt, fold(c.Text[l])) {
				t.Errorf("footnote %d: citation %q not found", fn.Number, c.Text[l])
				break
			}
		}
		if fn.Note[l] != "" && !strings.Contains(txt, fold(fn.Note[l])) {
			t.Errorf("footnote %d: note %q not found", fn.Number, fn.Note[l])
		}
	}
	cyrillic := 0
	for _, it := range doc.Sources {
		for _, want := range []string{it.Outlet, it.Title, it.Translation[l]} {
			if !strings.Contains(txt, fold(want)) {
				t.Errorf("source %s: %q not found", it.ID, want)
			}
		}
		if strings.ContainsAny(it.Title, "абвгдеёжзийклмнопрстуфхцчшщъыьэюя") {
			cyrillic++
		}
	}
	if cyrillic < 20 {
		t.Errorf("only %d Cyrillic titles", cyrillic)
	}
}

func TestTextEnglish(t *testing.T) {
	r := render(t, bilingual, pdf.Options{Language: en})
	txt := text(t, r.path)
	for _, want := range []string{"Nursultan NAZARBAYEV", "Saturday 1 January 2022", "Key figures", "nearly 12,000", "Retracted (9 Jan 2022)", "page 4 of "} {
		if !strings.Contains(txt, want) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}
	checkFootnotesAndSources(t, r.doc, body(t, r.path), 1)
}

func TestOutline(t *testing.T) {
	for _, e := range editions {
		t.Run(e.name, func(t *testing.T) {
			r := render(t, e.ropt, e.popt)
			want := len(r.doc.Contents) + 1 // and the contents heading itself
			if e.popt.Edition == pdf.Sequential {
				want = 2*(len(r.doc.Contents)+1) + 1
			}
			got := 0
			var count func(v any)
			count = func(v any) {
				for _, o := range v.([]any) {
					got++
					count(o.(map[string]any)["kids"])
				}
			}
			count(qpdfJSON(t, r.path, "outlines")["outlines"])
			if got != want {
				t.Errorf("%d outline entries, want %d", got, want)
			}
		})
	}
}

func TestLinks(t *testing.T) {
	r := render(t, bilingual, pdf.Options{Language: fr})
	uris := map[string]bool{}
	internal := 0
	collect(qpdfJSON(t, r.path, "qpdf"), func(m map[string]any) {
		if u, ok := m["/URI"].(string); ok {
			uris[strings.TrimPrefix(u, "u:")] = true
		}
		if _, ok := m["/Dest"]; ok && m["/Subtype"] == "/Link" {
			internal++
		}
	})
	for _, it := range r.doc.Sources {
		if it.URL != "" && !uris[it.Link] {
			t.Errorf("no link annotation for %s (%s)", it.ID, it.Link)
		}
	}
	if internal < len(r.doc.Contents) {
		t.Errorf("%d internal links; want at least one per contents line (%d)", internal, len(r.doc.Contents))
	}
	if !uris["https://www.lemonde.fr/international/article/2022/01/08/kazakhstan-nazarbaiev-reappara%C3%AEt-et-assure-qu-il-n-y-a-pas-de-conflit-au-sommet-du-pouvoir_6108708_3210.html"] &&
		!hasPrefixKey(uris, "reappara%C3%AEt") {
		t.Error("the Le Monde URL with 'reapparaît' is not percent-encoded in its link")
	}
}

func hasPrefixKey(m map[string]bool, sub string) bool {
	for k := range m {
		if strings.Contains(k, sub) {
			return true
		}
	}
	return false
}

func TestDeterministic(t *testing.T) {
	d := dossier(t)
	for _, e := range editions {
		doc1, err := report.Build(d, e.ropt)
		if err != nil {
			t.Fatal(err)
		}
		doc2, err := report.Build(d, e.ropt)
		if err != nil {
			t.Fatal(err)
		}
		a, _, err := pdf.Render(doc1, e.popt)
		if err != nil {
			t.Fatal(err)
		}
		b, _, err := pdf.Render(doc2, e.popt)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renders differ", e.name)
		}
	}
}

// TestParallelAligned checks with pdftotext's word boxes that the two
// languages of a parallel edition start each day on the same line.
func TestParallelAligned(t *testing.T) {
	r := render(t, bilingual, pdf.Options{Edition: pdf.Parallel})
	out := run(t, tool(t, "pdftotext", "poppler-utils"), "-bbox", "-enc", "UTF-8", r.path, "-")
	re := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>`)
	type pos struct{ x, y float64 }
	page := 0
	seen := map[string][]pos{}
	pages := map[string][]int{}
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "<page ") {
			page++
		}
		m := re.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		x, _ := strconv.ParseFloat(m[1], 64)
		y, _ := strconv.ParseFloat(m[2], 64)
		seen[m[3]] = append(seen[m[3]], pos{x, y})
		pages[m[3]] = append(pages[m[3]], page)
	}
	pairs := [][2]string{{"mercredi", "Wednesday"}, {"jeudi", "Thursday"}, {"vendredi", "Friday"}}
	for _, p := range pairs {
		a, b := seen[p[0]], seen[p[1]]
		if len(a) == 0 || len(b) == 0 {
			t.Errorf("%s or %s not found", p[0], p[1])
			continue
		}
		found := false
		for i, pa := range a {
			for j, pb := range b {
				if pages[p[0]][i] == pages[p[1]][j] && pa.y == pb.y && pb.x > pa.x+150 {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("the headings %q and %q are not side by side on one line", p[0], p[1])
		}
	}
}

func TestAlmatyOnly(t *testing.T) {
	ropt := report.Options{Languages: []language.Tag{fr}, Filter: report.Filter{Places: []model.PlaceID{"almaty"}, From: date("2022-01-04"), To: date("2022-01-07")}}
	r := render(t, ropt, pdf.Options{})
	txt := body(t, r.path)
	kept := map[model.StatementID]bool{}
	err := report.Walk(r.doc, func(n report.Node, entering bool) (report.WalkStatus, error) {
		if p, ok := n.(*report.Paragraph); ok && entering {
			kept[p.Statement] = true
			// A paragraph may be cut by a page's footnotes: look for its
			// first and last words.
			w := strings.Fields(fold(p.Text[0]))
			head, tail := strings.Join(w[:min(6, len(w))], " "), strings.Join(w[max(0, len(w)-3):], " ")
			if !strings.Contains(txt, head) || !strings.Contains(txt, tail) {
				t.Errorf("statement %s of the briefing is not in the PDF", p.Statement)
			}
		}
		return report.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, day := range dossier(t).Chronology {
		for _, e := range day.Entries {
			if kept[e.ID] {
				continue
			}
			words := strings.Fields(e.Text[fr])
			if len(words) > 12 {
				words = words[:12]
			}
			if frag := strings.Join(words, " "); strings.Contains(txt, frag) {
				t.Errorf("entry %s, left out by the filter, is in the PDF", e.ID)
			}
		}
	}
	if !strings.Contains(txt, "Lieu : Almaty") || !strings.Contains(txt, "Dates : du 4 au 7 janvier 2022") {
		t.Error("the cover does not say which filters made the briefing")
	}
	checkFootnotesAndSources(t, r.doc, txt, 0)
}

// TestLongFootnote makes a footnote longer than a page can hold under its
// call and checks that it continues on the next page, whole.
func TestLongFootnote(t *testing.T) {
	d := dossier(t)
	var words []string
	for i := range 900 {
		words = append(words, fmt.Sprintf("mot%d", i))
	}
	st := &d.Chronology[4].Entries[3].Statement
	st.Note = model.Text{fr: strings.Join(words, " "), en: strings.Join(words, " ")}
	doc, err := report.Build(d, report.Options{Languages: []language.Tag{fr}})
	if err != nil {
		t.Fatal(err)
	}
	data, _, err := pdf.Render(doc, pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "long.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	pt := tool(t, "pdftotext", "poppler-utils")
	first, last := -1, -1
	for p := 1; p < 60; p++ {
		out, err := exec.Command(pt, "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			break
		}
		s := string(out)
		if strings.Contains(s, "mot0 ") && first < 0 {
			first = p
		}
		if strings.Contains(s, "mot899") {
			last = p
		}
	}
	if first < 0 || last <= first {
		t.Errorf("the long footnote starts on page %d and ends on page %d; want it to continue on a later page", first, last)
	}
	txt := text(t, path)
	for _, w := range words {
		if !strings.Contains(txt, w+" ") && !strings.HasSuffix(txt, w) && !strings.Contains(txt, w+".") {
			t.Fatalf("word %s of the long footnote is lost", w)
		}
	}
}

func TestMissingGlyph(t *testing.T) {
	d := dossier(t)
	d.Chronology[4].Entries[2].Text[fr] += " 🙂"
	doc, err := report.Build(d, report.Options{Languages: []language.Tag{fr}})
	if err != nil {
		t.Fatal(err)
	}
	data, _, err := pdf.Render(doc, pdf.Options{})
	if !errors.Is(err, pdf.ErrGlyph) || data != nil {
		t.Fatalf("error %v; want ErrGlyph and no data", err)
	}
	for _, want := range []string{"statement 2022-01-05-03", "U+1F642"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %q", err, want)
		}
	}
	var buf bytes.Buffer
	if _, err := pdf.Write(&buf, doc, pdf.Options{}); err == nil || buf.Len() != 0 {
		t.Errorf("Write wrote %d bytes on error %v", buf.Len(), err)
	}
}

func TestOptionErrors(t *testing.T) {
	d := dossier(t)
	one, err := report.Build(d, report.Options{Languages: []language.Tag{en}})
	if err != nil {
		t.Fatal(err)
	}
	two, err := report.Build(d, bilingual)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		doc  *report.Document
		opt  pdf.Options
		want string
	}{
		{one, pdf.Options{Edition: pdf.Parallel}, "pdf: invalid options: a parallel edition needs a briefing in two languages, not [en]"},
		{two, pdf.Options{Language: language.German}, "pdf: invalid options: the briefing is not in de (it has [fr en])"},
		{two, pdf.Options{Edition: 9}, "pdf: invalid options: unknown edition 9"},
		{nil, pdf.Options{}, "pdf: invalid options: nil document"},
	} {
		_, _, err := pdf.Render(c.doc, c.opt)
		if err == nil || err.Error() != c.want || !errors.Is(err, pdf.ErrOptions) {
			t.Errorf("Render(%v) error %v; want %q", c.opt, err, c.want)
		}
	}
	if _, err := pdf.ParseEdition("double"); err == nil {
		t.Error("ParseEdition accepted double")
	}
}

// TestDocsImages regenerates docs/*.png with -docs:
//
//	go test ./export/pdf -run TestDocsImages -docs
func TestDocsImages(t *testing.T) {
	if !*docs {
		t.Skip("run with -docs to regenerate the pictures in docs/")
	}
	ppm := tool(t, "pdftoppm", "poppler-utils")
	pageOf := func(r *rendered, title string) int {
		var find func(v any) int
		find = func(v any) int {
			for _, o := range v.([]any) {
				m := o.(map[string]any)
				if m["title"] == title {
					return int(m["destpageposfrom1"].(float64))
				}
				if p := find(m["kids"]); p > 0 {
					return p
				}
			}
			return 0
		}
		p := find(qpdfJSON(t, r.path, "outlines")["outlines"])
		if p == 0 {
			t.Fatalf("no outline entry %q", title)
		}
		return p
	}
	frR := render(t, bilingual, pdf.Options{Language: fr})
	par := render(t, bilingual, pdf.Options{Edition: pdf.Parallel})
	for _, s := range []struct {
		name string
		r    *rendered
		page int
	}{
		{"cover", frR, 1},
		{"chronology", frR, pageOf(frR, "mercredi 5 janvier 2022")},
		{"figures", frR, pageOf(frR, "Chiffres contestés")},
		{"map", frR, pageOf(frR, "Carte des manifestations")},
		{"parallel", par, pageOf(par, "jeudi 6 janvier 2022 / Thursday 6 January 2022")},
	} {
		out := filepath.Join("..", "..", "docs", s.name)
		run(t, ppm, "-png", "-r", "70", "-singlefile", "-f", strconv.Itoa(s.page), "-l", strconv.Itoa(s.page), s.r.path, out)
	}
}
