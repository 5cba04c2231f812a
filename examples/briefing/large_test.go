package main

import (
	"archive/zip"
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/coibrief/coibrief/internal/synth"
)

// maxRSS is the most memory the program may take to write the workbook of
// a million figures: the peak resident set size the kernel reports, as
// /usr/bin/time -v does, with the collector at its defaults (no
// GOMEMLIMIT, no GOGC). It takes 265 MB today (see BENCHMARKS.md for
// where the memory goes).
const maxRSS = 300 << 20

// TestMillionFiguresMemory runs the program on a synthetic dossier of
// 1,000,000 figures and 10,000 entries (557 MB of JSON) and checks that
// it writes the French workbook, a million and sixty rows of figures, in
// less than maxRSS of memory, the decoding of the JSON included. It takes
// a minute or two, so it runs only when COIBRIEF_LARGE=1.
func TestMillionFiguresMemory(t *testing.T) {
	if os.Getenv("COIBRIEF_LARGE") != "1" {
		t.Skip("set COIBRIEF_LARGE=1 to run the program on a dossier of 1,000,000 figures (a minute or two)")
	}
	dir := t.TempDir()
	name := filepath.Join(dir, "million.json")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := synth.WriteJSON(w, synth.Options{Entries: 10_000, Figures: 1_000_000, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	cmd := briefingCmd("-q", "-dossier", name, "-format", "xlsx", "-lang", "fr", "-out", out)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GOMEMLIMIT=") && !strings.HasPrefix(kv, "GOGC=") {
			cmd.Env = append(cmd.Env, kv) // the runtime's defaults, no memory limit
		}
	}
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v: %s", err, stdout)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		t.Skip("no resource usage on this system")
	}
	rss := ru.Maxrss << 10 // kilobytes on Linux
	t.Logf("peak RSS %d MB, user %.1f s; %s", rss>>20, float64(ru.Utime.Sec)+float64(ru.Utime.Usec)/1e6, strings.TrimSpace(string(stdout)))
	if rss > maxRSS {
		t.Errorf("peak RSS %d MB, more than %d MB", rss>>20, maxRSS>>20)
	}
	if !strings.Contains(string(stdout), "1000060 figures") {
		t.Errorf("output %q does not report the 1,000,060 figures", stdout)
	}
	zr, err := zip.OpenReader(filepath.Join(out, "synth-zhembulak-1.fr.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, zf := range zr.File {
		if zf.Name != "xl/worksheets/sheet2.xml" {
			continue
		}
		if zf.UncompressedSize64 < 500<<20 {
			t.Errorf("the figures sheet holds %d MB of XML; a million rows need more", zf.UncompressedSize64>>20)
		}
		return
	}
	t.Error("no figures sheet in the workbook")
}

func briefingCmd(args ...string) *exec.Cmd { return exec.Command(binary, args...) }
