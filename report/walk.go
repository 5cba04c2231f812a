package report

import "fmt"

// Node is a node of the briefing tree: a *Section or a Block.
type Node interface{ node() }

func (*Section) node()           {}
func (*Paragraph) node()         {}
func (*PlaceGroup) node()        {}
func (*List) node()              {}
func (*FigureTable) node()       {}
func (*ContestedTable) node()    {}
func (*Chart) node()             {}
func (*MapBlock) node()          {}
func (*BibliographyBlock) node() {}
func (*ErrataBlock) node()       {}

func (*Paragraph) block()         {}
func (*PlaceGroup) block()        {}
func (*List) block()              {}
func (*FigureTable) block()       {}
func (*ContestedTable) block()    {}
func (*Chart) block()             {}
func (*MapBlock) block()          {}
func (*BibliographyBlock) block() {}
func (*ErrataBlock) block()       {}

// WalkStatus tells Walk how to go on.
type WalkStatus uint8

// Walk statuses.
const (
	WalkContinue     WalkStatus = iota // visit the node's children
	WalkSkipChildren                   // do not visit the node's children
	WalkStop                           // stop walking
)

// Walk visits the sections of d depth-first in reading order, calling fn
// when entering a node and again when leaving it (entering false). A
// section's blocks come before its subsections; the paragraphs of a
// PlaceGroup or List are its children. fn's error stops the walk and is
// returned. A nil document or function is an error, and so is a nil
// node, which stops the walk there (an error wrapping ErrDocument).
func Walk(d *Document, fn func(n Node, entering bool) (WalkStatus, error)) error {
	if d == nil || fn == nil {
		return fmt.Errorf("report: %w: Walk needs a document and a function", ErrOptions)
	}
	for _, s := range d.Sections {
		st, err := walk(s, fn)
		if err != nil || st == WalkStop {
			return err
		}
	}
	return nil
}

func walk(n Node, fn func(Node, bool) (WalkStatus, error)) (WalkStatus, error) {
	if isNil(n) {
		return WalkStop, fmt.Errorf("report: %w: nil %T in the tree", ErrDocument, n)
	}
	st, err := fn(n, true)
	if err != nil || st == WalkStop {
		return WalkStop, err
	}
	if st != WalkSkipChildren {
		var kids []Node
		switch n := n.(type) {
		case *Section:
			for _, b := range n.Blocks {
				kids = append(kids, b)
			}
			for _, s := range n.Sections {
				kids = append(kids, s)
			}
		case *PlaceGroup:
			for _, p := range n.Items {
				kids = append(kids, p)
			}
		case *List:
			for _, p := range n.Items {
				kids = append(kids, p)
			}
		}
		for _, k := range kids {
			if st, err := walk(k, fn); err != nil || st == WalkStop {
				return WalkStop, err
			}
		}
	}
	if st, err := fn(n, false); err != nil || st == WalkStop {
		return WalkStop, err
	}
	return WalkContinue, nil
}

// isNil reports whether n is nil or a nil pointer of a node type.
func isNil(n Node) bool {
	switch n := n.(type) {
	case nil:
		return true
	case *Section:
		return n == nil
	case *Paragraph:
		return n == nil
	case *PlaceGroup:
		return n == nil
	case *List:
		return n == nil
	case *FigureTable:
		return n == nil
	case *ContestedTable:
		return n == nil
	case *Chart:
		return n == nil
	case *MapBlock:
		return n == nil
	case *BibliographyBlock:
		return n == nil
	case *ErrataBlock:
		return n == nil
	case *ChangesBlock:
		return n == nil
	}
	return false
}
