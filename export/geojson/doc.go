// Package geojson writes the map of a briefing as GeoJSON (RFC 7946), for
// QGIS, geojson.io and any GIS: the data package report decides for the
// map — each place with the number of the briefing's entries there, their
// first and last dates and the most severe kind of event — and the
// regions the briefing outlines. A focused briefing gives its own map.
// Write(w, doc, Options{}) is the whole API; the name avoids clashing
// with the module's internal/geo, which draws maps.
//
// The file is a FeatureCollection in UTF-8 without byte order mark,
// WGS 84 longitude then latitude as RFC 7946 requires (no crs member),
// coordinates written as the shortest decimals that read back the same
// numbers. Each feature's id is the place's id. A Point's properties:
//
//	place         the place's id
//	name          its name in Options.Language; name_fr, name_en…: in each language of the briefing
//	place_kind    city, district, site…; region: the region or country it lies in
//	aliases       other spellings and scripts, "; "-separated
//	entries       the briefing's entries there (a site's and a district's count for their city)
//	first, last   the dates of the first and last (ISO 8601; GDAL reads them as dates)
//	dates         the same as the briefing prints them
//	kind          the most severe kind of event there; kind_label its name; severity its
//	              rank (0 is lethal force, the most severe)
//	country       the ISO code of the country the point lies in; abroad: another than the dossier's
//
// A region's feature (Polygon or MultiPolygon, as its outline in the
// dossier) has place, the names, entries about it or a place within it,
// and focus (the dossier's focus). Options.NoRegions leaves regions out
// for programs that open one geometry type per layer.
//
// What is lost: places of the chronology without coordinates (the map's
// Outside list) are left out, as GeoJSON has no position for them;
// entries about a whole region or country are not points, as on the
// map; the entries themselves are not listed (package events writes them
// with coordinates); the countries around, the extent and the legend's
// labels in other languages are the PDF map's and not data. Outlines are
// written as the dossier holds them: RFC 7946's winding order and
// antimeridian splitting are not enforced (readers accept either).
package geojson
