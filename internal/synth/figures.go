package synth

import (
	"github.com/coibrief/coibrief/model"
)

// claimant is who puts a figure forward, with how a sentence names it.
type claimant struct {
	kind model.ClaimantKind
	name pair // "ministère de l’Intérieur" / "Ministry of Internal Affairs"
	by   pair // "selon le ministère de l’Intérieur" / "according to the Ministry of Internal Affairs"
}

func cl(kind model.ClaimantKind, nameFr, nameEn, byFr, byEn string) claimant {
	return claimant{kind, pair{frTypo.Replace(nameFr), enTypo(nameEn)}, pair{frTypo.Replace(byFr), enTypo(byEn)}}
}

// officials returns the state's claimants in a country: "de" and its
// French name (deFr), its English name in running text (en).
func officials(deFr, en string) []claimant {
	return []claimant{
		cl(model.ClaimantOfficial, "ministère de l'Intérieur", "Ministry of Internal Affairs", "selon le ministère de l'Intérieur", "according to the Ministry of Internal Affairs"),
		cl(model.ClaimantOfficial, "parquet général", "Prosecutor General's Office", "selon le parquet général", "according to the Prosecutor General's Office"),
		cl(model.ClaimantOfficial, "ministère de la Santé", "Ministry of Health", "selon le ministère de la Santé", "according to the Ministry of Health"),
		cl(model.ClaimantOfficial, "Comité de sécurité nationale", "National Security Committee", "selon le Comité de sécurité nationale", "according to the National Security Committee"),
		cl(model.ClaimantOfficial, "présidence de la République", "presidential administration", "selon la présidence de la République", "according to the presidential administration"),
		cl(model.ClaimantOfficial, "autorités "+deFr, "authorities of "+en, "selon les autorités "+deFr, "according to the authorities of "+en),
	}
}

// localAuthority returns the local authority of city c as a claimant:
// its akimat in the fictitious country, its city hall in a real one.
func (g *gen) localAuthority(c name) claimant {
	if g.land != nil {
		n := "mairie " + de(c.fr)
		return cl(model.ClaimantOfficial, n, c.en+" city hall", "selon la "+n, "according to the "+c.en+" city hall")
	}
	n := "akimat " + de(c.fr)
	return cl(model.ClaimantOfficial, n, c.en+" city akimat", "selon l'"+n, "according to the "+c.en+" city akimat")
}

var independents = []claimant{
	cl(model.ClaimantMedia, "Vremya Vostoka", "Vremya Vostoka", "selon Vremya Vostoka", "according to Vremya Vostoka"),
	cl(model.ClaimantMedia, "Radio Azat", "Radio Azat", "selon Radio Azat", "according to Radio Azat"),
	cl(model.ClaimantMedia, "Steppe Herald", "Steppe Herald", "selon le Steppe Herald", "according to the Steppe Herald"),
	cl(model.ClaimantMedia, "médias locaux", "local media", "selon les médias locaux", "according to local media"),
	cl(model.ClaimantNGO, "Bureau des droits humains de la steppe", "Steppe Human Rights Bureau", "selon le Bureau des droits humains de la steppe", "according to the Steppe Human Rights Bureau"),
	cl(model.ClaimantNGO, "Observatoire des libertés en Asie centrale", "Central Asia Freedoms Observatory", "selon l'Observatoire des libertés en Asie centrale", "according to the Central Asia Freedoms Observatory"),
	cl(model.ClaimantNGO, "centre de défense des droits humains « Ashyq Alan »", "Ashyq Alan human rights centre", "selon le centre de défense des droits humains « Ashyq Alan »", "according to the Ashyq Alan human rights centre"),
	cl(model.ClaimantInternational, "Organisation pour la sécurité et la coopération régionales", "Organisation for Regional Security and Cooperation", "selon l'Organisation pour la sécurité et la coopération régionales", "according to the Organisation for Regional Security and Cooperation"),
	cl(model.ClaimantInternational, "Mission d'observation de l'Union eurasienne", "Eurasian Union Observation Mission", "selon la Mission d'observation de l'Union eurasienne", "according to the Eurasian Union Observation Mission"),
	cl(model.ClaimantWitness, "proches des victimes", "victims' relatives", "selon des proches des victimes", "according to victims' relatives"),
	cl(model.ClaimantWitness, "avocats de la défense", "defence lawyers", "selon des avocats de la défense", "according to defence lawyers"),
	cl(model.ClaimantWitness, "militants locaux", "local activists", "selon des militants locaux", "according to local activists"),
	cl(model.ClaimantOther, "sources hospitalières", "hospital sources", "selon des sources hospitalières", "according to hospital sources"),
	cl(model.ClaimantOther, "sources diverses", "various sources", "selon diverses sources", "according to various sources"),
}

var channels = []string{"Telegram", "Facebook", "YouTube", "Instagram"}

// metricInfo says how sentences speak of a metric and what values it takes.
type metricInfo struct {
	noun         pair   // its own noun, or "personnes" / "people"
	own          bool   // the noun is the metric's: parties do not change it
	fem          bool   // French gender of the noun
	verbF, verbM string // French verb after a feminine or masculine noun
	verbEn       string
	lo, hi       int // plausible values for the whole country
	parties      []model.Party
}

var people = pair{"personnes", "people"}

var metricInfos = map[model.Metric]metricInfo{
	model.MetricKilled:         {noun: people, fem: true, verbF: "ont été tuées", verbM: "ont été tués", verbEn: "were killed", lo: 8, hi: 300, parties: []model.Party{model.PartyCivilians, model.PartySecurityForces, model.PartyProtesters}},
	model.MetricInjured:        {noun: people, fem: true, verbF: "ont été blessées", verbM: "ont été blessés", verbEn: "were injured", lo: 60, hi: 5000, parties: []model.Party{model.PartySecurityForces, model.PartyCivilians}},
	model.MetricHospitalised:   {noun: people, fem: true, verbF: "ont été hospitalisées", verbM: "ont été hospitalisés", verbEn: "were admitted to hospital", lo: 20, hi: 1500, parties: []model.Party{model.PartySecurityForces, model.PartyCivilians}},
	model.MetricIntensiveCare:  {noun: people, fem: true, verbF: "se trouvaient en soins intensifs", verbM: "se trouvaient en soins intensifs", verbEn: "were in intensive care", lo: 8, hi: 120, parties: []model.Party{model.PartyCivilians, model.PartySecurityForces}},
	model.MetricDetained:       {noun: people, fem: true, verbF: "ont été interpellées", verbM: "ont été interpellés", verbEn: "were detained", lo: 100, hi: 12000, parties: []model.Party{model.PartyProtesters, model.PartyOfficials}},
	model.MetricArrested:       {noun: people, fem: true, verbF: "ont été arrêtées", verbM: "ont été arrêtés", verbEn: "were arrested", lo: 50, hi: 10000, parties: []model.Party{model.PartyProtesters, model.PartyOfficials}},
	model.MetricCriminalCases:  {noun: pair{"procédures pénales", "criminal cases"}, own: true, fem: true, verbF: "ont été ouvertes", verbEn: "were opened", lo: 20, hi: 1500},
	model.MetricAdministrative: {noun: pair{"sanctions administratives", "administrative penalties"}, own: true, fem: true, verbF: "ont été prononcées", verbEn: "were imposed", lo: 50, hi: 2000},
	model.MetricCharged:        {noun: people, fem: true, verbF: "ont été inculpées", verbM: "ont été inculpés", verbEn: "were charged", lo: 10, hi: 800, parties: []model.Party{model.PartyProtesters, model.PartyOfficials}},
	model.MetricReleased:       {noun: people, fem: true, verbF: "ont été libérées", verbM: "ont été libérés", verbEn: "were released", lo: 20, hi: 5000, parties: []model.Party{model.PartyProtesters}},
	model.MetricTroops:         {noun: pair{"militaires étrangers", "foreign troops"}, own: true, verbM: "ont été déployés", verbEn: "were deployed", lo: 500, hi: 3000, parties: []model.Party{model.PartyForeignTroops}},
	model.MetricMissing:        {noun: people, fem: true, verbF: "étaient portées disparues", verbM: "étaient portés disparus", verbEn: "were missing", lo: 4, hi: 80, parties: []model.Party{model.PartyCivilians, model.PartyProtesters}},
	model.MetricProtesters:     {noun: people, fem: true, verbF: "ont pris part aux manifestations", verbM: "ont pris part aux manifestations", verbEn: "took part in the protests", lo: 500, hi: 50000},
	model.MetricPrice:          {lo: 5, hi: 40},
	model.MetricVehicles:       {noun: pair{"véhicules", "vehicles"}, own: true, verbM: "ont été détruits ou endommagés", verbEn: "were destroyed or damaged", lo: 30, hi: 1500},
	model.MetricBuildings:      {noun: pair{"bâtiments", "buildings"}, own: true, verbM: "ont été incendiés ou dégradés", verbEn: "were set on fire or damaged", lo: 10, hi: 600},
	model.MetricWeapons:        {noun: pair{"armes", "weapons"}, own: true, fem: true, verbF: "ont été dérobées", verbEn: "were stolen", lo: 50, hi: 3000},
	model.MetricOther:          {noun: pair{"commerces", "shops"}, own: true, verbM: "ont été pillés", verbEn: "were looted", lo: 20, hi: 1200},
}

var partyNouns = map[model.Party]pair{
	model.PartyProtesters:     {"manifestants", "protesters"},
	model.PartyCivilians:      {"civils", "civilians"},
	model.PartySecurityForces: {"membres des forces de l’ordre", "members of the security forces"},
	model.PartyOfficials:      {"responsables", "officials"},
}

// The metrics a block's main figure counts, and their weights.
var (
	mainMetrics = []model.Metric{model.MetricKilled, model.MetricInjured, model.MetricDetained, model.MetricArrested,
		model.MetricHospitalised, model.MetricCriminalCases, model.MetricCharged, model.MetricReleased, model.MetricMissing}
	mainWeights = []int{25, 15, 20, 15, 5, 8, 5, 4, 3}
)

// Notes on figures.
var (
	figureNotes = []tpl{
		tp("Chiffre communiqué lors d'une conférence de presse ; il ne distingue pas civils et membres des forces de l'ordre.",
			"Figure given at a press conference; it does not distinguish civilians from members of the security forces."),
		tp("Chiffre repris par plusieurs médias sans indication de source primaire.", "Figure repeated by several outlets without a primary source."),
		tp("Bilan provisoire, susceptible d'être révisé.", "Provisional toll, subject to revision."),
		tp("Le chiffre inclut les personnes relâchées après une vérification d'identité.", "The figure includes people released after an identity check."),
		tp("Le communiqué original, en russe, parle de « пострадавшие », terme qui englobe blessés et morts.",
			"The original statement, in Russian, says 'пострадавшие', a term that covers both the injured and the dead."),
		tp("Le décompte s'arrête à minuit, heure locale.", "The count stops at midnight, local time."),
	}
	retractedNote  = tp("Chiffre retiré le lendemain par son auteur, qui invoque une « erreur technique ».", "Withdrawn the next day by whoever put it forward, citing a 'technical error'.")
	supersededNote = tp("Bilan antérieur, remplacé par un bilan actualisé.", "An earlier toll, replaced by an updated one.")
	otherNote      = tp("Nombre de commerces pillés, selon le décompte de la chambre de commerce.", "Number of shops looted, according to the chamber of commerce's count.")
	priceNote      = tp("Prix à la pompe d'un litre de gaz de pétrole liquéfié, converti en dollars.", "Pump price of a litre of liquefied petroleum gas, converted into dollars.")
)

// figInfo is a figure with what a sentence needs to report it.
type figInfo struct {
	model.Figure
	by      pair // "selon …" / "according to …"
	scopeAt pair // " à Karataou" / " in Karatau", or empty for the country
}

// figBlock is the number of figures drawn together: a main figure, two
// parts of it, an earlier figure it supersedes, an independent count, a
// retracted figure and two more of other metrics.
const figBlock = 8

func (g *gen) figureBlocks() int { return (g.sz.figures + figBlock - 1) / figBlock }

// figureBlock returns the figures of block b.
func (g *gen) figureBlock(b int) []figInfo {
	r := newRNG(g.seed, tagFigures, b)
	all := model.Metrics()
	out := make([]figInfo, 0, figBlock)
	add := func(f model.Figure, c claimant, scopeAt pair) *figInfo {
		f.ID = g.figureID(b*figBlock + len(out))
		f.Claimant = model.Claimant{Kind: c.kind, Name: c.name.text(), Channel: f.Claimant.Channel}
		out = append(out, figInfo{f, c.by, scopeAt})
		return &out[len(out)-1]
	}

	// 0: the main figure, put forward by an official body.
	m := mainMetrics[r.weighted(mainWeights...)]
	mi := metricInfos[m]
	where := g.figureScope(r)
	scope, scopeAt := where.scope()
	official := pick(r, g.officials)
	if where.Kind == model.PlaceCity && r.chance(0.5) {
		official = g.localAuthority(where.city)
	}
	v := g.value(r, m, scope != "")
	srcs, earliest := g.figureSources(r)
	reported := minDate(earliest.AddDays(r.weighted(5, 3, 2)), g.limit)
	main := model.Figure{Metric: m, Qualifier: []model.Qualifier{model.Exact, model.About, model.MoreThan, model.AtLeast, model.Nearly}[r.weighted(6, 1, 1, 1, 1)],
		Value: float64(v), Scope: scope, AsOf: reported.AddDays(-r.weighted(6, 2, 1)), Reported: reported, Sources: srcs}
	if r.chance(0.15) {
		main.Status = model.StatusDisputed
	}
	if r.chance(0.3) {
		main.Claimant.Channel = pick(r, channels)
	}
	g.figureNote(r, &main, 0.3)
	mainID, mainReported := add(main, official, scopeAt).ID, main.Reported

	// 1, 2: two parts of it, by party.
	parties := mi.parties
	v1 := max(1, v*r.between(5, 40)/100)
	v2 := max(1, (v-v1)*r.between(10, 60)/100)
	for i, pv := range []int{v1, v2} {
		p := model.Figure{Metric: m, Value: float64(pv), Scope: scope,
			AsOf: main.AsOf, Reported: main.Reported, Sources: srcs[:1], PartOf: mainID}
		at := scopeAt
		switch {
		case i < len(parties):
			p.Party = parties[i]
		case where.Kind != model.PlaceCity:
			// no party to count by: a city of the country or region
			c, ok := g.cityIn(r, where)
			if ok {
				p.Scope, at = c.ID, pair{" " + c.at.fr, " " + c.at.en}
			}
		}
		g.figureNote(r, &p, 0.15)
		add(p, official, at)
	}

	// 3: an earlier figure of the same claimant, which the main one supersedes.
	prev := model.Figure{Metric: m, Qualifier: []model.Qualifier{model.Exact, model.About}[r.intn(2)],
		Value: float64(max(1, v*r.between(40, 90)/100)), Scope: scope,
		Status: model.StatusSuperseded, StatusDate: mainReported, SupersededBy: mainID}
	mainEarliest := earliest
	prev.Sources, earliest = g.figureSources(r)
	if earliest.After(mainReported) {
		prev.Sources, earliest = srcs[:1], mainEarliest
	}
	prev.Reported = clamp(mainReported.AddDays(-r.between(0, 4)), earliest, mainReported)
	prev.AsOf = prev.Reported.AddDays(-r.intn(2))
	if r.chance(0.6) {
		prev.Note = supersededNote.render(nil).text()
	}
	add(prev, official, scopeAt)

	// 4: an independent count of the same thing.
	ind := model.Figure{Metric: m, Scope: scope}
	switch r.weighted(4, 3, 3, 1) {
	case 0:
		ind.Qualifier = model.Range
		lo := v * r.between(105, 130) / 100
		ind.Low, ind.High = float64(lo), float64(lo+max(1, v*r.between(10, 60)/100))
	case 1:
		ind.Qualifier, ind.Value = model.AtLeast, float64(v*r.between(110, 250)/100)
	case 2:
		ind.Qualifier, ind.Value = model.MoreThan, float64(v*r.between(110, 250)/100)
	default:
		ind.Qualifier, ind.Value = model.AtMost, float64(v*r.between(100, 150)/100)
	}
	if r.chance(0.3) {
		ind.Status = model.StatusDisputed
	}
	g.dates(r, &ind)
	g.figureNote(r, &ind, 0.25)
	add(ind, pick(r, independents), scopeAt)

	// 5: a figure withdrawn by whoever put it forward.
	m5 := mainMetrics[r.weighted(mainWeights...)]
	sc5, at5 := g.figureScope(r).scope()
	ret := model.Figure{Metric: m5, Value: float64(g.value(r, m5, sc5 != "")), Scope: sc5, Status: model.StatusRetracted}
	g.dates(r, &ret)
	ret.StatusDate = minDate(ret.Reported.AddDays(r.between(1, 6)), g.limit)
	if r.chance(0.7) {
		ret.Note = retractedNote.render(nil).text()
	}
	c5 := pick(r, independents)
	if r.chance(0.5) {
		c5 = pick(r, g.officials)
	}
	add(ret, c5, at5)

	// 6, 7: every metric in turn, the second in words when it can be.
	for i, m := range []model.Metric{all[b%len(all)], all[(b+len(all)/2)%len(all)]} {
		sc, at := g.figureScope(r).scope()
		f := model.Figure{Metric: m, Scope: sc}
		c := pick(r, independents)
		switch {
		case m == model.MetricPrice:
			f.Value, f.Unit = float64(r.between(5, 40))/100, "USD/l"
			if r.chance(0.3) {
				f.Qualifier = model.About
			}
			f.Note = priceNote.render(nil).text()
			c = pick(r, independents[:4])
		case i == 1:
			w := r.intn(3)
			f.Qualifier = []model.Qualifier{model.Dozens, model.Hundreds, model.Thousands}[w]
			f.Value = []float64{10, 100, 1000}[w]
		default:
			f.Value = float64(g.value(r, m, sc != ""))
			if r.chance(0.5) {
				c = pick(r, g.officials)
			}
		}
		if ps := metricInfos[m].parties; len(ps) > 0 && r.chance(0.5) {
			f.Party = pick(r, ps)
		}
		if m == model.MetricTroops {
			f.Party = model.PartyForeignTroops
		}
		if m == model.MetricOther {
			f.Note = otherNote.render(nil).text()
		}
		g.dates(r, &f)
		if f.Note == nil {
			g.figureNote(r, &f, 0.2)
		}
		add(f, c, at)
	}

	n := min(figBlock, g.sz.figures-b*figBlock)
	out = out[:n]
	if b == 0 {
		// The last figure of the first block was announced before any
		// source reported it; an erratum explains the warning.
		f := &out[n-1]
		f.Reported = g.sourceDate(g.sourceIndex(f.Sources[0])).AddDays(-3)
		f.AsOf = minDate(f.AsOf, f.Reported)
	}
	return out
}

// dates sets the sources and dates of f.
func (g *gen) dates(r rng, f *model.Figure) {
	var earliest model.Date
	f.Sources, earliest = g.figureSources(r)
	f.Reported = minDate(earliest.AddDays(r.weighted(5, 3, 2)), g.limit)
	f.AsOf = f.Reported.AddDays(-r.weighted(6, 2, 1))
	if f.Metric == model.MetricKilled && r.chance(0.1) {
		// a toll of an earlier crackdown, recalled during the crisis
		f.AsOf = model.DateOf(f.AsOf.Time().AddDate(-r.between(2, 10), 0, 0))
	}
}

func (g *gen) figureNote(r rng, f *model.Figure, p float64) {
	if r.chance(p) {
		f.Note = pick(r, figureNotes).render(nil).text()
	}
}

// figureScope picks what a figure counts over: the country (60%), a
// region or a city.
func (g *gen) figureScope(r rng) placeInfo {
	switch r.weighted(60, 25, 15) {
	case 1:
		return g.randomPlace(r, model.PlaceRegion)
	case 2:
		return g.randomPlace(r, model.PlaceCity)
	}
	return g.country
}

// scope returns the id of p and where it is, for a figure's Scope: empty
// for the country.
func (p placeInfo) scope() (model.PlaceID, pair) {
	if p.Kind == model.PlaceCountry {
		return "", pair{}
	}
	return p.ID, pair{" " + p.at.fr, " " + p.at.en}
}

// cityIn picks a city of region or country p, and reports whether there
// is one.
func (g *gen) cityIn(r rng, p placeInfo) (placeInfo, bool) {
	if p.Kind == model.PlaceCountry {
		return g.randomPlace(r, model.PlaceCity), true
	}
	// City k lies in region k mod regions.
	k, n := p.index-g.regionIndex(0), g.sz.regions
	if k >= g.sz.cities {
		return placeInfo{}, false
	}
	return g.place(g.cityIndex(k + n*r.intn((g.sz.cities-k+n-1)/n))), true
}

// value returns a plausible number for metric m; local counts are smaller.
func (g *gen) value(r rng, m model.Metric, local bool) int {
	mi := metricInfos[m]
	v := r.between(mi.lo, mi.hi)
	if local {
		v = max(mi.lo/2, v/4)
	}
	if v > 1000 {
		v = v / 10 * 10
	}
	return max(4, v)
}

// figureSources picks one to four sources close to each other, and
// returns them, the earliest published first, with its date.
func (g *gen) figureSources(r rng) ([]model.SourceID, model.Date) {
	n := 1 + r.weighted(40, 30, 20, 10)
	s := g.sz.sources
	j0 := r.intn(s)
	js := []int{j0}
	for len(js) < n {
		j := min(max(j0+r.between(-20, 20), 0), s-1)
		dup := false
		for _, k := range js {
			dup = dup || k == j
		}
		if dup {
			n-- // a small pool near the ends
			continue
		}
		js = append(js, j)
	}
	first := 0
	earliest := g.sourceDate(js[0])
	for i, j := range js[1:] {
		if d := g.sourceDate(j); d.Before(earliest) {
			first, earliest = i+1, d
		}
	}
	js[0], js[first] = js[first], js[0]
	ids := make([]model.SourceID, len(js))
	for i, j := range js {
		ids[i] = g.sourceID(j)
	}
	return ids, earliest
}

// sentence reports f: "Selon le ministère de l’Intérieur, 227 personnes
// ont été tuées (chiffre au 19 janvier)."
func (f *figInfo) sentence() pair {
	p := f.phrase()
	asOf := day(f.AsOf)
	s := pair{
		capFirst(f.by.fr) + ", " + p.fr + f.scopeAt.fr + " (chiffre au " + asOf.fr + ")",
		capFirst(f.by.en) + ", " + p.en + f.scopeAt.en + " (figure as of " + asOf.en + ")",
	}
	if f.Status == model.StatusDisputed {
		s.fr += ", un chiffre contesté"
		s.en += ", a disputed figure"
	}
	return pair{s.fr + ".", s.en + "."}
}

// phrase says what f counts: "au moins 227 personnes ont été tuées".
func (f *figInfo) phrase() pair {
	if f.Metric == model.MetricPrice {
		q := pair{}
		if f.Qualifier == model.About {
			q = pair{"environ ", "about "}
		}
		d := dec(int(f.Value*100 + 0.5))
		return pair{"le litre de gaz liquéfié se vendait " + q.fr + d.fr + nbsp + "USD", "a litre of liquefied gas sold for " + q.en + d.en + " USD"}
	}
	mi := metricInfos[f.Metric]
	noun, fem := mi.noun, mi.fem
	if pn, ok := partyNouns[f.Party]; ok && !mi.own {
		noun, fem = pn, false
	}
	verb := mi.verbM
	if fem {
		verb = mi.verbF
	}
	n := num(int(f.Value))
	var q pair
	switch f.Qualifier {
	case model.About:
		q = pair{"environ " + n.fr, "about " + n.en}
	case model.AtLeast:
		q = pair{"au moins " + n.fr, "at least " + n.en}
	case model.MoreThan:
		q = pair{"plus de " + n.fr, "more than " + n.en}
	case model.Nearly:
		q = pair{"près de " + n.fr, "nearly " + n.en}
	case model.AtMost:
		q = pair{"au plus " + n.fr, "at most " + n.en}
	case model.Range:
		lo, hi := num(int(f.Low)), num(int(f.High))
		q = pair{"entre " + lo.fr + " et " + hi.fr, "between " + lo.en + " and " + hi.en}
	case model.Dozens:
		return pair{"des dizaines " + de(noun.fr) + " " + verb, "dozens of " + noun.en + " " + mi.verbEn}
	case model.Hundreds:
		return pair{"des centaines " + de(noun.fr) + " " + verb, "hundreds of " + noun.en + " " + mi.verbEn}
	case model.Thousands:
		return pair{"des milliers " + de(noun.fr) + " " + verb, "thousands of " + noun.en + " " + mi.verbEn}
	default:
		q = n
	}
	return pair{q.fr + " " + noun.fr + " " + verb, q.en + " " + noun.en + " " + mi.verbEn}
}
