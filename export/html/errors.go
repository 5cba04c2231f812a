package html

import "errors"

// Sentinel errors, for errors.Is.
var (
	ErrOptions = errors.New("invalid options")  // a nil document or writer, an unknown edition, a language the briefing lacks
	ErrRender  = errors.New("rendering failed") // a bug of the renderer: a panic, recovered, or a broken tree
)
