package pdf

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/liberation/liberationserifregular"
	tlang "github.com/go-text/typesetting/language"
	"golang.org/x/text/language"
)

// need returns the path of an outside program or file a test needs. It
// skips the test when it is missing, unless COIBRIEF_REQUIRE_TOOLS=1.
func need(t *testing.T, path, pkg string) string {
	t.Helper()
	p := path
	if !strings.Contains(path, "/") {
		var err error
		if p, err = exec.LookPath(path); err != nil {
			p = ""
		}
	} else if _, err := os.Stat(path); err != nil {
		p = ""
	}
	if p == "" {
		if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is required (COIBRIEF_REQUIRE_TOOLS=1) but not installed: apt-get install %s", path, pkg)
		}
		t.Skipf("%s not installed (apt-get install %s); skipping", path, pkg)
	}
	return p
}

const noto = "/usr/share/fonts/truetype/noto/"

// TestShapingMatchesHarfBuzz shapes known words with the shaper of the
// renderer and with HarfBuzz itself (hb-shape), in the same fonts, and
// checks that they give the same glyphs, clusters, advances and offsets:
// Arabic joining and lam-alef, Persian with its zero-width non-joiner,
// Urdu, Hebrew points, Devanagari and Bengali conjuncts and reordered
// vowel signs, Tamil, Burmese and Khmer stacks, Thai marks, Ethiopic,
// Chinese and Japanese with their locale forms, Korean, Georgian,
// Armenian, and Vietnamese written with combining marks.
func TestShapingMatchesHarfBuzz(t *testing.T) {
	hbShape := need(t, "hb-shape", "libharfbuzz-bin")
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	builtin := func(name string, ttf []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, ttf, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	dejavu := builtin("DejaVuSans.ttf", dejavusans.TTF)
	liberation := builtin("LiberationSerif.ttf", liberationserifregular.TTF)
	cjk := "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
	for _, c := range []struct {
		font  string
		index int // in a collection
		lang  string
		text  string
	}{
		{dejavu, 0, "ar", "احتجاجات واسعة في لا"},
		{noto + "NotoNaskhArabic-Regular.ttf", 0, "ar", "ارتفاع أسعار الوقود"},
		{noto + "NotoNaskhArabic-Regular.ttf", 0, "fa", "اعتراض\u200cها در شهرهای بزرگ ۱۴۰۱"},
		{noto + "NotoNaskhArabic-Regular.ttf", 0, "ur", "کراچی میں تاجروں کا احتجاج"},
		{noto + "NotoNaskhArabic-Regular.ttf", 0, "ckb", "خۆپیشاندانی مامۆستایان"},
		{noto + "NotoNaskhArabic-Regular.ttf", 0, "ps", "د سوداګرو لاریون"},
		{liberation, 0, "he", "שָׁלוֹם בִּירוּשָׁלַיִם"},
		{dejavu, 0, "ka", "თბილისში"},
		{dejavu, 0, "hy", "Երևանում"},
		{liberation, 0, "vi", "Vie\u0323\u0302t Nam"},
		{noto + "NotoSansDevanagari-Regular.ttf", 0, "hi", "विरोध प्रदर्शन क्षत्रिय"},
		{noto + "NotoSerifBengali-Regular.ttf", 0, "bn", "শিক্ষার্থীদের বিক্ষোভ"},
		{noto + "NotoSansTamil-Regular.ttf", 0, "ta", "ஆர்ப்பாட்டம் தொழிலாளர்கள்"},
		{noto + "NotoSansMyanmar-Regular.ttf", 0, "my", "ဆန္ဒပြပွဲများ ရန်ကုန်မြို့"},
		{noto + "NotoSansKhmer-Regular.ttf", 0, "km", "ការតវ៉ានៅភ្នំពេញ"},
		{noto + "NotoSansThai-Regular.ttf", 0, "th", "การชุมนุมประท้วง"},
		{noto + "NotoSansEthiopic-Regular.ttf", 0, "am", "በአዲስ አበባ ሰላማዊ ሰልፍ"},
		{noto + "NotoSansEthiopic-Regular.ttf", 0, "ti", "ኣብ ኣስመራ ዝተኻየደ"},
		{cjk, 2, "zh", "阿拉木图发生大规模抗议活动，"},
		{cjk, 0, "ja", "非常事態を宣言、カザフスタン"},
		{cjk, 1, "ko", "카자흐스탄 대규모 시위"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			need(t, c.font, "fonts-noto-core fonts-noto-cjk")
			set, err := LoadFonts(c.font)
			if err != nil {
				t.Fatal(err)
			}
			e := set.faces[c.index]
			ts := newTypesetter(set)
			text := []rune(c.text)
			sc := tlang.Common
			for _, r := range text {
				if s := tlang.LookupScript(r); s.Strong() {
					sc = s
					break
				}
			}
			rtl := needsBidi(text[0])
			sh := ts.shape(text, 0, len(text), rtl, sc, language.MustParse(c.lang), e)
			if sh == nil {
				t.Fatal(ts.err)
			}
			dir := "ltr"
			if rtl {
				dir = "rtl"
			}
			out, err := exec.Command(hbShape, "--font-file="+c.font, "--face-index="+strconv.Itoa(c.index),
				"--direction="+dir, "--script="+sc.String(), "--language="+c.lang,
				"--output-format=json", "--no-glyph-names", "--text="+c.text).Output()
			if err != nil {
				t.Fatalf("hb-shape: %v", err)
			}
			var want []struct {
				G, Cl, Dx, Dy, Ax int
			}
			if err := json.Unmarshal(out, &want); err != nil {
				t.Fatalf("hb-shape: %v: %s", err, out)
			}
			var got, exp []string
			for _, g := range sh.glyphs {
				got = append(got, fmt.Sprintf("%d@%d+%g<%g,%g>", g.id, g.cluster, g.adv, g.x, g.y))
			}
			for _, g := range want {
				exp = append(exp, fmt.Sprintf("%d@%d+%d<%d,%d>", g.G, g.Cl, g.Ax, g.Dx, g.Dy))
			}
			if strings.Join(got, " ") != strings.Join(exp, " ") {
				t.Errorf("%s in %s:\ngot  %s\nwant %s (hb-shape)", c.text, filepath.Base(c.font), strings.Join(got, " "), strings.Join(exp, " "))
			}
		})
	}
}

// TestBidiLevels checks the levels read from the bidi package where its
// runs merge levels of one direction: a number in Arabic text is at level
// 2, the Arabic at 1, and text outside at 0.
func TestBidiLevels(t *testing.T) {
	var ts typesetter
	text := []rune("Latin عربي 123 Latin \u2068٢٠٢٢ عام\u2069.")
	var got []string
	for _, l := range ts.bidiLevels(text) {
		got = append(got, strconv.Itoa(int(l)))
	}
	want := "0 0 0 0 0 0 1 1 1 1 1 2 2 2 0 0 0 0 0 0 0 0 2 2 2 2 1 1 1 1 0 0"
	if strings.Join(got, " ") != want {
		t.Errorf("levels\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
}

// TestBidiConformance reorders the characters of every left-to-right
// paragraph of the Unicode Consortium's BidiCharacterTest.txt, which the
// bidi package ships, as the renderer reorders a line's pieces, and
// checks the visual order the file gives.
func TestBidiConformance(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-text/typesetting").Output()
	if err != nil {
		t.Skipf("cannot locate the bidi package's test data: %v", err)
	}
	f, err := os.Open(filepath.Join(strings.TrimSpace(string(out)), "bidi", "test", "BidiCharacterTest.txt"))
	if err != nil {
		t.Skipf("cannot open the bidi package's test data: %v", err)
	}
	defer f.Close()
	var ts typesetter
	sc := bufio.NewScanner(f)
	n, line := 0, 0
	for sc.Scan() {
		line++
		fields := strings.Split(sc.Text(), ";")
		if len(fields) != 5 || strings.HasPrefix(fields[0], "#") || fields[1] != "0" {
			continue // paragraphs left to right only, as the renderer's
		}
		var text []rune
		for _, h := range strings.Fields(fields[0]) {
			r, _ := strconv.ParseUint(h, 16, 32)
			text = append(text, rune(r))
		}
		levels := ts.bidiLevels(text)
		var atoms []atom
		for i, l := range strings.Fields(fields[3]) {
			if l == "x" {
				continue // removed by rule X9
			}
			atoms = append(atoms, atom{gap: float64(i), level: levels[i]})
		}
		reorder(atoms)
		var got []string
		for _, a := range atoms {
			got = append(got, strconv.Itoa(int(a.gap)))
		}
		if g, w := strings.Join(got, " "), strings.Join(strings.Fields(fields[4]), " "); g != w {
			t.Fatalf("BidiCharacterTest.txt:%d: order %s; want %s", line, g, w)
		}
		n++
	}
	if n < 1000 {
		t.Errorf("%d paragraphs tested", n)
	}
}

// TestIsolate checks which strings are isolated.
func TestIsolate(t *testing.T) {
	for in, want := range map[string]string{
		"Le Monde":      "Le Monde",
		"Радио Азаттык": "Радио Азаттык",
		"الجزيرة":       "\u2068الجزيرة\u2069",
		"Haaretz הארץ":  "\u2068Haaretz הארץ\u2069",
		"":              "",
	} {
		if got := isolate(in); got != want {
			t.Errorf("isolate(%q) = %q; want %q", in, got, want)
		}
	}
}

// TestComplexParagraph checks how a paragraph fpdf cannot set alone is cut
// into pieces: Latin set by fpdf, Arabic by the shaper at level 1, a
// number in it at level 2, quotation marks and brackets in Liberation,
// shaped when right to left (mirrored); the widths of shaped pieces are
// the sums of their advances; and the line's visual order is the
// bidirectional algorithm's: the closing quotation mark, between the
// number and more Arabic, is right to left with them.
func TestComplexParagraph(t *testing.T) {
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	var m measurer
	ws := m.words([]run{{text: "Al Jazeera: “احتجاجات 2022” (فيديو). Next", st: stBody}}, "test")
	var got []string
	for _, w := range ws {
		var ps []string
		for _, p := range w.pieces {
			kind := "fpdf"
			if p.sh != nil {
				kind = p.sh.sf.e.family
				var adv float64
				for _, g := range p.sh.glyphs {
					adv += float64(g.adv)
				}
				if want := adv * p.at.st.size / p.sh.sf.upem * ptToMM; p.width != want {
					t.Errorf("%q is %v mm wide; its advances make %v", p.text, p.width, want)
				}
			}
			ps = append(ps, fmt.Sprintf("%s/%d/%s", p.text, p.level, kind))
		}
		got = append(got, strings.Join(ps, "+"))
	}
	want := "Al/0/fpdf Jazeera:/0/fpdf “/0/fpdf+احتجاجات/1/DejaVu Sans 2022/2/fpdf+”/1/Liberation Serif (/1/Liberation Serif+فيديو/1/DejaVu Sans+)/1/Liberation Serif+./0/fpdf Next/0/fpdf"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("pieces\n%s\nwant\n%s", g, want)
	}
	if err := m.err(); err != nil {
		t.Fatal(err)
	}
	ls := m.wrap(ws, 200, 1.2, false, "test")
	if len(ls) != 1 || !ls[0].complex {
		t.Fatalf("%d lines; want one complex line", len(ls))
	}
	var atoms []atom
	for i, w := range ls[0].words {
		if i > 0 {
			atoms = append(atoms, atom{level: w.spaceLevel})
		}
		for j := range w.pieces {
			atoms = append(atoms, atom{p: &w.pieces[j], level: w.pieces[j].level})
		}
	}
	reorder(atoms)
	var order []string
	for _, a := range atoms {
		if a.p == nil {
			order = append(order, "_")
		} else {
			order = append(order, a.p.text)
		}
	}
	if g, w := strings.Join(order, " "), "Al _ Jazeera: _ “ ) فيديو ( _ ” 2022 _ احتجاجات . _ Next"; g != w {
		t.Errorf("visual order\n%s\nwant\n%s", g, w)
	}
}

// TestIdeographBreaks checks that lines break between Chinese and
// Japanese characters, not before closing punctuation or after opening
// punctuation, and not within a Latin word next to them.
func TestIdeographBreaks(t *testing.T) {
	var ts typesetter
	for in, want := range map[string]string{
		"抗议活动":       "抗|议|活|动",
		"宣言、カザフ":     "宣|言、|カ|ザ|フ",
		"「抗议」活动":     "「抗|议」|活|动",
		"NHK報道":      "NHK|報|道",
		"Kazakhstan": "Kazakhstan",
	} {
		text := []rune(in)
		var parts []string
		from := 0
		for _, k := range ts.ideographBreaks(text, 0, len(text)) {
			parts = append(parts, string(text[from:k]))
			from = k
		}
		parts = append(parts, string(text[from:]))
		if got := strings.Join(parts, "|"); got != want {
			t.Errorf("%s: breaks %s; want %s", in, got, want)
		}
	}
}

// TestCutShaped checks that a word set by the shaper and wider than a
// line is cut between clusters: every part but single clusters fits, no
// cluster is split (no Thai or Devanagari mark starts a part), and the
// parts hold the word's characters in order.
func TestCutShaped(t *testing.T) {
	need(t, noto+"NotoSansThai-Regular.ttf", "fonts-noto-core")
	set, err := LoadFonts(noto+"NotoSansThai-Regular.ttf", noto+"NotoSansDevanagari-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	m := measurer{ts: newTypesetter(set)}
	for _, word := range []string{
		"การชุมนุมประท้วงในกรุงเทพมหานครเมื่อวันที่ห้ามกราคม",
		"अन्तर्राष्ट्रीयविरोधप्रदर्शनक्षत्रियराष्ट्रपति",
		"الاحتجاجاتوالمظاهراتفيالمدنالكبرى",
	} {
		ls := m.wrap(m.words([]run{{text: word, st: stCell}}, "test"), 12, leadCell, false, "test")
		if len(ls) < 3 {
			t.Errorf("%s: %d lines; want it cut in several", word, len(ls))
		}
		var b strings.Builder
		for i, l := range ls {
			if l.width > 12 && len(l.words[0].pieces[0].sh.glyphs) > 3 {
				t.Errorf("%s: line %d is %.1f mm wide, more than 12", word, i, l.width)
			}
			for _, w := range l.words {
				for _, p := range w.pieces {
					if r := []rune(p.text)[0]; unicode.Is(unicode.M, r) {
						t.Errorf("%s: line %d starts with the mark %U", word, i, r)
					}
					b.WriteString(p.text)
				}
			}
		}
		if b.String() != word {
			t.Errorf("parts %q; want %q", b.String(), word)
		}
	}
	if err := m.err(); err != nil {
		t.Fatal(err)
	}
}
