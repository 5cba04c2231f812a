package synth

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/coibrief/coibrief/model"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifregular"
	"golang.org/x/image/font/sfnt"
)

func generate(t testing.TB, opt Options) *model.Dossier {
	t.Helper()
	d, err := Dossier(opt)
	if err != nil {
		t.Fatalf("Dossier(%+v): %v", opt, err)
	}
	return d
}

func written(t testing.TB, opt Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteJSON(&b, opt); err != nil {
		t.Fatalf("WriteJSON(%+v): %v", opt, err)
	}
	return b.Bytes()
}

func encode(t testing.TB, d *model.Dossier) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := model.Encode(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The sizes the tests run: entries 1 to 3000 (one to two months),
// figures 0 to 10,000, sources and places derived or set.
var testOptions = []Options{
	{Entries: 10, Seed: 1},
	{Entries: 10, Figures: 100, Seed: 2},
	{Entries: 1000, Seed: 3},
	{Entries: 1000, Figures: 10000, Seed: 4},
	{Entries: 1, Figures: 1, Seed: 5},
	{Entries: 40, Figures: 7, Seed: 6, Sources: 560, Places: 3},
	{Entries: 3000, Figures: 100, Seed: 7, Places: 12},
	{Entries: 200, Figures: 1000, Seed: 1 << 63, Sources: 8, Places: 400},
}

func TestValidate(t *testing.T) {
	for _, opt := range testOptions {
		t.Run(fmt.Sprintf("%+v", opt), func(t *testing.T) {
			d := generate(t, opt)
			explained := map[string]bool{}
			for _, is := range model.Validate(d) {
				switch {
				case is.Severity == model.SeverityError:
					t.Errorf("error: %v", is)
				case is.Erratum == nil:
					t.Errorf("unexplained warning: %v", is)
				default:
					explained[is.Ref.Kind.String()+"."+is.Field] = true
				}
			}
			want := map[string]bool{"source.url": true, "source.published": true}
			if opt.Figures > 0 {
				want["figure.reported"] = true
			}
			if !reflect.DeepEqual(explained, want) {
				t.Errorf("warnings explained by errata: got %v; want %v", explained, want)
			}
		})
	}
}

func TestCounts(t *testing.T) {
	for _, opt := range testOptions {
		d := generate(t, opt)
		entries := 0
		for _, day := range d.Chronology {
			entries += len(day.Entries)
		}
		if entries != opt.Entries || len(d.Figures) != opt.Figures {
			t.Errorf("%+v: got %d entries and %d figures; want %d and %d", opt, entries, len(d.Figures), opt.Entries, opt.Figures)
		}
		if opt.Sources != 0 && len(d.Sources) != opt.Sources {
			t.Errorf("%+v: got %d sources; want %d", opt, len(d.Sources), opt.Sources)
		}
		if opt.Places != 0 && len(d.Places) != opt.Places {
			t.Errorf("%+v: got %d places; want %d", opt, len(d.Places), opt.Places)
		}
	}
}

func TestDeterministic(t *testing.T) {
	opt := Options{Entries: 300, Figures: 500, Seed: 11}
	a, b := written(t, opt), written(t, opt)
	if !bytes.Equal(a, b) {
		t.Fatal("two runs with the same options differ")
	}
	opt.Seed++
	if c := written(t, opt); bytes.Equal(a, c) {
		t.Fatal("seeds 11 and 12 give the same dossier")
	}
	if !bytes.Equal(encode(t, generate(t, opt)), encode(t, generate(t, opt))) {
		t.Fatal("two dossiers built in memory with the same options differ")
	}
}

// WriteJSON pins the format: it writes what model.Encode writes, and
// reading it back gives the dossier built in memory.
func TestStreamMatchesEncode(t *testing.T) {
	for _, opt := range testOptions {
		t.Run(fmt.Sprintf("%+v", opt), func(t *testing.T) {
			d := generate(t, opt)
			want, got := encode(t, d), written(t, opt)
			if !bytes.Equal(got, want) {
				i := 0
				for i < len(got) && i < len(want) && got[i] == want[i] {
					i++
				}
				t.Fatalf("WriteJSON differs from model.Encode at byte %d of %d:\ngot  …%s…\nwant …%s…",
					i, len(want), excerpt(got, i), excerpt(want, i))
			}
			back, err := model.Unmarshal(got)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back, d) {
				t.Fatal("model.Unmarshal of WriteJSON's output is not the dossier Dossier returns")
			}
		})
	}
}

func excerpt(b []byte, i int) string { return string(b[max(0, i-80):min(len(b), i+80)]) }

func TestOptions(t *testing.T) {
	for _, tc := range []struct {
		opt  Options
		want string
	}{
		{Options{}, "synth: invalid options: entries 0, want 1 to 10000000"},
		{Options{Entries: -3}, "synth: invalid options: entries -3, want 1 to 10000000"},
		{Options{Entries: 5, Figures: -1}, "synth: invalid options: figures -1, want 0 to 100000000"},
		{Options{Entries: 5, Sources: 7}, "synth: invalid options: sources 7, want 0 (derived) or 8 to 70 (14 per entry)"},
		{Options{Entries: 1, Sources: 15}, "synth: invalid options: sources 15, want 0 (derived) or 8 to 14 (14 per entry)"},
		{Options{Entries: 5, Places: 2}, "synth: invalid options: places 2, want 0 (derived) or 3 to 10000000"},
	} {
		_, err := Dossier(tc.opt)
		if err == nil || err.Error() != tc.want || !errors.Is(err, ErrOptions) {
			t.Errorf("Dossier(%+v): got %v; want %s", tc.opt, err, tc.want)
		}
		var b bytes.Buffer
		err = WriteJSON(&b, tc.opt)
		if err == nil || err.Error() != tc.want || b.Len() > 0 {
			t.Errorf("WriteJSON(%+v): got %v and %d bytes; want %s and none", tc.opt, err, b.Len(), tc.want)
		}
	}
}

type failingWriter struct{ left int }

var errFull = errors.New("disk full")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.left {
		n := w.left
		w.left = 0
		return n, errFull
	}
	w.left -= len(p)
	return len(p), nil
}

func TestWriteError(t *testing.T) {
	for _, after := range []int{0, 100_000} {
		err := WriteJSON(&failingWriter{left: after}, Options{Entries: 500, Figures: 2000, Seed: 1})
		if want := "synth: writing dossier: disk full"; err == nil || err.Error() != want || !errors.Is(err, errFull) {
			t.Errorf("failing after %d bytes: got %v; want %s", after, err, want)
		}
	}
}

// strings returns every string of a JSON document, keys included.
func jsonStrings(t *testing.T, data []byte) []string {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			out = append(out, v)
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for k, x := range v {
				out = append(out, k)
				walk(x)
			}
		}
	}
	walk(v)
	return out
}

// Every character is one the PDF fonts draw, and the texts use the
// typography and the letters the renderers must cope with.
func TestCharacters(t *testing.T) {
	data := written(t, Options{Entries: 1000, Figures: 1000, Seed: 9})
	var fonts []*sfnt.Font
	for _, ttf := range [][]byte{liberationserifregular.TTF, liberationsansregular.TTF} {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			t.Fatal(err)
		}
		fonts = append(fonts, f)
	}
	seen := map[rune]bool{}
	var buf sfnt.Buffer
	for _, s := range jsonStrings(t, data) {
		if strings.ContainsAny(s, "{}") || strings.Contains(strings.TrimSuffix(s, "/.."), "..") || strings.Contains(s, "  ") {
			t.Errorf("template left over in %q", s)
		}
		for _, r := range s {
			if seen[r] {
				continue
			}
			seen[r] = true
			if unicode.IsControl(r) {
				t.Errorf("control character %U in %q", r, s)
			}
			for _, f := range fonts {
				if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
					t.Errorf("%q (%U) has no glyph in Liberation, in %q", r, r, s)
				}
			}
		}
	}
	for _, r := range "әғқңөұүһіЖжÉéèçïô«»’‘–…\u00a0\u202f" {
		if !seen[r] {
			t.Errorf("no %q (%U) anywhere", r, r)
		}
	}
}

// Every value of every enumeration appears in a dossier of a thousand
// entries and a thousand figures, with the shapes the renderers must
// cope with.
func TestCoverage(t *testing.T) {
	d := generate(t, Options{Entries: 1000, Figures: 1000, Seed: 13})
	seen := map[string]bool{}
	mark := func(what string, v any) { seen[fmt.Sprint(what, ":", v)] = true }
	longNote, longText := false, false
	for _, day := range d.Chronology {
		mark("day precision", day.Precision)
		mark("open day", day.When.Open)
		for _, e := range day.Entries {
			mark("kind", e.Kind)
			mark("reliability", e.Reliability)
			mark("precision", e.Precision(&day))
			mark("open entry", e.When.Open)
			mark("time", e.Time != nil && e.Time.IsRange())
			mark("group", e.Group != "")
			mark("geo", e.GeoPrecision)
			mark("figures", len(e.Figures) > 0)
			mark("bullet", e.Bullet)
			mark("repeated source", len(e.Sources) != len(unique(e.Sources)))
			mark("citations", min(len(e.Sources), 14)/7) // 0: 1 to 6, 1: 7 to 13, 2: 14
			if len(e.Sources) == 0 || len(e.Sources) > 14 {
				t.Errorf("entry %s cites %d sources", e.ID, len(e.Sources))
			}
			longNote = longNote || strings.Count(e.Note[fr], ". ") >= 5 && len(e.Sources) >= 10
			longText = longText || strings.Count(e.Text[en], ". ") >= 7
		}
	}
	for _, p := range d.Places {
		mark("place", p.Kind)
		if c := p.Coord; c != nil && (c.Lat < 41 || c.Lat > 55 || c.Lon < 47 || c.Lon > 87) {
			t.Errorf("place %s at %v, outside the box", p.ID, *c)
		}
	}
	for _, s := range d.Sources {
		mark("category", s.Category)
		mark("title language", s.TitleLanguage)
		mark("updated", !s.Updated.IsZero())
		mark("disambiguator", s.Disambiguator > 0)
		mark("via", s.Via != "")
		u, _ := url.Parse(s.URL)
		if s.URL != "" {
			mark("scheme", u.Scheme)
			mark("non-ASCII URL", strings.ContainsFunc(s.URL, func(r rune) bool { return r > unicode.MaxASCII }))
		}
	}
	for _, f := range d.Figures {
		mark("metric", f.Metric)
		mark("party", f.Party)
		mark("qualifier", f.Qualifier)
		mark("status", f.Status)
		mark("claimant", f.Claimant.Kind)
		mark("scope", f.Scope != "")
		mark("part", f.PartOf != "")
		mark("before the period", f.AsOf.Before(d.Period.Start))
	}
	var want []string
	add := func(what string, vs ...any) {
		for _, v := range vs {
			want = append(want, fmt.Sprint(what, ":", v))
		}
	}
	each := func(what string, n int, v func(i int) any) {
		for i := range n {
			add(what, v(i))
		}
	}
	for _, k := range model.EventKinds() {
		add("kind", k)
	}
	for _, r := range append(model.Reliabilities(), model.Reliable) {
		add("reliability", r)
	}
	each("precision", 4, func(i int) any { return model.DatePrecision(i + 1) })
	each("day precision", 2, func(i int) any { return []model.DatePrecision{0, model.PrecisionNight}[i] })
	each("geo", 3, func(i int) any { return []model.GeoPrecision{0, model.GeoCity, model.GeoRegion}[i] })
	for _, k := range model.PlaceKinds() {
		add("place", k)
	}
	for _, c := range model.SourceCategories() {
		add("category", c)
	}
	for _, m := range model.Metrics() {
		add("metric", m)
	}
	for _, p := range model.Parties() {
		add("party", p)
	}
	for _, q := range model.Qualifiers() {
		add("qualifier", q)
	}
	for _, s := range model.FigureStatuses() {
		add("status", s)
	}
	for _, k := range model.ClaimantKinds() {
		add("claimant", k)
	}
	add("title language", "ru", "kk", "fr", "en")
	add("scheme", "http", "https")
	add("citations", 0, 1, 2)
	for _, b := range []string{"open day", "open entry", "time", "group", "figures", "bullet", "repeated source",
		"updated", "disambiguator", "via", "non-ASCII URL", "scope", "part", "before the period"} {
		add(b, true, false)
	}
	for _, w := range want {
		if !seen[w] {
			t.Errorf("no %s", w)
		}
	}
	if !longNote || !longText {
		t.Errorf("long footnote with many sources: %v; paragraph of eight sentences or more: %v; want both", longNote, longText)
	}
	if len(d.Sections) < 2 || len(d.Background) == 0 || len(d.Notes) == 0 || len(d.Errata) < 3 {
		t.Errorf("got %d sections, %d background statements, %d notes, %d errata", len(d.Sections), len(d.Background), len(d.Notes), len(d.Errata))
	}
}

func unique(ids []model.SourceID) map[model.SourceID]bool {
	m := map[model.SourceID]bool{}
	for _, id := range ids {
		m[id] = true
	}
	return m
}

func TestEnTypo(t *testing.T) {
	got := enTypo("He said 'no' and the President's ('restraint') came")
	if want := "He said ‘no’ and the President’s (‘restraint’) came"; got != want {
		t.Errorf("got %q; want %q", got, want)
	}
}
