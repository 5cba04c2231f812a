package xlsx

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestPackerLinks checks that the links the packer writes are the bytes
// excelize's SetCellHyperLink would have made, for a sheet with a table
// (whose relationship comes first) and for one without, whatever the
// chunks the sheet arrives in.
func TestPackerLinks(t *testing.T) {
	urls := []string{
		"https://example.org/a?x=1&y=2",
		`https://example.org/"quoted"<tag>`,
		"https://example.org/%D1%81%D1%82%D0%B0%D1%82%D1%8C%D1%8F",
		"mailto:someone@example.org",
	}
	links := make([]hyperlink, len(urls))
	for i, u := range urls {
		links[i] = hyperlink{"B" + strconv.Itoa(i+2), u}
	}
	const sheet, rels = "xl/worksheets/sheet1.xml", "xl/worksheets/_rels/sheet1.xml.rels"
	// workbook streams a sheet, with a table or not, and with its links
	// set by excelize or not, and returns its parts.
	workbook := func(t *testing.T, table, excelizeLinks bool) map[string][]byte {
		f := excelize.NewFile()
		defer f.Close()
		p := &packer{}
		defer p.close()
		f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return p })
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		sw.SetRow("A1", []any{"id", "url"})
		for i, u := range urls {
			sw.SetRow("A"+strconv.Itoa(i+2), []any{i, u})
		}
		if table {
			if err := sw.AddTable(&excelize.Table{Range: "A1:B5", Name: "T"}); err != nil {
				t.Fatal(err)
			}
		}
		if excelizeLinks {
			for _, l := range links {
				if err := f.SetCellHyperLink("Sheet1", l.ref, l.url, "External"); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
		if _, err := f.WriteToBuffer(); err != nil {
			t.Fatal(err)
		}
		if err := p.finish(); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := p.writeTo(&buf, time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
		pk, _ := parts(t, buf.Bytes())
		return pk
	}
	// repack packs the parts of a workbook without links again, one byte
	// at a time, with the links set on the packer.
	repack := func(t *testing.T, plain map[string][]byte, rel int) (map[string][]byte, error) {
		p := &packer{}
		defer p.close()
		p.setLinks(sheet, links, rel)
		for _, name := range []string{sheet, rels} {
			data, ok := plain[name]
			if !ok {
				continue
			}
			w, err := p.Create(name)
			if err != nil {
				return nil, err
			}
			for i := range data {
				if _, err := w.Write(data[i : i+1]); err != nil {
					return nil, err
				}
			}
		}
		if err := p.finish(); err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		if err := p.writeTo(&buf, time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
			return nil, err
		}
		pk, _ := parts(t, buf.Bytes())
		return pk, nil
	}
	for _, table := range []bool{true, false} {
		t.Run("table="+strconv.FormatBool(table), func(t *testing.T) {
			want := workbook(t, table, true)
			rel := 0
			if table {
				rel = 1
			}
			plain := workbook(t, table, false)
			if bytes.Contains(plain[sheet], []byte("<hyperlink")) || !bytes.Contains(want[sheet], []byte("<hyperlink")) {
				t.Fatal("excelize does not write the links as this test expects")
			}
			got, err := repack(t, plain, rel)
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{sheet, rels} {
				if !bytes.Equal(got[name], want[name]) {
					t.Errorf("%s:\ngot  %s\nwant %s", name, got[name], want[name])
				}
			}
			if _, err := repack(t, plain, rel+1); err == nil || !strings.Contains(err.Error(), "relationships before the links") {
				t.Errorf("wrong count of relationships: error %v", err)
			}
		})
	}
}

// TestZipDates checks the MS-DOS date of the zip entries, in the local
// and the central headers, against the format's definition: years since
// 1980 in the top 7 bits, the month in the next 4, the day in the last 5,
// and a time of 0. A date before 1980 is dated in 1980.
func TestZipDates(t *testing.T) {
	for _, c := range []struct {
		date time.Time
		want uint16
	}{
		{time.Date(2022, time.February, 22, 0, 0, 0, 0, time.UTC), 42<<9 | 2<<5 | 22},
		{time.Date(2022, time.February, 22, 23, 30, 0, 0, time.FixedZone("UTC+5", 5*3600)), 42<<9 | 2<<5 | 22},
		{time.Date(1980, time.January, 1, 0, 0, 0, 0, time.UTC), 0<<9 | 1<<5 | 1},
		{time.Date(1975, time.March, 4, 0, 0, 0, 0, time.UTC), 0<<9 | 3<<5 | 4},
		{time.Date(2107, time.December, 31, 0, 0, 0, 0, time.UTC), 127<<9 | 12<<5 | 31},
	} {
		p := &packer{}
		w, err := p.Create("a.xml")
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, "<a/>")
		if err := p.finish(); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := p.writeTo(&buf, c.date); err != nil {
			t.Fatal(err)
		}
		p.close()
		data := buf.Bytes()
		central := bytes.Index(data, []byte("PK\x01\x02"))
		if !bytes.HasPrefix(data, []byte("PK\x03\x04")) || central < 0 {
			t.Fatalf("%v: no local or central header", c.date)
		}
		for _, at := range []int{10, central + 12} { // time, then date
			tm := uint16(data[at]) | uint16(data[at+1])<<8
			d := uint16(data[at+2]) | uint16(data[at+3])<<8
			if tm != 0 || d != c.want {
				t.Errorf("%v: header at %d: time %#04x, date %#04x; want 0 and %#04x", c.date, at, tm, d, c.want)
			}
		}
		// Nothing but the date: no extra field, no attributes.
		if extra := uint16(data[28]) | uint16(data[29])<<8; extra != 0 {
			t.Errorf("%v: %d bytes of extra field", c.date, extra)
		}
		if attrs := data[central+38 : central+42]; !bytes.Equal(attrs, []byte{0, 0, 0, 0}) {
			t.Errorf("%v: external attributes %x", c.date, attrs)
		}
	}
}
