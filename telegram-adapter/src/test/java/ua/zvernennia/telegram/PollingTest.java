package ua.zvernennia.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.testing.TestCategories;

/** The polling loop: what it acknowledges, and when. */
class PollingTest {
    private Harness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void aMalformedUpdateIsSkippedAndTheNextOneInTheBatchStillHandled() throws Exception {
        h = Harness.polling(TestCategories.small());
        long bad;
        long good;
        synchronized (h.api) {
            bad = h.api.enqueueRaw(
                    "{\"update_id\":$ID,\"message\":{\"message_id\":\"not a number\",\"chat\":[1,2],\"text\":{}}}");
            good = h.api.enqueue(List.of(Updates.text(31, "/start"))).get(0);
        }
        assertThat(good).isEqualTo(bad + 1);
        Harness.await("the reply to the good update", () -> !h.api.shown(31).isEmpty());
        Harness.await("the offset past both", () -> h.api.offsets().contains(good + 1));
        assertThat(h.api.shown(31).get(0).text()).contains("Вітаю");
    }

    @Test
    void aBatchOfOnlyBadOrUnknownUpdatesStillMovesTheOffset() throws Exception {
        h = Harness.polling(TestCategories.small());
        long notJsonObject = h.api.enqueueRaw("{\"update_id\":$ID,\"callback_query\":\"oops\"}");
        long unknownKind =
                h.api.enqueueRaw("{\"update_id\":$ID,\"poll_answer\":{\"poll_id\":\"p\",\"option_ids\":[0]}}");
        Harness.await("the offset past them", () -> h.api.offsets().contains(unknownKind + 1));
        assertThat(unknownKind).isEqualTo(notJsonObject + 1);
        assertThat(h.api.calls("sendMessage")).isEmpty();
        h.chat(32).send("/start").expect("Вітаю");
    }

    @Test
    void anUpdateIsNotAcknowledgedBeforeItsCommit() throws Exception {
        h = Harness.polling(TestCategories.small());
        h.chat(40).send("/start").expect("Вітаю");
        h.settle();

        h.unitOfWork.hold();
        long id = h.api.enqueue(List.of(Updates.text(40, "/help"))).get(0);
        Harness.await("the update's work to be submitted", () -> h.unitOfWork.heldCommits() > 0);
        // The poller parked waiting for the batch's commits cannot be asking for the next offset.
        Harness.await("the poller to wait for the commit", PollingTest::pollerWaitsForCommits);
        assertThat(h.api.offsets())
                .as("getUpdates offsets while the commit is held")
                .allMatch(o -> o <= id);
        assertThat(h.api.shown(40)).as("nothing sent before the commit").hasSize(1);

        h.unitOfWork.release();
        Harness.await("the offset past the update", () -> h.api.offsets().contains(id + 1));
        Harness.await("the reply", () -> h.api.shown(40).size() > 1);
        assertThat(h.api.shown(40).get(1).text()).contains("Я приймаю звернення");
    }

    @Test
    void aReDeliveredUpdateIsANoOp() throws Exception {
        h = Harness.polling(TestCategories.small());
        h.chat(41).send("/start").expect("Вітаю");
        h.settle();
        // As after a crash between the commit and the acknowledgement: the same update_id again.
        long id = h.api.offsets().stream().mapToLong(Long::longValue).max().orElseThrow() - 1;
        var again = Updates.text(41, "/start");
        h.api.enqueueRaw(again.put("update_id", id).toString());
        long marker = h.api.enqueue(List.of(Updates.text(42, "/start"))).get(0);
        Harness.await("the offset past both", () -> h.api.offsets().contains(marker + 1));
        h.settle();
        assertThat(h.api.shown(41)).hasSize(1);
    }

    /** Whether the poller's thread is parked inside its wait for a batch's commits. */
    private static boolean pollerWaitsForCommits() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().equals("telegram-poller"))
                .anyMatch(e -> {
                    Thread.State state = e.getKey().getState();
                    StackTraceElement[] stack = e.getValue();
                    boolean parked = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
                    boolean inHandle = java.util.Arrays.stream(stack)
                            .anyMatch(f -> f.getClassName().equals(TelegramPoller.class.getName())
                                    && f.getMethodName().equals("handle"));
                    boolean onFuture = java.util.Arrays.stream(stack)
                            .anyMatch(f -> f.getClassName().startsWith("java.util.concurrent.CompletableFuture"));
                    return parked && inHandle && onFuture;
                });
    }
}
