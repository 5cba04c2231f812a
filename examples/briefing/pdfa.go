package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
)

// maxPDF bounds the size of a PDF that -extract reads.
const maxPDF = 1 << 30

// attachment returns the JSON attached to PDF/A files: the dossier as the
// briefing holds it (report.Document.Dossier), so that a focused briefing
// carries its place, dates and kinds and the sources they cite, not the
// whole dossier. The attached file loads, and makes the same briefing
// with no filter.
func attachment(doc *report.Document) ([]byte, error) {
	d, err := doc.Dossier()
	if err != nil {
		return nil, fmt.Errorf("-pdfa: the dossier of the briefing: %w", err)
	}
	var b bytes.Buffer
	if err := model.Encode(&b, d); err != nil {
		return nil, fmt.Errorf("-pdfa: encoding the dossier of the briefing: %w", err)
	}
	return b.Bytes(), nil
}

// extractSource writes the dossier attached to the PDF/A file c.extract
// into the output directory, named after the PDF, through the session's
// writer: atomically, and never outside the directory.
func (c *config) extractSource(s *session, stdout io.Writer) error {
	f, err := os.Open(c.extract)
	if err != nil {
		return fmt.Errorf("-extract: %w", err)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxPDF+1))
	f.Close()
	if err != nil {
		return fmt.Errorf("-extract: %w", err)
	}
	if len(data) > maxPDF {
		return fmt.Errorf("-extract %s: larger than %d MB", c.extract, maxPDF>>20)
	}
	src, err := pdf.ExtractSource(data)
	if err != nil {
		return fmt.Errorf("-extract %s: %w", c.extract, err)
	}
	if c.out == "" {
		return usagef("-out %q: want the directory to write into, e.g. -out /tmp/pack", c.out)
	}
	if err := os.MkdirAll(c.out, 0o755); err != nil {
		return fmt.Errorf("output directory %q: %w", c.out, err)
	}
	if err := s.openOut(c.out); err != nil {
		return fmt.Errorf("output directory %q: %w", c.out, err)
	}
	name := extractName(c.extract)
	n, _, err := s.write(name, func(w io.Writer) (string, error) {
		_, err := w.Write(src)
		return "", err
	})
	if err != nil {
		return fmt.Errorf("-extract: writing %s: %w", name, err)
	}
	fmt.Fprintf(stdout, "wrote %s (%s)\n", name, size(n))
	return nil
}

// extractName names the extracted dossier after the PDF: a.fr.pdf gives
// a.fr.dossier.json, a safe name within the output directory.
func extractName(pdfPath string) string {
	base := pdfPath
	for i := len(base) - 1; i >= 0; i-- {
		if os.IsPathSeparator(base[i]) {
			base = base[i+1:]
			break
		}
	}
	if len(base) > 4 && base[len(base)-4:] == ".pdf" {
		base = base[:len(base)-4]
	}
	return report.FileName(base, ".dossier.json")
}
