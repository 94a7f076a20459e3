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
    @CsvSource(delimiter = '|', value = {
            "'' | error.empty",
            "'   ' | error.empty",
            "а | error.description.short",
            "😡😡😡 | error.no.letters",
            "!!! ??? | error.no.letters"})
    void descriptionsRefused(String text, String reason) {
        assertThat(TextRules.description(text)).hasValue(reason);
    }

    @Test
    void descriptionLengthInCharactersAsPeopleCountThem() {
        assertThat(TextRules.description("а".repeat(TextRules.MAX_DESCRIPTION))).isEmpty();
        assertThat(TextRules.description("а".repeat(TextRules.MAX_DESCRIPTION + 1))).hasValue("error.description.long");
        assertThat(TextRules.description("а".repeat(5000))).hasValue("error.description.long");
        // Emoji take two UTF-16 units; they count once.
        assertThat(TextRules.description("а " + "😀".repeat(TextRules.MAX_DESCRIPTION - 2))).isEmpty();
        assertThat(TextRules.description(null)).hasValue("error.empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"вул. Шевченка, 5, кв. 12", "просп. Науки, 14", "Майдан Незалежності"})
    void addressesAccepted(String text) {
        assertThat(TextRules.address(text)).isEmpty();
    }

    @ParameterizedTest(name = "«{0}»: {1}")
    @CsvSource(delimiter = '|', value = {
            "'' | error.empty",
            "вул | error.address.short",
            "12345 | error.no.letters",
            "🏠🏠🏠🏠🏠 | error.no.letters"})
    void addressesRefused(String text, String reason) {
        assertThat(TextRules.address(text)).hasValue(reason);
    }

    @Test
    void addressLength() {
        assertThat(TextRules.address("а".repeat(TextRules.MAX_ADDRESS))).isEmpty();
        assertThat(TextRules.address("а".repeat(TextRules.MAX_ADDRESS + 1))).hasValue("error.address.long");
    }
}
