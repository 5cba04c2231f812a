package html_test

import (
	"strings"
	"testing"

	"github.com/coibrief/coibrief/examples/dossiers"
	"github.com/coibrief/coibrief/export/html"
	"github.com/coibrief/coibrief/report"

	xhtml "golang.org/x/net/html"
)

// updateDoc builds the bilingual update briefing of the Georgian
// example, version 1.1 against 1.0.
func updateDoc(t testing.TB) *report.Document {
	t.Helper()
	old, _, err := dossiers.Load("ge-example.v1.json")
	if err != nil {
		t.Fatal(err)
	}
	new, _, err := dossiers.Load("ge-example.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := report.Compare(old, new)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := report.Build(new, report.Options{Languages: new.Languages, Changes: c})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestUpdateBriefing parses the update briefing in each edition: the
// changes section comes first, each link of a change leads to an element
// of the page, a rewording marks its words with <del> and <ins>, and each
// changed paragraph carries the class, the word and the id that mark it.
func TestUpdateBriefing(t *testing.T) {
	doc := updateDoc(t)
	for _, c := range []struct {
		name  string
		opt   html.Options
		langs []string
	}{
		{"single", html.Options{}, []string{"fr"}},
		{"english", html.Options{Language: doc.Languages[1]}, []string{"en"}},
		{"parallel", html.Options{Edition: html.Parallel}, []string{"fr", "en"}},
		{"sequential", html.Options{Edition: html.Sequential}, []string{"fr", "en"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := parse(t, render(t, doc, c.opt), false)
			checkStructure(t, p, c.langs)
			var sections []*xhtml.Node
			for _, s := range p.elements("section") {
				if hasClass(s, "cb-changes") {
					sections = append(sections, s)
				}
			}
			if want := len(c.langs); c.opt.Edition != html.Sequential {
				want = 1
				if len(sections) != want {
					t.Fatalf("%d sections of changes; want %d", len(sections), want)
				}
			} else if len(sections) != want {
				t.Fatalf("%d sections of changes; want %d", len(sections), want)
			}
			for i, s := range sections {
				lang := c.langs[len(c.langs)-1]
				if len(sections) > 1 {
					lang = c.langs[i]
				}
				if first := ancestor(s, func(a *xhtml.Node) bool { return a.Data == "article" }); first == nil {
					t.Fatal("changes outside the article")
				}
				items := 0
				links := 0
				for n := range s.Descendants() {
					if n.Type != xhtml.ElementNode {
						continue
					}
					if n.Data == "li" && hasClass(n, "cb-change") {
						items++
					}
					if n.Data == "a" {
						href := attrOf(n, "href")
						if !strings.HasPrefix(href, "#") || p.ids[href[1:]] == nil {
							t.Errorf("link %q leads nowhere", href)
						}
						links++
					}
				}
				if items != 15 || links < 8*len(c.langs)/len(sections) {
					t.Errorf("%d changes with %d links; want 15 with at least 8 each", items, links)
				}
				text := textOf(s)
				for _, want := range map[string][]string{
					"fr": {"Modifications depuis la version 1.0", "Chiffre révisé", "Reformulé", "Entrée modifiée", "Heure : – → 13 h", "Source modifiée", "; Titre"},
					"en": {"Changes since version 1.0", "Figure revised", "Reworded", "Entry edited", "; Time: – → 13:00", "Source edited", "; Title"},
				}[lang] {
					if !strings.Contains(text, want) {
						t.Errorf("the changes do not say %q", want)
					}
				}
			}
			var dels, inss []string
			for _, n := range p.elements("del") {
				dels = append(dels, textOf(n))
			}
			for _, n := range p.elements("ins") {
				inss = append(inss, textOf(n))
			}
			if !contains(dels, "at least") && !contains(dels, "au moins") && !contains(dels, "qu’au moins") {
				t.Errorf("no deleted words of the rewording in %q", dels)
			}
			if !contains(inss, "13") {
				t.Errorf("no inserted 13 in %q", inss)
			}
			// The source's title, in Turkish in every column, its letters restored.
			if !contains(dels, "Gurcu") || !contains(inss, "işçilerden") {
				t.Errorf("no rewording of the source's title in %q and %q", dels, inss)
			}
			marked := 0
			for n := range p.root.Descendants() {
				if n.Type == xhtml.ElementNode && hasClass(n, "cb-changed") {
					marked++
					mark := false
					for m := range n.Descendants() {
						if m.Type == xhtml.ElementNode && hasClass(m, "cb-mark") {
							mark = true
						}
					}
					if !mark {
						t.Errorf("a changed paragraph without its mark: %.80s", textOf(n))
					}
				}
			}
			if marked < 4 {
				t.Errorf("%d changed paragraphs marked; want 4 or more", marked)
			}
		})
	}
	// Without an earlier version, nothing of this.
	plain := render(t, exampleDoc(t, "ge"), html.Options{})
	for _, s := range []string{"cb-changes", "cb-changed", "cb-mark\""} {
		if strings.Contains(string(plain), `class="`+s) {
			t.Errorf("an ordinary briefing has %s", s)
		}
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
