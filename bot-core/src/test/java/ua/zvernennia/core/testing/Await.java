package ua.zvernennia.core.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The one way tests wait for something to happen: Awaitility, polling every 10 ms. A condition
 * that never holds fails after a minute, which means a hang, not a slow machine; {@link #within}
 * is for the few checks whose point is a time limit.
 */
public final class Await {
    /** Long enough for a loaded CI machine; reaching it means something hangs. */
    public static final Duration HANG = Duration.ofMinutes(1);

    private Await() {}

    /** Waits until {@code condition} holds; fails naming {@code what} after {@link #HANG}. */
    public static void until(String what, BooleanSupplier condition) {
        within(HANG, what, condition);
    }

    /** Waits until {@code condition} holds; fails naming {@code what} when {@code limit} passes first. */
    public static void within(Duration limit, String what, BooleanSupplier condition) {
        try {
            Awaitility.await(what)
                    .atMost(limit)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10))
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + ": not within " + limit, e);
        }
    }
}
