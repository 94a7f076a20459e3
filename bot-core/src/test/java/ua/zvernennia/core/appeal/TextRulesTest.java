package ua.zvernennia.core.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {
    @ParameterizedTest
    @ValueSource(strings = {"ok", "Тече труба", "№5", "'; DROP TABLE appeal; --", "Немає світла 💡"})
    void descriptionsAccepted(String text) {
        assertThat(TextRules.description(text)).isEmpty();
    }

    @ParameterizedTest(name = "«{0}»: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'' | EMPTY",
                "'   ' | EMPTY",
                "а | DESCRIPTION_TOO_SHORT",
                "😡😡😡 | NO_LETTERS",
                "!!! ??? | NO_LETTERS"
            })
    void descriptionsRefused(String text, TextProblem reason) {
        assertThat(TextRules.description(text)).hasValue(reason);
    }

    @Test
    void descriptionLengthInCharactersAsPeopleCountThem() {
        assertThat(TextRules.description("а".repeat(TextRules.MAX_DESCRIPTION))).isEmpty();
        assertThat(TextRules.description("а".repeat(TextRules.MAX_DESCRIPTION + 1)))
                .hasValue(TextProblem.DESCRIPTION_TOO_LONG);
        assertThat(TextRules.description("а".repeat(5000))).hasValue(TextProblem.DESCRIPTION_TOO_LONG);
        // Emoji take two UTF-16 units; they count once.
        assertThat(TextRules.description("а " + "😀".repeat(TextRules.MAX_DESCRIPTION - 2)))
                .isEmpty();
        assertThat(TextRules.description(null)).hasValue(TextProblem.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"вул. Шевченка, 5, кв. 12", "просп. Науки, 14", "Майдан Незалежності"})
    void addressesAccepted(String text) {
        assertThat(TextRules.address(text)).isEmpty();
    }

    @ParameterizedTest(name = "«{0}»: {1}")
    @CsvSource(
            delimiter = '|',
            value = {"'' | EMPTY", "вул | ADDRESS_TOO_SHORT", "12345 | NO_LETTERS", "🏠🏠🏠🏠🏠 | NO_LETTERS"})
    void addressesRefused(String text, TextProblem reason) {
        assertThat(TextRules.address(text)).hasValue(reason);
    }

    @Test
    void addressLength() {
        assertThat(TextRules.address("а".repeat(TextRules.MAX_ADDRESS))).isEmpty();
        assertThat(TextRules.address("а".repeat(TextRules.MAX_ADDRESS + 1))).hasValue(TextProblem.ADDRESS_TOO_LONG);
    }

    @Test
    void eachProblemKnowsTheLimitItBroke() {
        assertThat(TextProblem.DESCRIPTION_TOO_SHORT.limit()).isEqualTo(TextRules.MIN_DESCRIPTION);
        assertThat(TextProblem.DESCRIPTION_TOO_LONG.limit()).isEqualTo(TextRules.MAX_DESCRIPTION);
        assertThat(TextProblem.ADDRESS_TOO_SHORT.limit()).isEqualTo(TextRules.MIN_ADDRESS);
        assertThat(TextProblem.ADDRESS_TOO_LONG.limit()).isEqualTo(TextRules.MAX_ADDRESS);
        assertThat(TextProblem.EMPTY.code()).isEqualTo("required");
        assertThat(TextProblem.ADDRESS_TOO_LONG.code())
                .isEqualTo(TextProblem.DESCRIPTION_TOO_LONG.code())
                .isEqualTo("too-long");
    }
}
