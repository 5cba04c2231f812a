package synth

import (
	"fmt"
	"strconv"

	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

var (
	backgroundTemplates = []tpl{
		tp("{country} est un vaste pays enclavé d'Asie centrale, riche en hydrocarbures ; sa capitale est {capital}.",
			"{country} is a vast landlocked country in Central Asia, rich in hydrocarbons; its capital is {capital}."),
		tp("Le pouvoir y est concentré entre les mains du président et de son entourage ; l'opposition n'est pas représentée au Parlement.",
			"Power is concentrated in the hands of the President and his circle; the opposition is not represented in Parliament."),
		tp("En {year}, déjà, une grève des ouvriers du pétrole {de_city} avait été réprimée par la force ; le bilan officiel faisait état de {n} morts.",
			"Back in {year}, an oil workers' strike in {city} was put down by force; the official toll was {n} dead."),
		tp("Le {day}, la libéralisation du prix du gaz de pétrole liquéfié, principal carburant automobile de l'ouest du pays, entraîne un doublement de son prix à la pompe.",
			"On {day}, the liberalisation of the price of liquefied petroleum gas, the main motor fuel in the west of the country, doubled its pump price."),
		tp("Les manifestations publiques y sont soumises à autorisation préalable ; les rassemblements non autorisés sont régulièrement dispersés.",
			"Public demonstrations require prior authorisation; unauthorised gatherings are regularly dispersed."),
	}
	// In a real country (Options.Country), the first background
	// statement and the note on place names say nothing of Central Asia.
	landBackground = tp("Depuis plusieurs années, la situation économique du pays se dégrade ; sa principale ville, {capital}, concentre l'essentiel de l'activité.",
		"The country's economy has been declining for several years; its main city, {capital}, holds most of its activity.")
	landPlacesNote = tp("Les noms de lieux sont transcrits selon l'usage français ; les graphies russes (par exemple {ru}) figurent dans l'index des lieux.",
		"Place names follow English usage; Russian spellings (for example {ru}) are listed in the index of places.")
	summaryTemplate = tp("Au début de la période, une forte hausse du prix du gaz liquéfié provoque {at_city} des manifestations qui gagnent en quelques jours l'ensemble du pays et prennent une tournure politique. "+
		"À partir du {peak}, plusieurs villes, {capital} au premier chef, sont le théâtre d'émeutes et d'affrontements armés. "+
		"Les autorités décrètent l'état d'urgence, coupent l'accès à internet et sollicitent l'aide d'une alliance militaire régionale. "+
		"Des milliers de personnes sont interpellées et des centaines font l'objet de poursuites pénales.",
		"Early in the period, a steep rise in the price of liquefied gas set off protests in {city} that spread across the country within days and became political. "+
			"From {peak}, several cities, above all {capital}, saw riots and armed clashes. "+
			"The authorities declared a state of emergency, cut off internet access and called in a regional military alliance. "+
			"Thousands of people were detained and hundreds were prosecuted.")
	disclaimer = tp("Ce dossier est entièrement fictif : le pays, les lieux, les personnes, les médias, les chiffres et les adresses ont été générés automatiquement pour des essais de performance et de mise en page. "+
		"Il ne décrit aucun événement réel et ne saurait être cité comme source.",
		"This dossier is entirely fictitious: the country, places, people, outlets, figures and addresses were generated automatically for performance and layout tests. "+
			"It describes no real event and must not be cited as a source.")
	scope = tp("Chronologie documentée de la crise {de_country} : déclenchement, extension au pays, violences, réponse des autorités (état d'urgence, opération antiterroriste, intervention étrangère), bilans humains, arrestations et poursuites. "+
		"Elle s'appuie exclusivement sur des sources publiques : médias, organisations non gouvernementales, institutions et centres de recherche.",
		"Documented chronology of the crisis in {country}: its trigger, its spread across the country, the violence, the authorities' response (state of emergency, counter-terrorist operation, foreign intervention), casualty tolls, arrests and prosecutions. "+
			"It relies solely on public sources: media, non-governmental organisations, institutions and research centres.")
	methodNote = tp("Les titres russes et kazakhs sont cités dans leur graphie d'origine et traduits par l'auteur.",
		"Russian and Kazakh titles are given in their original script and translated by the author.")
	notes = []tpl{
		tp("Les noms de lieux sont transcrits selon l'usage français ; les graphies kazakhes (par exemple {kk}) et russes (par exemple {ru}) figurent dans l'index des lieux.",
			"Place names follow English usage; Kazakh spellings (for example {kk}) and Russian ones (for example {ru}) are listed in the index of places."),
		tp("Les chiffres cités sont ceux des sources, sans correction ; lorsqu'ils divergent, le tableau des chiffres les présente côte à côte.",
			"Figures are given as the sources give them, uncorrected; where they differ, the table of figures sets them side by side."),
	}
)

// front returns the dossier without its chronology, places, sources and
// figures: metadata, background, sections, notes and errata.
func (g *gen) front() *model.Dossier {
	r := newRNG(g.seed, tagFront, 0)
	c := g.country.city
	names := pair{c.fr, c.en} // in titles
	id := slug(c.en, false)
	if g.land != nil {
		names, id = pair{g.land.fr, g.land.en}, g.land.code
	}
	capital := g.place(g.capital())
	label := month(g.period.Start)
	if g.period.End.Month != g.period.Start.Month {
		end := month(g.period.End)
		if g.period.End.Year == g.period.Start.Year {
			label = pair{frMonths[g.period.Start.Month-1] + "–" + end.fr, g.period.Start.Month.String() + "–" + end.en}
		} else {
			label = pair{label.fr + "–" + end.fr, label.en + "–" + end.en}
		}
	}
	var s slots
	s.set("country", pair{c.fr, c.en})
	s.set("de_country", pair{g.countryOf(), c.en})
	s.set("capital", pair{capital.city.fr, capital.city.en})
	first := g.place(g.cityIndex(min(1, g.sz.cities-1))).city
	s.set("city", pair{first.fr, first.en})
	s.set("at_city", pair{"à " + first.fr, "in " + first.en})
	s.set("de_city", pair{de(first.fr), first.en})
	s.set("peak", day(g.period.Start.AddDays(g.peak)))
	s.set("day", day(g.period.Start))
	year := strconv.Itoa(g.period.Start.Year - r.between(5, 12))
	s.set("year", pair{year, year})
	s.set("n", num(r.between(12, 20)))
	s.set("kk", pair{capital.city.kk, capital.city.kk})
	s.set("ru", pair{capital.city.ru, capital.city.ru})

	version := "1.0"
	if !g.updated.IsZero() {
		version = "1.1"
	}
	unit := pair{"Pôle documentation et recherche", "Documentation and Research Unit"}
	d := &model.Dossier{
		Format:     model.Format,
		ID:         "synth-" + id + "-" + strconv.FormatUint(g.seed, 10),
		Country:    g.country.ID,
		Languages:  []language.Tag{fr, en},
		Title:      pair{names.fr + frTypo.Replace(" : manifestations, émeutes et répression (") + label.fr + ")", names.en + ": protests, riots and crackdown (" + label.en + ")"}.text(),
		ShortTitle: pair{names.fr + ", " + label.fr, names.en + ", " + label.en}.text(),
		Summary:    summaryTemplate.render(s).text(),
		Period:     g.period,
		Published:  g.published,
		Updated:    g.updated,
		Issuer: model.Issuer{
			Name: pair{"Centre d’information sur les pays d’origine", "Country of Origin Information Centre"}.text(),
			Unit: unit.text(),
			URL:  "https://coi-centre.example",
		},
		Disclaimer: disclaimer.render(nil).text(),
		Method: model.Method{
			Scope:             scope.render(s).text(),
			CutOff:            minDate(g.period.End.AddDays(r.between(3, 10)), g.published),
			SourcesConsulted:  model.DateSpan{Start: g.period.Start, End: g.published},
			LanguagesSearched: []language.Tag{fr, en, language.Russian, language.Kazakh},
			Contributors: []model.Contributor{
				{Role: model.RoleAuthor, Name: unit.text()},
				{Role: model.RoleReviewer, Name: pair{"Comité de relecture", "Review board"}.text()},
				{Role: model.RoleTranslator, Name: pair{"Service de traduction", "Translation service"}.text()},
				{Role: model.RoleEditor, Name: pair{"Direction de la publication", "Publishing directorate"}.text()},
			},
			Version: version,
			Note:    methodNote.render(nil).text(),
		},
	}

	for i, t := range backgroundTemplates[:r.between(3, len(backgroundTemplates))] {
		if i == 0 && g.land != nil {
			t = landBackground
		}
		d.Background = append(d.Background, model.Statement{
			ID:      model.StatementID(fmt.Sprintf("bg-%02d", i+1)),
			Text:    t.render(s).text(),
			Sources: g.someSources(r, r.between(1, 3)),
		})
	}
	d.Sections = g.sections(r)
	for i, t := range notes {
		if i == 0 && g.land != nil {
			t = landPlacesNote
		}
		d.Notes = append(d.Notes, model.Statement{ID: model.StatementID(fmt.Sprintf("note-%02d", i+1)), Text: t.render(s).text()})
	}
	d.Errata = g.errata()
	return d
}

// someSources returns n sources drawn anywhere in the bibliography.
func (g *gen) someSources(r rng, n int) []model.SourceID {
	ids := make([]model.SourceID, n)
	for i := range ids {
		ids[i] = g.sourceID(r.intn(g.sz.sources))
	}
	return ids
}

// section is the plan of a thematic section: its title and the kinds of
// its paragraphs.
type section struct {
	title tpl
	kinds []model.EventKind
	tolls bool // its paragraphs report figures
	subs  []section
}

var sectionPlans = []section{
	{title: tp("Répression et poursuites", "Crackdown and prosecutions"),
		kinds: []model.EventKind{model.KindArrests, model.KindJudicial, model.KindArrests, model.KindJudicial, model.KindPersonnelChange}},
	{title: tp("Bilans humains", "Casualty tolls"), tolls: true,
		kinds: []model.EventKind{model.KindLethalForce, model.KindRiot, model.KindLethalForce},
		subs: []section{{title: tp("Allégations de torture", "Allegations of torture"),
			kinds: []model.EventKind{model.KindTorture, model.KindTorture, model.KindTorture}}}},
	{title: tp("Réactions internationales", "International reactions"),
		kinds: []model.EventKind{model.KindStatement, model.KindForeignIntervention, model.KindStatement}},
}

// sections returns two or three thematic sections.
func (g *gen) sections(r rng) []model.Section {
	n := r.between(2, 3)
	out := make([]model.Section, n)
	for i := range out {
		out[i] = g.section(r, sectionPlans[i], "s"+strconv.Itoa(i+1))
	}
	return out
}

func (g *gen) section(r rng, plan section, id string) model.Section {
	sec := model.Section{ID: id, Title: plan.title.render(nil).text()}
	nPar := r.between(2, len(plan.kinds))
	for i, k := range plan.kinds[:nPar] {
		w := g.where(r, k)
		var figs []figInfo
		if plan.tolls && g.sz.figures > 0 {
			blk := g.figureBlock(r.intn(g.figureBlocks()))
			for _, j := range []int{0, 4, 3} {
				if j < len(blk) {
					figs = append(figs, blk[j])
				}
			}
		}
		p := model.Statement{
			ID:      model.StatementID(fmt.Sprintf("%s-%02d", id, i+1)),
			Text:    g.prose(r, k, g.slotsFor(r, w, g.period.Start.AddDays(g.peak)), figs, pair{}).text(),
			Sources: g.someSources(r, r.between(1, 8)),
			Bullet:  i > 0 && r.chance(0.3),
		}
		for _, f := range figs {
			p.Figures = append(p.Figures, f.ID)
		}
		sec.Paragraphs = append(sec.Paragraphs, p)
	}
	for i, sub := range plan.subs {
		sec.Sections = append(sec.Sections, g.section(r, sub, id+"-"+strconv.Itoa(i+1)))
	}
	return sec
}

// errata explains the warnings the generator provokes on purpose (a
// source without URL, a misprinted year, a figure announced before any
// source reported it) and records two corrections that provoke none.
func (g *gen) errata() []model.Erratum {
	var out []model.Erratum
	add := func(ref model.Ref, field, printed, recorded string, t tpl, s slots) {
		out = append(out, model.Erratum{Ref: ref, Field: field, Printed: printed, Recorded: recorded, Text: t.render(s).text()})
	}
	src := func(j int) model.Ref { return model.Ref{Kind: model.RefSource, ID: string(g.sourceID(j))} }

	add(src(srcNoURL), "url", "bulletin imprimé", "",
		tp("Ce bulletin n'existe qu'en version imprimée ; un exemplaire peut être consulté au centre de documentation.",
			"This bulletin exists in print only; a copy can be consulted at the documentation centre."), nil)

	slipped := g.sourceDate(srcYearSlip)
	var s slots
	s.set("y", pair{strconv.Itoa(slipped.Year), strconv.Itoa(slipped.Year)})
	s.set("day", date(model.DateOf(slipped.Time().AddDate(1, 0, 0))))
	add(src(srcYearSlip), "published", numeric(slipped), "",
		tp("L'année imprimée ({y}) est manifestement une coquille : l'article traite des événements du {day}. La date imprimée est conservée faute d'avoir pu consulter l'original.",
			"The printed year ({y}) is plainly a misprint: the article deals with the events of {day}. The printed date is kept, as the original could not be consulted."), s)

	if g.sz.figures > 0 {
		blk := g.figureBlock(0)
		f := blk[len(blk)-1]
		var s slots
		s.set("reported", day(f.Reported))
		s.set("published", day(g.sourceDate(g.sourceIndex(f.Sources[0]))))
		add(model.Ref{Kind: model.RefFigure, ID: string(f.ID)}, "reported", numeric(f.Reported), f.Reported.String(),
			tp("La note date l'annonce au {reported} ; les sources qui la rapportent ont été publiées plus tard (à partir du {published}). La date de l'annonce est conservée.",
				"The note dates the announcement to {reported}; the sources reporting it were published later (from {published}). The date of the announcement is kept."), s)
	}

	h := &g.headings[0]
	e := g.entry(h, 0)
	first := g.source(g.sourceIndex(e.Sources[0]))
	add(model.Ref{Kind: model.RefStatement, ID: string(e.ID)}, "sources", first.Outlet+", "+numeric(first.Published), string(first.ID),
		tp("La note cite ce média sans préciser l'article ; la référence retenue est celle dont le contenu correspond au passage.",
			"The note cites this outlet without saying which item; the reference recorded is the one whose content matches the passage."), nil)

	for j := 2 * sourceBlock; j < min(g.sz.sources, 4000); j++ {
		if first, size := g.sourceGroup(j); size > 1 && first == j {
			add(src(j), "disambiguator", "sans numéro", "1",
				tp("La note numérote [2] un autre élément de ce média du même jour mais n'imprime aucun numéro pour celui-ci ; il reçoit donc le numéro [1].",
					"The note numbers another item of this outlet of the same day [2] but prints no number for this one; it is therefore given number [1]."), nil)
			break
		}
	}
	return out
}
