package report_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// earlier returns a made-up earlier version of the Kazakhstan dossier,
// a test fixture: version 1.0 of 22 February 2022 in which one entry on
// Almaty was missing, one on Shymkent was worded otherwise, a toll was
// lower and an entry stood on another day. The dossier's own history
// does not record these changes.
func earlier(t testing.TB, d *model.Dossier) *model.Dossier {
	t.Helper()
	old := clone(t, d)
	old.Method.Version, old.Updated = "1.0", model.Date{}
	old.History = old.History[:1]            // 1.0 only
	day, j := entry(t, old, "2022-01-05-04") // Almaty: added in the later version
	day.Entries = slices.Delete(day.Entries, j, j+1)
	day, j = entry(t, old, "2022-01-04-03") // reworded
	day.Entries[j].Text[fr] = strings.Replace(day.Entries[j].Text[fr], "Pacifiques jusque-là", "Calmes jusque-là", 1)
	day.Entries[j].Text[en] = strings.Replace(day.Entries[j].Text[en], "turned violent", "turned very violent", 1)
	from, j := entry(t, old, "2022-01-06-02") // moved from 7 January in the earlier version
	e := from.Entries[j]
	from.Entries = slices.Delete(from.Entries, j, j+1)
	to, _ := entry(t, old, "2022-01-07-01")
	to.Entries = append(to.Entries, e)
	figure(t, old, "fig-01").Value = 225
	return old
}

func updateBriefing(t *testing.T, opt report.Options) *report.Document {
	t.Helper()
	d := dossier(t)
	c, err := report.Compare(earlier(t, d), d)
	if err != nil {
		t.Fatal(err)
	}
	opt.Changes = c
	return build(t, d, opt)
}

// TestUpdateBriefing checks the changes part of a bilingual update
// briefing against its golden dump.
func TestUpdateBriefing(t *testing.T) {
	doc := updateBriefing(t, report.Options{Languages: []language.Tag{fr, en}})
	golden(t, "kazakhstan-changes-fr-en", doc)
	if doc.Sections[0].Kind != report.SectionChanges || doc.Contents[0].Anchor != doc.Changes.Anchor {
		t.Errorf("the changes are not the first section and first line of the contents")
	}
	var marked []string
	report.Walk(doc, func(n report.Node, entering bool) (report.WalkStatus, error) {
		if p, ok := n.(*report.Paragraph); ok && entering && p.Changed != 0 {
			marked = append(marked, string(p.Statement)+" "+p.Changed.String())
		}
		return report.WalkContinue, nil
	})
	want := []string{"2022-01-04-03 reworded", "2022-01-05-04 entry-added", "2022-01-06-02 entry-moved"}
	if !slices.Equal(marked, want) {
		t.Errorf("marked paragraphs %v; want %v", marked, want)
	}
	for _, it := range doc.Changes.Items {
		if it.Ref.Kind == model.RefStatement && it.Anchor == "" {
			t.Errorf("change %s of %s links nowhere", it.Kind, it.Ref)
		}
	}
	if got := doc.Changes.FigureChange("fig-01", 0); got != "révisé" {
		t.Errorf("fig-01 is %q; want révisé", got)
	}
	if got := doc.Changes.FigureChange("fig-02", 1); got != "unchanged" {
		t.Errorf("fig-02 is %q; want unchanged", got)
	}
}

// TestUpdateBriefingFiltered checks that a briefing on Shymkent lists
// only the changes within its filter.
func TestUpdateBriefingFiltered(t *testing.T) {
	doc := updateBriefing(t, report.Options{Languages: []language.Tag{en}, Filter: report.Filter{Places: []model.PlaceID{"shymkent"}}})
	var kinds []string
	for _, it := range doc.Changes.Items {
		kinds = append(kinds, it.Kind.String()+" "+it.Ref.String())
	}
	want := []string{"metadata dossier:method.version", "metadata dossier:updated", "reworded statement:2022-01-04-03", "entry-moved statement:2022-01-06-02", "figure-revised figure:fig-01", "version-added dossier:history"}
	if !slices.Equal(kinds, want) {
		t.Errorf("changes %v; want %v", kinds, want)
	}
	none := updateBriefing(t, report.Options{Languages: []language.Tag{en}, Filter: report.Filter{Kinds: []model.EventKind{model.KindTorture}}, Omit: []report.Part{report.PartFigures}})
	// the version, the update's date and the version added to the history
	if len(none.Changes.Items) != 3 || none.Changes.Empty[0] != "" {
		t.Errorf("a briefing on torture lists %d changes", len(none.Changes.Items))
	}
}

// TestUpdateBriefingBadChanges gives Build changes made by hand that
// Compare never returns: an unknown kind is an error, not a panic, and
// a change to what the dossier does not hold is left out.
func TestUpdateBriefingBadChanges(t *testing.T) {
	d := dossier(t)
	_, err := report.Build(d, report.Options{Changes: &report.Changes{List: []report.Change{{Kind: 99}}}})
	if err == nil || err.Error() != "report: invalid options: Changes.List[0]: unknown kind of change 99" {
		t.Errorf("got %v", err)
	}
	doc, err := report.Build(d, report.Options{Changes: &report.Changes{List: []report.Change{
		{Kind: report.ChangeReworded, Ref: model.Ref{Kind: model.RefStatement, ID: "nowhere"}},
		{Kind: report.ChangeSourceAdded, Ref: model.Ref{Kind: model.RefSource, ID: "nowhere"}},
		{Kind: report.ChangePlaceAdded, Ref: model.Ref{Kind: model.RefPlace, ID: "nowhere"}},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Check(); err != nil {
		t.Fatal(err)
	}
	if n := len(doc.Changes.Items); n != 2 {
		t.Errorf("%d changes listed; want the source and the place", n)
	}
}

// TestUpdateBriefingEdits checks how a bilingual update briefing lists
// edits of an entry's kind, places and time, of a source's title and
// address, and of a figure's note: the field named, the values
// formatted in each language.
func TestUpdateBriefingEdits(t *testing.T) {
	d := dossier(t)
	old := clone(t, d)
	day, j := entry(t, old, "2022-01-02-05")
	e := &day.Entries[j]
	e.Kind, e.Places = model.KindRiot, []model.PlaceID{"mangystau"}
	e.Time = &model.TimeSpan{Start: model.Clock{Hour: 21}, End: model.Clock{Hour: 21}}
	s := &old.Sources[6]
	s.Title = strings.Replace(s.Title, "Шымкенте", "Чимкенте", 1)
	s.URL = "https://rus.azattyq.org/a/31662714.html"
	f := figure(t, old, "fig-02")
	f.Note[fr] = strings.Replace(f.Note[fr], "milliers", "centaines", 1)
	c, err := report.Compare(old, d)
	if err != nil {
		t.Fatal(err)
	}
	doc := build(t, d, report.Options{Languages: []language.Tag{fr, en}, Changes: c})
	var got []string
	for _, it := range doc.Changes.Items {
		for l := range 2 {
			line := it.KindText[l] + " | " + it.Field[l] + " | " + it.Old[l] + " → " + it.New[l]
			if it.Words != nil && it.Words[l] != nil {
				for _, r := range it.Words[l] {
					switch r.Op {
					case report.Deleted:
						line += "[-" + r.Text + "-]"
					case report.Inserted:
						line += "{+" + r.Text + "+}"
					}
				}
			}
			got = append(got, line)
		}
		if it.Anchor == "" {
			t.Errorf("change %s of %s links nowhere", it.Kind, it.Ref)
		}
	}
	want := []string{
		"Entrée modifiée | Type d'événement | Émeute → Manifestation pacifique",
		"Entry edited | Event kind | Riot → Peaceful protest",
		"Entrée modifiée | Heure | 21\u00a0h → –",
		"Entry edited | Time | 21:00 → –",
		"Entrée modifiée | Lieux | région de Manguistaou → Aktaou",
		"Entry edited | Places | Mangystau Region → Aktau",
		"Chiffre révisé | Note |  → [-centaines-]{+milliers+}",
		"Figure revised | Note |  → ",
		"Source modifiée | Titre |  → [-Чимкенте-]{+Шымкенте+}",
		"Source edited | Title |  → [-Чимкенте-]{+Шымкенте+}",
		"Source modifiée | Adresse | https://rus.azattyq.org/a/31662714.html → https://rus.azattyq.org/a/31662715.html",
		"Source edited | URL | https://rus.azattyq.org/a/31662714.html → https://rus.azattyq.org/a/31662715.html",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}
