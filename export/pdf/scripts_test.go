package pdf_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/unicode/norm"
)

// systemFonts are the fonts Debian's fonts-noto-core and fonts-noto-cjk
// install, read once per test binary.
var systemFonts = sync.OnceValues(func() (*pdf.FontSet, error) { return pdf.LoadFonts("/usr/share/fonts") })

// fonts returns the system's fonts. It skips the test when the Noto
// fonts are missing, unless COIBRIEF_REQUIRE_TOOLS=1.
func fonts(t *testing.T) *pdf.FontSet {
	t.Helper()
	for _, f := range []string{"truetype/noto/NotoSansEthiopic-Regular.ttf", "opentype/noto/NotoSerifCJK-Regular.ttc"} {
		if _, err := os.Stat(filepath.Join("/usr/share/fonts", f)); err != nil {
			if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
				t.Fatalf("%s is required (COIBRIEF_REQUIRE_TOOLS=1) but not installed: apt-get install fonts-noto-core fonts-noto-cjk", f)
			}
			t.Skipf("%s not installed (apt-get install fonts-noto-core fonts-noto-cjk); skipping", f)
		}
	}
	set, err := systemFonts()
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// scriptsDossier is testdata/scripts.json: a source whose title is in
// each script a briefing must set, and statements quoting Arabic and
// Hebrew and naming people in Georgian, Armenian, Bengali, Chinese and
// Amharic.
func scriptsDossier(t *testing.T) *model.Dossier {
	t.Helper()
	d, issues, err := model.LoadFile("testdata/scripts.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := issues.Err(); err != nil {
		t.Fatal(err)
	}
	return d
}

// comparable is s as the tests compare what pdftotext reads: NFKC, with
// no white space (lines may break between Chinese characters) and no
// directional formatting characters (poppler marks the right-to-left
// runs it reverses with them).
func comparable(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r), r == '\u200e', r == '\u200f', r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
			return -1
		}
		return r
	}, norm.NFKC.String(s))
}

// TestScripts renders the scripts dossier in French, English and
// parallel editions with the system's fonts, and checks that pdftotext
// gives back every title, outlet, quotation and name in logical order;
// that the PDFs embed no font but Liberation (the other scripts being
// drawn as outlines); and that Check, with the same fonts, finds nothing.
//
// One title is checked by parts: an Arabic title holding "Human Rights
// Watch" and "2022". pdftotext orders a line by runs of one direction,
// without the levels the PDF was laid out with: it gives each part in
// logical order, but not the Latin name back inside the Arabic.
func TestScripts(t *testing.T) {
	set := fonts(t)
	ffonts := tool(t, "pdffonts", "poppler-utils")
	d := scriptsDossier(t)
	for _, ed := range allEditions[:3] {
		opt := ed.opt
		opt.Fonts = set
		if is := pdf.Check(d, opt); len(is) != 0 {
			t.Errorf("%s: Check: %v", ed.name, is)
		}
	}
	doc, err := report.Build(d, bilingual)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, s := range d.Sources {
		want = append(want, s.Outlet)
		if s.ID == "src-mixed" {
			want = append(want, "تقرير منظمة", "Human Rights Watch", "لعام", "2022", "عن كازاخستان")
			continue
		}
		want = append(want, s.Title)
	}
	// quotations and names in statements, word by word: a line may
	// break within them, and pdftotext then moves the punctuation next
	// to a right-to-left word at the end of a line
	for _, w := range []string{"نحن ملتزمون بحماية المتظاهرين", "אנחנו מחויבים להגנה",
		"ნინო ბერიძე", "Արամ Պետրոսյան", "আমিনা রহমান", "王小明", "ሰላም ተስፋዬ"} {
		want = append(want, strings.Fields(w)...)
	}
	for _, ed := range allEditions[:3] {
		t.Run(ed.name, func(t *testing.T) {
			opt := ed.opt
			opt.Fonts = set
			data, _, err := pdf.Render(doc, opt)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), ed.name+".pdf")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			got := comparable(text2(t, path))
			for _, w := range want {
				if !strings.Contains(got, comparable(w)) {
					t.Errorf("pdftotext does not give back %q", w)
				}
			}
			for _, l := range strings.Split(run(t, ffonts, path), "\n")[2:] {
				if l != "" && !strings.HasPrefix(l, "utf8serif") && !strings.HasPrefix(l, "utf8sans") {
					t.Errorf("the PDF embeds a font other than Liberation: %s", l)
				}
			}
		})
	}
}

// TestScriptsNeedFonts checks that with the built-in fonts alone, Check
// reports the texts in the scripts these lack, naming the script to add
// a font for, and those only — of the Arabic script, the letters of Urdu
// that DejaVu lacks —; and that rendering fails on the same characters.
func TestScriptsNeedFonts(t *testing.T) {
	d := scriptsDossier(t)
	lacking := []string{"Arabic", "Devanagari", "Bengali", "Tamil", "Myanmar", "Khmer", "Thai", "Han", "Katakana", "Hangul", "Ethiopic"}
	var paths, scripts []string
	for _, is := range pdf.Check(d, pdf.Options{}) {
		if !errors.Is(is, pdf.ErrGlyph) {
			t.Errorf("%v: not ErrGlyph", is)
		}
		msg := is.Error()
		i := strings.LastIndex(msg, "add a font covering ")
		if i < 0 {
			t.Errorf("%v: no font to add named", is)
			continue
		}
		sc := strings.TrimSuffix(msg[i+len("add a font covering "):], " with -fonts (Options.Fonts)")
		if !slices.Contains(lacking, sc) || sc == "Arabic" && !strings.HasPrefix(is.Path, "sources[8].") {
			t.Errorf("%v: %s is a script the built-in fonts have", is, sc)
		}
		if sc == "Arabic" && !strings.Contains(msg, "U+06C1 ARABIC LETTER HEH GOAL") {
			t.Errorf("%v: want Urdu's heh goal", is)
		}
		scripts = append(scripts, sc)
		paths = append(paths, is.Path)
	}
	for _, sc := range lacking {
		if !slices.Contains(scripts, sc) {
			t.Errorf("no text is reported for lacking %s", sc)
		}
	}
	for _, p := range paths {
		for _, ok := range []string{"sources[5]", "sources[10]", "sources[12]", "sources[13]", "chronology[1].entries[0]"} {
			if strings.HasPrefix(p, ok) {
				t.Errorf("%s is reported; Arabic, Hebrew, Georgian and Armenian are built in", p)
			}
		}
	}
	doc, err := report.Build(d, bilingual)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := pdf.Render(doc, pdf.Options{Language: en}); !errors.Is(err, pdf.ErrGlyph) || !strings.Contains(err.Error(), "U+0928 DEVANAGARI LETTER NA") {
		t.Errorf("Render: %v; want ErrGlyph naming Devanagari", err)
	}
}

// TestScriptsConcurrent renders the scripts briefing from several
// goroutines sharing one FontSet, and checks that every render gives the
// bytes of a serial one.
func TestScriptsConcurrent(t *testing.T) {
	set := fonts(t)
	doc, err := report.Build(scriptsDossier(t), bilingual)
	if err != nil {
		t.Fatal(err)
	}
	opt := pdf.Options{Edition: pdf.Parallel, Fonts: set}
	want, _, err := pdf.Render(doc, opt)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	results := make([][]byte, 6)
	for i := range results {
		wg.Go(func() {
			o := opt
			if i%2 == 1 {
				o.Fonts, _ = pdf.LoadFonts("/usr/share/fonts")
			}
			results[i], _, _ = pdf.Render(doc, o)
		})
	}
	wg.Wait()
	for i, got := range results {
		if !bytes.Equal(got, want) {
			t.Errorf("render %d differs from the serial render", i)
		}
	}
}

// TestFontSet checks how fonts are read: a directory with its
// subdirectories, leaving out what is not a font; a collection, each of
// its faces; files that are not fonts, or missing, and empty
// directories, as errors that name them.
func TestFontSet(t *testing.T) {
	fonts(t)
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	ethiopic, err := os.ReadFile("/usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"sub/Ethiopic.TTF": ethiopic,
		"broken.ttf":       []byte("not a font"),
		"notes.txt":        []byte("not read"),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	set, err := pdf.LoadFonts(dir)
	if err != nil {
		t.Fatal(err)
	}
	if set.Len() != 1 || len(set.Skipped()) != 1 || !strings.HasPrefix(set.Skipped()[0], filepath.Join(dir, "broken.ttf")+": ") {
		t.Errorf("%d faces, skipped %q; want 1 and broken.ttf", set.Len(), set.Skipped())
	}
	d := minimal(t)
	d.Sources[1].Title = "በአዲስ አበባ የተካሄደ ሰልፍ"
	if is := pdf.Check(d, pdf.Options{Fonts: set}); len(is) != 0 {
		t.Errorf("Check with an Ethiopic font: %v", is)
	}
	if is := pdf.Check(d, pdf.Options{}); len(is) != 1 || !strings.Contains(is[0].Error(), "add a font covering Ethiopic with -fonts") {
		t.Errorf("Check without: %v", is)
	}
	if cjk, err := pdf.LoadFonts("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"); err != nil || cjk.Len() != 10 {
		t.Errorf("the Noto Sans CJK collection: %d faces, %v; want 10", cjk.Len(), err)
	}
	if s, err := pdf.NewFontSet(pdf.FontFile{Name: "Ethiopic", Data: ethiopic}); err != nil || s.Len() != 1 {
		t.Errorf("NewFontSet: %d faces, %v", s.Len(), err)
	}
	for _, c := range []struct {
		load func() (*pdf.FontSet, error)
		want string
	}{
		{func() (*pdf.FontSet, error) { return pdf.LoadFonts(filepath.Join(dir, "missing")) }, "pdf: fonts: stat " + filepath.Join(dir, "missing") + ": no such file or directory"},
		{func() (*pdf.FontSet, error) { return pdf.LoadFonts(filepath.Join(dir, "broken.ttf")) }, "pdf: font " + filepath.Join(dir, "broken.ttf") + ": "},
		{func() (*pdf.FontSet, error) { return pdf.LoadFonts(t.TempDir()) }, "pdf: fonts: no TrueType or OpenType font with outlines in "},
		{func() (*pdf.FontSet, error) {
			return pdf.NewFontSet(pdf.FontFile{Name: "junk", Data: []byte{0, 1, 0, 0}})
		}, "pdf: font junk: "},
	} {
		if s, err := c.load(); err == nil || s != nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("got %v, %v; want an error starting %q", s, err, c.want)
		}
	}
}

// TestFontSetDamaged reads damaged copies of fonts — truncated, or with
// bytes changed — and renders with those it accepts: errors, never
// panics.
func TestFontSetDamaged(t *testing.T) {
	fonts(t)
	var files [][]byte
	for _, f := range []string{"truetype/noto/NotoSansEthiopic-Regular.ttf", "truetype/noto/NotoNaskhArabic-Regular.ttf"} {
		data, err := os.ReadFile(filepath.Join("/usr/share/fonts", f))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, data)
	}
	d := minimal(t)
	d.Sources[1].Title = "በአዲስ አበባ የተካሄደ ሰልፍ احتجاجات"
	doc, err := report.Build(d, bilingual)
	if err != nil {
		t.Fatal(err)
	}
	seed := uint32(1)
	next := func(n int) int { seed = seed*1664525 + 1013904223; return int(seed>>8) % n }
	for i := range 60 {
		data := bytes.Clone(files[i%len(files)])
		switch i % 3 {
		case 0:
			data = data[:next(len(data))]
		default:
			for range 1 + next(64) {
				data[next(len(data))] = byte(next(256))
			}
		}
		set, err := pdf.NewFontSet(pdf.FontFile{Name: "damaged", Data: data})
		if err != nil {
			continue
		}
		if _, _, err := pdf.Render(doc, pdf.Options{Fonts: set}); err != nil && !errors.Is(err, pdf.ErrRender) && !errors.Is(err, pdf.ErrGlyph) {
			t.Errorf("%d: %v", i, err)
		}
	}
}

// BenchmarkPDFScripts renders the English edition of the scripts
// dossier with the system's fonts, read once: the cost of text the
// shaper sets.
func BenchmarkPDFScripts(b *testing.B) {
	set, err := systemFonts()
	if err != nil {
		b.Skip(err)
	}
	d, _, err := model.LoadFile("testdata/scripts.json")
	if err != nil {
		b.Fatal(err)
	}
	doc, err := report.Build(d, bilingual)
	if err != nil {
		b.Fatal(err)
	}
	benchRender(b, doc, pdf.Options{Language: en, Fonts: set})
}

// TestFontFileGone checks that a font file removed after LoadFonts read
// it makes a render that needs it fail with ErrRender, saying which.
func TestFontFileGone(t *testing.T) {
	fonts(t)
	data, err := os.ReadFile("/usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "Ethiopic.ttf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := pdf.LoadFonts(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	d := minimal(t)
	d.Sources[1].Title = "ሰላም"
	doc, err := report.Build(d, bilingual)
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = pdf.Render(doc, pdf.Options{Fonts: set})
	if want := "pdf: rendering failed: font " + path + ": open " + path + ": no such file or directory"; !errors.Is(err, pdf.ErrRender) || err.Error() != want {
		t.Errorf("Render: %v; want %s", err, want)
	}
}
