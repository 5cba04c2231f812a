package synth

import "fmt"

// Options says how large a dossier to generate and from which seed.
type Options struct {
	Entries int    // chronology entries, at least 1
	Figures int    // figures, 0 or more
	Seed    uint64 // the same seed and sizes give the same dossier
	Sources int    // bibliography entries; 0 derives them from Entries
	Places  int    // gazetteer entries; 0 derives them from Entries
	// Country is the ISO 3166-1 alpha-2 code of a real country ("AF",
	// "et") to set the dossier in: its name, and places at points inside
	// its outline. Empty means a fictitious country in Central Asia, with
	// Kazakh and Russian place names, mapped on Kazakhstan.
	Country string
}

// Limits on Options, far beyond what the benchmarks need; they keep index
// arithmetic within int64.
const (
	maxEntries = 10_000_000
	maxFigures = 100_000_000
	maxPlaces  = 10_000_000

	minSources = 8  // one per category, and the errata's sources
	minPlaces  = 3  // a country, a region and a city
	maxCiteOwn = 14 // most sources one entry may have to cite so that every source is cited
)

// sizes are the counts of everything a generator produces, once derived
// and checked.
type sizes struct {
	entries, figures, sources         int
	regions, cities, districts, sites int
}

func (s sizes) places() int { return 1 + s.regions + s.cities + s.districts + s.sites }

// resolve checks opt and derives the counts it leaves to the generator.
func resolve(opt Options) (sizes, error) {
	var s sizes
	if opt.Entries < 1 || opt.Entries > maxEntries {
		return s, fmt.Errorf("synth: %w: entries %d, want 1 to %d", ErrOptions, opt.Entries, maxEntries)
	}
	if opt.Figures < 0 || opt.Figures > maxFigures {
		return s, fmt.Errorf("synth: %w: figures %d, want 0 to %d", ErrOptions, opt.Figures, maxFigures)
	}
	s.entries, s.figures = opt.Entries, opt.Figures

	maxSources := maxCiteOwn * opt.Entries
	switch {
	case opt.Sources == 0:
		s.sources = min(max(12, opt.Entries*4/5), maxSources)
	case opt.Sources < minSources || opt.Sources > maxSources:
		return s, fmt.Errorf("synth: %w: sources %d, want 0 (derived) or %d to %d (%d per entry)",
			ErrOptions, opt.Sources, minSources, max(minSources, maxSources), maxCiteOwn)
	default:
		s.sources = opt.Sources
	}
	places := opt.Places
	switch {
	case places == 0:
		places = min(max(30, 30+opt.Entries/20), 5000)
	case places < minPlaces || places > maxPlaces:
		return s, fmt.Errorf("synth: %w: places %d, want 0 (derived) or %d to %d", ErrOptions, places, minPlaces, maxPlaces)
	}
	s.regions = min(max(1, (places-1)/8), 20)
	rest := places - 1 - s.regions
	s.cities = max(1, rest*4/10)
	s.districts = (rest - s.cities) / 2
	s.sites = rest - s.cities - s.districts
	return s, nil
}
