package kazakhstan_test

import (
	"bufio"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

func load(t *testing.T) (*model.Dossier, model.Issues) {
	t.Helper()
	d, issues, err := kazakhstan.Dossier()
	if err != nil {
		for _, is := range issues.Errors() {
			t.Log(is)
		}
		t.Fatal(err)
	}
	return d, issues
}

// cited returns the dossier's cited statements in reading order:
// background, chronology, thematic sections. Each is one footnote.
func cited(d *model.Dossier) []*model.Statement {
	var out []*model.Statement
	add := func(s *model.Statement) {
		if len(s.Sources) > 0 {
			out = append(out, s)
		}
	}
	for i := range d.Background {
		add(&d.Background[i])
	}
	for i := range d.Chronology {
		for j := range d.Chronology[i].Entries {
			add(&d.Chronology[i].Entries[j].Statement)
		}
	}
	var walk func([]model.Section)
	walk = func(ss []model.Section) {
		for i := range ss {
			for j := range ss[i].Paragraphs {
				add(&ss[i].Paragraphs[j])
			}
			walk(ss[i].Sections)
		}
	}
	walk(d.Sections)
	return out
}

func TestLoadsWithoutErrors(t *testing.T) {
	_, issues := load(t)
	for _, is := range issues {
		if is.Erratum == nil {
			t.Errorf("warning not explained by an erratum: %v", is)
		}
	}
}

func TestCounts(t *testing.T) {
	d, _ := load(t)
	entries := 0
	for _, day := range d.Chronology {
		entries += len(day.Entries)
	}
	for _, c := range []struct {
		what      string
		got, want int
	}{
		{"days", len(d.Chronology), 10},
		{"chronology entries", entries, 104},
		{"background statements", len(d.Background), 4},
		{"thematic sections", len(d.Sections), 3},
		{"footnotes (cited statements)", len(cited(d)), 139},
		{"sources (87 in the note's bibliography + the secondary summary)", len(d.Sources), 88},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %d, want %d", c.what, c.got, c.want)
		}
	}
	if len(d.Places) < 36 {
		t.Errorf("places: got %d, want at least the 31 cities and regions the note names plus countries and sites", len(d.Places))
	}
	if len(d.Figures) < 50 {
		t.Errorf("figures: got %d, want at least 50", len(d.Figures))
	}
}

// TestFootnotes checks every statement's citations against the note's
// footnotes, in order and with repeats (testdata/footnotes.tsv).
func TestFootnotes(t *testing.T) {
	d, _ := load(t)
	f, err := os.Open("testdata/footnotes.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	stmts := cited(d)
	errata := map[string]bool{}
	for _, e := range d.Errata {
		if e.Ref.Kind == model.RefStatement && e.Field == "sources" {
			errata[e.Ref.ID] = true
		}
	}
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		num, list, _ := strings.Cut(line, "\t")
		n++
		if strconv.Itoa(n) != num {
			t.Fatalf("testdata out of order at footnote %s", num)
		}
		if n > len(stmts) {
			t.Fatalf("footnote %d: the dossier has only %d cited statements", n, len(stmts))
		}
		s := stmts[n-1]
		var want []string
		ambiguous := false
		for _, id := range strings.Fields(list) {
			if strings.HasSuffix(id, "*") {
				ambiguous = true
				id = strings.TrimSuffix(id, "*")
			}
			want = append(want, id)
		}
		var got []string
		for _, id := range s.Sources {
			got = append(got, string(id))
		}
		if !slices.Equal(got, want) {
			t.Errorf("footnote %d (statement %s): sources\n got %v\nwant %v", n, s.ID, got, want)
		}
		if ambiguous && !errata[string(s.ID)] {
			t.Errorf("footnote %d (statement %s) resolves an ambiguous citation without an erratum saying how", n, s.ID)
		}
	}
	if n != 139 {
		t.Errorf("testdata has %d footnotes, want 139", n)
	}
}

func TestBothLanguagesEverywhere(t *testing.T) {
	d, _ := load(t)
	if !slices.Equal(d.Languages, []language.Tag{language.French, language.English}) {
		t.Errorf("languages %v, want [fr en]", d.Languages)
	}
	for _, s := range cited(d) {
		for _, tag := range d.Languages {
			if txt, ok := s.Text.In(tag); !ok || len(txt) < 20 {
				t.Errorf("statement %s: %s text %q is missing or too short", s.ID, tag, txt)
			}
		}
		fr, en := s.Text[language.French], s.Text[language.English]
		if fr == en {
			t.Errorf("statement %s: French and English texts are identical", s.ID)
		}
	}
}

// TestNeverCited checks the seven bibliography entries that no footnote of
// the note cites: the dossier keeps them, and an erratum says so.
func TestNeverCited(t *testing.T) {
	d, _ := load(t)
	byStatement := map[model.SourceID]bool{}
	for _, s := range cited(d) {
		for _, id := range s.Sources {
			byStatement[id] = true
		}
	}
	explained := map[string]bool{}
	for _, e := range d.Errata {
		if e.Ref.Kind == model.RefSource && e.Field == "citations" {
			explained[e.Ref.ID] = true
		}
	}
	var got []string
	for _, s := range d.Sources {
		if !byStatement[s.ID] && s.ID != "websummary-2022-03-25" {
			got = append(got, string(s.ID))
			if !explained[string(s.ID)] {
				t.Errorf("source %s is cited by no footnote and no erratum says so", s.ID)
			}
		}
	}
	slices.Sort(got)
	want := []string{"azatlyk-2022-01-07-1", "azattyk-2022-01-10-2", "dojd-2022-01-07", "dojd-2022-01-10-4", "dojd-2022-01-11-3", "ekhomoskvy-2022-01-13", "rferl-2022-01-05"}
	if !slices.Equal(got, want) {
		t.Errorf("sources cited by no footnote:\n got %v\nwant %v", got, want)
	}
}
