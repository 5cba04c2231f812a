package pdf

import "errors"

// Sentinel errors, for errors.Is.
var (
	ErrOptions = errors.New("invalid options")        // an unknown edition, a language the briefing lacks
	ErrGlyph   = errors.New("character not in fonts") // text the embedded fonts cannot draw; Check finds it in a dossier
	ErrRender  = errors.New("rendering failed")       // the PDF library failed or panicked
	ErrSource  = errors.New("no source to extract")   // ExtractSource found no attached source it can read
)
