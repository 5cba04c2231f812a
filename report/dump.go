package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Dump writes a stable, readable outline of d: every section, block,
// footnote, bibliography entry, figure and map point, with texts cut to
// their first words. Tests compare dumps with golden files; a dump is
// also a quick way to see what a renderer will be given.
//
// A document that fails Check, and a nil writer, are errors.
func (d *Document) Dump(w io.Writer) error {
	if err := d.Check(); err != nil {
		return err
	}
	if w == nil {
		return fmt.Errorf("report: %w: nil writer", ErrOptions)
	}
	p := &dumper{w: w}
	p.f("document %s %v\n", d.DossierID, d.Languages)
	p.f("title %s\n", p.l(d.Meta.Title, 80))
	p.f("published %s updated %s\n", d.Meta.Published, d.Meta.Updated)
	for _, f := range d.Meta.Method {
		p.f("method %s: %s\n", p.l(f.Label, 40), p.l(f.Value, 60))
	}
	for _, f := range d.Filters {
		p.f("filter %s\n", p.l(f, 80))
	}
	for _, c := range d.Contents {
		p.f("contents %s%s #%s\n", strings.Repeat("  ", c.Level-1), p.l(c.Title, 60), c.Anchor)
	}
	err := Walk(d, func(n Node, entering bool) (WalkStatus, error) {
		if !entering {
			switch n.(type) {
			case *Section, *PlaceGroup, *List:
				p.depth--
			}
			return WalkContinue, nil
		}
		switch n := n.(type) {
		case *Section:
			p.line("section %s #%s %s", n.Kind, n.Anchor, p.l(n.Title, 60))
			p.depth++
		case *Paragraph:
			s := fmt.Sprintf("p %s", n.Statement)
			if n.Footnote != nil {
				s += fmt.Sprintf(" [%d]", n.Footnote.Number)
			}
			if e := n.Entry; e != nil {
				s += " " + e.Kind.String()
				if e.WhenText[0] != "" {
					s += " when=" + p.l(e.WhenText, 40)
				}
				if e.Time != nil {
					s += " time=" + p.l(e.TimeText, 20)
				}
				if len(e.Places) > 0 {
					s += fmt.Sprintf(" places=%v", e.Places)
				}
			}
			if n.ReliabilityText[0] != "" {
				s += " !" + p.l(n.ReliabilityText, 30)
			}
			if n.Changed != 0 {
				s += fmt.Sprintf(" changed=%s #%s", n.Changed, n.Anchor)
			}
			p.line("%s %s", s, p.l(n.Text, 50))
		case *PlaceGroup:
			p.line("group %s %s", n.Place, p.l(n.Name, 30))
			p.depth++
		case *List:
			p.line("list (%d)", len(n.Items))
			p.depth++
		default:
			p.line("%T", n)
		}
		return WalkContinue, nil
	})
	if err != nil {
		return err
	}
	for _, fn := range d.Footnotes {
		cites := make([]string, len(fn.Citations))
		for i, c := range fn.Citations {
			cites[i] = p.l(c.Text, 60)
		}
		note := ""
		if fn.Note[0] != "" {
			note = " note=" + p.l(fn.Note, 40)
		}
		p.f("footnote %d %s%s: %s\n", fn.Number, fn.Statement, note, strings.Join(cites, "; "))
	}
	for _, g := range d.Bibliography {
		p.f("bibliography %s %s (%d)\n", g.Category, p.l(g.Title, 40), len(g.Items))
		for _, it := range g.Items {
			p.f("  %s %s | %s | %s | %s | cited %v\n", it.ID, p.l(it.Date, 40), it.Outlet, cut(it.Title, 50), it.Link, it.Footnotes)
		}
	}
	if fs := d.Figures; fs != nil {
		ids := make([]string, 0, fs.Count)
		err := fs.Each(func(it *FigureItem) error {
			ids = append(ids, string(it.ID))
			p.f("figure %s %s/%s %s %s as of %s reported %s by %s: %s\n", it.ID, it.Figure.Metric, it.Figure.Party,
				p.l(it.Value, 40), p.l(it.Scope, 20), it.Figure.AsOf, it.Figure.Reported, p.l(it.Claimant, 40), p.l(it.Status, 30))
			return nil
		})
		if err != nil {
			return err
		}
		id := func(r FigureRef) string {
			if r < 0 || int(r) >= len(ids) {
				return fmt.Sprintf("#%d?", r)
			}
			return ids[r]
		}
		for _, k := range fs.Key {
			o, i := "-", "-"
			if k.Official != nil {
				o = string(k.Official.ID)
			}
			if k.Independent != nil {
				i = string(k.Independent.ID)
			}
			p.f("key %s official=%s independent=%s\n", p.l(k.Label, 50), o, i)
		}
		for _, c := range fs.Contested {
			ids := make([]string, len(c.Figures))
			for i, r := range c.Figures {
				ids[i] = id(r)
			}
			p.f("contested %s spread %s: %s\n", p.l(c.Label, 50), p.l(c.Spread, 30), strings.Join(ids, ", "))
		}
		for _, r := range fs.Retracted {
			p.f("retracted %s\n", id(r))
		}
		for _, s := range fs.Series {
			pts := make([]string, len(s.Points))
			for i, pt := range s.Points {
				pts[i] = fmt.Sprintf("%s=%g", pt.Date, pt.Value)
				if pt.Retracted {
					pts[i] += "(retracted)"
				}
			}
			p.f("series %s: %s\n", p.l(s.Label, 50), strings.Join(pts, " "))
		}
	}
	if m := d.Map; m != nil {
		p.f("map %s iso=%q %s\n", m.Country, m.ISO, p.l(m.Title, 40))
		for _, pt := range m.Points {
			p.f("map %s (%.2f, %.2f) entries=%d %s..%s %s in %q abroad=%v\n", pt.Place, pt.Coord.Lat, pt.Coord.Lon, pt.Entries, pt.First, pt.Last, pt.Kind, pt.Country, pt.Abroad)
		}
		for _, r := range m.Regions {
			p.f("map region %s %s entries=%d focus=%v polygons=%d\n", r.Place, p.l(r.Name, 30), r.Entries, r.Focus, len(r.Outline.Polygons))
		}
		for _, c := range m.Neighbours {
			p.f("map neighbour %s %s\n", c.ISO, p.l(c.Name, 30))
		}
		ext := make([]string, len(m.Extent))
		for i, c := range m.Extent {
			ext[i] = fmt.Sprintf("(%.2f, %.2f)", c.Lat, c.Lon)
		}
		p.f("map extent %s\n", strings.Join(ext, " "))
		p.f("map legend %v outside %v\n", m.Kinds, m.Outside)
	}
	for _, pl := range d.Places {
		p.f("place %s %s %s in %s entries=%d %s..%s\n", pl.ID, pl.Kind, p.l(pl.Name, 30), pl.Region, pl.Entries, pl.First, pl.Last)
	}
	for _, e := range d.Errata {
		p.f("erratum %s %s printed=%q %s\n", e.Ref, e.Field, cut(e.Printed, 40), p.l(e.Subject, 40))
	}
	if c := d.Changes; c != nil {
		p.f("changes since %q %s #%s %s\n", c.Since, c.SinceDate, c.Anchor, p.l(c.Title, 60))
		for _, v := range c.Versions {
			p.f("changes version %s: %s\n", p.l(v.Label, 40), p.l(v.Value, 60))
		}
		if c.Empty[0] != "" {
			p.f("changes none %s\n", p.l(c.Empty, 60))
		}
		for _, it := range c.Items {
			s := fmt.Sprintf("change %s %s", it.Kind, it.Ref)
			if it.Anchor != "" {
				s += " #" + it.Anchor
			}
			s += " " + p.l(it.Subject, 60)
			if len(it.Field) > 0 && it.Field[0] != "" {
				s += " (" + p.l(it.Field, 30) + ")"
			}
			if it.Old[0] != "" || it.New[0] != "" {
				s += " [" + p.l(it.Old, 40) + " → " + p.l(it.New, 40) + "]"
			}
			for _, runs := range it.Words {
				var b strings.Builder
				for _, r := range runs {
					switch r.Op {
					case Deleted:
						b.WriteString("[-" + cut(r.Text, 40) + "-]")
					case Inserted:
						b.WriteString("{+" + cut(r.Text, 40) + "+}")
					}
				}
				s += " " + b.String()
			}
			p.f("%s\n", s)
		}
	}
	return p.err
}

type dumper struct {
	w     io.Writer
	depth int
	err   error
}

func (p *dumper) f(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *dumper) line(format string, args ...any) {
	p.f("%s"+format+"\n", append([]any{strings.Repeat("  ", p.depth)}, args...)...)
}

// l joins the languages of an L with " | ", each cut to n runes.
func (p *dumper) l(t L, n int) string {
	parts := make([]string, len(t))
	for i, s := range t {
		parts[i] = cut(s, n)
	}
	return strings.Join(parts, " | ")
}

func cut(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
