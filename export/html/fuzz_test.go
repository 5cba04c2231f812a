package html_test

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"testing"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/export/html"
	"github.com/coibrief/coibrief/internal/fuzzdossier"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/language"

	xhtml "golang.org/x/net/html"
)

// FuzzRender renders briefings of edited dossiers (see package
// fuzzdossier) in every edition, whole and as fragments. The renderer
// must never fail (ErrRender) on what Build accepts, render every valid
// edition, never return bytes with an error, and write a page whose ids
// are unique and which holds no element a text could have made.
func FuzzRender(f *testing.F) {
	bases, err := fuzzdossier.Bases()
	if err != nil {
		f.Fatal(err)
	}
	data, err := os.ReadFile("../../model/testdata/minimal.json")
	if err != nil {
		f.Fatal(err)
	}
	bases = append(bases, data, kazakhstan.JSON())
	for i := range bases {
		for _, knobs := range []uint16{0, 1, 1 | 1<<8, 1 | 2<<8, 0x0049 | 3<<8, 1 | 1<<8 | 1<<11} {
			f.Add(uint8(i), []byte{}, "", knobs)
		}
		for _, s := range hostile {
			f.Add(uint8(i), []byte{0, 0, 30, 5, 0, 2, 0, 12, 1, 0, 4, 0, 40, 0}, s, uint16(1|1<<8))
		}
		f.Add(uint8(i), []byte{0, 0, 30, 5, 0, 2, 0, 12, 1, 0, 4, 0, 40, 0}, "الجزيرة 2022، (עברית) \u2067x\u2069 \u202eabc\u202c 東京", uint16(1|2<<8))
	}
	f.Fuzz(func(t *testing.T, base uint8, ops []byte, text string, knobs uint16) {
		d, err := model.Unmarshal(fuzzdossier.Pick(base, bases))
		if err != nil {
			t.Fatal(err)
		}
		fuzzdossier.Apply(d, ops, text)
		ropt, _ := fuzzdossier.Options(d, knobs)
		doc, err := report.Build(d, ropt)
		if err != nil {
			return
		}
		opt := html.Options{Edition: html.Edition(knobs >> 8 % 4), Fragment: knobs&(1<<11) != 0}
		validOpt := opt.Edition == html.Single || opt.Edition <= html.Sequential && len(doc.Languages) == 2
		if opt.Edition == html.Single && knobs&(1<<10) != 0 {
			opt.Language = language.English
			validOpt = validOpt && slices.Contains(doc.Languages, language.English)
		}
		out, _, err := html.Render(doc, opt)
		switch {
		case errors.Is(err, html.ErrRender):
			t.Fatalf("render failed: %v", err)
		case err != nil && out != nil:
			t.Fatal("bytes returned with an error")
		case err != nil && validOpt:
			t.Fatalf("edition %+v: %v", opt, err)
		case err != nil:
			return
		}
		var root *xhtml.Node
		if opt.Fragment {
			nodes, err := xhtml.ParseFragment(bytes.NewReader(out), &xhtml.Node{Type: xhtml.ElementNode, Data: "body", DataAtom: atom.Body})
			if err != nil || len(nodes) != 2 || nodes[0].Data != "article" {
				t.Fatalf("a fragment of %d nodes: %v", len(nodes), err)
			}
			root = nodes[0]
		} else if root, err = xhtml.Parse(bytes.NewReader(out)); err != nil {
			t.Fatal(err)
		}
		ids := map[string]bool{}
		for n := range root.Descendants() {
			if n.Type != xhtml.ElementNode {
				continue
			}
			switch n.Data {
			case "script", "img", "iframe", "object", "embed", "link", "base", "form":
				t.Fatalf("a <%s> element", n.Data)
			}
			for _, a := range n.Attr {
				if a.Key == "id" {
					if ids[a.Val] {
						t.Fatalf("id %q twice", a.Val)
					}
					ids[a.Val] = true
				}
				if len(a.Key) > 2 && a.Key[:2] == "on" || a.Key == "style" {
					t.Fatalf("a %s attribute", a.Key)
				}
			}
		}
	})
}
