package synth

import (
	"slices"
	"strings"

	"github.com/coibrief/coibrief/model"
)

// What happens, per event kind. French in the present, English in the
// past, as COI chronologies are written. Slots: {at} where it happens,
// {target} a building, {city}, {de_city}, {region}, {region_of}, {n},
// {n2}, {age}, {days}, {person} with {Le}, {il}, {e} for French
// agreement, {date2}, {price}.
var kindTemplates = [...][]tpl{
	model.KindPeacefulProtest: {
		tp("{at}, plusieurs centaines de personnes se rassemblent pour protester contre la hausse du prix du gaz liquéfié.",
			"{at}, several hundred people gathered to protest against the rise in the price of liquefied gas."),
		tp("{at}, les manifestants, dont le nombre est estimé à {n}, réclament la démission du gouvernement et une baisse des prix des carburants.",
			"{at}, protesters, whose number was estimated at {n}, demanded the government's resignation and lower fuel prices."),
		tp("Les employés du secteur pétrolier se mettent en grève {at} et exigent des hausses de salaire.",
			"Oil workers went on strike {at} and demanded pay rises."),
		tp("{at}, une marche pacifique traverse le centre-ville ; les participants scandent « Le gouvernement, dehors ! ».",
			"{at}, a peaceful march crossed the city centre, with participants chanting 'Government out!'."),
		tp("Des habitants bloquent la route principale {at} ; la circulation reste interrompue plusieurs heures.",
			"Residents blocked the main road {at}; traffic remained at a standstill for several hours."),
		tp("{at}, des rassemblements de taille très variable se tiennent jusque tard dans la soirée, sans incident notable.",
			"{at}, gatherings of very different sizes went on until late in the evening, with no notable incident."),
		tp("Une yourte est dressée {at} par les manifestants, qui annoncent leur intention de rester jusqu'à la satisfaction de leurs revendications.",
			"Protesters put up a yurt {at} and announced that they would stay until their demands were met."),
	},
	model.KindRiot: {
		tp("{at}, la manifestation dégénère en émeute : des véhicules de police sont incendiés et des vitrines brisées.",
			"{at}, the protest turned into a riot: police vehicles were set on fire and shop windows smashed."),
		tp("Des émeutiers prennent d'assaut {target} et y mettent le feu.", "Rioters stormed {target} and set it on fire."),
		tp("{at}, des affrontements opposent manifestants et forces de l'ordre, qui font usage de gaz lacrymogène et de grenades assourdissantes.",
			"{at}, protesters clashed with the security forces, who used tear gas and stun grenades."),
		tp("Des magasins et des distributeurs de billets sont pillés {at} au cours de la nuit.", "Shops and cash machines were looted {at} during the night."),
		tp("{at}, des groupes d'hommes armés, dont l'identité reste inconnue, se mêlent à la foule.",
			"{at}, groups of armed men, whose identity remains unknown, mingled with the crowd."),
	},
	model.KindLethalForce: {
		tp("{at}, les forces de sécurité ouvrent le feu sur la foule ; plusieurs personnes sont tuées.",
			"{at}, the security forces opened fire on the crowd; several people were killed."),
		tp("Le président autorise les forces de l'ordre à « tirer sans sommation ».", "The President authorised the security forces to 'shoot without warning'."),
		tp("{at}, des tirs nourris sont entendus pendant plusieurs heures, selon des témoins joints par téléphone.",
			"{at}, heavy gunfire was heard for several hours, according to witnesses reached by telephone."),
		tp("Un adolescent de {age} ans est tué par balle {at}, d'après ses proches.", "A {age}-year-old boy was shot dead {at}, according to his relatives."),
		tp("Des tireurs postés sur les toits visent les passants {at} ; les autorités parlent de « terroristes ».",
			"Gunmen on rooftops fired at passers-by {at}; the authorities spoke of 'terrorists'."),
	},
	model.KindArrests: {
		tp("{at}, la police interpelle des dizaines de manifestants ; certains sont relâchés dans la soirée.",
			"{at}, police detained dozens of protesters; some were released in the evening."),
		tp("{Le} journaliste {person} est arrêté{e} {at} alors qu'{il} couvrait le rassemblement.", "Journalist {person} was arrested {at} while covering the rally."),
		tp("Les forces de sécurité mènent des perquisitions dans les quartiers périphériques {de_city}.",
			"The security forces carried out house searches in the outlying districts of {city}."),
		tp("D'après le ministère de l'Intérieur, les personnes interpellées {at} sont soupçonnées de « participation à des troubles de masse ».",
			"According to the Ministry of Internal Affairs, the people detained {at} are suspected of 'taking part in mass unrest'."),
		tp("{at}, {n2} militants connus sont arrêtés à leur domicile avant même le début du rassemblement.",
			"{at}, {n2} well-known activists were arrested at home before the rally had even begun."),
	},
	model.KindInternetShutdown: {
		tp("L'accès à internet est coupé dans l'ensemble du pays ; les réseaux mobiles ne fonctionnent plus.",
			"Internet access was cut off across the country; mobile networks stopped working."),
		tp("{at}, l'internet mobile est fortement ralenti et les messageries sont inaccessibles.", "{at}, mobile internet was heavily throttled and messaging apps were unavailable."),
		tp("L'accès à internet est brièvement rétabli, avant d'être de nouveau coupé en fin d'après-midi.", "Internet access was briefly restored, then cut off again in the late afternoon."),
		tp("Les sites d'information indépendants sont bloqués ; seuls les médias publics restent accessibles.", "Independent news sites were blocked; only state media remained accessible."),
	},
	model.KindStateOfEmergency: {
		tp("L'état d'urgence est décrété {at} ; un couvre-feu s'applique de 23\u00a0h à 7\u00a0h.", "A state of emergency was declared {at}; a curfew applied from 11 p.m. to 7 a.m."),
		tp("Le régime d'opération antiterroriste est instauré {at} et prolongé jusqu'au {date2}.", "A counter-terrorist operation regime was introduced {at} and extended until {date2}."),
		tp("L'état d'urgence est étendu à l'ensemble du territoire.", "The state of emergency was extended to the whole country."),
		tp("Les autorités instaurent des points de contrôle aux entrées {de_city} ; les déplacements entre les régions sont restreints.",
			"The authorities set up checkpoints at the approaches to {city}; travel between regions was restricted."),
	},
	model.KindGovernmentDecision: {
		tp("Le gouvernement annonce le plafonnement du prix du gaz liquéfié à {price} le litre pour six mois.",
			"The government announced a cap on the price of liquefied gas at {price} a litre for six months."),
		tp("Le président accepte la démission du gouvernement et nomme un Premier ministre par intérim.",
			"The President accepted the government's resignation and appointed an acting Prime Minister."),
		tp("Un décret présidentiel instaure une journée de deuil national.", "A presidential decree declared a day of national mourning."),
		tp("Les autorités annoncent la création d'une commission chargée d'enquêter sur les événements.", "The authorities announced a commission to investigate the events."),
		tp("Le Parlement adopte en urgence une loi qui durcit les sanctions pour « participation à des rassemblements non autorisés ».",
			"Parliament fast-tracked a law toughening penalties for 'taking part in unauthorised gatherings'."),
	},
	model.KindForeignIntervention: {
		tp("Les premiers contingents de l'alliance militaire régionale atterrissent {at}.", "The first contingents of the regional military alliance landed {at}."),
		tp("Les troupes étrangères sont chargées de protéger des sites stratégiques, dont {target}.", "The foreign troops were tasked with guarding strategic sites, including {target}."),
		tp("Le retrait des contingents étrangers commence ; il doit s'achever sous dix jours.", "The withdrawal of the foreign contingents began; it was to be completed within ten days."),
		tp("Le président sollicite l'aide de l'alliance militaire régionale face à une « menace terroriste ».",
			"The President requested assistance from the regional military alliance against a 'terrorist threat'."),
	},
	model.KindStatement: {
		tp("Dans une allocution télévisée, le président qualifie les manifestants de « bandits et terroristes ».",
			"In a televised address, the President called the protesters 'bandits and terrorists'."),
		tp("Des organisations de défense des droits humains appellent les autorités à faire preuve de retenue et à rétablir l'accès à internet.",
			"Human rights organisations called on the authorities to exercise restraint and to restore internet access."),
		tp("Le porte-parole du ministère de l'Intérieur affirme que « la situation est sous contrôle » {at}.",
			"The Interior Ministry spokesperson said that 'the situation is under control' {at}."),
		tp("L'ancien président s'exprime pour la première fois depuis le début des troubles et appelle au « calme et à l'unité ».",
			"The former President spoke for the first time since the unrest began and called for 'calm and unity'."),
	},
	model.KindPersonnelChange: {
		tp("Le président du Comité de sécurité nationale est limogé, puis arrêté pour « haute trahison ».",
			"The head of the National Security Committee was dismissed and then arrested for 'high treason'."),
		tp("L'akim {region_of} est relevé de ses fonctions.", "The akim of {region} was removed from office."),
		tp("{person} est nommé{e} vice-ministre de l'Intérieur.", "{person} was appointed Deputy Minister of Internal Affairs."),
		tp("Plusieurs proches de l'ancien président quittent leurs postes à la tête d'entreprises publiques.",
			"Several relatives of the former President left their posts at the head of state-owned companies."),
	},
	model.KindJudicial: {
		tp("Le tribunal {de_city} place {n2} personnes en détention provisoire pour deux mois.", "The {city} court remanded {n2} people in custody for two months."),
		tp("Le parquet ouvre une enquête pénale pour « organisation de troubles de masse ».", "Prosecutors opened a criminal investigation into 'organising mass unrest'."),
		tp("{person}, militant{e} connu{e}, est condamné{e} à {days} jours de détention administrative.",
			"{person}, a well-known activist, was sentenced to {days} days of administrative detention."),
		tp("{at}, les premiers procès s'ouvrent à huis clos ; les familles des accusés ne sont pas admises dans la salle.",
			"{at}, the first trials opened behind closed doors; the defendants' families were not allowed into the courtroom."),
	},
	model.KindTorture: {
		tp("D'anciens détenus du centre de détention provisoire {de_city} affirment avoir été battus et privés de sommeil.",
			"Former detainees of the {city} pre-trial detention centre said they had been beaten and deprived of sleep."),
		tp("Des avocats signalent que des aveux ont été obtenus sous la contrainte {at}.", "Lawyers reported that confessions had been obtained under duress {at}."),
		tp("Une vidéo montrant un détenu couvert d'ecchymoses circule sur les réseaux sociaux ; le parquet annonce une enquête.",
			"A video showing a detainee covered in bruises circulated on social media; prosecutors announced an investigation."),
		tp("{at}, des proches de personnes détenues décrivent des conditions de détention « inhumaines » : cellules surpeuplées, absence de soins, interrogatoires de nuit…",
			"{at}, relatives of detainees described 'inhuman' conditions: overcrowded cells, no medical care, night-time interrogations…"),
	},
	model.KindOther: {
		tp("Les banques et les commerces restent fermés {at} ; des files d'attente se forment devant les rares stations-service ouvertes.",
			"Banks and shops stayed closed {at}; queues formed outside the few petrol stations still open."),
		tp("Les vols à destination {de_city} sont suspendus.", "Flights to {city} were suspended."),
		tp("Des pénuries de pain et de carburant sont signalées {at}.", "Shortages of bread and fuel were reported {at}."),
		tp("Les écoles passent à l'enseignement à distance {at} jusqu'à nouvel ordre.", "Schools {at} switched to remote learning until further notice."),
	},
}

// Sentences that lengthen a statement.
var elaborations = []tpl{
	tp("Les témoignages recueillis par les médias indépendants divergent sur le déroulement exact des faits.", "Accounts gathered by independent media differ on exactly what happened."),
	tp("Les autorités n'ont, à ce stade, communiqué aucun bilan.", "The authorities had released no toll at that stage."),
	tp("Un habitant joint par téléphone décrit « une ville fantôme, où personne n'ose sortir ».", "A resident reached by telephone described 'a ghost town where nobody dares go out'."),
	tp("Les images diffusées sur les réseaux sociaux n'ont pas pu être authentifiées de manière indépendante.", "Footage shared on social media could not be independently verified."),
	tp("Selon plusieurs sources, la coupure des communications complique le travail des journalistes – et celui des secours.",
		"According to several sources, the communications blackout hampered the work of journalists – and of the emergency services."),
	tp("L'information est démentie le lendemain par le ministère de l'Intérieur, qui évoque une « provocation »…",
		"The Ministry of Internal Affairs denied the report the next day, calling it a 'provocation'…"),
	tp("Les proches des personnes interpellées disent ne disposer d'aucune information sur leur lieu de détention.",
		"Relatives of those detained said they had no information on where they were being held."),
	tp("Des commerçants évaluent leurs pertes à plusieurs millions ; les assureurs refusent de couvrir les dommages liés aux « troubles de masse ».",
		"Shopkeepers put their losses at several million; insurers refused to cover damage linked to 'mass unrest'."),
	tp("Le bilan reste incertain : les chiffres avancés par les autorités et par les organisations indépendantes varient du simple au triple.",
		"The toll remains uncertain: the figures given by the authorities and by independent organisations differ threefold."),
	tp("Plusieurs journalistes présents sur place sont brièvement retenus ; leurs cartes mémoire sont confisquées.",
		"Several journalists at the scene were briefly held and their memory cards confiscated."),
	tp("La télévision publique ne diffuse, pendant ce temps, que des programmes de divertissement.", "Meanwhile, state television broadcast only entertainment programmes."),
	tp("Cette version des faits est contestée par des organisations de défense des droits humains, qui réclament une enquête internationale indépendante.",
		"This account is disputed by human rights organisations, which called for an independent international investigation."),
	tp("Un médecin de l'hôpital {de_city}, qui a requis l'anonymat, évoque « des dizaines de blessés par balle » admis en quelques heures.",
		"A doctor at the {city} hospital, speaking on condition of anonymity, described 'dozens of gunshot wounds' admitted within a few hours."),
	tp("Le lendemain, les rues sont nettoyées et les carcasses de voitures évacuées ; les traces des affrontements restent visibles sur les façades.",
		"The next day, the streets were cleaned and burnt-out cars removed; marks of the clashes remained visible on the façades."),
	tp("Le gouverneur de la région promet de « recevoir chaque habitant » ; les manifestants refusent de se disperser avant d'avoir obtenu des engagements écrits.",
		"The regional governor promised to 'meet every resident'; the protesters refused to disperse without written commitments."),
	tp("Les chaînes Telegram locales publient des listes de personnes disparues, que les familles complètent au fil des heures.",
		"Local Telegram channels published lists of missing people, which families updated hour by hour."),
	tp("D'après un avocat, au moins {n2} de ses clients n'ont pu le rencontrer qu'en présence d'enquêteurs.",
		"According to a lawyer, at least {n2} of his clients could only meet him with investigators present."),
	tp("Les transports publics sont à l'arrêt et la plupart des commerces gardent leur rideau baissé.", "Public transport was at a standstill and most shops kept their shutters down."),
}

// Explanatory footnote sentences. {alias1} and {alias2} are other
// spellings of the entry's place.
var (
	noteSentences = []tpl{
		tp("Les sources divergent sur l'heure exacte des faits.", "Sources differ on the exact time of the events."),
		tp("Plusieurs médias situent d'abord l'événement la veille au soir, avant de corriger leur dépêche.",
			"Several outlets first placed the event on the previous evening, before correcting their reports."),
		tp("Traduction de l'auteur ; la citation originale est en russe.", "Translated by the author; the original quotation is in Russian."),
		tp("Le chiffre avancé n'a pas pu être confirmé par une source indépendante.", "The figure given could not be confirmed by an independent source."),
		tp("Les images publiées ont été géolocalisées par des journalistes, sans que leur date puisse être établie avec certitude.",
			"The published footage was geolocated by journalists, but its date could not be established with certainty."),
		tp("La chronologie officielle publiée par le parquet place cet épisode un jour plus tard.", "The official timeline published by prosecutors places this episode a day later."),
		tp("L'article ne précise pas si les personnes concernées ont été inculpées ou seulement retenues pour une vérification d'identité.",
			"The article does not say whether the people concerned were charged or only held for an identity check."),
		tp("Selon la version actualisée de l'article, la première dépêche comportait une erreur sur le nombre de victimes.",
			"According to the updated version of the article, the first report contained an error in the number of victims."),
		tp("Le témoignage a été recueilli par téléphone, les communications étant coupées dans la ville.", "The account was gathered by telephone, as communications in the city were cut."),
		tp("Les deux articles reprennent la même dépêche d'agence, sous des titres différents.", "Both articles reproduce the same agency report under different headlines."),
		tp("Les autorités n'ont pas répondu aux questions des journalistes sur ce point.", "The authorities did not answer journalists' questions on this point."),
		tp("Le nom de la personne citée est transcrit du russe ; les sources en kazakh l'orthographient autrement.",
			"The name of the person quoted is transcribed from Russian; Kazakh-language sources spell it differently."),
		tp("L'heure indiquée est l'heure locale.", "Times given are local."),
	}
	aliasNote = tp("Le lieu est désigné de plusieurs façons selon les sources : {alias1}, {alias2}.", "Sources refer to the place in several ways: {alias1}, {alias2}.")
)

var (
	reliabilityNotes = [...]tpl{
		model.NotCorroborated: tp("Aucune autre source ne confirme cette information.", "No other source confirms this report."),
		model.Disputed:        tp("Ce récit est contesté par les autorités.", "The authorities dispute this account."),
		model.Retracted:       tp("Cette information, reprise par plusieurs médias, est ensuite démentie.", "This report, picked up by several outlets, was later denied."),
	}
	timeAt    = tp("Selon des témoins, les faits se produisent vers {t1}.", "According to witnesses, this happened at around {t1}.")
	timeRange = tp("Les événements se déroulent entre {t1} et {t2}.", "The events took place between {t1} and {t2}.")
)

// firstName is a given name, in English and French spellings.
type firstName struct {
	en, fr string
	fem    bool
}

var firstNames = []firstName{
	{"Nurlan", "Nourlan", false}, {"Aigerim", "Aïgerim", true}, {"Yerlan", "Erlan", false}, {"Asel", "Assel", true},
	{"Daniyar", "Daniyar", false}, {"Madina", "Madina", true}, {"Serik", "Serik", false}, {"Gulnara", "Goulnara", true},
	{"Bakhyt", "Bakhyt", false}, {"Aliya", "Aliya", true}, {"Timur", "Timour", false}, {"Zhanna", "Janna", true},
	{"Marat", "Marat", false}, {"Saule", "Saoulé", true}, {"Askar", "Askar", false}, {"Dinara", "Dinara", true},
	{"Yerzhan", "Erjan", false}, {"Ainur", "Aïnour", true}, {"Rustem", "Roustem", false}, {"Kairat", "Kaïrat", false},
}

// setPerson sets {person}, {Le}, {il} and {e} to a generated person: given
// name and surname in capitals, as COI notes write them.
func setPerson(r rng, s *slots) {
	f := pick(r, firstNames)
	n := genName(r)
	suffix := pick(r, [][2]string{{"ov", "ova"}, {"ev", "eva"}, {"uly", "kyzy"}, {"bekov", "bekova"}})
	sf := suffix[0]
	if f.fem {
		sf = suffix[1]
	}
	frSuffix := strings.NewReplacer("uly", "ouly", "kyzy", "kyzy").Replace(sf)
	s.set("person", pair{f.fr + " " + strings.ToUpper(n.fr+frSuffix), f.en + " " + strings.ToUpper(n.en+sf)})
	if f.fem {
		s.set("Le", pair{"La", ""})
		s.set("il", pair{"elle", ""})
		s.set("e", pair{"e", ""})
	} else {
		s.set("Le", pair{"Le", ""})
		s.set("il", pair{"il", ""})
		s.set("e", pair{"", ""})
	}
}

// Kind weights per phase, in the order of model.EventKinds.
var kindWeights = [...][]int{
	phaseBefore: {40, 5, 2, 8, 3, 4, 12, 1, 10, 2, 1, 1, 11},
	phasePeak:   {12, 20, 12, 14, 8, 8, 6, 6, 8, 3, 1, 1, 4},
	phaseAfter:  {5, 2, 2, 20, 3, 4, 10, 3, 14, 9, 16, 6, 6},
	phaseOpen:   {0, 0, 0, 10, 20, 20, 5, 5, 1, 1, 15, 5, 5},
}

// kindOf returns the kind of entry k: spread evenly through the
// chronology, one entry of every kind; the others by the crisis's phase.
func (g *gen) kindOf(r rng, h *heading, k int) model.EventKind {
	kinds := model.EventKinds()
	n, nk := g.sz.entries, len(kinds)
	if n >= nk {
		i := (k*nk + n - 1) / n // the first i with i*n/nk >= k
		if i < nk && i*n/nk == k {
			return kinds[i]
		}
	}
	return kinds[r.weighted(kindWeights[h.phase]...)]
}

// where says where an entry happens.
type where struct {
	places []model.PlaceID
	group  model.PlaceID
	geo    model.GeoPrecision
	main   placeInfo // the place the text names
}

func (g *gen) randomPlace(r rng, kind model.PlaceKind) placeInfo {
	sz := g.sz
	switch {
	case kind == model.PlaceSite && sz.sites > 0:
		return g.place(g.siteIndex(r.intn(sz.sites)))
	case kind == model.PlaceDistrict && sz.districts > 0:
		return g.place(g.districtIndex(r.intn(sz.districts)))
	case kind == model.PlaceRegion:
		return g.place(g.regionIndex(r.intn(sz.regions)))
	}
	return g.place(g.cityIndex(r.intn(sz.cities)))
}

// where picks the places of an entry of kind k.
func (g *gen) where(r rng, k model.EventKind) where {
	const (
		city = iota
		site
		district
		several
		none
		country
		region
		capital
	)
	var choice int
	switch k {
	case model.KindPeacefulProtest:
		choice = []int{city, site, district, several, none}[r.weighted(55, 20, 10, 10, 5)]
	case model.KindRiot, model.KindLethalForce, model.KindArrests, model.KindTorture:
		choice = []int{city, site, district}[r.weighted(40, 40, 20)]
	case model.KindInternetShutdown:
		choice = []int{city, none, country}[r.weighted(10, 60, 30)]
	case model.KindStateOfEmergency:
		choice = []int{region, city, country}[r.weighted(40, 30, 30)]
	case model.KindGovernmentDecision, model.KindStatement, model.KindPersonnelChange:
		choice = []int{none, capital, region}[r.weighted(60, 30, 10)]
	case model.KindForeignIntervention:
		choice = site
	case model.KindJudicial:
		choice = []int{city, site}[r.weighted(60, 40)]
	default:
		choice = []int{city, district}[r.weighted(80, 20)]
	}

	var w where
	switch choice {
	case site, district:
		kind := model.PlaceSite
		if choice == district {
			kind = model.PlaceDistrict
		}
		p := g.randomPlace(r, kind)
		if k == model.KindForeignIntervention {
			for try := 0; try < 12 && p.site != siteAirport; try++ {
				p = g.randomPlace(r, model.PlaceSite)
			}
		}
		w.main, w.places = p, []model.PlaceID{p.ID}
		if p.Kind != model.PlaceCity && r.chance(0.5) {
			c := g.place(p.cityIdx)
			w.places = append(w.places, c.ID)
			if r.chance(0.6) {
				w.group = c.ID
			}
			if r.chance(0.15) {
				w.geo = model.GeoCity
			}
		}
	case several:
		n := min(r.between(3, 12), g.sz.cities)
		var names []pair
		for len(w.places) < n {
			if p := g.randomPlace(r, model.PlaceCity); !slices.Contains(w.places, p.ID) {
				w.places = append(w.places, p.ID)
				names = append(names, p.def)
				w.main = p
			}
		}
		if len(names) > 1 {
			list := enumerate(names)
			w.main.at = pair{"dans plusieurs villes, dont " + list.fr, "in several cities, including " + list.en}
		}
	case none:
		w.main = g.country
	case country:
		w.main, w.places = g.country, []model.PlaceID{g.country.ID}
	case region:
		n := r.weighted(6, 3, 1) + 1
		for range n {
			p := g.randomPlace(r, model.PlaceRegion)
			if !slices.Contains(w.places, p.ID) {
				w.places = append(w.places, p.ID)
			}
			if w.main.ID == "" {
				w.main = p
			}
		}
		if r.chance(0.2) {
			w.geo = model.GeoRegion
		}
	case capital:
		w.main = g.place(g.capital())
		w.places = []model.PlaceID{w.main.ID}
	default:
		w.main = g.randomPlace(r, model.PlaceCity)
		w.places = []model.PlaceID{w.main.ID}
	}
	return w
}

// enumerate returns "A, B et C" / "A, B and C".
func enumerate(ps []pair) pair {
	var f, e strings.Builder
	for i, p := range ps {
		if i > 0 {
			sep := pair{", ", ", "}
			if i == len(ps)-1 {
				sep = pair{" et ", " and "}
			}
			f.WriteString(sep.fr)
			e.WriteString(sep.en)
		}
		f.WriteString(p.fr)
		e.WriteString(p.en)
	}
	return pair{f.String(), e.String()}
}

// slotsFor returns the slots of a statement about w, dated d.
func (g *gen) slotsFor(r rng, w where, d model.Date) slots {
	var s slots
	p := w.main
	city := p.city
	if p.cityIdx < 0 {
		city = g.randomPlace(r, model.PlaceCity).city
	}
	reg := p
	switch {
	case p.region >= 0 && p.region != p.index:
		reg = g.place(p.region)
	case p.region < 0:
		reg = g.randomPlace(r, model.PlaceRegion)
	}
	s.set("at", p.at)
	s.set("city", pair{city.fr, city.en})
	s.set("de_city", pair{de(city.fr), city.en})
	s.set("region", pair{reg.Name[fr], reg.Name[en]})
	s.set("region_of", pair{"de la " + reg.Name[fr], reg.Name[en]})
	target := p.def
	switch {
	case p.Kind == model.PlaceSite:
	case g.land != nil:
		target = pair{"la mairie " + de(city.fr), "the " + city.en + " city hall"}
	default:
		target = pair{"l’akimat " + de(city.fr), "the " + city.en + " city akimat"}
	}
	s.set("target", target)
	s.set("n", num(r.between(4, 400)*50))
	s.set("n2", num(r.between(3, 60)))
	s.set("age", num(r.between(14, 17)))
	s.set("days", num(r.between(10, 15)))
	s.set("date2", day(d.AddDays(r.between(3, 12))))
	p2 := dec(r.between(6, 12))
	s.set("price", pair{p2.fr + nbsp + "USD", p2.en + " USD"})
	setPerson(r, &s)
	return s
}

// prose returns the text of a statement of kind k about w: a main
// sentence, then what figures and times say, then 0 to 14 sentences
// more.
func (g *gen) prose(r rng, k model.EventKind, s slots, figs []figInfo, extra pair) pair {
	parts := []pair{pick(r, kindTemplates[k]).render(s)}
	for i := range figs {
		parts = append(parts, figs[i].sentence())
	}
	parts = append(parts, extra)
	var n int
	switch r.weighted(55, 25, 12, 6, 2) {
	case 1:
		n = 1
	case 2:
		n = r.between(2, 3)
	case 3:
		n = r.between(4, 6)
	case 4:
		n = r.between(8, 14)
	}
	for _, i := range r.r.Perm(len(elaborations))[:n] {
		parts = append(parts, elaborations[i].render(s))
	}
	return join(parts...)
}

// note returns an explanatory footnote: one sentence, or a long one of
// six to twelve.
func note(r rng, w where, long bool) model.Text {
	n := 1
	if long {
		n = r.between(6, 12)
	}
	var parts []pair
	var s slots
	if al := w.main.Aliases; len(al) >= 2 && r.chance(0.5) {
		s.set("alias1", pair{al[0], al[0]})
		s.set("alias2", pair{al[1], al[1]})
		parts = append(parts, aliasNote.render(s))
		n--
	}
	for _, i := range r.r.Perm(len(noteSentences))[:n] {
		parts = append(parts, noteSentences[i].render(s))
	}
	return join(parts...).text()
}

// Kinds whose entries often give a time of day, or report figures.
func timed(k model.EventKind) bool {
	switch k {
	case model.KindPeacefulProtest, model.KindRiot, model.KindLethalForce, model.KindArrests,
		model.KindStatement, model.KindInternetShutdown, model.KindForeignIntervention:
		return true
	}
	return false
}

func counted(k model.EventKind) bool {
	switch k {
	case model.KindPeacefulProtest, model.KindRiot, model.KindLethalForce, model.KindArrests,
		model.KindJudicial, model.KindTorture, model.KindForeignIntervention:
		return true
	}
	return false
}

// entry returns the seq-th entry of heading h.
func (g *gen) entry(h *heading, seq int) model.Entry {
	k := h.first + seq
	r := newRNG(g.seed, tagEntry, k)
	kind := g.kindOf(r, h, k)
	w := g.where(r, kind)
	d := h.when.Start
	e := model.Entry{
		Statement:    model.Statement{ID: entryID(h, seq), Places: w.places},
		Kind:         kind,
		Group:        w.group,
		GeoPrecision: w.geo,
	}

	// Dates: within a plain day, some entries span a night, a few days, or
	// an open period, and some are approximate.
	night := h.prec == model.PrecisionNight
	if !h.when.Open && !night {
		x := r.intn(100)
		switch {
		case x < 7 && d.Before(g.period.End):
			e.When, e.DatePrecision = model.DateSpan{Start: d, End: d.AddDays(1)}, model.PrecisionNight
			night = true
		case x < 12:
			start, end := d, d
			if r.chance(0.5) && d.After(g.period.Start) {
				start = d.AddDays(-1)
			} else {
				end = minDate(d.AddDays(r.between(1, 2)), g.period.End)
			}
			if start != end {
				e.When = model.DateSpan{Start: start, End: end}
				if r.chance(0.5) {
					e.DatePrecision = model.PrecisionSpan
				}
			}
		case x < 16:
			e.DatePrecision = model.PrecisionApprox
		case x < 22 && !counted(kind):
			e.When = model.DateSpan{Start: d, Open: true}
		}
	}
	var timeText pair
	if timed(kind) && r.chance(0.35) {
		t := model.At(r.between(7, 22), pick(r, []int{0, 0, 0, 5, 15, 30, 30, 45, 50}))
		if night {
			t = model.At(r.between(20, 23), pick(r, []int{0, 0, 15, 30, 45}))
		}
		s := slots{}
		s.set("t1", clock(t.Start))
		if r.chance(0.3) {
			t.End = model.Clock{Hour: (t.Start.Hour + r.between(1, 4)) % 24, Minute: pick(r, []int{0, 0, 30})}
			s.set("t2", clock(t.End))
			timeText = timeRange.render(s)
		} else {
			timeText = timeAt.render(s)
		}
		e.Time = &t
	}

	e.Reliability = []model.Reliability{model.Reliable, model.NotCorroborated, model.Disputed, model.Retracted}[r.weighted(85, 8, 5, 2)]
	e.Bullet = r.chance(0.08)
	long := r.chance(0.03)
	e.Sources = g.entrySources(r, k, long)

	var figs []figInfo
	if g.sz.figures > 0 && counted(kind) && r.chance(0.35) {
		b := r.intn(g.figureBlocks())
		blk := g.figureBlock(b)
		figs = append(figs, blk[0])
		if len(blk) > 4 && r.chance(0.4) {
			figs = append(figs, blk[4])
		}
		for _, f := range figs {
			e.Figures = append(e.Figures, f.ID)
		}
	}

	s := g.slotsFor(r, w, d)
	extra := timeText
	if e.Reliability != model.Reliable && r.chance(0.6) {
		extra = join(extra, reliabilityNotes[e.Reliability].render(nil))
	}
	e.Text = g.prose(r, kind, s, figs, extra).text()
	switch {
	case long:
		e.Note = note(r, w, true)
	case r.chance(0.12):
		e.Note = note(r, w, false)
	}
	return e
}

// entrySources returns the sources entry k cites: the block of sources it
// alone is sure to cite, so that every source is cited, then others
// published about the same time, in any order; once in a while one twice.
func (g *gen) entrySources(r rng, k int, long bool) []model.SourceID {
	n, s := int64(g.sz.entries), int64(g.sz.sources)
	lo := int((int64(k)*s + n - 1) / n)
	hi := int((int64(k+1)*s + n - 1) / n)
	if hi <= lo {
		lo = min(lo, int(s)-1)
		hi = lo + 1
	}
	want := []int{1, 2, 3, 4, r.between(5, 6), r.between(7, 9), r.between(10, 14)}[r.weighted(25, 22, 18, 12, 10, 8, 5)]
	if long {
		want = r.between(10, 14)
	}
	js := make([]int, 0, max(want, hi-lo))
	for j := lo; j < hi; j++ {
		js = append(js, j)
	}
	spread := 5 + int(s)/200
	for try := 0; len(js) < want && try < 100; try++ {
		j := min(max(lo+r.between(-spread, spread), 0), int(s)-1)
		if slices.Contains(js, j) && r.chance(0.97) {
			continue
		}
		js = append(js, j)
	}
	r.r.Shuffle(len(js), func(a, b int) { js[a], js[b] = js[b], js[a] })
	ids := make([]model.SourceID, len(js))
	for i, j := range js {
		ids[i] = g.sourceID(j)
	}
	return ids
}
