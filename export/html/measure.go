package html

import (
	"sync"
	"unicode"

	"github.com/coibrief/coibrief/internal/maplayout"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The map's names are placed where they collide with nothing, which
// depends on their widths. The SVG sets them in Liberation Sans and
// Serif, or in the fonts metrically compatible with them (Arial, Times
// New Roman), and measures them in the same fonts' metrics as the PDF:
// the HTML map's names are where the PDF's are. A character these fonts
// lack is counted at an average width, or a whole em for the wide
// characters of Chinese, Japanese and Korean.

var (
	metricsOnce sync.Once
	metrics     [3]*sfnt.Font // by maplayout.Style
	metricsErr  error
)

func loadMetrics() error {
	metricsOnce.Do(func() {
		for st, ttf := range [3][]byte{
			maplayout.PlaceName:   liberationsansregular.TTF,
			maplayout.RegionName:  liberationsansbold.TTF,
			maplayout.CountryName: liberationserifitalic.TTF,
		} {
			f, err := sfnt.Parse(ttf)
			if err != nil {
				metricsErr = err
				return
			}
			metrics[st] = f
		}
	})
	return metricsErr
}

// textWidth returns the width in mm of s set in the style of a map name.
func textWidth(s string, st maplayout.Style) float64 {
	f := metrics[st]
	var buf sfnt.Buffer
	upem := float64(f.UnitsPerEm())
	ppem := fixed.I(int(f.UnitsPerEm()))
	em := 0.0
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Cf, r) {
			continue
		}
		gi, err := f.GlyphIndex(&buf, r)
		if err == nil && gi != 0 {
			if adv, err := f.GlyphAdvance(&buf, gi, ppem, font.HintingNone); err == nil {
				em += float64(adv) / 64 / upem
				continue
			}
		}
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || r >= 0xff00 && r <= 0xffef {
			em++
		} else {
			em += 0.55
		}
	}
	return em * st.Size() * maplayout.PtToMM
}
