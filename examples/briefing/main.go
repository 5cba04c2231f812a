// Command briefing loads a dossier (by default the embedded Kazakhstan
// January 2022 dossier), validates it, and writes the briefing pack into an
// output directory.
//
// Usage:
//
//	go run ./examples/briefing [-dossier FILE] [-out DIR] [-validate]
//
// The pack currently holds the validated dossier in canonical JSON
// (<id>.json) and its validation report (<id>.issues.txt). Exit codes: 0 ok,
// 1 invalid input or output error, 2 usage error.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/model"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("briefing", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dossier := fs.String("dossier", "", "dossier JSON `file` (default: the embedded Kazakhstan dossier)\n\te.g. -dossier my-crisis.json")
	out := fs.String("out", "out", "output `directory`, created if needed\n\te.g. -out /tmp/pack")
	validate := fs.Bool("validate", false, "validate the dossier, print every problem, write nothing")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: briefing [-dossier FILE] [-out DIR] [-validate]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "briefing: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}

	var (
		d      *model.Dossier
		issues model.Issues
		err    error
		name   = kazakhstan.Name
	)
	if *dossier == "" {
		d, issues, err = kazakhstan.Dossier()
	} else {
		name = *dossier
		d, issues, err = model.LoadFile(*dossier)
	}
	if err != nil && d == nil && issues == nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	for _, is := range issues {
		fmt.Fprintln(stderr, is)
	}
	if n := len(issues.Errors()); n > 0 {
		fmt.Fprintf(stderr, "briefing: %s: %d errors, %d warnings\n", name, n, len(issues.Warnings()))
		return 1
	}
	fmt.Fprintf(stdout, "%s: valid (%d warnings): %d days, %d entries, %d sources, %d figures, %d places\n",
		name, len(issues.Warnings()), len(d.Chronology), countEntries(d), len(d.Sources), len(d.Figures), len(d.Places))
	if *validate {
		return 0
	}

	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintf(stderr, "briefing: %v\n", err)
		return 1
	}
	var js bytes.Buffer
	if err := model.Encode(&js, d); err != nil {
		fmt.Fprintf(stderr, "briefing: %v\n", err)
		return 1
	}
	var rep strings.Builder
	for _, is := range issues {
		rep.WriteString(is.Error() + "\n")
	}
	for _, f := range []struct {
		name string
		data []byte
	}{{d.ID + ".json", js.Bytes()}, {d.ID + ".issues.txt", []byte(rep.String())}} {
		path := filepath.Join(*out, f.name)
		if err := writeAtomic(path, f.data); err != nil {
			fmt.Fprintf(stderr, "briefing: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "wrote %s (%d bytes)\n", path, len(f.data))
	}
	return 0
}

func countEntries(d *model.Dossier) int {
	n := 0
	for _, day := range d.Chronology {
		n += len(day.Entries)
	}
	return n
}

// writeAtomic writes data to a temporary file beside path and renames it,
// so that path never holds a partial file.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
