package model

// EventKind classifies a chronology entry. The zero value is unset and is
// rejected by Validate.
type EventKind uint8

// Event kinds, roughly from least to most violent for the street events.
const (
	_                       EventKind = iota
	KindPeacefulProtest               // a peaceful gathering, march or strike
	KindRiot                          // a riot, looting, arson or a clash with the police
	KindLethalForce                   // use of firearms or force causing deaths
	KindArrests                       // arrests, detentions, raids
	KindInternetShutdown              // internet or telecom shutdown or throttling
	KindStateOfEmergency              // state of emergency, curfew, counter-terrorist regime
	KindGovernmentDecision            // a decision of the government or the president
	KindForeignIntervention           // foreign troops or foreign governments acting
	KindStatement                     // a public statement by an actor
	KindPersonnelChange               // a dismissal, appointment or resignation
	KindJudicial                      // criminal cases, trials, sentences
	KindTorture                       // torture or ill-treatment
	KindOther                         // anything else
)

var eventKinds = enum[EventKind]{"event kind", []string{"",
	"peaceful-protest", "riot", "lethal-force", "arrests", "internet-shutdown",
	"state-of-emergency", "government-decision", "foreign-intervention",
	"statement", "personnel-change", "judicial", "torture", "other"}}

// EventKinds returns every valid event kind in declaration order.
func EventKinds() []EventKind { return eventKinds.all() }

func (k EventKind) String() string                { return eventKinds.string(k) }
func (k EventKind) MarshalText() ([]byte, error)  { return eventKinds.marshal(k) }
func (k *EventKind) UnmarshalText(b []byte) error { return eventKinds.unmarshal(k, b) }

// Reliability flags a statement whose content the author could not fully
// vouch for. The zero value means no flag.
type Reliability uint8

// Reliability flags.
const (
	Reliable        Reliability = iota // no reservation
	NotCorroborated                    // a single source, not confirmed elsewhere
	Disputed                           // sources contradict each other
	Retracted                          // withdrawn by whoever first reported it
)

var reliabilities = enum[Reliability]{"reliability", []string{"", "not-corroborated", "disputed", "retracted"}}

func (r Reliability) String() string                { return reliabilities.string(r) }
func (r Reliability) MarshalText() ([]byte, error)  { return reliabilities.marshal(r) }
func (r *Reliability) UnmarshalText(b []byte) error { return reliabilities.unmarshal(r, b) }

// IsZero reports whether r carries no flag.
func (r Reliability) IsZero() bool { return r == Reliable }

// Reliabilities returns every reliability flag (without the zero value).
func Reliabilities() []Reliability { return reliabilities.all() }

// SourceCategory groups bibliography entries as COI bibliographies do.
type SourceCategory uint8

// Source categories, in the order a bibliography lists them.
const (
	_                     SourceCategory = iota
	CategoryInstitution                  // a national institution or government body
	CategoryInternational                // an intergovernmental organisation
	CategoryNGO                          // a non-governmental organisation
	CategoryAcademic                     // a think tank, university or research centre
	CategoryMedia                        // a newspaper, broadcaster, news agency or news site
	CategorySocialMedia                  // a social network post or channel
	CategoryOther                        // anything else
)

var sourceCategories = enum[SourceCategory]{"source category", []string{"",
	"institution", "international", "ngo", "academic", "media", "social-media", "other"}}

// SourceCategories returns every category in bibliography order.
func SourceCategories() []SourceCategory { return sourceCategories.all() }

func (c SourceCategory) String() string                { return sourceCategories.string(c) }
func (c SourceCategory) MarshalText() ([]byte, error)  { return sourceCategories.marshal(c) }
func (c *SourceCategory) UnmarshalText(b []byte) error { return sourceCategories.unmarshal(c, b) }

// Metric is what a figure counts.
type Metric uint8

// Metrics.
const (
	_                    Metric = iota
	MetricKilled                // people killed
	MetricInjured               // people injured
	MetricHospitalised          // people in hospital
	MetricIntensiveCare         // people in intensive care
	MetricDetained              // people detained (held, not necessarily charged)
	MetricArrested              // people arrested
	MetricCriminalCases         // criminal cases opened
	MetricAdministrative        // administrative sentences or fines
	MetricCharged               // people charged or prosecuted
	MetricReleased              // people released
	MetricTroops                // troops deployed
	MetricMissing               // people missing
	MetricProtesters            // people taking part in a protest
	MetricPrice                 // a price (see Figure.Unit)
	MetricVehicles              // vehicles damaged or destroyed
	MetricBuildings             // buildings damaged or destroyed
	MetricWeapons               // weapons stolen or seized
	MetricOther                 // anything else (say what in Figure.Note)
)

var metrics = enum[Metric]{"metric", []string{"",
	"killed", "injured", "hospitalised", "intensive-care", "detained", "arrested",
	"criminal-cases", "administrative-sentences", "charged", "released", "troops",
	"missing", "protesters", "price", "vehicles", "buildings", "weapons", "other"}}

// Metrics returns every metric in declaration order.
func Metrics() []Metric { return metrics.all() }

func (m Metric) String() string                { return metrics.string(m) }
func (m Metric) MarshalText() ([]byte, error)  { return metrics.marshal(m) }
func (m *Metric) UnmarshalText(b []byte) error { return metrics.unmarshal(m, b) }

// Party is whom a figure counts.
type Party uint8

// Parties.
const (
	PartyAll            Party = iota // everyone, or not specified by the source
	PartyProtesters                  // protesters
	PartyCivilians                   // civilians (protesters and bystanders)
	PartySecurityForces              // police, army, national guard, special services
	PartyForeignTroops               // foreign troops
	PartyOfficials                   // officials dismissed, detained or charged
)

var parties = enum[Party]{"party", []string{"all", "protesters", "civilians", "security-forces", "foreign-troops", "officials"}}

// Parties returns every party in declaration order.
func Parties() []Party { return parties.all() }

func (p Party) String() string                { return parties.string(p) }
func (p Party) MarshalText() ([]byte, error)  { return parties.marshal(p) }
func (p *Party) UnmarshalText(b []byte) error { return parties.unmarshal(p, b) }

// IsZero reports whether p is PartyAll, the default.
func (p Party) IsZero() bool { return p == PartyAll }

// Qualifier says how exact a figure's value is.
type Qualifier uint8

// Qualifiers. For Range, Figure.Low and Figure.High hold the bounds; for
// the others Figure.Value holds the number. For the words Dozens, Hundreds
// and Thousands it is the lower bound the words imply, 10, 100 or 1000,
// which Figure.Bounds gives when Value is left out; a larger Value ("at
// least 3,000": thousands) may be given.
const (
	Exact     Qualifier = iota // exactly Value
	About                      // about Value
	AtLeast                    // at least Value
	MoreThan                   // more than Value
	Nearly                     // nearly (a little under) Value
	AtMost                     // at most Value
	Range                      // between Low and High
	Dozens                     // "dozens", Value is 10
	Hundreds                   // "hundreds", Value is 100
	Thousands                  // "thousands", Value is 1000
)

var qualifiers = enum[Qualifier]{"qualifier", []string{"exact", "about", "at-least", "more-than", "nearly", "at-most", "range", "dozens", "hundreds", "thousands"}}

// Qualifiers returns every qualifier in declaration order.
func Qualifiers() []Qualifier { return qualifiers.all() }

func (q Qualifier) String() string                { return qualifiers.string(q) }
func (q Qualifier) MarshalText() ([]byte, error)  { return qualifiers.marshal(q) }
func (q *Qualifier) UnmarshalText(b []byte) error { return qualifiers.unmarshal(q, b) }

// IsZero reports whether q is Exact, the default.
func (q Qualifier) IsZero() bool { return q == Exact }

// IsWord reports whether q is an order of magnitude given in words
// (dozens, hundreds, thousands) rather than a number.
func (q Qualifier) IsWord() bool { return q == Dozens || q == Hundreds || q == Thousands }

// wordValue returns the lower bound a word qualifier implies, 0 for the
// others.
func (q Qualifier) wordValue() float64 {
	switch q {
	case Dozens:
		return 10
	case Hundreds:
		return 100
	case Thousands:
		return 1000
	}
	return 0
}

// FigureStatus is where a figure stands.
type FigureStatus uint8

// Figure statuses.
const (
	StatusReported   FigureStatus = iota // reported and standing
	StatusRetracted                      // withdrawn by its claimant
	StatusSuperseded                     // replaced by a later figure of the same claimant
	StatusDisputed                       // contested by other sources
)

var figureStatuses = enum[FigureStatus]{"figure status", []string{"reported", "retracted", "superseded", "disputed"}}

// FigureStatuses returns every status in declaration order.
func FigureStatuses() []FigureStatus { return figureStatuses.all() }

func (s FigureStatus) String() string                { return figureStatuses.string(s) }
func (s FigureStatus) MarshalText() ([]byte, error)  { return figureStatuses.marshal(s) }
func (s *FigureStatus) UnmarshalText(b []byte) error { return figureStatuses.unmarshal(s, b) }

// IsZero reports whether s is StatusReported, the default.
func (s FigureStatus) IsZero() bool { return s == StatusReported }

// ClaimantKind says who stands behind a figure.
type ClaimantKind uint8

// Claimant kinds. Official claimants are the state's own bodies; every other
// kind counts as independent when figures are compared.
const (
	_                     ClaimantKind = iota
	ClaimantOfficial                   // a ministry, prosecutor, president, local authority
	ClaimantMedia                      // a media outlet's own count
	ClaimantNGO                        // a human-rights or other NGO
	ClaimantInternational              // an intergovernmental body
	ClaimantWitness                    // witnesses, relatives, lawyers, activists
	ClaimantOther                      // anything else
)

var claimantKinds = enum[ClaimantKind]{"claimant kind", []string{"", "official", "media", "ngo", "international", "witness", "other"}}

// ClaimantKinds returns every claimant kind in declaration order.
func ClaimantKinds() []ClaimantKind { return claimantKinds.all() }

func (k ClaimantKind) String() string                { return claimantKinds.string(k) }
func (k ClaimantKind) MarshalText() ([]byte, error)  { return claimantKinds.marshal(k) }
func (k *ClaimantKind) UnmarshalText(b []byte) error { return claimantKinds.unmarshal(k, b) }

// IsOfficial reports whether k is a state claimant.
func (k ClaimantKind) IsOfficial() bool { return k == ClaimantOfficial }

// PlaceKind says what a gazetteer entry is.
type PlaceKind uint8

// Place kinds, from the largest to the smallest.
const (
	_             PlaceKind = iota
	PlaceCountry            // a country
	PlaceRegion             // a region, province or oblast
	PlaceCity               // a city, town or village
	PlaceDistrict           // a district or suburb of a city
	PlaceSite               // a square, building or other site
)

var placeKinds = enum[PlaceKind]{"place kind", []string{"", "country", "region", "city", "district", "site"}}

// PlaceKinds returns every place kind in declaration order.
func PlaceKinds() []PlaceKind { return placeKinds.all() }

func (k PlaceKind) String() string                { return placeKinds.string(k) }
func (k PlaceKind) MarshalText() ([]byte, error)  { return placeKinds.marshal(k) }
func (k *PlaceKind) UnmarshalText(b []byte) error { return placeKinds.unmarshal(k, b) }

// DatePrecision says how exact an entry's date is, as event datasets such as
// ACLED and UCDP GED record it. The zero value means "derive it": a single
// day is PrecisionDay and a span PrecisionSpan.
type DatePrecision uint8

// Date precisions.
const (
	PrecisionDerived DatePrecision = iota // derived from the date
	PrecisionDay                          // the event happened on that day
	PrecisionNight                        // the night from the first day to the next
	PrecisionSpan                         // the event lasted over the span, or happened at some point in it
	PrecisionApprox                       // around that date
)

var datePrecisions = enum[DatePrecision]{"date precision", []string{"", "day", "night", "span", "approximate"}}

func (p DatePrecision) String() string                { return datePrecisions.string(p) }
func (p DatePrecision) MarshalText() ([]byte, error)  { return datePrecisions.marshal(p) }
func (p *DatePrecision) UnmarshalText(b []byte) error { return datePrecisions.unmarshal(p, b) }

// IsZero reports whether p is PrecisionDerived.
func (p DatePrecision) IsZero() bool { return p == PrecisionDerived }

// GeoPrecision says how exact an entry's location is. The zero value means
// "derive it" from the kind of the entry's places.
type GeoPrecision uint8

// Location precisions.
const (
	GeoDerived GeoPrecision = iota // derived from the places' kinds
	GeoPoint                       // an exact site
	GeoCity                        // somewhere in a city or town
	GeoRegion                      // somewhere in a region
	GeoCountry                     // somewhere in the country
)

var geoPrecisions = enum[GeoPrecision]{"location precision", []string{"", "point", "city", "region", "country"}}

func (p GeoPrecision) String() string                { return geoPrecisions.string(p) }
func (p GeoPrecision) MarshalText() ([]byte, error)  { return geoPrecisions.marshal(p) }
func (p *GeoPrecision) UnmarshalText(b []byte) error { return geoPrecisions.unmarshal(p, b) }

// IsZero reports whether p is GeoDerived.
func (p GeoPrecision) IsZero() bool { return p == GeoDerived }

// Role is what a person or body did for a dossier.
type Role uint8

// Roles.
const (
	_              Role = iota
	RoleAuthor          // wrote the dossier
	RoleReviewer        // reviewed it
	RoleTranslator      // translated sources or the dossier
	RoleEditor          // edited or approved it
)

var roles = enum[Role]{"role", []string{"", "author", "reviewer", "translator", "editor"}}

func (r Role) String() string                { return roles.string(r) }
func (r Role) MarshalText() ([]byte, error)  { return roles.marshal(r) }
func (r *Role) UnmarshalText(b []byte) error { return roles.unmarshal(r, b) }

// Severity ranks a validation problem.
type Severity uint8

// Severities.
const (
	SeverityError   Severity = iota // the dossier must not be published as is
	SeverityWarning                 // worth a look; may be intended
)

var severities = enum[Severity]{"severity", []string{"error", "warning"}}

func (s Severity) String() string                { return severities.string(s) }
func (s Severity) MarshalText() ([]byte, error)  { return severities.marshal(s) }
func (s *Severity) UnmarshalText(b []byte) error { return severities.unmarshal(s, b) }
