// Command custom builds a small dossier in Go code — two days of the
// January 2022 events in Almaty, two sources, one figure — validates it,
// and renders a French PDF and an English workbook into ./out/custom.
//
//	go run ./examples/custom
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/export/xlsx"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

var fr, en = language.French, language.English

func date(s string) model.Date {
	d, err := model.ParseDate(s)
	if err != nil {
		panic(err) // the dates below are constants
	}
	return d
}

// dossier is a small dossier written in code.
func dossier() *model.Dossier {
	return &model.Dossier{
		Format:    model.Format,
		ID:        "almaty-2022-01",
		Country:   "kz",
		Languages: []language.Tag{fr, en},
		Title:     model.T(fr, "Almaty, 5 et 6 janvier 2022", en, "Almaty, 5 and 6 January 2022"),
		Summary: model.T(fr, "Deux journées de violences à Almaty, d’après Human Rights Watch et Le Monde.",
			en, "Two days of violence in Almaty, as Human Rights Watch and Le Monde reported them."),
		Period:     model.DateSpan{Start: date("2022-01-05"), End: date("2022-01-06")},
		Published:  date("2022-02-22"),
		Issuer:     model.Issuer{Name: model.T(fr, "Exemple de service de recherche", en, "Sample research unit")},
		Disclaimer: model.T(fr, "Document d’exemple.", en, "A sample document."),
		Method: model.Method{
			Scope:            model.T(fr, "Les événements d’Almaty.", en, "The events in Almaty."),
			CutOff:           date("2022-02-08"),
			SourcesConsulted: model.DateSpan{Start: date("2022-01-05"), End: date("2022-02-22")},
		},
		Chronology: []model.Day{
			{When: date("2022-01-05").Span(), Entries: []model.Entry{{
				Statement: model.Statement{ID: "e1",
					Text: model.T(fr, "Selon Human Rights Watch, les forces de sécurité tirent sur un groupe de manifestants près de la résidence présidentielle.",
						en, "According to Human Rights Watch, security forces fired on a group of protesters near the presidential residence."),
					Sources: []model.SourceID{"hrw-2022-01-26"}, Figures: []model.FigureID{"f1"},
					Places: []model.PlaceID{"almaty"}},
				Time: &model.TimeSpan{Start: model.Clock{Hour: 15}, End: model.Clock{Hour: 17}},
				Kind: model.KindLethalForce,
			}}},
			{When: date("2022-01-06").Span(), Entries: []model.Entry{{
				Statement: model.Statement{ID: "e2",
					Text: model.T(fr, "Le Monde rapporte que l’armée s’est déployée dans la ville.",
						en, "Le Monde reported that the army had deployed in the city."),
					Sources: []model.SourceID{"lemonde-2022-01-06-2"}, Places: []model.PlaceID{"almaty"}},
				Kind: model.KindRiot,
			}}},
		},
		Places: []model.Place{
			{ID: "kz", Kind: model.PlaceCountry, Name: model.T(fr, "Kazakhstan", en, "Kazakhstan"), Coord: &model.Coord{Lat: 48, Lon: 68}},
			{ID: "almaty", Kind: model.PlaceCity, Name: model.T(fr, "Almaty", en, "Almaty"), Aliases: []string{"Алматы"}, Region: "kz",
				Coord: &model.Coord{Lat: 43.24, Lon: 76.89}},
		},
		Sources: []model.Source{
			{ID: "hrw-2022-01-26", Category: model.CategoryNGO, Outlet: "Human Rights Watch",
				Title: "Kazakhstan: Killings, Excessive Use of Force in Almaty", TitleLanguage: en,
				Translation: model.T(fr, "Kazakhstan : homicides et usage excessif de la force à Almaty"),
				Published:   date("2022-01-26"), URL: "https://www.hrw.org/news/2022/01/26/kazakhstan-killings-excessive-use-force-almaty"},
			{ID: "lemonde-2022-01-06-2", Category: model.CategoryMedia, Outlet: "Le Monde", Disambiguator: 2,
				Title: "Au Kazakhstan, des dizaines de manifestants tués par la police", TitleLanguage: fr,
				Translation: model.T(en, "In Kazakhstan, dozens of protesters killed by the police"),
				Published:   date("2022-01-06"), Updated: date("2022-01-07"),
				URL: "https://www.lemonde.fr/international/article/2022/01/06/au-kazakhstan-des-dizaines-de-manifestants-tues-par-la-police_6108383_3210.html"},
		},
		Figures: []model.Figure{{
			ID: "f1", Metric: model.MetricKilled, Party: model.PartyProtesters, Qualifier: model.About, Value: 10,
			Scope: "almaty", AsOf: date("2022-01-05"), Reported: date("2022-01-26"),
			Claimant: model.Claimant{Kind: model.ClaimantNGO, Name: model.T(fr, "Human Rights Watch", en, "Human Rights Watch")},
			Sources:  []model.SourceID{"hrw-2022-01-26"},
		}},
	}
}

func main() {
	if err := run(filepath.Join("out", "custom")); err != nil {
		fmt.Fprintln(os.Stderr, "custom:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	d := dossier()
	issues := model.Validate(d)
	for _, is := range issues {
		fmt.Println(is)
	}
	if err := issues.Err(); err != nil {
		return err
	}
	doc, err := report.Build(d, report.Options{Languages: []language.Tag{fr, en}})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var p, w bytes.Buffer
	info, err := pdf.Write(&p, doc, pdf.Options{Language: fr})
	if err != nil {
		return err
	}
	if err := xlsx.Write(&w, doc, xlsx.Options{Language: en}); err != nil {
		return err
	}
	for name, data := range map[string][]byte{"almaty.fr.pdf": p.Bytes(), "almaty.en.xlsx": w.Bytes()} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
		fmt.Printf("wrote %s (%d bytes)\n", path, len(data))
	}
	fmt.Printf("the PDF has %d pages\n", info.Pages)
	return nil
}
