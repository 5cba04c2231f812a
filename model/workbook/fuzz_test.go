package workbook_test

import (
	"bytes"
	"testing"

	"github.com/coibrief/coibrief/model/workbook"
	"github.com/xuri/excelize/v2"
)

// FuzzRead reads arbitrary bytes, and workbooks whose cells were given
// arbitrary values, as authoring workbooks: Read may refuse them, never
// panic, and a dossier it returns without error writes to a workbook
// that reads back.
func FuzzRead(f *testing.F) {
	base := exampleBook(f)
	f.Add([]byte{}, "", "")
	f.Add(base[:200], "", "")
	f.Add([]byte(nil), "Chronology!B2", "2023-03-07")
	f.Add([]byte(nil), "Figures!F3", "12 dead")
	f.Add([]byte(nil), "Places!H2", "1e400")
	f.Add([]byte(nil), "Outlines!A2", "am")
	f.Add([]byte(nil), "Sections!C2", "water")
	f.Fuzz(func(t *testing.T, data []byte, ref, value string) {
		if data == nil {
			sheet, cell, ok := bytes.Cut([]byte(ref), []byte("!"))
			if !ok {
				return
			}
			x, err := excelize.OpenReader(bytes.NewReader(base))
			if err != nil {
				t.Fatal(err)
			}
			if x.SetCellValue(string(sheet), string(cell), value) != nil {
				return
			}
			b, err := x.WriteToBuffer()
			if err != nil {
				return
			}
			data = b.Bytes()
		}
		d, err := workbook.Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := workbook.Write(&out, d, workbook.Options{}); err != nil {
			t.Fatalf("a dossier Read returned does not write: %v", err)
		}
		if _, err := workbook.Read(bytes.NewReader(out.Bytes())); err != nil {
			t.Fatalf("a workbook written from a dossier Read returned does not read: %v", err)
		}
	})
}
