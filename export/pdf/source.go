package pdf

import "fmt"

// ExtractSource returns the source attached to a PDF/A file that Render
// wrote with Options.Source: the dossier's JSON, as it was given. It
// reads files of this package only; a file without a source, or one it
// cannot read, is an error wrapping ErrSource.
func ExtractSource(data []byte) ([]byte, error) {
	f, err := readPDF(data)
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
		out, err := f.stream(int(sref))
		if err != nil {
			return nil, fmt.Errorf("pdf: %w: %w", ErrSource, err)
		}
		return out, nil
	}
	return fail("no source attached")
}
