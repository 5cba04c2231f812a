# Reads a .bib file with Debian's python3-bibtexparser (1.x) and prints its
# entries as JSON: id, type and title with the TeX escapes the package
# writes undone. For the tests of package biblio.
import json
import sys

import bibtexparser
from bibtexparser.bparser import BibTexParser

parser = BibTexParser(common_strings=True)
parser.ignore_nonstandard_types = False
with open(sys.argv[1], encoding="utf-8") as f:
    db = bibtexparser.load(f, parser=parser)
unescape = [("\\textbackslash{}", "\\"), ("~", "\u00a0"), ("\\textasciitilde{}", "~"), ("\\textasciicircum{}", "^")]
unescape += [("\\textbraceleft{}", "{"), ("\\textbraceright{}", "}")]
unescape += [("\\" + c, c) for c in "%&#$_"]
out = []
for e in db.entries:
    title = e.get("title", "")
    for a, b in unescape:
        title = title.replace(a, b)
    out.append({"id": e["ID"], "type": e["ENTRYTYPE"], "title": title, "url": e.get("url", "")})
json.dump(out, sys.stdout, ensure_ascii=False)
