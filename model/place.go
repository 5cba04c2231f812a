package model

// Place is a gazetteer entry: a country, region, city, district or site.
type Place struct {
	ID      PlaceID   `json:"id"`
	Kind    PlaceKind `json:"kind"`
	Name    Text      `json:"name"`              // per dossier language: Aktaou (fr), Aktau (en)
	Aliases []string  `json:"aliases,omitempty"` // other spellings and scripts: Ақтау, Актау, Shevchenko
	Region  PlaceID   `json:"region,omitempty"`  // the region or country it lies in
	Coord   *Coord    `json:"coord,omitempty"`
	// ISO is the ISO 3166-1 alpha-2 code of a country ("KZ", "AF"), by
	// which maps find its outline; when empty, a country's id is taken
	// for its code.
	ISO string `json:"iso,omitempty"`
	// Outline is the place's shape, for maps: a region the dossier
	// focuses on, drawn and highlighted.
	Outline *Outline `json:"outline,omitempty"`
}

// Coord is a WGS 84 position in decimal degrees.
type Coord struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}
