package report_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// eachItem returns the figures of doc as Each gives them.
func eachItem(t *testing.T, doc *report.Document) []*report.FigureItem {
	t.Helper()
	var out []*report.FigureItem
	if err := doc.Figures.Each(func(it *report.FigureItem) error {
		out = append(out, it)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFigureItems checks that Each gives Count figures numbered 0, 1, 2…,
// that Item gives the same ones, that every reference of the document
// names a figure that Item makes, and that a number out of range is an
// error, for the full briefing and a filtered one.
func TestFigureItems(t *testing.T) {
	d := dossier(t)
	for _, opt := range []report.Options{
		{Languages: []language.Tag{fr, en}},
		{Languages: []language.Tag{en}, Filter: almaty()},
	} {
		doc := build(t, d, opt)
		fs := doc.Figures
		all := eachItem(t, doc)
		if len(all) != fs.Count || fs.Count == 0 {
			t.Fatalf("Each gave %d figures; Count is %d", len(all), fs.Count)
		}
		derived := 0
		for r, it := range all {
			if it.Ref != report.FigureRef(r) {
				t.Fatalf("figure %d has Ref %d", r, it.Ref)
			}
			if it.Derived {
				derived++
			} else if derived > 0 {
				t.Errorf("figure %d (%s) of the dossier comes after a derived total", r, it.ID)
			}
			got, err := fs.Item(it.Ref)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, it) {
				t.Fatalf("Item(%d) = %s, Each gave %s", r, got.ID, it.ID)
			}
		}
		refs := []report.FigureRef{}
		for _, c := range fs.Contested {
			refs = append(refs, c.Figures...)
		}
		refs = append(refs, fs.Retracted...)
		for _, s := range fs.Series {
			for _, p := range s.Points {
				refs = append(refs, p.Figure)
				if lo, _ := all[p.Figure].Figure.Bounds(); lo != p.Value || all[p.Figure].Figure.Reported != p.Date {
					t.Errorf("point %s=%g is not its figure %s", p.Date, p.Value, all[p.Figure].ID)
				}
			}
		}
		for _, r := range fs.Retracted {
			if all[r].Figure.Status != model.StatusRetracted {
				t.Errorf("retracted figure %s has status %s", all[r].ID, all[r].Figure.Status)
			}
		}
		for _, r := range refs {
			if r < 0 || int(r) >= fs.Count {
				t.Errorf("reference %d out of [0, %d)", r, fs.Count)
			}
		}
		for _, r := range []report.FigureRef{-1, report.FigureRef(fs.Count)} {
			if _, err := fs.Item(r); !errors.Is(err, report.ErrDocument) {
				t.Errorf("Item(%d) = %v, want ErrDocument", r, err)
			}
		}
	}
	if derivedKZ := eachItem(t, build(t, d, report.Options{Languages: []language.Tag{fr}})); !derivedKZ[len(derivedKZ)-1].Derived {
		t.Error("the Kazakhstan briefing ends with no derived total (225 + 19)")
	}
}

// TestFiguresFromFile builds the briefings of the Kazakhstan dossier
// opened with model.OpenFile, its figures left in the file: the same
// documents, dump for dump, as from the dossier in memory.
func TestFiguresFromFile(t *testing.T) {
	file := filepath.Join("..", "examples", "kazakhstan", "kazakhstan.json")
	loaded, _, err := model.LoadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	opened, _, err := model.OpenFile(file, model.HoldFigures(0))
	if err != nil {
		t.Fatal(err)
	}
	defer opened.Close()
	for _, opt := range []report.Options{
		{Languages: []language.Tag{fr, en}},
		{Languages: []language.Tag{fr}, Filter: almaty()},
	} {
		var a, b bytes.Buffer
		if err := build(t, loaded, opt).Dump(&a); err != nil {
			t.Fatal(err)
		}
		if err := build(t, opened, opt).Dump(&b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("filter %+v: the briefing of the opened dossier differs from that of the loaded one", opt.Filter)
		}
	}
}

// TestFigureItemsConcurrent makes items from many goroutines at once, as
// renderers of one document in parallel do; run it with -race.
func TestFigureItemsConcurrent(t *testing.T) {
	doc := build(t, dossier(t), report.Options{Languages: []language.Tag{fr, en}})
	want := eachItem(t, doc)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Go(func() {
			if g%2 == 0 {
				n := 0
				if err := doc.Figures.Each(func(it *report.FigureItem) error {
					if it.ID != want[n].ID {
						return errors.New("Each out of order")
					}
					n++
					return nil
				}); err != nil {
					errs <- err
				}
				return
			}
			for r := doc.Figures.Count - 1; r >= 0; r-- {
				it, err := doc.Figures.Item(report.FigureRef(r))
				if err != nil {
					errs <- err
					return
				}
				if it.ID != want[r].ID {
					errs <- errors.New("Item gave another figure")
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
