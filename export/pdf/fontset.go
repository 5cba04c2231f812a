package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavuserif"
	"github.com/go-fonts/dejavu/dejavuserifbold"
	"github.com/go-fonts/dejavu/dejavuserifitalic"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"
)

// FontSet is a set of fonts that text may be set in beyond the built-in
// ones, for the scripts these lack: for each run of text, the renderer
// takes the first font of the fallback chain of the run's style that has
// a glyph for every character of the run (see Options.Fonts). A FontSet
// is made once, by LoadFonts or NewFontSet, and may be shared by any
// number of renders and checks at once; it reads a font's glyphs the
// first time a render needs them.
type FontSet struct {
	faces   []*fontEntry // in the order read
	skipped []string

	chainsOnce sync.Once
	chains     [numFaces][]*fontEntry
}

// FontFile is a font file in memory: TrueType or OpenType, with
// TrueType or CFF outlines, or a collection of them (.ttc, .otc).
type FontFile struct {
	Name string // names the font in messages: its file name, say
	Data []byte
}

// fontClass is the design of a font as its name tells it.
type fontClass uint8

const (
	classUnknown fontClass = iota
	classSerif
	classSans
)

// fontEntry is one face of a font file: what is known of it when it is
// read (its name, style and the characters it maps), and, once a render
// needs its glyphs, the parsed font.
type fontEntry struct {
	name    string // the file's name, and "#n" for the n-th face of a collection
	family  string
	weight  float32 // 400 regular, 700 bold
	italic  bool
	class   fontClass
	mono    bool
	builtin bool
	ranges  [][2]rune // the characters it maps, in order, both ends included

	data  func() ([]byte, error) // the file's bytes
	index int                    // of the face in its file

	once sync.Once
	font *font.Font
	upem float64
	err  error

	paths sync.Map // font.GID -> *glyphPath
}

// covers reports whether the font maps r to a glyph.
func (e *fontEntry) covers(r rune) bool {
	i := sort.Search(len(e.ranges), func(i int) bool { return e.ranges[i][1] >= r })
	return i < len(e.ranges) && e.ranges[i][0] <= r
}

// load parses the font once.
func (e *fontEntry) load() (*font.Font, error) {
	e.once.Do(func() {
		defer func() {
			if r := recover(); r != nil {
				e.font, e.err = nil, fmt.Errorf("font %s: unreadable: %v", e.name, r)
			}
		}()
		data, err := e.data()
		if err != nil {
			e.err = fmt.Errorf("font %s: %w", e.name, err)
			return
		}
		lds, err := ot.NewLoaders(bytes.NewReader(data))
		if err != nil || e.index >= len(lds) {
			e.err = fmt.Errorf("font %s: not the font read before: %v", e.name, err)
			return
		}
		f, err := font.NewFont(lds[e.index])
		if err != nil {
			e.err = fmt.Errorf("font %s: %w", e.name, err)
			return
		}
		e.font, e.upem = f, float64(f.Upem())
	})
	return e.font, e.err
}

// NewFontSet reads fonts from memory. Each file must be a TrueType or
// OpenType font or collection with outlines; a face without outlines
// (a bitmap or colour emoji font) is left out.
func NewFontSet(files ...FontFile) (*FontSet, error) {
	s := &FontSet{}
	for _, f := range files {
		data := f.Data
		if err := s.add(f.Name, data, func() ([]byte, error) { return data, nil }, false); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// fontExts are the extensions of the files LoadFonts reads in a directory.
var fontExts = []string{".ttf", ".otf", ".ttc", ".otc"}

// LoadFonts reads fonts from files and directories: a file must be a
// TrueType or OpenType font or collection; a directory is read with its
// subdirectories, in the order of their names, for the files named
// *.ttf, *.otf, *.ttc and *.otc, leaving out those that cannot be read as
// fonts (Skipped lists them). Until a render draws with a font, only
// what it covers and how it is styled are kept in memory: the first
// render that needs it reads its file again, and keeps it parsed in the
// set for the others (a file gone or changed since is an error of that
// render, wrapping ErrRender).
//
//	fonts, err := pdf.LoadFonts("/usr/share/fonts")
func LoadFonts(paths ...string) (*FontSet, error) {
	s := &FontSet{}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("pdf: fonts: %w", err)
		}
		if !fi.IsDir() {
			if err := s.addFile(p, false); err != nil {
				return nil, err
			}
			continue
		}
		n := len(s.faces)
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if d != nil && d.IsDir() && path != p {
					s.skipped = append(s.skipped, fmt.Sprintf("%s: %v", path, err))
					return fs.SkipDir
				}
				return err
			}
			if d.IsDir() || !slices.Contains(fontExts, strings.ToLower(filepath.Ext(path))) {
				return nil
			}
			if err := s.addFile(path, true); err != nil {
				s.skipped = append(s.skipped, strings.TrimPrefix(err.Error(), "pdf: font "))
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("pdf: fonts: %w", err)
		}
		if len(s.faces) == n {
			return nil, fmt.Errorf("pdf: fonts: no TrueType or OpenType font with outlines in %s", p)
		}
	}
	return s, nil
}

// addFile reads the font file at path.
func (s *FontSet) addFile(path string, inDir bool) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("pdf: font %s: %w", path, err)
	}
	size := len(data)
	return s.add(path, data, func() ([]byte, error) {
		data, err := os.ReadFile(path)
		if err == nil && len(data) != size {
			err = errors.New("the file changed since it was read")
		}
		return data, err
	}, inDir)
}

// add reads the faces of a font file. A file of a directory whose faces
// all lack outlines adds nothing and is no error.
func (s *FontSet) add(name string, data []byte, reread func() ([]byte, error), inDir bool) error {
	es, err := readFaces(name, data, reread)
	if err != nil {
		return err
	}
	if len(es) == 0 && !inDir {
		return fmt.Errorf("pdf: font %s: no glyph outlines (a bitmap or colour font?)", name)
	}
	s.faces = append(s.faces, es...)
	return nil
}

// readFaces reads the faces of a font file with outlines: names, style
// and the characters each maps.
func readFaces(name string, data []byte, reread func() ([]byte, error)) (out []*fontEntry, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("pdf: font %s: unreadable: %v", name, r)
		}
	}()
	lds, err := ot.NewLoaders(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("pdf: font %s: %w", name, err)
	}
	for i, ld := range lds {
		if !ld.HasTable(ot.MustNewTag("glyf")) && !ld.HasTable(ot.MustNewTag("CFF ")) && !ld.HasTable(ot.MustNewTag("CFF2")) {
			continue
		}
		raw, err := ld.RawTable(ot.MustNewTag("cmap"))
		if err != nil {
			return nil, fmt.Errorf("pdf: font %s: %w", name, err)
		}
		tb, _, err := tables.ParseCmap(raw)
		if err != nil {
			return nil, fmt.Errorf("pdf: font %s: %w", name, err)
		}
		cmap, _, err := font.ProcessCmap(tb, tables.FPNone)
		if err != nil {
			return nil, fmt.Errorf("pdf: font %s: %w", name, err)
		}
		desc, _ := font.Describe(ld, nil)
		weight := float32(desc.Aspect.Weight)
		if raw, err := ld.RawTable(ot.MustNewTag("OS/2")); err == nil {
			if os2, _, err := tables.ParseOs2(raw); err == nil && os2.FsSelection&0x20 != 0 {
				weight = max(weight, 700) // bold, whatever its weight class says
			}
		}
		e := &fontEntry{
			name:   name,
			family: desc.Family,
			weight: weight,
			italic: desc.Aspect.Style == font.StyleItalic,
			class:  classOf(desc.Family),
			mono:   strings.Contains(desc.Family, "Mono"),
			ranges: coverage(cmap),
			data:   reread,
			index:  i,
		}
		if len(lds) > 1 {
			e.name = fmt.Sprintf("%s#%d", name, i)
		}
		out = append(out, e)
	}
	return out, nil
}

// classOf tells a serif font from a sans serif one by its family name.
func classOf(family string) fontClass {
	for _, w := range strings.Fields(family) {
		switch w {
		case "Serif", "Naskh", "Nastaliq", "Mincho", "Song", "Ming", "Batang", "Myeongjo", "Rashi":
			return classSerif
		case "Sans", "Gothic", "Hei", "Dotum", "Gulim":
			return classSans
		}
	}
	return classUnknown
}

// coverage lists the characters a cmap maps to a glyph, as ranges.
func coverage(cmap font.Cmap) [][2]rune {
	var rs [][2]rune
	if rr, ok := cmap.(font.CmapRuneRanger); ok {
		rs = rr.RuneRanges(nil)
	} else {
		it := cmap.Iter()
		for it.Next() {
			r, gid := it.Char()
			if gid != 0 {
				rs = append(rs, [2]rune{r, r})
			}
		}
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i][0] < rs[j][0] })
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 && r[0] <= out[n-1][1]+1 {
			out[n-1][1] = max(out[n-1][1], r[1])
			continue
		}
		out = append(out, r)
	}
	return slices.Clip(out)
}

// Len returns the number of faces in the set.
func (s *FontSet) Len() int {
	if s == nil {
		return 0
	}
	return len(s.faces)
}

// Skipped lists the files of directories LoadFonts could not read as
// fonts, each with the reason.
func (s *FontSet) Skipped() []string {
	if s == nil {
		return nil
	}
	return slices.Clone(s.skipped)
}

var (
	builtinOnce sync.Once
	builtinErr  error
	liberation  [numFaces]*fontEntry // the faces' own fonts
	dejavu      []*fontEntry         // what they lack: Arabic, Hebrew, Georgian, Armenian…
	noFonts     FontSet              // the built-in fonts alone
)

// loadBuiltin reads the built-in fonts' coverage once per process.
func loadBuiltin() error {
	builtinOnce.Do(func() {
		read := func(name string, ttf []byte) *fontEntry {
			es, err := readFaces(name, ttf, func() ([]byte, error) { return ttf, nil })
			if err != nil || len(es) != 1 {
				builtinErr = fmt.Errorf("pdf: reading the built-in font %s: %v", name, err)
				return nil
			}
			es[0].builtin = true
			return es[0]
		}
		for f, spec := range [numFaces]struct {
			name string
			ttf  []byte
		}{
			serif:       {"Liberation Serif", liberationserifregular.TTF},
			serifBold:   {"Liberation Serif Bold", liberationserifbold.TTF},
			serifItalic: {"Liberation Serif Italic", liberationserifitalic.TTF},
			sans:        {"Liberation Sans", liberationsansregular.TTF},
			sansBold:    {"Liberation Sans Bold", liberationsansbold.TTF},
		} {
			liberation[f] = read(spec.name, spec.ttf)
		}
		for _, spec := range []struct {
			name string
			ttf  []byte
		}{
			{"DejaVu Serif", dejavuserif.TTF},
			{"DejaVu Serif Bold", dejavuserifbold.TTF},
			{"DejaVu Serif Italic", dejavuserifitalic.TTF},
			{"DejaVu Sans", dejavusans.TTF},
			{"DejaVu Sans Bold", dejavusansbold.TTF},
		} {
			dejavu = append(dejavu, read(spec.name, spec.ttf))
		}
	})
	return builtinErr
}

// chain returns the fallback chain of face f: its Liberation font, then
// the set's fonts, then the built-in DejaVu fonts, each group ordered by
// how close a font is to f — serif or sans serif, weight, italic — and
// then in the order read. A nil set has the built-in fonts only. The
// built-in fonts must be loaded.
func (s *FontSet) chain(f face) []*fontEntry {
	if s == nil {
		s = &noFonts
	}
	s.chainsOnce.Do(func() {
		for g := range numFaces {
			c := []*fontEntry{liberation[g]}
			c = append(c, byCloseness(s.faces, g)...)
			c = append(c, byCloseness(dejavu, g)...)
			s.chains[g] = c
		}
	})
	return s.chains[f]
}

// byCloseness orders fonts by how close they are to face f.
func byCloseness(es []*fontEntry, f face) []*fontEntry {
	class, weight, italic := classSerif, float32(400), f == serifItalic
	if f == sans || f == sansBold {
		class = classSans
	}
	if f == serifBold || f == sansBold {
		weight = 700
	}
	key := func(e *fontEntry) (k [4]int) {
		if e.mono {
			k[0] = 1
		}
		switch e.class {
		case class:
		case classUnknown:
			k[1] = 1
		default:
			k[1] = 2
		}
		d := e.weight - weight
		if d < 0 {
			d = -d
		}
		k[2] = int(d+50) / 100
		if e.italic != italic {
			k[3] = 1
		}
		return k
	}
	out := slices.Clone(es)
	slices.SortStableFunc(out, func(a, b *fontEntry) int {
		ka, kb := key(a), key(b)
		return slices.Compare(ka[:], kb[:])
	})
	return out
}
