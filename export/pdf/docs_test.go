package pdf

import (
	"flag"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
	"golang.org/x/text/language"
)

// docSamples are the titles of the scripts dossier pictured in
// docs/scripts, as the renderer sets them and as Chromium does.
var docSamples = []struct {
	name, lang, text string
}{
	{"arabic", "ar", "احتجاجات واسعة في المدن الكبرى على ارتفاع أسعار الوقود"},
	{"persian", "fa", "اعتراض\u200cها در شهرهای بزرگ ادامه دارد"},
	{"bengali", "bn", "ঢাকায় শিক্ষার্থীদের বিক্ষোভ সমাবেশ"},
	{"amharic", "am", "በአዲስ አበባ የተካሄደ ሰላማዊ ሰልፍ"},
	{"chinese", "zh", "阿拉木图发生大规模抗议活动"},
}

// TestDocsScripts regenerates, with -docs, the pictures of docs/scripts:
// each title of docSamples set by the renderer in the body's style at 20
// points, with the system's fonts (the first of the chain that covers
// it), drawn into a PDF and rasterised by pdftoppm; and beside it, the
// same string in the same font and size laid out by Chromium (HarfBuzz
// too, with its own bidi, font fallback and rasteriser), as a reference.
func TestDocsScripts(t *testing.T) {
	if f := flag.Lookup("docs"); f == nil || f.Value.String() != "true" {
		t.Skip("run with -docs to regenerate the pictures in docs/")
	}
	ppm := need(t, "pdftoppm", "poppler-utils")
	chromium := need(t, "chromium", "chromium")
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	set, err := LoadFonts("/usr/share/fonts")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join("..", "..", "docs", "scripts")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	for _, s := range docSamples {
		st := style{face: serif, size: 20, color: black}
		m := measurer{ts: newTypesetter(set)}
		lang := language.MustParse(s.lang)
		family := m.ts.chains[serif][m.ts.pickRun(serif, []rune(s.text), lang)].family
		// set as the bibliography sets a title: isolated, in its language
		ls := m.wrap(m.words([]run{{text: isolate(s.text), st: st, lang: lang}}, s.name), 1e9, 1.3, false, s.name)
		if err := m.err(); err != nil {
			t.Fatal(err)
		}
		l := &ls[0]
		const pad = 3.0
		f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: l.width + 2*pad, Ht: l.height + 2*pad}})
		f.SetCompression(true)
		for _, fi := range fonts {
			f.AddUTF8FontFromBytes(fi.family, fi.style, fi.ttf)
		}
		f.SetCreationDate(time.Date(2022, 2, 22, 12, 0, 0, 0, time.UTC))
		f.SetCatalogSort(true)
		f.AddPage()
		d := &drawer{f: f, m: &m, face: numFaces}
		d.line(l, pad, pad)
		pdfPath := filepath.Join(tmp, s.name+".pdf")
		if err := f.OutputFileAndClose(pdfPath); err != nil {
			t.Fatal(err)
		}
		if b, err := exec.Command(ppm, "-png", "-r", "150", "-singlefile", pdfPath, filepath.Join(out, s.name)).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v: %s", err, b)
		}
		// the reference: 20 pt at 150 dpi is 41.7 px
		page := fmt.Sprintf(`<!doctype html><html><head><meta charset="utf-8"><style>
body{margin:0;background:#fff}p{font:41.7px '%s';margin:0;padding:18px;white-space:nowrap;display:inline-block}
</style></head><body><p lang="%s" dir="auto">%s</p></body></html>`, family, s.lang, html.EscapeString(s.text))
		htmlPath := filepath.Join(tmp, s.name+".html")
		if err := os.WriteFile(htmlPath, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		w := int((l.width+2*pad)/25.4*150) + 1
		h := int((l.height+2*pad)/25.4*150) + 1
		cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
			"--force-device-scale-factor=1", fmt.Sprintf("--window-size=%d,%d", w, h),
			"--screenshot="+filepath.Join(out, s.name+".chromium.png"), "file://"+htmlPath)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("chromium: %v: %s", err, b)
		}
		t.Logf("%s: %s", s.name, family)
	}
}
