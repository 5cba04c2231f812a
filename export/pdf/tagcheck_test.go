package pdf

import (
	"bytes"
	"fmt"
	"strings"
)

// treeElem is a structure element read back from a file.
type treeElem struct {
	num  int
	role string
	d    *pdict
	objr bool // it refers to an annotation
}

type readBack struct {
	f      *pdfFile
	cat    *pdict
	elems  []*treeElem // in reading order
	byNum  map[int]*treeElem
	mcrs   map[[2]int][]int // (page object, MCID) -> the elements that refer to it
	annots map[int]int      // annotation object -> the element that refers to it
}

// readTree reads the structure tree of a file in reading order.
func readTree(data []byte) (*readBack, error) {
	f, err := readPDF(data)
	if err != nil {
		return nil, err
	}
	root, _ := f.trailer.get("Root").(pref)
	cat, err := f.dict(int(root))
	if err != nil {
		return nil, err
	}
	r := &readBack{f: f, cat: cat, byNum: map[int]*treeElem{}, mcrs: map[[2]int][]int{}, annots: map[int]int{}}
	str, ok := cat.get("StructTreeRoot").(pref)
	if !ok {
		return nil, fmt.Errorf("no StructTreeRoot")
	}
	sd, err := f.dict(int(str))
	if err != nil {
		return nil, err
	}
	var walk func(n, parent int) error
	walk = func(n, parent int) error {
		if r.byNum[n] != nil {
			return fmt.Errorf("element %d twice in the tree", n)
		}
		d, err := f.dict(n)
		if err != nil {
			return err
		}
		if p, _ := d.get("P").(pref); int(p) != parent {
			return fmt.Errorf("element %d: /P %d, not its parent %d", n, p, parent)
		}
		role, _ := d.get("S").(pname)
		e := &treeElem{num: n, role: string(role), d: d}
		r.elems = append(r.elems, e)
		r.byNum[n] = e
		pg, _ := d.get("Pg").(pref)
		kids, _ := d.get("K").(parray)
		for _, k := range kids {
			switch k := k.(type) {
			case pref:
				if err := walk(int(k), n); err != nil {
					return err
				}
			case int, praw:
				var mcid int
				fmt.Sscan(fmt.Sprint(k), &mcid)
				r.mcrs[[2]int{int(pg), mcid}] = append(r.mcrs[[2]int{int(pg), mcid}], n)
			case *pdict:
				kp, _ := k.get("Pg").(pref)
				if t, _ := k.get("Type").(pname); t == "OBJR" {
					o, _ := k.get("Obj").(pref)
					e.objr = true
					if _, dup := r.annots[int(o)]; dup {
						return fmt.Errorf("annotation %d referred to twice", o)
					}
					r.annots[int(o)] = n
					continue
				}
				var mcid int
				fmt.Sscan(string(k.get("MCID").(praw)), &mcid)
				r.mcrs[[2]int{int(kp), mcid}] = append(r.mcrs[[2]int{int(kp), mcid}], n)
			}
		}
		return nil
	}
	ks, _ := sd.get("K").(parray)
	if len(ks) != 1 {
		return nil, fmt.Errorf("the tree has %d roots", len(ks))
	}
	if err := walk(int(ks[0].(pref)), int(str)); err != nil {
		return nil, err
	}
	return r, nil
}

// checkTagged checks the rules of PDF/UA-1 (from the Matterhorn
// Protocol) and PDF/A-3 that matter for these files and that a program
// can decide:
//   - the catalog: /MarkInfo /Marked true (Matterhorn 01-002), /Lang
//     (11-006), /ViewerPreferences /DisplayDocTitle true (07-002), XMP
//     metadata with dc:title (06-003) and the PDF/UA identifier (06-002);
//   - every painting operator of a page inside a marked-content sequence,
//     tagged content or an Artifact (01-001), and artifacts holding no
//     MCID (01-004 in spirit);
//   - every MCID of a page referred to exactly once by the structure
//     tree, and the parent tree giving the element that refers to it
//     (the structure must be consistent for 01-005 and 01-007);
//   - every annotation tagged: /StructParent, a Link whose OBJR refers
//     to it, /Contents (28-004), pages with annotations having /Tabs /S
//     (28-011); every Figure with /Alt (13-004);
//   - PDF/A: the identification in the XMP, an sRGB output intent with
//     its profile, no transparency (no /SMask, /CA or /ca below 1, no
//     transparency group), annotations printable, a binary header
//     comment, a document ID, an associated file with /AFRelationship.
func checkTagged(data []byte, pdfa bool) error {
	r, err := readTree(data)
	if err != nil {
		return err
	}
	f, cat := r.f, r.cat
	if mi, _ := cat.get("MarkInfo").(*pdict); mi == nil || mi.get("Marked") != praw("true") {
		return fmt.Errorf("no /MarkInfo /Marked true")
	}
	if _, ok := cat.get("Lang").(pstring); !ok {
		return fmt.Errorf("no /Lang")
	}
	if vp, _ := cat.get("ViewerPreferences").(*pdict); vp == nil || vp.get("DisplayDocTitle") != praw("true") {
		return fmt.Errorf("no DisplayDocTitle")
	}
	md, _ := cat.get("Metadata").(pref)
	xmp, err := f.stream(int(md))
	if err != nil {
		return fmt.Errorf("XMP: %v", err)
	}
	for _, s := range []string{"<dc:title>", "<pdfuaid:part>1<"} {
		if !bytes.Contains(xmp, []byte(s)) {
			return fmt.Errorf("XMP without %s", s)
		}
	}
	for _, e := range r.elems {
		if e.role == "Figure" && e.d.get("Alt") == nil {
			return fmt.Errorf("a Figure without /Alt")
		}
	}
	// the parent tree
	ptRef, _ := cat.get("StructTreeRoot").(pref)
	str, _ := f.dict(int(ptRef))
	ptr, _ := str.get("ParentTree").(pref)
	pt, err := f.dict(int(ptr))
	if err != nil {
		return fmt.Errorf("parent tree: %v", err)
	}
	parents := map[int]any{}
	if err := readNumberTree(f, pt, parents, 0); err != nil {
		return fmt.Errorf("parent tree: %v", err)
	}
	pagesRef, _ := cat.get("Pages").(pref)
	pages, _ := f.dict(int(pagesRef))
	kids, _ := pages.get("Kids").(parray)
	seen := 0
	for i, k := range kids {
		pn := int(k.(pref))
		pd, err := f.dict(pn)
		if err != nil {
			return err
		}
		if pdfa && pd.get("Group") != nil {
			return fmt.Errorf("page %d: a transparency group", i+1)
		}
		var sp int
		fmt.Sscan(string(pd.get("StructParents").(praw)), &sp)
		arr, _ := parents[sp].(parray)
		cref, _ := pd.get("Contents").(pref)
		content, err := f.stream(int(cref))
		if err != nil {
			return fmt.Errorf("page %d: %v", i+1, err)
		}
		mcids, err := checkContent(content)
		if err != nil {
			return fmt.Errorf("page %d: %v", i+1, err)
		}
		if len(mcids) != len(arr) {
			return fmt.Errorf("page %d: %d MCIDs, %d in the parent tree", i+1, len(mcids), len(arr))
		}
		for _, m := range mcids {
			refs := r.mcrs[[2]int{pn, m}]
			if len(refs) != 1 {
				return fmt.Errorf("page %d: MCID %d referred to %d times by the tree", i+1, m, len(refs))
			}
			if m >= len(arr) || arr[m] != pref(refs[0]) {
				return fmt.Errorf("page %d: MCID %d: parent tree and structure tree disagree", i+1, m)
			}
			seen++
		}
		annots, _ := pd.get("Annots").(parray)
		if len(annots) > 0 && pd.get("Tabs") != pname("S") {
			return fmt.Errorf("page %d: annotations without /Tabs /S", i+1)
		}
		for _, a := range annots {
			an := int(a.(pref))
			ad, err := f.dict(an)
			if err != nil {
				return err
			}
			if ad.get("Contents") == nil || ad.get("F") != praw("4") {
				return fmt.Errorf("page %d: annotation %d without /Contents or /F 4", i+1, an)
			}
			var asp int
			fmt.Sscan(string(ad.get("StructParent").(praw)), &asp)
			el, ok := r.annots[an]
			if !ok || parents[asp] != pref(el) || r.byNum[el].role != "Link" {
				return fmt.Errorf("page %d: annotation %d not tagged as a Link", i+1, an)
			}
		}
	}
	if seen != len(r.mcrs) {
		return fmt.Errorf("the tree refers to %d marked contents, the pages hold %d", len(r.mcrs), seen)
	}
	if !pdfa {
		return nil
	}
	if !bytes.HasPrefix(data, []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")) {
		return fmt.Errorf("PDF/A: header")
	}
	for _, s := range []string{"<pdfaid:part>3<", "<pdfaid:conformance>B<", "pdfaExtension:schemas"} {
		if !bytes.Contains(xmp, []byte(s)) {
			return fmt.Errorf("PDF/A: XMP without %s", s)
		}
	}
	if id, _ := f.trailer.get("ID").(parray); len(id) != 2 {
		return fmt.Errorf("PDF/A: no document ID")
	}
	ois, _ := cat.get("OutputIntents").(parray)
	if len(ois) != 1 {
		return fmt.Errorf("PDF/A: %d output intents", len(ois))
	}
	oi, _ := f.dict(int(ois[0].(pref)))
	icc, err := f.stream(int(oi.get("DestOutputProfile").(pref)))
	if err != nil || len(icc) < 132 || string(icc[36:40]) != "acsp" || string(icc[16:20]) != "RGB " {
		return fmt.Errorf("PDF/A: output profile: %v", err)
	}
	if bytes.Contains(data, []byte("/SMask")) || bytes.Contains(data, []byte("/ca ")) || bytes.Contains(data, []byte("/CA ")) {
		return fmt.Errorf("PDF/A: transparency")
	}
	af, _ := cat.get("AF").(parray)
	for _, a := range af {
		fs, _ := f.dict(int(a.(pref)))
		if fs.get("AFRelationship") == nil {
			return fmt.Errorf("PDF/A: an associated file without /AFRelationship")
		}
	}
	return nil
}

// readNumberTree reads the number tree node d into m, checking the
// limits of its leaves.
func readNumberTree(f *pdfFile, d *pdict, m map[int]any, depth int) error {
	if depth > 8 {
		return fmt.Errorf("too deep")
	}
	if kids, ok := d.get("Kids").(parray); ok {
		for _, k := range kids {
			r, _ := k.(pref)
			kd, err := f.dict(int(r))
			if err != nil {
				return err
			}
			if err := readNumberTree(f, kd, m, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	nums, _ := d.get("Nums").(parray)
	lo, hi := -1, -1
	for i := 0; i+1 < len(nums); i += 2 {
		k, ok := intOf(nums[i])
		if !ok || k <= hi {
			return fmt.Errorf("key %v out of order", nums[i])
		}
		if lo < 0 {
			lo = k
		}
		hi = k
		m[k] = nums[i+1]
	}
	if lim, ok := d.get("Limits").(parray); ok {
		a, _ := intOf(lim[0])
		b, _ := intOf(lim[1])
		if len(lim) != 2 || a != lo || b != hi {
			return fmt.Errorf("/Limits %v for keys %d to %d", lim, lo, hi)
		}
	} else if depth > 0 {
		return fmt.Errorf("a leaf without /Limits")
	}
	return nil
}

// painting are the operators that put marks on a page.
var painting = map[string]bool{"Tj": true, "TJ": true, "'": true, "\"": true, "S": true, "s": true, "f": true, "F": true,
	"f*": true, "B": true, "B*": true, "b": true, "b*": true, "Do": true, "sh": true, "BI": true}

// checkContent reads a content stream and returns its MCIDs in order,
// or an error for painting outside marked content, a marked-content
// sequence left open, or an MCID within an artifact.
func checkContent(c []byte) ([]int, error) {
	p := &objParser{src: c}
	var stack []string // the tags of the open sequences
	var ops []any
	var mcids []int
	for {
		p.skip()
		if p.pos >= len(c) {
			break
		}
		v, err := p.value()
		if err != nil {
			return nil, fmt.Errorf("content at %d: %v", p.pos, err)
		}
		op, ok := v.(praw)
		if !ok || strings.ContainsAny(string(op)[:1], "0123456789.-+") || op == "true" || op == "false" || op == "null" {
			ops = append(ops, v)
			continue
		}
		switch op {
		case "BMC":
			stack = append(stack, string(ops[len(ops)-1].(pname)))
		case "BDC":
			tag := string(ops[len(ops)-2].(pname))
			if d, ok := ops[len(ops)-1].(*pdict); ok && d.get("MCID") != nil {
				if tag == "Artifact" {
					return nil, fmt.Errorf("an artifact with an MCID")
				}
				for _, s := range stack {
					if s != "Artifact" {
						return nil, fmt.Errorf("an MCID within tagged content")
					}
				}
				var m int
				fmt.Sscan(string(d.get("MCID").(praw)), &m)
				mcids = append(mcids, m)
			}
			stack = append(stack, tag)
		case "EMC":
			if len(stack) == 0 {
				return nil, fmt.Errorf("EMC without BDC")
			}
			stack = stack[:len(stack)-1]
		default:
			if painting[string(op)] && len(stack) == 0 {
				return nil, fmt.Errorf("%s outside marked content", op)
			}
		}
		ops = ops[:0]
	}
	if len(stack) > 0 {
		return nil, fmt.Errorf("%d marked-content sequences left open", len(stack))
	}
	return mcids, nil
}
