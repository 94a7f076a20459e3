package ua.zvernennia.core.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNameTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Олена Коваленко | Олена | Коваленко",
                "  Олена    Коваленко  | Олена | Коваленко",
                "Мар'яна Іваненко-Петрук | Мар'яна | Іваненко-Петрук",
                "Марʼяна Петрук | Марʼяна | Петрук",
                "Мар’яна Петрук | Мар’яна | Петрук",
                "Ivan Franko | Ivan | Franko",
                "Коваленко Олена Петрівна | Коваленко | Олена Петрівна",
                "Їжак Ґудзь | Їжак | Ґудзь",
                "Anna-Maria O'Neil | Anna-Maria | O'Neil"
            })
    void accepted(String typed, String first, String last) {
        assertThat(PersonName.parse(typed)).hasValue(new PersonName(first, last));
    }

    @Test
    void lettersTypedAsTwoCodePointsAreOneLetter() {
        // «й» as «и» and a combining breve, as some keyboards send it.
        assertThat(PersonName.parse("Андрі" + "и\u0306" + " Коваленко"))
                .hasValueSatisfying(n -> assertThat(n.firstName()).isEqualTo("Андрій"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "   ",
                "Олена",
                "Коваленко-Петрук",
                "Олена 2",
                "Олена Коваленко1",
                "R2D2 Droid",
                "Олена -Коваленко",
                "Олена Коваленко-",
                "'Олена Коваленко",
                "Олена 😀",
                "Олена; DROP TABLE",
                "Олена_Коваленко x"
            })
    void refused(String typed) {
        assertThat(PersonName.parse(typed)).isEmpty();
    }

    @Test
    void tooLongPartsAreRefused() {
        String fifty = "А".repeat(PersonName.MAX_PART);
        assertThat(PersonName.parse("Олена " + fifty)).isPresent();
        assertThat(PersonName.parse("Олена " + fifty + "б")).isEmpty();
        assertThat(PersonName.parse(fifty + "б Коваленко")).isEmpty();
    }

    @Test
    void validatesItself() {
        assertThatThrownBy(() -> new PersonName("Олена", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonName("Олена1", "Коваленко")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonName(null, "Коваленко")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logsSeeOnlyInitials() {
        PersonName n = new PersonName("Олена", "Коваленко");
        assertThat(n.full()).isEqualTo("Олена Коваленко");
        assertThat(n.toString()).isEqualTo("О. К***");
    }
}
