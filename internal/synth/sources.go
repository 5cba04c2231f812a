package synth

import (
	"strconv"
	"strings"
	"time"

	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// outlet is a publisher of sources. Every outlet is fictitious and its
// host is under the reserved .example domain.
type outlet struct {
	name   string
	slug   string
	host   string
	cat    model.SourceCategory
	lang   string // language of its titles: ru, kk, fr or en
	group  string
	via    string // who republishes it in French, sometimes
	url    urlStyle
	weight int
	topics []int // indices into headlines
}

type urlStyle uint8

const (
	urlDated    urlStyle = iota // /2022/01/05/title-slug/
	urlArticle                  // /a/31662715.html
	urlNews                     // /ru/news/123456
	urlCyrillic                 // /новости/2022/01/05/заголовок (non-ASCII)
	urlAccented                 // /actualités/titre-accentué (non-ASCII)
	urlPost                     // /channel/1234
	urlVideo                    // /watch?v=…
	urlPlain                    // http:// and /page.php?id=…
	urlNone                     // print only: no URL
)

// Topic groups of headlines, by category.
var (
	topicsAll      = []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}
	topicsOfficial = []int{1, 2, 3, 6, 11, 16}
	topicsIntl     = []int{12, 17, 8}
	topicsNGO      = []int{8, 15, 17, 1}
	topicsAcademic = []int{10, 15}
	topicsSocial   = []int{13, 0, 14, 8}
	topicsOther    = []int{15, 17, 9}
)

// outlets returns the publishers of a dossier about country.
func outlets(country placeInfo) []outlet {
	c := country.city
	gov := "gov-" + slug(c.en, false) + ".example"
	return []outlet{
		// institution
		{name: "Министерство внутренних дел Республики " + c.ru, slug: "mvd", host: "mvd." + gov, cat: model.CategoryInstitution, lang: "ru", url: urlNews, weight: 3, topics: topicsOfficial},
		{name: "Генеральная прокуратура Республики " + c.ru, slug: "prokuratura", host: "prokuror." + gov, cat: model.CategoryInstitution, lang: "ru", url: urlNews, weight: 2, topics: topicsOfficial},
		{name: "Президент әкімшілігі", slug: "president", host: "president." + gov, cat: model.CategoryInstitution, lang: "kk", url: urlNews, weight: 2, topics: topicsOfficial},
		// international
		{name: "Organisation for Regional Security and Cooperation", slug: "orsc", host: "orsc.example", cat: model.CategoryInternational, lang: "en", url: urlDated, weight: 2, topics: topicsIntl},
		{name: "Assemblée parlementaire eurasienne", slug: "ape", host: "ape-eurasie.example", cat: model.CategoryInternational, lang: "fr", url: urlDated, weight: 1, topics: topicsIntl},
		{name: "Миссия наблюдателей Евразийского союза", slug: "mission-eas", host: "mission-eas.example", cat: model.CategoryInternational, lang: "ru", url: urlArticle, weight: 1, topics: topicsIntl},
		// ngo
		{name: "Steppe Human Rights Bureau", slug: "shrb", host: "steppe-rights.example", cat: model.CategoryNGO, lang: "en", url: urlDated, weight: 3, topics: topicsNGO},
		{name: "Observatoire des libertés en Asie centrale", slug: "olac", host: "observatoire-libertes.example", cat: model.CategoryNGO, lang: "fr", url: urlAccented, weight: 2, topics: topicsNGO},
		{name: "Правозащитный центр «Ашық алаң»", slug: "ashyk-alan", host: "ashyq-alan.example", cat: model.CategoryNGO, lang: "ru", url: urlArticle, weight: 2, topics: topicsNGO},
		// academic
		{name: "Institut d’études eurasiennes", slug: "iee", host: "etudes-eurasiennes.example", cat: model.CategoryAcademic, lang: "fr", url: urlDated, weight: 2, topics: topicsAcademic},
		{name: "Central Asia Policy Forum", slug: "capf", host: "ca-policy-forum.example", cat: model.CategoryAcademic, lang: "en", url: urlDated, weight: 2, topics: topicsAcademic, via: "Le Courrier d’Asie centrale"},
		{name: "Центр евразийских исследований", slug: "cei", host: "eurasian-studies.example", cat: model.CategoryAcademic, lang: "ru", url: urlArticle, weight: 1, topics: topicsAcademic, via: "Le Courrier d’Asie centrale"},
		// media
		{name: "Vremya Vostoka", slug: "vremya-vostoka", host: "vremya-vostoka.example", cat: model.CategoryMedia, lang: "ru", url: urlArticle, weight: 12, topics: topicsAll},
		{name: "Новости степи", slug: "novosti-stepi", host: "новости-степи.example", cat: model.CategoryMedia, lang: "ru", url: urlCyrillic, weight: 4, topics: topicsAll},
		{name: "Radio Azat", slug: "radio-azat", host: "rus.radio-azat.example", cat: model.CategoryMedia, lang: "ru", group: "Free Voice Broadcasting", url: urlArticle, weight: 10, topics: topicsAll},
		{name: "Radio Azat", slug: "radio-azat-kk", host: "radio-azat.example", cat: model.CategoryMedia, lang: "kk", group: "Free Voice Broadcasting", url: urlArticle, weight: 3, topics: topicsAll},
		{name: "Interstep", slug: "interstep", host: "interstep.example", cat: model.CategoryMedia, lang: "ru", url: urlNews, weight: 8, topics: topicsAll},
		{name: "Le Courrier d’Asie centrale", slug: "courrier-asie", host: "courrier-asie-centrale.example", cat: model.CategoryMedia, lang: "fr", url: urlDated, weight: 8, topics: topicsAll},
		{name: "La Gazette des steppes", slug: "gazette-steppes", host: "gazette-des-steppes.example", cat: model.CategoryMedia, lang: "fr", url: urlAccented, weight: 4, topics: topicsAll},
		{name: "Agence Eurasie Presse", slug: "aep", host: "eurasie-presse.example", cat: model.CategoryMedia, lang: "fr", url: urlPlain, weight: 4, topics: topicsAll},
		{name: "Steppe Herald", slug: "steppe-herald", host: "steppe-herald.example", cat: model.CategoryMedia, lang: "en", url: urlDated, weight: 7, topics: topicsAll},
		{name: "Eurasia Wire", slug: "eurasia-wire", host: "eurasiawire.example", cat: model.CategoryMedia, lang: "en", url: urlDated, weight: 5, topics: topicsAll, group: "Wire Media Group"},
		{name: "Дала дауысы", slug: "dala-dauysy", host: "dala-dauysy.example", cat: model.CategoryMedia, lang: "kk", url: urlNews, weight: 3, topics: topicsAll},
		{name: "Телеканал «Северный свет»", slug: "severny-svet", host: "severny-svet.example", cat: model.CategoryMedia, lang: "ru", url: urlVideo, weight: 2, topics: topicsAll},
		// social media
		{name: "Telegram", slug: "telegram", host: "telegram.example", cat: model.CategorySocialMedia, lang: "ru", url: urlPost, weight: 3, topics: topicsSocial},
		{name: "Facebook", slug: "facebook", host: "facebook.example", cat: model.CategorySocialMedia, lang: "kk", url: urlPost, weight: 1, topics: topicsSocial},
		{name: "YouTube", slug: "youtube", host: "youtube.example", cat: model.CategorySocialMedia, lang: "ru", url: urlVideo, weight: 1, topics: topicsSocial},
		// other; the print bulletin, last, is source srcNoURL only
		{name: "Steppe Atlas", slug: "steppe-atlas", host: "steppe-atlas.example", cat: model.CategoryOther, lang: "en", url: urlPlain, weight: 1, topics: topicsOther},
		{name: "Encyclopédie libre des steppes", slug: "els", host: "encyclopedie-steppes.example", cat: model.CategoryOther, lang: "fr", url: urlAccented, weight: 1, topics: topicsOther},
		{name: "Bulletin de l’Association des familles de détenus", slug: "afd", host: "familles-detenus.example", cat: model.CategoryOther, lang: "fr", url: urlNone, topics: topicsOther},
	}
}

// account is a social media account: its display name and its handle.
type account struct{ name, handle string }

// Social media accounts, by platform.
var accounts = map[string][]account{
	"telegram": {{"Жаңа дала", "zhana_dala"}, {"Ashyq Alan News", "ashyqalan"}, {"Orda Live", "orda_live"}, {"Қала хабарлары", "qala_news"}},
	"facebook": {{"Әлия Сәрсенқызы", "aliya.sarsenkyzy"}, {"Нұрлан Тәжібаев", "nurlan.tazhibayev"}, {"Gulnara Ospanova", "g.ospanova"}},
	"youtube":  {{"Ашық алаң TV", "ashyqalantv"}, {"Steppe Stream", "steppestream"}},
}

// Authors of articles.
var authors = []string{
	"Aigerim Sarsenova", "Nurlan Temirov", "Claire Dumas", "Julien Marchand", "Asel Kenzhebek",
	"Daniyar Orazov", "Madina Bekova", "Sophie Lambert", "Tom Whitfield", "Айгерим Жумабаева",
	"Серик Каримов", "Ерлан Сейтқали", "Élodie Ferrand", "Grégoire Nicolaï", "Rustem Ualiyev",
}

// headline is a source title in its four languages. Slots: {city},
// {de_city} (French "de X"), {n}, {day}, {country}, {de_country}.
type headline struct{ ru, kk, fr, en string }

var headlines = []headline{
	{"В {city} прошёл митинг против повышения цен на сжиженный газ", "{city} қаласында сұйытылған газ бағасының өсуіне қарсы митинг өтті",
		"À {city}, un rassemblement contre la hausse du prix du gaz liquéfié", "Rally in {city} against the rise in liquefied gas prices"},
	{"{city}: число задержанных достигло {n}", "{city}: ұсталғандар саны {n} адамға жетті",
		"{city} : le nombre de personnes interpellées atteint {n}", "{city}: number of people detained reaches {n}"},
	{"В {city} введены чрезвычайное положение и комендантский час", "{city} қаласында төтенше жағдай мен коменданттық сағат енгізілді",
		"État d'urgence et couvre-feu décrétés à {city}", "State of emergency and curfew declared in {city}"},
	{"Мобильный интернет отключён по всей стране", "Бүкіл елде мобильді интернет өшірілді",
		"L'internet mobile coupé dans tout le pays", "Mobile internet cut off nationwide"},
	{"Число погибших в ходе беспорядков выросло до {n}", "Тәртіпсіздік кезінде қаза тапқандар саны {n} адамға жетті",
		"Le bilan des émeutes s'alourdit : {n} morts", "Death toll from the unrest rises to {n}"},
	{"Иностранные военные прибыли в {city}", "Шетелдік әскерилер {city} қаласына келді",
		"Des troupes étrangères arrivent à {city}", "Foreign troops arrive in {city}"},
	{"Правительство ушло в отставку", "Үкімет отставкаға кетті",
		"Le gouvernement démissionne", "The government resigns"},
	{"Суд в {city} арестовал ещё {n} подозреваемых", "{city} соты тағы {n} күдіктіні қамауға алды",
		"{city} : {n} suspects de plus placés en détention provisoire", "{city} court remands {n} more suspects in custody"},
	{"Задержанные в {city} рассказали о пытках", "{city} қаласында ұсталғандар азаптау туралы айтты",
		"Des détenus {de_city} dénoncent des tortures", "Detainees in {city} describe torture"},
	{"Хроника событий: что произошло в {city} {day}", "Хроника: {day} күні {city} қаласында не болды",
		"Chronologie : ce qui s'est passé à {city} le {day}", "Timeline: what happened in {city} on {day}"},
	{"Почему протесты в {country} так быстро переросли в насилие", "{country} наразылықтары неге тез арада зорлық-зомбылыққа ұласты",
		"Pourquoi la contestation a-t-elle si vite dégénéré ? Retour sur la crise {de_country}", "Why did the protests in {country} turn violent so quickly? The crisis revisited"},
	{"Глава Комитета национальной безопасности отправлен в отставку", "Ұлттық қауіпсіздік комитетінің төрағасы қызметінен босатылды",
		"Le chef du Comité de sécurité nationale limogé", "National Security Committee chief dismissed"},
	{"Международные наблюдатели призвали власти {country} к сдержанности", "Халықаралық бақылаушылар {country} билігін ұстамдылыққа шақырды",
		"Des observateurs internationaux appellent les autorités {de_country} à la retenue", "International observers urge the authorities of {country} to show restraint"},
	{"Видео: силовики разгоняют митинг в {city}", "Видео: {city} қаласында митинг күшпен таратылды",
		"Vidéo : les forces de l'ordre dispersent le rassemblement {de_city}", "Video: security forces disperse the rally in {city}"},
	{"«Казалось, что идёт война»: жители {city} о событиях {day}", "«Соғыс басталғандай болды»: {city} тұрғындары {day} оқиғалары туралы",
		"« On aurait dit la guerre » : des habitants {de_city} racontent le {day}", "'It felt like a war': residents of {city} recall {day}"},
	{"Без права на защиту: как задержанных после беспорядков лишали адвокатов, связи с родными и медицинской помощи",
		"Қорғалу құқығынсыз: ұсталғандар адвокатсыз, туыстарымен байланыссыз және медициналық көмексіз қалды",
		"Sans droit à la défense : comment les personnes arrêtées après les troubles ont été privées d'avocat, de tout contact avec leurs proches et de soins médicaux",
		"No right to a defence: how people detained after the unrest were denied lawyers, contact with their families and medical care"},
	{"Правительство снизило цену на сжиженный газ", "Үкімет сұйытылған газдың бағасын төмендетті",
		"Le gouvernement baisse le prix du gaz liquéfié", "Government lowers the price of liquefied gas"},
	{"Доклад: нарушения прав человека в ходе протестов в {country}", "Баяндама: {country} наразылықтары кезіндегі адам құқықтарының бұзылуы",
		"Rapport : violations des droits humains lors des manifestations {de_country}", "Report: human rights violations during the protests in {country}"},
}

// Subtitles appended to some titles, to vary their length.
var subtitles = []headline{
	{"Репортаж нашего корреспондента", "Тілшіміздің репортажы", "Reportage de notre correspondant", "A report from our correspondent"},
	{"Главное к этому часу", "Осы сағаттағы басты жаңалықтар", "Ce qu'il faut savoir à cette heure", "What we know so far"},
	{"Свидетельства очевидцев, видео и официальные заявления — онлайн", "Куәгерлердің айғақтары, бейнелер және ресми мәлімдемелер",
		"Témoignages, vidéos et déclarations officielles – en direct", "Eyewitness accounts, videos and official statements – live"},
}

// Sources come in blocks of four; within a block, consecutive sources
// may share an outlet and a day, and then carry disambiguators.
const sourceBlock = 4

var blockPatterns = [][]int{{1, 1, 1, 1}, {2, 1, 1}, {1, 2, 1}, {3, 1}, {2, 2}, {1, 1, 2}}

// Sources with a fixed role: the first seven are one of each category;
// two carry the problems the errata explain.
const (
	srcNoURL    = 6 // the print bulletin, which has no URL
	srcYearSlip = 4 // a media item whose printed year is wrong
)

// sourceGroup returns the first index of the group of source j and the
// group's size.
func (g *gen) sourceGroup(j int) (first, size int) {
	b := j / sourceBlock
	start := b * sourceBlock
	pattern := blockPatterns[0]
	if b >= 2 { // the first two blocks hold the fixed sources
		h := mix(g.seed ^ stream(tagSourceBlock, b))
		if h%10 >= 7 {
			pattern = blockPatterns[1+h/10%uint64(len(blockPatterns)-1)]
		}
	}
	for _, n := range pattern {
		if j < start+n {
			return start, min(n, g.sz.sources-start)
		}
		start += n
	}
	return j, 1
}

// sourceDate returns the publication date of source j: a day or two after
// the entry that first cites it, the same for a group.
func (g *gen) sourceDate(j int) model.Date {
	first, _ := g.sourceGroup(j)
	owner := int(int64(first) * int64(g.sz.entries) / int64(g.sz.sources))
	lag := int(mix(g.seed^stream(tagSourceDate, first)) % 3)
	d := minDate(g.entryDate(owner).AddDays(lag), g.limit)
	if j == srcYearSlip {
		// printed a year early, on a day within the period
		d = minDate(d, g.period.End)
		if d.Month == time.February && d.Day == 29 {
			d.Day = 28
		}
		d.Year--
	}
	return d
}

// sourceOutlet returns the outlet of source j, the same for its group.
func (g *gen) sourceOutlet(j int) *outlet {
	first, _ := g.sourceGroup(j)
	r := newRNG(g.seed, tagSource, first)
	switch {
	case j == srcNoURL:
		return &g.outlets[len(g.outlets)-1]
	case j < 7:
		return g.outletOf(model.SourceCategory(j+1), r)
	}
	return g.outletOf(model.SourceCategory(1+r.weighted(6, 4, 7, 4, 70, 6, 3)), r)
}

// sourceID returns the id of source j: its outlet, its date and j in
// base 36, which keeps it unique.
func (g *gen) sourceID(j int) model.SourceID {
	return model.SourceID(g.sourceOutlet(j).slug + "-" + iso(g.sourceDate(j)) + "-" + strconv.FormatInt(int64(j), 36))
}

// sourceIndex returns j from the id of source j.
func (g *gen) sourceIndex(id model.SourceID) int {
	s := string(id)
	j, _ := strconv.ParseInt(s[strings.LastIndexByte(s, '-')+1:], 36, 64)
	return int(j)
}

// source returns bibliography entry j.
func (g *gen) source(j int) model.Source {
	first, size := g.sourceGroup(j)
	o := g.sourceOutlet(j)
	published := g.sourceDate(j)
	r := newRNG(g.seed, tagSourceText, j)

	lang := o.lang
	s := model.Source{
		Category:  o.cat,
		Outlet:    o.name,
		Group:     o.group,
		Published: published,
	}
	if o.via != "" && r.chance(0.5) {
		s.Via, lang = o.via, "fr"
	}
	handle := ""
	switch o.cat {
	case model.CategorySocialMedia:
		a := pick(r, accounts[o.slug])
		s.Author, handle = a.name, a.handle
	case model.CategoryMedia, model.CategoryAcademic:
		if r.chance(0.3) {
			s.Author = pick(r, authors)
		}
	}

	h := headlines[pick(r, o.topics)]
	city := g.place(g.cityIndex(r.intn(g.sz.cities))).city
	country := g.country.city
	about := clamp(published.AddDays(-r.between(0, 3)), g.period.Start, g.period.End)
	n := r.between(2, 400) * 5
	var sl [4]slots // ru, kk, fr, en
	for i, v := range [4][5]string{
		{city.ru, city.ru, frInt(n), ruDay(about), country.ru},
		{city.kk, city.kk, frInt(n), kkDay(about), country.kk},
		{city.fr, de(city.fr), frInt(n), day(about).fr, g.countryOf()},
		{city.en, city.en, enInt(n), day(about).en, country.en},
	} {
		sl[i].set("city", pair{v[0], v[0]})
		sl[i].set("de_city", pair{v[1], v[1]})
		sl[i].set("n", pair{v[2], v[2]})
		sl[i].set("day", pair{v[3], v[3]})
		sl[i].set("country", pair{country.en, country.en})
		sl[i].set("de_country", pair{v[4], v[4]})
	}
	sl[0].set("country", pair{country.ru, country.ru})
	sl[1].set("country", pair{country.kk, country.kk})
	sl[2].set("country", pair{country.fr, country.fr})
	titles := [4]string{
		fill(h.ru, sl[0], true), fill(h.kk, sl[1], true),
		fill(frTypo.Replace(h.fr), sl[2], true), fill(enTypo(h.en), sl[3], true),
	}
	if r.chance(0.15) {
		sub := pick(r, subtitles)
		titles[0] += ". " + sub.ru
		titles[1] += ". " + sub.kk
		titles[2] += frTypo.Replace(" : ") + lowerFirst(frTypo.Replace(sub.fr))
		titles[3] += ": " + lowerFirst(enTypo(sub.en))
	}
	switch lang {
	case "ru":
		s.Title, s.TitleLanguage = titles[0], language.Russian
		s.Translation = pair{titles[2], titles[3]}.text()
	case "kk":
		s.Title, s.TitleLanguage = titles[1], language.Kazakh
		s.Translation = pair{titles[2], titles[3]}.text()
	case "fr":
		s.Title, s.TitleLanguage = titles[2], language.French
		s.Translation = model.Text{en: titles[3]}
	default:
		s.Title, s.TitleLanguage = titles[3], language.English
		s.Translation = model.Text{fr: titles[2]}
	}

	s.ID = g.sourceID(j)
	if size > 1 {
		s.Disambiguator = j - first + 1
	}
	if j != srcNoURL {
		s.URL = g.url(o, s, titles[3], handle, j, r)
	}
	if r.chance(0.1) {
		s.Updated = minDate(published.AddDays(r.between(1, 6)), g.limit)
	}
	if r.chance(0.08) {
		s.Accessed = minDate(published.AddDays(r.between(1, 10)), g.limit)
	}
	return s
}

// outletOf picks an outlet of category cat by weight.
func (g *gen) outletOf(cat model.SourceCategory, r rng) *outlet {
	c := &g.byCategory[cat]
	return &g.outlets[c.index[r.weighted(c.weights...)]]
}

// byCategory lists the outlets of a category that have URLs.
type byCategory struct{ index, weights []int }

func categorize(os []outlet) []byCategory {
	out := make([]byCategory, len(model.SourceCategories())+1)
	for i, o := range os {
		if o.url != urlNone {
			c := &out[o.cat]
			c.index = append(c.index, i)
			c.weights = append(c.weights, o.weight)
		}
	}
	return out
}

// url returns where to read source s.
func (g *gen) url(o *outlet, s model.Source, enTitle, handle string, j int, r rng) string {
	p := s.Published
	ymd := strconv.Itoa(p.Year) + "/" + two(int(p.Month)) + "/" + two(p.Day)
	num := strconv.Itoa(31_000_000 + j*7 + r.intn(7))
	base := "https://" + o.host
	switch o.url {
	case urlArticle:
		return base + "/a/" + num + ".html"
	case urlNews:
		return base + "/ru/news/" + num
	case urlCyrillic:
		return base + "/новости/" + ymd + "/" + cut(slug(s.Title, true), 60)
	case urlAccented:
		return base + "/actualités/" + cut(slug(s.Translation[fr]+s.Title, true), 70)
	case urlPost:
		return base + "/" + handle + "/" + strconv.Itoa(1000+j)
	case urlVideo:
		const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"
		var id [11]byte
		for i := range id {
			id[i] = alphabet[r.intn(len(alphabet))]
		}
		return base + "/watch?v=" + string(id[:])
	case urlPlain:
		return "http://" + o.host + "/page.php?id=" + num
	}
	return base + "/" + ymd + "/" + cut(slug(enTitle, false), 80) + "/"
}

func two(n int) string { return string(rune('0'+n/10)) + string(rune('0'+n%10)) }

// cut shortens a slug to at most n bytes, at a hyphen.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, '-'); i > 0 {
		s = s[:i]
	}
	return strings.ToValidUTF8(s, "")
}
