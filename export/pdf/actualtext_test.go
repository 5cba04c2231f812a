package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// TestActualText renders the scripts dossier (testdata/scripts.json)
// with the system's fonts and reads back, from the structure tree, the
// /ActualText of the Spans around the lines the shaper set: the Arabic
// and Hebrew quotations come back word by word in logical order, with
// this package's reader and, when installed, with pikepdf.
func TestActualText(t *testing.T) {
	for _, f := range []string{"truetype/noto/NotoNaskhArabic-Regular.ttf", "truetype/noto/NotoSansEthiopic-Regular.ttf"} {
		if _, err := os.Stat(filepath.Join("/usr/share/fonts", f)); err != nil {
			if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
				t.Fatalf("%s is required (COIBRIEF_REQUIRE_TOOLS=1): apt-get install fonts-noto-core", f)
			}
			t.Skipf("%s not installed (apt-get install fonts-noto-core); skipping", f)
		}
	}
	set, err := LoadFonts("/usr/share/fonts")
	if err != nil {
		t.Fatal(err)
	}
	d, issues, err := model.LoadFile("testdata/scripts.json")
	if err != nil || issues.Err() != nil {
		t.Fatal(err, issues.Err())
	}
	doc, err := report.Build(d, report.Options{Languages: []language.Tag{language.French, language.English}})
	if err != nil {
		t.Fatal(err)
	}
	data, _, err := Render(doc, Options{Fonts: set})
	if err != nil {
		t.Fatal(err)
	}
	if err := checkTagged(data, false); err != nil {
		t.Fatal(err)
	}
	tr, err := readTree(data)
	if err != nil {
		t.Fatal(err)
	}
	var actual []string
	for _, e := range tr.elems {
		if s, ok := e.d.get("ActualText").(pstring); ok {
			if e.role != "Span" {
				t.Errorf("/ActualText on a %s", e.role)
			}
			actual = append(actual, decodeText(s))
		}
	}
	quotes := []string{"نحن ملتزمون بحماية المتظاهرين", "אנחנו מחויבים להגנה", "ნინო ბერიძე", "Արամ Պետրոսյան", "আমিনা রহমান"}
	check := func(reader string, actual []string) {
		all := strings.Join(actual, "\n")
		for _, q := range quotes {
			ws := strings.Fields(q)
			for i, w := range ws {
				if !strings.Contains(all, w) {
					t.Errorf("%s: no /ActualText holds %q", reader, w)
				}
				// two words on one line are in logical order
				if i > 0 && strings.Contains(all, ws[i-1]+" ") && !strings.Contains(all, ws[i-1]+" "+w) && strings.Contains(all, w+" "+ws[i-1]) {
					t.Errorf("%s: %q and %q in visual order", reader, ws[i-1], w)
				}
			}
		}
	}
	if len(actual) == 0 {
		t.Fatal("no /ActualText")
	}
	check("reader", actual)
	for _, a := range actual {
		if strings.Contains(a, "نحن") {
			t.Logf("%d Spans with /ActualText, among them %q", len(actual), a)
			break
		}
	}

	py, err := exec.LookPath("/usr/bin/python3")
	if err != nil || exec.Command(py, "-c", "import pikepdf").Run() != nil {
		if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
			t.Fatalf("pikepdf is required (COIBRIEF_REQUIRE_TOOLS=1): apt-get install python3-pikepdf")
		}
		t.Skip("pikepdf not installed (apt-get install python3-pikepdf); this package's reader passed")
	}
	p := filepath.Join(t.TempDir(), "scripts.pdf")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "-c", pikeActualText, p).CombinedOutput()
	if err != nil {
		t.Fatalf("pikepdf: %v\n%s", err, out)
	}
	got := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(got) != len(actual) {
		t.Errorf("pikepdf reads %d /ActualText; this package's reader %d", len(got), len(actual))
	}
	check("pikepdf", got)
}

// pikeActualText prints the /ActualText of the structure elements, one a
// line, in reading order.
const pikeActualText = `
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
def walk(e):
    if "/ActualText" in e:
        print(str(e.ActualText).replace("\n", " "))
    k = e.get("/K")
    if isinstance(k, pikepdf.Array):
        for c in k:
            if isinstance(c, pikepdf.Dictionary) and c.get("/Type") not in ("/MCR", "/OBJR"):
                walk(c)
walk(pdf.Root.StructTreeRoot.K[0])
`
