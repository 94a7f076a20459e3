package ua.zvernennia.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;

class SendRateLimiterTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(123 * SECOND);
    private final ChatKey a = ChatKey.of(Channel.TELEGRAM, "1");

    @Test
    void aChatGetsItsBurstThenOnePerSecond() {
        var limiter = new SendRateLimiter(30, 1, 3, now::get);
        assertThat(limiter.reserve(a, 10 * SECOND)).isZero();
        assertThat(limiter.reserve(a, 10 * SECOND)).isZero();
        assertThat(limiter.reserve(a, 10 * SECOND)).isZero();
        assertThat(limiter.reserve(a, 10 * SECOND)).isEqualTo(SECOND);
        assertThat(limiter.reserve(a, 10 * SECOND)).isEqualTo(2 * SECOND);
        assertThat(limiter.reserve(a, SECOND))
                .as("too long a wait reserves nothing")
                .isEqualTo(-1);
        now.addAndGet(3 * SECOND);
        assertThat(limiter.reserve(a, 10 * SECOND)).isZero();
    }

    @Test
    void allChatsTogetherStayWithinTheGlobalRate() {
        var limiter = new SendRateLimiter(30, 1, 1, now::get);
        for (int i = 0; i < 30; i++) {
            assertThat(limiter.reserve(ChatKey.of(Channel.TELEGRAM, "c" + i), SECOND))
                    .isZero();
        }
        assertThat(limiter.reserve(ChatKey.of(Channel.TELEGRAM, "late"), SECOND))
                .isEqualTo(SECOND / 30);
        assertThat(limiter.nextFree(ChatKey.of(Channel.TELEGRAM, "later"))).isEqualTo(2 * (SECOND / 30));
    }

    @Test
    void aChatWaitingForItsOwnSlotHoldsNoGlobalSlot() {
        var clock = new java.util.concurrent.atomic.AtomicLong();
        var limiter = new SendRateLimiter(2, 1, 1, clock::get);
        ChatKey flood = ChatKey.of(Channel.TELEGRAM, "flood");
        ChatKey other = ChatKey.of(Channel.TELEGRAM, "other");
        assertThat(limiter.reserveChat(flood, 10 * SECOND)).isZero();
        assertThat(limiter.reserveGlobal(10 * SECOND)).isZero();
        for (int i = 1; i <= 5; i++) {
            assertThat(limiter.reserveChat(flood, 10 * SECOND)).isEqualTo(i * SECOND);
        }
        assertThat(limiter.reserveChat(other, 10 * SECOND)).isZero();
        assertThat(limiter.reserveGlobal(10 * SECOND))
                .as("the flood's future slots are its own")
                .isZero();
    }
}
