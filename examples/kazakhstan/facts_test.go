package kazakhstan_test

import (
	"math"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// TestFacts spot-checks facts of the dossier against the February 2022
// note and the secondary web summary it is built from.
func TestFacts(t *testing.T) {
	d, _ := load(t)
	fig := map[model.FigureID]*model.Figure{}
	for i := range d.Figures {
		fig[d.Figures[i].ID] = &d.Figures[i]
	}
	src := map[model.SourceID]*model.Source{}
	for i := range d.Sources {
		src[d.Sources[i].ID] = &d.Sources[i]
	}
	place := map[model.PlaceID]*model.Place{}
	for i := range d.Places {
		place[d.Places[i].ID] = &d.Places[i]
	}
	entry := map[model.StatementID]*model.Entry{}
	for i := range d.Chronology {
		for j := range d.Chronology[i].Entries {
			e := &d.Chronology[i].Entries[j]
			entry[e.ID] = e
		}
	}
	date := func(s string) model.Date {
		v, err := model.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	// figure checks one figure: metric, party, qualifier, value, scope,
	// as-of date, claimant kind.
	figure := func(fact string, id model.FigureID, m model.Metric, p model.Party, q model.Qualifier, v float64, scope model.PlaceID, asOf string, ck model.ClaimantKind) *model.Figure {
		t.Helper()
		f := fig[id]
		switch {
		case f == nil:
			t.Errorf("%s: no figure %s", fact, id)
			return &model.Figure{}
		case f.Metric != m || f.Party != p || f.Qualifier != q || f.Value != v || f.Scope != scope || f.AsOf != date(asOf) || f.Claimant.Kind != ck:
			t.Errorf("%s: figure %s is %s/%s %s %v in %q as of %s by %s", fact, id, f.Metric, f.Party, f.Qualifier, f.Value, f.Scope, f.AsOf, f.Claimant.Kind)
		}
		return f
	}

	if d.Published != date("2022-02-22") {
		t.Errorf("published %s, want 2022-02-22", d.Published)
	}
	// Prices: LPG went from 60 to 120 tenge a litre on 1 January.
	figure("LPG price before", "fig-05", model.MetricPrice, model.PartyAll, model.Exact, 60, "", "2021-12-31", model.ClaimantMedia)
	if f := figure("LPG price after", "fig-06", model.MetricPrice, model.PartyAll, model.Exact, 120, "", "2022-01-01", model.ClaimantMedia); f.Unit != "KZT/l" {
		t.Errorf("LPG price unit %q", f.Unit)
	}
	// Janaozen, 16 December 2011: 14 to 17 dead.
	if f := figure("2011 toll", "fig-07", model.MetricKilled, model.PartyCivilians, model.Range, 0, "janaozen", "2011-12-16", model.ClaimantOther); f.Low != 14 || f.High != 17 {
		t.Errorf("2011 toll %v–%v, want 14–17", f.Low, f.High)
	}
	figure("200 arrested in Almaty on 4 January", "fig-17", model.MetricArrested, model.PartyAll, model.Exact, 200, "almaty", "2022-01-04", model.ClaimantMedia)
	// Local media's toll of 5 January.
	figure("5 January injured", "fig-26", model.MetricInjured, model.PartyAll, model.MoreThan, 1000, "", "2022-01-05", model.ClaimantMedia)
	figure("5 January police injured", "fig-27", model.MetricInjured, model.PartySecurityForces, model.Exact, 700, "", "2022-01-05", model.ClaimantMedia)
	figure("5 January security forces killed", "fig-29", model.MetricKilled, model.PartySecurityForces, model.Exact, 18, "", "2022-01-05", model.ClaimantMedia)
	figure("2,000 arrested in Almaty by 6 January", "fig-36", model.MetricArrested, model.PartyAll, model.MoreThan, 2000, "almaty", "2022-01-06", model.ClaimantOfficial)
	// 7 January: 26 dead protesters, more than 3,800 arrests.
	figure("7 January dead", "fig-41", model.MetricKilled, model.PartyProtesters, model.Exact, 26, "", "2022-01-07", model.ClaimantOfficial)
	figure("7 January arrests", "fig-42", model.MetricArrested, model.PartyAll, model.MoreThan, 3800, "", "2022-01-07", model.ClaimantOfficial)
	// 9 January: the Health Ministry's 164 dead, announced and withdrawn.
	f164 := figure("164 dead", "fig-44", model.MetricKilled, model.PartyCivilians, model.Exact, 164, "", "2022-01-09", model.ClaimantOfficial)
	if f164.Status != model.StatusRetracted || f164.StatusDate != date("2022-01-09") || f164.Claimant.Channel != "Telegram" {
		t.Errorf("164 dead: status %s on %s via %q; want retracted on 2022-01-09 via Telegram", f164.Status, f164.StatusDate, f164.Claimant.Channel)
	}
	for id, want := range map[model.FigureID]struct {
		v     float64
		scope model.PlaceID
	}{"fig-45": {103, "almaty"}, "fig-46": {21, "kyzylorda"}, "fig-47": {10, "zhambyl"}, "fig-48": {8, "almaty-region"}} {
		f := figure("164 dead by region", id, model.MetricKilled, model.PartyCivilians, model.Exact, want.v, want.scope, "2022-01-09", model.ClaimantOfficial)
		if f.PartOf != "fig-44" || f.Status != model.StatusRetracted {
			t.Errorf("%s is not a retracted part of fig-44", id)
		}
	}
	figure("nearly 8,000 detained by 10 January", "fig-65", model.MetricArrested, model.PartyAll, model.Nearly, 8000, "", "2022-01-10", model.ClaimantOfficial)
	if f := figure("225 dead on 15 January", "fig-64", model.MetricKilled, model.PartyAll, model.Exact, 225, "", "2022-01-15", model.ClaimantOfficial); f.Status != model.StatusSuperseded || f.Sources[0] != "lemonde-2022-01-15" {
		t.Errorf("225 dead: status %s, sources %v", f.Status, f.Sources)
	}
	// The latest toll: 227 dead, 149 of them in Almaty, 19 security forces; 4,578 injured.
	figure("227 dead", "fig-01", model.MetricKilled, model.PartyAll, model.Exact, 227, "", "2022-01-19", model.ClaimantOfficial)
	if f := figure("149 dead in Almaty", "fig-51", model.MetricKilled, model.PartyAll, model.Exact, 149, "almaty", "2022-01-19", model.ClaimantOfficial); f.PartOf != "fig-01" {
		t.Error("149 dead in Almaty is not part of the 227")
	}
	if f := figure("19 security forces dead", "fig-52", model.MetricKilled, model.PartySecurityForces, model.Exact, 19, "", "2022-01-19", model.ClaimantOfficial); f.PartOf != "fig-01" {
		t.Error("19 security forces dead is not part of the 227")
	}
	figure("4,578 injured", "fig-02", model.MetricInjured, model.PartyAll, model.Exact, 4578, "", "2022-01-19", model.ClaimantOfficial)
	figure("200 in hospital", "fig-53", model.MetricHospitalised, model.PartyAll, model.Exact, 200, "", "2022-01-19", model.ClaimantOfficial)
	figure("14 in intensive care", "fig-54", model.MetricIntensiveCare, model.PartyAll, model.Exact, 14, "", "2022-01-19", model.ClaimantOfficial)
	figure("nearly 12,000 arrested", "fig-03", model.MetricArrested, model.PartyAll, model.Nearly, 12000, "", "2022-01-22", model.ClaimantOfficial)
	figure("464 criminal cases (terrorism, murder, mass unrest)", "fig-56", model.MetricCriminalCases, model.PartyAll, model.Exact, 464, "", "2022-01-22", model.ClaimantOfficial)
	figure("970 criminal cases (theft, looting)", "fig-57", model.MetricCriminalCases, model.PartyAll, model.Exact, 970, "", "2022-01-22", model.ClaimantOfficial)
	// The secondary summary disagrees.
	figure("summary: 225 protesters dead", "ws-06", model.MetricKilled, model.PartyProtesters, model.Exact, 225, "", "2022-03-25", model.ClaimantOther)
	figure("summary: 19 security forces dead", "ws-07", model.MetricKilled, model.PartySecurityForces, model.Exact, 19, "", "2022-03-25", model.ClaimantOther)
	figure("summary: about 10,000 arrested", "ws-05", model.MetricArrested, model.PartyAll, model.About, 10000, "", "2022-03-25", model.ClaimantOther)
	figure("summary: 2,030 CSTO troops", "ws-01", model.MetricTroops, model.PartyForeignTroops, model.Exact, 2030, "", "2022-01-06", model.ClaimantOther)

	// Errata: what the documents misprinted.
	errata := map[string][]string{}
	for _, e := range d.Errata {
		errata[e.Ref.String()+"/"+e.Field] = append(errata[e.Ref.String()+"/"+e.Field], e.Printed)
	}
	for key, printed := range map[string]string{
		"source:dojd-2022-01-08-2/published": "08/01/2020",
		"source:dojd-2022-01-08-3/published": "08/01/2021",
		"source:websummary-2022-03-25/text":  "2 janvier 2021",
	} {
		found := false
		for _, p := range errata[key] {
			found = found || strings.Contains(p, printed)
		}
		if !found {
			t.Errorf("errata on %s print %q; want %q", key, errata[key], printed)
		}
	}
	for _, id := range []model.SourceID{"dojd-2022-01-08-2", "dojd-2022-01-08-3"} {
		if src[id].Published != date("2022-01-08") {
			t.Errorf("%s published %s, want 2022-01-08", id, src[id].Published)
		}
	}

	// Sources.
	if s := src["hrw-2022-01-26"]; s.URL != "https://www.hrw.org/news/2022/01/26/kazakhstan-killings-excessive-use-force-almaty" || s.Category != model.CategoryNGO {
		t.Errorf("HRW source %+v", s)
	}
	if s := src["svoboda-2022-01-09"]; s.Updated != date("2022-01-11") || s.Group != "Radio Free Europe/Radio Liberty" {
		t.Errorf("Radio Svoboda source updated %s, group %q", s.Updated, s.Group)
	}
	reapp := false
	for _, s := range d.Sources {
		if strings.Contains(s.URL, "nazarbaiev-reapparaît") {
			reapp = true
		}
	}
	if !reapp {
		t.Error("the Le Monde URL with 'reapparaît' is not kept as printed")
	}

	// Places.
	if p := place["aktau"]; p.Name[language.French] != "Aktaou" || p.Name[language.English] != "Aktau" || p.Region != "mangystau" ||
		math.Abs(p.Coord.Lat-43.65) > 0.1 || math.Abs(p.Coord.Lon-51.17) > 0.1 {
		t.Errorf("Aktau: %+v %+v", p, p.Coord)
	}
	if p := place["janaozen"]; p.Name[language.French] != "Janaozen" || p.Name[language.English] != "Zhanaozen" {
		t.Errorf("Janaozen: %+v", p.Name)
	}

	// The chronology.
	last := d.Chronology[len(d.Chronology)-1]
	if !last.When.Open || last.When.Start != date("2022-01-10") {
		t.Errorf("the last day is %s; want the open span since 10 January", last.When)
	}
	if e := entry["2022-01-06-04"]; e == nil || e.Time == nil || e.Time.String() != "10:00" || !containsPlace(e.Places, "almaty-republic-square") {
		t.Errorf("the 10:00 shooting on Republic Square on 6 January: %+v", e)
	}
	if e := entry["2022-01-05-01"]; e == nil || e.When.String() != "2022-01-04/2022-01-05" || e.DatePrecision != model.PrecisionNight {
		t.Errorf("the night of 4 to 5 January: %+v", e)
	}
	var flagged []model.StatementID
	for _, e := range entry {
		if e.Reliability == model.NotCorroborated {
			flagged = append(flagged, e.ID)
		}
	}
	if len(flagged) != 2 || entry["2022-01-06-16"].Reliability != model.NotCorroborated {
		t.Errorf("not-corroborated entries %v; want the two the note flags (Aktau soldiers, RFI on MASIMOV)", flagged)
	}
	bullets := 0
	for _, p := range d.Sections[2].Paragraphs {
		if p.Bullet {
			bullets++
		}
	}
	if bullets != 4 {
		t.Errorf("%d bulleted groups in section 3; want the four groups the activist distinguishes", bullets)
	}
}

func containsPlace(ps []model.PlaceID, id model.PlaceID) bool {
	for _, p := range ps {
		if p == id {
			return true
		}
	}
	return false
}
