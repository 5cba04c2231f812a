package fuzzdossier

import (
	"slices"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// Options returns the options of a briefing of d chosen by the bits of
// knobs — its languages, a place, dates and kinds of event to keep — and
// whether they are valid by construction: languages of the dossier with a
// catalog, one or two and not the same twice, a known place, dates in
// order. Some values of knobs choose invalid options on purpose.
func Options(d *model.Dossier, knobs uint16) (report.Options, bool) {
	var opt report.Options
	valid := len(d.Languages) > 0
	switch knobs % 8 {
	case 1:
		opt.Languages = d.Languages
		valid = valid && len(d.Languages) <= 2
	case 2:
		if len(d.Languages) > 1 {
			opt.Languages = d.Languages[1:2]
		}
	case 3:
		opt.Languages = []language.Tag{language.English, language.English}
		valid = false
	case 4:
		opt.Languages = []language.Tag{language.Russian}
		valid = slices.Contains(d.Languages, language.Russian)
	}
	langs := opt.Languages
	if len(langs) == 0 && len(d.Languages) > 0 {
		langs = d.Languages[:1]
	}
	for _, tag := range langs {
		if !slices.Contains(d.Languages, tag) {
			valid = false
		}
		if _, err := locales.New(tag); err != nil {
			valid = false
		}
	}
	if knobs>>3&1 == 1 && len(d.Places) > 0 {
		opt.Filter.Places = []model.PlaceID{d.Places[int(knobs>>4)%len(d.Places)].ID}
	}
	if knobs>>6&1 == 1 && !d.Period.IsZero() {
		opt.Filter.From = d.Period.Start.AddDays(int(knobs >> 7 & 7))
		opt.Filter.To = d.Period.Start.AddDays(int(knobs >> 10 & 15))
		valid = valid && !opt.Filter.To.Before(opt.Filter.From)
	}
	if knobs>>14 > 0 {
		kinds := model.EventKinds()
		opt.Filter.Kinds = []model.EventKind{kinds[int(knobs>>14)%len(kinds)], kinds[int(knobs>>10&15)%len(kinds)]}
	}
	return opt, valid
}
