package model

// Statement is a sourced piece of prose: a paragraph of background, of a
// thematic section, or of the chronology (see Entry). Each statement that
// cites sources becomes one footnote.
type Statement struct {
	ID          StatementID `json:"id"`
	Text        Text        `json:"text"`
	Sources     []SourceID  `json:"sources,omitempty"`    // in the order the footnote lists them; repeats allowed
	Note        Text        `json:"note,omitempty"`       // explanatory footnote text, before the sources
	Reliability Reliability `json:"reliability,omitzero"` // a reservation on the statement
	Bullet      bool        `json:"bullet,omitempty"`     // set as a list item
	Figures     []FigureID  `json:"figures,omitempty"`    // the figures the statement reports

	// When and Places say what a statement bears on. An entry of the
	// chronology takes its day's dates when When is empty, and no places
	// means the whole country. A paragraph of background, of a thematic
	// section or a note with neither is context, kept in every focused
	// briefing; with them, a briefing focused on other dates or places
	// leaves it out.
	When   DateSpan  `json:"when,omitzero"`
	Places []PlaceID `json:"places,omitempty"`
}

// Day is one heading of the chronology: a date, a night ("the night of 4 to
// 5 January") or an open span ("since 10 January").
type Day struct {
	When      DateSpan      `json:"when"`
	Precision DatePrecision `json:"precision,omitzero"`
	Title     Text          `json:"title,omitempty"` // overrides the heading made from When
	Entries   []Entry       `json:"entries"`
}

// Entry is an event of the chronology: a Statement with a date, places and
// a kind.
type Entry struct {
	Statement                   // with When (defaults to the day's) and Places (none means the whole country)
	DatePrecision DatePrecision `json:"datePrecision,omitzero"` // defaults to the day's, then derived
	Time          *TimeSpan     `json:"time,omitempty"`         // time of day, when the sources give it
	Kind          EventKind     `json:"kind"`
	GeoPrecision  GeoPrecision  `json:"geoPrecision,omitzero"` // defaults to what the places' kinds imply
	Group         PlaceID       `json:"group,omitempty"`       // list the entry under this place's heading
}

// Section is a thematic section with its paragraphs and subsections.
type Section struct {
	ID         string      `json:"id"`
	Title      Text        `json:"title"`
	Paragraphs []Statement `json:"paragraphs"`
	Sections   []Section   `json:"sections,omitempty"`
}

// Span returns the dates of e, or of its day when e has none of its own.
// A nil entry or day counts as one with no dates.
func (e *Entry) Span(d *Day) DateSpan {
	switch {
	case e != nil && !e.When.IsZero():
		return e.When
	case d != nil:
		return d.When
	}
	return DateSpan{}
}

// Precision returns e's date precision, derived when unset: the entry's
// own, else the day's, else day for a single date and span otherwise. A
// nil entry or day counts as one with no dates and no precision.
func (e *Entry) Precision(d *Day) DatePrecision {
	if e == nil {
		e = &Entry{}
	}
	if d == nil {
		d = &Day{}
	}
	switch {
	case e.DatePrecision != PrecisionDerived:
		return e.DatePrecision
	case e.When.IsZero() && d.Precision != PrecisionDerived:
		return d.Precision
	case e.Span(d).IsDay():
		return PrecisionDay
	}
	return PrecisionSpan
}
