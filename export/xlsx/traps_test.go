package xlsx

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestStreamWriterTraps shows, with excelize alone, the traps of its
// streaming writer that Write works around, so that a new version that
// fixes one says so. The workbook's own checks are TestTables (the
// dimension), TestColumnWidths, TestHyperlinks and TestDeterministic.
func TestStreamWriterTraps(t *testing.T) {
	stream := func(t *testing.T, setup func(f *excelize.File, sw *excelize.StreamWriter), after func(f *excelize.File)) map[string][]byte {
		f := excelize.NewFile()
		defer f.Close()
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		setup(f, sw)
		for r := 1; r <= 3; r++ {
			if err := sw.SetRow(cellName(1, r), []any{"a", "b", "c"}); err != nil {
				t.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
		if after != nil {
			after(f)
		}
		buf, err := f.WriteToBuffer()
		if err != nil {
			t.Fatal(err)
		}
		pk, _ := parts(t, buf.Bytes())
		return pk
	}
	fixed := func(t *testing.T, what, where string) {
		t.Logf("excelize %s; the workaround in %s may no longer be needed", what, where)
	}
	t.Run("dimension", func(t *testing.T) {
		pk := stream(t, func(*excelize.File, *excelize.StreamWriter) {}, nil)
		if m := dimensionRE.FindSubmatch(pk["xl/worksheets/sheet1.xml"]); m == nil || string(m[1]) != "A1" {
			fixed(t, "now sets the dimension of a streamed sheet", "sheet.go (newSheet)")
		}
	})
	t.Run("column widths", func(t *testing.T) {
		pk := stream(t, func(_ *excelize.File, sw *excelize.StreamWriter) {
			for c := 1; c <= 3; c++ {
				sw.SetColWidth(c, c, float64(10+c))
			}
		}, nil)
		ms := colRE.FindAllSubmatch(pk["xl/worksheets/sheet1.xml"], -1)
		if len(ms) == 3 && string(ms[0][1]) == "1" {
			fixed(t, "now keeps columns whose widths are set in ascending order in order", "sheet.go (newSheet)")
		}
	})
	t.Run("links after Flush", func(t *testing.T) {
		pk := stream(t, func(*excelize.File, *excelize.StreamWriter) {}, func(f *excelize.File) {
			if err := f.SetCellHyperLink("Sheet1", "A1", "https://example.org/", "External"); err != nil {
				t.Logf("SetCellHyperLink after Flush: %v", err)
			}
		})
		if bytes.Contains(pk["xl/worksheets/sheet1.xml"], []byte("<hyperlink")) {
			fixed(t, "now keeps links set after Flush", "sheet.go (finish)")
		}
	})
	t.Run("content types of a chart", func(t *testing.T) {
		seen := map[string]bool{}
		for range 20 {
			f := excelize.NewFile()
			f.SetSheetRow("Sheet1", "A1", &[]any{1, 2, 3})
			err := f.AddChart("Sheet1", "E1", &excelize.Chart{Type: excelize.Line,
				Series: []excelize.ChartSeries{{Name: "Sheet1!$A$1", Values: "Sheet1!$A$1:$C$1"}}})
			if err != nil {
				t.Fatal(err)
			}
			buf, err := f.WriteToBuffer()
			if err != nil {
				t.Fatal(err)
			}
			f.Close()
			pk, _ := parts(t, buf.Bytes())
			seen[string(pk["[Content_Types].xml"])] = true
		}
		if len(seen) == 1 {
			fixed(t, "wrote the same content types 20 times in a row", "zip.go (sortContentTypes)")
		}
	})
}
