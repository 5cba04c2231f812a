package workbook

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // logos
	_ "image/png"  // logos
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"
)

// lastRow is the last row of a worksheet: drop-downs and their lists
// reach it, so that rows added later have them too.
const lastRow = 1048576

// styles are the cell styles of the workbook.
type styles struct {
	header, text, plain, date, title, label int
}

func newStyles(f *excelize.File) (*styles, error) {
	top := &excelize.Alignment{Vertical: "top"}
	wrap := &excelize.Alignment{Vertical: "top", WrapText: true}
	dateFmt := "yyyy-mm-dd"
	defs := []*excelize.Style{
		{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
			Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE4EE"}},
			Border: []excelize.Border{{Type: "bottom", Color: "7F8FA6", Style: 1}}},
		{Alignment: wrap},
		{Alignment: top},
		{Alignment: top, CustomNumFmt: &dateFmt},
		{Font: &excelize.Font{Bold: true, Size: 14}},
		{Font: &excelize.Font{Bold: true}, Alignment: wrap},
	}
	ids := make([]int, len(defs))
	for i, d := range defs {
		id, err := f.NewStyle(d)
		if err != nil {
			return nil, err
		}
		ids[i] = id
	}
	return &styles{header: ids[0], text: ids[1], plain: ids[2], date: ids[3], title: ids[4], label: ids[5]}, nil
}

// hcol is a column as written: a col, and its language for a text.
type hcol struct {
	c   *col
	tag language.Tag
}

// expand returns the columns of s as written, a text column once per
// language.
func (b *builder) expand(s *sheetSpec) []hcol {
	var out []hcol
	for i := range s.cols {
		c := &s.cols[i]
		if c.kind != kText {
			out = append(out, hcol{c: c})
			continue
		}
		for _, t := range b.textTags() {
			out = append(out, hcol{c: c, tag: t})
		}
	}
	return out
}

// textTags are the languages of text columns: the dossier's and any its
// texts use, or the workbook's language for a dossier with none.
func (b *builder) textTags() []language.Tag {
	if len(b.tags) == 0 {
		return []language.Tag{b.w.tag}
	}
	return b.tags
}

// bookWriter is the state of writing the workbook.
type bookWriter struct {
	*builder
	f     *excelize.File
	st    *styles
	names map[string]string // sheet names, by key
	stage string
}

func (b *builder) write(f *excelize.File) error {
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("workbook: styles: %w: %w", ErrWorkbook, err)
	}
	bw := &bookWriter{builder: b, f: f, st: st, names: map[string]string{}}
	for _, s := range sheets {
		bw.names[s.key] = b.w.msg(s.msg)
	}
	if b.w.err != nil {
		return b.w.err
	}
	steps := []struct {
		key string
		fn  func(*sheetSpec) error
	}{{"help", bw.help}, {"dossier", bw.dossier}}
	for _, s := range sheets[2 : len(sheets)-1] {
		steps = append(steps, struct {
			key string
			fn  func(*sheetSpec) error
		}{s.key, bw.table})
	}
	steps = append(steps, struct {
		key string
		fn  func(*sheetSpec) error
	}{"lists", bw.lists})
	for i, step := range steps {
		s := sheetByKey(step.key)
		name := bw.names[s.key]
		bw.stage = "sheet " + name
		if i == 0 {
			if err := f.SetSheetName(f.GetSheetName(0), name); err != nil {
				return bw.fail(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return bw.fail(err)
		}
		if err := step.fn(s); err != nil {
			return err
		}
	}
	if err := bw.definedNames(); err != nil {
		return err
	}
	return bw.properties()
}

func (bw *bookWriter) fail(err error) error {
	return fmt.Errorf("workbook: %s: %w: %w", bw.stage, ErrWorkbook, err)
}

// quote returns a sheet name as formulas write it: 'Name'.
func quote(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

// printSetup sets a sheet to print landscape, as wide as the page, its
// first row repeated on every page.
func (bw *bookWriter) printSetup(name string, titles bool) error {
	fit := true
	if err := bw.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return bw.fail(err)
	}
	orient, wide, tall, size := "landscape", 1, 0, 9
	if err := bw.f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &orient, FitToWidth: &wide, FitToHeight: &tall, Size: &size}); err != nil {
		return bw.fail(err)
	}
	if titles {
		err := bw.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: quote(name) + "!$1:$1", Scope: name})
		if err != nil {
			return bw.fail(err)
		}
	}
	return nil
}

func (bw *bookWriter) help(s *sheetSpec) error {
	name, f := bw.names[s.key], bw.f
	if err := bw.printSetup(name, false); err != nil {
		return err
	}
	if err := f.SetColWidth(name, "A", "A", 110); err != nil {
		return bw.fail(err)
	}
	if err := f.SetCellStr(name, "A1", bw.w.msg(locales.AuthoringHelpTitle)); err != nil {
		return bw.fail(err)
	}
	if err := f.SetCellStyle(name, "A1", "A1", bw.st.title); err != nil {
		return bw.fail(err)
	}
	for i, id := range helpLines {
		cell := fmt.Sprintf("A%d", i+3)
		if err := f.SetCellStr(name, cell, bw.w.msg(id)); err != nil {
			return bw.fail(err)
		}
		if err := f.SetCellStyle(name, cell, cell, bw.st.text); err != nil {
			return bw.fail(err)
		}
	}
	return bw.w.err
}

// value returns the cell of v in a column of kind k, and its style.
func (bw *bookWriter) value(k kind, v any) (any, int, error) {
	st := bw.st
	switch x := v.(type) {
	case nil:
		return nil, st.plain, nil
	case string:
		if x == "" {
			return nil, st.plain, nil
		}
		if err := checkString(x); err != nil {
			return nil, 0, err
		}
		if k == kString || k == kText {
			return x, st.text, nil
		}
		return x, st.plain, nil
	case model.Date:
		if x.IsZero() {
			return nil, st.plain, nil
		}
		if n, ok := serial(x); ok {
			return n, st.date, nil
		}
		return x.String(), st.plain, nil
	case end:
		if x.open {
			return "..", st.plain, nil
		}
		return bw.value(k, x.d)
	case float64:
		return x, st.plain, nil
	case int:
		return x, st.plain, nil
	case bool:
		if !x {
			return nil, st.plain, nil
		}
		return true, st.plain, nil
	case []string:
		if len(x) == 0 {
			return nil, st.plain, nil
		}
		for _, id := range x {
			if k == kLines {
				if id == "" || strings.ContainsAny(id, "\n\r") {
					return nil, 0, fmt.Errorf("%w: %q: a name written one per line cannot be empty or hold a line break", ErrCell, id)
				}
			} else if id == "" || strings.ContainsFunc(id, isSeparator) {
				return nil, 0, fmt.Errorf("%w: id %q in a list of ids: an id listed with others cannot be empty or hold a space, comma or semicolon", ErrCell, id)
			}
		}
		return bw.value(kString, strings.Join(x, "\n"))
	case []language.Tag:
		if len(x) == 0 {
			return nil, st.plain, nil
		}
		parts := make([]string, len(x))
		for i, t := range x {
			parts[i] = t.String()
		}
		return strings.Join(parts, " "), st.plain, nil
	}
	return nil, 0, fmt.Errorf("%w: value of type %T", ErrWorkbook, v)
}

// isSeparator reports whether r separates ids in a cell.
func isSeparator(r rune) bool {
	return r == ',' || r == ';' || r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\u00a0'
}

func (bw *bookWriter) dossier(s *sheetSpec) error {
	name, f := bw.names[s.key], bw.f
	if err := bw.printSetup(name, true); err != nil {
		return err
	}
	cols := bw.expand(s)
	if err := bw.widths(name, cols); err != nil {
		return err
	}
	if err := bw.freeze(name); err != nil {
		return err
	}
	for i, hc := range cols {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellStr(name, cell, bw.w.header(hc.c, hc.tag)); err != nil {
			return bw.fail(err)
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(cols), 1)
	if err := f.SetCellStyle(name, "A1", last, bw.st.header); err != nil {
		return bw.fail(err)
	}
	for i, mf := range metaFields {
		r := i + 2
		set := func(c int, v any, k kind) error {
			val, style, err := bw.value(k, v)
			if err != nil {
				return fmt.Errorf("workbook: %s: %w", mf.path, err)
			}
			cell, _ := excelize.CoordinatesToCellName(c, r)
			if val != nil {
				if err := f.SetCellValue(name, cell, val); err != nil {
					return bw.fail(err)
				}
			}
			if err := f.SetCellStyle(name, cell, cell, style); err != nil {
				return bw.fail(err)
			}
			return nil
		}
		if err := set(1, bw.w.msg(mf.msg), kString); err != nil {
			return err
		}
		a, _ := excelize.CoordinatesToCellName(1, r)
		if err := f.SetCellStyle(name, a, a, bw.st.label); err != nil {
			return bw.fail(err)
		}
		if mf.kind == kText {
			t, _ := bw.meta[mf.path].(model.Text)
			for j, hc := range cols[2:] {
				if err := set(j+3, t[hc.tag], kText); err != nil {
					return err
				}
			}
			continue
		}
		if err := set(2, bw.meta[mf.path], mf.kind); err != nil {
			return err
		}
		cell, _ := excelize.CoordinatesToCellName(2, r)
		switch {
		case mf.path == "country" || mf.path == "focus":
			if err := bw.dropDown(name, cell, listPlaceIDs, true); err != nil {
				return err
			}
		case mf.path == "issuer.logo" && bw.logo != nil:
			if err := bw.picture(name, cell); err != nil {
				return err
			}
		}
	}
	return bw.w.err
}

// picture puts the logo in cell, about 80 pixels tall.
func (bw *bookWriter) picture(name, cell string) error {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(bw.logo))
	if err != nil {
		return fmt.Errorf("workbook: issuer.logo: %w: %w", ErrCell, err)
	}
	scale := 1.0
	if cfg.Height > 80 {
		scale = 80 / float64(cfg.Height)
	}
	err = bw.f.AddPictureFromBytes(name, cell, &excelize.Picture{Extension: bw.ext, File: bw.logo,
		Format: &excelize.GraphicOptions{ScaleX: scale, ScaleY: scale, Positioning: "oneCell"}})
	if err != nil {
		return bw.fail(err)
	}
	height := float64(cfg.Height)*scale*0.75 + 4
	row := strings.TrimLeft(cell, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	var r int
	fmt.Sscan(row, &r)
	if err := bw.f.SetRowHeight(name, r, height); err != nil {
		return bw.fail(err)
	}
	return nil
}

func (bw *bookWriter) widths(name string, cols []hcol) error {
	for i, hc := range cols {
		c, _ := excelize.ColumnNumberToName(i + 1)
		if err := bw.f.SetColWidth(name, c, c, hc.c.width); err != nil {
			return bw.fail(err)
		}
	}
	return nil
}

func (bw *bookWriter) freeze(name string) error {
	err := bw.f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}})
	if err != nil {
		return bw.fail(err)
	}
	return nil
}

// dropDown offers the values of a defined name in sqref; strict refuses
// other values, as for an enumeration, while a list of ids lets the
// researcher type several.
func (bw *bookWriter) dropDown(name, sqref, list string, strict bool) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	dv.SetSqrefDropList(list)
	dv.ShowErrorMessage = strict
	if err := bw.f.AddDataValidation(name, dv); err != nil {
		return bw.fail(err)
	}
	return nil
}

// table writes a sheet of rows with the stream writer.
func (bw *bookWriter) table(s *sheetSpec) error {
	name, f := bw.names[s.key], bw.f
	cols := bw.expand(s)
	rows := bw.rows[s.key]
	if err := bw.printSetup(name, true); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return bw.fail(err)
	}
	for i := len(cols); i >= 1; i-- {
		if err := sw.SetColWidth(i, i, cols[i-1].c.width); err != nil {
			return bw.fail(err)
		}
	}
	err = sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}})
	if err != nil {
		return bw.fail(err)
	}
	cells := make([]any, len(cols))
	for i, hc := range cols {
		cells[i] = excelize.Cell{StyleID: bw.st.header, Value: bw.w.header(hc.c, hc.tag)}
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return bw.fail(err)
	}
	for n, r := range rows {
		for i, hc := range cols {
			v := r[hc.c.key]
			if t, ok := v.(model.Text); ok {
				v = t[hc.tag]
			}
			val, style, err := bw.value(hc.c.kind, v)
			if err != nil {
				return fmt.Errorf("workbook: %s, row %d, %s: %w", name, n+2, bw.w.header(hc.c, hc.tag), err)
			}
			cells[i] = excelize.Cell{StyleID: style, Value: val}
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		if err := sw.SetRow(cell, cells, excelize.RowOpts{Height: rowHeight(cols, cells)}); err != nil {
			return bw.fail(err)
		}
	}
	lastCol, _ := excelize.ColumnNumberToName(len(cols))
	if err := f.AutoFilter(name, "A1:"+lastCol+itoa(max(len(rows)+1, 2)), nil); err != nil {
		return bw.fail(err)
	}
	for i, hc := range cols {
		if hc.c.list == "" {
			continue
		}
		c, _ := excelize.ColumnNumberToName(i + 1)
		if err := bw.dropDown(name, c+"2:"+c+itoa(lastRow), hc.c.list, hc.c.kind != kRefs); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return bw.fail(err)
	}
	return bw.w.err
}

// enumLists are the drop-downs' enumerations, in the order of the lists
// sheet, with the column whose header names them.
var enumLists = []struct {
	name  string
	sheet string
	col   string
	words func() []string
}{
	{listKinds, "chronology", "kind", func() []string { return enumWords(model.EventKinds()) }},
	{listReliability, "chronology", "reliability", func() []string { return enumWords(model.Reliabilities()) }},
	{listPrecision, "chronology", "datePrecision", func() []string {
		return enumWords([]model.DatePrecision{model.PrecisionDay, model.PrecisionNight, model.PrecisionSpan, model.PrecisionApprox})
	}},
	{listGeoPrecision, "chronology", "geoPrecision", func() []string {
		return enumWords([]model.GeoPrecision{model.GeoPoint, model.GeoCity, model.GeoRegion, model.GeoCountry})
	}},
	{listPlaceKinds, "places", "kind", func() []string { return enumWords(model.PlaceKinds()) }},
	{listOutline, "places", "outline", func() []string { return []string{"Polygon", "MultiPolygon"} }},
	{listCategories, "sources", "category", func() []string { return enumWords(model.SourceCategories()) }},
	{listMetrics, "figures", "metric", func() []string { return enumWords(model.Metrics()) }},
	{listParties, "figures", "party", func() []string { return enumWords(model.Parties()) }},
	{listQualifiers, "figures", "qualifier", func() []string { return enumWords(model.Qualifiers()) }},
	{listStatuses, "figures", "status", func() []string { return enumWords(model.FigureStatuses()) }},
	{listClaimants, "figures", "claimantKind", func() []string { return enumWords(model.ClaimantKinds()) }},
	{listRoles, "contributors", "role", func() []string {
		return enumWords([]model.Role{model.RoleAuthor, model.RoleReviewer, model.RoleTranslator, model.RoleEditor})
	}},
}

func enumWords[E interface{ MarshalText() ([]byte, error) }](vs []E) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		b, _ := v.MarshalText()
		out[i] = string(b)
	}
	return out
}

func (bw *bookWriter) lists(s *sheetSpec) error {
	name, f := bw.names[s.key], bw.f
	if err := bw.printSetup(name, true); err != nil {
		return err
	}
	for i, l := range enumLists {
		c, _ := excelize.ColumnNumberToName(i + 1)
		col := sheetByKey(l.sheet).col(l.col)
		if err := f.SetCellStr(name, c+"1", bw.w.msg(col.msg)); err != nil {
			return bw.fail(err)
		}
		if err := f.SetColWidth(name, c, c, 20); err != nil {
			return bw.fail(err)
		}
		ws := l.words()
		for j, w := range ws {
			if err := f.SetCellStr(name, c+itoa(j+2), w); err != nil {
				return bw.fail(err)
			}
		}
		ref := quote(name) + "!$" + c + "$2:$" + c + "$" + itoa(len(ws)+1)
		if err := f.SetDefinedName(&excelize.DefinedName{Name: l.name, RefersTo: ref}); err != nil {
			return bw.fail(err)
		}
	}
	last, _ := excelize.ColumnNumberToName(len(enumLists))
	if err := f.SetCellStyle(name, "A1", last+"1", bw.st.header); err != nil {
		return bw.fail(err)
	}
	return bw.freeze(name)
}

// definedNames names the id columns the drop-downs of references offer.
func (bw *bookWriter) definedNames() error {
	for _, n := range []struct{ name, sheet string }{
		{listPlaceIDs, "places"}, {listSourceIDs, "sources"}, {listFigureIDs, "figures"}, {listSectionIDs, "sections"},
	} {
		s := sheetByKey(n.sheet)
		cols := bw.expand(s)
		for i, hc := range cols {
			if hc.c.key != "id" {
				continue
			}
			c, _ := excelize.ColumnNumberToName(i + 1)
			ref := quote(bw.names[s.key]) + "!$" + c + "$2:$" + c + "$" + itoa(lastRow)
			if err := bw.f.SetDefinedName(&excelize.DefinedName{Name: n.name, RefersTo: ref}); err != nil {
				return bw.fail(err)
			}
		}
	}
	return nil
}

// properties sets the document properties from the dossier, never the
// clock.
func (bw *bookWriter) properties() error {
	d := bw.d
	title := d.Title[bw.w.tag]
	if title == "" && len(d.Languages) > 0 {
		title = d.Title[d.Languages[0]]
	}
	stamp := modified(d).Time().Format(time.RFC3339)
	created := stamp
	if !d.Published.IsZero() && d.Published.Year >= 1980 && !d.Published.After(modified(d)) {
		created = d.Published.Time().Format(time.RFC3339)
	}
	p := &excelize.DocProperties{
		Title: title, Identifier: d.ID, Language: bw.w.tag.String(),
		Created: created, Modified: stamp,
		Creator: d.Issuer.Name[bw.w.tag], LastModifiedBy: d.Issuer.Name[bw.w.tag],
	}
	bw.stage = "document properties"
	if err := bw.f.SetDocProps(p); err != nil {
		return bw.fail(err)
	}
	return nil
}

// rowHeight returns the height in points of a row whose wrapped texts
// take as many lines as the longest needs, estimated from the columns'
// widths: spreadsheets do not all size rows to their text when they open
// a workbook (LibreOffice leaves them a line high).
func rowHeight(cols []hcol, cells []any) float64 {
	lines := 1
	for i, c := range cells {
		v, ok := c.(excelize.Cell).Value.(string)
		if !ok || v == "" {
			continue
		}
		// About a character of running text fits in a unit of width.
		per := max(1, int(cols[i].c.width))
		n := 0
		for _, para := range strings.Split(v, "\n") {
			n += max(1, (utf8.RuneCountInString(para)+per-1)/per)
		}
		lines = max(lines, n)
	}
	return min(409, 15*float64(lines))
}
