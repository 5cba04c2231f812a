package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// pdfFile is a PDF of one revision, read enough to find its objects:
// fpdf's output (a cross-reference table) when finish writes it again,
// and this package's output (a cross-reference stream and object
// streams) when ExtractSource and the tests read it. It reads no other
// kind of file: no incremental updates, no encryption.
type pdfFile struct {
	src     []byte
	offsets []int    // by object number: where it starts in src, 0 when free or packed
	ends    []int    // where it ends
	packed  [][2]int // by object number: its object stream and index in it, when packed
	objStms map[int]*objStm
	trailer *pdict
}

// objStm is a decoded object stream: its data and where each object
// starts in it.
type objStm struct {
	data []byte
	offs []int
}

// maxDecoded bounds what a stream decompresses to when read.
const maxDecoded = 256 << 20

func readPDF(src []byte) (*pdfFile, error) {
	sx := bytes.LastIndex(src, []byte("startxref"))
	if sx < 0 {
		return nil, fmt.Errorf("no startxref")
	}
	fs := strings.Fields(string(src[sx+len("startxref") : min(len(src), sx+len("startxref")+32)]))
	if len(fs) == 0 {
		return nil, fmt.Errorf("no xref offset")
	}
	xref, err := strconv.Atoi(fs[0])
	if err != nil || xref <= 0 || xref >= sx {
		return nil, fmt.Errorf("xref offset %q", fs[0])
	}
	f := &pdfFile{src: src, objStms: map[int]*objStm{}}
	end := xref // where the last object ends
	if bytes.HasPrefix(src[xref:], []byte("xref")) {
		err = f.xrefTable(xref)
	} else {
		err = f.xrefStream(xref)
		end = sx
	}
	if err != nil {
		return nil, err
	}
	if f.trailer.get("Prev") != nil || f.trailer.get("Encrypt") != nil {
		return nil, fmt.Errorf("an updated or encrypted file")
	}
	var order []int
	for i, off := range f.offsets {
		if off > 0 {
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(a, b int) int { return f.offsets[a] - f.offsets[b] })
	for k, i := range order {
		if k+1 < len(order) {
			f.ends[i] = f.offsets[order[k+1]]
		} else {
			f.ends[i] = end
		}
	}
	return f, nil
}

// xrefTable reads a cross-reference table and its trailer.
func (f *pdfFile) xrefTable(xref int) error {
	src := f.src
	tr := bytes.Index(src[xref:], []byte("trailer"))
	if tr < 0 {
		return fmt.Errorf("no trailer")
	}
	lines := strings.Split(strings.TrimSpace(string(src[xref:xref+tr])), "\n")
	if len(lines) < 3 || strings.TrimSpace(lines[0]) != "xref" {
		return fmt.Errorf("xref table")
	}
	head := strings.Fields(lines[1])
	if len(head) != 2 || head[0] != "0" {
		return fmt.Errorf("xref table: %q", lines[1])
	}
	n, err := strconv.Atoi(head[1])
	if err != nil || n <= 0 || len(lines) != n+2 {
		return fmt.Errorf("xref table of %d lines for %q", len(lines), lines[1])
	}
	f.offsets, f.ends, f.packed = make([]int, n), make([]int, n), make([][2]int, n)
	for i := 1; i < n; i++ {
		fs := strings.Fields(lines[i+2])
		if len(fs) != 3 {
			return fmt.Errorf("xref entry %d", i)
		}
		off, err := strconv.Atoi(fs[0])
		if err != nil || off < 0 || off >= xref {
			return fmt.Errorf("xref entry %d", i)
		}
		if fs[2] == "n" {
			f.offsets[i] = off
		}
	}
	p := &objParser{src: src, pos: xref + tr + len("trailer")}
	v, err := p.value()
	d, ok := v.(*pdict)
	if err != nil || !ok {
		return fmt.Errorf("trailer")
	}
	f.trailer = d
	return nil
}

// xrefStream reads a cross-reference stream, whose dictionary is the
// trailer.
func (f *pdfFile) xrefStream(xref int) error {
	d, data, err := f.streamAt(xref)
	if err != nil {
		return fmt.Errorf("xref stream: %w", err)
	}
	if d.get("Type") != pname("XRef") {
		return fmt.Errorf("xref stream: /Type")
	}
	size, ok := intOf(d.get("Size"))
	w, _ := d.get("W").(parray)
	if !ok || size <= 0 || size > len(f.src) || len(w) != 3 {
		return fmt.Errorf("xref stream: /Size or /W")
	}
	var ws [3]int
	for i := range ws {
		if ws[i], ok = intOf(w[i]); !ok || ws[i] < 0 || ws[i] > 8 {
			return fmt.Errorf("xref stream: /W")
		}
	}
	index := parray{0, size}
	if ix, ok := d.get("Index").(parray); ok {
		index = ix
	}
	f.offsets, f.ends, f.packed = make([]int, size), make([]int, size), make([][2]int, size)
	row := ws[0] + ws[1] + ws[2]
	field := func(b []byte) int {
		v := 0
		for _, c := range b {
			v = v<<8 | int(c)
		}
		return v
	}
	at := 0
	for i := 0; i+1 < len(index); i += 2 {
		first, ok1 := intOf(index[i])
		count, ok2 := intOf(index[i+1])
		if !ok1 || !ok2 || first < 0 || count < 0 || first+count > size || at+count*row > len(data) {
			return fmt.Errorf("xref stream: /Index")
		}
		for n := first; n < first+count; n++ {
			e := data[at : at+row]
			at += row
			typ := 1
			if ws[0] > 0 {
				typ = field(e[:ws[0]])
			}
			a, b := field(e[ws[0]:ws[0]+ws[1]]), field(e[ws[0]+ws[1]:])
			switch typ {
			case 1:
				if a <= 0 || a >= len(f.src) {
					return fmt.Errorf("xref stream: object %d at %d", n, a)
				}
				f.offsets[n] = a
			case 2:
				if a <= 0 || a >= size {
					return fmt.Errorf("xref stream: object %d in stream %d", n, a)
				}
				f.packed[n] = [2]int{a, b}
			}
		}
	}
	f.trailer = d
	return nil
}

// intOf returns the integer a parsed value holds.
func intOf(v any) (int, bool) {
	switch v := v.(type) {
	case int:
		return v, true
	case praw:
		n, err := strconv.Atoi(string(v))
		return n, err == nil
	}
	return 0, false
}

// object reads object n.
func (f *pdfFile) object(n int) (any, error) {
	if n <= 0 || n >= len(f.offsets) {
		return nil, fmt.Errorf("object %d out of range", n)
	}
	if s := f.packed[n][0]; s != 0 {
		st, err := f.objStm(s)
		if err != nil {
			return nil, fmt.Errorf("object %d: %w", n, err)
		}
		k := f.packed[n][1]
		if k >= len(st.offs) {
			return nil, fmt.Errorf("object %d: index %d in object stream %d", n, k, s)
		}
		end := len(st.data)
		if k+1 < len(st.offs) {
			end = st.offs[k+1]
		}
		p := &objParser{src: st.data[:end], pos: st.offs[k]}
		v, err := p.value()
		if err != nil {
			return nil, fmt.Errorf("object %d: %w", n, err)
		}
		return v, nil
	}
	if f.offsets[n] == 0 {
		return nil, fmt.Errorf("object %d is free", n)
	}
	p := &objParser{src: f.src[:f.ends[n]], pos: f.offsets[n]}
	if err := p.header(n); err != nil {
		return nil, err
	}
	v, err := p.value()
	if err != nil {
		return nil, fmt.Errorf("object %d: %w", n, err)
	}
	return v, nil
}

// header reads "n 0 obj".
func (p *objParser) header(n int) error {
	for _, want := range []string{strconv.Itoa(n), "0", "obj"} {
		p.skip()
		if p.token() != want {
			return fmt.Errorf("object %d: header", n)
		}
	}
	return nil
}

// dict reads object n, which must be a dictionary.
func (f *pdfFile) dict(n int) (*pdict, error) {
	v, err := f.object(n)
	if err != nil {
		return nil, err
	}
	d, ok := v.(*pdict)
	if !ok {
		return nil, fmt.Errorf("object %d is not a dictionary", n)
	}
	return d, nil
}

// objStm returns object stream s, decoded.
func (f *pdfFile) objStm(s int) (*objStm, error) {
	if st := f.objStms[s]; st != nil {
		return st, nil
	}
	if s <= 0 || s >= len(f.offsets) || f.offsets[s] == 0 {
		return nil, fmt.Errorf("object stream %d", s)
	}
	d, data, err := f.streamAt(f.offsets[s])
	if err != nil {
		return nil, err
	}
	n, ok1 := intOf(d.get("N"))
	first, ok2 := intOf(d.get("First"))
	if d.get("Type") != pname("ObjStm") || !ok1 || !ok2 || n < 0 || first < 0 || first > len(data) || n > first {
		return nil, fmt.Errorf("object stream %d: dictionary", s)
	}
	st := &objStm{data: data, offs: make([]int, n)}
	p := &objParser{src: data[:first]}
	for k := range n {
		p.skip()
		p.token() // the object's number
		p.skip()
		off, err := strconv.Atoi(p.token())
		if err != nil || first+off > len(data) || (k > 0 && first+off < st.offs[k-1]) {
			return nil, fmt.Errorf("object stream %d: offset %d", s, k)
		}
		st.offs[k] = first + off
	}
	f.objStms[s] = st
	return st, nil
}

// stream returns the decoded data of stream object n.
func (f *pdfFile) stream(n int) ([]byte, error) {
	if n <= 0 || n >= len(f.offsets) || f.offsets[n] == 0 {
		return nil, fmt.Errorf("stream %d out of range", n)
	}
	_, data, err := f.streamAt(f.offsets[n])
	if err != nil {
		return nil, fmt.Errorf("stream %d: %w", n, err)
	}
	return data, nil
}

// streamAt reads the stream object at off: its dictionary and its data,
// decoded (Flate or none).
func (f *pdfFile) streamAt(off int) (*pdict, []byte, error) {
	p := &objParser{src: f.src, pos: off}
	p.skip()
	n, err := strconv.Atoi(p.token())
	if err != nil {
		return nil, nil, fmt.Errorf("at %d: no object", off)
	}
	p.pos = off
	if err := p.header(n); err != nil {
		return nil, nil, err
	}
	v, err := p.value()
	d, ok := v.(*pdict)
	if err != nil || !ok {
		return nil, nil, fmt.Errorf("object %d: no stream dictionary", n)
	}
	p.skip()
	if !bytes.HasPrefix(f.src[p.pos:], []byte("stream")) {
		return nil, nil, fmt.Errorf("object %d: not a stream", n)
	}
	p.pos += len("stream")
	if p.pos < len(f.src) && f.src[p.pos] == '\r' {
		p.pos++
	}
	if p.pos < len(f.src) && f.src[p.pos] == '\n' {
		p.pos++
	}
	size, ok := intOf(d.get("Length"))
	if !ok || size < 0 || p.pos+size > len(f.src) {
		return nil, nil, fmt.Errorf("object %d: /Length", n)
	}
	raw := f.src[p.pos : p.pos+size]
	switch flt := d.get("Filter"); flt {
	case nil:
		return d, raw, nil
	case pname("FlateDecode"):
	default:
		return nil, nil, fmt.Errorf("object %d: filter %v", n, flt)
	}
	if d.get("DecodeParms") != nil {
		return nil, nil, fmt.Errorf("object %d: /DecodeParms", n)
	}
	z, err := zlib.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, nil, fmt.Errorf("object %d: %w", n, err)
	}
	out, err := io.ReadAll(io.LimitReader(z, maxDecoded+1))
	if err != nil || len(out) > maxDecoded {
		return nil, nil, fmt.Errorf("object %d: not a whole stream within %d MB", n, maxDecoded>>20)
	}
	return d, out, nil
}
