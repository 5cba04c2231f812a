package html

import _ "embed"

//go:embed style.css
var stylesheet string

// Stylesheet returns the stylesheet of the briefings, which a whole
// document holds in a <style> element: a server that sends fragments
// (Options.Fragment), or whose Content-Security-Policy allows no inline
// style, serves it as a file of its own. It is the same for every
// briefing, edition and language. See the package documentation for the
// classes a page may rely on.
func Stylesheet() string { return stylesheet }
