package workbook_test

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/coibrief/coibrief/model/workbook"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"
)

var docs = flag.Bool("docs", false, "write docs/authoring.png, the chronology sheet as LibreOffice prints it")

// TestDocs draws the first entries of the Kazakhstan dossier's
// chronology sheet, as LibreOffice prints it, for the README (with
// -docs; needs soffice and pdftoppm).
func TestDocs(t *testing.T) {
	if !*docs {
		t.Skip("run with -docs to draw docs/authoring.png")
	}
	var b bytes.Buffer
	if err := workbook.Write(&b, kazakhstanDossier(t), workbook.Options{Language: language.English}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	// The picture shows the chronology's first columns and rows, on a
	// page large enough to hold them near their size.
	for _, name := range f.GetSheetList() {
		if name != "Chronology" {
			if err := f.DeleteSheet(name); err != nil {
				t.Fatal(err)
			}
		}
	}
	orient, size := "landscape", 8 // A3
	if err := f.SetPageLayout("Chronology", &excelize.PageLayoutOptions{Orientation: &orient, Size: &size}); err != nil {
		t.Fatal(err)
	}
	// Two columns a reader needs least, to make room for the sources.
	for _, head := range []string{"Day until", "Time"} {
		c := column(t, f, "Chronology", head)
		if err := f.SetColVisible("Chronology", c, false); err != nil {
			t.Fatal(err)
		}
	}
	last := column(t, f, "Chronology", "Sources")
	err = f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: "'Chronology'!$A$1:$" + last + "$" + strconv.Itoa(9), Scope: "Chronology"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "chronology.xlsx")
	if err := f.SaveAs(in); err != nil {
		t.Fatal(err)
	}
	run := func(name string, args ...string) {
		t.Helper()
		if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
	}
	run("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", dir, in)
	run("pdftoppm", "-f", "1", "-l", "1", "-png", "-r", "60", "-singlefile", filepath.Join(dir, "chronology.pdf"), filepath.Join(dir, "page"))
	png, err := os.ReadFile(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join("..", "..", "docs", "authoring.png")
	if err := os.WriteFile(out, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes)", out, len(png))
}
