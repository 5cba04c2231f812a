package report_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/internal/fuzzdossier"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// clone returns a deep copy of d, through the codec.
func clone(t testing.TB, d *model.Dossier) *model.Dossier {
	t.Helper()
	var b bytes.Buffer
	if err := model.Encode(&b, d); err != nil {
		t.Fatal(err)
	}
	c, err := model.Unmarshal(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// entry returns the entry id of d.
func entry(t testing.TB, d *model.Dossier, id model.StatementID) (*model.Day, int) {
	t.Helper()
	for i := range d.Chronology {
		for j := range d.Chronology[i].Entries {
			if d.Chronology[i].Entries[j].ID == id {
				return &d.Chronology[i], j
			}
		}
	}
	t.Fatalf("no entry %s", id)
	return nil, 0
}

func figure(t testing.TB, d *model.Dossier, id model.FigureID) *model.Figure {
	t.Helper()
	for i := range d.Figures {
		if d.Figures[i].ID == id {
			return &d.Figures[i]
		}
	}
	t.Fatalf("no figure %s", id)
	return nil
}

// changeLines writes each change on one line: kind, ref, field or
// source, old → new, and each rewording's diff with [-deleted-] and
// {+inserted+} words.
func changeLines(c *report.Changes) []string {
	var out []string
	for _, ch := range c.List {
		s := ch.Kind.String() + " " + ch.Ref.String()
		if ch.Field != "" {
			s += " " + ch.Field
		}
		if ch.Source != "" {
			s += " " + string(ch.Source)
		}
		if ch.Old != "" || ch.New != "" {
			s += fmt.Sprintf(" %q→%q", ch.Old, ch.New)
		}
		for _, w := range ch.Words {
			s += " " + w.Language.String() + ":" + diffString(w.Diff)
		}
		out = append(out, s)
	}
	return out
}

func diffString(runs []report.Run) string {
	var b strings.Builder
	for _, r := range runs {
		switch r.Op {
		case report.Equal:
			b.WriteString(r.Text)
		case report.Deleted:
			b.WriteString("[-" + r.Text + "-]")
		case report.Inserted:
			b.WriteString("{+" + r.Text + "+}")
		}
	}
	return b.String()
}

// TestCompare checks the change list for each kind of change, made to a
// copy of the Kazakhstan dossier.
func TestCompare(t *testing.T) {
	base := dossier(t)
	for _, c := range []struct {
		name   string
		change func(t *testing.T, d *model.Dossier)
		want   []string
	}{
		{"nothing", func(*testing.T, *model.Dossier) {}, nil},
		{"metadata", func(t *testing.T, d *model.Dossier) {
			d.Method.Version, d.Method.CutOff, d.Updated = "1.2", date("2022-03-20"), date("2022-04-01")
		}, []string{
			`metadata dossier:method.version method.version "1.1"→"1.2"`,
			`metadata dossier:updated updated "2022-03-25"→"2022-04-01"`,
			`metadata dossier:method.cutOff method.cutOff "2022-02-08"→"2022-03-20"`,
		}},
		{"entry added", func(t *testing.T, d *model.Dossier) {
			day, _ := entry(t, d, "2022-01-02-05")
			e := day.Entries[0]
			e.ID, e.Text = "2022-01-02-99", model.T(fr, "Une entrée ajoutée.", en, "An added entry.")
			day.Entries = append(day.Entries, e)
		}, []string{`entry-added statement:2022-01-02-99 ""→"2022-01-02"`}},
		{"entry removed", func(t *testing.T, d *model.Dossier) {
			day, j := entry(t, d, "2022-01-03-04")
			day.Entries = slices.Delete(day.Entries, j, j+1)
		}, []string{`entry-removed statement:2022-01-03-04 "2022-01-03"→""`}},
		{"entry moved between days", func(t *testing.T, d *model.Dossier) {
			from, j := entry(t, d, "2022-01-02-05")
			e := from.Entries[j]
			from.Entries = slices.Delete(from.Entries, j, j+1)
			to, _ := entry(t, d, "2022-01-03-01")
			to.Entries = append([]model.Entry{e}, to.Entries...)
		}, []string{`entry-moved statement:2022-01-02-05 "2022-01-02"→"2022-01-03"`}},
		{"reworded with accents", func(t *testing.T, d *model.Dossier) {
			day, j := entry(t, d, "2022-01-01-01")
			day.Entries[j].Text[fr] = strings.Replace(day.Entries[j].Text[fr], "libéralisés", "libérés", 1)
		}, []string{`reworded statement:2022-01-01-01 text fr:Le 1er janvier 2022, dans une conjoncture économique déjà tendue, les prix du gaz sont [-libéralisés-]{+libérés+}. Le gaz de pétrole liquéfié (GPL), carburant d’un grand nombre d’automobilistes, voit son prix doubler : de 60 tenges (0,12 euro), il monte à 120 tenges (0,24 euro).`}},
		{"reworded in Cyrillic", func(t *testing.T, d *model.Dossier) {
			day, j := entry(t, d, "2022-01-02-01")
			day.Entries[j].Text[fr] = "Les manifestants scandent « Шал, кет! » à Жанаөзен."
			day.Entries[j].Text[language.Russian] = "Протестующие скандируют «Шал, кет!» в Жанаозене."
		}, nil}, // set below, with the old version's text
		{"citations", func(t *testing.T, d *model.Dossier) {
			day, j := entry(t, d, "2022-01-01-01")
			e := &day.Entries[j]
			e.Sources = append(e.Sources[1:], "hrw-2022-01-26")
		}, nil},
		{"figures", func(t *testing.T, d *model.Dossier) {
			f := figure(t, d, "fig-03")
			f.Value = 12500
			n := *f
			n.ID, n.Value, n.AsOf, n.Reported = "fig-03b", 16000, date("2022-01-20"), date("2022-01-20")
			f.Status, f.StatusDate, f.SupersededBy = model.StatusSuperseded, date("2022-01-20"), "fig-03b"
			g := figure(t, d, "fig-04")
			g.Status, g.StatusDate = model.StatusRetracted, date("2022-01-21")
			d.Figures = append(d.Figures, n)
			d.Figures = slices.DeleteFunc(d.Figures, func(f model.Figure) bool { return f.ID == "fig-11" })
		}, []string{
			`figure-revised figure:fig-03 value "nearly 12000"→"nearly 12500"`,
			`figure-superseded figure:fig-03 "nearly 12000"→"nearly 16000"`,
			`figure-retracted figure:fig-04 "hundreds 100"→""`,
			`figure-added figure:fig-03b ""→"nearly 16000"`,
			`figure-removed figure:fig-11 "2"→""`,
		}},
		{"entry edited", func(t *testing.T, d *model.Dossier) {
			day, j := entry(t, d, "2022-01-02-05")
			e := &day.Entries[j]
			e.Kind, e.When, e.Time = model.KindRiot, model.DateSpan{}, &model.TimeSpan{Start: model.Clock{Hour: 22}, End: model.Clock{Hour: 23, Minute: 30}}
			e.DatePrecision, e.GeoPrecision = model.PrecisionApprox, model.GeoCity
			e.Places, e.Reliability = []model.PlaceID{"mangystau", "aktau"}, model.NotCorroborated
		}, []string{
			`entry-edited statement:2022-01-02-05 kind "peaceful-protest"→"riot"`,
			`entry-edited statement:2022-01-02-05 when "2022-01-02/2022-01-03"→""`,
			`entry-edited statement:2022-01-02-05 time ""→"22:00-23:30"`,
			`entry-edited statement:2022-01-02-05 datePrecision "night"→"approximate"`,
			`entry-edited statement:2022-01-02-05 places "aktau"→"mangystau, aktau"`,
			`entry-edited statement:2022-01-02-05 geoPrecision ""→"city"`,
			`entry-edited statement:2022-01-02-05 reliability ""→"not-corroborated"`,
		}},
		{"paragraph edited", func(t *testing.T, d *model.Dossier) {
			d.Background[0].Places, d.Background[0].Reliability = []model.PlaceID{"mangystau"}, model.Disputed
		}, []string{
			`statement-edited statement:bg-1 places ""→"mangystau"`,
			`statement-edited statement:bg-1 reliability ""→"disputed"`,
		}},
		{"source edited, with accents and Cyrillic", func(t *testing.T, d *model.Dossier) {
			s := &d.Sources[6] // azattyk-2022-01-20-1, a Russian title
			s.Title = strings.Replace(s.Title, "События в Шымкенте", "События в Чимкенте", 1)
			s.Translation[fr] = strings.Replace(s.Translation[fr], "Chymkent", "Chimkent", 1)
			s.URL, s.Outlet = "https://rus.azattyq.org/a/31662716.html", "Радио Азаттык"
			s.Published, s.Accessed = date("2022-01-21"), date("2022-02-01")
		}, []string{
			`source-edited source:azattyk-2022-01-20-1 outlet "Radio Azattyq"→"Радио Азаттык"`,
			`source-edited source:azattyk-2022-01-20-1 title ru:“Казалось, что идет война”. События в [-Шымкенте-]{+Чимкенте+} 5–6 января`,
			"source-edited source:azattyk-2022-01-20-1 translation fr:«\u00a0On se serait cru en guerre\u00a0»\u00a0: retour sur les journées des 5 et 6 janvier à [-Chymkent-]{+Chimkent+}",
			`source-edited source:azattyk-2022-01-20-1 published "2022-01-20"→"2022-01-21"`,
			`source-edited source:azattyk-2022-01-20-1 accessed ""→"2022-02-01"`,
			`source-edited source:azattyk-2022-01-20-1 url "https://rus.azattyq.org/a/31662715.html"→"https://rus.azattyq.org/a/31662716.html"`,
		}},
		{"figure fields", func(t *testing.T, d *model.Dossier) {
			f := figure(t, d, "fig-02")
			f.Reported, f.Scope, f.PartOf = date("2022-01-20"), "mangystau", "fig-01"
			f.Claimant.Name[fr], f.Claimant.Channel = "autorités kazakhes (ministère de la Santé)", "Telegram"
			f.Note[en] = strings.Replace(f.Note[en], "‘thousands’", "‘several thousand’", 1)
		}, []string{
			`figure-revised figure:fig-02 reported "2022-01-19"→"2022-01-20"`,
			`figure-revised figure:fig-02 partOf ""→"fig-01"`,
			`figure-revised figure:fig-02 scope ""→"mangystau"`,
			`figure-revised figure:fig-02 claimant fr:autorités kazakhes{+ (ministère de la Santé)+}`,
			`figure-revised figure:fig-02 channel ""→"Telegram"`,
			`figure-revised figure:fig-02 note en:Published with the toll of 227 dead; the note’s summary refers to it as ‘[-thousands’-]{+several thousand’+} of injured.`,
		}},
		{"sources, places, errata, history", func(t *testing.T, d *model.Dossier) {
			s := d.Sources[0]
			s.ID, s.Title = "meae-2022-03-01", "Kazakhstan – mise à jour"
			s.Published = date("2022-03-01")
			d.Sources = append(d.Sources[1:], s)
			p := d.Places[len(d.Places)-1]
			p.ID = "aktau-port"
			d.Places = append(d.Places, p)
			e := d.Errata[0]
			e.Printed = "autre chose"
			d.Errata = append(d.Errata, e)
			d.History = append(d.History, model.Version{Version: "1.2", Date: date("2022-04-01")})
		}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			old, new := clone(t, base), clone(t, base)
			c.change(t, new)
			want := c.want
			switch c.name {
			case "reworded in Cyrillic":
				// The old version: the same languages, another wording.
				day, j := entry(t, old, "2022-01-02-01")
				day.Entries[j].Text[fr] = "Les manifestants scandent « Шал, кет! » à Janaozen."
				day.Entries[j].Text[language.Russian] = "Протестующие кричали «Шал, кет!» в Жанаозене."
				want = []string{`reworded statement:2022-01-02-01 text fr:Les manifestants scandent « Шал, кет! » à [-Janaozen-]{+Жанаөзен+}. ru:Протестующие [-кричали-]{+скандируют+} «Шал, кет!» в Жанаозене.`}
			case "citations":
				day, j := entry(t, old, "2022-01-01-01")
				first := day.Entries[j].Sources[0]
				want = []string{
					`citation-added statement:2022-01-01-01 hrw-2022-01-26`,
					`citation-removed statement:2022-01-01-01 ` + string(first),
				}
			case "sources, places, errata, history":
				want = []string{
					`source-added source:meae-2022-03-01 ""→"` + old.Sources[0].Outlet + `, 2022-03-01"`,
					`source-removed source:meae-2022-01-14 "` + old.Sources[0].Outlet + `, 2022-01-14"→""`,
					`place-added place:aktau-port ""→"` + old.Places[len(old.Places)-1].Kind.String() + `"`,
					`erratum-added ` + old.Errata[0].Ref.String() + ` ` + old.Errata[0].Field + ` "autre chose"→"` + old.Errata[0].Recorded + `"`,
					`version-added dossier:history ""→"1.2"`,
				}
			}
			got, err := report.Compare(old, new)
			if err != nil {
				t.Fatal(err)
			}
			if g := changeLines(got); !slices.Equal(g, want) {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(g, "\n\t"), strings.Join(want, "\n\t"))
			}
			again, _ := report.Compare(old, new)
			if !slices.Equal(changeLines(again), changeLines(got)) {
				t.Error("two comparisons differ")
			}
		})
	}
}

// TestCompareFigureRevisedTwice compares three versions in which a toll
// is revised twice, first in place, then by a figure that supersedes it.
func TestCompareFigureRevisedTwice(t *testing.T) {
	v1 := dossier(t)
	v2 := clone(t, v1)
	figure(t, v2, "fig-01").Value = 225
	v3 := clone(t, v2)
	f := figure(t, v3, "fig-01")
	n := *f
	n.ID, n.Value, n.AsOf, n.Reported = "fig-01b", 238, date("2022-02-15"), date("2022-02-15")
	f.Status, f.StatusDate, f.SupersededBy = model.StatusSuperseded, date("2022-02-15"), "fig-01b"
	v3.Figures = append(v3.Figures, n)
	for _, c := range []struct {
		name     string
		old, new *model.Dossier
		want     []string
	}{
		{"1 to 2", v1, v2, []string{`figure-revised figure:fig-01 value "227"→"225"`}},
		{"2 to 3", v2, v3, []string{`figure-superseded figure:fig-01 "225"→"238"`, `figure-added figure:fig-01b ""→"238"`}},
		{"1 to 3", v1, v3, []string{`figure-revised figure:fig-01 value "227"→"225"`, `figure-superseded figure:fig-01 "227"→"238"`, `figure-added figure:fig-01b ""→"238"`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := report.Compare(c.old, c.new)
			if err != nil {
				t.Fatal(err)
			}
			if g := changeLines(got); !slices.Equal(g, c.want) {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(g, "\n\t"), strings.Join(c.want, "\n\t"))
			}
			for _, ch := range got.List {
				if ch.Figure == nil || ch.Figure.Claimant.Name.IsZero() || ch.Figure.AsOf.IsZero() {
					t.Errorf("%s: the change lacks the figure's claimant and dates", ch.Kind)
				}
			}
		})
	}
}

// TestCompareReusedID checks the error, with where, for ids that name
// different objects in the two versions or twice in one.
func TestCompareReusedID(t *testing.T) {
	base := dossier(t)
	for _, c := range []struct {
		name   string
		change func(t *testing.T, d *model.Dossier)
		want   string
	}{
		{"entry becomes background", func(t *testing.T, d *model.Dossier) {
			d.Background[1].ID = "2022-01-03-04"
			day, j := entry(t, d, "2022-01-03-04")
			day.Entries = slices.Delete(day.Entries, j, j+1)
		}, `report: compare: new version, background[1]: id reused: statement "2022-01-03-04" was an entry of the chronology (chronology[2].entries[3]) in the old version: a different statement needs a new id`},
		{"figure of another metric", func(t *testing.T, d *model.Dossier) {
			figure(t, d, "fig-02").Metric = model.MetricKilled
		}, `report: compare: new version, figures[1]: id reused: figure "fig-02" counted injured all claimed by "Kazakh authorities" in the old version (figures[1]), now killed all claimed by "Kazakh authorities": a different figure needs a new id`},
		{"figure of another claimant", func(t *testing.T, d *model.Dossier) {
			figure(t, d, "fig-02").Claimant = model.Claimant{Kind: model.ClaimantNGO, Name: model.T(en, "Amnesty International", fr, "Amnesty International")}
		}, `report: compare: new version, figures[1]: id reused: figure "fig-02" counted injured all claimed by "Kazakh authorities" in the old version (figures[1]), now injured all claimed by "Amnesty International": a different figure needs a new id`},
		{"one id twice", func(t *testing.T, d *model.Dossier) {
			d.Notes[1].ID = d.Background[0].ID
		}, `report: compare: new version, notes[1]: id reused: statement "bg-1" is also background[0]`},
	} {
		t.Run(c.name, func(t *testing.T) {
			new := clone(t, base)
			c.change(t, new)
			_, err := report.Compare(base, new)
			if err == nil || err.Error() != c.want {
				t.Errorf("got error\n\t%v\nwant\n\t%s", err, c.want)
			}
			if !errors.Is(err, report.ErrCompare) {
				t.Errorf("%v does not wrap ErrCompare", err)
			}
		})
	}
	if _, err := report.Compare(nil, base); !errors.Is(err, report.ErrOptions) {
		t.Errorf("Compare(nil, d) = %v; want ErrOptions", err)
	}
}

func TestWordDiffRuns(t *testing.T) {
	d := dossier(t)
	n := clone(t, d)
	n.Background[0].Text[en] = n.Background[0].Text[en] + " One more sentence."
	got, err := report.Compare(d, n)
	if err != nil || got.Len() != 1 {
		t.Fatalf("Compare: %v, %d changes", err, got.Len())
	}
	w := got.List[0].Words[0]
	var old, new strings.Builder
	for _, r := range w.Diff {
		if r.Op != report.Inserted {
			old.WriteString(r.Text)
		}
		if r.Op != report.Deleted {
			new.WriteString(r.Text)
		}
	}
	if old.String() != w.Old || new.String() != w.New {
		t.Errorf("the runs do not make the old and new texts")
	}
	if last := w.Diff[len(w.Diff)-1]; last.Op != report.Inserted || last.Text != " One more sentence." {
		t.Errorf("last run %+v; want the added sentence inserted", last)
	}
}

// view is the ids and values of a dossier that Changes describe.
type view struct {
	meta       map[string]string
	statements map[model.StatementID]*stView
	figures    map[model.FigureID]*figView
	sources    map[model.SourceID]*srcView
	places     map[model.PlaceID]bool
	errata     map[string]bool
	versions   map[string]bool
}

type stView struct {
	where      string
	text, note map[language.Tag]string
	sources    map[model.SourceID]bool
	fields     map[string]string // of report.StatementFields
}

type figView struct {
	value, asOf, status string
	sources             map[model.SourceID]bool
	fields              map[string]string // the other report.FigureFields but claimant and note
	claimant, note      map[language.Tag]string
}

type srcView struct {
	fields      map[string]string // of report.SourceFields but title and translation
	title       string
	translation map[language.Tag]string
}

func enumStr[E interface {
	comparable
	String() string
}](v E) string {
	var zero E
	if v == zero {
		return ""
	}
	return v.String()
}

func stViewOf(where string, e *model.Entry, s *model.Statement) *stView {
	v := &stView{where, textMap(s.Text), textMap(s.Note), set(s.Sources), map[string]string{}}
	var places []string
	for _, p := range s.Places {
		places = append(places, string(p))
	}
	v.fields["places"] = strings.Join(places, ", ")
	v.fields["reliability"] = enumStr(s.Reliability)
	v.fields["when"] = ""
	if !s.When.IsZero() {
		v.fields["when"] = s.When.String()
	}
	if e != nil {
		v.fields["kind"], v.fields["datePrecision"], v.fields["geoPrecision"] = e.Kind.String(), enumStr(e.DatePrecision), enumStr(e.GeoPrecision)
		v.fields["time"] = ""
		if e.Time != nil {
			v.fields["time"] = e.Time.String()
		}
	}
	return v
}

func figViewOf(f *model.Figure) *figView {
	return &figView{report.FigureValue(f), f.AsOf.String(), f.Status.String(), set(f.Sources), map[string]string{
		"reported": f.Reported.String(), "statusDate": f.StatusDate.String(), "supersededBy": string(f.SupersededBy),
		"partOf": string(f.PartOf), "scope": string(f.Scope), "channel": f.Claimant.Channel,
	}, textMap(f.Claimant.Name), textMap(f.Note)}
}

func srcViewOf(s *model.Source) *srcView {
	dis := ""
	if s.Disambiguator != 0 {
		dis = fmt.Sprint(s.Disambiguator)
	}
	return &srcView{map[string]string{
		"category": s.Category.String(), "outlet": s.Outlet, "group": s.Group, "via": s.Via, "author": s.Author,
		"titleLanguage": s.TitleLanguage.String(), "published": s.Published.String(), "updated": s.Updated.String(),
		"accessed": s.Accessed.String(), "url": s.URL, "disambiguator": dis,
	}, s.Title, textMap(s.Translation)}
}

// applyWords makes the rewordings ws to m.
func applyWords(m map[language.Tag]string, ws []report.Rewording) {
	for _, w := range ws {
		if w.New == "" {
			delete(m, w.Language)
		} else {
			m[w.Language] = w.New
		}
	}
}

func set[K comparable](ks []K) map[K]bool {
	m := map[K]bool{}
	for _, k := range ks {
		m[k] = true
	}
	return m
}

func textMap(t model.Text) map[language.Tag]string {
	m := map[language.Tag]string{}
	for k, v := range t {
		if v != "" {
			m[k] = v
		}
	}
	return m
}

func erratumKey(r model.Ref, field, printed string) string {
	return r.String() + "|" + field + "|" + printed
}

func viewOf(d *model.Dossier) *view {
	v := &view{meta: map[string]string{}, statements: map[model.StatementID]*stView{}, figures: map[model.FigureID]*figView{},
		sources: map[model.SourceID]*srcView{}, places: map[model.PlaceID]bool{}, errata: map[string]bool{}, versions: map[string]bool{}}
	// The metadata fields Compare reports, written as it writes them.
	date := func(x model.Date) string {
		if x.IsZero() {
			return ""
		}
		return x.String()
	}
	span := func(x model.DateSpan) string {
		if x.IsZero() {
			return ""
		}
		return x.String()
	}
	v.meta["method.version"] = d.Method.Version
	v.meta["method.cutOff"] = date(d.Method.CutOff)
	v.meta["published"] = date(d.Published)
	v.meta["updated"] = date(d.Updated)
	v.meta["method.sourcesConsulted"] = span(d.Method.SourcesConsulted)
	v.meta["period"] = span(d.Period)
	st := func(where string, s *model.Statement) {
		v.statements[s.ID] = stViewOf(where, nil, s)
	}
	for i := range d.Background {
		st("background", &d.Background[i])
	}
	for i := range d.Chronology {
		for j := range d.Chronology[i].Entries {
			e := &d.Chronology[i].Entries[j]
			v.statements[e.ID] = stViewOf(d.Chronology[i].When.String(), e, &e.Statement)
		}
	}
	for i := range d.Notes {
		st("notes", &d.Notes[i])
	}
	var sections func([]model.Section)
	sections = func(ss []model.Section) {
		for i := range ss {
			for j := range ss[i].Paragraphs {
				st("sections/"+ss[i].ID, &ss[i].Paragraphs[j])
			}
			sections(ss[i].Sections)
		}
	}
	sections(d.Sections)
	for i := range d.Figures {
		f := &d.Figures[i]
		v.figures[f.ID] = figViewOf(f)
	}
	for i := range d.Sources {
		v.sources[d.Sources[i].ID] = srcViewOf(&d.Sources[i])
	}
	for _, p := range d.Places {
		v.places[p.ID] = true
	}
	for _, e := range d.Errata {
		v.errata[erratumKey(e.Ref, e.Field, e.Printed)] = true
	}
	for _, h := range d.History {
		v.versions[h.Version] = true
	}
	return v
}

// apply makes the changes to v.
func apply(t *testing.T, v *view, c *report.Changes) {
	t.Helper()
	for _, ch := range c.List {
		sid, fid := model.StatementID(ch.Ref.ID), model.FigureID(ch.Ref.ID)
		switch ch.Kind {
		case report.ChangeMetadata:
			v.meta[ch.Field] = ch.New
		case report.ChangeEntryAdded, report.ChangeStatementAdded:
			v.statements[sid] = stViewOf(ch.New, ch.Entry, ch.Statement)
		case report.ChangeEntryEdited, report.ChangeStatementEdited:
			v.statements[sid].fields[ch.Field] = ch.New
		case report.ChangeEntryRemoved, report.ChangeStatementRemoved:
			delete(v.statements, sid)
		case report.ChangeEntryMoved:
			v.statements[sid].where = ch.New
		case report.ChangeReworded:
			m := v.statements[sid].text
			if ch.Field == "note" {
				m = v.statements[sid].note
			}
			applyWords(m, ch.Words)
		case report.ChangeCitationAdded, report.ChangeCitationRemoved:
			var m map[model.SourceID]bool
			if ch.Ref.Kind == model.RefFigure {
				m = v.figures[fid].sources
			} else {
				m = v.statements[sid].sources
			}
			if ch.Kind == report.ChangeCitationAdded {
				m[ch.Source] = true
			} else {
				delete(m, ch.Source)
			}
		case report.ChangeFigureAdded:
			v.figures[fid] = figViewOf(ch.Figure)
		case report.ChangeFigureRemoved:
			delete(v.figures, fid)
		case report.ChangeFigureRevised:
			switch ch.Field {
			case "value":
				v.figures[fid].value = ch.New
			case "asOf":
				v.figures[fid].asOf = ch.New
			case "status":
				v.figures[fid].status = ch.New
			case "claimant":
				applyWords(v.figures[fid].claimant, ch.Words)
			case "note":
				applyWords(v.figures[fid].note, ch.Words)
			default:
				v.figures[fid].fields[ch.Field] = ch.New
			}
		case report.ChangeFigureSuperseded, report.ChangeFigureRetracted:
			// The change carries the figure: its status, its date and successor.
			v.figures[fid].status = ch.Figure.Status.String()
			v.figures[fid].fields["statusDate"] = ch.Figure.StatusDate.String()
			v.figures[fid].fields["supersededBy"] = string(ch.Figure.SupersededBy)
		case report.ChangeSourceAdded:
			v.sources[model.SourceID(ch.Ref.ID)] = srcViewOf(ch.Cited)
		case report.ChangeSourceEdited:
			s := v.sources[model.SourceID(ch.Ref.ID)]
			switch ch.Field {
			case "title":
				s.title = ch.Words[0].New
			case "translation":
				applyWords(s.translation, ch.Words)
			default:
				s.fields[ch.Field] = ch.New
			}
		case report.ChangeSourceRemoved:
			delete(v.sources, model.SourceID(ch.Ref.ID))
		case report.ChangePlaceAdded:
			v.places[model.PlaceID(ch.Ref.ID)] = true
		case report.ChangePlaceRemoved:
			delete(v.places, model.PlaceID(ch.Ref.ID))
		case report.ChangeErratumAdded:
			v.errata[erratumKey(ch.Ref, ch.Field, ch.Old)] = true
		case report.ChangeErratumRemoved:
			delete(v.errata, erratumKey(ch.Ref, ch.Field, ch.Old))
		case report.ChangeVersionAdded:
			v.versions[ch.New] = true
		default:
			t.Fatalf("apply: unknown change %v", ch.Kind)
		}
	}
}

// mutate makes n random changes to d, of every kind Compare reports.
func mutate(d *model.Dossier, r *rand.Rand, n int) {
	pick := func(k int) int { return r.IntN(k) }
	days := d.Chronology
	for i := 0; i < n; i++ {
		day := &days[pick(len(days))]
		if len(day.Entries) == 0 {
			continue
		}
		j := pick(len(day.Entries))
		e := &day.Entries[j]
		switch pick(15) {
		case 0: // reword
			for _, tag := range d.Languages {
				e.Text[tag] += fmt.Sprintf(" Révisé %d.", i)
			}
		case 1: // move
			to := &days[pick(len(days))]
			moved := *e
			day.Entries = slices.Delete(day.Entries, j, j+1)
			to.Entries = append(to.Entries, moved)
		case 2: // remove
			day.Entries = slices.Delete(day.Entries, j, j+1)
		case 3: // add
			added := *e
			added.Statement = *cloneSt(&e.Statement)
			added.ID = model.StatementID(fmt.Sprintf("added-%d", i))
			day.Entries = append(day.Entries, added)
		case 4: // citations
			e.Sources = append(slices.Clone(e.Sources[min(1, len(e.Sources)):]), d.Sources[pick(len(d.Sources))].ID)
		case 5: // note
			e.Note = model.T(d.Languages[0], fmt.Sprintf("Note %d", i))
		case 6, 7, 8: // figures
			if len(d.Figures) == 0 {
				continue
			}
			k := pick(len(d.Figures))
			f := &d.Figures[k]
			switch pick(5) {
			case 0:
				f.Value++
				f.Qualifier = model.Exact
			case 1:
				f.Status = model.StatusRetracted
			case 2:
				g := *f
				g.ID = model.FigureID(fmt.Sprintf("fig-new-%d", i))
				g.Sources = slices.Clone(f.Sources)
				f.Status, f.SupersededBy = model.StatusSuperseded, g.ID
				d.Figures = append(d.Figures, g)
			case 3:
				f.AsOf = f.AsOf.AddDays(1)
			case 4:
				d.Figures = slices.Delete(d.Figures, k, k+1)
			}
		case 9: // sources
			s := d.Sources[pick(len(d.Sources))]
			s.ID = model.SourceID(fmt.Sprintf("src-new-%d", i))
			d.Sources = append(d.Sources, s)
		case 10: // places
			p := d.Places[pick(len(d.Places))]
			p.ID = model.PlaceID(fmt.Sprintf("place-new-%d", i))
			d.Places = append(d.Places, p)
		case 11: // metadata and history
			d.Method.CutOff = d.Method.CutOff.AddDays(1)
			d.History = append(d.History, model.Version{Version: fmt.Sprintf("1.%d", i+2), Date: d.Published})
		case 12: // fields of an entry
			switch pick(4) {
			case 0:
				e.Kind, e.Reliability = model.EventKind(1+pick(int(model.KindJudicial))), model.Reliability(pick(3))
			case 1:
				e.Places = append(slices.Clone(e.Places), d.Places[pick(len(d.Places))].ID)
			case 2:
				e.Time = &model.TimeSpan{Start: model.Clock{Hour: pick(24)}, End: model.Clock{Hour: pick(24), Minute: 30}}
			case 3:
				e.DatePrecision, e.GeoPrecision, e.When = model.DatePrecision(pick(5)), model.GeoPrecision(pick(5)), model.DateSpan{}
			}
		case 13: // fields of a source
			s := &d.Sources[pick(len(d.Sources))]
			switch pick(4) {
			case 0:
				s.Title += " (Алматы, révisé)"
			case 1:
				s.Translation = model.T(d.Languages[0], fmt.Sprintf("Titre révisé %d", i))
			case 2:
				s.URL, s.Outlet = fmt.Sprintf("https://example.org/%d", i), s.Outlet+" (édition)"
			case 3:
				s.Published, s.Updated, s.Accessed = s.Published.AddDays(-1), s.Published.AddDays(2), s.Published.AddDays(3)
			}
		case 14: // fields of a figure
			if len(d.Figures) == 0 {
				continue
			}
			f := &d.Figures[pick(len(d.Figures))]
			switch pick(3) {
			case 0:
				f.Note = model.T(d.Languages[0], fmt.Sprintf("Note révisée %d", i))
				f.Claimant.Name = model.T(d.Languages[0], "Минздрав", d.Languages[len(d.Languages)-1], "Ministère de la Santé")
			case 1:
				f.Scope, f.Claimant.Channel = d.Places[pick(len(d.Places))].ID, "Telegram"
			case 2:
				f.Reported, f.PartOf = f.Reported.AddDays(1), d.Figures[0].ID
			}
		}
	}
}

func cloneSt(s *model.Statement) *model.Statement {
	c := *s
	c.Text, c.Note = model.Text{}, nil
	for k, v := range s.Text {
		c.Text[k] = v
	}
	c.Sources = slices.Clone(s.Sources)
	return &c
}

// TestCompareProperties checks, on random changes to the Kazakhstan
// dossier, that a dossier compared with itself has no changes, and that
// the changes Compare reports, applied to the old version, give the new
// version's ids and values.
func TestCompareProperties(t *testing.T) {
	base := dossier(t)
	if c, err := report.Compare(base, clone(t, base)); err != nil || c.Len() != 0 {
		t.Fatalf("Compare(a, a): %v, %v", err, changeLines(c))
	}
	for seed := range uint64(40) {
		new := clone(t, base)
		mutate(new, rand.New(rand.NewPCG(seed, 21)), 1+int(seed%12))
		c, err := report.Compare(base, new)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		got, want := viewOf(base), viewOf(new)
		apply(t, got, c)
		if diff := viewDiff(got, want); diff != "" {
			t.Errorf("seed %d: applying\n\t%s\ngives another dossier: %s", seed, strings.Join(changeLines(c), "\n\t"), diff)
		}
	}
}

func viewDiff(a, b *view) string {
	if !mapsEqual(a.meta, b.meta) {
		return fmt.Sprintf("metadata %v, want %v", a.meta, b.meta)
	}
	if len(a.statements) != len(b.statements) {
		return fmt.Sprintf("%d statements, want %d", len(a.statements), len(b.statements))
	}
	for id, s := range b.statements {
		g := a.statements[id]
		if g == nil || g.where != s.where || !mapsEqual(g.text, s.text) || !mapsEqual(g.note, s.note) || !mapsEqual(g.sources, s.sources) || !mapsEqual(g.fields, s.fields) {
			return fmt.Sprintf("statement %s: %+v, want %+v", id, g, s)
		}
	}
	if len(a.figures) != len(b.figures) {
		return fmt.Sprintf("%d figures, want %d", len(a.figures), len(b.figures))
	}
	for id, f := range b.figures {
		g := a.figures[id]
		if g == nil || g.value != f.value || g.asOf != f.asOf || g.status != f.status || !mapsEqual(g.sources, f.sources) ||
			!mapsEqual(g.fields, f.fields) || !mapsEqual(g.claimant, f.claimant) || !mapsEqual(g.note, f.note) {
			return fmt.Sprintf("figure %s: %+v, want %+v", id, g, f)
		}
	}
	if len(a.sources) != len(b.sources) {
		return fmt.Sprintf("%d sources, want %d", len(a.sources), len(b.sources))
	}
	for id, s := range b.sources {
		g := a.sources[id]
		if g == nil || g.title != s.title || !mapsEqual(g.fields, s.fields) || !mapsEqual(g.translation, s.translation) {
			return fmt.Sprintf("source %s: %+v, want %+v", id, g, s)
		}
	}
	switch {
	case !mapsEqual(a.places, b.places):
		return "places differ"
	case !mapsEqual(a.errata, b.errata):
		return "errata differ"
	case !mapsEqual(a.versions, b.versions):
		return "versions differ"
	}
	return ""
}

func mapsEqual[K, V comparable](a, b map[K]V) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// BenchmarkCompare compares two synthetic dossiers of 10,000 entries and
// 5,000 figures that differ in 1% of their entries: of a hundred entries,
// 40 reworded in both languages, 20 cite another source, 20 moved to
// another day, 10 removed, and 10 added.
func BenchmarkCompare(b *testing.B) {
	old := synthDossier(b, 10_000)
	new := clone(b, old)
	days := new.Chronology
	for i := range 100 {
		day := &days[(i*7919)%len(days)]
		j := i % len(day.Entries)
		e := &day.Entries[j]
		switch {
		case i < 40:
			for _, tag := range new.Languages {
				e.Text[tag] = strings.Replace(e.Text[tag], " ", " très ", 1)
			}
		case i < 60:
			e.Sources = append(slices.Clone(e.Sources[1:]), new.Sources[i].ID)
		case i < 80:
			moved := *e
			day.Entries = slices.Delete(day.Entries, j, j+1)
			to := &days[(i*104729)%len(days)]
			to.Entries = append(to.Entries, moved)
		case i < 90:
			day.Entries = slices.Delete(day.Entries, j, j+1)
		default:
			added := *e
			added.ID = model.StatementID(fmt.Sprintf("bench-added-%d", i))
			day.Entries = append(day.Entries, added)
		}
	}
	c, err := report.Compare(old, new)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := report.Compare(old, new); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(c.Len()), "changes")
}

// TestCompareOpenFile compares versions whose figures stay in their files
// (model.OpenFile): the same changes as for dossiers held in memory.
func TestCompareOpenFile(t *testing.T) {
	load := func(name string, opts ...model.OpenOption) *model.Dossier {
		d, _, err := model.OpenFile("../examples/dossiers/"+name, opts...)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { d.Close() })
		return d
	}
	inMemory, err := report.Compare(load("ge-example.v1.json"), load("ge-example.json"))
	if err != nil {
		t.Fatal(err)
	}
	inFile, err := report.Compare(load("ge-example.v1.json", model.HoldFigures(0)), load("ge-example.json", model.HoldFigures(0)))
	if err != nil {
		t.Fatal(err)
	}
	if g, w := changeLines(inFile), changeLines(inMemory); !slices.Equal(g, w) || len(g) != 15 {
		t.Errorf("from the files\n\t%s\nin memory\n\t%s", strings.Join(g, "\n\t"), strings.Join(w, "\n\t"))
	}
	for i := range inFile.List {
		if f, g := inFile.List[i].Figure, inMemory.List[i].Figure; (f == nil) != (g == nil) || f != nil && (f.ID != g.ID || f.Claimant.Name.IsZero()) {
			t.Errorf("change %d: figure %+v; want %+v", i, f, g)
		}
	}
}

// FuzzCompare compares a dossier with an edited copy (see package
// fuzzdossier), both ways, and builds the update briefing of the edited
// one with fuzzed options. Compare and Build must never panic; Compare
// of a dossier with itself finds nothing; the changes applied to the old
// version give the edited one's ids and values (see apply); and a
// briefing built keeps its invariants.
func FuzzCompare(f *testing.F) {
	bases := fuzzBases(f)
	for i := range bases {
		f.Add(uint8(i), []byte{}, "", uint16(0))
		f.Add(uint8(i), []byte{0, 0, 30, 5, 0, 2, 0, 12, 1, 0, 4, 0, 40, 0}, "Шымкент", uint16(1))
	}
	f.Fuzz(func(t *testing.T, base uint8, ops []byte, text string, knobs uint16) {
		data := fuzzdossier.Pick(base, bases)
		old, err := model.Unmarshal(data)
		if err != nil {
			t.Fatal(err)
		}
		new, err := model.Unmarshal(data)
		if err != nil {
			t.Fatal(err)
		}
		fuzzdossier.Apply(new, ops, text)
		if c, err := report.Compare(new, new); err == nil && c.Len() != 0 {
			t.Fatalf("a dossier compared with itself: %v", changeLines(c))
		}
		if _, err := report.Compare(new, old); err != nil && !errors.Is(err, report.ErrCompare) {
			t.Fatalf("Compare(new, old): %v does not wrap ErrCompare", err)
		}
		c, err := report.Compare(old, new)
		if err != nil {
			if !errors.Is(err, report.ErrCompare) {
				t.Fatalf("Compare: %v does not wrap ErrCompare", err)
			}
			return
		}
		got, want := viewOf(old), viewOf(new)
		apply(t, got, c)
		if diff := viewDiff(got, want); diff != "" {
			t.Fatalf("applying\n\t%s\ngives another dossier: %s", strings.Join(changeLines(c), "\n\t"), diff)
		}
		opt, _ := fuzzdossier.Options(new, knobs)
		opt.Changes = c
		doc, err := report.Build(new, opt)
		if err != nil {
			if doc != nil {
				t.Fatal("a document returned with an error")
			}
			return
		}
		checkDocument(t, doc)
		if doc.Changes == nil || len(doc.Changes.Items) > c.Len() {
			t.Fatalf("%d changes listed of %d", len(doc.Changes.Items), c.Len())
		}
	})
}
