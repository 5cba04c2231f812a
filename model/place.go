package model

// Place is a gazetteer entry: a country, region, city, district or site.
type Place struct {
	ID      PlaceID   `json:"id"`
	Kind    PlaceKind `json:"kind"`
	Name    Text      `json:"name"`              // per dossier language: Aktaou (fr), Aktau (en)
	Aliases []string  `json:"aliases,omitempty"` // other spellings and scripts: Ақтау, Актау, Shevchenko
	Region  PlaceID   `json:"region,omitempty"`  // the region or country it lies in
	Coord   *Coord    `json:"coord,omitempty"`
}

// Coord is a WGS 84 position in decimal degrees.
type Coord struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}
