package locales

import (
	"fmt"
	"strings"

	"github.com/coibrief/coibrief/model"
)

// ID is a message id in the catalogs, e.g. "Chronology.Heading". The
// constants below name the messages that the report and export packages
// print as they are; enum labels have ids derived from the model (see
// LabelID), and the date and number formats are used through the Locale
// methods.
type ID string

// Section headings.
const (
	SummaryHeading          ID = "Summary.Heading"
	DisclaimerHeading       ID = "Disclaimer.Heading"
	MethodHeading           ID = "Method.Heading"
	BackgroundHeading       ID = "Background.Heading"
	ChronologyHeading       ID = "Chronology.Heading"
	KeyFiguresHeading       ID = "KeyFigures.Heading"
	ContestedFiguresHeading ID = "ContestedFigures.Heading"
	MapHeading              ID = "Map.Heading"
	MapUnlabelled           ID = "Map.Unlabelled" // before the places the map does not name
	BibliographyHeading     ID = "Bibliography.Heading"
	ContentsHeading         ID = "Contents.Heading"
	NotesHeading            ID = "Notes.Heading"
	ErrataHeading           ID = "Errata.Heading"
)

// Field labels: the names of metadata fields, table columns and figure
// attributes.
const (
	FieldScope              ID = "Field.Scope"
	FieldCutOff             ID = "Field.CutOff"
	FieldSourcesConsulted   ID = "Field.SourcesConsulted"
	FieldLanguagesSearched  ID = "Field.LanguagesSearched"
	FieldPeriod             ID = "Field.Period"
	FieldIssuer             ID = "Field.Issuer"
	FieldContributors       ID = "Field.Contributors"
	FieldVersion            ID = "Field.Version"
	FieldPublished          ID = "Field.Published"
	FieldUpdated            ID = "Field.Updated"
	FieldSource             ID = "Field.Source"
	FieldSources            ID = "Field.Sources"
	FieldAsOf               ID = "Field.AsOf"
	FieldReported           ID = "Field.Reported"
	FieldClaimant           ID = "Field.Claimant"
	FieldStatus             ID = "Field.Status"
	FieldValue              ID = "Field.Value"
	FieldSpread             ID = "Field.Spread"
	FieldOfficial           ID = "Field.Official"
	FieldIndependent        ID = "Field.Independent"
	FieldRetracted          ID = "Field.Retracted"
	FieldFilters            ID = "Field.Filters"
	FieldDate               ID = "Field.Date"
	FieldTime               ID = "Field.Time"
	FieldPlace              ID = "Field.Place"
	FieldEntries            ID = "Field.Entries"    // "Entries": the number of chronology entries at a place
	FieldLabelValue         ID = "Field.LabelValue" // "{{.Label}}: {{.Value}}"
	RetractedFiguresHeading ID = "RetractedFigures.Heading"
	ChartHeading            ID = "Chart.Heading"
	FieldKind               ID = "Field.Kind"
	FieldMetric             ID = "Field.Metric"
	FieldParty              ID = "Field.Party"
	FieldQualifier          ID = "Field.Qualifier"
	FieldArea               ID = "Field.Area"
	FieldUnit               ID = "Field.Unit"
	FieldCategory           ID = "Field.Category"
	FieldOutlet             ID = "Field.Outlet"
	FieldAuthor             ID = "Field.Author"
	FieldTitle              ID = "Field.Title"
	FieldTranslation        ID = "Field.Translation"
	FieldURL                ID = "Field.URL"
	FieldAccessed           ID = "Field.Accessed"
	FieldReliability        ID = "Field.Reliability"
	FieldNote               ID = "Field.Note"
)

// Messages with placeholders. The data passed to Message must give a value
// for each placeholder, already formatted (with Date, Span, Int...).
const (
	FieldUpdatedOn ID = "Field.UpdatedOn" // "updated on {{.Date}}"
	FieldPage      ID = "Field.Page"      // "page {{.Page}} of {{.Total}}"
	QuoteTitle     ID = "Quote.Title"     // “{{.Text}}”, « {{.Text}} »
	FilterPlace    ID = "Filter.Place"    // "Place: {{.Place}}"
	FilterDates    ID = "Filter.Dates"    // "Dates: {{.Span}}"
	FilterKind     ID = "Filter.Kind"     // "Event kind: {{.Kind}}"
)

// Other fixed wording.
const (
	FilterNone     ID = "Filter.None"     // "No filter"
	DocumentSeries ID = "Document.Series" // "Country of origin information"
)

// Counted phrases, for Plural: "{{.Count}} entries", "1 000 000 de
// personnes arrêtées".
const (
	CountEntries   ID = "Count.Entries"
	CountFootnotes ID = "Count.Footnotes"
	CountSources   ID = "Count.Sources"
	CountEvents    ID = "Count.Events"
	CountArrested  ID = "Count.Arrested"
	CountDetained  ID = "Count.Detained"
	CountDead      ID = "Count.Dead"
	CountInjured   ID = "Count.Injured"
)

// Wording of the web app of briefings (examples/server): its pages,
// its form and its error messages. Messages with placeholders take
// them already formatted, as the others do.
const (
	AppName             ID = "App.Name"
	AppSkipLink         ID = "App.SkipLink"
	AppInterface        ID = "App.Interface"
	AppFooter           ID = "App.Footer"
	AppListHeading      ID = "App.List.Heading"
	AppListIntro        ID = "App.List.Intro"
	AppListEmpty        ID = "App.List.Empty"
	AppListProblems     ID = "App.List.Problems"
	AppListKeptVersion  ID = "App.List.KeptVersion"
	AppListNotLoaded    ID = "App.List.NotLoaded"
	AppListLastUpdate   ID = "App.List.LastUpdate"
	AppFocusHeading     ID = "App.Focus.Heading"
	AppFocusPlaceHint   ID = "App.Focus.PlaceHint"
	AppFocusFrom        ID = "App.Focus.From"
	AppFocusTo          ID = "App.Focus.To"
	AppFocusDatesHint   ID = "App.Focus.DatesHint"
	AppFocusKinds       ID = "App.Focus.Kinds"
	AppFocusLanguage    ID = "App.Focus.Language"
	AppFocusBoth        ID = "App.Focus.Both"
	AppFocusAnd         ID = "App.Focus.And"
	AppFocusEdition     ID = "App.Focus.Edition"
	AppFocusSubmit      ID = "App.Focus.Submit"
	AppFocusClear       ID = "App.Focus.Clear"
	AppFocusWhole       ID = "App.Focus.Whole"
	AppResultsHeading   ID = "App.Results.Heading"
	AppResultsNone      ID = "App.Results.None"
	AppResultsLink      ID = "App.Results.Link"
	AppFootnotesHeading ID = "App.Footnotes.Heading"
	AppFootnotesCall    ID = "App.Footnotes.Call"
	AppFootnotesBack    ID = "App.Footnotes.Back"
	AppDownloadHeading  ID = "App.Download.Heading"
	AppDownloadPDF      ID = "App.Download.PDF"
	AppDownloadParallel ID = "App.Download.Parallel"
	AppDownloadWorkbook ID = "App.Download.Workbook"
	AppMapLink          ID = "App.Map.Link"
	AppErrorAddress     ID = "App.Error.Address"
	AppErrorHeaders     ID = "App.Error.Headers"
	AppErrorHeading     ID = "App.Error.Heading"
	AppErrorFix         ID = "App.Error.Fix"
	AppErrorHome        ID = "App.Error.Home"
	AppErrorNotFound    ID = "App.Error.NotFound"
	AppErrorNoDossier   ID = "App.Error.NoDossier"
	AppErrorBusy        ID = "App.Error.Busy"
	AppErrorMethod      ID = "App.Error.Method"
	AppErrorInternal    ID = "App.Error.Internal"
	AppErrorQuery       ID = "App.Error.Query"
	AppErrorTooMany     ID = "App.Error.TooMany"
	AppErrorUnknown     ID = "App.Error.Unknown"
	AppErrorTooLong     ID = "App.Error.TooLong"
	AppErrorRepeated    ID = "App.Error.Repeated"
	AppErrorPlace       ID = "App.Error.Place"
	AppErrorDidYouMean  ID = "App.Error.DidYouMean"
	AppErrorAmbiguous   ID = "App.Error.Ambiguous"
	AppErrorDate        ID = "App.Error.Date"
	AppErrorDateRange   ID = "App.Error.DateRange"
	AppErrorDateOrder   ID = "App.Error.DateOrder"
	AppErrorKind        ID = "App.Error.Kind"
	AppErrorValue       ID = "App.Error.Value"
)

// Wording of the spreadsheet export (export/xlsx): sheet names, column
// headers, legend lines, chart titles and number formats.

// Workbook sheet names. Each must be a valid sheet name: at most 31
// characters, none of [ ] : * ? / \.
const (
	WorkbookSheetSummary   ID = "Workbook.Sheet.Summary"
	WorkbookSheetFigures   ID = "Workbook.Sheet.Figures"
	WorkbookSheetContested ID = "Workbook.Sheet.Contested"
	WorkbookSheetCharts    ID = "Workbook.Sheet.Charts"
	WorkbookSheetTimeline  ID = "Workbook.Sheet.Timeline"
	WorkbookSheetPlaces    ID = "Workbook.Sheet.Places"
	WorkbookSheetSources   ID = "Workbook.Sheet.Sources"
	WorkbookSheetLongTexts ID = "Workbook.Sheet.LongTexts"
)

// Workbook column headers.
const (
	WorkbookColumnID            ID = "Workbook.Column.ID"
	WorkbookColumnFigure        ID = "Workbook.Column.Figure"
	WorkbookColumnMetric        ID = "Workbook.Column.Metric"
	WorkbookColumnParty         ID = "Workbook.Column.Party"
	WorkbookColumnValue         ID = "Workbook.Column.Value"
	WorkbookColumnQualifier     ID = "Workbook.Column.Qualifier"
	WorkbookColumnLow           ID = "Workbook.Column.Low"
	WorkbookColumnHigh          ID = "Workbook.Column.High"
	WorkbookColumnUnit          ID = "Workbook.Column.Unit"
	WorkbookColumnAsStated      ID = "Workbook.Column.AsStated"
	WorkbookColumnScope         ID = "Workbook.Column.Scope"
	WorkbookColumnScopeLevel    ID = "Workbook.Column.ScopeLevel"
	WorkbookColumnAsOf          ID = "Workbook.Column.AsOf"
	WorkbookColumnReported      ID = "Workbook.Column.Reported"
	WorkbookColumnClaimant      ID = "Workbook.Column.Claimant"
	WorkbookColumnClaimantKind  ID = "Workbook.Column.ClaimantKind"
	WorkbookColumnSide          ID = "Workbook.Column.Side"
	WorkbookColumnSources       ID = "Workbook.Column.Sources"
	WorkbookColumnSourceIDs     ID = "Workbook.Column.SourceIDs"
	WorkbookColumnStatus        ID = "Workbook.Column.Status"
	WorkbookColumnStatusDate    ID = "Workbook.Column.StatusDate"
	WorkbookColumnNote          ID = "Workbook.Column.Note"
	WorkbookColumnSumOf         ID = "Workbook.Column.SumOf"
	WorkbookColumnSupersededBy  ID = "Workbook.Column.SupersededBy"
	WorkbookColumnGroup         ID = "Workbook.Column.Group"
	WorkbookColumnLowest        ID = "Workbook.Column.Lowest"
	WorkbookColumnHighest       ID = "Workbook.Column.Highest"
	WorkbookColumnSpread        ID = "Workbook.Column.Spread"
	WorkbookColumnCount         ID = "Workbook.Column.Count"
	WorkbookColumnDate          ID = "Workbook.Column.Date"
	WorkbookColumnEndDate       ID = "Workbook.Column.EndDate"
	WorkbookColumnWhen          ID = "Workbook.Column.When"
	WorkbookColumnDatePrecision ID = "Workbook.Column.DatePrecision"
	WorkbookColumnTime          ID = "Workbook.Column.Time"
	WorkbookColumnEndTime       ID = "Workbook.Column.EndTime"
	WorkbookColumnPlaces        ID = "Workbook.Column.Places"
	WorkbookColumnKind          ID = "Workbook.Column.Kind"
	WorkbookColumnText          ID = "Workbook.Column.Text"
	WorkbookColumnReliability   ID = "Workbook.Column.Reliability"
	WorkbookColumnFootnote      ID = "Workbook.Column.Footnote"
	WorkbookColumnFigures       ID = "Workbook.Column.Figures"
	WorkbookColumnName          ID = "Workbook.Column.Name"
	WorkbookColumnAliases       ID = "Workbook.Column.Aliases"
	WorkbookColumnPlaceKind     ID = "Workbook.Column.PlaceKind"
	WorkbookColumnRegion        ID = "Workbook.Column.Region"
	WorkbookColumnLatitude      ID = "Workbook.Column.Latitude"
	WorkbookColumnLongitude     ID = "Workbook.Column.Longitude"
	WorkbookColumnEntries       ID = "Workbook.Column.Entries"
	WorkbookColumnFirstDate     ID = "Workbook.Column.FirstDate"
	WorkbookColumnLastDate      ID = "Workbook.Column.LastDate"
	WorkbookColumnCategory      ID = "Workbook.Column.Category"
	WorkbookColumnOutlet        ID = "Workbook.Column.Outlet"
	WorkbookColumnTitle         ID = "Workbook.Column.Title"
	WorkbookColumnTitleLanguage ID = "Workbook.Column.TitleLanguage"
	WorkbookColumnTranslation   ID = "Workbook.Column.Translation"
	WorkbookColumnPublished     ID = "Workbook.Column.Published"
	WorkbookColumnUpdated       ID = "Workbook.Column.Updated"
	WorkbookColumnURL           ID = "Workbook.Column.URL"
	WorkbookColumnCitation      ID = "Workbook.Column.Citation"
	WorkbookColumnFootnotes     ID = "Workbook.Column.Footnotes"
	WorkbookColumnSeries        ID = "Workbook.Column.Series"
	WorkbookColumnSheet         ID = "Workbook.Column.Sheet"
	WorkbookColumnCell          ID = "Workbook.Column.Cell"
	WorkbookColumnColumn        ID = "Workbook.Column.Column"
	WorkbookColumnPart          ID = "Workbook.Column.Part"
)

// Workbook legend, on its first sheet. The lines' placeholders are the
// column headers and sheet names they mention.
const (
	WorkbookLegendHeading    ID = "Workbook.Legend.Heading"
	WorkbookLegendSides      ID = "Workbook.Legend.Sides"
	WorkbookLegendKeyFigures ID = "Workbook.Legend.KeyFigures"
	WorkbookLegendContested  ID = "Workbook.Legend.Contested"
	WorkbookLegendValues     ID = "Workbook.Legend.Values"
	WorkbookLegendDates      ID = "Workbook.Legend.Dates"
	WorkbookLegendRetracted  ID = "Workbook.Legend.Retracted"
	WorkbookLegendDerived    ID = "Workbook.Legend.Derived"
	WorkbookLegendSources    ID = "Workbook.Legend.Sources"
)

// Workbook long texts: what ends a cell whose text is longer than a cell
// may hold, after its start, with {{.Sheet}} (the sheet of long texts),
// {{.First}} and {{.Last}} (its rows that hold the whole text).
const (
	WorkbookLongTextCut ID = "Workbook.LongText.Cut"
)

// Workbook charts: the title (with {{.Metric}}) and the axis titles.
const (
	WorkbookChartTitle     ID = "Workbook.Chart.Title"
	WorkbookChartAxisDate  ID = "Workbook.Chart.AxisDate"
	WorkbookChartAxisValue ID = "Workbook.Chart.AxisValue"
)

// Workbook document property.
const (
	WorkbookSubject ID = "Workbook.Subject"
)

// Workbook number format codes, in Excel's file syntax, where a comma
// always groups thousands and a dot marks decimals.
const (
	WorkbookFormatDate       ID = "Workbook.Format.Date"
	WorkbookFormatTime       ID = "Workbook.Format.Time"
	WorkbookFormatInteger    ID = "Workbook.Format.Integer"
	WorkbookFormatDecimal    ID = "Workbook.Format.Decimal"
	WorkbookFormatCoordinate ID = "Workbook.Format.Coordinate"
)

// Ids of the formatting messages. Each may use any of the fields listed
// for it in formatFields, and no other placeholder.
const (
	fmtDateLong    ID = "Format.Date.Long"
	fmtDateMedium  ID = "Format.Date.Medium"
	fmtDateShort   ID = "Format.Date.Short"
	fmtDayMonth    ID = "Format.Date.DayMonth"
	fmtDay         ID = "Format.Date.Day"
	fmtFirstDay    ID = "Format.Date.FirstDay"
	fmtNight       ID = "Format.Span.Night"
	fmtRange       ID = "Format.Span.Range"
	fmtOpen        ID = "Format.Span.Open"
	fmtApproxDay   ID = "Format.Span.ApproxDay"
	fmtApproxRange ID = "Format.Span.ApproxRange"
	fmtOnTheHour   ID = "Format.Time.OnTheHour"
	fmtHourMinute  ID = "Format.Time.HourMinute"
	fmtTimeRange   ID = "Format.Time.Range"
	fmtGroup       ID = "Format.Number.Group"
	fmtDecimal     ID = "Format.Number.Decimal"

	fmtMonthPrefix      = "Format.Month."
	fmtMonthShortPrefix = "Format.MonthShort."
	fmtWeekdayPrefix    = "Format.Weekday."
	languagePrefix      = "Language."
)

var (
	dateFields  = []string{"Weekday", "Day", "DayNumber", "Day2", "Month", "MonthShort", "Month2", "Year"}
	pairFields  = []string{"Start", "End"}
	openFields  = []string{"Weekday", "Date"}
	dayFields   = []string{"Date"}
	clockFields = []string{"Hour", "Hour2", "Minute2"}
)

// formatFields lists, for each formatting message, the fields the code
// supplies. Unlike other messages, a formatting message may use any subset
// of them, so catalogs may disagree on its placeholders: "07/01/2022" uses
// Day2 and Month2, "7 Jan 2022" DayNumber and MonthShort.
var formatFields = func() map[ID][]string {
	m := map[ID][]string{
		fmtDateLong: dateFields, fmtDateMedium: dateFields, fmtDateShort: dateFields, fmtDayMonth: dateFields, fmtDay: dateFields,
		fmtFirstDay: nil,
		fmtNight:    pairFields, fmtRange: pairFields, fmtApproxRange: pairFields, fmtTimeRange: pairFields,
		fmtOpen: openFields, fmtApproxDay: dayFields,
		fmtOnTheHour: clockFields, fmtHourMinute: clockFields,
		fmtGroup: nil, fmtDecimal: nil,
	}
	for _, id := range monthIDs(fmtMonthPrefix) {
		m[id] = nil
	}
	for _, id := range monthIDs(fmtMonthShortPrefix) {
		m[id] = nil
	}
	for _, id := range weekdayIDs() {
		m[id] = nil
	}
	return m
}()

// monthIDs returns prefix+"January" ... prefix+"December".
func monthIDs(prefix string) []ID {
	ids := make([]ID, 12)
	for i := range ids {
		ids[i] = ID(prefix + monthNames[i])
	}
	return ids
}

// weekdayIDs returns the weekday ids indexed by time.Weekday (Sunday first).
func weekdayIDs() []ID {
	ids := make([]ID, 7)
	for i := range ids {
		ids[i] = ID(fmtWeekdayPrefix + weekdayNames[i])
	}
	return ids
}

var (
	monthNames   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	weekdayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
)

// Enum is the set of model enums that have a label in the catalogs.
type Enum interface {
	model.Metric | model.Party | model.Qualifier | model.FigureStatus | model.ClaimantKind |
		model.SourceCategory | model.EventKind | model.Reliability | model.PlaceKind |
		model.DatePrecision | model.GeoPrecision | model.Role
}

// LabelID returns the message id of v's label: "Figure.Metric." followed
// by the metric's JSON name in CamelCase ("Figure.Metric.IntensiveCare"),
// and likewise "Figure.Party.", "Figure.Qualifier.", "Figure.Status.",
// "Figure.Claimant.", "Source.Category.", "Event.Kind.", "Reliability.",
// "Place.Kind.", "Date.Precision.", "Geo.Precision." and "Role.". The
// reliability zero value (no reservation) is "Reliability.None". A value
// the model does not define is an error wrapping ErrInvalidValue.
func LabelID[E Enum](v E) (ID, error) {
	switch x := any(v).(type) {
	case model.Metric:
		return enumID("Figure.Metric.", "metric", x)
	case model.Party:
		return enumID("Figure.Party.", "party", x)
	case model.Qualifier:
		return enumID("Figure.Qualifier.", "qualifier", x)
	case model.FigureStatus:
		return enumID("Figure.Status.", "figure status", x)
	case model.ClaimantKind:
		return enumID("Figure.Claimant.", "claimant kind", x)
	case model.SourceCategory:
		return enumID("Source.Category.", "source category", x)
	case model.EventKind:
		return enumID("Event.Kind.", "event kind", x)
	case model.Reliability:
		if x == model.Reliable {
			return "Reliability.None", nil
		}
		return enumID("Reliability.", "reliability", x)
	case model.PlaceKind:
		return enumID("Place.Kind.", "place kind", x)
	case model.DatePrecision:
		return enumID("Date.Precision.", "date precision", x)
	case model.GeoPrecision:
		return enumID("Geo.Precision.", "location precision", x)
	case model.Role:
		return enumID("Role.", "role", x)
	}
	return "", fmt.Errorf("locales: %T: %w", v, ErrInvalidValue) // unreachable: E is one of the cases
}

// headingID returns the id of the bibliography heading over sources of
// category c: "Bibliography.Category.Media".
func headingID(c model.SourceCategory) (ID, error) {
	return enumID("Bibliography.Category.", "source category", c)
}

// phraseID returns the id of the phrase that gives a figure with
// qualifier q: "Figure.Phrase.Nearly".
func phraseID(q model.Qualifier) (ID, error) {
	return enumID("Figure.Phrase.", "qualifier", q)
}

// textEnum is a model enum: its text form is its JSON name, and an invalid
// value fails to marshal.
type textEnum interface {
	~uint8
	MarshalText() ([]byte, error)
}

func enumID[E textEnum](prefix, what string, v E) (ID, error) {
	b, err := v.MarshalText()
	if err != nil || len(b) == 0 {
		return "", fmt.Errorf("locales: %s %d: %w", what, uint8(v), ErrInvalidValue)
	}
	return ID(prefix + camel(string(b))), nil
}

// acronyms are JSON names written in capitals in message ids.
var acronyms = map[string]string{"ngo": "NGO"}

// camel turns a JSON enum name into the CamelCase of message ids:
// "intensive-care" → "IntensiveCare", "ngo" → "NGO".
func camel(name string) string {
	var b strings.Builder
	for part := range strings.SplitSeq(name, "-") {
		if a, ok := acronyms[part]; ok {
			b.WriteString(a)
			continue
		}
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// Wording of the authoring workbook (model/workbook), in which researchers
// write a dossier: sheet names, column headers, the labels of the metadata
// sheet's rows, and the lines of its help sheet. Sheet names must be valid
// sheet names, and no two messages of a group may be alike in any language.
const (
	AuthoringSheetHelp              ID = "Authoring.Sheet.Help"
	AuthoringSheetDossier           ID = "Authoring.Sheet.Dossier"
	AuthoringSheetContributors      ID = "Authoring.Sheet.Contributors"
	AuthoringSheetDays              ID = "Authoring.Sheet.Days"
	AuthoringSheetChronology        ID = "Authoring.Sheet.Chronology"
	AuthoringSheetBackground        ID = "Authoring.Sheet.Background"
	AuthoringSheetSections          ID = "Authoring.Sheet.Sections"
	AuthoringSheetParagraphs        ID = "Authoring.Sheet.Paragraphs"
	AuthoringSheetNotes             ID = "Authoring.Sheet.Notes"
	AuthoringSheetPlaces            ID = "Authoring.Sheet.Places"
	AuthoringSheetOutlines          ID = "Authoring.Sheet.Outlines"
	AuthoringSheetSources           ID = "Authoring.Sheet.Sources"
	AuthoringSheetFigures           ID = "Authoring.Sheet.Figures"
	AuthoringSheetErrata            ID = "Authoring.Sheet.Errata"
	AuthoringSheetLists             ID = "Authoring.Sheet.Lists"
	AuthoringSheetVersions          ID = "Authoring.Sheet.Versions"
	AuthoringColumnOrder            ID = "Authoring.Column.Order"
	AuthoringColumnID               ID = "Authoring.Column.ID"
	AuthoringColumnDay              ID = "Authoring.Column.Day"
	AuthoringColumnDayUntil         ID = "Authoring.Column.DayUntil"
	AuthoringColumnFrom             ID = "Authoring.Column.From"
	AuthoringColumnTo               ID = "Authoring.Column.To"
	AuthoringColumnPrecision        ID = "Authoring.Column.Precision"
	AuthoringColumnTime             ID = "Authoring.Column.Time"
	AuthoringColumnPlaces           ID = "Authoring.Column.Places"
	AuthoringColumnGroup            ID = "Authoring.Column.Group"
	AuthoringColumnKind             ID = "Authoring.Column.Kind"
	AuthoringColumnReliability      ID = "Authoring.Column.Reliability"
	AuthoringColumnText             ID = "Authoring.Column.Text"
	AuthoringColumnSources          ID = "Authoring.Column.Sources"
	AuthoringColumnFigures          ID = "Authoring.Column.Figures"
	AuthoringColumnNote             ID = "Authoring.Column.Note"
	AuthoringColumnVersion          ID = "Authoring.Column.Version"
	AuthoringColumnDate             ID = "Authoring.Column.Date"
	AuthoringColumnGeoPrecision     ID = "Authoring.Column.GeoPrecision"
	AuthoringColumnBullet           ID = "Authoring.Column.Bullet"
	AuthoringColumnTitle            ID = "Authoring.Column.Title"
	AuthoringColumnParent           ID = "Authoring.Column.Parent"
	AuthoringColumnSection          ID = "Authoring.Column.Section"
	AuthoringColumnPlaceKind        ID = "Authoring.Column.PlaceKind"
	AuthoringColumnName             ID = "Authoring.Column.Name"
	AuthoringColumnAliases          ID = "Authoring.Column.Aliases"
	AuthoringColumnRegion           ID = "Authoring.Column.Region"
	AuthoringColumnLatitude         ID = "Authoring.Column.Latitude"
	AuthoringColumnLongitude        ID = "Authoring.Column.Longitude"
	AuthoringColumnISO              ID = "Authoring.Column.ISO"
	AuthoringColumnOutline          ID = "Authoring.Column.Outline"
	AuthoringColumnPlace            ID = "Authoring.Column.Place"
	AuthoringColumnPolygon          ID = "Authoring.Column.Polygon"
	AuthoringColumnRing             ID = "Authoring.Column.Ring"
	AuthoringColumnPoint            ID = "Authoring.Column.Point"
	AuthoringColumnCategory         ID = "Authoring.Column.Category"
	AuthoringColumnOutlet           ID = "Authoring.Column.Outlet"
	AuthoringColumnSourceGroup      ID = "Authoring.Column.SourceGroup"
	AuthoringColumnVia              ID = "Authoring.Column.Via"
	AuthoringColumnAuthor           ID = "Authoring.Column.Author"
	AuthoringColumnTitleLanguage    ID = "Authoring.Column.TitleLanguage"
	AuthoringColumnTranslation      ID = "Authoring.Column.Translation"
	AuthoringColumnPublished        ID = "Authoring.Column.Published"
	AuthoringColumnUpdated          ID = "Authoring.Column.Updated"
	AuthoringColumnDisambiguator    ID = "Authoring.Column.Disambiguator"
	AuthoringColumnURL              ID = "Authoring.Column.URL"
	AuthoringColumnAccessed         ID = "Authoring.Column.Accessed"
	AuthoringColumnMetric           ID = "Authoring.Column.Metric"
	AuthoringColumnParty            ID = "Authoring.Column.Party"
	AuthoringColumnQualifier        ID = "Authoring.Column.Qualifier"
	AuthoringColumnValue            ID = "Authoring.Column.Value"
	AuthoringColumnLow              ID = "Authoring.Column.Low"
	AuthoringColumnHigh             ID = "Authoring.Column.High"
	AuthoringColumnUnit             ID = "Authoring.Column.Unit"
	AuthoringColumnScope            ID = "Authoring.Column.Scope"
	AuthoringColumnAsOf             ID = "Authoring.Column.AsOf"
	AuthoringColumnReported         ID = "Authoring.Column.Reported"
	AuthoringColumnClaimantKind     ID = "Authoring.Column.ClaimantKind"
	AuthoringColumnClaimant         ID = "Authoring.Column.Claimant"
	AuthoringColumnChannel          ID = "Authoring.Column.Channel"
	AuthoringColumnStatus           ID = "Authoring.Column.Status"
	AuthoringColumnStatusDate       ID = "Authoring.Column.StatusDate"
	AuthoringColumnSupersededBy     ID = "Authoring.Column.SupersededBy"
	AuthoringColumnPartOf           ID = "Authoring.Column.PartOf"
	AuthoringColumnRef              ID = "Authoring.Column.Ref"
	AuthoringColumnField            ID = "Authoring.Column.Field"
	AuthoringColumnDocument         ID = "Authoring.Column.Document"
	AuthoringColumnPrinted          ID = "Authoring.Column.Printed"
	AuthoringColumnRecorded         ID = "Authoring.Column.Recorded"
	AuthoringColumnRole             ID = "Authoring.Column.Role"
	AuthoringFieldID                ID = "Authoring.Field.ID"
	AuthoringFieldCountry           ID = "Authoring.Field.Country"
	AuthoringFieldFocus             ID = "Authoring.Field.Focus"
	AuthoringFieldLanguages         ID = "Authoring.Field.Languages"
	AuthoringFieldTitle             ID = "Authoring.Field.Title"
	AuthoringFieldShortTitle        ID = "Authoring.Field.ShortTitle"
	AuthoringFieldSummary           ID = "Authoring.Field.Summary"
	AuthoringFieldPeriodFrom        ID = "Authoring.Field.PeriodFrom"
	AuthoringFieldPeriodTo          ID = "Authoring.Field.PeriodTo"
	AuthoringFieldPublished         ID = "Authoring.Field.Published"
	AuthoringFieldUpdated           ID = "Authoring.Field.Updated"
	AuthoringFieldIssuer            ID = "Authoring.Field.Issuer"
	AuthoringFieldUnit              ID = "Authoring.Field.Unit"
	AuthoringFieldIssuerURL         ID = "Authoring.Field.IssuerURL"
	AuthoringFieldLogo              ID = "Authoring.Field.Logo"
	AuthoringFieldDisclaimer        ID = "Authoring.Field.Disclaimer"
	AuthoringFieldMapTitle          ID = "Authoring.Field.MapTitle"
	AuthoringFieldScope             ID = "Authoring.Field.Scope"
	AuthoringFieldCutOff            ID = "Authoring.Field.CutOff"
	AuthoringFieldConsultedFrom     ID = "Authoring.Field.ConsultedFrom"
	AuthoringFieldConsultedTo       ID = "Authoring.Field.ConsultedTo"
	AuthoringFieldLanguagesSearched ID = "Authoring.Field.LanguagesSearched"
	AuthoringFieldVersion           ID = "Authoring.Field.Version"
	AuthoringFieldMethodNote        ID = "Authoring.Field.MethodNote"
	AuthoringHelpTitle              ID = "Authoring.Help.Title"
	AuthoringHelpSheets             ID = "Authoring.Help.Sheets"
	AuthoringHelpOrder              ID = "Authoring.Help.Order"
	AuthoringHelpLanguages          ID = "Authoring.Help.Languages"
	AuthoringHelpLists              ID = "Authoring.Help.Lists"
	AuthoringHelpDates              ID = "Authoring.Help.Dates"
	AuthoringHelpDays               ID = "Authoring.Help.Days"
	AuthoringHelpChoices            ID = "Authoring.Help.Choices"
	AuthoringHelpOutlines           ID = "Authoring.Help.Outlines"
)

// Wording of update briefings: the part that lists what changed since an
// earlier version, the marks on changed paragraphs and the workbook's
// Changes sheet. Each kind of change (report.ChangeKind) has a label
// Change.Kind.<Name>.
const (
	ChangesHeading         ID = "Changes.Heading"
	ChangesHeadingDate     ID = "Changes.HeadingDate"
	ChangesNone            ID = "Changes.None"
	ChangesSheet           ID = "Changes.Sheet"
	ChangesVersion         ID = "Changes.Version"
	ChangesMark            ID = "Changes.Mark"
	FieldChange            ID = "Field.Change"
	FieldSubject           ID = "Field.Subject"
	FieldBefore            ID = "Field.Before"
	FieldAfter             ID = "Field.After"
	FieldSinceVersion      ID = "Field.SinceVersion"
	FigureNew              ID = "Figure.Change.New"
	FigureRevised          ID = "Figure.Change.Revised"
	FigureUnchanged        ID = "Figure.Change.Unchanged"
	ChangeMetadata         ID = "Change.Kind.Metadata"
	ChangeEntryAdded       ID = "Change.Kind.EntryAdded"
	ChangeEntryRemoved     ID = "Change.Kind.EntryRemoved"
	ChangeEntryMoved       ID = "Change.Kind.EntryMoved"
	ChangeStatementAdded   ID = "Change.Kind.StatementAdded"
	ChangeStatementRemoved ID = "Change.Kind.StatementRemoved"
	ChangeReworded         ID = "Change.Kind.Reworded"
	ChangeCitationAdded    ID = "Change.Kind.CitationAdded"
	ChangeCitationRemoved  ID = "Change.Kind.CitationRemoved"
	ChangeFigureAdded      ID = "Change.Kind.FigureAdded"
	ChangeFigureRemoved    ID = "Change.Kind.FigureRemoved"
	ChangeFigureRevised    ID = "Change.Kind.FigureRevised"
	ChangeFigureSuperseded ID = "Change.Kind.FigureSuperseded"
	ChangeFigureRetracted  ID = "Change.Kind.FigureRetracted"
	ChangeSourceAdded      ID = "Change.Kind.SourceAdded"
	ChangeSourceRemoved    ID = "Change.Kind.SourceRemoved"
	ChangePlaceAdded       ID = "Change.Kind.PlaceAdded"
	ChangePlaceRemoved     ID = "Change.Kind.PlaceRemoved"
	ChangeErratumAdded     ID = "Change.Kind.ErratumAdded"
	ChangeErratumRemoved   ID = "Change.Kind.ErratumRemoved"
	ChangeVersionAdded     ID = "Change.Kind.VersionAdded"
	ChangeEntryEdited      ID = "Change.Kind.EntryEdited"
	ChangeStatementEdited  ID = "Change.Kind.StatementEdited"
	ChangeSourceEdited     ID = "Change.Kind.SourceEdited"
	FieldEdited            ID = "Field.Edited" // the Changes sheet's column of the field edited
	FieldDatePrecision     ID = "Field.DatePrecision"
	FieldGeoPrecision      ID = "Field.GeoPrecision"
	FieldPlaces            ID = "Field.Places"
	FieldStatusDate        ID = "Field.StatusDate"
	FieldSupersededBy      ID = "Field.SupersededBy"
	FieldPartOf            ID = "Field.PartOf"
	FieldChannel           ID = "Field.Channel"
	FieldGroup             ID = "Field.Group"
	FieldVia               ID = "Field.Via"
	FieldTitleLanguage     ID = "Field.TitleLanguage"
	FieldDisambiguator     ID = "Field.Disambiguator"
)
