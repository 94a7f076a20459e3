package ua.zvernennia.core.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "0501234567",
                "050 123 45 67",
                "+38 (050) 123-45-67",
                "380501234567",
                "+380501234567",
                "(050) 123 45 67",
                "050.123.45.67",
                "8 050 123 45 67",
                " +380501234567\n"
            })
    void acceptedForms(String typed) {
        assertThat(Phone.parse(typed)).hasValue(new Phone("+380501234567"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "12345",
                "050123456",
                "+1 202 555 0100",
                "+380 050 123 45 67",
                "3800501234567",
                "050 123 45 67 ext",
                "nomer",
                "0001234567",
                "+380001234567",
                "05012345678",
                "+0501234567",
                "050+1234567",
                "++380501234567",
                "050 123 45 67 89",
                "٠٥٠١٢٣٤٥٦٧"
            })
    void refused(String typed) {
        assertThat(Phone.parse(typed)).isEmpty();
    }

    @Test
    void onlyTheNormalFormIsAValue() {
        assertThatThrownBy(() -> new Phone("0501234567")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Phone(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logsSeeOnlyAMask() {
        Phone p = new Phone("+380501234567");
        assertThat(p.masked()).isEqualTo("+38050*****67");
        assertThat(p.toString()).doesNotContain("1234");
    }
}
