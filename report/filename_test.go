package report_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/unicode/norm"
)

func ExampleFileStem() {
	for _, id := range []string{"kz-2022-01", "Алматы", "../x", "kz/2022", "CON", ""} {
		fmt.Printf("%q: %s\n", id, report.FileStem(id))
	}
	fmt.Println(report.FileName("kz-2022-01-almaty", ".fr.pdf"))
	// Output:
	// "kz-2022-01": kz-2022-01
	// "Алматы": Алматы
	// "../x": x-d6b96a97
	// "kz/2022": kz-2022-55bbd600
	// "CON": CON_-a3dbc4b6
	// "": dossier-e3b0c442
	// kz-2022-01-almaty.fr.pdf
}

func TestFileStem(t *testing.T) {
	long := strings.Repeat("é", 100) // 200 bytes
	for _, tt := range []struct{ in, want string }{
		{"kz-2022-01", "kz-2022-01"},
		{"kz.2022_01", "kz.2022_01"},
		{"Алматы-қаласы", "Алматы-қаласы"},
		{"..", "dossier-5ec1f7e7"},
		{".", "dossier-cdb4ee2a"},
		{"../x", "x-d6b96a97"},
		{"../coibrief-escaped", "coibrief-escaped-a3c6a99d"},
		{"/abs/path", "abs-path-6d80187b"},
		{`a\b`, "a-b-c62016d0"},
		{"kz/2022", "kz-2022-55bbd600"},
		{"x/../../name", "x-name-88492aef"},
		{"a\x00b", "a-b-59b271ae"},
		{"a:b*c?d\"e<f>g|h", "a-b-c-d-e-f-g-h-cc2608f9"},
		{"a b\tc\nd", "a-b-c-d-1205bffe"},
		{"\xff\xfe", "dossier-b3d510ef"},
		{"", "dossier-e3b0c442"},
		{"-.-", "dossier-c3ba3324"},
		{".hidden", "hidden-16924190"},
		{"-rf", "rf-686c39ac"},
		{"a..b--c__d", "a.b-c_d-adad4f9c"},
		{"trailing.", "trailing-44c12a4e"},
		{"trailing_", "trailing_"},
		{"CON", "CON_-a3dbc4b6"},
		{"con", "con_-1143da2b"},
		{"nul.txt", "nul_.txt-7f3cbdd5"},
		{"Com1.tar.gz", "Com1_.tar.gz-d4723656"},
		{"lpt9", "lpt9_-06f4d3cd"},
		{"CONSOLE", "CONSOLE"},
		{"com10", "com10"},
		{"e\u0301te", "\u00e9te-582783ae"}, // decomposed: made NFC, so changed
		{"\u00e9te", "\u00e9te"},
		{"\u0301x", "x-2f9e1ecc"},                     // a mark with no letter before it
		{long, strings.Repeat("é", 55) + "-f42ec48e"}, // 200 bytes, cut
	} {
		if got := report.FileStem(tt.in); got != tt.want {
			t.Errorf("FileStem(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestFileNameProperties checks what every name FileName returns is,
// whatever the input: short, safe, normalized and distinct.
func TestFileNameProperties(t *testing.T) {
	inputs := []string{
		"..", "../x", "/abs/path", `a\b`, "kz/2022", "a\x00b", "CON", "nul.txt", "",
		strings.Repeat("a", 200), strings.Repeat("a", 255), strings.Repeat("a", 201),
		strings.Repeat("é", 100), strings.Repeat("e\u0301", 100), strings.Repeat("𝄞", 60),
		strings.Repeat("x/", 128), strings.Repeat("a", 111), strings.Repeat("a", 112),
		"kz-2022-01", "kz-2022-01-almaty-from-2022-01-04-to-2022-01-07",
		strings.Repeat("क्षि", 40), // marks after letters, cut between them
	}
	seen := map[string]string{}
	for _, ext := range []string{"", ".fr.pdf", ".fr-en.sequential.pdf", "/../x.pdf", strings.Repeat(".x", 50)} {
		for _, in := range inputs {
			got := report.FileName(in, ext)
			if len(got) > report.MaxFileName || !utf8.ValidString(got) || !norm.NFC.IsNormalString(got) {
				t.Errorf("FileName(%q, %q) = %q: %d bytes, or not valid NFC", in, ext, got, len(got))
			}
			if strings.ContainsAny(got, "/\\\x00:") || strings.Contains(got, "..") || strings.HasPrefix(got, ".") || strings.HasPrefix(got, "-") {
				t.Errorf("FileName(%q, %q) = %q is unsafe", in, ext, got)
			}
			if ext == "" && got != report.FileStem(in) {
				t.Errorf("FileName(%q, \"\") = %q, FileStem %q", in, got, report.FileStem(in))
			}
			if other, dup := seen[got]; dup && other != in {
				t.Errorf("FileName(%q, %q) = FileName(%q, …) = %q", in, ext, other, got)
			}
			seen[got] = in
		}
	}
	// The longest id a dossier may have fits with any extension the
	// briefing program adds.
	id := strings.Repeat("a", 200)
	if got := report.FileName(id, ".fr-en.sequential.pdf"); got != strings.Repeat("a", 90)+"-c2a908d9.fr-en.sequential.pdf" {
		t.Errorf("a 200-byte id: %q", got)
	}
	// A name that fits stays whole; one byte more and it is shortened.
	fit := strings.Repeat("a", report.MaxFileName-len(".pdf"))
	if got := report.FileName(fit, ".pdf"); got != fit+".pdf" {
		t.Errorf("a name of %d bytes was changed: %q", report.MaxFileName, got)
	}
	if got := report.FileName(fit+"a", ".pdf"); len(got) != report.MaxFileName || !strings.HasSuffix(got, ".pdf") {
		t.Errorf("a name of %d bytes: %q (%d bytes)", report.MaxFileName+1, got, len(got))
	}
}
