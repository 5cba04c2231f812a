package biblio_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/coibrief/coibrief/export/biblio"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

func write(t *testing.T, doc *report.Document, opt biblio.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := biblio.Write(&buf, doc, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// parsed is an entry as a reader gives it back.
type parsed struct {
	ID, Key, Title, Original, URL string
	Type                          string
}

// readers is what testdata/readers.js prints.
type readers struct {
	Valid        *bool
	Errors       []any
	Bibliography []string
	BibErrors    []any
	Parsed       []parsed
}

// nodeRun holds what readers.js said of the files of every document, by
// document name and format, read once for all tests: node and citation-js
// take a second to start.
var nodeRun struct {
	sync.Mutex
	done    bool
	results map[string]readers
	err     string
}

// node returns what readers.js says of doc's file in format ("csl",
// "ris", "biblatex" or "bibtex"), skipping or failing when node or the
// npm packages are missing.
func node(t *testing.T, name, format string) readers {
	t.Helper()
	tool(t, "node", "apt-get install nodejs")
	mods := nodeModules(t)
	nodeRun.Lock()
	defer nodeRun.Unlock()
	if !nodeRun.done {
		nodeRun.done = true
		nodeRun.results = map[string]readers{}
		dir, err := os.MkdirTemp("", "biblio-readers-")
		if err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(dir)
		abs, _ := filepath.Abs("testdata")
		args := []string{filepath.Join(abs, "readers.js"), filepath.Join(abs, "csl-data.json")}
		var keys []string
		docs := documents(t)
		names := make([]string, 0, len(docs))
		for n := range docs {
			names = append(names, n)
		}
		slices.Sort(names)
		for i, n := range names {
			for _, f := range []biblio.Format{biblio.CSL, biblio.RIS, biblio.BibLaTeX, biblio.BibTeX} {
				file := filepath.Join(dir, fmt.Sprintf("%d.%s%s", i, f, f.Ext()))
				if err := os.WriteFile(file, write(t, docs[n], biblio.Options{Format: f}), 0o644); err != nil {
					t.Fatal(err)
				}
				kind := map[biblio.Format]string{biblio.CSL: "csl", biblio.RIS: "ris", biblio.BibLaTeX: "bib", biblio.BibTeX: "bib"}[f]
				args = append(args, kind+":"+file)
				keys = append(keys, n+"/"+f.String())
			}
		}
		cmd := exec.Command("node", args...)
		cmd.Env = append(os.Environ(), "NODE_PATH="+mods)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		var rs []readers
		if err == nil {
			err = json.Unmarshal(out, &rs)
		}
		switch {
		case err != nil:
			nodeRun.err = fmt.Sprintf("node readers.js: %v\n%s", err, stderr.Bytes())
		case len(rs) != len(keys):
			nodeRun.err = fmt.Sprintf("node readers.js read %d files of %d", len(rs), len(keys))
		default:
			for i, k := range keys {
				nodeRun.results[k] = rs[i]
			}
		}
	}
	if nodeRun.err != "" {
		t.Fatal(nodeRun.err)
	}
	r, ok := nodeRun.results[name+"/"+format]
	if !ok {
		t.Fatalf("readers.js did not read %s/%s", name, format)
	}
	return r
}

// titles returns what the briefing's bibliography holds: ids, original
// titles and translations in the language of index lang.
func titles(doc *report.Document) (ids, originals, translations []string) {
	for _, s := range doc.Sources {
		ids = append(ids, string(s.ID))
		originals = append(originals, s.Title)
		translations = append(translations, s.Translation[0])
	}
	return
}

func temp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// nonLatin reports whether s has letters of a script other than Latin,
// the texts whose bytes these tests follow most closely.
func nonLatin(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) }) >= 0
}

// TestCSL validates the CSL-JSON of every briefing against the CSL
// schema with ajv, renders it with citeproc-js and the APA style, and
// parses it with citation-js: the same ids and titles come back.
func TestCSL(t *testing.T) {
	scripts := 0
	for name, doc := range documents(t) {
		t.Run(name, func(t *testing.T) {
			r := node(t, name, "csl")
			if r.Valid == nil || !*r.Valid {
				t.Fatalf("the CSL schema refuses the file: %v", r.Errors)
			}
			if len(r.Bibliography) != len(doc.Sources) || len(r.BibErrors) > 0 {
				t.Fatalf("citeproc rendered %d entries of %d, errors %v", len(r.Bibliography), len(doc.Sources), r.BibErrors)
			}
			ids, originals, translations := titles(doc)
			var gotIDs []string
			for i, p := range r.Parsed {
				gotIDs = append(gotIDs, p.ID)
				if i >= len(ids) {
					break
				}
				want, orig := originals[i], ""
				if translations[i] != "" {
					want, orig = translations[i], originals[i]
				}
				if p.Title != want || p.Original != orig {
					t.Errorf("%s: citation-js read title %q, original %q; want %q, %q", ids[i], p.Title, p.Original, want, orig)
				}
				if nonLatin(originals[i]) {
					scripts++
					if !strings.Contains(strings.Join(r.Bibliography, ""), strings.Fields(translations[i] + " " + originals[i])[0]) {
						t.Errorf("%s: the rendered bibliography lacks its title", ids[i])
					}
				}
			}
			if !slices.Equal(gotIDs, ids) {
				t.Fatalf("citation-js read ids %v; want %v", gotIDs, ids)
			}
		})
	}
	if scripts == 0 && !t.Skipped() {
		t.Error("no title in a non-Latin script was checked")
	}
}

// TestRIS parses the RIS of every briefing with citation-js: ids and
// original titles come back.
func TestRIS(t *testing.T) {
	for name, doc := range documents(t) {
		t.Run(name, func(t *testing.T) {
			r := node(t, name, "ris")
			ids, originals, _ := titles(doc)
			if len(r.Parsed) != len(ids) {
				t.Fatalf("citation-js read %d records; want %d", len(r.Parsed), len(ids))
			}
			// citation-js reads TT as CSL's title and TI as its
			// original-title, as package biblio writes CSL-JSON.
			_, _, translations := titles(doc)
			for i, p := range r.Parsed {
				want, orig := originals[i], ""
				if translations[i] != "" {
					want, orig = translations[i], originals[i]
				}
				if p.ID != ids[i] || p.Title != want || p.Original != orig {
					t.Errorf("record %d: got %s %q (original %q); want %s %q (%q)", i, p.ID, p.Title, p.Original, ids[i], want, orig)
				}
			}
		})
	}
}

// TestBib reads the BibLaTeX and BibTeX files of every briefing with
// citation-js, Debian's python3-bibtexparser and biber --tool.
func TestBib(t *testing.T) {
	for name, doc := range documents(t) {
		for _, f := range []biblio.Format{biblio.BibLaTeX, biblio.BibTeX} {
			t.Run(name+"/"+f.String(), func(t *testing.T) {
				data := write(t, doc, biblio.Options{Format: f})
				file := temp(t, "bib.bib", data)
				ids, originals, translations := titles(doc)
				want := make([]string, len(ids))
				for i := range ids {
					want[i] = originals[i]
					if f == biblio.BibTeX && translations[i] != "" {
						want[i] += " [" + translations[i] + "]"
					}
				}
				t.Run("citation-js", func(t *testing.T) {
					r := node(t, name, f.String())
					if len(r.Parsed) != len(ids) {
						t.Fatalf("citation-js read %d entries; want %d", len(r.Parsed), len(ids))
					}
					// citation-js's BibTeX reader turns a narrow no-break
					// space (U+202F) into a space; bibtexparser and biber keep it.
					narrow := strings.NewReplacer("\u202f", " ")
					for i, p := range r.Parsed {
						if p.Key != ids[i] || p.Title != narrow.Replace(want[i]) {
							t.Errorf("entry %d: got %s %q; want %s %q", i, p.Key, p.Title, ids[i], want[i])
						}
					}
				})
				t.Run("bibtexparser", func(t *testing.T) {
					py := tool(t, "/usr/bin/python3", "apt-get install python3-bibtexparser")
					out, err := exec.Command(py, "testdata/read_bib.py", file).CombinedOutput()
					if err != nil {
						t.Fatalf("bibtexparser: %v\n%s", err, out)
					}
					var got []parsed
					if err := json.Unmarshal(out, &got); err != nil {
						t.Fatalf("%v\n%s", err, out)
					}
					if len(got) != len(ids) {
						t.Fatalf("bibtexparser read %d entries; want %d", len(got), len(ids))
					}
					for i, p := range got {
						if p.ID != ids[i] || p.Title != want[i] {
							t.Errorf("entry %d: got %s %q; want %s %q", i, p.ID, p.Title, ids[i], want[i])
						}
					}
				})
				t.Run("biber", func(t *testing.T) {
					biber := tool(t, "biber", "apt-get install biber")
					if raceEnabled && name != "kazakhstan-fr" {
						// Writing a .bib runs no goroutine: biber reads
						// every file in the plain run, one under -race.
						t.Skip("under -race, biber reads the French Kazakhstan file only")
					}
					// biber takes a second or two to start: two at a time.
					t.Parallel()
					dir := t.TempDir()
					if err := os.WriteFile(filepath.Join(dir, "in.bib"), data, 0o644); err != nil {
						t.Fatal(err)
					}
					cmd := exec.Command(biber, "--tool", "--validate-datamodel", "--output-file=out.bib", "in.bib")
					cmd.Dir = dir
					out, err := cmd.CombinedOutput()
					if err != nil {
						t.Fatalf("biber: %v\n%s", err, out)
					}
					for _, l := range strings.Split(string(out), "\n") {
						if strings.HasPrefix(l, "ERROR") || strings.HasPrefix(l, "WARN") && !biberExpected(l) {
							t.Errorf("biber: %s", l)
						}
					}
					back, err := os.ReadFile(filepath.Join(dir, "out.bib"))
					if err != nil {
						t.Fatal(err)
					}
					for i, id := range ids {
						if !bytes.Contains(back, []byte("{"+id+",")) {
							t.Errorf("biber's output lacks %s", id)
						}
						if nonLatin(originals[i]) && !bytes.Contains(back, []byte(strings.Fields(originals[i])[0])) {
							t.Errorf("biber's output lacks the title of %s, %q", id, originals[i])
						}
					}
				})
			})
		}
	}
}

// biberExpected reports whether a warning of biber's data model check is
// one the mapping accepts: sources name no person as author, and some
// have no address.
func biberExpected(l string) bool {
	return strings.Contains(l, "Missing mandatory field 'author'") ||
		strings.Contains(l, "Missing mandatory field - one of 'url, doi, eprint'") ||
		strings.Contains(l, "Missing mandatory field 'journaltitle'")
}

func TestDeterministic(t *testing.T) {
	doc := documents(t)["kazakhstan-fr"]
	for _, f := range []biblio.Format{biblio.CSL, biblio.RIS, biblio.BibLaTeX, biblio.BibTeX} {
		if a, b := write(t, doc, biblio.Options{Format: f}), write(t, doc, biblio.Options{Format: f}); !bytes.Equal(a, b) {
			t.Errorf("%s: two writes differ", f)
		}
	}
}

func TestErrors(t *testing.T) {
	doc := documents(t)["kazakhstan-fr"]
	for _, c := range []struct {
		doc  *report.Document
		opt  biblio.Options
		want string
	}{
		{nil, biblio.Options{}, "biblio: invalid options: nil document"},
		{doc, biblio.Options{Format: 9}, "biblio: invalid options: unknown format Format(9)"},
		{doc, biblio.Options{Language: language.German}, "biblio: invalid options: language de; the document has [fr]"},
	} {
		err := biblio.Write(&bytes.Buffer{}, c.doc, c.opt)
		if !errors.Is(err, biblio.ErrOptions) || err.Error() != c.want {
			t.Errorf("got %v; want %s", err, c.want)
		}
	}
	if err := biblio.Write(nil, doc, biblio.Options{}); !errors.Is(err, biblio.ErrOptions) {
		t.Errorf("nil writer: got %v", err)
	}
	if _, err := biblio.ParseFormat("endnote"); err == nil || err.Error() != `biblio: invalid options: unknown format "endnote" (want csl, ris, biblatex, bibtex)` {
		t.Errorf("ParseFormat: got %v", err)
	}
}
