package pdf_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// TestPaper renders the French briefing on US Letter paper and with wide
// margins: the pages have the paper's size, the text stays within the
// margins, and nothing is lost.
func TestPaper(t *testing.T) {
	info := tool(t, "pdfinfo", "poppler-utils")
	for _, c := range []struct {
		opt  pdf.Options
		size string
	}{
		{pdf.Options{Language: fr}, "595.28 x 841.89 pts (A4)"},
		{pdf.Options{Language: fr, Paper: pdf.Letter}, "612 x 792 pts (letter)"},
		{pdf.Options{Language: fr, Paper: pdf.Letter, Margins: pdf.Margins{Left: 35, Right: 35, Top: 30, Bottom: 30}}, "612 x 792 pts (letter)"},
	} {
		r := render(t, bilingual, c.opt)
		out := run(t, info, r.path)
		if !strings.Contains(fold(out), "Page size: "+c.size) {
			t.Errorf("%+v: pdfinfo says\n%s\nwant page size %s", c.opt, out, c.size)
		}
		// Every word is within the margins, give or take the 4 mm that
		// the chart's last date, centred under its axis's end, runs over.
		bbox := run(t, tool(t, "pdftotext", "poppler-utils"), "-bbox", r.path, "-")
		m := c.opt.Margins
		if m == (pdf.Margins{}) {
			m = pdf.DefaultMargins
		}
		const mm = 72 / 25.4
		pageW := 595.276
		if c.opt.Paper == pdf.Letter {
			pageW = 612
		}
		word := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"`)
		for _, w := range word.FindAllStringSubmatch(bbox, -1) {
			x0, x1 := atof(t, w[1]), atof(t, w[2])
			if x0 < m.Left*mm-3.2*mm-0.5 || x1 > pageW-m.Right*mm+4*mm {
				t.Fatalf("%+v: a word from %.1f to %.1f pt, outside the margins (%.1f to %.1f)", c.opt, x0, x1, m.Left*mm, pageW-m.Right*mm)
			}
		}
		if !strings.Contains(text(t, r.path), "Chiffres contestés") {
			t.Errorf("%+v: no contested figures", c.opt)
		}
	}
}

// TestPageOptionErrors checks that invalid page options are errors, from
// Render and Check alike, never ignored.
func TestPageOptionErrors(t *testing.T) {
	doc := render(t, bilingual, pdf.Options{Language: fr}).doc
	d := dossier(t)
	for _, c := range []struct {
		opt  pdf.Options
		want string
	}{
		{pdf.Options{Paper: 7}, "invalid options: unknown paper 7 (want A4 or Letter)"},
		{pdf.Options{Margins: pdf.Margins{Left: 5}}, "invalid options: left margin of 5 mm: want 10 to 60 mm"},
		{pdf.Options{Margins: pdf.Margins{Top: 12}}, "invalid options: top margin of 12 mm: want 15 to 60 mm"},
		{pdf.Options{Margins: pdf.Margins{Bottom: 61}}, "invalid options: bottom margin of 61 mm: want 15 to 60 mm"},
		{pdf.Options{Margins: pdf.Margins{Right: -3}}, "invalid options: right margin of -3 mm"},
		{pdf.Options{Margins: pdf.Margins{Left: 50, Right: 50}}, "invalid options: margins {24 50 21 50} leave a body of 110.0 × 252.0 mm on a4 paper: want at least 120 × 180 mm"},
		{pdf.Options{Paper: pdf.Letter, Margins: pdf.Margins{Top: 55, Bottom: 50}}, "invalid options: margins {55 22 50 22} leave a body of 171.9 × 174.4 mm on letter paper"},
		{pdf.Options{Logo: []byte("not an image")}, "invalid options: logo: invalid value: not a PNG or JPEG image"},
	} {
		_, _, err := pdf.Render(doc, c.opt)
		if err == nil || !errors.Is(err, pdf.ErrOptions) || !strings.HasPrefix(err.Error(), "pdf: "+c.want) {
			t.Errorf("Render(%+v): %v; want %q", c.opt, err, c.want)
		}
		issues := pdf.Check(d, c.opt)
		if len(issues) != 1 || !errors.Is(issues[0].Err, pdf.ErrOptions) || !strings.HasPrefix(issues[0].Err.Error(), c.want) {
			t.Errorf("Check(%+v): %v; want %q", c.opt, issues, c.want)
		}
	}
	for _, s := range []string{"a4", "letter"} {
		if p, err := pdf.ParsePaper(s); err != nil || p.String() != s {
			t.Errorf("ParsePaper(%q) = %v, %v", s, p, err)
		}
	}
	if _, err := pdf.ParsePaper("A5"); err == nil || !errors.Is(err, pdf.ErrOptions) {
		t.Errorf("ParsePaper(A5): %v", err)
	}
}

// logoPNG is a small logo: a blue disc on a transparent ground.
func logoPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 120, 60))
	for y := range 60 {
		for x := range 120 {
			if dx, dy := x-30, y-30; dx*dx+dy*dy < 28*28 {
				img.Set(x, y, color.NRGBA{20, 60, 140, 255})
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestLogo prints the issuer's logo on the cover, from the dossier or
// from the options, which win.
func TestLogo(t *testing.T) {
	images := tool(t, "pdfimages", "poppler-utils")
	logo := logoPNG(t)
	d := dossier(t)
	d.Issuer.Logo = "data:image/png;base64," + base64.StdEncoding.EncodeToString(logo)
	if err := model.Validate(d).Err(); err != nil {
		t.Fatal(err)
	}
	doc, err := report.Build(d, report.Options{Languages: []language.Tag{en}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(doc.Meta.Logo, logo) {
		t.Fatal("the briefing does not carry the dossier's logo")
	}
	plain, _, err := pdf.Render(build(t, dossier(t), en), pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		doc  *report.Document
		opt  pdf.Options
		want string // pdfimages -list: page, width, height
	}{
		{"dossier", doc, pdf.Options{}, "1 0 image 120 60"},
		{"options", doc, pdf.Options{Logo: jpegLogo(t)}, "1 0 image 40 30"},
	} {
		data, _, err := pdf.Render(c.doc, c.opt)
		if err != nil {
			t.Fatal(err)
		}
		again, _, _ := pdf.Render(c.doc, c.opt)
		if !bytes.Equal(data, again) {
			t.Errorf("%s: two renders differ", c.name)
		}
		path := filepath.Join(t.TempDir(), "logo.pdf")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		list := run(t, images, "-list", path)
		if !strings.Contains(fold(list), c.want) {
			t.Errorf("%s: pdfimages -list:\n%s\nwant %q", c.name, list, c.want)
		}
		if len(data) <= len(plain) {
			t.Errorf("%s: %d bytes with a logo, %d without", c.name, len(data), len(plain))
		}
	}
}

func jpegLogo(t *testing.T) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 40, 30))
	for i := range img.Pix {
		img.Pix[i] = byte(i)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func atof(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func build(t *testing.T, d *model.Dossier, tag language.Tag) *report.Document {
	t.Helper()
	doc, err := report.Build(d, report.Options{Languages: []language.Tag{tag}})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
