package ua.zvernennia.app.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import ua.zvernennia.core.register.RegisterFigures.Line;

/** The council's report as a DOCX document (Apache POI): A4, Times New Roman 12 pt, tables with borders. */
final class CouncilDocx {
    private static final String FONT = "Times New Roman";

    private CouncilDocx() {}

    static byte[] write(CouncilReport r) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            a4(doc);
            paragraph(doc, r.wording().organisation(), false, ParagraphAlignment.LEFT, 10);
            paragraph(doc, r.title(), true, ParagraphAlignment.CENTER, 14);
            paragraph(
                    doc,
                    CouncilReport.text(
                            "as.of",
                            r.figures()
                                    .period()
                                    .first()
                                    .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")),
                            r.figures()
                                    .period()
                                    .last()
                                    .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")),
                            r.asOf()),
                    false,
                    ParagraphAlignment.LEFT,
                    10);
            if (r.unfinished()) {
                paragraph(doc, CouncilReport.text("unfinished"), true, ParagraphAlignment.LEFT, 10);
            }
            paragraph(doc, r.intro(), false, ParagraphAlignment.BOTH, 12);
            for (CouncilReport.Section s : r.sections()) {
                paragraph(doc, CouncilReport.text(s.key()), true, ParagraphAlignment.LEFT, 12);
                for (String sentence : s.sentences()) {
                    paragraph(doc, sentence, false, ParagraphAlignment.BOTH, 12);
                }
                if (!s.lines().isEmpty()) {
                    table(doc, s);
                }
            }
            var paragraphs = r.narrativeParagraphs();
            if (!paragraphs.isEmpty()) {
                paragraph(doc, CouncilReport.text("section.narrative"), true, ParagraphAlignment.LEFT, 12);
                for (String p : paragraphs) {
                    paragraph(doc, p, false, ParagraphAlignment.BOTH, 12);
                }
            }
            paragraph(doc, "", false, ParagraphAlignment.LEFT, 12);
            paragraph(
                    doc,
                    CouncilReport.text("signature.position") + "\t\t" + CouncilReport.text("signature.line") + "\t\t"
                            + CouncilReport.text("signature.name"),
                    false,
                    ParagraphAlignment.LEFT,
                    12);
            paragraph(doc, CouncilReport.text("footer", r.asOf()), false, ParagraphAlignment.LEFT, 9);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void a4(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(1134));
        margins.setBottom(BigInteger.valueOf(1134));
        margins.setLeft(BigInteger.valueOf(1418));
        margins.setRight(BigInteger.valueOf(851));
    }

    private static void paragraph(XWPFDocument doc, String text, boolean bold, ParagraphAlignment align, int size) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        XWPFRun run = p.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setText(text);
    }

    private static void table(XWPFDocument doc, CouncilReport.Section s) {
        Map<String, String> labels = CouncilReport.labels(s);
        int columns = s.codes() ? 4 : 3;
        XWPFTable t = doc.createTable(1, columns);
        t.setWidth("100%");
        XWPFTableRow head = t.getRow(0);
        int c = 0;
        if (s.codes()) {
            cell(head, c++, CouncilReport.text("column.code"), true);
        }
        cell(head, c++, labels.get("item"), true);
        cell(head, c++, labels.get("count"), true);
        cell(head, c, labels.get("share"), true);
        for (Line l : s.lines()) {
            XWPFTableRow row = t.createRow();
            int i = 0;
            if (s.codes()) {
                cell(row, i++, l.code() == null ? "" : l.code(), l.subtotal());
            }
            String name = l.subtotal()
                    ? CouncilReport.text("group.total", l.name())
                    : (l.group() != null ? "    " : "") + l.name();
            cell(row, i++, name, l.subtotal());
            cell(row, i++, CouncilReport.count(l.count()), l.subtotal());
            cell(row, i, CouncilReport.share(l.percent()), l.subtotal());
        }
    }

    private static void cell(XWPFTableRow row, int index, String text, boolean bold) {
        XWPFParagraph p = row.getCell(index).getParagraphs().get(0);
        XWPFRun run = p.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(11);
        run.setBold(bold);
        run.setText(text);
    }
}
