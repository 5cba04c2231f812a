package pdf

import (
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// pdfboxJars are Debian's Apache PDFBox 2 (libpdfbox2-java) and what it
// needs.
var pdfboxJars = []string{"/usr/share/java/pdfbox2.jar", "/usr/share/java/fontbox2.jar", "/usr/share/java/commons-logging.jar"}

// boxElem is a structure element as PDFBox reads it.
type boxElem struct {
	depth             int
	role              string
	mcids, objrs      int
	lang, alt, actual string
}

type boxFile struct {
	head  string // the FILE line's fields after the path
	elems []boxElem
}

// TestPDFBox opens every edition of the Kazakhstan briefing and of the
// example dossiers with Apache PDFBox 2 (testdata/StructWalk.java, one
// JVM for all files) and checks the structure tree it reads against the
// one this package's reader reads: the same elements, roles and marked
// content in the same order, Notes for the footnote calls, Figures with
// /Alt, the other language's blocks with their /Lang, and the parent
// tree resolving every page.
func TestPDFBox(t *testing.T) {
	java := needTaggingTool(t, "java", "default-jre-headless")
	javac := needTaggingTool(t, "javac", "default-jdk-headless")
	for _, j := range pdfboxJars {
		if _, err := os.Stat(j); err != nil {
			if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
				t.Fatalf("%s is required (COIBRIEF_REQUIRE_TOOLS=1): apt-get install libpdfbox2-java", j)
			}
			t.Skipf("%s not installed (apt-get install libpdfbox2-java); skipping", j)
		}
	}
	dir := t.TempDir()
	cp := strings.Join(pdfboxJars, ":")
	if out, err := exec.Command(javac, "-nowarn", "-cp", cp, "-d", dir, filepath.Join("testdata", "StructWalk.java")).CombinedOutput(); err != nil {
		t.Fatalf("javac: %v\n%s", err, out)
	}
	eds := taggedEditions(t)
	names := slices.Sorted(maps.Keys(eds))
	args := []string{"-cp", dir + ":" + cp, "StructWalk"}
	for _, name := range names {
		p := filepath.Join(dir, name+".pdf")
		if err := os.WriteFile(p, eds[name], 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	out, err := exec.Command(java, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("java StructWalk: %v\n%.2000s", err, out)
	}
	files, err := parseStructWalk(string(out), dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		bf, ok := files[name]
		if !ok {
			t.Errorf("%s: not read by PDFBox", name)
			continue
		}
		if err := checkPDFBox(name, eds[name], bf); err != nil {
			t.Errorf("%s: PDFBox: %v", name, err)
		}
		roles := map[string]int{}
		for _, e := range bf.elems {
			roles[e.role]++
		}
		t.Logf("%s: %s, %d elements: %d Notes, %d References, %d Links, %d Figures", name, bf.head, len(bf.elems), roles["Note"], roles["Reference"], roles["Link"], roles["Figure"])
	}
}

// parseStructWalk reads StructWalk's output, by file name without .pdf.
func parseStructWalk(out, dir string) (map[string]*boxFile, error) {
	files := map[string]*boxFile{}
	var cur *boxFile
	for line := range strings.Lines(out) {
		fs := strings.Split(strings.TrimRight(line, "\n"), "\t")
		name := func() string { return strings.TrimSuffix(strings.TrimPrefix(fs[1], dir+"/"), ".pdf") }
		switch fs[0] {
		case "ERROR":
			return nil, fmt.Errorf("PDFBox: %s", line)
		case "FILE":
			cur = &boxFile{head: strings.Join(fs[2:], " ")}
			files[name()] = cur
		case "E":
			if cur == nil || len(fs) != 8 {
				return nil, fmt.Errorf("StructWalk: line %q", line)
			}
			depth, _ := strconv.Atoi(fs[1])
			mcids, _ := strconv.Atoi(fs[3])
			objrs, _ := strconv.Atoi(fs[4])
			cur.elems = append(cur.elems, boxElem{depth, fs[2], mcids, objrs, fs[5], fs[6], fs[7]})
		default:
			// PDFBox's own warnings, if any
		}
	}
	return files, nil
}

// checkPDFBox compares what PDFBox read of a file with what readTree
// reads.
func checkPDFBox(name string, data []byte, bf *boxFile) error {
	r, err := readTree(data)
	if err != nil {
		return err
	}
	pages, _ := r.f.dict(int(r.cat.get("Pages").(pref)))
	count, _ := intOf(pages.get("Count"))
	lang := decodeText(r.cat.get("Lang").(pstring))
	if want := fmt.Sprintf("pages=%d marked=true lang=%s title=true parents=%d", count, lang, count); bf.head != want {
		return fmt.Errorf("%q; want %q", bf.head, want)
	}
	if len(bf.elems) != len(r.elems) {
		return fmt.Errorf("%d elements; this package's reader reads %d", len(bf.elems), len(r.elems))
	}
	mcids, roles := 0, map[string]int{}
	otherLang := 0
	for i, e := range bf.elems {
		if e.role != r.elems[i].role {
			return fmt.Errorf("element %d is a %s; this package's reader reads a %s", i, e.role, r.elems[i].role)
		}
		mcids += e.mcids
		roles[e.role]++
		if e.role == "Figure" && len([]rune(e.alt)) < 20 {
			return fmt.Errorf("a Figure with the alternative text %q", e.alt)
		}
		if e.lang != "-" && e.lang != lang {
			otherLang++
		}
		if (e.role == "Link") != (e.objrs == 1) {
			return fmt.Errorf("element %d, a %s, with %d annotations", i, e.role, e.objrs)
		}
	}
	if bf.elems[0].role != "Document" || bf.elems[0].depth != 0 {
		return fmt.Errorf("the tree starts with %v", bf.elems[0])
	}
	if mcids != len(r.mcrs) {
		return fmt.Errorf("%d marked-content references; the pages hold %d", mcids, len(r.mcrs))
	}
	for _, role := range []string{"H1", "P", "Sect", "Link"} {
		if roles[role] == 0 {
			return fmt.Errorf("no %s", role)
		}
	}
	if roles["Reference"] < roles["Note"] {
		return fmt.Errorf("%d footnote calls for %d notes", roles["Reference"], roles["Note"])
	}
	if strings.HasPrefix(name, "kz.") && (roles["Note"] == 0 || roles["Figure"] < 2) {
		return fmt.Errorf("%d notes, %d figures", roles["Note"], roles["Figure"])
	}
	twoLangs := strings.Contains(name, "parallel") || strings.Contains(name, "sequential") || strings.Contains(name, "pdfa")
	if twoLangs && otherLang < 20 {
		return fmt.Errorf("%d elements in the other language", otherLang)
	}
	return nil
}
