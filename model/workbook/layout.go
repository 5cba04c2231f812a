package workbook

import (
	"github.com/coibrief/coibrief/locales"
)

// kind is what a column holds and how its cells are read.
type kind uint8

const (
	kString kind = iota // a plain string
	kText               // a model.Text: one column per language
	kDate               // a date
	kEnd                // the end of a span: a date, or ".." for none
	kNumber             // a number
	kInt                // a whole number
	kOrder              // the row's place in the sheet's order
	kBool               // TRUE or FALSE
	kEnum               // one word of an enumeration (list names it)
	kRef                // one id (list names the ids offered)
	kRefs               // several ids
	kLines              // several names, one per line
	kTags               // several language codes
)

// col is a column of a sheet. key names it in the code and, for most
// columns, is the JSON name of the field it holds, so that a validation
// issue's path finds its column.
type col struct {
	key   string
	msg   locales.ID
	kind  kind
	width float64
	list  string // the defined name of the drop-down's values, if any
}

// sheetSpec is a sheet of the authoring workbook.
type sheetSpec struct {
	key  string
	msg  locales.ID
	cols []col
	// fields maps a JSON field path under a row's object to a column key,
	// where they differ: "claimant.name" → "claimant".
	fields map[string]string
}

// Defined names of the drop-downs' values.
const (
	listKinds        = "EventKinds"
	listReliability  = "Reliabilities"
	listPrecision    = "DatePrecisions"
	listGeoPrecision = "GeoPrecisions"
	listPlaceKinds   = "PlaceKinds"
	listCategories   = "SourceCategories"
	listMetrics      = "Metrics"
	listParties      = "Parties"
	listQualifiers   = "Qualifiers"
	listStatuses     = "FigureStatuses"
	listClaimants    = "ClaimantKinds"
	listRoles        = "Roles"
	listOutline      = "OutlineTypes"
	listPlaceIDs     = "PlaceIDs"
	listSourceIDs    = "SourceIDs"
	listFigureIDs    = "FigureIDs"
	listSectionIDs   = "SectionIDs"
)

// Column helpers.
func order() col { return col{key: "order", msg: locales.AuthoringColumnOrder, kind: kOrder, width: 6} }
func idCol(w float64) col {
	return col{key: "id", msg: locales.AuthoringColumnID, kind: kString, width: w}
}
func text(key string, m locales.ID, w float64) col {
	return col{key: key, msg: m, kind: kText, width: w}
}

// Columns of statements.
var (
	cFrom        = col{key: "from", msg: locales.AuthoringColumnFrom, kind: kDate, width: 12}
	cTo          = col{key: "to", msg: locales.AuthoringColumnTo, kind: kEnd, width: 12}
	cPlaces      = col{key: "places", msg: locales.AuthoringColumnPlaces, kind: kRefs, width: 16, list: listPlaceIDs}
	cReliability = col{key: "reliability", msg: locales.AuthoringColumnReliability, kind: kEnum, width: 14, list: listReliability}
	cText        = text("text", locales.AuthoringColumnText, 60)
	cSources     = col{key: "sources", msg: locales.AuthoringColumnSources, kind: kRefs, width: 26, list: listSourceIDs}
	cFigures     = col{key: "figures", msg: locales.AuthoringColumnFigures, kind: kRefs, width: 18, list: listFigureIDs}
	cNote        = text("note", locales.AuthoringColumnNote, 30)
	cBullet      = col{key: "bullet", msg: locales.AuthoringColumnBullet, kind: kBool, width: 9}
)

// statementCols are the columns of a paragraph of background, of a
// section or of the notes, after lead.
func statementCols(lead ...col) []col {
	return append(lead, cText, cSources, cFigures, cReliability, cNote, cPlaces, cFrom, cTo, cBullet, idCol(22))
}

var statementFields = map[string]string{"when": "from"}

var sheets = []*sheetSpec{
	{key: "help", msg: locales.AuthoringSheetHelp},
	{key: "dossier", msg: locales.AuthoringSheetDossier, cols: []col{
		{key: "field", msg: locales.AuthoringColumnField, kind: kString, width: 26},
		{key: "value", msg: locales.AuthoringColumnValue, kind: kString, width: 26},
		text("text", locales.AuthoringColumnText, 60),
	}},
	{key: "contributors", msg: locales.AuthoringSheetContributors, cols: []col{
		order(),
		{key: "role", msg: locales.AuthoringColumnRole, kind: kEnum, width: 14, list: listRoles},
		text("name", locales.AuthoringColumnName, 30),
	}},
	{key: "days", msg: locales.AuthoringSheetDays, cols: []col{
		order(),
		{key: "from", msg: locales.AuthoringColumnDay, kind: kDate, width: 12},
		{key: "to", msg: locales.AuthoringColumnDayUntil, kind: kEnd, width: 12},
		{key: "precision", msg: locales.AuthoringColumnPrecision, kind: kEnum, width: 14, list: listPrecision},
		text("title", locales.AuthoringColumnTitle, 30),
	}, fields: map[string]string{"when": "from"}},
	{key: "chronology", msg: locales.AuthoringSheetChronology, cols: []col{
		order(),
		{key: "day", msg: locales.AuthoringColumnDay, kind: kDate, width: 12},
		{key: "dayUntil", msg: locales.AuthoringColumnDayUntil, kind: kEnd, width: 12},
		{key: "time", msg: locales.AuthoringColumnTime, kind: kString, width: 12},
		cPlaces,
		{key: "kind", msg: locales.AuthoringColumnKind, kind: kEnum, width: 20, list: listKinds},
		cText, cSources, cFigures, cReliability, cNote,
		{key: "group", msg: locales.AuthoringColumnGroup, kind: kRef, width: 14, list: listPlaceIDs},
		{key: "datePrecision", msg: locales.AuthoringColumnPrecision, kind: kEnum, width: 14, list: listPrecision},
		{key: "geoPrecision", msg: locales.AuthoringColumnGeoPrecision, kind: kEnum, width: 12, list: listGeoPrecision},
		cFrom, cTo, cBullet, idCol(22),
	}, fields: statementFields},
	{key: "background", msg: locales.AuthoringSheetBackground, cols: statementCols(order()), fields: statementFields},
	{key: "sections", msg: locales.AuthoringSheetSections, cols: []col{
		order(),
		idCol(22),
		{key: "parent", msg: locales.AuthoringColumnParent, kind: kRef, width: 22, list: listSectionIDs},
		text("title", locales.AuthoringColumnTitle, 40),
	}},
	{key: "paragraphs", msg: locales.AuthoringSheetParagraphs, cols: statementCols(order(),
		col{key: "section", msg: locales.AuthoringColumnSection, kind: kRef, width: 22, list: listSectionIDs}), fields: statementFields},
	{key: "notes", msg: locales.AuthoringSheetNotes, cols: statementCols(order()), fields: statementFields},
	{key: "places", msg: locales.AuthoringSheetPlaces, cols: []col{
		order(),
		idCol(18),
		{key: "kind", msg: locales.AuthoringColumnPlaceKind, kind: kEnum, width: 12, list: listPlaceKinds},
		text("name", locales.AuthoringColumnName, 22),
		{key: "aliases", msg: locales.AuthoringColumnAliases, kind: kLines, width: 22},
		{key: "region", msg: locales.AuthoringColumnRegion, kind: kRef, width: 16, list: listPlaceIDs},
		{key: "lat", msg: locales.AuthoringColumnLatitude, kind: kNumber, width: 11},
		{key: "lon", msg: locales.AuthoringColumnLongitude, kind: kNumber, width: 11},
		{key: "iso", msg: locales.AuthoringColumnISO, kind: kString, width: 8},
		{key: "outline", msg: locales.AuthoringColumnOutline, kind: kEnum, width: 14, list: listOutline},
	}, fields: map[string]string{"coord": "lat", "coord.lat": "lat", "coord.lon": "lon"}},
	{key: "outlines", msg: locales.AuthoringSheetOutlines, cols: []col{
		{key: "place", msg: locales.AuthoringColumnPlace, kind: kRef, width: 18, list: listPlaceIDs},
		{key: "polygon", msg: locales.AuthoringColumnPolygon, kind: kInt, width: 10},
		{key: "ring", msg: locales.AuthoringColumnRing, kind: kInt, width: 8},
		{key: "point", msg: locales.AuthoringColumnPoint, kind: kInt, width: 8},
		{key: "lon", msg: locales.AuthoringColumnLongitude, kind: kNumber, width: 12},
		{key: "lat", msg: locales.AuthoringColumnLatitude, kind: kNumber, width: 12},
	}},
	{key: "sources", msg: locales.AuthoringSheetSources, cols: []col{
		order(),
		idCol(26),
		{key: "category", msg: locales.AuthoringColumnCategory, kind: kEnum, width: 14, list: listCategories},
		{key: "outlet", msg: locales.AuthoringColumnOutlet, kind: kString, width: 20},
		{key: "group", msg: locales.AuthoringColumnSourceGroup, kind: kString, width: 16},
		{key: "via", msg: locales.AuthoringColumnVia, kind: kString, width: 12},
		{key: "author", msg: locales.AuthoringColumnAuthor, kind: kString, width: 16},
		{key: "title", msg: locales.AuthoringColumnTitle, kind: kString, width: 40},
		{key: "titleLanguage", msg: locales.AuthoringColumnTitleLanguage, kind: kString, width: 10},
		text("translation", locales.AuthoringColumnTranslation, 36),
		{key: "published", msg: locales.AuthoringColumnPublished, kind: kDate, width: 12},
		{key: "updated", msg: locales.AuthoringColumnUpdated, kind: kDate, width: 12},
		{key: "disambiguator", msg: locales.AuthoringColumnDisambiguator, kind: kInt, width: 9},
		{key: "url", msg: locales.AuthoringColumnURL, kind: kString, width: 36},
		{key: "accessed", msg: locales.AuthoringColumnAccessed, kind: kDate, width: 12},
	}},
	{key: "figures", msg: locales.AuthoringSheetFigures, cols: []col{
		order(),
		idCol(20),
		{key: "metric", msg: locales.AuthoringColumnMetric, kind: kEnum, width: 16, list: listMetrics},
		{key: "party", msg: locales.AuthoringColumnParty, kind: kEnum, width: 16, list: listParties},
		{key: "qualifier", msg: locales.AuthoringColumnQualifier, kind: kEnum, width: 12, list: listQualifiers},
		{key: "value", msg: locales.AuthoringColumnValue, kind: kNumber, width: 10},
		{key: "low", msg: locales.AuthoringColumnLow, kind: kNumber, width: 10},
		{key: "high", msg: locales.AuthoringColumnHigh, kind: kNumber, width: 10},
		{key: "unit", msg: locales.AuthoringColumnUnit, kind: kString, width: 8},
		{key: "scope", msg: locales.AuthoringColumnScope, kind: kRef, width: 14, list: listPlaceIDs},
		{key: "asOf", msg: locales.AuthoringColumnAsOf, kind: kDate, width: 12},
		{key: "reported", msg: locales.AuthoringColumnReported, kind: kDate, width: 12},
		{key: "claimantKind", msg: locales.AuthoringColumnClaimantKind, kind: kEnum, width: 14, list: listClaimants},
		text("claimant", locales.AuthoringColumnClaimant, 24),
		{key: "channel", msg: locales.AuthoringColumnChannel, kind: kString, width: 12},
		{key: "sources", msg: locales.AuthoringColumnSources, kind: kRefs, width: 26, list: listSourceIDs},
		{key: "status", msg: locales.AuthoringColumnStatus, kind: kEnum, width: 12, list: listStatuses},
		{key: "statusDate", msg: locales.AuthoringColumnStatusDate, kind: kDate, width: 12},
		{key: "supersededBy", msg: locales.AuthoringColumnSupersededBy, kind: kRef, width: 18, list: listFigureIDs},
		{key: "partOf", msg: locales.AuthoringColumnPartOf, kind: kRef, width: 18, list: listFigureIDs},
		text("note", locales.AuthoringColumnNote, 30),
	}, fields: map[string]string{"claimant.kind": "claimantKind", "claimant.name": "claimant", "claimant.channel": "channel"}},
	{key: "errata", msg: locales.AuthoringSheetErrata, cols: []col{
		order(),
		{key: "ref", msg: locales.AuthoringColumnRef, kind: kString, width: 30},
		{key: "field", msg: locales.AuthoringColumnField, kind: kString, width: 12},
		{key: "document", msg: locales.AuthoringColumnDocument, kind: kString, width: 20},
		{key: "printed", msg: locales.AuthoringColumnPrinted, kind: kString, width: 20},
		{key: "recorded", msg: locales.AuthoringColumnRecorded, kind: kString, width: 20},
		text("text", locales.AuthoringColumnText, 50),
	}},
	{key: "history", msg: locales.AuthoringSheetVersions, cols: []col{
		order(),
		{key: "version", msg: locales.AuthoringColumnVersion, kind: kString, width: 10},
		{key: "date", msg: locales.AuthoringColumnDate, kind: kDate, width: 12},
		text("note", locales.AuthoringColumnNote, 60),
	}},
	{key: "lists", msg: locales.AuthoringSheetLists},
}

// sheetByKey returns the spec of a sheet.
func sheetByKey(key string) *sheetSpec {
	for _, s := range sheets {
		if s.key == key {
			return s
		}
	}
	panic("workbook: no sheet " + key)
}

// colByKey returns the column of s with key, or nil.
func (s *sheetSpec) col(key string) *col {
	for i := range s.cols {
		if s.cols[i].key == key {
			return &s.cols[i]
		}
	}
	return nil
}

// metaField is a row of the dossier sheet. path is the JSON path of the
// value it holds.
type metaField struct {
	path string
	msg  locales.ID
	kind kind
}

var metaFields = []metaField{
	{"id", locales.AuthoringFieldID, kString},
	{"country", locales.AuthoringFieldCountry, kRef},
	{"focus", locales.AuthoringFieldFocus, kRef},
	{"languages", locales.AuthoringFieldLanguages, kTags},
	{"title", locales.AuthoringFieldTitle, kText},
	{"shortTitle", locales.AuthoringFieldShortTitle, kText},
	{"summary", locales.AuthoringFieldSummary, kText},
	{"period", locales.AuthoringFieldPeriodFrom, kDate},
	{"period.end", locales.AuthoringFieldPeriodTo, kEnd},
	{"published", locales.AuthoringFieldPublished, kDate},
	{"updated", locales.AuthoringFieldUpdated, kDate},
	{"issuer.name", locales.AuthoringFieldIssuer, kText},
	{"issuer.unit", locales.AuthoringFieldUnit, kText},
	{"issuer.url", locales.AuthoringFieldIssuerURL, kString},
	{"issuer.logo", locales.AuthoringFieldLogo, kString},
	{"disclaimer", locales.AuthoringFieldDisclaimer, kText},
	{"mapTitle", locales.AuthoringFieldMapTitle, kText},
	{"method.scope", locales.AuthoringFieldScope, kText},
	{"method.cutOff", locales.AuthoringFieldCutOff, kDate},
	{"method.sourcesConsulted", locales.AuthoringFieldConsultedFrom, kDate},
	{"method.sourcesConsulted.end", locales.AuthoringFieldConsultedTo, kEnd},
	{"method.languagesSearched", locales.AuthoringFieldLanguagesSearched, kTags},
	{"method.version", locales.AuthoringFieldVersion, kString},
	{"method.note", locales.AuthoringFieldMethodNote, kText},
}

// helpLines are the lines of the help sheet, after its title.
var helpLines = []locales.ID{
	locales.AuthoringHelpSheets, locales.AuthoringHelpOrder, locales.AuthoringHelpLanguages,
	locales.AuthoringHelpLists, locales.AuthoringHelpDates, locales.AuthoringHelpDays,
	locales.AuthoringHelpChoices, locales.AuthoringHelpOutlines,
}
