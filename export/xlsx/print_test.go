package xlsx

import (
	"testing"

	"golang.org/x/text/language"
)

// TestPrintSetup checks that every sheet prints in landscape, one page
// wide, and that every sheet with a header row repeats it on each page.
func TestPrintSetup(t *testing.T) {
	f := open(t, workbook(t, kzDoc(t), language.English))
	titles := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	for i, name := range f.GetSheetList() {
		pl, err := f.GetPageLayout(name)
		if err != nil {
			t.Fatal(err)
		}
		if pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
			t.Errorf("%s: page layout %+v; want landscape, 1 page wide, any number long", name, pl)
		}
		props, err := f.GetSheetProps(name)
		if err != nil {
			t.Fatal(err)
		}
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: not fitted to the page", name)
		}
		want := "'" + name + "'!$1:$1"
		if i == 0 {
			want = "" // the summary has no header row
		}
		if got := titles[name]; got != want {
			t.Errorf("%s: print titles %q; want %q", name, got, want)
		}
	}
}
