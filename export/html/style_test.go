package html_test

import (
	"math"
	"regexp"
	"strconv"
	"testing"

	"github.com/coibrief/coibrief/export/html"
)

// TestContrast checks that the stylesheet's text colours have WCAG 2.1
// AA contrast (4.5:1) on the white page and on the tables' shaded rows,
// and white on the headers' navy.
func TestContrast(t *testing.T) {
	css := html.Stylesheet()
	vars := map[string]string{}
	for _, m := range regexp.MustCompile(`--cb-([a-z]+): (#[0-9a-f]{6})`).FindAllStringSubmatch(css, -1) {
		vars[m[1]] = m[2]
	}
	for _, c := range []struct{ fg, bg string }{
		{"ink", "paper"}, {"muted", "paper"}, {"navy", "paper"}, {"link", "paper"}, {"red", "paper"},
		{"ink", "zebra"}, {"muted", "zebra"}, {"red", "zebra"}, {"link", "zebra"}, {"ink", "group"}, {"navy", "group"},
	} {
		fg, bg := vars[c.fg], vars[c.bg]
		if fg == "" || bg == "" {
			t.Fatalf("no colour --cb-%s or --cb-%s", c.fg, c.bg)
		}
		if r := contrast(fg, bg); r < 4.5 {
			t.Errorf("%s (%s) on %s (%s): %.2f:1; want 4.5:1 or more", c.fg, fg, c.bg, bg, r)
		}
	}
	if r := contrast("#ffffff", vars["navy"]); r < 4.5 {
		t.Errorf("white on navy: %.2f:1", r)
	}
	if r := contrast(vars["link"], "#fff3c4"); r < 4.5 {
		t.Errorf("a link on a targeted element: %.2f:1", r)
	}
}

// contrast is WCAG 2.1's contrast ratio of two colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func luminance(hex string) float64 {
	var c [3]float64
	for i := range c {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		s := float64(v) / 255
		if s <= 0.03928 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}
