package biblio_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/coibrief/coibrief/internal/datatest"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
)

// What the tests of the data formats share, from package datatest.
var (
	tool          = datatest.Tool
	golden        = datatest.Golden
	germanExample = datatest.GermanExample
)

// documents returns the briefings the package's tests write, by name.
func documents(t *testing.T) map[string]*report.Document { return datatest.Documents(t, specialTitle) }

// specialTitle gives the second source of the dossier in five scripts
// a title of specials and an author whose name holds "and".
func specialTitle(d *model.Dossier) {
	d.Sources[1].Title = specials
	d.Sources[1].Author = "Reporters and Editors"
}

// specials is a title of the characters TeX and BibTeX treat specially, a
// fictional fixture.
const specials = `Braces } { and back\slash: 50% & #1 $x_y^z ~ @misc{x, (fictional fixture)`

// nodeModules returns the node_modules directory holding ajv, citeproc
// and citation-js, skipping or failing as tool does when there is none.
func nodeModules(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("COIBRIEF_NODE_MODULES")
	if dir == "" {
		dir = "/tmp/nodemods/node_modules"
	}
	for _, m := range []string{"ajv", "citeproc", "@citation-js/core", "@citation-js/plugin-csl"} {
		if _, err := os.Stat(filepath.Join(dir, m)); err != nil {
			if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
				t.Fatalf("npm package %s is required (COIBRIEF_REQUIRE_TOOLS=1) but not in %s (set COIBRIEF_NODE_MODULES)", m, dir)
			}
			t.Skipf("npm package %s not in %s (set COIBRIEF_NODE_MODULES); skipping", m, dir)
		}
	}
	return dir
}
