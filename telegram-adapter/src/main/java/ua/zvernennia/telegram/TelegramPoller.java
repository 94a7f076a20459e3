package ua.zvernennia.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.zvernennia.core.lease.Lease;
import ua.zvernennia.telegram.BotApiHttp.BotApiException;

/**
 * Long polling that acknowledges nothing before it is committed: one thread asks getUpdates for
 * a batch, hands every update to the bot (which runs chats in parallel, each in order), waits
 * until all are committed and only then asks for the next batch with the offset past this one,
 * which is what tells Telegram the batch is done. A crash at any point means Telegram sends the
 * unacknowledged updates again, and the bot ignores those it has already committed.
 * telegrambots' own long polling moves the offset before its consumer has run, so it is not used.
 *
 * <p>Telegram serves one getUpdates at a time per bot, so of several instances of the app only
 * the holder of the poller's {@link Lease} polls; the others wait and take over within the
 * lease's time when the holder stops. Each long poll lasts a quarter of the lease's time at most,
 * and the lease is looked at before each. A new holder starts without an offset: Telegram sends
 * what the old holder had not acknowledged, and the bot skips what it committed already.
 * Start once; thread-safe.
 */
public final class TelegramPoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramPoller.class);
    static final int BATCH_LIMIT = 100;
    static final List<String> ALLOWED_UPDATES =
            List.of("message", "edited_message", "callback_query", "my_chat_member");
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** How long a batch may take to commit before it counts as failed and is fetched again. */
    private static final Duration COMMIT_TIMEOUT = Duration.ofMinutes(2);

    private final BotApiHttp api;
    private final OkHttpClient pollingHttp;
    private final TelegramUpdates updates;
    private final Duration pollTimeout;
    private final Lease lease;
    private final Thread thread;
    private volatile boolean running;
    private volatile Call current;
    private volatile long offset;

    TelegramPoller(BotApiHttp api, OkHttpClient http, TelegramUpdates updates, Duration pollTimeout) {
        this(api, http, updates, pollTimeout, Lease.always("telegram-poller"));
    }

    TelegramPoller(BotApiHttp api, OkHttpClient http, TelegramUpdates updates, Duration pollTimeout, Lease lease) {
        this.api = api;
        this.updates = updates;
        this.lease = lease;
        // A long poll must end well within the lease, so that a holder that lost it stops asking.
        Duration quarter = lease.ttl().dividedBy(4);
        Duration bounded =
                pollTimeout.compareTo(quarter) > 0 ? Duration.ofSeconds(Math.max(1, quarter.toSeconds())) : pollTimeout;
        this.pollTimeout = bounded;
        // The server holds getUpdates open for the poll timeout; the read must outlast it.
        this.pollingHttp = http.newBuilder()
                .readTimeout(bounded.plusSeconds(15))
                .callTimeout(bounded.plusSeconds(30))
                .build();
        this.thread = new Thread(this::run, "telegram-poller");
        this.thread.setDaemon(true);
    }

    /** Removes any webhook (getUpdates refuses to work while one is set) and starts polling. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread.start();
        log.info("Telegram long polling started");
    }

    /** Stops polling; an update in hand is not acknowledged and comes again on the next start. */
    @Override
    public void close() {
        running = false;
        Call call = current;
        if (call != null) {
            call.cancel();
        }
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The offset the next getUpdates will send: every update below it is committed. */
    public long offset() {
        return offset;
    }

    private void run() {
        awaitLease();
        deleteWebhook();
        int failures = 0;
        long failingBatch = -1;
        int batchAttempts = 0;
        while (running) {
            if (!lease.held()) {
                awaitLease();
                // Whatever was acknowledged meanwhile is below Telegram's offset; start from there.
                offset = 0;
                continue;
            }
            List<JsonNode> batch;
            try {
                batch = fetch();
                failures = 0;
            } catch (BotApiException e) {
                if (!running) {
                    break;
                }
                failures++;
                if (e.status() == 409) {
                    deleteWebhook();
                }
                if (e.status() == 401 || e.status() == 404) {
                    log.error("the Bot API refused the bot token ({}); check TELEGRAM_BOT_TOKEN", e.status());
                } else {
                    log.warn("getUpdates failed: {}", e.getMessage());
                }
                pause(backoff(failures));
                continue;
            }
            if (batch.isEmpty()) {
                continue;
            }
            long next = nextOffset(batch);
            if (handle(batch)) {
                offset = next;
                batchAttempts = 0;
                continue;
            }
            if (!running) {
                break;
            }
            // Only storage being down fails a commit (the core answers a turn that throws with an
            // apology and commits that), so the batch is kept and tried again until it commits:
            // Telegram holds unacknowledged updates for a day.
            long first = TelegramUpdates.updateId(batch.get(0));
            batchAttempts = first == failingBatch ? batchAttempts + 1 : 1;
            failingBatch = first;
            log.warn("updates {}..{} not committed (try {}); trying again", first, next - 1, batchAttempts);
            pause(backoff(batchAttempts));
        }
        log.info("Telegram long polling stopped");
    }

    /** Waits until this instance holds the poller's lease (at once where it is alone). */
    private void awaitLease() {
        boolean said = false;
        while (running && !lease.held()) {
            if (!said) {
                log.info("Telegram is polled by another instance; this one takes over if it stops");
                said = true;
            }
            pause(Duration.ofMillis(Math.max(50, lease.ttl().toMillis() / 8)));
        }
        if (said && running) {
            log.info("this instance polls Telegram now");
        }
    }

    private List<JsonNode> fetch() throws BotApiException {
        Map<String, Object> params = new LinkedHashMap<>();
        if (offset > 0) {
            params.put("offset", offset);
        }
        params.put("limit", BATCH_LIMIT);
        params.put("timeout", pollTimeout.toSeconds());
        params.put("allowed_updates", ALLOWED_UPDATES);
        JsonNode result = api.call("getUpdates", params, pollingHttp, call -> current = call);
        current = null;
        var batch = new ArrayList<JsonNode>();
        if (result.isArray()) {
            result.forEach(batch::add);
        }
        return batch;
    }

    /** Past the highest update_id of the batch; a malformed update counts if its id can be read. */
    private long nextOffset(List<JsonNode> batch) {
        long next = offset;
        for (JsonNode update : batch) {
            long id = TelegramUpdates.updateId(update);
            if (id >= next) {
                next = id + 1;
            }
        }
        return next;
    }

    /** Hands in the whole batch, in order, and waits for every commit; false if any failed. */
    private boolean handle(List<JsonNode> batch) {
        var pending = new ArrayList<CompletableFuture<?>>(batch.size());
        for (JsonNode update : batch) {
            pending.add(updates.accept(update));
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(COMMIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            log.warn(
                    "a batch of updates was not committed; it will be fetched again: {}",
                    e.getCause().getClass().getSimpleName());
            return false;
        } catch (TimeoutException e) {
            log.warn("a batch of updates was not committed within {}; it will be fetched again", COMMIT_TIMEOUT);
            return false;
        }
    }

    private void deleteWebhook() {
        try {
            api.call("deleteWebhook", Map.of("drop_pending_updates", false));
        } catch (BotApiException e) {
            log.warn("deleteWebhook failed: {}", e.getMessage());
        }
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration backoff(int failures) {
        Duration d = Duration.ofMillis(500L << Math.min(failures, 10));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
