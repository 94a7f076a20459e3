package ua.zvernennia.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellTest {
    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreText() {
        assertThat(QuarterlyReport.cell("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(QuarterlyReport.cell("+380")).isEqualTo("'+380");
        assertThat(QuarterlyReport.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(QuarterlyReport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(QuarterlyReport.cell("\tx")).isEqualTo("'\tx");
        assertThat(QuarterlyReport.cell("\rx")).isEqualTo("'\rx");
        assertThat(QuarterlyReport.cell("КП «Водоканал»")).isEqualTo("КП «Водоканал»");
        assertThat(QuarterlyReport.cell("12.5")).isEqualTo("12.5");
        assertThat(QuarterlyReport.cell("")).isEmpty();
    }
}
