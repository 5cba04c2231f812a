package locales_test

import (
	"math"
	"testing"

	"github.com/coibrief/coibrief/model"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		v    float64
		want byLang
	}{
		{0, byLang{fr: "0", en: "0", ru: "0"}},
		{math.Copysign(0, -1), byLang{fr: "0", en: "0"}},
		{999, byLang{fr: "999", en: "999"}},
		{1000, byLang{fr: "1" + nnbsp + "000", en: "1,000", de: "1.000", ru: "1" + nbsp + "000"}},
		{4578, byLang{fr: "4" + nnbsp + "578", en: "4,578", de: "4.578"}},
		{12000, byLang{fr: "12" + nnbsp + "000", en: "12,000", ru: "12" + nbsp + "000"}},
		{1_000_000, byLang{fr: "1" + nnbsp + "000" + nnbsp + "000", en: "1,000,000", de: "1.000.000"}},
		{0.12, byLang{fr: "0,12", en: "0.12", de: "0,12", ru: "0,12"}},
		{1.5, byLang{fr: "1,5", en: "1.5"}},
		{1234567.25, byLang{fr: "1" + nnbsp + "234" + nnbsp + "567,25", en: "1,234,567.25", de: "1.234.567,25"}},
		{-2300, byLang{fr: "-2" + nnbsp + "300", en: "-2,300", de: "-2.300"}},
		{-0.5, byLang{fr: "-0,5", en: "-0.5", de: "-0,5"}},
		{1e21, byLang{en: "1,000,000,000,000,000,000,000"}},
		{math.NaN(), byLang{fr: "NaN", en: "NaN"}},
		{math.Inf(1), byLang{fr: "+Inf", en: "+Inf"}},
	}
	for _, tt := range tests {
		for tag, l := range localesFor(t, tt.want) {
			if got, want := l.Number(tt.v), tt.want[tag]; got != want {
				t.Errorf("%s: Number(%v) = %q; want %q", tag, tt.v, got, want)
			}
		}
	}
}

func TestInt(t *testing.T) {
	tests := []struct {
		n    int
		want byLang
	}{
		{0, byLang{fr: "0", en: "0"}},
		{7, byLang{fr: "7", en: "7"}},
		{4578, byLang{fr: "4" + nnbsp + "578", en: "4,578", ru: "4" + nbsp + "578"}},
		{-1234567, byLang{fr: "-1" + nnbsp + "234" + nnbsp + "567", en: "-1,234,567", de: "-1.234.567"}},
		{math.MinInt64, byLang{en: "-9,223,372,036,854,775,808"}},
	}
	for _, tt := range tests {
		for tag, l := range localesFor(t, tt.want) {
			if got, want := l.Int(tt.n), tt.want[tag]; got != want {
				t.Errorf("%s: Int(%d) = %q; want %q", tag, tt.n, got, want)
			}
		}
	}
}

func TestFigure(t *testing.T) {
	tests := []struct {
		q                model.Qualifier
		value, low, high float64
		want             byLang
	}{
		{model.Exact, 12000, 0, 0, byLang{fr: "12" + nnbsp + "000", en: "12,000"}},
		{model.Exact, 120.5, 0, 0, byLang{fr: "120,5", en: "120.5", de: "120,5"}},
		{model.About, 200, 0, 0, byLang{fr: "environ 200", en: "about 200", de: "etwa 200", ru: "около 200"}},
		{model.AtLeast, 225, 0, 0, byLang{fr: "au moins 225", en: "at least 225", de: "mindestens 225"}},
		{model.MoreThan, 2300, 0, 0, byLang{fr: "plus de 2" + nnbsp + "300", en: "more than 2,300", de: "mehr als 2.300", ru: "более 2" + nbsp + "300"}},
		{model.Nearly, 12000, 0, 0, byLang{fr: "près de 12" + nnbsp + "000", en: "nearly 12,000", de: "knapp 12.000", ru: "почти 12" + nbsp + "000"}},
		{model.AtMost, 50, 0, 0, byLang{fr: "au plus 50", en: "at most 50", de: "höchstens 50"}},
		{model.Range, 0, 14, 17, byLang{fr: "entre 14 et 17", en: "between 14 and 17", de: "zwischen 14 und 17", ru: "от 14 до 17"}},
		{model.Range, 0, 4578, 9900, byLang{fr: "entre 4" + nnbsp + "578 et 9" + nnbsp + "900", en: "between 4,578 and 9,900", de: "zwischen 4.578 und 9.900"}},
		{model.Dozens, 10, 0, 0, byLang{fr: "des dizaines", en: "dozens", de: "Dutzende", ru: "десятки"}},
		{model.Hundreds, 100, 0, 0, byLang{fr: "des centaines", en: "hundreds", de: "Hunderte", ru: "сотни"}},
		{model.Thousands, 1000, 0, 0, byLang{fr: "des milliers", en: "thousands", de: "Tausende", ru: "тысячи"}},
	}
	for _, tt := range tests {
		for tag, l := range localesFor(t, tt.want) {
			got, err := l.Figure(tt.q, tt.value, tt.low, tt.high)
			if want := tt.want[tag]; got != want || err != nil {
				t.Errorf("%s: Figure(%v, %v, %v, %v) = %q, %v; want %q", tag, tt.q, tt.value, tt.low, tt.high, got, err, want)
			}
		}
	}
	_, err := mustNew(t, fr).Figure(model.Qualifier(42), 1, 0, 0)
	if want := "locales: qualifier 42: invalid value"; errString(err) != want {
		t.Errorf("Figure(qualifier 42) error = %v; want %s", err, want)
	}
}
