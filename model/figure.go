package model

// Figure is one number one claimant put forward: a death toll, an arrest
// count, a price. Figures that disagree are not errors; the report compares
// them.
type Figure struct {
	ID        FigureID  `json:"id"`
	Metric    Metric    `json:"metric"`
	Party     Party     `json:"party,omitzero"`     // whom it counts; all by default
	Qualifier Qualifier `json:"qualifier,omitzero"` // exact by default
	Value     float64   `json:"value,omitempty"`    // the number, unless Qualifier is Range
	Low       float64   `json:"low,omitempty"`      // with Range: the lower bound
	High      float64   `json:"high,omitempty"`     // with Range: the upper bound
	Unit      string    `json:"unit,omitempty"`     // for prices and other non-counts, e.g. "KZT/l"

	Scope    PlaceID    `json:"scope,omitempty"` // the place or region counted; the dossier's country when empty
	AsOf     Date       `json:"asOf"`            // the date the number stands at
	Reported Date       `json:"reported"`        // the date it was first made public
	Claimant Claimant   `json:"claimant"`        // who puts it forward
	Sources  []SourceID `json:"sources"`         // who reports it

	Status       FigureStatus `json:"status,omitzero"`
	StatusDate   Date         `json:"statusDate,omitzero"`    // when it was retracted or superseded
	SupersededBy FigureID     `json:"supersededBy,omitempty"` // the figure that replaces it
	PartOf       FigureID     `json:"partOf,omitempty"`       // the total this figure is a part of
	Note         Text         `json:"note,omitempty"`
}

// Claimant is who stands behind a figure: a ministry, an outlet, an NGO.
type Claimant struct {
	Kind    ClaimantKind `json:"kind"`
	Name    Text         `json:"name"`
	Channel string       `json:"channel,omitempty"` // how it was made public, e.g. "Telegram"
}

// Bounds returns the lowest and highest values f allows: Value twice, or Low
// and High for a range; zeros for a nil figure.
func (f *Figure) Bounds() (lo, hi float64) {
	if f == nil {
		return 0, 0
	}
	if f.Qualifier == Range {
		return f.Low, f.High
	}
	if v := f.Qualifier.wordValue(); v > 0 && f.Value == 0 {
		return v, v
	}
	return f.Value, f.Value
}
