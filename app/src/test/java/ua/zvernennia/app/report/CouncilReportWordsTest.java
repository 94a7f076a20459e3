package ua.zvernennia.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The report's nouns agree with the numbers before them, as Ukrainian has it. */
class CouncilReportWordsTest {
    @Test
    void nounsAfterNumbers() {
        assertThat(CouncilReport.noun("appeals", 1)).isEqualTo("звернення");
        assertThat(CouncilReport.noun("appeals", 2)).isEqualTo("звернення");
        assertThat(CouncilReport.noun("appeals", 0)).isEqualTo("звернень");
        assertThat(CouncilReport.noun("appeals", 5)).isEqualTo("звернень");
        assertThat(CouncilReport.noun("appeals", 11)).isEqualTo("звернень");
        assertThat(CouncilReport.noun("appeals", 14)).isEqualTo("звернень");
        assertThat(CouncilReport.noun("appeals", 21)).isEqualTo("звернення");
        assertThat(CouncilReport.noun("appeals", 1_751)).isEqualTo("звернення");
        assertThat(CouncilReport.noun("questions", 12)).isEqualTo("питань");
        assertThat(CouncilReport.noun("questions", 23)).isEqualTo("питання");
        assertThat(CouncilReport.noun("persons", 1)).isEqualTo("особа");
        assertThat(CouncilReport.noun("persons", 3)).isEqualTo("особи");
        assertThat(CouncilReport.noun("persons", 25)).isEqualTo("осіб");
        assertThat(CouncilReport.noun("persons", 112)).isEqualTo("осіб");
    }
}
