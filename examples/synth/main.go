// Command synth writes a synthetic dossier: a fictitious crisis with as
// many chronology entries and figures as asked, for benchmarks and scale
// tests of the briefings. The same flags always give the same file.
//
// A dossier of a thousand entries and ten thousand figures:
//
//	go run ./examples/synth -entries 1000 -figures 10000 -seed 7 -out crisis.json
//
// The same crisis set in a real country, its places at points inside the
// country's outline and its name from the map data:
//
//	go run ./examples/synth -entries 1000 -figures 10000 -country ET -out ethiopia.json
//
// A million figures, streamed to the file with flat memory:
//
//	go run ./examples/synth -entries 100000 -figures 1000000 -out big.json
//
// Then, for instance:
//
//	go run ./examples/briefing -dossier crisis.json -format pdf
//
// With no -out, or -out -, the dossier goes to standard output. A file is
// written under a temporary name and renamed when complete, so an error
// never leaves half a dossier behind. Exit codes: 0 done, 1 a failed write,
// 2 a usage error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/coibrief/coibrief/internal/synth"
)

// Exit codes.
const (
	exitOK    = 0
	exitWrite = 1 // the dossier could not be written
	exitUsage = 2 // a bad flag or flag value
)

const usageText = `usage: synth [flags]

Writes a synthetic dossier in JSON: a fictitious crisis with the number of
chronology entries and figures asked for, in a fictitious country or, with
-country, in a real one. The same flags give the same file.

Flags:
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	var opt synth.Options
	var out string
	fs := flag.NewFlagSet("synth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&opt.Entries, "entries", 100, "chronology `entries`, at least 1")
	fs.IntVar(&opt.Figures, "figures", 1000, "`figures`, 0 or more")
	fs.Uint64Var(&opt.Seed, "seed", 1, "random `seed`: another seed, another dossier")
	fs.IntVar(&opt.Sources, "sources", 0, "bibliography `entries` (default: derived from -entries)")
	fs.IntVar(&opt.Places, "places", 0, "gazetteer `entries` (default: derived from -entries)")
	fs.StringVar(&opt.Country, "country", "", "ISO 3166-1 alpha-2 `code` of a real country to set the dossier in, such as AF or ET\n(default: a fictitious country in Central Asia)")
	fs.StringVar(&out, "out", "-", "output `file`, or - for standard output")
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
		fmt.Fprint(stderr, "\nExit codes: 0 done, 1 failed write, 2 usage error.\n")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "synth: unexpected argument %q (flags start with -; see -h)\n", fs.Arg(0))
		return exitUsage
	}

	var err error
	if out == "-" || out == "" {
		err = synth.WriteJSON(stdout, opt)
	} else if err = writeFile(out, opt); err == nil {
		if fi, serr := os.Stat(out); serr == nil {
			fmt.Fprintf(stdout, "wrote %s (%d bytes)\n", out, fi.Size())
		}
	}
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, synth.ErrOptions):
		fmt.Fprintf(stderr, "%v\n(run synth -h for help)\n", err)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "%v\n", err)
		return exitWrite
	}
}

// writeFile writes the dossier to a temporary file beside name and renames
// it to name once complete. On error or interrupt the temporary file is
// removed and name is left as it was.
func writeFile(name string, opt synth.Options) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return fmt.Errorf("synth: writing %s: %w", name, err)
	}
	interrupt := make(chan os.Signal, 1)
	signal.Notify(interrupt, os.Interrupt)
	done := make(chan struct{})
	go func() {
		select {
		case <-interrupt:
			os.Remove(tmp.Name())
			os.Exit(exitWrite)
		case <-done:
		}
	}()
	defer func() {
		signal.Stop(interrupt)
		close(done)
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()

	if err := synth.WriteJSON(tmp, opt); err != nil {
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("synth: writing %s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("synth: writing %s: %w", name, err)
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("synth: writing %s: %w", name, err)
	}
	return nil
}
