package dossiers_test

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/examples/dossiers"
	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/export/xlsx"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

const germanExample = "de-example.json"

var de, en = language.German, language.English

func load(t *testing.T) *model.Dossier {
	t.Helper()
	d, issues, err := dossiers.Load(germanExample)
	if err != nil {
		t.Fatal(err)
	}
	if len(issues) > 0 {
		t.Fatalf("%s: %d warnings; want none:\n%v", germanExample, len(issues), issues)
	}
	return d
}

func build(t *testing.T, d *model.Dossier, tags ...language.Tag) *report.Document {
	t.Helper()
	opt := report.Options{Languages: tags}
	if err := report.Validate(d, opt).Err(); err != nil {
		t.Fatal(err)
	}
	doc, err := report.Build(d, opt)
	if err != nil {
		t.Fatalf("Build(%v): %v", tags, err)
	}
	return doc
}

// TestGermanExampleIsFictional checks that the example says it is
// fictional where a reader looks first, in both its languages, and that
// its sources point nowhere real.
func TestGermanExampleIsFictional(t *testing.T) {
	d := load(t)
	if !slices.Equal(d.Languages, []language.Tag{de, en}) {
		t.Errorf("languages = %v; want [de en]", d.Languages)
	}
	for what, text := range map[string]model.Text{"title": d.Title, "summary": d.Summary, "disclaimer": d.Disclaimer} {
		for tag, label := range map[language.Tag]string{de: "Fiktives Beispiel", en: "Fictional example"} {
			if s, _ := text.In(tag); !strings.Contains(s, label) {
				t.Errorf("%s in %s does not say %q: %q", what, tag, label, s)
			}
		}
	}
	for _, s := range d.Sources {
		if !strings.HasPrefix(s.URL, "https://example.org/") {
			t.Errorf("source %s: URL %q is not under https://example.org/", s.ID, s.URL)
		}
	}
	if n := len(d.Sources); n < 3 {
		t.Errorf("%d sources; want a few", n)
	}
	entries := 0
	for _, day := range d.Chronology {
		entries += len(day.Entries)
	}
	if entries < 5 || entries > 8 {
		t.Errorf("%d entries; want 5 to 8", entries)
	}
	for _, p := range d.Places {
		if p.Coord == nil {
			t.Errorf("place %s has no coordinates", p.ID)
		}
	}
}

// TestGermanExampleBriefings builds the German and the German-English
// briefings and checks what the German catalog makes of them: the
// contested arrest counts, the German PDF's headings, dates and numbers
// (read back with pdftotext), a parallel edition and the workbooks.
func TestGermanExampleBriefings(t *testing.T) {
	d := load(t)
	german := build(t, d, de)
	both := build(t, d, de, en)

	for _, doc := range []*report.Document{german, both} {
		if len(doc.Figures.Contested) != 1 {
			t.Fatalf("%v: %d groups of contested figures; want 1 (the arrests)", doc.Languages, len(doc.Figures.Contested))
		}
		c := doc.Figures.Contested[0]
		var ids []model.FigureID
		for _, r := range c.Figures {
			it, err := doc.Figures.Item(r)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, it.ID)
		}
		if c.Metric != model.MetricArrested || !slices.Equal(ids, []model.FigureID{"fig-02", "fig-03"}) {
			t.Errorf("%v: contested %v %v; want the arrests fig-02 and fig-03", doc.Languages, c.Metric, ids)
		}
		if c.Spread[0] != "zwischen 312 und 450" {
			t.Errorf("%v: spread %q; want %q", doc.Languages, c.Spread[0], "zwischen 312 und 450")
		}
	}
	if got := both.Figures.Contested[0].Spread[1]; got != "between 312 and 450" {
		t.Errorf("English spread %q; want %q", got, "between 312 and 450")
	}

	if err := pdf.Check(d, pdf.Options{Language: de}).Err(); err != nil {
		t.Fatal(err)
	}
	data, info, err := pdf.Render(german, pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if info.Pages < 3 {
		t.Errorf("German PDF: %d pages", info.Pages)
	}
	parallel, _, err := pdf.Render(both, pdf.Options{Edition: pdf.Parallel})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		lang      language.Tag
		xlsx      *report.Document
		sheets    []string
		dateStyle string
	}{
		{de, german, []string{"Übersicht", "Zahlenangaben", "Strittige Zahlenangaben", "Chronologie", "Orte", "Quellen"}, "dd.mm.yyyy"},
		{en, both, []string{"Summary", "Figures", "Contested figures", "Timeline", "Places", "Sources"}, "d mmm yyyy"},
	} {
		var buf bytes.Buffer
		if err := xlsx.Write(&buf, tt.xlsx, xlsx.Options{Language: tt.lang}); err != nil {
			t.Fatalf("%s workbook: %v", tt.lang, err)
		}
		sheets, styles := workbook(t, buf.Bytes())
		for _, s := range tt.sheets {
			if !slices.Contains(sheets, s) {
				t.Errorf("%s workbook: sheets %q; want one named %q", tt.lang, sheets, s)
			}
		}
		if !strings.Contains(styles, `formatCode="`+tt.dateStyle+`"`) {
			t.Errorf("%s workbook: no date format %q", tt.lang, tt.dateStyle)
		}
	}

	text := pdfText(t, data)
	for _, want := range []string{
		// headings
		"Herkunftsländerinformationen", "Zusammenfassung", "Methodik", "Haftungsausschluss", "Inhaltsverzeichnis",
		"Hintergrund", "Chronologie", "Anmerkungen", "Eckdaten", "Strittige Zahlenangaben",
		"Zurückgezogene Zahlenangaben", "Entwicklung der Zahlenangaben nach Art des Urhebers",
		"Karte der Proteste", "Quellenverzeichnis", "Staatliche Institutionen", "Nichtregierungsorganisationen",
		// dates, spans and times
		"Veröffentlicht: Montag, 20. März 2023",
		"Berichtszeitraum — vom 1. bis 15. März 2023",
		"Redaktionsschluss — Mittwoch, 15. März 2023",
		"Montag, 6. März 2023", "Dienstag, 7. März 2023", "Donnerstag, 9. März 2023",
		"(in der Nacht vom 7. auf den 8. März 2023)",
		"(vom 7. bis 9. März 2023)",
		"18 Uhr bis 20:30 Uhr", "21:30 Uhr", "11 Uhr",
		"06.03.2023", "Shirak Herald, 6. März 2023.",
		// words and numbers
		"Recherchesprachen — Armenisch, Russisch, Englisch, Deutsch",
		"Festgenommene — zwischen 312 und 450", "mehr als 450", "1.200",
		"[Nicht bestätigt]", "„Hundreds rally in Gyumri against higher water tariffs“",
		"Seite 2 von ",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("German PDF lacks %q", want)
		}
	}
	for _, english := range []string{"Chronology", "Summary", "Bibliography", "Key figures", "March 2023", "page 2 of"} {
		if strings.Contains(text, english) {
			t.Errorf("German PDF holds the English %q", english)
		}
	}
	text = pdfText(t, parallel)
	for _, want := range []string{"Zusammenfassung", "Summary", "Montag, 6. März 2023", "Monday 6 March 2023", "in der Nacht vom 7. auf den 8. März 2023", "during the night of 7 to 8 March 2023"} {
		if !strings.Contains(text, want) {
			t.Errorf("parallel PDF lacks %q", want)
		}
	}
}

// pdfText returns the text pdftotext reads in a PDF, every run of spaces
// and line breaks made one space. It skips the test when pdftotext is
// missing, unless COIBRIEF_REQUIRE_TOOLS=1.
func pdfText(t *testing.T, data []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
			t.Fatal("pdftotext is required (COIBRIEF_REQUIRE_TOOLS=1) but not installed: apt-get install poppler-utils")
		}
		t.Skip("pdftotext not installed (apt-get install poppler-utils); skipping")
	}
	name := filepath.Join(t.TempDir(), "briefing.pdf")
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", name, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// workbook returns the sheet names and the styles part of a workbook.
func workbook(t *testing.T, data []byte) (sheets []string, styles string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		f, err := zr.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var b bytes.Buffer
		if _, err := b.ReadFrom(f); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	wb := read("xl/workbook.xml")
	for _, part := range strings.Split(wb, "<sheet ")[1:] {
		if _, rest, ok := strings.Cut(part, `name="`); ok {
			name, _, _ := strings.Cut(rest, `"`)
			sheets = append(sheets, name)
		}
	}
	return sheets, read("xl/styles.xml")
}
