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

// fpdfFile is the PDF fpdf wrote, read enough to write it again: where
// each object starts and ends, and its trailer.
type fpdfFile struct {
	src     []byte
	offsets []int // by object number; 0 for the free object 0
	ends    []int
	trailer *pdict
}

func readFpdf(src []byte) (*fpdfFile, error) {
	sx := bytes.LastIndex(src, []byte("startxref"))
	if sx < 0 {
		return nil, fmt.Errorf("no startxref")
	}
	fs := strings.Fields(string(src[sx+len("startxref"):]))
	if len(fs) == 0 {
		return nil, fmt.Errorf("no xref offset")
	}
	xref, err := strconv.Atoi(fs[0])
	if err != nil || xref <= 0 || xref >= sx {
		return nil, fmt.Errorf("xref offset %q", fs[0])
	}
	tr := bytes.Index(src[xref:], []byte("trailer"))
	if tr < 0 {
		return nil, fmt.Errorf("no trailer")
	}
	lines := strings.Split(strings.TrimSpace(string(src[xref:xref+tr])), "\n")
	if len(lines) < 3 || strings.TrimSpace(lines[0]) != "xref" {
		return nil, fmt.Errorf("xref table")
	}
	head := strings.Fields(lines[1])
	n, err := strconv.Atoi(head[len(head)-1])
	if err != nil || len(lines) != n+2 {
		return nil, fmt.Errorf("xref table of %d lines for %q", len(lines), lines[1])
	}
	f := &fpdfFile{src: src, offsets: make([]int, n), ends: make([]int, n)}
	for i := 1; i < n; i++ {
		off, err := strconv.Atoi(strings.Fields(lines[i+2])[0])
		if err != nil || off <= 0 || off >= xref {
			return nil, fmt.Errorf("xref entry %d", i)
		}
		f.offsets[i] = off
	}
	order := make([]int, 0, n)
	for i := 1; i < n; i++ {
		order = append(order, i)
	}
	slices.SortFunc(order, func(a, b int) int { return f.offsets[a] - f.offsets[b] })
	for k, i := range order {
		if k+1 < len(order) {
			f.ends[i] = f.offsets[order[k+1]]
		} else {
			f.ends[i] = xref
		}
	}
	p := &objParser{src: src, pos: xref + tr + len("trailer")}
	v, err := p.value()
	d, ok := v.(*pdict)
	if err != nil || !ok {
		return nil, fmt.Errorf("trailer")
	}
	f.trailer = d
	return f, nil
}

// dict parses object n, which must be a dictionary.
func (f *fpdfFile) dict(n int) (*pdict, error) {
	if n <= 0 || n >= len(f.offsets) {
		return nil, fmt.Errorf("object %d out of range", n)
	}
	p := &objParser{src: f.src[:f.ends[n]], pos: f.offsets[n]}
	for _, want := range []string{strconv.Itoa(n), "0", "obj"} {
		p.skip()
		if p.token() != want {
			return nil, fmt.Errorf("object %d: header", n)
		}
	}
	v, err := p.value()
	if err != nil {
		return nil, fmt.Errorf("object %d: %w", n, err)
	}
	d, ok := v.(*pdict)
	if !ok {
		return nil, fmt.Errorf("object %d is not a dictionary", n)
	}
	return d, nil
}

// pdfWriter writes a PDF of numbered objects.
type pdfWriter struct {
	buf     []byte
	offsets map[int]int
}

func (w *pdfWriter) object(n int, body []byte) {
	w.offsets[n] = len(w.buf)
	w.buf = strconv.AppendInt(w.buf, int64(n), 10)
	w.buf = append(w.buf, " 0 obj\n"...)
	w.buf = append(w.buf, body...)
	w.buf = append(w.buf, "\nendobj\n"...)
}

func (w *pdfWriter) dict(n int, d *pdict) { w.object(n, writeObj(nil, d)) }

func (w *pdfWriter) stream(n int, d *pdict, data []byte) {
	d.set("Length", len(data))
	body := writeObj(nil, d)
	body = append(body, "\nstream\n"...)
	body = append(body, data...)
	body = append(body, "\nendstream"...)
	w.object(n, body)
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
// output intent and the attached source. See Tagged PDF in the package
// documentation.
func finish(src []byte, t *tagger, opt Options) ([]byte, error) {
	f, err := readFpdf(src)
	if err != nil {
		return nil, fmt.Errorf("reading fpdf's output: %w", err)
	}
	next := len(f.offsets)
	alloc := func() int { next++; return next - 1 }
	replaced := map[int]*pdict{}

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
		if pageRefs[i], ok = k.(pref); !ok {
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

	// The link annotations, as objects of their own.
	annotNums := make([][]int, len(t.pages))
	var annotObjs []struct {
		num int
		d   *pdict
	}
	parentKey := len(t.pages)
	for i, pr := range pageRefs {
		pd, err := f.dict(int(pr))
		if err != nil {
			return nil, err
		}
		annots, _ := pd.get("Annots").(parray)
		if len(annots) != len(t.pages[i].annots) {
			return nil, fmt.Errorf("page %d: %d link annotations written, %d tagged", i+1, len(annots), len(t.pages[i].annots))
		}
		refs := make(parray, len(annots))
		for k, a := range annots {
			ad, ok := a.(*pdict)
			if !ok {
				return nil, fmt.Errorf("page %d: annotation %d", i+1, k)
			}
			e := t.pages[i].annots[k]
			ad.set("F", 4)
			ad.set("Contents", e.contents)
			ad.set("StructParent", parentKey)
			ad.set("P", pr)
			parentKey++
			n := alloc()
			annotNums[i] = append(annotNums[i], n)
			annotObjs = append(annotObjs, struct {
				num int
				d   *pdict
			}{n, ad})
			refs[k] = pref(n)
		}
		if len(refs) > 0 {
			pd.set("Annots", refs)
			pd.set("Tabs", pname("S"))
		}
		pd.set("StructParents", i)
		if opt.PDFA {
			pd.del("Group")
		}
		replaced[int(pr)] = pd
	}

	parentTree := alloc()
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
	replaced[int(root)] = catalog

	w := &pdfWriter{offsets: map[int]int{}}
	// PDF 1.7, and a comment of bytes above 127 that marks the file as
	// binary, as PDF/A asks.
	w.buf = append(make([]byte, 0, len(src)+len(src)/8), "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"...)
	for n := 1; n < len(f.offsets); n++ {
		if d, ok := replaced[n]; ok {
			w.dict(n, d)
			continue
		}
		w.offsets[n] = len(w.buf)
		w.buf = append(w.buf, f.src[f.offsets[n]:f.ends[n]]...)
	}
	for _, a := range annotObjs {
		w.dict(a.num, a.d)
	}

	// The structure tree.
	w.dict(treeRoot, newDict("Type", pname("StructTreeRoot"), "K", parray{pref(t.root.num)},
		"ParentTree", pref(parentTree), "ParentTreeNextKey", parentKey))
	for _, e := range elems {
		w.dict(e.num, elemDict(e, treeRoot, pageRefs, annotNums))
	}
	nums := make(parray, 0, 2*parentKey)
	for i, pg := range t.pages {
		arr := make(parray, len(pg.mcids))
		for k, e := range pg.mcids {
			arr[k] = pref(e.num)
		}
		nums = append(nums, i, arr)
	}
	key := len(t.pages)
	for _, pg := range t.pages {
		for _, e := range pg.annots {
			nums = append(nums, key, pref(e.num))
			key++
		}
	}
	w.dict(parentTree, newDict("Nums", nums))

	text := func(k string) string {
		if s, ok := info.get(k).(pstring); ok {
			return decodeText(s)
		}
		return ""
	}
	w.stream(metadata, newDict("Type", pname("Metadata"), "Subtype", pname("XML")), xmp(text, opt.PDFA))
	if opt.PDFA {
		w.dict(outputIntent, newDict("Type", pname("OutputIntent"), "S", pname("GTS_PDFA1"),
			"OutputConditionIdentifier", "sRGB IEC61966-2.1", "Info", "sRGB IEC61966-2.1",
			"RegistryName", "http://www.color.org", "DestOutputProfile", pref(iccProfile)))
		icc := srgbProfile()
		w.stream(iccProfile, newDict("N", 3, "Filter", pname("FlateDecode")), deflate(icc))
		if opt.Source != nil {
			w.dict(fileSpec, newDict("Type", pname("Filespec"), "F", sourceName, "UF", sourceName,
				"Desc", "The dossier the briefing was made from", "AFRelationship", pname("Source"),
				"EF", newDict("F", pref(embedded), "UF", pref(embedded))))
			params := newDict("Size", len(opt.Source))
			if s, ok := info.get("ModDate").(pstring); ok {
				params.set("ModDate", s)
			}
			w.stream(embedded, newDict("Type", pname("EmbeddedFile"), "Subtype", pname("application#2Fjson"),
				"Params", params, "Filter", pname("FlateDecode")), deflate(opt.Source))
		}
	}

	// The cross-reference table and trailer; the document's ID is a hash
	// of what fpdf wrote and of the options that change the file.
	h := sha256.New()
	h.Write(src)
	if opt.PDFA {
		h.Write([]byte("PDF/A-3b"))
		h.Write(opt.Source)
	}
	id := pstring(h.Sum(nil)[:16])
	xref := len(w.buf)
	w.buf = fmt.Appendf(w.buf, "xref\n0 %d\n0000000000 65535 f \n", next)
	for n := 1; n < next; n++ {
		w.buf = fmt.Appendf(w.buf, "%010d 00000 n \n", w.offsets[n])
	}
	tr := newDict("Size", next, "Root", root)
	if infoRef != 0 {
		tr.set("Info", infoRef)
	}
	tr.set("ID", parray{id, id})
	w.buf = append(w.buf, "trailer\n"...)
	w.buf = writeObj(w.buf, tr)
	w.buf = fmt.Appendf(w.buf, "\nstartxref\n%d\n%%%%EOF\n", xref)
	return w.buf, nil
}

// elemDict is the dictionary of a structure element.
func elemDict(e *selem, treeRoot int, pageRefs []pref, annotNums [][]int) *pdict {
	d := newDict("Type", pname("StructElem"), "S", pname(e.role))
	if e.parent != nil {
		d.set("P", pref(e.parent.num))
	} else {
		d.set("P", pref(treeRoot))
	}
	pg := -1
	for _, k := range e.kids {
		if k.kind != kidElem {
			pg = k.page
			break
		}
	}
	if pg >= 0 {
		d.set("Pg", pageRefs[pg])
	}
	var ks parray
	for _, k := range e.kids {
		switch k.kind {
		case kidElem:
			if k.e.num != 0 {
				ks = append(ks, pref(k.e.num))
			}
		case kidMCR:
			if k.page == pg {
				ks = append(ks, k.index)
			} else {
				ks = append(ks, newDict("Type", pname("MCR"), "Pg", pageRefs[k.page], "MCID", k.index))
			}
		case kidAnnot:
			ks = append(ks, newDict("Type", pname("OBJR"), "Pg", pageRefs[k.page], "Obj", pref(annotNums[k.page][k.index])))
		}
	}
	for _, n := range e.notes {
		if n.num != 0 {
			ks = append(ks, pref(n.num))
		}
	}
	d.set("K", ks)
	if e.lang != "" {
		d.set("Lang", e.lang)
	}
	if e.alt != "" {
		d.set("Alt", e.alt)
	}
	if e.id != "" {
		d.set("ID", pstring(e.id))
	}
	if e.ref != nil && e.ref.num != 0 {
		d.set("Ref", parray{pref(e.ref.num)})
	}
	if e.attr != "" {
		d.set("A", praw(e.attr))
	}
	return d
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
