package xlsx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"cmp"
	"compress/flate"
	"encoding/xml"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// packer is the zip writer excelize saves the workbook with. It
// compresses each part as excelize hands it over, keeps the compressed
// bytes in a spool, and writes the zip file only when asked, once the
// whole workbook is made: so nothing reaches the caller's writer on an
// error, and the parts go out in a fixed order with fixed times, whatever
// order excelize made them in (it writes streamed sheets in map order).
// A few small parts are rewritten on the way, see rewrite.
type packer struct {
	spool spool
	parts []part
	cur   *partWriter
	fw    *flate.Writer
	err   error
	links map[string]*sheetLinks // by sheet part, see sheetLinks
}

// sheetLinks are the hyperlinks of a sheet, which the packer writes
// itself: excelize's SetCellHyperLink scans the sheet's links and
// relationships on every call, so that adding n links takes time in n².
// The packer adds the <hyperlinks> element to the sheet after its
// <sheetData>, and a relationship per link to the sheet's relationships
// part, numbered after the first rels relationships excelize made (the
// table's): the same bytes excelize would have written.
type sheetLinks struct {
	links []hyperlink
	rels  int  // relationships excelize makes for the sheet itself
	seen  bool // its relationships part was written
}

// hyperlink is a link of a cell to an external address.
type hyperlink struct{ ref, url string }

// setLinks has the packer write the links of the sheet in part, which
// has rels relationships of its own (its table).
func (p *packer) setLinks(part string, links []hyperlink, rels int) {
	if p.links == nil {
		p.links = map[string]*sheetLinks{}
	}
	p.links[part] = &sheetLinks{links: links, rels: rels}
}

// linksOf returns the links of a sheet part or of the relationships
// part of a sheet, and whether name is the relationships part.
func (p *packer) linksOf(name string) (*sheetLinks, bool) {
	if sl := p.links[name]; sl != nil {
		return sl, false
	}
	dir, file, ok := strings.Cut(name, "/_rels/")
	if !ok || !strings.HasSuffix(file, ".rels") {
		return nil, false
	}
	sl := p.links[dir+"/"+strings.TrimSuffix(file, ".rels")]
	return sl, sl != nil
}

// part is one compressed part in the spool.
type part struct {
	name       string
	off, csize int64 // where its compressed bytes are in the spool
	size       int64
	crc        uint32
}

// compression is the flate level of the workbook: speed matters more than
// a few percent of size for sheets of a million rows.
const compression = flate.BestSpeed

// Create starts a part.
func (p *packer) Create(name string) (io.Writer, error) {
	if err := p.end(); err != nil {
		return nil, err
	}
	p.cur = &partWriter{p: p, name: name, crc: crc32.NewIEEE()}
	sl, rels := p.linksOf(name)
	if rewrites(name) || rels {
		p.cur.raw = &bytes.Buffer{}
		return p.cur, nil
	}
	if err := p.startDeflate(); err != nil {
		return nil, err
	}
	if sl != nil {
		p.cur.split = &tailSplit{}
	}
	return p.cur, nil
}

// AddFS is not used by excelize when it saves.
func (p *packer) AddFS(fs.FS) error { return errors.New("xlsx: packer: AddFS not supported") }

// Close ends the last part. excelize calls it on errors too; the zip file
// is written by writeTo.
func (p *packer) Close() error { return p.end() }

// finish reports the first error met while packing. It writes the
// relationships part of a sheet with links when excelize made none.
func (p *packer) finish() error {
	if err := p.end(); err != nil {
		return err
	}
	parts := make([]string, 0, len(p.links))
	for part, sl := range p.links {
		if !sl.seen {
			parts = append(parts, part)
		}
	}
	slices.Sort(parts)
	for _, part := range parts {
		dir, file := path.Split(part)
		name := dir + "_rels/" + file + ".rels"
		if _, err := p.Create(name); err != nil {
			return err
		}
		if _, err := io.WriteString(p.cur, xml.Header+`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`); err != nil {
			return err
		}
		if err := p.end(); err != nil {
			return err
		}
	}
	return p.err
}

func (p *packer) startDeflate() error {
	p.cur.off = p.spool.n
	if p.fw == nil {
		fw, err := flate.NewWriter(&p.spool, compression)
		if err != nil {
			return err
		}
		p.fw = fw
	} else {
		p.fw.Reset(&p.spool)
	}
	p.cur.out = p.fw
	return nil
}

// end finishes the current part.
func (p *packer) end() error {
	c := p.cur
	if c == nil || p.err != nil {
		return p.err
	}
	p.cur = nil
	if c.raw != nil {
		p.cur = &partWriter{p: p, name: c.name, crc: crc32.NewIEEE()}
		if err := p.startDeflate(); err != nil {
			p.err = err
			return err
		}
		if err := p.cur.rewrite(c.raw.Bytes()); err != nil {
			if p.err == nil {
				p.err = fmt.Errorf("%s: %w", c.name, err)
			}
			return p.err
		}
		c, p.cur = p.cur, nil
	}
	if c.split != nil {
		if err := c.writeLinks(); err != nil {
			if p.err == nil {
				p.err = fmt.Errorf("%s: %w", c.name, err)
			}
			return p.err
		}
	}
	if err := p.fw.Close(); err != nil {
		p.err = err
		return err
	}
	p.parts = append(p.parts, part{name: c.name, off: c.off, csize: p.spool.n - c.off, size: c.n, crc: c.crc.Sum32()})
	return nil
}

// partWriter receives one part.
type partWriter struct {
	p     *packer
	name  string
	raw   *bytes.Buffer // the part, when it is rewritten at its end
	split *tailSplit    // for a sheet with links: what follows its <sheetData>
	out   io.Writer     // else the compressor
	crc   interface {
		io.Writer
		Sum32() uint32
	}
	off, n int64
}

// tailSplit holds back the end of a sheet, from its </sheetData> on, so
// that the links can go in before what follows.
type tailSplit struct {
	pending []byte // the last bytes before the end of <sheetData>, which may start the marker
	found   bool
	tail    bytes.Buffer
}

var endSheetData = []byte("</sheetData>")

func (w *partWriter) Write(b []byte) (int, error) {
	if w.p.err != nil {
		return 0, w.p.err
	}
	switch s := w.split; {
	case w.raw != nil:
		return w.raw.Write(b)
	case s != nil && s.found:
		return s.tail.Write(b)
	case s != nil:
		// Cell text is escaped: the first </sheetData> ends the rows.
		buf := append(s.pending, b...)
		if i := bytes.Index(buf, endSheetData); i >= 0 {
			end := i + len(endSheetData)
			s.found, s.pending = true, nil
			s.tail.Write(buf[end:])
			return len(b), w.emit(buf[:end])
		}
		keep := min(len(buf), len(endSheetData)-1)
		s.pending = append(s.pending[:0:0], buf[len(buf)-keep:]...)
		return len(b), w.emit(buf[:len(buf)-keep])
	}
	return len(b), w.emit(b)
}

// emit writes b to the part as it will be in the workbook.
func (w *partWriter) emit(b []byte) error {
	w.crc.Write(b)
	n, err := w.out.Write(b)
	w.n += int64(n)
	if err != nil && w.p.err == nil {
		w.p.err = err
	}
	return err
}

func (w *partWriter) emitString(s string) error {
	if w.p.err != nil {
		return w.p.err
	}
	return w.emit([]byte(s))
}

// rewrite writes a part held back until its end: as rewrite makes it,
// with the relationships of the links of its sheet for a relationships
// part.
func (w *partWriter) rewrite(raw []byte) error {
	sl, rels := w.p.linksOf(w.name)
	if !rels {
		data, err := rewrite(w.name, raw)
		if err != nil {
			return err
		}
		return w.emit(data)
	}
	sl.seen = true
	last := 0
	for _, m := range relID.FindAllSubmatch(raw, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		last = max(last, n)
	}
	if last != sl.rels {
		return fmt.Errorf("%d relationships before the links; want %d", last, sl.rels)
	}
	end := bytes.LastIndex(raw, []byte("</Relationships>"))
	if end < 0 {
		return errors.New("no </Relationships>")
	}
	if err := w.emit(raw[:end]); err != nil {
		return err
	}
	var b bytes.Buffer
	for i, l := range sl.links {
		b.Reset()
		b.WriteString(`<Relationship Id="rId`)
		b.WriteString(strconv.Itoa(sl.rels + 1 + i))
		b.WriteString(`" Target="`)
		xml.EscapeText(&b, []byte(l.url))
		b.WriteString(`" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" TargetMode="External"></Relationship>`)
		if err := w.emit(b.Bytes()); err != nil {
			return err
		}
	}
	return w.emit(raw[end:])
}

// relID matches the id of a relationship.
var relID = regexp.MustCompile(`<Relationship Id="rId(\d+)"`)

// afterLinks are the elements that follow <hyperlinks> in a worksheet.
var afterLinks = regexp.MustCompile(`<(?:printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|mc:AlternateContent|tableParts|extLst)[ >/]|</worksheet>`)

// writeLinks writes the end of a sheet with the <hyperlinks> element.
func (w *partWriter) writeLinks() error {
	s := w.split
	w.split = nil
	if !s.found {
		return errors.New("no </sheetData>")
	}
	tail := s.tail.Bytes()
	at := afterLinks.FindIndex(tail)
	if at == nil || bytes.Contains(tail[:at[0]], []byte("<hyperlinks")) {
		return errors.New("no place for the links")
	}
	if err := w.emit(tail[:at[0]]); err != nil {
		return err
	}
	sl, _ := w.p.linksOf(w.name)
	if len(sl.links) > 0 {
		if err := w.emitString("<hyperlinks>"); err != nil {
			return err
		}
		var b bytes.Buffer
		for i, l := range sl.links {
			b.Reset()
			b.WriteString(`<hyperlink ref="`)
			b.WriteString(l.ref)
			b.WriteString(`" xmlns:relationships="http://schemas.openxmlformats.org/officeDocument/2006/relationships" relationships:id="rId`)
			b.WriteString(strconv.Itoa(sl.rels + 1 + i))
			b.WriteString(`"></hyperlink>`)
			if err := w.emit(b.Bytes()); err != nil {
				return err
			}
		}
		if err := w.emitString("</hyperlinks>"); err != nil {
			return err
		}
	}
	return w.emit(tail[at[0]:])
}

// writeTo writes the zip file to w: [Content_Types].xml first, then the
// package relationships, then every part by name; each entry dated
// modified, at midnight.
func (p *packer) writeTo(w io.Writer, modified time.Time) error {
	if p.err != nil {
		return p.err
	}
	if err := p.spool.flush(); err != nil {
		return err
	}
	rank := func(name string) int {
		switch name {
		case "[Content_Types].xml":
			return 0
		case "_rels/.rels":
			return 1
		}
		return 2
	}
	parts := slices.Clone(p.parts)
	slices.SortFunc(parts, func(a, b part) int {
		return cmp.Or(cmp.Compare(rank(a.name), rank(b.name)), cmp.Compare(a.name, b.name))
	})
	zw := zip.NewWriter(w)
	for _, pt := range parts {
		fh, err := rawHeader(pt, modified)
		if err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
		fw, err := zw.CreateRaw(fh)
		if err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
		if _, err := io.Copy(fw, p.spool.section(pt.off, pt.csize)); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

// rawHeader returns the header of a part for zip.Writer.CreateRaw, dated
// modified at midnight (a date before 1980, the first the zip format
// knows, is dated in 1980).
//
// CreateRaw, unlike CreateHeader, writes the MS-DOS date and time every
// zip reader shows from the header as it is, and ignores Modified, while
// CreateHeader would add an extended timestamp field: so the header comes
// from zip.FileInfoHeader, which sets both from Modified, and only its
// mode, which FileInfoHeader sets too, is reset.
func rawHeader(pt part, modified time.Time) (*zip.FileHeader, error) {
	y, mo, d := modified.Date()
	fh, err := zip.FileInfoHeader(dated(time.Date(max(y, 1980), mo, d, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		return nil, err
	}
	fh.Name = pt.name
	fh.Method = zip.Deflate
	fh.CreatorVersion, fh.ExternalAttrs = 0, 0
	fh.CRC32 = pt.crc
	fh.CompressedSize64 = uint64(pt.csize)
	fh.UncompressedSize64 = uint64(pt.size)
	return fh, nil
}

// dated is the fs.FileInfo of a part with its date, for zip.FileInfoHeader.
type dated time.Time

func (d dated) Name() string       { return "" }
func (d dated) Size() int64        { return 0 }
func (d dated) Mode() fs.FileMode  { return 0 }
func (d dated) ModTime() time.Time { return time.Time(d) }
func (d dated) IsDir() bool        { return false }
func (d dated) Sys() any           { return nil }

// close removes the spool's temporary file, if any.
func (p *packer) close() { p.spool.close() }

// spool holds bytes, such as the compressed parts: in memory up to
// spoolMemory bytes, then in a temporary file in dir (os.TempDir() when
// empty).
type spool struct {
	dir  string
	mem  bytes.Buffer
	file *os.File
	buf  *bufio.Writer
	n    int64
}

// spoolMemory is how many compressed bytes the spool keeps in memory.
var spoolMemory = 4 << 20

func (s *spool) Write(b []byte) (int, error) {
	if s.file == nil && s.mem.Len()+len(b) > spoolMemory {
		f, err := os.CreateTemp(s.dir, "coibrief-xlsx-*")
		if err != nil {
			return 0, err
		}
		s.file, s.buf = f, bufio.NewWriterSize(f, 1<<20)
		if _, err := s.mem.WriteTo(s.buf); err != nil {
			return 0, err
		}
		s.mem = bytes.Buffer{}
	}
	var n int
	var err error
	if s.buf != nil {
		n, err = s.buf.Write(b)
	} else {
		n, err = s.mem.Write(b)
	}
	s.n += int64(n)
	return n, err
}

func (s *spool) flush() error {
	if s.buf != nil {
		return s.buf.Flush()
	}
	return nil
}

func (s *spool) section(off, n int64) io.Reader {
	if s.file != nil {
		return io.NewSectionReader(s.file, off, n)
	}
	return bytes.NewReader(s.mem.Bytes()[off : off+n])
}

func (s *spool) close() {
	if s.file != nil {
		s.file.Close()
		os.Remove(s.file.Name())
		s.file, s.buf = nil, nil
	}
}

// chartPart matches the parts that hold charts.
var chartPart = regexp.MustCompile(`^xl/charts/chart[0-9]+\.xml$`)

// rewrites reports whether a part is rewritten before it is compressed.
func rewrites(name string) bool { return name == "[Content_Types].xml" || chartPart.MatchString(name) }

// rewrite fixes what excelize writes in a part that would differ from run
// to run or that readers misread:
//
//   - [Content_Types].xml: excelize adds the image extensions of a
//     workbook with a drawing in map order; they are sorted here.
//   - charts: excelize refers to the x values of a scatter chart as text
//     (c:strRef), so a reader may plot the dates as 1, 2, 3; they are made
//     numbers (c:numRef). Its x axis, a c:valAx, carries elements that only
//     a category axis has, which are removed.
func rewrite(name string, data []byte) ([]byte, error) {
	if name == "[Content_Types].xml" {
		return sortContentTypes(data)
	}
	data = xValRef.ReplaceAll(data, []byte("<${1}xVal><${1}numRef>$2</${1}numRef></${1}xVal>"))
	data = titleTxPr.ReplaceAll(data, []byte("$1$2"))
	return valAx.ReplaceAllFunc(data, func(ax []byte) []byte { return catAxOnly.ReplaceAll(ax, nil) }), nil
}

// Elements of chart parts, with or without the c: prefix.
var (
	xValRef   = regexp.MustCompile(`<((?:c:)?)xVal><(?:c:)?strRef>(.*?)</(?:c:)?strRef></(?:c:)?xVal>`)
	valAx     = regexp.MustCompile(`(?s)<((?:c:)?)valAx>.*?</(?:c:)?valAx>`)
	titleTxPr = regexp.MustCompile(`(</(?:c:)?spPr>)<(?:c:)?txPr><a:bodyPr[^>]*></a:bodyPr><a:p></a:p></(?:c:)?txPr>(</(?:c:)?title>)`)
	catAxOnly = regexp.MustCompile(`<(?:c:)?(?:auto|lblAlgn|lblOffset|noMultiLvlLbl) val="[^"]*"\s*(?:/>|></(?:c:)?(?:auto|lblAlgn|lblOffset|noMultiLvlLbl)>)`)
)

type contentTypes struct {
	XMLName   xml.Name     `xml:"http://schemas.openxmlformats.org/package/2006/content-types Types"`
	Defaults  []ctDefault  `xml:"Default"`
	Overrides []ctOverride `xml:"Override"`
}

type ctDefault struct {
	XMLName     xml.Name `xml:"Default"`
	Extension   string   `xml:",attr"`
	ContentType string   `xml:",attr"`
}

type ctOverride struct {
	XMLName     xml.Name `xml:"Override"`
	PartName    string   `xml:",attr"`
	ContentType string   `xml:",attr"`
}

// sortContentTypes returns the content types with their defaults sorted by
// extension and their overrides by part name.
func sortContentTypes(data []byte) ([]byte, error) {
	var ct contentTypes
	if err := xml.Unmarshal(data, &ct); err != nil {
		return nil, err
	}
	slices.SortFunc(ct.Defaults, func(a, b ctDefault) int { return cmp.Compare(a.Extension, b.Extension) })
	slices.SortFunc(ct.Overrides, func(a, b ctOverride) int { return cmp.Compare(a.PartName, b.PartName) })
	out, err := xml.Marshal(ct)
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), out...), nil
}
