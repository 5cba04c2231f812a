package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/export/html"
	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/export/xlsx"
	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/model/workbook"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// Exit codes.
const (
	exitOK      = 0
	exitInvalid = 1 // a bad dossier, an unknown place, a failed render or write
	exitUsage   = 2 // a bad flag or flag value
	// A signal (SIGINT, SIGTERM, SIGHUP) exits with 128 and its number,
	// as a shell reports a program the signal killed: 130, 143, 129.
)

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

type config struct {
	dossier  string
	lang     string
	edition  string
	place    string
	from, to string
	kind     string
	format   string
	out      string
	omit     string
	fonts    string
	paper    string
	validate bool
	quiet    bool
	pdfa     bool   // PDF/A-3b files with the dossier attached
	extract  string // a PDF/A file whose attached dossier to write out
	template string // write an authoring workbook to this file
	convert  string // write the dossier to this file, JSON or workbook
	since    string // an earlier version of the dossier: make update briefings
}

const usageText = `usage: briefing [flags]

Writes the briefings of a dossier — PDF notes, the same as HTML pages, and
Excel workbooks of its figures — into an output directory. With no flags:
the complete pack of the embedded Kazakhstan January 2022 dossier (French,
English and parallel PDFs and HTML pages, and a workbook per language) in
./out.

Flags:
`

func (c *config) flags(stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("briefing", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.dossier, "dossier", "", "dossier `file` in JSON, or an authoring workbook (.xlsx) (default: the embedded Kazakhstan dossier)\ne.g. -dossier crisis.json, -dossier crisis.xlsx")
	fs.StringVar(&c.template, "template", "", "write an authoring workbook, empty or with the dossier of -dossier, to this `file` (.xlsx),\nheaders in the first language of -lang, and nothing else\ne.g. -template new.xlsx, -dossier crisis.json -template crisis.xlsx")
	fs.StringVar(&c.convert, "convert", "", "write the dossier to this `file`, in JSON (.json) or as an authoring workbook (.xlsx),\nand nothing else\ne.g. -dossier crisis.xlsx -convert crisis.json")
	fs.StringVar(&c.lang, "lang", "", "`languages` of the briefings: one, or two joined by + (default: the dossier's, e.g. fr+en)\ne.g. -lang en")
	fs.StringVar(&c.edition, "edition", "", "`edition` of the PDFs and pages: single (one per language), parallel (two languages side by side)\nor sequential (one language, then the other); default: single and, with two languages, parallel\ne.g. -edition parallel")
	fs.StringVar(&c.place, "place", "", "keep the entries about this `place` (a city, or a region with its cities), in any spelling\nor alias: Shymkent, Chymkent and Шымкент all work\ne.g. -place Almaty")
	fs.StringVar(&c.from, "from", "", "keep the entries on or after this `date` (YYYY-MM-DD)\ne.g. -from 2022-01-04")
	fs.StringVar(&c.to, "to", "", "keep the entries on or before this `date` (YYYY-MM-DD)\ne.g. -to 2022-01-07")
	fs.StringVar(&c.kind, "kind", "", "keep the entries of these event `kinds`, comma-separated (riot, lethal-force, arrests, …)\ne.g. -kind lethal-force,arrests")
	fs.StringVar(&c.format, "format", "all", "what to write, one or several comma-separated: `pdf`, html (one self-contained page per PDF), xlsx,\nall (the three); data: csl (CSL-JSON), ris, bibtex, biblatex, acled (ACLED-style CSV), geojson,\njson (the dossier the briefing holds)\ne.g. -format html or -format pdf,csl,acled,geojson")
	fs.StringVar(&c.out, "out", "out", "output `directory`, created when missing\ne.g. -out /tmp/pack")
	fs.StringVar(&c.omit, "omit", "", "leave these `parts` out of the briefings, comma-separated: background, sections, notes,\nfigures, map, bibliography, errata\ne.g. -omit map,errata")
	fs.StringVar(&c.fonts, "fonts", "", "also set text in the TrueType and OpenType fonts (collections too) of this `directory`\nand its subdirectories, for the scripts the built-in fonts lack (Chinese, Devanagari, Ethiopic…)\ne.g. -fonts /usr/share/fonts")
	fs.StringVar(&c.paper, "paper", "a4", "page `size` of the PDFs: a4 or letter (US Letter)\ne.g. -paper letter")
	fs.StringVar(&c.since, "since", "", "make update briefings: list first what changed since this earlier version of the dossier (a JSON `file`,\nor a full PDF/A briefing written with -pdfa), and mark the changed paragraphs\ne.g. -dossier crisis.v2.json -since crisis.v1.json, -since out/crisis.en.pdf")
	fs.BoolVar(&c.validate, "validate", false, "check the dossier, print every problem with its location, and write nothing")
	fs.BoolVar(&c.pdfa, "pdfa", false, "write the PDFs as PDF/A-3b (archival), each with the dossier it was made from attached as JSON\n(what the briefing holds: with -place, -from, -to or -kind, only that part)")
	fs.StringVar(&c.extract, "extract", "", "write the dossier attached to this PDF/A `file` (written with -pdfa) into -out, and nothing else\ne.g. -extract out/kz-2022-01.fr.pdf -out /tmp/back")
	fs.BoolVar(&c.quiet, "q", false, "print only the files written and the errors, no progress")
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
		fmt.Fprintf(stderr, "\nEvent kinds: %s\nExit codes: 0 done, 1 invalid input or a file not written, 2 usage error,\n128 and the signal's number when stopped by SIGINT, SIGTERM or SIGHUP (130, 143, 129).\n", kindList())
	}
	return fs
}

func partList() string {
	var names []string
	for _, p := range report.Parts() {
		names = append(names, p.String())
	}
	return strings.Join(names, ", ")
}

func kindList() string {
	var names []string
	for _, k := range model.EventKinds() {
		names = append(names, k.String())
	}
	return strings.Join(names, ", ")
}

func run(args []string, stdout, stderr io.Writer) int {
	var c config
	fs := c.flags(stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "briefing: unexpected argument %q (flags start with -; see -h)\n", fs.Arg(0))
		return exitUsage
	}
	// From here on, a signal removes the temporary files and exits; what
	// the program prints goes through the session, so that the signal's
	// line is the last.
	s := newSession(stderr, os.Exit)
	defer s.stop()
	stdout, stderr = s.gate(stdout), s.gate(stderr)
	err := c.run(s, stdout, stderr)
	var ue *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "briefing: %v\n(run briefing -h for help)\n", err)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "briefing: %v\n", err)
		return exitInvalid
	}
}

// job is one file to write.
type job struct {
	name   string
	render func(w io.Writer) (string, error) // writes the file, returns a summary ("25 pages")
}

func (c *config) run(s *session, stdout, stderr io.Writer) error {
	progress := func(format string, args ...any) {
		if !c.quiet {
			fmt.Fprintf(stderr, format+"\n", args...)
		}
	}
	// Check the command line before any work.
	if c.out == "" {
		return usagef("-out %q: want the directory to write into, e.g. -out /tmp/pack", c.out)
	}
	formats, err := parseFormats(c.format)
	if err != nil {
		return err
	}
	writes := func(f string) bool { return formats[f] }
	var edition *pdf.Edition
	if c.edition != "" {
		e, err := pdf.ParseEdition(c.edition)
		if err != nil {
			return usagef("-edition %q: want single, parallel or sequential", c.edition)
		}
		edition = &e
	}
	paper, err := pdf.ParsePaper(c.paper)
	if err != nil {
		return usagef("-paper %q: want a4 or letter", c.paper)
	}
	var filter report.Filter
	if filter.From, err = parseDate("-from", c.from); err != nil {
		return err
	}
	if filter.To, err = parseDate("-to", c.to); err != nil {
		return err
	}
	if !filter.From.IsZero() && !filter.To.IsZero() && filter.To.Before(filter.From) {
		return usagef("-from %s is after -to %s", filter.From, filter.To)
	}
	if c.kind != "" {
		for _, k := range strings.Split(c.kind, ",") {
			var kind model.EventKind
			if err := kind.UnmarshalText([]byte(strings.TrimSpace(k))); err != nil {
				return usagef("-kind %q: want event kinds among %s", k, kindList())
			}
			filter.Kinds = append(filter.Kinds, kind)
		}
	}
	var omit []report.Part
	if c.omit != "" {
		for _, name := range strings.Split(c.omit, ",") {
			p, err := report.ParsePart(name)
			if err != nil {
				return usagef("-omit %q: want parts among %s", name, partList())
			}
			omit = append(omit, p)
		}
	}
	var langs []language.Tag
	if c.lang != "" {
		for _, s := range strings.Split(c.lang, "+") {
			tag, err := language.Parse(strings.TrimSpace(s))
			if err != nil {
				return usagef("-lang %q: want one or two language codes joined by +, e.g. fr, en or fr+en", c.lang)
			}
			langs = append(langs, tag)
		}
		if len(langs) > 2 {
			return usagef("-lang %q: at most two languages", c.lang)
		}
	}

	var fonts *pdf.FontSet
	if c.fonts != "" {
		if fonts, err = pdf.LoadFonts(c.fonts); err != nil {
			return usagef("-fonts %q: %v", c.fonts, err)
		}
		for _, sk := range fonts.Skipped() {
			fmt.Fprintf(stderr, "briefing: warning: -fonts: not a font: %s\n", sk)
		}
		progress("fonts: %d faces in %s", fonts.Len(), c.fonts)
	}

	if c.extract != "" {
		return c.extractSource(s, stdout)
	}
	if c.template != "" && c.convert != "" {
		return usagef("-template and -convert both write a file: give one")
	}
	if c.template != "" && c.dossier == "" {
		return writeTemplate(c.template, langs, stdout)
	}

	// The catalogs of the briefing's words are read while the dossier is
	// decoded: on two cores or more, the 50 ms they take come free.
	go locales.Shipped()

	// Load and check the dossier.
	progress("loading %s", c.dossierName())
	var d *model.Dossier
	var issues model.Issues
	var book *workbook.Book // the authoring workbook the dossier was read from
	if c.dossier == "" {
		d, issues, err = kazakhstan.Dossier()
	} else if isWorkbook(c.dossier) {
		if d, issues, book, err = readWorkbook(c.dossier, stderr); err != nil {
			return err
		}
	} else {
		// The figures stay in the file, read as a stream when needed: a
		// dossier of a million figures takes the memory of its other parts.
		d, issues, err = model.OpenFile(c.dossier)
		if d != nil {
			defer d.Close()
		}
	}
	if err != nil && d == nil && issues == nil {
		var errs model.DecodeErrors
		if errors.As(err, &errs) {
			for _, e := range errs {
				fmt.Fprintln(stderr, e)
			}
			return fmt.Errorf("%s cannot be read: %d problems; nothing written", c.dossierName(), len(errs))
		}
		return err
	}
	if out := c.template + c.convert; out != "" {
		return convert(d, out, langs, stdout)
	}
	if len(langs) == 0 {
		langs = d.Languages
		if len(langs) > 2 {
			langs = langs[:2]
		}
	}
	for _, tag := range langs {
		if !slicesContains(d.Languages, tag) {
			return usagef("-lang: the dossier is written in %v, not %s", d.Languages, tag)
		}
	}
	if writes("xlsx") && !writes("pdf") && !writes("html") && !writes("geojson") && !slices.Contains(omit, report.PartMap) {
		// A workbook has no map: neither needs nor checks one.
		omit = append(omit, report.PartMap)
	}
	ropt := report.Options{Languages: langs, Filter: filter, Omit: omit}
	if c.since != "" {
		if ropt.Changes, err = c.changes(d); err != nil {
			return err
		}
		progress("changes since %s: %d", c.since, ropt.Changes.Len())
	}

	// What the briefing and the renderers need beyond a valid dossier:
	// catalogs for its languages, fonts for its characters. A PDF that
	// cannot be drawn is an error of -validate, and is not written, while
	// the workbooks still are.
	more := report.Validate(d, ropt)
	var pdfIssues model.Issues
	if writes("pdf") || c.validate {
		pdfIssues = checkPDF(d, langs, fonts)
		more = append(more, pdfIssues...)
	}
	if len(more) > 0 {
		if c.dossier == "" {
			model.Locate(kazakhstan.JSON(), kazakhstan.Name, more)
		} else if book != nil {
			book.Locate(more)
		} else if err := model.LocateFile(c.dossier, more); err != nil {
			return err
		}
		issues = append(issues, more...)
	}
	for _, is := range issues {
		if is.Severity == model.SeverityError || is.Erratum == nil || c.validate {
			fmt.Fprintln(stderr, is)
		}
	}
	nerr, nwarn := issues.Count()
	if c.validate && nerr == 0 && writes("xlsx") {
		// Cells longer than a workbook allows are split: say so now.
		if doc, err := report.Build(d, ropt); err == nil {
			for _, tag := range langs {
				splits, err := xlsx.Check(doc, xlsx.Options{Language: tag})
				if err != nil {
					return err
				}
				for _, sp := range splits {
					fmt.Fprintf(stderr, "warning: workbook in %s: %s\n", tag, sp)
					nwarn++
				}
			}
		}
	}
	if c.validate {
		if nerr > 0 {
			return fmt.Errorf("%s is invalid: %d errors, %d warnings", c.dossierName(), nerr, nwarn)
		}
		fmt.Fprintf(stdout, "%s: valid (%d warnings, %d explained by errata): %d days, %d entries, %d sources, %d figures, %d places\n",
			c.dossierName(), nwarn, explained(issues), len(d.Chronology), countEntries(d), len(d.Sources), d.NumFigures(), len(d.Places))
		return nil
	}
	if pdfErrs, _ := pdfIssues.Count(); nerr > pdfErrs {
		return fmt.Errorf("%s is invalid: %d errors, %d warnings; nothing written", c.dossierName(), nerr, nwarn)
	}
	pdfProblem := ""
	if n, _ := pdfIssues.Count(); n > 0 {
		pdfProblem = fmt.Sprintf("%d texts hold characters no font can draw (listed above)", n)
		if n == 1 {
			pdfProblem = "a text holds characters no font can draw (listed above)"
		}
	}
	if c.place != "" {
		id, err := report.FindPlace(d, c.place)
		if err != nil {
			return fmt.Errorf("-place: %w", err)
		}
		filter.Places = []model.PlaceID{id}
		ropt.Filter = filter
	}
	if edition != nil && *edition != pdf.Single && len(langs) != 2 {
		return usagef("-edition %s needs two languages (-lang fr+en)", *edition)
	}

	progress("composing the briefing")
	doc, err := report.Build(d, ropt)
	if err != nil {
		return err
	}
	if countParagraphEntries(doc) == 0 && !filter.IsZero() {
		return fmt.Errorf("no entry of the chronology matches %s", strings.Join(firstLang(doc.Filters), "; "))
	}

	// The files are named after the dossier's id and the filter's place
	// ids, which may hold anything an id may: report.FileName makes them
	// safe names (no "..", no separator, no device name, at most 120
	// bytes), and the session writes only inside the output directory.
	base := d.ID + filterSuffix(filter, d) + sinceSuffix(ropt.Changes)
	var jobs []job
	if writes("pdf") || writes("html") {
		var eds []pdf.Options
		switch {
		case edition == nil:
			for _, tag := range langs {
				eds = append(eds, pdf.Options{Edition: pdf.Single, Language: tag, Fonts: fonts})
			}
			if len(langs) == 2 {
				eds = append(eds, pdf.Options{Edition: pdf.Parallel, Fonts: fonts})
			}
		case *edition == pdf.Single:
			for _, tag := range langs {
				eds = append(eds, pdf.Options{Edition: pdf.Single, Language: tag, Fonts: fonts})
			}
		default:
			eds = append(eds, pdf.Options{Edition: *edition, Fonts: fonts})
		}
		// An HTML page per PDF, named as it is.
		stem := func(o pdf.Options) string {
			if o.Edition != pdf.Single {
				return "." + langs[0].String() + "-" + langs[1].String() + "." + o.Edition.String()
			}
			return "." + o.Language.String()
		}
		var source []byte
		if c.pdfa && writes("pdf") {
			if source, err = attachment(doc); err != nil {
				return err
			}
		}
		for _, o := range eds {
			if !writes("pdf") {
				break
			}
			o.Paper = paper
			o.PDFA, o.Source = c.pdfa, source
			jobs = append(jobs, job{name: report.FileName(base, stem(o)+".pdf"), render: func(w io.Writer) (string, error) {
				if pdfProblem != "" {
					return "", errors.New(pdfProblem)
				}
				info, err := pdf.Write(w, doc, o)
				return fmt.Sprintf("%d pages", info.Pages), err
			}})
		}
		for _, o := range eds {
			if !writes("html") {
				break
			}
			ho := html.Options{Edition: html.Edition(o.Edition), Language: o.Language}
			jobs = append(jobs, job{name: report.FileName(base, stem(o)+".html"), render: func(w io.Writer) (string, error) {
				info, err := html.Write(w, doc, ho)
				return fmt.Sprintf("%d notes", info.Footnotes), err
			}})
		}
	}
	if writes("xlsx") {
		figures := 0
		if doc.Figures != nil {
			figures = doc.Figures.Count
		}
		rows := fmt.Sprintf("%d figures, %d entries, %d sources", figures, countParagraphEntries(doc), len(doc.Sources))
		for _, tag := range langs {
			name := report.FileName(base, "."+tag.String()+".xlsx")
			jobs = append(jobs, job{name: name, render: func(w io.Writer) (string, error) {
				tmp, err := s.tempDir()
				if err != nil {
					return "", err
				}
				warn := func(sp xlsx.Split) {
					fmt.Fprintf(stderr, "briefing: warning: %s: %s\n", filepath.Join(c.out, name), sp)
				}
				return rows, xlsx.Write(w, doc, xlsx.Options{Language: tag, TempDir: tmp, OnSplit: warn})
			}})
		}
	}

	jobs = append(jobs, dataJobs(doc, base, langs, formats)...)

	if err := os.MkdirAll(c.out, 0o755); err != nil {
		return fmt.Errorf("output directory %q: %w", c.out, err)
	}
	if err := s.openOut(c.out); err != nil {
		return fmt.Errorf("output directory %q: %w", c.out, err)
	}
	// A file that cannot be written does not stop the others.
	failed := 0
	for i, j := range jobs {
		progress("[%d/%d] rendering %s", i+1, len(jobs), j.name)
		start := time.Now()
		path := filepath.Join(c.out, j.name)
		n, summary, err := s.write(j.name, j.render)
		if err != nil {
			failed++
			fmt.Fprintf(stderr, "briefing: %s: not written: %v\n", path, err)
			continue
		}
		fmt.Fprintf(stdout, "wrote %s (%s, %s, %s)\n", path, summary, size(n), time.Since(start).Round(time.Millisecond))
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files not written", failed, len(jobs))
	}
	return nil
}

// checkPDF returns what keeps the dossier's PDFs in langs from being
// drawn with fonts, each problem once.
func checkPDF(d *model.Dossier, langs []language.Tag, fonts *pdf.FontSet) model.Issues {
	var out model.Issues
	seen := map[string]bool{}
	for _, tag := range langs {
		for _, is := range pdf.Check(d, pdf.Options{Edition: pdf.Single, Language: tag, Fonts: fonts}) {
			if k := is.Path + "\x00" + is.Err.Error(); !seen[k] {
				seen[k] = true
				out = append(out, is)
			}
		}
	}
	return out
}

func (c *config) dossierName() string {
	if c.dossier == "" {
		return kazakhstan.Name + " (embedded)"
	}
	return c.dossier
}

func parseDate(flagName, s string) (model.Date, error) {
	if s == "" {
		return model.Date{}, nil
	}
	d, err := model.ParseDate(s)
	if err != nil {
		return model.Date{}, usagef("%s %q: want a date as YYYY-MM-DD, e.g. %s 2022-01-04", flagName, s, flagName)
	}
	return d, nil
}

// filterSuffix names the files of a filtered briefing after its filter.
func filterSuffix(f report.Filter, d *model.Dossier) string {
	var parts []string
	for _, p := range f.Places {
		parts = append(parts, string(p))
	}
	if !f.From.IsZero() {
		parts = append(parts, "from-"+f.From.String())
	}
	if !f.To.IsZero() {
		parts = append(parts, "to-"+f.To.String())
	}
	for _, k := range f.Kinds {
		parts = append(parts, k.String())
	}
	if len(parts) == 0 {
		return ""
	}
	return "-" + strings.Join(parts, "-")
}

// sinceSuffix names an update briefing after the version it is compared
// with ("-since-1.0", or its date when it has no version), so that it
// does not take the name of the ordinary briefing.
func sinceSuffix(c *report.Changes) string {
	switch {
	case c == nil:
		return ""
	case c.Since != "":
		return "-since-" + c.Since
	case !c.SinceDate.IsZero():
		return "-since-" + c.SinceDate.String()
	}
	return "-update"
}

func size(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func explained(is model.Issues) int {
	n := 0
	for _, i := range is {
		if i.Erratum != nil {
			n++
		}
	}
	return n
}

func countEntries(d *model.Dossier) int {
	n := 0
	for _, day := range d.Chronology {
		n += len(day.Entries)
	}
	return n
}

func countParagraphEntries(doc *report.Document) int {
	n := 0
	report.Walk(doc, func(node report.Node, entering bool) (report.WalkStatus, error) {
		if p, ok := node.(*report.Paragraph); ok && entering && p.Entry != nil {
			n++
		}
		return report.WalkContinue, nil
	})
	return n
}

func firstLang(ls []report.L) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l[0]
	}
	return out
}

func slicesContains(tags []language.Tag, t language.Tag) bool {
	for _, x := range tags {
		if x == t {
			return true
		}
	}
	return false
}

// session holds the files of a run: the output directory, opened as an
// os.Root so that no file is written outside it whatever its name, the
// temporary file being written there, and the run's temporary directory.
// A signal — SIGINT (Ctrl-C), SIGTERM (what kill, timeout and systemd
// send), SIGHUP (a closed terminal) — removes both, prints one line, and
// exits with 128 and the signal's number.
type session struct {
	mu       sync.Mutex // held while files are created, renamed or removed, and while printing
	stopping bool       // a signal came: the program is exiting
	root     *os.Root   // the output directory, once opened
	tmp      string     // the temporary file in root being written, or ""
	dir      string     // the run's temporary directory, or ""
	stderr   io.Writer
	exit     func(int)
	sigs     chan os.Signal
	done     chan struct{}
}

// signals are the signals that stop the program cleanly, by name.
var signals = map[os.Signal]string{syscall.SIGINT: "SIGINT", syscall.SIGTERM: "SIGTERM", syscall.SIGHUP: "SIGHUP"}

// newSession starts handling the signals; stderr gets the signal's line,
// and exit is os.Exit.
func newSession(stderr io.Writer, exit func(int)) *session {
	s := &session{stderr: stderr, exit: exit, sigs: make(chan os.Signal, 1), done: make(chan struct{})}
	for sig := range signals {
		signal.Notify(s.sigs, sig)
	}
	go func() {
		select {
		case sig := <-s.sigs:
			s.mu.Lock() // and keep it: nothing else is created or printed
			s.stopping = true
			s.clean()
			fmt.Fprintf(s.stderr, "briefing: stopped by %s; no partial file left\n", signals[sig])
			code := 1
			if n, ok := sig.(syscall.Signal); ok {
				code = 128 + int(n)
			}
			s.exit(code)
		case <-s.done:
		}
	}()
	return s
}

// stop ends the handling of signals and removes the temporary files: the
// end of a run, whatever its outcome.
func (s *session) stop() {
	signal.Stop(s.sigs)
	close(s.done)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.clean()
	if s.root != nil {
		s.root.Close()
		s.root = nil
	}
}

// clean removes the temporary file and the temporary directory; s.mu is
// held.
func (s *session) clean() {
	if s.tmp != "" && s.root != nil {
		s.root.Remove(s.tmp)
		s.tmp = ""
	}
	if s.dir != "" {
		// A file the workbook writer creates as this runs may make a first
		// try fail.
		for range 3 {
			if os.RemoveAll(s.dir) == nil {
				break
			}
		}
		s.dir = ""
	}
}

// lock takes s.mu; once a signal came, it waits for the exit instead.
func (s *session) lock() {
	s.mu.Lock()
	if s.stopping {
		s.mu.Unlock()
		for {
			time.Sleep(time.Hour) // the signal's goroutine exits the program
		}
	}
}

// gate returns w, through which nothing is written once a signal came.
func (s *session) gate(w io.Writer) io.Writer { return gatedWriter{s, w} }

type gatedWriter struct {
	s *session
	w io.Writer
}

func (g gatedWriter) Write(p []byte) (int, error) {
	g.s.lock()
	defer g.s.mu.Unlock()
	return g.w.Write(p)
}

// openOut opens the output directory.
func (s *session) openOut(dir string) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	s.lock()
	defer s.mu.Unlock()
	s.root = root
	return nil
}

// tempDir returns the run's temporary directory, made on first use, where
// the workbook writer keeps its spools (hundreds of megabytes for a
// million figures). It is under os.TempDir rather than in the output
// directory: TMPDIR is where a user or an administrator wants such files,
// a system's cleaner removes what a crash or SIGKILL leaves there, and
// the output directory, which may be a synchronised or shared folder,
// gets only the briefings. The session removes it at the end of the run
// and on a signal.
func (s *session) tempDir() (string, error) {
	s.lock()
	defer s.mu.Unlock()
	if s.dir == "" {
		dir, err := os.MkdirTemp("", "briefing-")
		if err != nil {
			return "", fmt.Errorf("temporary directory: %w", err)
		}
		s.dir = dir
	}
	return s.dir, nil
}

// create creates a new temporary file beside name in the output
// directory, ".NAME.NUMBER.tmp", and records it for removal.
func (s *session) create(name string) (*os.File, string, error) {
	s.lock()
	defer s.mu.Unlock()
	for range 100 {
		tmp := "." + name + "." + strconv.FormatUint(uint64(rand.Uint32()), 10) + ".tmp"
		f, err := s.root.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return nil, "", err
		}
		s.tmp = tmp
		return f, tmp, nil
	}
	return nil, "", fmt.Errorf("no free temporary name for %s", name)
}

// discard removes the temporary file tmp unless it was renamed.
func (s *session) discard(tmp string) {
	s.lock()
	defer s.mu.Unlock()
	if s.tmp == tmp {
		s.root.Remove(tmp)
		s.tmp = ""
	}
}

// rename renames the temporary file tmp to name.
func (s *session) rename(tmp, name string) error {
	s.lock()
	defer s.mu.Unlock()
	if err := s.root.Rename(tmp, name); err != nil {
		return err
	}
	s.tmp = ""
	return nil
}

// write has render write the file name of the output directory through
// a temporary file beside it, renamed to name once complete: an error or
// a signal leaves any earlier file as it was. It returns the file's size
// and render's summary.
func (s *session) write(name string, render func(io.Writer) (string, error)) (int, string, error) {
	if fi, err := s.root.Lstat(name); err == nil && fi.IsDir() {
		return 0, "", errors.New("a directory of that name exists")
	}
	f, tmp, err := s.create(name)
	if err != nil {
		return 0, "", fmt.Errorf("creating a temporary file: %w", err)
	}
	defer s.discard(tmp)
	fail := func(err error) (int, string, error) {
		f.Close()
		return 0, "", err
	}
	if err := f.Chmod(0o644); err != nil {
		return fail(err)
	}
	cw := &countWriter{w: f}
	bw := bufio.NewWriterSize(cw, 1<<20)
	summary, err := render(bw)
	if err != nil {
		return fail(err)
	}
	if err := bw.Flush(); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		return 0, "", err
	}
	if err := s.rename(tmp, name); err != nil {
		return 0, "", err
	}
	return cw.n, summary, nil
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += n
	return n, err
}

// changes compares d with the earlier version of -since: a dossier in
// JSON, or a PDF/A briefing written with -pdfa, which carries the dossier
// it was made from (that of a full briefing: a focused one carries only
// its part). The earlier version is read, not validated: what it got
// wrong is what the later one may correct.
func (c *config) changes(d *model.Dossier) (*report.Changes, error) {
	var old *model.Dossier
	if strings.EqualFold(filepath.Ext(c.since), ".pdf") {
		data, err := os.ReadFile(c.since)
		if err != nil {
			return nil, fmt.Errorf("-since: %w", err)
		}
		if len(data) > maxPDF {
			return nil, fmt.Errorf("-since %s: larger than %d MB", c.since, maxPDF>>20)
		}
		src, err := pdf.ExtractSource(data)
		if err != nil {
			return nil, fmt.Errorf("-since %s: %w (a PDF given to -since must be a PDF/A briefing written with -pdfa)", c.since, err)
		}
		if old, err = model.Unmarshal(src); err != nil {
			return nil, fmt.Errorf("-since %s: the dossier it carries: %w", c.since, err)
		}
	} else {
		var err error
		if old, _, err = model.OpenFile(c.since); err != nil {
			var errs model.DecodeErrors
			if errors.As(err, &errs) {
				return nil, fmt.Errorf("-since %s cannot be read: %w", c.since, errs[0])
			}
			return nil, fmt.Errorf("-since: %w", err)
		}
		defer old.Close()
	}
	ch, err := report.Compare(old, d)
	if err != nil {
		return nil, fmt.Errorf("-since %s: %w", c.since, err)
	}
	return ch, nil
}
