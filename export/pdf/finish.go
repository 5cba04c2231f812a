package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"
)

// sourceName is the file name of the attached source.
const sourceName = "source.json"

// pdfWriter writes a PDF of numbered objects: some as they are, the
// others packed in object streams, then a cross-reference stream.
type pdfWriter struct {
	buf     []byte
	offsets []int    // by object number, for objects written as they are
	packed  [][2]int // by object number: its object stream and index, for packed objects
	alloc   func() int

	pack     []byte // the bodies of the objects of the object stream being filled
	packHead []byte // its pairs of object numbers and offsets
	packNums []int  // its objects
	z        *zlib.Writer
	zbuf     bytes.Buffer
}

// perStream is the number of objects in an object stream: enough for
// the structure elements to compress well, few enough for a reader that
// wants one of them.
const perStream = 200

func (w *pdfWriter) grow(n int) {
	for len(w.offsets) <= n {
		w.offsets = append(w.offsets, 0)
		w.packed = append(w.packed, [2]int{})
	}
}

// begin starts object n, written as it is; end ends it.
func (w *pdfWriter) begin(n int) {
	w.grow(n)
	w.offsets[n] = len(w.buf)
	w.buf = strconv.AppendInt(w.buf, int64(n), 10)
	w.buf = append(w.buf, " 0 obj\n"...)
}

func (w *pdfWriter) end() { w.buf = append(w.buf, "\nendobj\n"...) }

func (w *pdfWriter) object(n int, body []byte) {
	w.begin(n)
	w.buf = append(w.buf, body...)
	w.end()
}

func (w *pdfWriter) dict(n int, d *pdict) {
	w.begin(n)
	w.buf = writeObj(w.buf, d)
	w.end()
}

func (w *pdfWriter) stream(n int, d *pdict, data []byte) {
	d.set("Length", len(data))
	w.begin(n)
	w.buf = writeObj(w.buf, d)
	w.buf = append(w.buf, "\nstream\n"...)
	w.buf = append(w.buf, data...)
	w.buf = append(w.buf, "\nendstream"...)
	w.end()
}

// startPacked starts object n in the object stream being filled; the
// caller appends its body to w.pack, and endPacked ends it.
func (w *pdfWriter) startPacked(n int) {
	w.grow(n)
	w.packNums = append(w.packNums, n)
	w.packHead = strconv.AppendInt(w.packHead, int64(n), 10)
	w.packHead = append(w.packHead, ' ')
	w.packHead = strconv.AppendInt(w.packHead, int64(len(w.pack)), 10)
	w.packHead = append(w.packHead, ' ')
}

func (w *pdfWriter) endPacked() {
	w.pack = append(w.pack, '\n')
	if len(w.packNums) == perStream {
		w.flushPacked()
	}
}

func (w *pdfWriter) packedDict(n int, d *pdict) {
	w.startPacked(n)
	w.pack = writeObj(w.pack, d)
	w.endPacked()
}

// flushPacked writes the object stream being filled.
func (w *pdfWriter) flushPacked() {
	if len(w.packNums) == 0 {
		return
	}
	s := w.alloc()
	for i, n := range w.packNums {
		w.packed[n] = [2]int{s, i}
	}
	w.packHead[len(w.packHead)-1] = '\n'
	data := w.deflate(w.packHead, w.pack)
	w.stream(s, newDict("Type", pname("ObjStm"), "N", len(w.packNums), "First", len(w.packHead), "Filter", pname("FlateDecode")), data)
	w.pack, w.packHead, w.packNums = w.pack[:0], w.packHead[:0], w.packNums[:0]
}

// deflate compresses parts, one after the other, with one compressor for
// the whole file.
func (w *pdfWriter) deflate(parts ...[]byte) []byte {
	w.zbuf.Reset()
	if w.z == nil {
		w.z, _ = zlib.NewWriterLevel(&w.zbuf, zlib.BestSpeed)
	} else {
		w.z.Reset(&w.zbuf)
	}
	for _, p := range parts {
		w.z.Write(p)
	}
	w.z.Close()
	return w.zbuf.Bytes()
}

// xref writes the cross-reference stream, with the trailer's entries,
// and the end of the file.
func (w *pdfWriter) xref(trailer *pdict) {
	n := w.alloc()
	w.grow(n)
	w.offsets[n] = len(w.buf)
	size := len(w.offsets)
	width := func(v int) int {
		k := 1
		for ; v > 255; v >>= 8 {
			k++
		}
		return k
	}
	w1, w2 := width(len(w.buf)), width(65535)
	for _, p := range w.packed {
		w1 = max(w1, width(p[0]))
		w2 = max(w2, width(p[1]))
	}
	rows := make([]byte, 0, size*(1+w1+w2))
	put := func(v, k int) {
		for i := k - 1; i >= 0; i-- {
			rows = append(rows, byte(v>>(8*i)))
		}
	}
	for i := range size {
		switch {
		case i == 0:
			rows = append(rows, 0)
			put(0, w1)
			put(65535, w2)
		case w.packed[i][0] != 0:
			rows = append(rows, 2)
			put(w.packed[i][0], w1)
			put(w.packed[i][1], w2)
		default:
			rows = append(rows, 1)
			put(w.offsets[i], w1)
			put(0, w2)
		}
	}
	d := newDict("Type", pname("XRef"), "Size", size, "W", parray{1, w1, w2})
	for _, k := range trailer.keys {
		d.set(k, trailer.get(k))
	}
	d.set("Filter", pname("FlateDecode"))
	xref := len(w.buf)
	w.stream(n, d, w.deflate(rows))
	w.buf = fmt.Appendf(w.buf, "startxref\n%d\n%%%%EOF\n", xref)
}

func newDict(kv ...any) *pdict {
	d := &pdict{vals: map[string]any{}}
	for i := 0; i+1 < len(kv); i += 2 {
		d.set(kv[i].(string), kv[i+1])
	}
	return d
}

// finish writes again the PDF fpdf made, as one revision: fpdf's objects
// as they are, but for the catalog and the pages, which it cannot be told
// to write with the entries a tagged PDF needs, and the link annotations,
// which become objects of their own so that the structure tree can refer
// to them; then the structure tree, the XMP metadata and, for PDF/A, the
// output intent and the attached source. The objects it adds, but for
// streams, are packed in object streams, and a cross-reference stream
// ends the file. See Tagged PDF in the package documentation.
func finish(src []byte, t *tagger, opt Options) ([]byte, error) {
	f, err := readPDF(src)
	if err != nil {
		return nil, fmt.Errorf("reading fpdf's output: %w", err)
	}
	next := len(f.offsets)
	alloc := func() int { next++; return next - 1 }

	root, ok := f.trailer.get("Root").(pref)
	if !ok {
		return nil, fmt.Errorf("no catalog")
	}
	infoRef, _ := f.trailer.get("Info").(pref)
	catalog, err := f.dict(int(root))
	if err != nil {
		return nil, err
	}
	pagesRef, _ := catalog.get("Pages").(pref)
	pagesDict, err := f.dict(int(pagesRef))
	if err != nil {
		return nil, err
	}
	kids, _ := pagesDict.get("Kids").(parray)
	if len(kids) != len(t.pages) {
		return nil, fmt.Errorf("%d pages drawn, %d written", len(t.pages), len(kids))
	}
	pageRefs := make([]pref, len(kids))
	for i, k := range kids {
		if pageRefs[i], ok = k.(pref); !ok || pageRefs[i] <= 0 || int(pageRefs[i]) >= len(f.offsets) || f.offsets[pageRefs[i]] == 0 {
			return nil, fmt.Errorf("page %d", i+1)
		}
	}

	// Content left out of the tree (none should be) hangs from the root.
	inTree := func(e *selem) *selem {
		for e.parent != nil {
			e = e.parent
		}
		return e
	}
	for _, pg := range t.pages {
		for _, e := range slices.Concat(pg.mcids, pg.annots) {
			if top := inTree(e); top != t.root {
				top.parent = t.root
				t.root.kids = append(t.root.kids, skid{e: top})
			}
		}
	}

	// Number the live elements in reading order.
	var elems []*selem
	var number func(e *selem) bool
	number = func(e *selem) bool {
		e.num = 0
		at := len(elems)
		elems = append(elems, e)
		live := e == t.root
		for _, k := range e.kids {
			if k.kind != kidElem || number(k.e) {
				live = true
			}
		}
		for _, n := range e.notes {
			if number(n) {
				live = true
			}
		}
		if !live {
			elems = elems[:at]
			return false
		}
		return true
	}
	number(t.root)
	treeRoot := alloc()
	for _, e := range elems {
		e.num = alloc()
	}

	// The pages, read as their entries' bytes, and the link annotations,
	// as objects of their own; both written back as bytes.
	annotNums := make([][]int, len(t.pages))
	pageBodies := make([][]byte, len(t.pages))
	var annots []byte // the annotations' bodies, one after the other
	var annotEnds []int
	parentKey := len(t.pages)
	for i, pr := range pageRefs {
		n := int(pr)
		p := &objParser{src: src[:f.ends[n]], pos: f.offsets[n]}
		if err := p.header(n); err != nil {
			return nil, err
		}
		entries, err := p.rawDict()
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		body := []byte("<<")
		for _, en := range entries {
			if en.key == "Group" && opt.PDFA {
				continue
			}
			if en.key != "Annots" {
				body = append(append(append(append(body, '/'), en.key...), ' '), en.val...)
				continue
			}
			ap := &objParser{src: en.val}
			list, err := ap.rawArray()
			if err != nil || len(list) != len(t.pages[i].annots) {
				return nil, fmt.Errorf("page %d: %d link annotations written, %d tagged (%v)", i+1, len(list), len(t.pages[i].annots), err)
			}
			body = append(body, "/Annots["...)
			for k, a := range list {
				if !bytes.HasPrefix(a, []byte("<<")) || !bytes.HasSuffix(a, []byte(">>")) {
					return nil, fmt.Errorf("page %d: annotation %d is not a dictionary", i+1, k)
				}
				e := t.pages[i].annots[k]
				an := alloc()
				annotNums[i] = append(annotNums[i], an)
				annots = append(annots, a[:len(a)-2]...)
				annots = append(annots, "/F 4/Contents"...)
				annots = writeObj(annots, e.contents)
				annots = append(annots, "/StructParent "...)
				annots = strconv.AppendInt(annots, int64(parentKey), 10)
				annots = append(annots, "/P "...)
				annots = writeObj(annots, pr)
				annots = append(annots, ">>"...)
				annotEnds = append(annotEnds, len(annots))
				parentKey++
				if k > 0 {
					body = append(body, ' ')
				}
				body = writeObj(body, pref(an))
			}
			body = append(body, "]/Tabs/S"...)
		}
		body = append(body, "/StructParents "...)
		body = strconv.AppendInt(body, int64(i), 10)
		pageBodies[i] = append(body, ">>"...)
	}

	// The parent tree: a number tree whose leaves hold up to leafKeys
	// keys, the pages' arrays of elements by MCID, then each annotation's
	// element.
	const leafKeys = 128
	parentTree := alloc()
	var leaves []int
	if parentKey > leafKeys {
		for k := 0; k < parentKey; k += leafKeys {
			leaves = append(leaves, alloc())
		}
	}
	metadata := alloc()
	catalog.set("StructTreeRoot", pref(treeRoot))
	catalog.set("MarkInfo", newDict("Marked", praw("true")))
	catalog.set("ViewerPreferences", newDict("DisplayDocTitle", praw("true")))
	catalog.set("Metadata", pref(metadata))
	var info *pdict
	if infoRef != 0 {
		if info, err = f.dict(int(infoRef)); err != nil {
			return nil, err
		}
	} else {
		info = newDict()
	}
	var outputIntent, iccProfile, fileSpec, embedded int
	if opt.PDFA {
		outputIntent, iccProfile = alloc(), alloc()
		catalog.set("OutputIntents", parray{pref(outputIntent)})
		if opt.Source != nil {
			fileSpec, embedded = alloc(), alloc()
			catalog.set("AF", parray{pref(fileSpec)})
			catalog.set("Names", newDict("EmbeddedFiles", newDict("Names", parray{textString(sourceName), pref(fileSpec)})))
		}
	}

	w := &pdfWriter{alloc: alloc}
	// PDF 1.7, and a comment of bytes above 127 that marks the file as
	// binary, as PDF/A asks.
	w.buf = append(make([]byte, 0, len(src)+len(src)/4), "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"...)
	fontMaps, err := slimFontMaps(f, &t.invisible)
	if err != nil {
		return nil, err
	}
	page := map[int]int{}
	for i, pr := range pageRefs {
		page[int(pr)] = i + 1
	}
	for n := 1; n < len(f.offsets); n++ {
		switch {
		case n == int(root):
			w.dict(n, catalog)
		case page[n] > 0:
			w.object(n, pageBodies[page[n]-1])
		case fontMaps[n].d != nil:
			w.stream(n, fontMaps[n].d, fontMaps[n].data)
		case f.offsets[n] > 0:
			w.grow(n)
			w.offsets[n] = len(w.buf)
			w.buf = append(w.buf, src[f.offsets[n]:f.ends[n]]...)
		}
	}

	// The streams: XMP metadata, output profile, source.
	text := func(k string) string {
		if s, ok := info.get(k).(pstring); ok {
			return decodeText(s)
		}
		return ""
	}
	w.stream(metadata, newDict("Type", pname("Metadata"), "Subtype", pname("XML")), xmp(text, opt.PDFA))
	if opt.PDFA {
		w.stream(iccProfile, newDict("N", 3, "Filter", pname("FlateDecode")), deflate(srgbProfile()))
		if opt.Source != nil {
			params := newDict("Size", len(opt.Source))
			if s, ok := info.get("ModDate").(pstring); ok {
				params.set("ModDate", s)
			}
			w.stream(embedded, newDict("Type", pname("EmbeddedFile"), "Subtype", pname("application#2Fjson"),
				"Params", params, "Filter", pname("FlateDecode")), deflate(opt.Source))
		}
	}

	// The packed objects: annotations, the structure tree and its parent
	// tree, the output intent and the file specification.
	start := 0
	for _, ns := range annotNums {
		for _, n := range ns {
			w.startPacked(n)
			end := annotEnds[0]
			annotEnds = annotEnds[1:]
			w.pack = append(w.pack, annots[start:end]...)
			start = end
			w.endPacked()
		}
	}
	w.packedDict(treeRoot, newDict("Type", pname("StructTreeRoot"), "K", parray{pref(t.root.num)},
		"ParentTree", pref(parentTree), "ParentTreeNextKey", parentKey))
	for _, e := range elems {
		w.startPacked(e.num)
		w.pack = appendElem(w.pack, e, treeRoot, pageRefs, annotNums)
		w.endPacked()
	}
	// the annotations' elements, by key
	annotElems := make([]*selem, 0, parentKey-len(t.pages))
	for _, pg := range t.pages {
		annotElems = append(annotElems, pg.annots...)
	}
	// nums appends the parent tree's entries for keys from to to.
	nums := func(b []byte, from, to int) []byte {
		b = append(b, "/Nums["...)
		for key := from; key < to; key++ {
			b = strconv.AppendInt(b, int64(key), 10)
			b = append(b, ' ')
			if key < len(t.pages) {
				b = append(b, '[')
				for k, e := range t.pages[key].mcids {
					if k > 0 {
						b = append(b, ' ')
					}
					b = writeObj(b, pref(e.num))
				}
				b = append(b, ']')
			} else {
				b = writeObj(b, pref(annotElems[key-len(t.pages)].num))
			}
			b = append(b, ' ')
		}
		return append(b, ']')
	}
	w.startPacked(parentTree)
	if leaves == nil {
		w.pack = append(w.pack, "<<"...)
		w.pack = nums(w.pack, 0, parentKey)
		w.pack = append(w.pack, ">>"...)
	} else {
		w.pack = append(w.pack, "<</Kids["...)
		for i, l := range leaves {
			if i > 0 {
				w.pack = append(w.pack, ' ')
			}
			w.pack = writeObj(w.pack, pref(l))
		}
		w.pack = append(w.pack, "]>>"...)
	}
	w.endPacked()
	for i, l := range leaves {
		from, to := i*leafKeys, min(parentKey, (i+1)*leafKeys)
		w.startPacked(l)
		w.pack = fmt.Appendf(w.pack, "<</Limits[%d %d]", from, to-1)
		w.pack = nums(w.pack, from, to)
		w.pack = append(w.pack, ">>"...)
		w.endPacked()
	}
	if opt.PDFA {
		w.packedDict(outputIntent, newDict("Type", pname("OutputIntent"), "S", pname("GTS_PDFA1"),
			"OutputConditionIdentifier", "sRGB IEC61966-2.1", "Info", "sRGB IEC61966-2.1",
			"RegistryName", "http://www.color.org", "DestOutputProfile", pref(iccProfile)))
		if opt.Source != nil {
			w.packedDict(fileSpec, newDict("Type", pname("Filespec"), "F", sourceName, "UF", sourceName,
				"Desc", "The dossier the briefing was made from", "AFRelationship", pname("Source"),
				"EF", newDict("F", pref(embedded), "UF", pref(embedded))))
		}
	}
	w.flushPacked()

	// The cross-reference stream, with the trailer's entries; the
	// document's ID is a hash of what fpdf wrote and of the options that
	// change the file.
	h := sha256.New()
	h.Write(src)
	if opt.PDFA {
		h.Write([]byte("PDF/A-3b"))
		h.Write(opt.Source)
	}
	id := pstring(h.Sum(nil)[:16])
	tr := newDict("Root", root)
	if infoRef != 0 {
		tr.set("Info", infoRef)
	}
	tr.set("ID", parray{id, id})
	w.xref(tr)
	return w.buf, nil
}

// appendElem appends the dictionary of a structure element.
func appendElem(b []byte, e *selem, treeRoot int, pageRefs []pref, annotNums [][]int) []byte {
	b = append(b, "<</S/"...)
	b = append(b, e.role...)
	b = append(b, "/P "...)
	if e.parent != nil {
		b = writeObj(b, pref(e.parent.num))
	} else {
		b = writeObj(b, pref(treeRoot))
	}
	pg := -1
	for _, k := range e.kids {
		if k.kind != kidElem {
			pg = k.page
			break
		}
	}
	if pg >= 0 {
		b = append(b, "/Pg "...)
		b = writeObj(b, pageRefs[pg])
	}
	b = append(b, "/K["...)
	sep := func() {
		if b[len(b)-1] != '[' {
			b = append(b, ' ')
		}
	}
	for _, k := range e.kids {
		switch k.kind {
		case kidElem:
			if k.e.num != 0 {
				sep()
				b = writeObj(b, pref(k.e.num))
			}
		case kidMCR:
			sep()
			if k.page == pg {
				b = strconv.AppendInt(b, int64(k.index), 10)
			} else {
				b = append(b, "<</Type/MCR/Pg "...)
				b = writeObj(b, pageRefs[k.page])
				b = append(b, "/MCID "...)
				b = strconv.AppendInt(b, int64(k.index), 10)
				b = append(b, ">>"...)
			}
		case kidAnnot:
			sep()
			b = append(b, "<</Type/OBJR/Pg "...)
			b = writeObj(b, pageRefs[k.page])
			b = append(b, "/Obj "...)
			b = writeObj(b, pref(annotNums[k.page][k.index]))
			b = append(b, ">>"...)
		}
	}
	for _, n := range e.notes {
		if n.num != 0 {
			sep()
			b = writeObj(b, pref(n.num))
		}
	}
	b = append(b, ']')
	if e.lang != "" {
		b = append(b, "/Lang"...)
		b = writeObj(b, e.lang)
	}
	if e.alt != "" {
		b = append(b, "/Alt"...)
		b = writeObj(b, e.alt)
	}
	if e.actual != "" {
		b = append(b, "/ActualText"...)
		b = writeObj(b, e.actual)
	}
	if e.id != "" {
		b = append(b, "/ID"...)
		b = writeObj(b, pstring(e.id))
	}
	if e.ref != nil && e.ref.num != 0 {
		b = append(b, "/Ref["...)
		b = writeObj(b, pref(e.ref.num))
		b = append(b, ']')
	}
	if e.attr != "" {
		b = append(b, "/A"...)
		b = append(b, e.attr...)
	}
	return append(b, ">>"...)
}

func deflate(data []byte) []byte {
	var b bytes.Buffer
	z := zlib.NewWriter(&b)
	z.Write(data)
	z.Close()
	return b.Bytes()
}

// xmp is the document's XMP metadata: what its information dictionary
// says (read with info), and the PDF/UA and PDF/A identification.
func xmp(info func(string) string, pdfa bool) []byte {
	esc := html.EscapeString
	date := func(k string) string {
		s := strings.TrimPrefix(info(k), "D:")
		if len(s) < 14 {
			return ""
		}
		return s[0:4] + "-" + s[4:6] + "-" + s[6:8] + "T" + s[8:10] + ":" + s[10:12] + ":" + s[12:14]
	}
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
	b.WriteString("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"")
	if pdfa {
		b.WriteString(" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"")
	}
	b.WriteString(">\n<dc:format>application/pdf</dc:format>\n")
	if s := info("Title"); s != "" {
		b.WriteString("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(s) + "</rdf:li></rdf:Alt></dc:title>\n")
	}
	if s := info("Author"); s != "" {
		b.WriteString("<dc:creator><rdf:Seq><rdf:li>" + esc(s) + "</rdf:li></rdf:Seq></dc:creator>\n")
	}
	if s := info("Subject"); s != "" {
		b.WriteString("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(s) + "</rdf:li></rdf:Alt></dc:description>\n")
	}
	if s := info("Keywords"); s != "" {
		b.WriteString("<pdf:Keywords>" + esc(s) + "</pdf:Keywords>\n")
	}
	if s := info("Producer"); s != "" {
		b.WriteString("<pdf:Producer>" + esc(s) + "</pdf:Producer>\n")
	}
	if s := info("Creator"); s != "" {
		b.WriteString("<xmp:CreatorTool>" + esc(s) + "</xmp:CreatorTool>\n")
	}
	if s := date("CreationDate"); s != "" {
		b.WriteString("<xmp:CreateDate>" + s + "</xmp:CreateDate>\n")
	}
	if s := date("ModDate"); s != "" {
		b.WriteString("<xmp:ModifyDate>" + s + "</xmp:ModifyDate>\n")
	}
	b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n")
	if pdfa {
		b.WriteString("<pdfaid:part>3</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n")
	}
	b.WriteString("</rdf:Description>\n")
	if pdfa {
		// PDF/A asks for a description of the schemas it does not know:
		// PDF/UA's identification.
		b.WriteString(`<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates which part of ISO 14289 the file conforms to</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
`)
	}
	b.WriteString("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return []byte(b.String())
}
