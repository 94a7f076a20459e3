package ua.zvernennia.core.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RatingTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void oneToFiveStarsAndBackAsTheirDigit(int stars) {
        Rating r = new Rating(stars);
        assertThat(Rating.parse(r.toString())).hasValue(r);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 6, 10})
    void nothingElseIsARating(int stars) {
        assertThatThrownBy(() -> new Rating(stars)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "6", "9", "55", " 5", "5 ", "+5", "-1", "x", "٣", "５"})
    void onlyOneDigitFromOneToFiveParses(String s) {
        assertThat(Rating.parse(s)).isEmpty();
    }
}
