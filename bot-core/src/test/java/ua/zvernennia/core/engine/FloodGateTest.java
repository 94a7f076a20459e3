package ua.zvernennia.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.engine.FloodGate.Verdict;

class FloodGateTest {
    static final long SECOND = 1_000_000_000L;
    final AtomicLong now = new AtomicLong(77 * SECOND);
    final FloodGate gate =
            new FloodGate(new FloodSettings(20, Duration.ofSeconds(10), Duration.ofSeconds(2)), now::get);
    final ChatKey chat = ChatKey.of(Channel.TELEGRAM, "1");
    final Event text = new Event.Text("привіт");

    @Test
    void aBurstOfTheLimitPassesThenTheFirstOverIsToldAndTheRestDropped() {
        for (int i = 0; i < 20; i++) {
            assertThat(gate.check(chat, text)).isEqualTo(Verdict.HANDLE);
        }
        assertThat(gate.check(chat, text)).isEqualTo(Verdict.SLOW_DOWN);
        assertThat(gate.check(chat, text)).isEqualTo(Verdict.DROP);
        assertThat(gate.check(ChatKey.of(Channel.VIBER, "1"), text))
                .as("another chat")
                .isEqualTo(Verdict.HANDLE);
    }

    @Test
    void aFloodThatGoesOnGetsTheRateAndIsToldOnlyOnce() {
        for (int i = 0; i < 21; i++) {
            gate.check(chat, text);
        }
        int handled = 0;
        int told = 0;
        for (int i = 0; i < 1000; i++) {
            now.addAndGet(SECOND / 100);
            Verdict v = gate.check(chat, text);
            handled += v == Verdict.HANDLE ? 1 : 0;
            told += v == Verdict.SLOW_DOWN ? 1 : 0;
        }
        assertThat(handled).as("two a second over ten seconds").isBetween(19, 21);
        assertThat(told).isZero();
    }

    @Test
    void afterAQuietWindowANewFloodIsToldAgain() {
        for (int i = 0; i < 21; i++) {
            gate.check(chat, text);
        }
        now.addAndGet(11 * SECOND);
        for (int i = 0; i < 20; i++) {
            assertThat(gate.check(chat, text)).isEqualTo(Verdict.HANDLE);
        }
        assertThat(gate.check(chat, text)).isEqualTo(Verdict.SLOW_DOWN);
    }

    @Test
    void theSamePressWithinTheRepeatWindowCountsOnceButAnotherPressOrALaterOneCounts() {
        Event yes = new Event.ButtonPress("consent_yes");
        assertThat(gate.check(chat, yes)).isEqualTo(Verdict.HANDLE);
        now.addAndGet(SECOND / 2);
        assertThat(gate.check(chat, yes)).isEqualTo(Verdict.DROP);
        assertThat(gate.check(chat, new Event.ButtonPress("new"))).isEqualTo(Verdict.HANDLE);
        assertThat(gate.check(chat, yes)).isEqualTo(Verdict.HANDLE);
        now.addAndGet(3 * SECOND);
        assertThat(gate.check(chat, yes)).isEqualTo(Verdict.HANDLE);
    }

    @Test
    void theNextPagePressedTwiceQuicklyIsTwoPages() {
        assertThat(gate.check(chat, new Event.ButtonPress("page_next"))).isEqualTo(Verdict.HANDLE);
        assertThat(gate.check(chat, new Event.ButtonPress("page_next"))).isEqualTo(Verdict.HANDLE);
        assertThat(gate.check(chat, new Event.ButtonPress("back"))).isEqualTo(Verdict.HANDLE);
        assertThat(gate.check(chat, new Event.ButtonPress("back"))).isEqualTo(Verdict.HANDLE);
    }

    @Test
    void offLetsEverythingThroughAndReachabilityIsNeverDropped() {
        FloodGate off = new FloodGate(FloodSettings.off(), now::get);
        for (int i = 0; i < 1000; i++) {
            assertThat(off.check(chat, new Event.ButtonPress("same"))).isEqualTo(Verdict.HANDLE);
        }
        for (int i = 0; i < 30; i++) {
            gate.check(chat, text);
        }
        assertThat(gate.check(chat, new Event.Reachability(false))).isEqualTo(Verdict.HANDLE);
    }
}
