package synth

import "github.com/coibrief/coibrief/model"

// Dossier generates the dossier opt describes and returns it in memory.
// It suits modest sizes (some ten thousand entries and a hundred thousand
// figures); WriteJSON writes larger ones.
func Dossier(opt Options) (*model.Dossier, error) {
	g, err := newGen(opt)
	if err != nil {
		return nil, err
	}
	d := g.front()
	d.Chronology = make([]model.Day, len(g.headings))
	for i := range g.headings {
		h := &g.headings[i]
		day := g.day(h)
		day.Entries = make([]model.Entry, h.count)
		for s := range day.Entries {
			day.Entries[s] = g.entry(h, s)
		}
		d.Chronology[i] = day
	}
	d.Places = make([]model.Place, g.sz.places())
	for i := range d.Places {
		d.Places[i] = g.place(i).Place
	}
	d.Sources = make([]model.Source, g.sz.sources)
	for j := range d.Sources {
		d.Sources[j] = g.source(j)
	}
	if g.sz.figures > 0 {
		d.Figures = make([]model.Figure, 0, g.sz.figures)
		for b := range g.figureBlocks() {
			for _, f := range g.figureBlock(b) {
				d.Figures = append(d.Figures, f.Figure)
			}
		}
	}
	return d, nil
}

// day returns the Day of heading h, without its entries.
func (g *gen) day(h *heading) model.Day {
	return model.Day{When: h.when, Precision: h.prec, Title: h.title}
}
