package pdf

import "testing"

// TestPaginateTables checks that a table's header is repeated on each page
// it continues on, and that rows are never split.
func TestPaginateTables(t *testing.T) {
	head := &item{h: 8}
	items := []*item{head}
	for range 60 {
		items = append(items, &item{h: 11, header: head})
	}
	pages, _ := paginate(items, nil, false, a4)
	if len(pages) < 2 {
		t.Fatalf("%d pages", len(pages))
	}
	rows := 0
	for i, p := range pages {
		if p.items[0].it != head {
			t.Errorf("page %d does not start with the table header", i+1)
		}
		for _, pl := range p.items {
			if pl.y+pl.it.h > a4.bodyBottom+1e-9 {
				t.Errorf("page %d: an item runs past the foot of the page", i+1)
			}
			if pl.it != head {
				rows++
			}
		}
	}
	if rows != 60 {
		t.Errorf("%d rows placed, want 60", rows)
	}
}

// TestPaginateFootnotes checks that each footnote starts on the page that
// calls it, that a long one continues on the next page, and that none is
// lost.
func TestPaginateFootnotes(t *testing.T) {
	notes := map[int][]noteLine{}
	var items []*item
	for n := 1; n <= 40; n++ {
		lines := 2
		if n == 7 {
			lines = 120 // longer than a page
		}
		for k := range lines {
			notes[n] = append(notes[n], noteLine{h: 3, first: k == 0})
		}
		items = append(items, &item{h: 5, notes: []int{n}})
	}
	pages, _ := paginate(items, notes, false, a4)
	placed := 0
	startPage := map[int]int{}
	for i, p := range pages {
		for _, l := range p.notes {
			placed++
			_ = l
		}
		for _, pl := range p.items {
			for _, n := range pl.it.notes {
				startPage[n] = i
			}
		}
		if p.noteTop > 0 {
			h := 0.0
			for _, l := range p.notes {
				h += l.h
			}
			if p.noteTop+noteSep+h > a4.bodyBottom+1e-9 {
				t.Errorf("page %d: footnotes run past the foot", i+1)
			}
			bottom := 0.0
			for _, pl := range p.items {
				bottom = max(bottom, pl.y+pl.it.h)
			}
			if bottom > p.noteTop+1e-9 {
				t.Errorf("page %d: body text runs into the footnotes", i+1)
			}
		}
	}
	want := 39*2 + 120
	if placed != want {
		t.Errorf("%d footnote lines placed, want %d", placed, want)
	}
	// The first line of footnote 7 is on the page that calls it.
	p := pages[startPage[7]]
	found := false
	for _, l := range p.notes {
		if l.first && l.h == 3 {
			found = true
		}
	}
	if !found || len(pages) < 3 {
		t.Errorf("footnote 7 does not start on its page, or was not continued (%d pages)", len(pages))
	}
}
