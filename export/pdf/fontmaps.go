package pdf

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// fpdf writes each font it embeds for UTF-8 text with a CIDToGIDMap of
// all 65,536 CIDs (its CIDs are the characters' code points) and a
// ToUnicode map of one range over all of them. Both are right, but a
// reader that reads a page's fonts again for each piece of marked
// content, as poppler does for the text of each structure element, makes
// 65,536 entries twice per font each time: tens of seconds for a
// briefing of 25 pages. slimFontMaps rewrites them for the CIDs the font
// has glyphs for: the CIDToGIDMap up to the last of them (CIDs beyond a
// map's end have glyph 0, as the dropped entries had) and a ToUnicode
// map of the runs of them and of the characters drawn as invisible text
// over the shaper's outlines, which the font may have no glyph for.
// Every character drawn still maps to itself.

// slimStream is a stream object written again.
type slimStream struct {
	d    *pdict
	data []byte
}

// slimFontMaps returns the font maps to write again, by object number.
func slimFontMaps(f *pdfFile, invisible *[numFaces]map[rune]bool) (map[int]slimStream, error) {
	// the faces by the names fpdf gives their fonts
	faces := map[string]face{}
	for fc, fi := range fonts {
		if fi != nil {
			faces["utf8"+strings.ToLower(fi.family)+strings.ToUpper(fi.style)] = face(fc)
		}
	}
	out := map[int]slimStream{}
	order := make([]int, 0, len(f.offsets))
	for n, off := range f.offsets {
		if off > 0 {
			order = append(order, n)
		}
	}
	slices.SortFunc(order, func(a, b int) int { return f.offsets[a] - f.offsets[b] })
	// objectAt returns the object whose bytes hold src[pos].
	objectAt := func(pos int) int {
		i, _ := slices.BinarySearchFunc(order, pos, func(n, pos int) int { return f.offsets[n] - pos })
		if i < len(order) && f.offsets[order[i]] == pos {
			return order[i]
		}
		if i == 0 {
			return 0
		}
		return order[i-1]
	}
	key := []byte("/Subtype /Type0")
	for at := 0; ; {
		k := bytes.Index(f.src[at:], key)
		if k < 0 {
			break
		}
		n := objectAt(at + k)
		at += k + len(key)
		if n == 0 {
			continue
		}
		font, err := f.dict(n)
		if err != nil || font.get("Subtype") != pname("Type0") {
			continue // the bytes were within some other object
		}
		toUni, ok1 := font.get("ToUnicode").(pref)
		desc, _ := font.get("DescendantFonts").(parray)
		if !ok1 || len(desc) != 1 || font.get("Encoding") != pname("Identity-H") {
			continue
		}
		dr, _ := desc[0].(pref)
		cid, err := f.dict(int(dr))
		if err != nil {
			return nil, fmt.Errorf("font %d: %w", n, err)
		}
		mapRef, ok := cid.get("CIDToGIDMap").(pref)
		if !ok {
			continue
		}
		gids, err := f.stream(int(mapRef))
		if err != nil {
			return nil, fmt.Errorf("font %d: %w", n, err)
		}
		uni, err := f.stream(int(toUni))
		if err != nil {
			return nil, fmt.Errorf("font %d: %w", n, err)
		}
		if !bytes.Contains(uni, []byte("1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange")) {
			continue // not the identity map fpdf writes
		}
		end := len(gids) &^ 1
		used := make([]bool, end/2)
		for c := range used {
			used[c] = gids[2*c] != 0 || gids[2*c+1] != 0
		}
		for end >= 2 && gids[end-1] == 0 && gids[end-2] == 0 {
			end -= 2
		}
		base, _ := font.get("BaseFont").(pname)
		if fc, ok := faces[string(base)]; ok {
			for r := range invisible[fc] {
				if int(r) < len(used) {
					used[r] = true
				}
			}
		}
		out[int(mapRef)] = slimStream{newDict("Filter", pname("FlateDecode")), deflate(gids[:max(end, 2)])}
		out[int(toUni)] = slimStream{newDict("Filter", pname("FlateDecode")), deflate(toUnicode(used))}
	}
	return out, nil
}

// toUnicode is a ToUnicode map of the CIDs used, each to the character
// of its code point.
func toUnicode(used []bool) []byte {
	var runs [][2]int
	for c, u := range used {
		if !u {
			continue
		}
		// a range may vary in its last byte only
		if k := len(runs) - 1; k >= 0 && runs[k][1] == c-1 && runs[k][0]>>8 == c>>8 {
			runs[k][1] = c
		} else {
			runs = append(runs, [2]int{c, c})
		}
	}
	b := []byte("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for len(runs) > 0 {
		block := runs[:min(100, len(runs))]
		runs = runs[len(block):]
		b = fmt.Appendf(b, "%d beginbfrange\n", len(block))
		for _, r := range block {
			b = fmt.Appendf(b, "<%04X> <%04X> <%04X>\n", r[0], r[1], r[0])
		}
		b = append(b, "endbfrange\n"...)
	}
	return append(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"...)
}
