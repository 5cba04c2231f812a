package pdf

import (
	"regexp"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/examples/dossiers"
	"github.com/coibrief/coibrief/report"
)

// TestUpdateBriefingTagged checks the structure of update briefings, in
// each edition: every mark on a page, the change bars included, is
// tagged content or an artifact, and the changes section is a Sect with
// its H1 and a list whose items link to what changed.
func TestUpdateBriefingTagged(t *testing.T) {
	old, _, err := dossiers.Load("ge-example.v1.json")
	if err != nil {
		t.Fatal(err)
	}
	new, _, err := dossiers.Load("ge-example.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := report.Compare(old, new)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := report.Build(new, report.Options{Languages: new.Languages, Changes: c})
	if err != nil {
		t.Fatal(err)
	}
	for _, ed := range []Edition{Single, Parallel, Sequential} {
		t.Run(ed.String(), func(t *testing.T) {
			data, _, err := Render(doc, Options{Edition: ed})
			if err != nil {
				t.Fatal(err)
			}
			if err := checkTagged(data, false); err != nil {
				t.Fatal(err)
			}
			r, err := readTree(data)
			if err != nil {
				t.Fatal(err)
			}
			var roles []string
			for _, e := range r.elems {
				roles = append(roles, e.role)
			}
			seq := strings.Join(roles, " ")
			// the changes: a section, its heading (one per column), the
			// note of version 1.1, then the list whose first item is a
			// metadata change and whose fifth links to the added entry
			want := regexp.MustCompile(`Sect (H1 )+(P )+L LI Lbl LBody P LI Lbl LBody P LI Lbl LBody P LI Lbl LBody P LI Lbl LBody P Link`)
			if !want.MatchString(seq) {
				t.Errorf("no changes section of the expected structure in %.600s", seq)
			}
		})
	}
}
