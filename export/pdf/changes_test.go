package pdf_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/examples/dossiers"
	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// updatePDF renders the update briefing of the Georgian example, version
// 1.1 against 1.0, and writes it to a file for the outside tools.
func updatePDF(t *testing.T, ropt report.Options, popt pdf.Options) (string, *report.Document) {
	t.Helper()
	old, _, err := dossiers.Load("ge-example.v1.json")
	if err != nil {
		t.Fatal(err)
	}
	new, _, err := dossiers.Load("ge-example.json")
	if err != nil {
		t.Fatal(err)
	}
	if ropt.Changes, err = report.Compare(old, new); err != nil {
		t.Fatal(err)
	}
	doc, err := report.Build(new, ropt)
	if err != nil {
		t.Fatal(err)
	}
	data, _, err := pdf.Render(doc, popt)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "update.pdf")
	if p := os.Getenv("COIBRIEF_KEEP_UPDATE_PDF"); p != "" {
		path = p
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, doc
}

// TestUpdateBriefingPdftotext reads the update briefing with pdftotext:
// the changes section comes before the chronology, lists each change with
// the text before and after a rewording, and the changed paragraphs are
// there, with a link from the changes to each.
func TestUpdateBriefingPdftotext(t *testing.T) {
	p2t := tool(t, "pdftotext", "poppler-utils")
	path, doc := updatePDF(t, report.Options{Languages: []language.Tag{language.English}}, pdf.Options{})
	text := run(t, p2t, "-layout", path, "-")
	flat := strings.Join(strings.Fields(text), " ")
	heading := "Changes since version 1.0 (Tuesday 4 October 2022)"
	at := strings.Index(flat, heading)
	if at < 0 {
		t.Fatalf("no heading %q in\n%s", heading, text)
	}
	if chrono := strings.LastIndex(flat, "Chronology"); chrono < at {
		t.Errorf("the changes come after the chronology")
	}
	for _, want := range []string{
		"Version 1.1 of Tuesday 18 October 2022 – Fictional update, for the example",
		"Entry added – Monday 5 September 2022 – Rallies of a few hundred people took place in Zestaponi and Chiatura.",
		"Figure revised – Injured, Imereti regional health service, Thursday 8 September 2022: 11 → 13",
		"Moved – Wednesday 7 September 2022 – In Trabzon, Turkey, about forty Georgian seasonal workers, many of them from …: Thursday 8 September 2022 → Wednesday 7 September 2022",
		"Before: The Interior Ministry said at least 34 people had been arrested",
		"After: The Interior Ministry said 34 people had been arrested",
		"Place added – Zestaponi",
		"Entry edited – Wednesday 7 September 2022 – In Trabzon, Turkey, about forty Georgian seasonal workers, many of them from …; Time: – → 13:00",
		"Before: Trabzon’da Gurcu iscilerden Kutaisi’deki protestolara destek",
		"After: Trabzon’da Gürcü işçilerden Kutaisi’deki protestolara destek",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("pdftotext does not find %q", want)
		}
	}
	// The changed paragraphs, marked in the margin with the word
	// "changed", which pdftotext reads at the start of their first line.
	var marked []string
	for _, line := range strings.Split(text, "\n") {
		if rest, ok := strings.CutPrefix(line, "changed "); ok {
			marked = append(marked, strings.Join(strings.Fields(rest), " "))
		}
	}
	for i, want := range []string{
		"Rallies of a few hundred people took place in Zestaponi and Chiatura.",
		"The Interior Ministry said 34 people had been arrested",
		"13:00 – In Trabzon, Turkey, about forty Georgian seasonal workers",
		"– Kutaisi City Court imposed administrative penalties",
	} {
		if i >= len(marked) || !strings.HasPrefix(marked[i], want) {
			t.Errorf("marked paragraph %d: want %q; pdftotext reads the marked lines %q", i+1, want, marked)
		}
	}
	if len(marked) != 4 {
		t.Errorf("%d marked paragraphs; want 4: %q", len(marked), marked)
	}
	// A link to each changed paragraph: the link annotations of the page
	// of the changes lead to the pages that hold them, as pikepdf reads
	// them.
	changes := pageWith(t, p2t, path, heading)
	needPikepdf(t)
	out := run(t, "/usr/bin/python3", "-c", linkPagesScript, path, strconv.Itoa(changes))
	targets := map[int]bool{}
	for _, f := range strings.Fields(out) {
		n, _ := strconv.Atoi(f)
		targets[n] = true
	}
	for _, p := range []string{"Rallies of a few hundred people took place in Zestaponi", "In Trabzon, Turkey, about forty", "The Interior Ministry said 34 people"} {
		if page := pageWith(t, p2t, path, p); !targets[page] {
			t.Errorf("no link from the changes (page %d) to page %d, which holds %q; links lead to %v", changes, page, p, targets)
		}
	}
	inDoc := 0
	report.Walk(doc, func(n report.Node, entering bool) (report.WalkStatus, error) {
		if p, ok := n.(*report.Paragraph); ok && entering && p.Changed != 0 {
			inDoc++
		}
		return report.WalkContinue, nil
	})
	if inDoc != len(marked) {
		t.Errorf("%d changed paragraphs in the document, %d marked in the PDF", inDoc, len(marked))
	}
	if *docs {
		ppm := tool(t, "pdftoppm", "poppler-utils")
		page := pageWith(t, p2t, path, heading)
		run(t, ppm, "-png", "-r", "60", "-singlefile", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), path, filepath.Join("..", "..", "docs", "changes"))
		page = pageWith(t, p2t, path, "In Trabzon, Turkey, about forty")
		run(t, ppm, "-png", "-r", "60", "-singlefile", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), path, filepath.Join("..", "..", "docs", "changes-marked"))
	}
}

// needPikepdf skips the test when Debian's python3-pikepdf cannot be
// imported, or fails it when COIBRIEF_REQUIRE_TOOLS=1.
func needPikepdf(t *testing.T) {
	t.Helper()
	if out, err := exec.Command("/usr/bin/python3", "-c", "import pikepdf").CombinedOutput(); err != nil {
		msg := "pikepdf is not available (" + err.Error() + ": " + strings.TrimSpace(string(out)) + "); apt-get install python3-pikepdf"
		if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
}

// linkPagesScript prints the pages (from 1) that the link annotations of
// a page lead to.
const linkPagesScript = `
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
pages = {p.objgen: i + 1 for i, p in enumerate(pdf.pages)}
page = pdf.pages[int(sys.argv[2]) - 1]
for a in page.obj.get("/Annots", []):
    if a.get("/Subtype") != "/Link":
        continue
    dest = a.get("/Dest")
    if dest is None and "/A" in a:
        dest = a.A.get("/D")
    if isinstance(dest, pikepdf.Array) and len(dest) > 0:
        print(pages.get(dest[0].objgen, 0))
`

// pageWith returns the last page whose text holds s.
func pageWith(t *testing.T, p2t, path, s string) int {
	t.Helper()
	pages := strings.Split(run(t, p2t, "-layout", path, "-"), "\f")
	last := 0
	for i, p := range pages {
		if strings.Contains(strings.Join(strings.Fields(p), " "), s) {
			last = i + 1
		}
	}
	if last == 0 {
		t.Fatalf("no page holds %q", s)
	}
	return last
}

// TestUpdateBriefingParallelMarks reads the parallel update briefing:
// each column of a changed paragraph is marked in its own language,
// "modifié" in the left margin beside the French column and "changed"
// in the right margin beside the English one (pdftotext -bbox), each
// word the first content of its column's paragraph (pdfinfo
// -struct-text).
func TestUpdateBriefingParallelMarks(t *testing.T) {
	p2t := tool(t, "pdftotext", "poppler-utils")
	path, _ := updatePDF(t, report.Options{Languages: []language.Tag{language.French, language.English}}, pdf.Options{Edition: pdf.Parallel})
	const mm = 72 / 25.4
	left, right := 0, 0
	for _, line := range strings.Split(run(t, p2t, "-bbox", path, "-"), "\n") {
		var x0, y0, x1, y1 float64
		var word string
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "<word ") {
			continue
		}
		if _, err := fmt.Sscanf(strings.NewReplacer(`"`, " ", ">", " ", "<", " ").Replace(line), " word xMin= %f yMin= %f xMax= %f yMax= %f %s", &x0, &y0, &x1, &y1, &word); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		switch {
		case word == "modifié" && x1 < 22*mm:
			left++
		case word == "changed" && x0 > (210-22)*mm:
			right++
		case word == "changed" && x0 < 22*mm:
			t.Errorf("the English mark in the left margin, at %.1f pt", x0)
		}
	}
	if left != 4 || right != 4 {
		t.Errorf("%d French marks in the left margin and %d English ones in the right; want 4 and 4", left, right)
	}
	pdfinfo := tool(t, "pdfinfo", "poppler-utils")
	lines := strings.Split(run(t, pdfinfo, "-struct-text", path), "\n")
	var firsts []string
	for i := 1; i+1 < len(lines); i++ {
		if strings.TrimSpace(lines[i-1]) == "P (block)" {
			if w := strings.TrimSpace(lines[i]); w == `"modifié "` || w == `"changed "` {
				firsts = append(firsts, w+" "+strings.TrimSpace(lines[i+1]))
			}
		}
	}
	want := []string{
		`"modifié " "Des rassemblements de quelques centaines de personnes"`,
		`"changed " "Rallies of a few hundred people took place in Zestaponi"`,
	}
	if len(firsts) != 8 || !slices.Equal(firsts[:2], want) {
		t.Errorf("paragraphs that begin with a mark: %q; want 8, the first two %q", firsts, want)
	}
}
