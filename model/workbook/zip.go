package workbook

import (
	"archive/zip"
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"slices"
	"time"
)

// packer is the zip writer excelize saves a workbook with. It keeps the
// parts excelize hands over, and writes them when asked in a fixed order,
// [Content_Types].xml first, with a fixed time: excelize itself writes
// parts in the order of a map, and content types in any order, so that
// the same dossier would not always give the same bytes. export/xlsx
// does the same for the briefing's workbook.
type packer struct {
	parts map[string]*bytes.Buffer
}

func (p *packer) Create(name string) (io.Writer, error) {
	if p.parts == nil {
		p.parts = map[string]*bytes.Buffer{}
	}
	if _, dup := p.parts[name]; dup {
		return nil, errors.New("workbook: part " + name + " written twice")
	}
	b := &bytes.Buffer{}
	p.parts[name] = b
	return b, nil
}

func (p *packer) AddFS(fs.FS) error { return errors.New("workbook: packer: AddFS not supported") }
func (p *packer) Close() error      { return nil }

// writeTo writes the zip file to w, every part dated modified.
func (p *packer) writeTo(w io.Writer, modified time.Time) error {
	names := make([]string, 0, len(p.parts))
	for n := range p.parts {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int {
		const first = "[Content_Types].xml"
		switch {
		case a == first:
			return -1
		case b == first:
			return 1
		}
		return cmp.Compare(a, b)
	})
	zw := zip.NewWriter(w)
	for _, n := range names {
		data := p.parts[n].Bytes()
		if n == "[Content_Types].xml" {
			var err error
			if data, err = sortContentTypes(data); err != nil {
				return err
			}
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return err
		}
		if _, err := fw.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}

type contentTypes struct {
	XMLName   xml.Name     `xml:"http://schemas.openxmlformats.org/package/2006/content-types Types"`
	Defaults  []ctDefault  `xml:"Default"`
	Overrides []ctOverride `xml:"Override"`
}

type ctDefault struct {
	Extension   string `xml:",attr"`
	ContentType string `xml:",attr"`
}

type ctOverride struct {
	PartName    string `xml:",attr"`
	ContentType string `xml:",attr"`
}

// sortContentTypes sorts the defaults and overrides of [Content_Types].xml.
func sortContentTypes(data []byte) ([]byte, error) {
	var ct contentTypes
	if err := xml.Unmarshal(data, &ct); err != nil {
		return nil, err
	}
	slices.SortFunc(ct.Defaults, func(a, b ctDefault) int { return cmp.Compare(a.Extension, b.Extension) })
	slices.SortFunc(ct.Overrides, func(a, b ctOverride) int { return cmp.Compare(a.PartName, b.PartName) })
	out, err := xml.Marshal(ct)
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), out...), nil
}
