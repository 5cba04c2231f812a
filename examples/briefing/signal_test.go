//go:build unix

package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/coibrief/coibrief/internal/synth"
)

// TestSignals stops the program with SIGINT, SIGTERM and SIGHUP while it
// writes a PDF and while it writes a workbook, once the workbook writer
// has spooled rows to a temporary file, and checks the exit code (128 and
// the signal's number), the one line it prints, and that no temporary
// file is left in -out nor in the TMPDIR the program was given.
func TestSignals(t *testing.T) {
	dir := t.TempDir()
	// 40,000 figures: a workbook whose figures sheet excelize spools to
	// a file after 16 MB of XML.
	dossier := filepath.Join(dir, "synth.json")
	f, err := os.Create(dossier)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := synth.WriteJSON(w, synth.Options{Entries: 300, Figures: 40_000, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		for _, format := range []string{"pdf", "xlsx"} {
			name := fmt.Sprintf("%s-%s", signals[sig], format)
			t.Run(name, func(t *testing.T) {
				out, tmp := filepath.Join(dir, name, "out"), filepath.Join(dir, name, "tmp")
				if err := os.MkdirAll(tmp, 0o755); err != nil {
					t.Fatal(err)
				}
				cmd := briefingCmd("-q", "-dossier", dossier, "-format", format, "-lang", "fr", "-out", out)
				cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
				var stdout, stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				start := time.Now()
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				done := make(chan error, 1)
				go func() { done <- cmd.Wait() }()
				// Wait for the temporary file in -out, and for a workbook
				// for the spool in TMPDIR too.
				spooled := int64(0)
				for {
					select {
					case err := <-done:
						t.Fatalf("the program ended (%v) before it was signalled:\n%s%s", err, stdout.String(), stderr.String())
					case <-time.After(5 * time.Millisecond):
					}
					spooled = spoolSize(t, tmp)
					if hasTmp(t, out) && (format == "pdf" || spooled > 0) {
						break
					}
					if time.Since(start) > 5*time.Minute {
						cmd.Process.Kill()
						t.Fatal("no temporary file after 5 minutes")
					}
				}
				if err := cmd.Process.Signal(sig); err != nil {
					t.Fatal(err)
				}
				<-done
				if code, want := cmd.ProcessState.ExitCode(), 128+int(sig); code != want {
					t.Errorf("exit %d (%v); want %d", code, cmd.ProcessState, want)
				}
				if want := "briefing: stopped by " + signals[sig] + "; no partial file left\n"; stderr.String() != want {
					t.Errorf("stderr %q; want %q", stderr.String(), want)
				}
				if got := files(t, out); len(got) != 0 {
					t.Errorf("left in -out: %q", got)
				}
				if got := tree(t, tmp); !slices.Equal(got, []string{"."}) {
					t.Errorf("left in TMPDIR: %q", got)
				}
				t.Logf("%s after %v: %d bytes spooled in TMPDIR, removed", signals[sig], time.Since(start).Round(time.Millisecond), spooled)
			})
		}
	}
}

// hasTmp reports whether dir holds a temporary file of the program.
func hasTmp(t *testing.T, dir string) bool {
	t.Helper()
	return slices.ContainsFunc(files(t, dir), func(name string) bool { return strings.HasSuffix(name, ".tmp") })
}

// spoolSize returns the size of the files under dir, or 0 when there is none
// or they are being removed.
func spoolSize(t *testing.T, dir string) int64 {
	t.Helper()
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if fi, err := d.Info(); err == nil && fi.Mode().IsRegular() {
			n += fi.Size()
		}
		return nil
	})
	return n
}
