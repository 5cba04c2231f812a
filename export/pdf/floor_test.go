package pdf_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/go-pdf/fpdf"
)

// BenchmarkPDFFloor renders, for each briefing of BenchmarkPDF, the same
// French edition with bare fpdf calls: the same five Liberation fonts
// embedded and subset, A4, compression on, sorted catalog, document
// information; the cover's texts; a table of contents with page numbers,
// dotted leaders and links; headings with outline entries and link
// targets; every paragraph, list item and place group with its bold
// time, italic dates, reliability flag and superscript footnote call;
// each footnote at the foot of the page that calls it (continued on the
// next when it does not fit), its citations linked to the bibliography;
// the key, retracted, contested and places tables, with their header
// repeated on each page and shaded rows; the bibliography with bullets
// and URL links; the errata; a running head and foot on every page but
// the cover.
//
// Text is wrapped by fpdf.SplitText in the paragraph's main font and
// drawn a line at a time with fpdf.CellFormat (justified by fpdf, with
// one TJ array per line, where a line is in one style), as MultiCell does.
// What the floor leaves out: the chart and the map (drawn once per
// document), and what makes the typography right rather than adds a
// feature — measuring each run in its own font, breaking only at
// breakable spaces (SplitText breaks at no-break spaces too), the check
// that every character is in the fonts — and two-language editions. Like
// export/pdf, it draws the running heads and the contents once it knows
// the pages (going back to them with fpdf.SetPage).
//
// It draws all that a briefing holds, so it is slower than the floor of
// ../shared/bench, which sets paragraphs, notes and a bibliography and
// nothing else: ratios to this floor say what the renderer costs over
// fpdf for the same pages, ratios to that one what a briefing costs over
// the least a PDF of the events can be. BENCHMARKS.md gives both.
func BenchmarkPDFFloor(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			doc := size.doc(b)
			items := floorItems(b, doc)
			var size, pages int
			b.ReportAllocs()
			for b.Loop() {
				data, n, err := renderFloor(doc, items)
				if err != nil {
					b.Fatal(err)
				}
				size, pages = len(data), n
			}
			b.ReportMetric(float64(pages), "pages")
			b.ReportMetric(float64(size)/(1<<20), "pdf-MB")
		})
	}
}

// BenchmarkPDFFontLoad measures what every document pays to register the
// five fonts: fpdf parses each TrueType file in AddUTF8FontFromBytes, and
// offers no way to share a parsed font between documents.
func BenchmarkPDFFontLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		f := fpdf.New("P", "mm", "A4", "")
		for _, ft := range floorFonts {
			f.AddUTF8FontFromBytes(ft.family, ft.style, ft.ttf)
		}
		if err := f.Error(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPDFFloor checks that the floor sets the same words as the briefing,
// as pdftotext reads them, but for the chart's and the map's labels.
func TestPDFFloor(t *testing.T) {
	doc, err := report.Build(dossier(t), bilingual)
	if err != nil {
		t.Fatal(err)
	}
	floor, _, err := renderFloor(doc, floorItems(t, doc))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "floor.pdf")
	if err := os.WriteFile(path, floor, 0o644); err != nil {
		t.Fatal(err)
	}
	words := func(path string) map[string]int {
		m := map[string]int{}
		for _, w := range strings.FieldsFunc(text(t, path), func(r rune) bool { return !unicode.IsLetter(r) }) {
			m[w]++
		}
		return m
	}
	got, want := words(path), words(render(t, bilingual, editions[0].popt).path)
	missing := 0
	total := 0
	for w, n := range want {
		total += n
		if got[w] < n {
			missing += n - got[w]
		}
	}
	// The chart's and the map's labels, and a few words SplitText breaks
	// differently, are all that may be missing.
	if missing*100 > total*2 {
		t.Errorf("the floor misses %d of the %d words of the briefing", missing, total)
	}
}

// fstyle is a font, size and colour.
type fstyle struct {
	face    int // index in floorFonts
	size    float64
	r, g, b int
	rise    float64
}

var floorFonts = []struct {
	family, style string
	ttf           []byte
}{
	{"serif", "", liberationserifregular.TTF},
	{"serif", "B", liberationserifbold.TTF},
	{"serif", "I", liberationserifitalic.TTF},
	{"sans", "", liberationsansregular.TTF},
	{"sans", "B", liberationsansbold.TTF},
}

// The styles of the briefing, as export/pdf sets them.
var (
	fBody     = fstyle{0, 10, 0, 0, 0, 0}
	fBodyB    = fstyle{1, 10, 0, 0, 0, 0}
	fBodyI    = fstyle{2, 10, 90, 90, 90, 0}
	fFlag     = fstyle{2, 9, 170, 30, 30, 0}
	fMarker   = fstyle{0, 6.5, 20, 45, 90, 3.3}
	fNote     = fstyle{0, 7.6, 0, 0, 0, 0}
	fNoteNum  = fstyle{1, 7.6, 20, 45, 90, 0}
	fNoteLink = fstyle{0, 7.6, 20, 70, 160, 0}
	fH1       = fstyle{4, 14, 20, 45, 90, 0}
	fH2       = fstyle{4, 11, 20, 45, 90, 0}
	fH3       = fstyle{4, 9.5, 20, 45, 90, 0}
	fGroup    = fstyle{4, 9.5, 0, 0, 0, 0}
	fSmall    = fstyle{3, 8, 90, 90, 90, 0}
	fCell     = fstyle{3, 7.6, 0, 0, 0, 0}
	fCellB    = fstyle{4, 7.6, 0, 0, 0, 0}
	fCellHead = fstyle{4, 7.6, 255, 255, 255, 0}
	fCellRed  = fstyle{4, 7.6, 170, 30, 30, 0}
	fCellI    = fstyle{3, 7, 90, 90, 90, 0}
	fBib      = fstyle{0, 8.6, 0, 0, 0, 0}
	fBibI     = fstyle{2, 8.6, 90, 90, 90, 0}
	fURL      = fstyle{0, 8, 20, 70, 160, 0}
	fTitle    = fstyle{4, 21, 20, 45, 90, 0}
	fIssuer   = fstyle{4, 11, 20, 45, 90, 0}
	fTOC      = fstyle{0, 10, 0, 0, 0, 0}
	fTOC1     = fstyle{4, 10, 20, 45, 90, 0}
	fCover    = fstyle{3, 9.5, 0, 0, 0, 0}
	fMethodL  = fstyle{4, 8.2, 20, 45, 90, 0}
	fMethod   = fstyle{3, 8.2, 0, 0, 0, 0}
	fDisclaim = fstyle{2, 8.4, 90, 90, 90, 0}
)

const (
	flMarginL = 22.0
	flTextW   = 166.0
	flTop     = 24.0
	flBottom  = 276.0
	flPt      = 25.4 / 72
	flPad     = 1.2
)

// frun is text in one style, with an internal or external link.
type frun struct {
	text string
	st   fstyle
	link int
	url  string
}

// fline is a wrapped line: its runs, cut at the line's ends.
type fline struct {
	runs    []frun
	justify bool
}

// floorDoc is the state of one render.
type floorDoc struct {
	items []*report.FigureItem // the figures of doc, by FigureRef
	doc   *report.Document
	f     *fpdf.Fpdf
	loc   *locales.Locale
	y     float64
	notes []floorNote // footnote lines waiting for the foot of this page
	noteH float64
	carry []floorNote
	links map[string]int
	head  func()         // the table header to repeat on a new page, or nil
	toc   []int          // the pages reserved for the contents
	pages map[string]int // the page of each anchor
	cur   fstyle
}

type floorNote struct {
	line fline
	h    float64
}

// floorItems makes, before the floor runs, the figures its tables print.
func floorItems(tb testing.TB, doc *report.Document) []*report.FigureItem {
	tb.Helper()
	var out []*report.FigureItem
	if err := doc.Figures.Each(func(it *report.FigureItem) error {
		out = append(out, it)
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	return out
}

func renderFloor(doc *report.Document, items []*report.FigureItem) ([]byte, int, error) {
	loc, err := locales.New(doc.Languages[0])
	if err != nil {
		return nil, 0, err
	}
	f := fpdf.New("P", "mm", "A4", "")
	f.SetMargins(flMarginL, flTop, 22)
	f.SetCellMargin(0)
	f.SetAutoPageBreak(false, 0)
	f.SetCompression(true)
	f.SetCatalogSort(true)
	for _, ft := range floorFonts {
		f.AddUTF8FontFromBytes(ft.family, ft.style, ft.ttf)
	}
	m := doc.Meta
	f.SetTitle(m.Title[0], true)
	if m.Unit[0] != "" {
		f.SetAuthor(m.Issuer[0]+" — "+m.Unit[0], true)
	} else {
		f.SetAuthor(m.Issuer[0], true)
	}
	f.SetSubject(m.Summary[0], true)
	f.SetKeywords(m.Keywords[0], true)
	f.SetCreator("coibrief", true)
	f.SetLang(doc.Languages[0].String())
	noon := func(d model.Date) time.Time { return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC) }
	f.SetCreationDate(noon(m.Published))
	if m.Updated.IsZero() {
		f.SetModificationDate(noon(m.Published))
	} else {
		f.SetModificationDate(noon(m.Updated))
	}

	fd := &floorDoc{doc: doc, items: items, f: f, loc: loc, links: map[string]int{}, pages: map[string]int{}, cur: fstyle{face: -1}}
	f.AddPage()
	fd.y = flTop
	fd.cover()
	fd.contents()
	for _, s := range doc.Sections {
		fd.section(s)
	}
	for len(fd.carry) > 0 {
		fd.newPage()
	}
	fd.finishPage()
	fd.drawContents()
	fd.runningHeads()
	f.SetPage(f.PageCount()) // fpdf writes the pages up to the current one
	if err := f.Error(); err != nil {
		return nil, 0, err
	}
	pages := f.PageCount()
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return nil, 0, err
	}
	return buf.Bytes(), pages, nil
}

func (fd *floorDoc) msg(id locales.ID, data map[string]any) string {
	s, _ := fd.loc.Message(id, data)
	return s
}

func (fd *floorDoc) link(anchor string) int {
	id, ok := fd.links[anchor]
	if !ok {
		id = fd.f.AddLink()
		fd.links[anchor] = id
	}
	return id
}

func (fd *floorDoc) setStyle(st fstyle) {
	if st.face != fd.cur.face || st.size != fd.cur.size {
		fd.f.SetFont(floorFonts[st.face].family, floorFonts[st.face].style, st.size)
	}
	if st.r != fd.cur.r || st.g != fd.cur.g || st.b != fd.cur.b || fd.cur.face < 0 {
		fd.f.SetTextColor(st.r, st.g, st.b)
	}
	fd.cur = st
}

// wrap wraps runs with fpdf.SplitText in the first run's font.
func (fd *floorDoc) wrap(runs []frun, w float64, justify bool) []fline {
	var sb strings.Builder
	for _, r := range runs {
		sb.WriteString(r.text)
	}
	all := []rune(sb.String())
	main := runs[0]
	for _, r := range runs {
		if len(r.text) > len(main.text) {
			main = r
		}
	}
	fd.setStyle(main.st)
	texts := fd.f.SplitText(sb.String(), w)
	// Find each line's runs by rune offsets: SplitText drops the space
	// it breaks at.
	var lines []fline
	off, ri, rOff := 0, 0, 0 // rune offset in all; current run and offset in it
	runRunes := make([][]rune, len(runs))
	for i, r := range runs {
		runRunes[i] = []rune(r.text)
	}
	advance := func(n int) []frun {
		var out []frun
		for n > 0 && ri < len(runs) {
			rest := runRunes[ri][rOff:]
			k := min(n, len(rest))
			if k > 0 {
				r := runs[ri]
				r.text = string(rest[:k])
				out = append(out, r)
			}
			n -= k
			rOff += k
			if rOff == len(runRunes[ri]) {
				ri, rOff = ri+1, 0
			}
		}
		return out
	}
	for i, t := range texts {
		n := len([]rune(t))
		lines = append(lines, fline{runs: advance(n), justify: justify && i < len(texts)-1})
		off += n
		if off < len(all) && unicode.IsSpace(all[off]) {
			advance(1)
			off++
		}
	}
	return lines
}

func lineH(l fline, lead float64) float64 {
	h := 0.0
	for _, r := range l.runs {
		h = max(h, r.st.size*lead*flPt)
	}
	return h
}

// drawLine draws a line at (x, y), w wide.
func (fd *floorDoc) drawLine(l fline, x, y, w, h float64) {
	f := fd.f
	f.SetXY(x, y)
	if len(l.runs) == 1 {
		r := l.runs[0]
		fd.setStyle(r.st)
		align := "L"
		if l.justify && strings.Contains(r.text, " ") {
			align = "J"
		} else {
			w = f.GetStringWidth(r.text)
		}
		f.CellFormat(w, h, r.text, "", 0, align, false, r.link, r.url)
		return
	}
	for _, r := range l.runs {
		fd.setStyle(r.st)
		sw := f.GetStringWidth(r.text)
		if r.st.rise != 0 {
			x := f.GetX()
			f.SetXY(x, y-r.st.rise*flPt)
			f.CellFormat(sw, h, r.text, "", 0, "L", false, r.link, r.url)
			f.SetXY(x+sw, y)
			continue
		}
		f.CellFormat(sw, h, r.text, "", 0, "L", false, r.link, r.url)
	}
}

// newPage ends the page, with its footnotes, and starts the next, with
// the table header being drawn and the footnotes carried over.
func (fd *floorDoc) newPage() {
	fd.finishPage()
	fd.f.AddPage()
	fd.y = flTop
	if fd.head != nil {
		fd.head()
	}
	carry := fd.carry
	fd.carry = nil
	for _, n := range carry {
		fd.addNote(n)
	}
}

// runningHeads draws the running head and foot of every page but the
// cover, once the number of pages is known.
func (fd *floorDoc) runningHeads() {
	f := fd.f
	m := fd.doc.Meta
	date := m.PublishedText[0]
	if m.UpdatedText[0] != "" {
		date = m.UpdatedText[0]
	}
	total := f.PageCount()
	for p := 2; p <= total; p++ {
		f.SetPage(p)
		fd.cur = fstyle{face: -1} // each page sets its own font
		fd.setStyle(fSmall)
		f.Text(flMarginL, 14, m.ShortTitle[0])
		f.Text(flMarginL+flTextW-f.GetStringWidth(date), 14, date)
		f.SetDrawColor(180, 188, 204)
		f.SetLineWidth(0.2)
		f.Line(flMarginL, 16, flMarginL+flTextW, 16)
		s := fd.msg(locales.FieldPage, map[string]any{"Page": p, "Total": total})
		f.Text((210-f.GetStringWidth(s))/2, 287, s)
	}
}

func (fd *floorDoc) finishPage() {
	if len(fd.notes) == 0 {
		return
	}
	f := fd.f
	top := flBottom - fd.noteH
	f.SetDrawColor(90, 90, 90)
	f.SetLineWidth(0.25)
	f.Line(flMarginL, top+1.4, flMarginL+45, top+1.4)
	y := top + 4
	for _, n := range fd.notes {
		fd.drawLine(n.line, flMarginL, y, flTextW, n.h)
		y += n.h
	}
	fd.notes, fd.noteH = nil, 0
}

func (fd *floorDoc) addNote(n floorNote) {
	sep := 0.0
	if fd.noteH == 0 {
		sep = 4
	}
	if len(fd.carry) > 0 || fd.y+fd.noteH+sep+n.h > flBottom {
		fd.carry = append(fd.carry, n)
		return
	}
	fd.noteH += sep + n.h
	fd.notes = append(fd.notes, n)
}

// block places lines: on a new page when they do not fit with the first
// line of their footnote.
func (fd *floorDoc) block(lines []fline, x, w, lead, space float64, note []floorNote) float64 {
	h := 0.0
	for _, l := range lines {
		h += lineH(l, lead)
	}
	need := space + h
	if len(note) > 0 {
		need += note[0].h
		if fd.noteH == 0 {
			need += 4
		}
	}
	if fd.y+need+fd.noteH > flBottom {
		fd.newPage()
	} else {
		fd.y += space
	}
	top := fd.y
	for _, l := range lines {
		lh := lineH(l, lead)
		fd.drawLine(l, x, fd.y, w, lh)
		fd.y += lh
	}
	for _, n := range note {
		fd.addNote(n)
	}
	return top
}

func (fd *floorDoc) text(runs []frun, lead, space float64) {
	fd.block(fd.wrap(runs, flTextW, false), flMarginL, flTextW, lead, space, nil)
}

func (fd *floorDoc) cover() {
	m := fd.doc.Meta
	fd.text([]frun{{text: m.Issuer[0] + " — " + m.Unit[0], st: fIssuer}}, 1.25, 0)
	fd.text([]frun{{text: strings.ToUpper(fd.msg(locales.DocumentSeries, nil)), st: fSmall}}, 1.25, 1.5)
	fd.f.SetDrawColor(20, 45, 90)
	fd.f.SetLineWidth(0.8)
	fd.f.Line(flMarginL, fd.y+3, flMarginL+flTextW, fd.y+3)
	fd.y += 6
	fd.text([]frun{{text: m.Title[0], st: fTitle}}, 1.18, 6)
	lv := func(id locales.ID, v string) string {
		return fd.msg(locales.FieldLabelValue, map[string]any{"Label": fd.msg(id, nil), "Value": v})
	}
	dates := lv(locales.FieldPublished, m.PublishedText[0])
	if m.UpdatedText[0] != "" {
		dates += " · " + lv(locales.FieldUpdated, m.UpdatedText[0])
	}
	fd.text([]frun{{text: dates, st: fCover}}, 1.25, 4)
	fd.text([]frun{{text: fd.msg(locales.SummaryHeading, nil), st: fH3}}, 1.25, 7)
	fd.text([]frun{{text: m.Summary[0], st: fBody}}, 1.38, 1.5)
	fd.text([]frun{{text: fd.msg(locales.MethodHeading, nil), st: fH3}}, 1.25, 5)
	for _, fl := range m.Method {
		fd.text([]frun{{text: fl.Label[0] + " — ", st: fMethodL}, {text: fl.Value[0], st: fMethod}}, 1.25, 0.8)
	}
	if m.MethodNote[0] != "" {
		fd.text([]frun{{text: m.MethodNote[0], st: fstyle{3, 8.2, 90, 90, 90, 0}}}, 1.25, 1.2)
	}
	fd.text([]frun{{text: fd.msg(locales.DisclaimerHeading, nil), st: fH3}}, 1.25, 5)
	fd.text([]frun{{text: m.Disclaimer[0], st: fDisclaim}}, 1.25, 1)
}

// contents reserves the pages of the table of contents; drawContents
// fills them once the body is laid out.
func (fd *floorDoc) contents() {
	h := 0.0
	for _, c := range fd.doc.Contents {
		h += 10 * 1.5 * flPt
		if c.Level == 1 {
			h += 2.2
		} else {
			h += 0.6
		}
	}
	n := 1 + int((h+20)/(flBottom-flTop))
	for range n {
		fd.newPage()
		fd.toc = append(fd.toc, fd.f.PageNo())
	}
	fd.y = flBottom // the body starts on a page of its own
}

func (fd *floorDoc) drawContents() {
	f := fd.f
	page := 0
	f.SetPage(fd.toc[0])
	fd.y = flTop
	fd.cur = fstyle{face: -1}
	title := fd.msg(locales.ContentsHeading, nil)
	fd.heading(title, "contents", 1)
	for _, c := range fd.doc.Contents {
		st, indent, space := fTOC, 6.0, 0.6
		if c.Level == 1 {
			st, indent, space = fTOC1, 0, 2.2
		}
		h := st.size * 1.5 * flPt
		if fd.y+space+h > flBottom && page+1 < len(fd.toc) {
			page++
			f.SetPage(fd.toc[page])
			fd.y, fd.cur = flTop, fstyle{face: -1}
		}
		fd.y += space
		fd.setStyle(st)
		t := c.Title[0]
		w := f.GetStringWidth(t)
		for w > flTextW-indent-14 && len([]rune(t)) > 4 {
			r := []rune(t)
			t = string(r[:len(r)-4]) + "…"
			w = f.GetStringWidth(t)
		}
		base := fd.y + h*0.72
		f.Text(flMarginL+indent, base, t)
		num := strconv.Itoa(fd.anchorPage(c.Anchor))
		nw := f.GetStringWidth(num)
		f.Text(flMarginL+flTextW-nw, base, num)
		f.SetDrawColor(170, 170, 170)
		f.SetLineWidth(0.2)
		f.SetDashPattern([]float64{0.3, 1.2}, 0)
		f.Line(flMarginL+indent+w+2, base, flMarginL+flTextW-nw-2, base)
		f.SetDashPattern([]float64{}, 0)
		f.Link(flMarginL+indent, fd.y, flTextW-indent, h, fd.link(c.Anchor))
		fd.y += h
	}
}

// anchorPage is the page an anchor landed on, which fpdf knows once its
// link is set.
func (fd *floorDoc) anchorPage(anchor string) int { return fd.pages[anchor] }

func (fd *floorDoc) heading(title, anchor string, level int) {
	st, space := fH1, 7.0
	switch level {
	case 2:
		st, space = fH2, 4.5
	case 3:
		st, space = fH3, 3.5
	}
	lines := fd.wrap([]frun{{text: title, st: st}}, flTextW, false)
	h := 0.0
	for _, l := range lines {
		h += lineH(l, 1.25)
	}
	if fd.y+space+h+14+fd.noteH > flBottom { // keep with what follows
		fd.newPage()
		space = 0
	}
	top := fd.block(lines, flMarginL, flTextW, 1.25, space, nil)
	if anchor != "" {
		fd.f.SetLink(fd.link(anchor), top, -1)
		fd.setPage(anchor)
	}
	fd.f.Bookmark(title, level-1, top)
	if level == 1 {
		fd.f.SetDrawColor(20, 45, 90)
		fd.f.SetLineWidth(0.35)
		fd.f.Line(flMarginL, fd.y+0.6, flMarginL+flTextW, fd.y+0.6)
		fd.y += 1.6
	}
}

func (fd *floorDoc) setPage(anchor string) { fd.pages[anchor] = fd.f.PageNo() }

func (fd *floorDoc) section(s *report.Section) {
	newPage := s.Level == 1 && (s.Kind == report.SectionMap || s.Kind == report.SectionBibliography || s.Kind == report.SectionKeyFigures ||
		s.Kind == report.SectionChronology || s.Kind == report.SectionBackground)
	if newPage && fd.y > flTop {
		fd.newPage()
	}
	if s.Kind != report.SectionBibliography || s.Level == 1 {
		fd.heading(s.Title[0], s.Anchor, s.Level)
	}
	for _, bl := range s.Blocks {
		switch bl := bl.(type) {
		case *report.Paragraph:
			fd.paragraph(bl, 0, "", 2.2)
		case *report.List:
			for i, p := range bl.Items {
				fd.paragraph(p, 5, "•", 1+1.2*float64(btoi(i == 0)))
			}
		case *report.PlaceGroup:
			fd.text([]frun{{text: bl.Name[0], st: fGroup}}, 1.25, 2.6)
			for _, p := range bl.Items {
				fd.paragraph(p, 5, "–", 1)
			}
		case *report.FigureTable:
			fd.keyFigures()
		case *report.ContestedTable:
			fd.contested()
		case *report.MapBlock:
			fd.places()
		case *report.BibliographyBlock:
			fd.bibliography()
		case *report.ErrataBlock:
			fd.errata()
		}
	}
	for _, sub := range s.Sections {
		if s.Kind != report.SectionBibliography {
			fd.section(sub)
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (fd *floorDoc) paragraph(p *report.Paragraph, indent float64, hang string, space float64) {
	var rs []frun
	if e := p.Entry; e != nil {
		if e.TimeText[0] != "" {
			rs = append(rs, frun{text: e.TimeText[0] + " – ", st: fBodyB})
		}
		if e.WhenText[0] != "" {
			rs = append(rs, frun{text: "(" + e.WhenText[0] + ") ", st: fBodyI})
		}
	}
	rs = append(rs, frun{text: p.Text[0], st: fBody})
	if p.ReliabilityText[0] != "" {
		rs = append(rs, frun{text: " [" + p.ReliabilityText[0] + "]", st: fFlag})
	}
	var note []floorNote
	if fn := p.Footnote; fn != nil {
		rs = append(rs, frun{text: strconv.Itoa(fn.Number), st: fMarker})
		nr := []frun{{text: strconv.Itoa(fn.Number) + "\u00a0", st: fNoteNum}}
		if fn.Note[0] != "" {
			nr = append(nr, frun{text: fn.Note[0] + " ", st: fNote})
		}
		for i, c := range fn.Citations {
			sep := " ; "
			if i == len(fn.Citations)-1 {
				sep = "."
			}
			nr = append(nr, frun{text: c.Text[0], st: fNoteLink, link: fd.link(c.Source.Anchor)}, frun{text: sep, st: fNote})
		}
		for _, l := range fd.wrap(nr, flTextW, true) {
			note = append(note, floorNote{l, lineH(l, 1.28)})
		}
	}
	top := fd.block(fd.wrap(rs, flTextW-indent, true), flMarginL+indent, flTextW-indent, 1.38, space, note)
	if hang != "" {
		fd.setStyle(fBody)
		fd.f.Text(flMarginL+indent-3.2, top+3.6, hang)
	}
}

// table draws a table with its header on every page it spans.
func (fd *floorDoc) table(widths []float64, header []string, rows [][][]frun) {
	total := 0.0
	for _, w := range widths {
		total += w
	}
	row := func(cells [][]frun, fill []int, measureOnly bool) float64 {
		lines := make([][]fline, len(cells))
		h := 0.0
		for i, c := range cells {
			w := widths[i]
			if len(cells) == 1 {
				w = total
			}
			lines[i] = fd.wrap(c, w-2*flPad, false)
			ch := 0.0
			for _, l := range lines[i] {
				ch += lineH(l, 1.25)
			}
			h = max(h, ch)
		}
		h += 2 * flPad
		if measureOnly {
			return h
		}
		if fd.y+h+fd.noteH > flBottom {
			fd.newPage()
		}
		f := fd.f
		if fill != nil {
			f.SetFillColor(fill[0], fill[1], fill[2])
			f.Rect(flMarginL, fd.y, total, h, "F")
		}
		x := flMarginL
		for i, ls := range lines {
			y := fd.y + flPad
			for _, l := range ls {
				lh := lineH(l, 1.25)
				fd.drawLine(l, x+flPad, y, widths[i]-2*flPad, lh)
				y += lh
			}
			x += widths[i]
		}
		f.SetDrawColor(180, 188, 204)
		f.SetLineWidth(0.15)
		f.Line(flMarginL, fd.y+h, flMarginL+total, fd.y+h)
		fd.y += h
		return h
	}
	head := make([][]frun, len(header))
	for i, h := range header {
		head[i] = []frun{{text: h, st: fCellHead}}
	}
	fd.y += 3
	if fd.y+row(head, nil, true)+20 > flBottom {
		fd.newPage()
	}
	drawHead := func() { row(head, []int{20, 45, 90}, false) }
	drawHead()
	fd.head = drawHead
	for i, r := range rows {
		var fill []int
		switch {
		case len(r) == 1:
			fill = []int{222, 228, 240}
		case i%2 == 1:
			fill = []int{244, 246, 250}
		}
		row(r, fill, false)
	}
	fd.head = nil
}

func fcell(s string, st fstyle) []frun { return []frun{{text: s, st: st}} }

func (fd *floorDoc) figureCell(it *report.FigureItem, value bool) []frun {
	if it == nil {
		return fcell("—", fCellI)
	}
	if value {
		st := fCellB
		if it.Figure.Status == model.StatusRetracted {
			st = fCellRed
		}
		return fcell(it.Value[0], st)
	}
	rs := []frun{{text: it.Claimant[0] + ", " + it.AsOf[0], st: fCell}}
	if it.Cites[0] != "" {
		rs = append(rs, frun{text: " — " + it.Cites[0], st: fCellI})
	}
	return rs
}

func (fd *floorDoc) keyFigures() {
	fs := fd.doc.Figures
	m := func(id locales.ID) string { return fd.msg(id, nil) }
	var rows [][][]frun
	for _, k := range fs.Key {
		rows = append(rows, [][]frun{fcell(k.Label[0], fCellB), fd.figureCell(k.Official, true), fd.figureCell(k.Official, false),
			fd.figureCell(k.Independent, true), fd.figureCell(k.Independent, false)})
	}
	fd.table([]float64{34, 22, 44, 22, 44}, []string{m(locales.FieldMetric), m(locales.FieldOfficial), m(locales.FieldSources),
		m(locales.FieldIndependent), m(locales.FieldSources)}, rows)
	if len(fs.Retracted) == 0 {
		return
	}
	fd.y += 2
	fd.text([]frun{{text: m(locales.RetractedFiguresHeading), st: fH3}}, 1.25, 3)
	rows = nil
	for _, r := range fs.Retracted {
		it := fd.items[r]
		rows = append(rows, [][]frun{fcell(it.Value[0], fCellRed), fcell(it.Metric[0]+" — "+it.Party[0], fCell),
			fcell(it.Scope[0], fCell), fcell(it.Claimant[0]+", "+it.Reported[0], fCell), fcell(it.Status[0], fCellRed)})
	}
	fd.table([]float64{26, 40, 30, 40, 30}, []string{m(locales.FieldValue), m(locales.FieldMetric), m(locales.FieldScope),
		m(locales.FieldClaimant), m(locales.FieldStatus)}, rows)
}

func (fd *floorDoc) contested() {
	m := func(id locales.ID) string { return fd.msg(id, nil) }
	var rows [][][]frun
	for _, c := range fd.doc.Figures.Contested {
		rows = append(rows, [][]frun{fcell(c.Label[0]+" — "+c.Spread[0], fCellB)})
		for _, r := range c.Figures {
			it := fd.items[r]
			rows = append(rows, [][]frun{fd.figureCell(it, true), fcell(it.Claimant[0]+" ("+it.Status[0]+")", fCell),
				fcell(it.AsOf[0], fCell), fcell(it.Reported[0], fCell), fcell(it.Cites[0], fCellI)})
		}
	}
	fd.table([]float64{30, 40, 18, 18, 60}, []string{m(locales.FieldValue), m(locales.FieldClaimant), m(locales.FieldAsOf),
		m(locales.FieldReported), m(locales.FieldSources)}, rows)
}

// places draws the map's table of places (the map itself is left out).
func (fd *floorDoc) places() {
	mp := fd.doc.Map
	if mp == nil {
		return
	}
	m := func(id locales.ID) string { return fd.msg(id, nil) }
	var rows [][][]frun
	for _, p := range mp.Points {
		rows = append(rows, [][]frun{fcell(p.Name[0], fCellB), fcell(strconv.Itoa(p.Entries), fCell), fcell(p.Dates[0], fCell),
			fcell(p.KindText[0], fCell)})
	}
	fd.table([]float64{46, 20, 50, 50}, []string{m(locales.FieldPlace), m(locales.FieldEntries), m(locales.FieldDate), m(locales.FieldKind)}, rows)
}

func (fd *floorDoc) bibliography() {
	for _, g := range fd.doc.Bibliography {
		fd.heading(g.Title[0], g.Anchor, 2)
		for _, it := range g.Items {
			rs := []frun{{text: it.Outlet + ", " + it.Date[0] + ". " + fd.msg(locales.QuoteTitle, map[string]any{"Text": it.Title}), st: fBib}}
			if tr := it.Translation[0]; tr != "" {
				rs = append(rs, frun{text: " [" + tr + "]", st: fBibI})
			}
			rs = append(rs, frun{text: ". ", st: fBib})
			if it.URL != "" {
				rs = append(rs, frun{text: it.URL, st: fURL, url: it.Link})
			}
			top := fd.block(fd.wrap(rs, flTextW-4, false), flMarginL+4, flTextW-4, 1.28, 1.4, nil)
			fd.f.SetLink(fd.link(it.Anchor), top, -1)
			fd.setStyle(fBib)
			fd.f.Text(flMarginL, top+3, "•")
		}
	}
}

func (fd *floorDoc) errata() {
	for _, e := range fd.doc.Errata {
		rs := []frun{{text: e.Subject[0], st: fCellB}}
		if e.Field != "" {
			rs = append(rs, frun{text: " (" + e.Field + ")", st: fCellI})
		}
		rs = append(rs, frun{text: " — " + fd.msg(locales.QuoteTitle, map[string]any{"Text": e.Printed}), st: fCell})
		if e.Recorded != "" {
			rs = append(rs, frun{text: " → " + fd.msg(locales.QuoteTitle, map[string]any{"Text": e.Recorded}), st: fCell})
		}
		rs = append(rs, frun{text: ". " + e.Text[0], st: fCell})
		fd.text(rs, 1.25, 1.5)
	}
}
