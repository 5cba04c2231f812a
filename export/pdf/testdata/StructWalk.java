// StructWalk opens each PDF given with Apache PDFBox 2 and prints its
// structure tree as PDFBox reads it, for TestPDFBox to check:
//
//	FILE <path> pages=<n> marked=<bool> lang=<catalog /Lang> title=<bool> parents=<pages whose /StructParents the parent tree resolves>
//	E <depth> <role> <MCIDs> <OBJRs> <lang> <alt> <actual text>
//
// one E line per structure element in reading order, fields separated by
// tabs (tabs and line ends within texts become spaces), "-" for none.
// A file PDFBox cannot read gives "ERROR <path> <message>".
import java.io.File;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;

public class StructWalk {
    public static void main(String[] args) {
        StringBuilder out = new StringBuilder();
        for (String path : args) {
            try (PDDocument doc = PDDocument.load(new File(path))) {
                walkFile(path, doc, out);
            } catch (Exception e) {
                out.append("ERROR\t").append(path).append('\t').append(clean(String.valueOf(e))).append('\n');
            }
        }
        System.out.print(out);
    }

    static void walkFile(String path, PDDocument doc, StringBuilder out) throws Exception {
        PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
        if (root == null) {
            out.append("ERROR\t").append(path).append("\tno structure tree\n");
            return;
        }
        PDMarkInfo mi = doc.getDocumentCatalog().getMarkInfo();
        PDNumberTreeNode parents = root.getParentTree();
        int resolved = 0;
        for (PDPage page : doc.getPages()) {
            int key = page.getStructParents();
            if (parents != null && key >= 0 && parents.getValue(key) != null) {
                resolved++;
            }
        }
        String title = doc.getDocumentInformation().getTitle();
        out.append("FILE\t").append(path)
            .append("\tpages=").append(doc.getNumberOfPages())
            .append("\tmarked=").append(mi != null && mi.isMarked())
            .append("\tlang=").append(orNone(doc.getDocumentCatalog().getLanguage()))
            .append("\ttitle=").append(title != null && !title.isEmpty())
            .append("\tparents=").append(resolved).append('\n');
        for (Object k : root.getKids()) {
            if (k instanceof PDStructureElement) {
                walk((PDStructureElement) k, 0, out);
            }
        }
    }

    static void walk(PDStructureElement e, int depth, StringBuilder out) {
        List<Object> kids = e.getKids();
        int mcids = 0, objrs = 0;
        for (Object k : kids) {
            if (k instanceof Integer || k instanceof PDMarkedContentReference) {
                mcids++;
            } else if (k instanceof PDObjectReference) {
                objrs++;
            }
        }
        out.append("E\t").append(depth).append('\t').append(e.getStructureType())
            .append('\t').append(mcids).append('\t').append(objrs)
            .append('\t').append(orNone(e.getLanguage()))
            .append('\t').append(orNone(e.getAlternateDescription()))
            .append('\t').append(orNone(e.getActualText())).append('\n');
        for (Object k : kids) {
            if (k instanceof PDStructureElement) {
                walk((PDStructureElement) k, depth + 1, out);
            }
        }
    }

    static String orNone(String s) {
        return s == null || s.isEmpty() ? "-" : clean(s);
    }

    static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
