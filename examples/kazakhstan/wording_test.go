package kazakhstan_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/unicode/norm"
)

// seedsDir holds the documents the dossier restates: the note of 22
// February 2022 and the secondary web summary. CI keeps it beside the
// repository; a plain clone may not have it.
const seedsDir = "../../../shared/seeds"

// runLen is the number of consecutive words that a text of the dossier
// may not share with the documents it restates.
const runLen = 8

// wordingException allows one run of words that a text of the dossier
// shares with a source document.
type wordingException struct {
	path   string // the text, as model.EachString names it
	run    string // the shared words (normalised when compared)
	reason string
}

// azattyk14 is how the note cites, without telling them apart, the two
// Radio Azattyk items of 14 January 2022; errata quote it.
const azattyk14 = "Radio Azattyk (Groupe Radio Free Europe/ Radio Liberty), 14/01/2022"

// printedCitation is why an erratum may repeat the note's citation.
const printedCitation = "quotation: an erratum's printed field gives the note's ambiguous citation as printed"

// wordingExceptions are the shared runs that are not the dossier's
// sentences: quotations, lists of names, legal references. Reword a text
// rather than add to this list.
var wordingExceptions = []wordingException{
	{"disclaimer.fr", "article L. 335-3 du code de la propriété intellectuelle",
		"legal reference: the article of the French Intellectual Property Code"},
	{"chronology[1].entries[2].text.fr", "Akshukyr, Chetpe, Kyzyl Tobe, Fort Chevtchenko, Tyshchybek, Kuryk",
		"list of names: the villages of Mangystau Region where residents posted videos"},
	{"chronology[5].entries[6].text.fr", "Nous sommes des manifestants pacifiques ! Nous ne sommes pas des terroristes !",
		"quotation: the protesters' banner, in quotation marks"},
	{"sections[1].paragraphs[12].text.fr", "le but [...] était de détruire l’intégrité du pays",
		"quotation: NAZARBAYEV's words of 18 January, in quotation marks"},
	{"sections[2].paragraphs[3].text.fr", "était présente pour protéger les civils qui manifestaient pacifiquement",
		"quotation: the ambassador's words reported by Novastan, in quotation marks"},
	{"sources[0].outlet", "France, ministère de l'Europe et des Affaires étrangères",
		"name: the ministry that published the source"},
	{"errata[0].printed", azattyk14, printedCitation},
	{"errata[1].printed", azattyk14, printedCitation},
	{"errata[2].printed", azattyk14, printedCitation},
	{"errata[3].printed", azattyk14, printedCitation},
	{"errata[4].printed", azattyk14, printedCitation},
	{"errata[5].printed", azattyk14, printedCitation},
	{"errata[6].printed", azattyk14, printedCitation},
	{"errata[7].printed", azattyk14, printedCitation},
}

// untranslated are the texts that are facts rather than sentences of the
// dossier: a source's title in its own language is printed as the source
// printed it.
var untranslated = regexp.MustCompile(`^sources\[\d+\]\.title$`)

// TestOwnWording checks that no French or English text of the dossier
// shares a run of runLen consecutive words with the note or the summary
// it is built from: the dossier restates their facts in its own words.
func TestOwnWording(t *testing.T) {
	seeds := readSeeds(t)
	d, _ := load(t)

	type run struct {
		path    string
		words   []string
		windows int
	}
	var runs []run
	texts, titleWindows := 0, 0
	err := model.EachString(d, func(path, s string) error {
		words := normWords(s)
		title := untranslated.MatchString(path)
		shared := 0
		start, end := -1, -1 // the current run of shared words: words[start:end]
		flush := func() {
			if start >= 0 && !title {
				runs = append(runs, run{path, words[start:end], end - start - runLen + 1})
			}
		}
		for i := 0; i+runLen <= len(words); i++ {
			if !seeds[strings.Join(words[i:i+runLen], " ")] {
				continue
			}
			shared++
			if start >= 0 && i == end-runLen+1 {
				end++ // overlaps the previous shared window
				continue
			}
			flush()
			start, end = i, i+runLen
		}
		flush()
		switch {
		case title:
			titleWindows += shared
		case shared > 0:
			texts++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// The note prints every title; finding none of them would mean that
	// the documents were not read as expected.
	if titleWindows == 0 {
		t.Fatalf("no source title of the dossier shares %d words with %s: are these the documents it restates?", runLen, seedsDir)
	}

	used := make([]bool, len(wordingExceptions))
	windows, excused := 0, 0
	for _, r := range runs {
		windows += r.windows
		text := strings.Join(r.words, " ")
		ok := false
		for i, e := range wordingExceptions {
			if e.path == r.path && strings.Contains(" "+strings.Join(normWords(e.run), " ")+" ", " "+text+" ") {
				used[i], ok = true, true
				break
			}
		}
		if ok {
			excused += r.windows
			continue
		}
		t.Errorf("%s shares %d words with the source documents: %q", r.path, len(r.words), text)
	}
	for i, e := range wordingExceptions {
		if !used[i] {
			t.Errorf("exception for %s (%q) no longer matches a shared run: remove it", e.path, e.run)
		}
	}
	t.Logf("%d runs of %d words shared with the source documents before exceptions (%d maximal runs in %d texts); %d excused by %d exceptions",
		windows, runLen, len(runs), texts, excused, len(wordingExceptions))
}

// readSeeds returns every run of runLen words of the documents in
// seedsDir, normalised. It skips the test when the folder is absent,
// unless COIBRIEF_REQUIRE_TOOLS=1.
func readSeeds(t *testing.T) map[string]bool {
	t.Helper()
	if _, err := os.Stat(seedsDir); errors.Is(err, fs.ErrNotExist) {
		if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
			t.Fatalf("the source documents are required (COIBRIEF_REQUIRE_TOOLS=1) but %s is absent", seedsDir)
		}
		t.Skipf("wording not compared with the source documents: %s is absent (set COIBRIEF_REQUIRE_TOOLS=1 to fail instead)", seedsDir)
	} else if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 2 {
		t.Fatalf("%s holds %d text files; want the note and the secondary summary", seedsDir, len(files))
	}
	grams := map[string]bool{}
	add := func(words []string) {
		for i := 0; i+runLen <= len(words); i++ {
			grams[strings.Join(words[i:i+runLen], " ")] = true
		}
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		add(normWords(strings.Join(lines, " ")))
		// A page break puts footnotes in the middle of a paragraph: read
		// the text again without them, so that its halves join.
		body := slices.DeleteFunc(lines, func(l string) bool {
			r := []rune(strings.TrimSpace(l))
			return len(r) > 0 && isFootnoteCall(r[0])
		})
		add(normWords(strings.Join(body, " ")))
	}
	return grams
}

// isFootnoteCall reports whether r is a superscript digit, as the note
// prints its footnote calls.
func isFootnoteCall(r rune) bool {
	return strings.ContainsRune("⁰¹²³⁴⁵⁶⁷⁸⁹", r)
}

// normWords splits s into words for comparison: footnote calls removed,
// NFKC, lower case, apostrophes unified, quotes and other punctuation
// dropped, words split on spaces.
func normWords(s string) []string {
	s = strings.Map(func(r rune) rune {
		if isFootnoteCall(r) {
			return ' '
		}
		return r
	}, s)
	s = strings.ToLower(norm.NFKC.String(s))
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\'', '’', '‘', 'ʼ', '′', '`', '´':
			return '\''
		}
		if unicode.IsPunct(r) {
			return -1
		}
		return r
	}, s)
	words := strings.Fields(s)
	out := words[:0]
	for _, w := range words {
		if w = strings.Trim(w, "'"); w != "" {
			out = append(out, w)
		}
	}
	return out
}
