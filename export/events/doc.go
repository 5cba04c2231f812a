// Package events writes the chronology of a briefing as an event
// dataset: a CSV file with the columns and codes of ACLED's public
// export, followed by UCDP GED's date span and low, best and high
// fatality estimates, and by the dossier's own kind, places, footnote
// and figures, so that analysts can merge it with ACLED or UCDP data.
// One row per chronology entry, in the briefing's order; a focused
// briefing gives the events it keeps. Write(w, doc, Options{}) is the
// whole API.
//
// The file is UTF-8, RFC 4180 with CRLF line ends and a header row
// (Columns). Options.Excel adds the byte order mark Microsoft Excel needs
// to read UTF-8 and keeps texts from being read as formulas; pandas, R,
// QGIS and LibreOffice need neither. The same document and options give
// the same bytes.
//
// # Mapping
//
//	column                  from the dossier
//	event_id_cnty           the entry's statement id (not ACLED's "KAZ123" form)
//	event_date, year        ISO 8601 date (ACLED's API form): the day; the middle of a span
//	time_precision          1 a day or night; 2 an approximate day, or a span of under a week;
//	                        3 a longer or open span (its start)
//	disorder_type,          by kind: peaceful protest → Demonstrations / Protests / Peaceful protest;
//	event_type,             riot → Riots / Violent demonstration; lethal force → Protests /
//	sub_event_type          Excessive force against protesters; torture → Violence against civilians /
//	                        Attack; arrests → Strategic developments / Arrests; foreign intervention →
//	                        Change to group/activity; every other kind → Strategic developments / Other
//	actor1, actor2,         ACLED's generic actors for the kind — Protesters (Country), Rioters
//	inter1, inter2,         (Country), Police Forces of Country, Civilians (Country) — with their
//	interaction             inter codes (6, 5, 1, 7); empty for other kinds
//	civilian_targeting      "Civilian targeting" for torture
//	iso                     ISO 3166-1 numeric code of the country (from its ISO alpha-2 code)
//	country                 the country's name in English, as ACLED writes it (the dossier's English
//	                        name, else Natural Earth's), also in the actors' names
//	admin1, location        names in Options.Language: the region the first place lies in; the first
//	                        place's city (a square or district is coded at its city, as ACLED codes
//	                        towns), or the region or country itself
//	latitude, longitude     the first place's coordinates, else its nearest enclosing place's, WGS 84
//	geo_precision           1 a site, district or city; 3 a region or the whole country
//	source                  the outlets the entry's footnote cites, "; "-separated
//	notes                   the entry's text in Options.Language
//	fatalities              ACLED's conservative count: the low estimate, for violent kinds only
//	tags                    "coibrief kind: …", and the statement's reservation on reliability
//	timestamp               the dossier's update (or publication) date at 00:00 UTC, Unix time
//	date_start, date_end    UCDP GED: the entry's own span (date_end empty when open)
//	low, best, high         UCDP GED: of the death tolls the entry reports that stand (not
//	                        retracted, superseded or part of another), per party, the lowest lower
//	                        bound, the median and the highest upper bound, summed over parties
//	                        when no figure counts everyone (protesters left out when civilians,
//	                        who include them, are counted); only for lethal force, riots, torture
//	                        and foreign intervention
//	kind, places,           the dossier's kind of event, place ids and figure ids (";"-separated),
//	footnote, figures       and the briefing's footnote number
//
// What is lost: ACLED and UCDP code one location per event, so an entry
// naming several places is coded at its first (the places column lists
// all); the dossier names no actors, so the actor columns hold ACLED's
// generic actors for the kind, not the units or groups involved; the
// dossier's kinds are coarser than ACLED's sub-event types (every
// government decision, state of emergency, shutdown, trial or statement
// is "Other"), and ACLED would not record statements at all;
// geo_precision 2 and admin2, admin3, region and source_scale are never
// set; a day known only within a night or a span loses its exact form
// (date_start and date_end keep it), and the time of day is dropped.
// UCDP's deaths per side (deaths_a, deaths_b, deaths_civilians,
// deaths_unknown) are not written: the dossier's parties do not map onto
// UCDP's sides of a conflict without a judgement the data cannot make.
// Fatality estimates are what the entry's own figures say: an entry
// that reports a cumulative toll makes sums over rows count deaths
// twice, and an entry without a death toll has empty estimates, not 0.
package events
