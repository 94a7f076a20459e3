package ua.zvernennia.app.openmap;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Public answers are the same for everyone, so each is computed once per {@code ttl} and reused
 * (concurrent askers of the same answer wait for one computation), and sent with an ETag: a
 * client that has it gets 304 and no body. Bounded: past {@link #MAX_ENTRIES} answers the
 * expired ones are dropped, and if that is not enough, all. Thread-safe.
 */
final class PublicAnswers {
    static final int MAX_ENTRIES = 5_000;

    record Answer(byte[] body, String contentType, String etag, long until) {}

    private final Clock clock;
    private final Duration ttl;
    private final ConcurrentHashMap<String, CompletableFuture<Answer>> answers = new ConcurrentHashMap<>();

    PublicAnswers(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Sends the answer to {@code key}, computing it with {@code compute} when there is none fresh. */
    void send(Context ctx, String key, String contentType, Supplier<byte[]> compute) {
        Answer a = get(key, contentType, compute);
        ctx.header("ETag", a.etag());
        ctx.header("Cache-Control", "public, max-age=" + Math.max(0, ttl.toSeconds()));
        ctx.header("X-Content-Type-Options", "nosniff");
        String asked = ctx.header("If-None-Match");
        if (asked != null && (asked.equals(a.etag()) || asked.equals("W/" + a.etag()))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(a.contentType()).result(a.body());
    }

    Answer get(String key, String contentType, Supplier<byte[]> compute) {
        long now = clock.millis();
        if (answers.size() > MAX_ENTRIES) {
            answers.values()
                    .removeIf(f -> f.isDone()
                            && !f.isCompletedExceptionally()
                            && f.join().until() <= now);
            if (answers.size() > MAX_ENTRIES) {
                answers.clear();
            }
        }
        while (true) {
            CompletableFuture<Answer> mine = new CompletableFuture<>();
            CompletableFuture<Answer> existing = answers.putIfAbsent(key, mine);
            if (existing == null) {
                try {
                    byte[] body = compute.get();
                    Answer a = new Answer(body, contentType, etag(body), clock.millis() + ttl.toMillis());
                    mine.complete(a);
                    if (ttl.isZero()) {
                        answers.remove(key, mine);
                    }
                    return a;
                } catch (RuntimeException e) {
                    answers.remove(key, mine);
                    mine.completeExceptionally(e);
                    throw e;
                }
            }
            Answer a;
            try {
                a = existing.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
            if (a.until() > now) {
                return a;
            }
            answers.remove(key, existing);
        }
    }

    static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
