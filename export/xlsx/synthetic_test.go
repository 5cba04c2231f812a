package xlsx

import (
	"fmt"
	"time"

	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// synthetic returns a valid bilingual dossier with n figures spread over
// metrics, parties, qualifiers, places, dates, claimants and sources, with
// accented and Cyrillic names, some retracted and superseded figures, and
// notes that start like spreadsheet formulas. It has a chronology of one
// entry per hundred figures (at least 40), and a source per two hundred
// figures (at least 60). The same n gives the same dossier.
func synthetic(n int) *model.Dossier {
	fr, en := language.French, language.English
	t := func(f, e string) model.Text { return model.Text{fr: f, en: e} }
	day := func(i int) model.Date { return model.Date{Year: 2022, Month: time.January, Day: 1}.AddDays(i) }
	d := &model.Dossier{
		Format:     model.Format,
		ID:         fmt.Sprintf("synthetic-%d", n),
		Country:    "kz",
		Languages:  []language.Tag{fr, en},
		Title:      t("Dossier synthétique : émeutes à Алматы", "Synthetic dossier: riots in Алматы"),
		Summary:    t("Un dossier de test.", "A test dossier."),
		Period:     model.DateSpan{Start: day(0), End: day(59)},
		Published:  day(70),
		Updated:    day(80),
		Issuer:     model.Issuer{Name: t("Bureau d’essai", "Test office")},
		Disclaimer: t("Données fictives.", "Fictitious data."),
		Method: model.Method{
			Scope:            t("Essai de charge.", "Load test."),
			CutOff:           day(65),
			SourcesConsulted: model.DateSpan{Start: day(0), End: day(70)},
		},
	}

	// Places: the country, regions, cities with coordinates, and a site.
	d.Places = append(d.Places, model.Place{ID: "kz", Kind: model.PlaceCountry, Name: t("Kazakhstan", "Kazakhstan"),
		Aliases: []string{"Қазақстан", "Казахстан"}, Coord: &model.Coord{Lat: 48, Lon: 67}})
	regions := []struct{ id, fr, en, cyr string }{
		{"mangystau", "région de Manguistaou", "Mangystau Region", "Маңғыстау облысы"},
		{"almaty-region", "région d’Almaty", "Almaty Region", "Алматы облысы"},
		{"zhambyl", "région de Jambyl", "Zhambyl Region", "Жамбыл облысы"},
		{"east", "région du Kazakhstan-Oriental", "East Kazakhstan Region", "Шығыс Қазақстан облысы"},
	}
	for _, r := range regions {
		d.Places = append(d.Places, model.Place{ID: model.PlaceID(r.id), Kind: model.PlaceRegion, Name: t(r.fr, r.en),
			Aliases: []string{r.cyr}, Region: "kz"})
	}
	cities := []struct{ id, fr, en, cyr, region string }{
		{"almaty", "Almaty", "Almaty", "Алматы", "kz"},
		{"aktau", "Aktaou", "Aktau", "Ақтау", "mangystau"},
		{"janaozen", "Janaozen", "Zhanaozen", "Жаңаөзен", "mangystau"},
		{"taldykorgan", "Taldykorgan", "Taldykorgan", "Талдықорған", "almaty-region"},
		{"taraz", "Taraz", "Taraz", "Тараз", "zhambyl"},
		{"semey", "Semeï", "Semey", "Семей", "east"},
		{"oskemen", "Oust-Kamenogorsk", "Ust-Kamenogorsk", "Өскемен", "east"},
	}
	for i, c := range cities {
		d.Places = append(d.Places, model.Place{ID: model.PlaceID(c.id), Kind: model.PlaceCity, Name: t(c.fr, c.en),
			Aliases: []string{c.cyr}, Region: model.PlaceID(c.region),
			Coord: &model.Coord{Lat: 43 + float64(i)*0.7, Lon: 51 + float64(i)*4.1}})
	}
	d.Places = append(d.Places, model.Place{ID: "almaty-square", Kind: model.PlaceSite,
		Name: t("place de la République", "Republic Square"), Region: "almaty", Coord: &model.Coord{Lat: 43.238, Lon: 76.945}})
	var placeIDs []model.PlaceID
	for _, p := range d.Places {
		placeIDs = append(placeIDs, p.ID)
	}

	// Sources, with accented and Cyrillic titles; source k is published on
	// day k%60, and there are a multiple of sixty of them.
	nsrc := max(60, (n/200+59)/60*60)
	outlets := []string{"Le Monde", "Radio Azattyq", "Meduza", "Eurasianet", "Новая газета", "Human Rights Watch"}
	for i := range nsrc {
		s := model.Source{
			ID:            model.SourceID(fmt.Sprintf("src-%06d", i)),
			Category:      model.SourceCategories()[i%len(model.SourceCategories())],
			Outlet:        outlets[i%len(outlets)],
			Title:         fmt.Sprintf("Протесты в Казахстане, день %d", i),
			TitleLanguage: language.Russian,
			Translation:   t(fmt.Sprintf("Manifestations au Kazakhstan, jour n°%d", i), fmt.Sprintf("Protests in Kazakhstan, day %d", i)),
			Published:     day(i % 60),
			URL:           fmt.Sprintf("https://example.org/kz/статья-%d?q=émeute&n=%d", i, i),
		}
		if i%2 == 1 {
			s.Title, s.TitleLanguage, s.Translation = fmt.Sprintf("Émeutes : « bilan » n°%d", i), fr, t("", fmt.Sprintf("Riots: ‘toll’ no. %d", i))
		}
		d.Sources = append(d.Sources, s)
	}
	src := func(i int) model.SourceID { return d.Sources[i%nsrc].ID }

	// Chronology: one entry per hundred figures over sixty days, each
	// citing two sources (so that every source is cited).
	nent := max(40, n/100)
	kinds := model.EventKinds()
	perDay := (nent + 59) / 60
	for k := 0; k < nent; k += perDay {
		dd := model.Day{When: day(k / perDay).Span()}
		for j := k; j < min(nent, k+perDay); j++ {
			e := model.Entry{
				Statement: model.Statement{
					ID:      model.StatementID(fmt.Sprintf("e-%06d", j)),
					Text:    t(fmt.Sprintf("Entrée n°%d : heurts à Алматы, « bilan » incertain.", j), fmt.Sprintf("Entry %d: clashes in Алматы, toll unclear.", j)),
					Sources: []model.SourceID{src(2 * j), src(2*j + 1)},
					Places:  []model.PlaceID{placeIDs[j%len(placeIDs)]},
				},
				Kind: kinds[j%len(kinds)],
			}
			switch j % 7 {
			case 1:
				e.Time = &model.TimeSpan{Start: model.Clock{Hour: 15}, End: model.Clock{Hour: 17, Minute: 30}}
			case 2:
				tm := model.At(10, 5)
				e.Time = &tm
				e.Reliability = model.NotCorroborated
			case 3:
				e.Text = t("=HYPERLINK(\"http://evil.example\") selon un témoin", "=HYPERLINK(\"http://evil.example\") says a witness")
			}
			dd.Entries = append(dd.Entries, e)
		}
		d.Chronology = append(d.Chronology, dd)
	}
	for i := 2 * nent; i < nsrc; i++ { // cite the sources the entries did not
		last := &d.Chronology[len(d.Chronology)-1].Entries[0]
		last.Sources = append(last.Sources, src(i))
	}

	// Figures.
	metrics := []model.Metric{model.MetricKilled, model.MetricArrested, model.MetricInjured, model.MetricDetained,
		model.MetricHospitalised, model.MetricCharged, model.MetricProtesters, model.MetricPrice}
	quals := model.Qualifiers()
	claimants := []struct {
		kind   model.ClaimantKind
		fr, en string
	}{
		{model.ClaimantOfficial, "ministère de l’Intérieur", "Ministry of Internal Affairs"},
		{model.ClaimantOfficial, "Министерство здравоохранения", "Министерство здравоохранения"},
		{model.ClaimantMedia, "médias locaux", "local media"},
		{model.ClaimantNGO, "Human Rights Watch", "Human Rights Watch"},
		{model.ClaimantWitness, "témoins à Алматы", "witnesses in Алматы"},
		{model.ClaimantInternational, "OSCE", "OSCE"},
		{model.ClaimantOther, "résumé web", "web summary"},
	}
	notes := []string{"", "=1+1", "+7 (727) 000", "-5 %", "@sum", "À vérifier : « estimation »"}
	d.Figures = make([]model.Figure, n)
	for i := range n {
		c := claimants[(i/3)%len(claimants)]
		a := (i * 7) % 60 // the day it stands at; its sources are published that day
		asOf := day(a)
		f := model.Figure{
			ID:        model.FigureID(fmt.Sprintf("f-%07d", i)),
			Metric:    metrics[i%len(metrics)],
			Party:     model.Parties()[(i/len(metrics))%len(model.Parties())],
			Qualifier: quals[(i/11)%len(quals)],
			Value:     float64(10 + (i*37)%5000),
			AsOf:      asOf,
			Reported:  asOf.AddDays(i % 3),
			Claimant:  model.Claimant{Kind: c.kind, Name: t(fmt.Sprintf("%s n°%d", c.fr, i%13), fmt.Sprintf("%s no. %d", c.en, i%13))},
			Sources:   []model.SourceID{src(i/60*60 + a), src(i/60*60 + 60 + a)},
		}
		if i%5 != 0 {
			f.Scope = placeIDs[(i/5)%len(placeIDs)]
		}
		switch f.Qualifier {
		case model.Range:
			f.Value, f.Low, f.High = 0, f.Value, f.Value+float64(i%50)+1
		case model.Dozens:
			f.Value = 10
		case model.Hundreds:
			f.Value = 100
		case model.Thousands:
			f.Value = 1000
		}
		if f.Metric == model.MetricPrice {
			f.Unit, f.Value, f.Qualifier, f.Low, f.High = "KZT/l", 60+float64(i%100)/4, model.Exact, 0, 0
		}
		switch i % 29 {
		case 3:
			f.Status, f.StatusDate = model.StatusRetracted, f.Reported.AddDays(1)
		case 5:
			f.Status, f.StatusDate = model.StatusSuperseded, f.Reported.AddDays(2)
		}
		if s := notes[i%len(notes)]; s != "" {
			f.Note = t(s, s)
		}
		d.Figures[i] = f
	}
	return d
}
