package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
)

// maxSource bounds the size of the source ExtractSource decompresses.
const maxSource = 256 << 20

// ExtractSource returns the source attached to a PDF/A file that Render
// wrote with Options.Source: the dossier's JSON, as it was given. It
// reads files of this package only; a file without a source, or one it
// cannot read, is an error wrapping ErrSource.
func ExtractSource(data []byte) ([]byte, error) {
	f, err := readFpdf(data)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w: %w", ErrSource, err)
	}
	fail := func(what string) ([]byte, error) {
		return nil, fmt.Errorf("pdf: %w: %s", ErrSource, what)
	}
	root, _ := f.trailer.get("Root").(pref)
	cat, err := f.dict(int(root))
	if err != nil {
		return fail("no catalog")
	}
	af, _ := cat.get("AF").(parray)
	for _, a := range af {
		ref, _ := a.(pref)
		spec, err := f.dict(int(ref))
		if err != nil {
			continue
		}
		if rel, _ := spec.get("AFRelationship").(pname); rel != "Source" {
			continue
		}
		ef, _ := spec.get("EF").(*pdict)
		if ef == nil {
			continue
		}
		sref, _ := ef.get("F").(pref)
		return f.stream(int(sref))
	}
	return fail("no source attached")
}

// stream returns the decoded data of stream object n (Flate or none).
func (f *fpdfFile) stream(n int) ([]byte, error) {
	d, err := f.dict(n)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w: %w", ErrSource, err)
	}
	obj := f.src[f.offsets[n]:f.ends[n]]
	at := bytes.Index(obj, []byte("stream\n"))
	length, ok := d.get("Length").(praw)
	var size int
	if _, err := fmt.Sscan(string(length), &size); !ok || err != nil || at < 0 || at+7+size > len(obj) {
		return nil, fmt.Errorf("pdf: %w: stream %d", ErrSource, n)
	}
	raw := obj[at+7 : at+7+size]
	if flt, _ := d.get("Filter").(pname); flt == "" {
		return raw, nil
	} else if flt != "FlateDecode" {
		return nil, fmt.Errorf("pdf: %w: stream %d: filter %s", ErrSource, n, flt)
	}
	z, err := zlib.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("pdf: %w: stream %d: %w", ErrSource, n, err)
	}
	out, err := io.ReadAll(io.LimitReader(z, maxSource+1))
	if err != nil || len(out) > maxSource {
		return nil, fmt.Errorf("pdf: %w: stream %d: not a whole source within %d MB", ErrSource, n, maxSource>>20)
	}
	return out, nil
}
