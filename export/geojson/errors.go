package geojson

import "errors"

// Sentinel errors, for errors.Is.
var (
	ErrOptions = errors.New("invalid options") // a nil document or writer, a language the document lacks
	ErrWrite   = errors.New("writing failed")  // the writer failed
)
