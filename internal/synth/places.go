package synth

import (
	"math"
	"strconv"
	"strings"

	"github.com/coibrief/coibrief/model"
)

// syllable is a piece of a place name in its five spellings: English and
// French transliterations, the Kazakh Latin alphabet, Kazakh Cyrillic and
// Russian Cyrillic.
type syllable struct{ en, fr, lat, kk, ru string }

var syllables = []syllable{
	{"ak", "ak", "aq", "ақ", "ак"},
	{"kara", "kara", "qara", "қара", "кара"},
	{"sary", "sary", "sary", "сары", "сары"},
	{"kok", "kök", "kök", "көк", "кок"},
	{"tau", "taou", "tau", "тау", "тау"},
	{"tobe", "tobe", "töbe", "төбе", "тобе"},
	{"kol", "kol", "köl", "көл", "коль"},
	{"zhan", "jan", "jañ", "жаң", "жан"},
	{"ozen", "ozen", "özen", "өзен", "озен"},
	{"shy", "chy", "şy", "шы", "шы"},
	{"kent", "kent", "kent", "кент", "кент"},
	{"bulak", "boulak", "būlaq", "бұлақ", "булак"},
	{"kum", "koum", "qūm", "құм", "кум"},
	{"tas", "tas", "tas", "тас", "тас"},
	{"zhol", "jol", "jol", "жол", "жол"},
	{"bel", "bel", "bel", "бел", "бел"},
	{"sai", "saï", "sai", "сай", "сай"},
	{"shu", "chou", "şu", "шу", "шу"},
	{"temir", "temir", "temır", "темір", "темир"},
	{"eki", "eki", "ekı", "екі", "еки"},
	{"zhar", "jar", "jar", "жар", "жар"},
	{"aul", "aoul", "auyl", "ауыл", "аул"},
	{"orda", "orda", "orda", "орда", "орда"},
	{"kyz", "kyz", "qyz", "қыз", "кыз"},
	{"dala", "dala", "dala", "дала", "дала"},
	{"agash", "agach", "ağaş", "ағаш", "агаш"},
	{"tan", "tan", "tañ", "таң", "тан"},
	{"uly", "ouly", "ūly", "ұлы", "улы"},
	{"ust", "oust", "üst", "үст", "уст"},
	{"shahar", "chakhar", "şahar", "шаһар", "шахар"},
	{"ali", "ali", "älı", "әлі", "али"},
	{"bek", "bek", "bek", "бек", "бек"},
	{"ken", "ken", "ken", "кен", "кен"},
	{"bai", "baï", "bai", "бай", "бай"},
	{"kain", "kaïn", "qaiyñ", "қайың", "каин"},
	{"zhem", "jem", "jem", "жем", "жем"},
	{"kyzyl", "kyzyl", "qyzyl", "қызыл", "кызыл"},
	{"mys", "mys", "mys", "мыс", "мыс"},
	{"esil", "essil", "esıl", "есіл", "есиль"},
	{"ul", "oul", "ūl", "ұл", "ул"},
}

// neutralSyllables make the place names of a real country (Options.Country),
// which should not look Kazakh: Latin in English and French, and a
// Cyrillic spelling, which Russian-language sources print.
var neutralSyllables = []syllable{
	{"ma", "ma", "ma", "ма", "ма"}, {"ri", "ri", "ri", "ри", "ри"}, {"lo", "lo", "lo", "ло", "ло"},
	{"sa", "sa", "sa", "са", "са"}, {"ven", "ven", "ven", "вен", "вен"}, {"tor", "tor", "tor", "тор", "тор"},
	{"ca", "ca", "ca", "ка", "ка"}, {"del", "del", "del", "дель", "дель"}, {"mon", "mon", "mon", "мон", "мон"},
	{"bel", "bel", "bel", "бель", "бель"}, {"ra", "ra", "ra", "ра", "ра"}, {"no", "no", "no", "но", "но"},
	{"li", "li", "li", "ли", "ли"}, {"san", "san", "san", "сан", "сан"}, {"ta", "ta", "ta", "та", "та"},
	{"ver", "ver", "ver", "вер", "вер"}, {"do", "do", "do", "до", "до"}, {"pal", "pal", "pal", "паль", "паль"},
	{"mi", "mi", "mi", "ми", "ми"}, {"ro", "ro", "ro", "ро", "ро"}, {"na", "na", "na", "на", "на"},
	{"ga", "ga", "ga", "га", "га"}, {"sel", "sel", "sel", "сель", "сель"}, {"bar", "bar", "bar", "бар", "бар"},
	{"nor", "nor", "nor", "нор", "нор"}, {"pes", "pes", "pes", "пес", "пес"}, {"ten", "ten", "ten", "тен", "тен"},
	{"val", "val", "val", "валь", "валь"}, {"cor", "cor", "cor", "кор", "кор"}, {"lu", "lu", "lu", "лу", "лу"},
	{"bra", "bra", "bra", "бра", "бра"}, {"fon", "fon", "fon", "фон", "фон"}, {"gar", "gar", "gar", "гар", "гар"},
	{"ter", "ter", "ter", "тер", "тер"}, {"vi", "vi", "vi", "ви", "ви"}, {"zan", "zan", "zan", "зан", "зан"},
	{"por", "por", "por", "пор", "пор"}, {"lin", "lin", "lin", "лин", "лин"}, {"du", "du", "du", "ду", "ду"},
	{"kes", "kes", "kes", "кес", "кес"},
}

// Names some towns bore before independence, with their Cyrillic.
var sovietNames = [][2]string{
	{"Krasnoarmeysk", "Красноармейск"}, {"Oktyabrsk", "Октябрьск"}, {"Pervomaysk", "Первомайск"},
	{"Kirovsk", "Кировск"}, {"Zavodskoy", "Заводской"}, {"Stepnogorsk", "Степногорск"},
	{"Sovetskoye", "Советское"}, {"Rudny Log", "Рудный Лог"}, {"Promyshlenny", "Промышленный"},
}

// name is a generated place name in the spellings of a syllable.
type name syllable

func genName(r rng) name { return genNameFrom(r, syllables) }

// genNameFrom makes a name of two or three of the syllables.
func genNameFrom(r rng, syllables []syllable) name {
	n := 2
	if r.chance(0.2) {
		n = 3
	}
	hyphen := n == 2 && r.chance(0.1)
	var parts [3]syllable
	for i := range n {
		for {
			parts[i] = pick(r, syllables)
			if i == 0 || parts[i] != parts[i-1] {
				break
			}
		}
	}
	form := func(get func(syllable) string) string {
		var b strings.Builder
		for i := range n {
			s := get(parts[i])
			if i > 0 && hyphen {
				b.WriteByte('-')
				s = capFirst(s)
			}
			b.WriteString(s)
		}
		return capFirst(b.String())
	}
	return name{
		en:  form(func(s syllable) string { return s.en }),
		fr:  form(func(s syllable) string { return s.fr }),
		lat: form(func(s syllable) string { return s.lat }),
		kk:  form(func(s syllable) string { return s.kk }),
		ru:  form(func(s syllable) string { return s.ru }),
	}
}

// siteType is a kind of site: a square, a public building, an airport.
type siteType struct {
	fr     string // French name, %s for "de" and the city: "akimat %s"
	fem    bool   // French gender
	prepFr string // where it happens: "devant", "sur"
	en     string // English name, %s for the city
	enDef  string // English name with its article
	prepEn string
	ru, kk string // Cyrillic aliases, %s for the city
	square bool   // the name does not name the city
}

var siteTypes = []siteType{
	{fr: "akimat %s", prepFr: "devant", en: "%s city akimat", enDef: "the %s city akimat", prepEn: "outside",
		ru: "акимат г. %s", kk: "%s қаласының әкімдігі"},
	{fr: "place de la République", fem: true, prepFr: "sur", en: "Republic Square", enDef: "Republic Square", prepEn: "on",
		ru: "площадь Республики", kk: "Республика алаңы", square: true},
	{fr: "place de l’Indépendance", fem: true, prepFr: "sur", en: "Independence Square", enDef: "Independence Square", prepEn: "on",
		ru: "площадь Независимости", kk: "Тәуелсіздік алаңы", square: true},
	{fr: "place Centrale", fem: true, prepFr: "sur", en: "Central Square", enDef: "Central Square", prepEn: "on",
		ru: "Центральная площадь", kk: "Орталық алаң", square: true},
	{fr: "gare %s", fem: true, prepFr: "devant", en: "%s railway station", enDef: "the %s railway station", prepEn: "outside",
		ru: "железнодорожный вокзал г. %s", kk: "%s теміржол вокзалы"},
	{fr: "aéroport international %s", prepFr: "à", en: "%s International Airport", enDef: "%s International Airport", prepEn: "at",
		ru: "международный аэропорт г. %s", kk: "%s халықаралық әуежайы"},
	{fr: "tribunal municipal %s", prepFr: "devant", en: "%s City Court", enDef: "the %s City Court", prepEn: "outside",
		ru: "городской суд г. %s", kk: "%s қалалық соты"},
	{fr: "direction de la police %s", fem: true, prepFr: "devant", en: "%s Police Department", enDef: "the %s Police Department", prepEn: "outside",
		ru: "департамент полиции г. %s", kk: "%s қаласының полиция департаменті"},
	{fr: "centre de détention provisoire %s", prepFr: "devant", en: "%s pre-trial detention centre", enDef: "the %s pre-trial detention centre", prepEn: "outside",
		ru: "следственный изолятор г. %s", kk: "%s тергеу изоляторы"},
	{fr: "hôpital régional %s", prepFr: "devant", en: "%s Regional Hospital", enDef: "the %s Regional Hospital", prepEn: "outside",
		ru: "областная больница г. %s", kk: "%s облыстық ауруханасы"},
	{fr: "centre de télévision %s", prepFr: "devant", en: "%s television centre", enDef: "the %s television centre", prepEn: "outside",
		ru: "телецентр г. %s", kk: "%s телеорталығы"},
	{fr: "bazar central %s", prepFr: "devant", en: "%s Central Bazaar", enDef: "the %s Central Bazaar", prepEn: "outside",
		ru: "центральный рынок г. %s", kk: "%s орталық базары"},
	{fr: "gisement pétrolier %s", prepFr: "sur le site du", en: "%s oil field", enDef: "the %s oil field", prepEn: "at",
		ru: "нефтяное месторождение %s", kk: "%s мұнай кен орны"},
}

const siteAirport = 5 // index of the airport in siteTypes

// landSiteTypes are the sites of a real country: a city hall instead of
// an akimat, and no Kazakh spellings; in the order of siteTypes.
var landSiteTypes = func() []siteType {
	out := make([]siteType, len(siteTypes))
	for i, st := range siteTypes {
		st.kk = ""
		out[i] = st
	}
	out[0] = siteType{fr: "mairie %s", fem: true, prepFr: "devant", en: "%s city hall", enDef: "the %s city hall", prepEn: "outside",
		ru: "мэрия г. %s"}
	return out
}()

// placeInfo is a Place with the phrases that statements need.
type placeInfo struct {
	model.Place
	city    name // the place's name, or its city's for districts and sites
	at      pair // where something happens: "à Karataou" / "in Karatau"
	def     pair // the place with its article: "l’akimat de Karataou" / "the Karatau city akimat"
	index   int  // its index in the gazetteer
	cityIdx int  // its city (itself for a city), or -1
	region  int  // its region (itself for a region), or -1
	site    int  // its siteType, or -1
}

// Layout of the gazetteer: the country, then regions, cities, districts
// and sites.
func (g *gen) regionIndex(k int) int   { return 1 + k }
func (g *gen) cityIndex(k int) int     { return 1 + g.sz.regions + k }
func (g *gen) districtIndex(k int) int { return 1 + g.sz.regions + g.sz.cities + k }
func (g *gen) siteIndex(k int) int     { return 1 + g.sz.regions + g.sz.cities + g.sz.districts + k }

// capital is the first city.
func (g *gen) capital() int { return g.cityIndex(0) }

// Coordinates stay in this box.
const latMin, latMax, lonMin, lonMax = 41.2, 54.8, 47.2, 86.8

func coord(lat, lon float64, digits int) *model.Coord {
	p := math.Pow10(digits)
	lat = math.Round(min(max(lat, latMin), latMax)*p) / p
	lon = math.Round(min(max(lon, lonMin), lonMax)*p) / p
	return &model.Coord{Lat: lat, Lon: lon}
}

// placeCache is how many places, the country, regions and cities first,
// a generator keeps once drawn: statements and figures name them often.
const placeCache = 8192

// place returns gazetteer entry i.
func (g *gen) place(i int) placeInfo {
	if i < len(g.places) {
		if p := g.places[i]; p != nil {
			return *p
		}
	}
	p := g.placeAt(i)
	p.index = i
	if i < len(g.places) {
		g.places[i] = &p
	}
	return p
}

// countryOf returns "de" and the country's French name: "de Karataou",
// "de l’Afghanistan".
func (g *gen) countryOf() string {
	if g.land != nil {
		return g.land.frOf
	}
	return de(g.country.city.fr)
}

func (g *gen) placeAt(i int) placeInfo {
	if g.land != nil {
		return g.landPlaceAt(i)
	}
	r := newRNG(g.seed, tagPlace, i)
	sz := g.sz
	switch k := i - 1; {
	case i == 0:
		n := genName(newRNG(g.seed, tagCountry, 0))
		p := placeInfo{Place: model.Place{
			ID: model.PlaceID(slug(n.en, false)), Kind: model.PlaceCountry, Name: pair{n.fr, n.en}.text(),
			ISO:     "KZ", // its places lie in Kazakhstan's box, and its map is Kazakhstan's
			Aliases: aliases(pair{n.fr, n.en}, n.lat, n.kk, n.ru, n.kk+" Республикасы", "Республика "+n.ru, "Republic of "+n.en),
			Coord:   coord(48+r.float(-0.5, 0.5), 67+r.float(-1, 1), 2),
		}, city: n, cityIdx: -1, region: -1, site: -1}
		p.at = pair{"dans tout le pays", "across the country"}
		p.def = pair{n.fr, n.en}
		return p
	case k < sz.regions:
		n := genName(r)
		nm := pair{"région " + de(n.fr), n.en + " Region"}
		return placeInfo{Place: model.Place{
			ID: placeID(n.en, i), Kind: model.PlaceRegion, Name: nm.text(),
			Aliases: aliases(nm, n.fr, n.lat, "province "+de(n.fr), n.kk+" облысы", n.ru),
			Region:  g.country.ID,
			Coord:   coord(r.float(42.5, 53.5), r.float(49.5, 84.5), 2),
		}, city: n, at: pair{"dans la " + nm.fr, "in " + nm.en}, def: pair{"la " + nm.fr, nm.en},
			cityIdx: -1, region: i, site: -1}
	case k < sz.regions+sz.cities:
		c := k - sz.regions
		region := g.regionIndex(c % sz.regions)
		rp := g.place(region)
		rc := rp.Coord
		n := genName(r)
		al := []string{n.lat, n.kk, n.ru}
		if r.chance(0.1) {
			old := pick(r, sovietNames)
			al = append(al, old[0], old[1])
		}
		return placeInfo{Place: model.Place{
			ID: placeID(n.en, i), Kind: model.PlaceCity, Name: pair{n.fr, n.en}.text(),
			Aliases: aliases(pair{n.fr, n.en}, al...),
			Region:  rp.ID,
			Coord:   coord(rc.Lat+r.float(-1.2, 1.2), rc.Lon+r.float(-2.5, 2.5), 2),
		}, city: n, at: pair{"à " + n.fr, "in " + n.en}, def: pair{n.fr, n.en}, cityIdx: i, region: region, site: -1}
	case k < sz.regions+sz.cities+sz.districts:
		d := k - sz.regions - sz.cities
		city := g.place(g.cityIndex(d % sz.cities))
		n := genName(r)
		var nm, at, def pair
		var al []string
		if r.chance(0.5) {
			no := strconv.Itoa(r.between(1, 12))
			nm = pair{"microdistrict " + n.fr + "-" + no, n.en + "-" + no + " microdistrict"}
			def = pair{"le " + nm.fr, "the " + nm.en}
			al = []string{n.en + "-" + no, "микрорайон " + n.ru + "-" + no, n.kk + "-" + no + " шағын ауданы"}
		} else {
			nm = pair{"district " + de(n.fr), n.en + " District"}
			def = pair{"le " + nm.fr, nm.en}
			al = []string{n.fr, n.lat, "район " + n.ru, n.kk + " ауданы"}
		}
		at = pair{"dans " + def.fr + ", " + city.at.fr, "in " + def.en + " of " + city.city.en}
		return placeInfo{Place: model.Place{
			ID: placeID(n.en, i), Kind: model.PlaceDistrict, Name: nm.text(), Aliases: aliases(nm, al...),
			Region: city.ID,
			Coord:  coord(city.Coord.Lat+r.float(-0.05, 0.05), city.Coord.Lon+r.float(-0.07, 0.07), 4),
		}, city: city.city, at: at, def: def, cityIdx: city.cityIdx, region: city.region, site: -1}
	default:
		up := g.place(g.siteParent(k))
		t := r.intn(len(siteTypes))
		p := site(up, t, siteTypes[t], i)
		if r.chance(0.95) {
			p.Coord = coord(up.Coord.Lat+r.float(-0.015, 0.015), up.Coord.Lon+r.float(-0.02, 0.02), 4)
		}
		return p
	}
}

// site returns gazetteer entry i, a site of type t (st) in the city or
// district up, without coordinates.
func site(up placeInfo, t int, st siteType, i int) placeInfo {
	c := up.city
	nm := pair{st.fr, st.en}
	al := []string{st.ru, st.kk}
	if !st.square {
		nm = pair{strings.Replace(st.fr, "%s", de(c.fr), 1), strings.Replace(st.en, "%s", c.en, 1)}
		al = []string{strings.Replace(st.ru, "%s", c.ru, 1), strings.Replace(st.kk, "%s", c.kk, 1)}
	}
	n := np{nm.fr, st.fem}
	def := pair{n.def(), strings.Replace(st.enDef, "%s", c.en, 1)}
	at := pair{st.prepFr + " " + def.fr, st.prepEn + " " + def.en}
	switch st.prepFr {
	case "à":
		at.fr = "à " + n.def()
		if !vowel(n.name) && !n.fem {
			at.fr = "au " + n.name
		}
	case "sur le site du":
		at.fr = "sur le site " + n.of()
	}
	if st.square {
		at = pair{at.fr + ", à " + c.fr, at.en + ", " + c.en}
	}
	id := nm.en
	if st.square {
		id += " " + c.en
	}
	return placeInfo{Place: model.Place{
		ID: placeID(id, i), Kind: model.PlaceSite, Name: nm.text(), Aliases: aliases(nm, al...),
		Region: up.ID,
	}, city: c, at: at, def: def, cityIdx: up.cityIdx, region: up.region, site: t}
}

func placeID(s string, i int) model.PlaceID {
	return model.PlaceID(slug(s, false) + "-" + strconv.Itoa(i))
}

// aliases returns the distinct spellings in al that differ from the
// place's names.
func aliases(nm pair, al ...string) []string {
	out := make([]string, 0, len(al))
	for _, a := range al {
		if a == "" || a == nm.fr || a == nm.en {
			continue
		}
		dup := false
		for _, b := range out {
			dup = dup || a == b
		}
		if !dup {
			out = append(out, a)
		}
	}
	return out
}

// siteParent returns the number of the place site k lies in: a city, or
// every third site a district.
func (g *gen) siteParent(k int) int {
	sz := g.sz
	s := k - sz.regions - sz.cities - sz.districts
	parent := g.cityIndex(s % sz.cities)
	if sz.districts > 0 && s%3 == 0 {
		parent = g.districtIndex(s / 3 % sz.districts)
	}
	return parent
}
