package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestReleaseStream checks that the stream writer's buffer is released
// once a sheet larger than a chunk is flushed, and kept otherwise: if a
// version of excelize renames what releaseStream reaches, this fails.
func TestReleaseStream(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: writes a sheet of 20 MB")
	}
	for _, big := range []bool{false, true} {
		f := excelize.NewFile()
		f.SetSheetName("Sheet1", "S")
		sw, err := f.NewStreamWriter("S")
		if err != nil {
			t.Fatal(err)
		}
		rows := 10
		if big {
			rows = 25_000
		}
		text := strings.Repeat("x", 1000)
		for r := 1; r <= rows; r++ {
			if err := sw.SetRow(cellName(1, r), []any{text}); err != nil {
				t.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
		if got := releaseStream(sw); got != big {
			t.Errorf("sheet of %d rows: released %v; want %v", rows, got, big)
		}
		// The workbook still saves whole.
		var out bytes.Buffer
		if _, err := f.WriteTo(&out); err != nil {
			t.Fatal(err)
		}
		f.Close()
		g, err := excelize.OpenReader(&out)
		if err != nil {
			t.Fatal(err)
		}
		got, err := g.GetRows("S")
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != rows || got[rows-1][0] != text {
			t.Errorf("read back %d rows; want %d", len(got), rows)
		}
	}
}
