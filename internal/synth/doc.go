// Package synth generates synthetic dossiers for benchmarks and scale
// tests: a fictitious country in Central Asia, its regions, cities,
// districts and sites with Kazakh and Russian spellings, a chronology of
// protests, riots and their repression in French and English, a
// bibliography of outlets of every category with Russian, Kazakh, French
// and English titles, and figures of every metric with their claimants,
// statuses and the links between them.
//
// With Options.Country, the same crisis is set in a real country: the
// country place takes its ISO code and its names in French and English
// from the map data of package internal/geo, and the regions, cities,
// districts and sites, named from neutral syllables with a Cyrillic
// spelling, lie at points drawn inside its outline (regions anywhere in
// its main body, weighted by area; cities around their region; districts
// and sites around their city). The bibliography stays the same.
//
// The same Options give the same dossier, byte for byte. Dossier builds
// it in memory; WriteJSON streams the same dossier as JSON, as
// model.Encode would write it, with memory that does not grow with its
// size. Every generated dossier passes model.Validate without errors; its
// only warnings are those its errata explain.
//
// Everything in a generated dossier is invented: names, outlets,
// figures, and URLs under the reserved .example domain.
package synth
