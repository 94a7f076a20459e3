package ua.zvernennia.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemorySignInLimitsTest {
    final Instant t0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void theWaitGrowsWithEveryFailureAndEndsWithARightToken() {
        var limits = new MemorySignInLimits();
        Instant now = t0;
        for (int i = 0; i < MemorySignInLimits.FREE_PER_CLIENT; i++) {
            limits.failed("a", now);
            assertThat(limits.wait("a", now)).as("free failure " + i).isZero();
        }
        limits.failed("a", now);
        assertThat(limits.wait("a", now)).isEqualTo(Duration.ofSeconds(1));
        now = now.plusSeconds(1);
        assertThat(limits.wait("a", now)).isZero();
        limits.failed("a", now);
        assertThat(limits.wait("a", now)).isEqualTo(Duration.ofSeconds(2));
        now = now.plusSeconds(2);
        limits.failed("a", now);
        assertThat(limits.wait("a", now)).isEqualTo(Duration.ofSeconds(4));
        for (int i = 0; i < 30; i++) {
            now = now.plus(limits.wait("a", now));
            limits.failed("a", now);
        }
        assertThat(limits.wait("a", now)).as("capped").isEqualTo(MemorySignInLimits.MAX_WAIT);
        assertThat(limits.wait("b", now)).as("others are free").isZero();

        now = now.plus(MemorySignInLimits.MAX_WAIT);
        limits.succeeded("a", now);
        limits.failed("a", now);
        assertThat(limits.wait("a", now)).as("forgotten after a right token").isZero();
    }

    @Test
    void aFloodFromManyAddressesSlowsEveryone() {
        var limits = new MemorySignInLimits();
        for (int i = 0; i <= MemorySignInLimits.FREE_OVERALL; i++) {
            limits.failed("10.0." + (i / 250) + "." + (i % 250), t0);
        }
        assertThat(limits.wait("192.0.2.1", t0)).isPositive();
        Instant later = t0.plus(MemorySignInLimits.FORGET_OVERALL).plusSeconds(5);
        assertThat(limits.wait("192.0.2.1", later)).isZero();
        limits.failed("10.9.9.9", later);
        assertThat(limits.wait("192.0.2.1", later))
                .as("the overall count starts again")
                .isZero();
    }

    @Test
    void failuresAreForgottenAfterAnHourWithoutOne() {
        var limits = new MemorySignInLimits();
        for (int i = 0; i < MemorySignInLimits.FREE_PER_CLIENT; i++) {
            limits.failed("a", t0);
        }
        Instant later = t0.plus(MemorySignInLimits.FORGET_CLIENT).plusSeconds(1);
        limits.failed("a", later);
        assertThat(limits.wait("a", later)).isZero();
    }
}
