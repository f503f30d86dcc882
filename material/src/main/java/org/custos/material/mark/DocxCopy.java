package org.custos.material.mark;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * DocxCopy writes a marked copy as a Word document (Apache POI): the copy code in every page's header and footer,
 * the document's title and subject, and the canary trap in the text, one paragraph per source line.
 */
final class DocxCopy {

    private DocxCopy() {
    }

    static void write(String text, CopyCode code, String title, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setTitle(title + " (controlled copy " + code.printed() + ")");
            doc.getProperties().getCoreProperties().setSubjectProperty("Controlled copy " + code.printed());
            String mark = "CONTROLLED COPY " + code.printed();
            for (HeaderFooterType type : new HeaderFooterType[] {HeaderFooterType.DEFAULT}) {
                XWPFParagraph h = doc.createHeader(type).createParagraph();
                h.setAlignment(ParagraphAlignment.CENTER);
                styled(h.createRun(), mark);
                XWPFParagraph f = doc.createFooter(type).createParagraph();
                f.setAlignment(ParagraphAlignment.CENTER);
                styled(f.createRun(), mark);
            }
            for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
                XWPFRun run = doc.createParagraph().createRun();
                run.setFontFamily("Times New Roman");
                run.setFontSize(11);
                run.setText(line.replaceAll("\\p{Cntrl}", ""));
            }
            doc.write(out);
        }
    }

    private static void styled(XWPFRun run, String text) {
        run.setBold(true);
        run.setFontFamily("Arial");
        run.setFontSize(8);
        run.setText(text);
    }
}
