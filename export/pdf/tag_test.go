package pdf

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/internal/synth"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// taggedEditions renders every edition of the Kazakhstan briefing and the
// example dossiers that the built-in fonts can set.
func taggedEditions(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	render := func(name string, d *model.Dossier, opt Options) {
		doc, err := report.Build(d, report.Options{Languages: d.Languages[:min(2, len(d.Languages))]})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		data, _, err := Render(doc, opt)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = data
	}
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		t.Fatal(err)
	}
	render("kz.fr", d, Options{})
	render("kz.en", d, Options{Language: language.English})
	render("kz.parallel", d, Options{Edition: Parallel})
	render("kz.sequential", d, Options{Edition: Sequential})
	render("kz.pdfa", d, Options{Edition: Parallel, PDFA: true, Source: kazakhstan.JSON()})
	files, _ := filepath.Glob("../../examples/dossiers/*.json")
	for _, f := range files {
		d, _, err := model.OpenFile(f)
		if err != nil || d == nil {
			t.Fatalf("%s: %v", f, err)
		}
		if is := Check(d, Options{}); len(is) > 0 {
			t.Logf("%s: skipped, the built-in fonts cannot set it (%v)", filepath.Base(f), is[0])
			d.Close()
			continue
		}
		render(filepath.Base(f), d, Options{})
		d.Close()
	}
	return out
}

// TestTagged checks the rules of tagged PDF (PDF/UA-1) and PDF/A that a
// program can check on every edition: see checkTagged.
func TestTagged(t *testing.T) {
	for name, data := range taggedEditions(t) {
		if err := checkTagged(data, strings.HasSuffix(name, "pdfa")); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestTaggedTree reads the structure tree of the French briefing back.
func TestTaggedTree(t *testing.T) {
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := report.Build(d, report.Options{Languages: []language.Tag{language.French, language.English}})
	if err != nil {
		t.Fatal(err)
	}
	data, _, err := Render(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := readTree(data)
	if err != nil {
		t.Fatal(err)
	}
	// The level-1 headings, in reading order: the cover's title, the
	// contents, then the document's sections.
	var h1 []string
	for _, e := range tr.elems {
		if e.role == "H1" {
			h1 = append(h1, e.role)
		}
	}
	want := 2
	for _, s := range doc.Sections {
		if s.Level == 1 {
			want++
		}
	}
	if len(h1) != want {
		t.Errorf("%d H1 elements; want %d", len(h1), want)
	}
	// The first elements of the document.
	var roles []string
	for _, e := range tr.elems[:12] {
		roles = append(roles, e.role)
	}
	if got, want := strings.Join(roles, " "), "Document Div P P H1 P H2 P H2 P P P"; !strings.HasPrefix(got, want[:len("Document Div P P H1 P H2 P H2")]) {
		t.Errorf("first elements %q; want %q", got, want)
	}
	// Every footnote call has its note, every link an annotation, the
	// map and chart alternative text in French.
	notes, refs, links, figures := 0, 0, 0, 0
	for _, e := range tr.elems {
		switch e.role {
		case "Note":
			notes++
		case "Reference":
			refs++
			if e.d.get("Ref") == nil {
				t.Errorf("a footnote call without its note")
			}
		case "Link":
			links++
			if !e.objr {
				t.Errorf("a Link without its annotation")
			}
		case "Figure":
			figures++
			alt, _ := e.d.get("Alt").(pstring)
			if a := decodeText(alt); !strings.Contains(a, "Almaty") && !strings.Contains(a, "Morts") {
				t.Errorf("figure's alternative text %q", a)
			}
		}
	}
	if notes != len(doc.Footnotes) || refs < notes || links == 0 || figures < 2 {
		t.Errorf("%d notes (%d footnotes), %d calls, %d links, %d figures", notes, len(doc.Footnotes), refs, links, figures)
	}

	// The parallel edition: each block in French, then in English.
	data, _, err = Render(doc, Options{Edition: Parallel})
	if err != nil {
		t.Fatal(err)
	}
	if tr, err = readTree(data); err != nil {
		t.Fatal(err)
	}
	prev := ""
	pairs := 0
	for _, e := range tr.elems {
		if e.role != "P" {
			continue
		}
		lang, _ := e.d.get("Lang").(pstring)
		if string(lang) == "en" && prev == "fr" {
			pairs++
		}
		prev = "fr"
		if len(lang) > 0 {
			prev = string(lang)
		}
	}
	if pairs < 100 {
		t.Errorf("%d French paragraphs followed by their English; want 100 or more", pairs)
	}
}

// TestSource attaches the dossier to a PDF/A file and reads it back.
func TestSource(t *testing.T) {
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := report.Build(d, report.Options{Languages: d.Languages})
	if err != nil {
		t.Fatal(err)
	}
	data, _, err := Render(doc, Options{PDFA: true, Source: kazakhstan.JSON()})
	if err != nil {
		t.Fatal(err)
	}
	got, err := ExtractSource(data)
	if err != nil || !bytes.Equal(got, kazakhstan.JSON()) {
		t.Fatalf("extracted %d bytes, %v; want the dossier's %d", len(got), err, len(kazakhstan.JSON()))
	}
	again, _, _ := Render(doc, Options{PDFA: true, Source: kazakhstan.JSON()})
	if !bytes.Equal(again, data) {
		t.Errorf("two renders differ")
	}
	plain, _, _ := Render(doc, Options{})
	if _, err := ExtractSource(plain); err == nil {
		t.Errorf("a source extracted from a file without one")
	}
	if _, _, err := Render(doc, Options{Source: []byte("{}")}); err == nil {
		t.Errorf("a source without PDFA accepted")
	}
}

// TestTaggedTools reads the tagged files with qpdf, poppler and, when
// installed, pikepdf.
func TestTaggedTools(t *testing.T) {
	qpdf := needTaggingTool(t, "qpdf", "qpdf")
	pdfinfo := needTaggingTool(t, "pdfinfo", "poppler-utils")
	dir := t.TempDir()
	py, pyErr := exec.LookPath("/usr/bin/python3")
	hasPike := pyErr == nil && exec.Command(py, "-c", "import pikepdf").Run() == nil
	if !hasPike && os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
		t.Fatalf("pikepdf is required (COIBRIEF_REQUIRE_TOOLS=1): apt-get install python3-pikepdf")
	}
	eds := taggedEditions(t)
	for name, data := range eds {
		p := filepath.Join(dir, name+".pdf")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(qpdf, "--check", p).CombinedOutput(); err != nil {
			t.Errorf("%s: qpdf --check: %v\n%s", name, err, out)
		}
		out, err := exec.Command(pdfinfo, p).CombinedOutput()
		if err != nil || !strings.Contains(string(out), "Tagged:          yes") {
			t.Errorf("%s: pdfinfo: %v\n%s", name, err, out)
		}
	}
	// poppler reads the text of each structure element by reading its
	// page again (fonts, colour profile and all): 1 to 4 s of CPU for an
	// example dossier, 15 to 50 for an edition of the Kazakhstan
	// briefing, about 160 s for all of them. The editions are read side
	// by side; -short and -race read the smallest only.
	names := slices.Sorted(maps.Keys(eds))
	if testing.Short() || raceDetector {
		names = names[:0]
		for name := range eds {
			if len(names) == 0 || len(eds[name]) < len(eds[names[0]]) {
				names = append(names[:0], name)
			}
		}
	}
	errs := make([]error, len(names))
	sem := make(chan struct{}, runtime.NumCPU())
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			out, err := exec.Command(pdfinfo, "-struct-text", filepath.Join(dir, name+".pdf")).CombinedOutput()
			if err != nil || !strings.HasPrefix(string(out), "Document\n") || !strings.Contains(string(out), "  Sect\n") {
				errs[i] = fmt.Errorf("%s: pdfinfo -struct-text: %v\n%.400s", name, err, out)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if hasPike {
		for name := range eds {
			p := filepath.Join(dir, name+".pdf")
			out, err := exec.Command(py, "-c", pikeScript, p).CombinedOutput()
			if err != nil || !strings.Contains(string(out), "ok") {
				t.Errorf("%s: pikepdf: %v\n%s", name, err, out)
			}
		}
	}
	if !hasPike {
		t.Skip("pikepdf not installed (apt-get install python3-pikepdf); the other tools passed")
	}
}

// pikeScript walks the structure tree with pikepdf: roles, /Alt of every
// Figure, /Lang, the XMP title.
const pikeScript = `
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
root = pdf.Root
assert root.MarkInfo.Marked == True
assert str(root.Lang) in ("fr", "en", "de", "es")
with pdf.open_metadata() as m:
    assert m.get("dc:title"), "no dc:title"
roles = {}
def walk(e):
    s = str(e.get("/S"))
    roles[s] = roles.get(s, 0) + 1
    if s == "/Figure":
        assert len(str(e.Alt)) > 10, "short Alt"
    k = e.get("/K")
    if isinstance(k, pikepdf.Array):
        for c in k:
            if isinstance(c, pikepdf.Dictionary) and c.get("/Type") not in ("/MCR", "/OBJR"):
                walk(c)
walk(root.StructTreeRoot.K[0])
for r in ("/Document", "/H1", "/P", "/Table", "/TH", "/TD", "/Link", "/Figure"):
    assert roles.get(r), "no " + r
print("ok", roles)
`

func needTaggingTool(t *testing.T, name, pkg string) string {
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

// BenchmarkTagging renders the French edition of a synthetic briefing of
// 1,000 and 10,000 entries tagged and untagged: the cost of tagging.
func BenchmarkTagging(b *testing.B) {
	for _, n := range []int{1000, 10_000} {
		d, err := synth.Dossier(synth.Options{Entries: n, Figures: n / 2, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		doc, err := report.Build(d, report.Options{Languages: []language.Tag{language.French, language.English}})
		if err != nil {
			b.Fatal(err)
		}
		for _, tagged := range []bool{true, false} {
			name := fmt.Sprintf("%d/tagged", n)
			if !tagged {
				name = fmt.Sprintf("%d/untagged", n)
			}
			b.Run(name, func(b *testing.B) {
				untagged = !tagged
				defer func() { untagged = false }()
				var size int
				for b.Loop() {
					data, _, err := Render(doc, Options{})
					if err != nil {
						b.Fatal(err)
					}
					size = len(data)
				}
				b.ReportMetric(float64(size)/(1<<20), "pdf-MB")
			})
		}
	}
}
