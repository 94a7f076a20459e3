package ua.zvernennia.telegram;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import ua.zvernennia.core.chat.ChatKey;

/**
 * Token buckets for Telegram's send limits: one for all chats together and one per chat. A
 * caller reserves a slot and is told how long to wait before using it, so waiting callers are
 * served in the order they asked. Thread-safe.
 */
final class SendRateLimiter {
    /** Idle chats' buckets are dropped once there are this many, so the map cannot grow forever. */
    private static final int PRUNE_AT = 10_000;

    /**
     * A bucket kept as the time its next token is due (the generic cell rate algorithm): the
     * same as a token bucket, but one number per chat.
     */
    private static final class Bucket {
        long due;
    }

    private final long globalInterval;
    private final long globalTolerance;
    private final long chatInterval;
    private final long chatTolerance;
    private final LongSupplier nanoTime;
    private final Bucket global = new Bucket();
    private final Map<ChatKey, Bucket> chats = new HashMap<>();

    SendRateLimiter(double globalPerSecond, double perChatPerSecond, int perChatBurst, LongSupplier nanoTime) {
        this.globalInterval = (long) (1_000_000_000L / globalPerSecond);
        // The global bucket may hold a second's worth, as Telegram measures per second.
        this.globalTolerance = globalInterval * Math.max(0, (long) Math.floor(globalPerSecond) - 1);
        this.chatInterval = (long) (1_000_000_000L / perChatPerSecond);
        this.chatTolerance = chatInterval * (perChatBurst - 1L);
        this.nanoTime = nanoTime;
        long now = nanoTime.getAsLong();
        global.due = now;
    }

    /**
     * Reserves one message to {@code chat} if it can go within {@code maxWaitNanos}; returns the
     * nanoseconds to wait before sending, or -1 (nothing reserved) when the wait would be longer.
     */
    synchronized long reserve(ChatKey chat, long maxWaitNanos) {
        long now = nanoTime.getAsLong();
        Bucket bucket = chats.get(chat);
        if (bucket == null) {
            if (chats.size() >= PRUNE_AT) {
                chats.values().removeIf(b -> b.due - now <= 0);
            }
            bucket = new Bucket();
            bucket.due = now;
            chats.put(chat, bucket);
        }
        long start = max(now, bucket.due - chatTolerance, global.due - globalTolerance);
        long wait = start - now;
        if (wait > maxWaitNanos) {
            return -1;
        }
        bucket.due = Math.max(bucket.due, start) + chatInterval;
        global.due = Math.max(global.due, start) + globalInterval;
        return wait;
    }

    /**
     * Reserves one message's slot in {@code chat}'s bucket only, if it comes within
     * {@code maxWaitNanos}; returns the nanoseconds to wait, or -1 (nothing reserved). Take the
     * global slot with {@link #reserveGlobal} once that wait is over: a chat that has to wait for
     * its own bucket must not hold a global slot meanwhile, or every other chat would wait
     * behind it.
     */
    synchronized long reserveChat(ChatKey chat, long maxWaitNanos) {
        long now = nanoTime.getAsLong();
        Bucket bucket = bucket(chat, now);
        long start = bucket.due - chatTolerance - now > 0 ? bucket.due - chatTolerance : now;
        long wait = start - now;
        if (wait > maxWaitNanos) {
            return -1;
        }
        bucket.due = Math.max(bucket.due, start) + chatInterval;
        return wait;
    }

    /** Reserves one message's slot of the global rate; the wait in nanoseconds, or -1 if too long. */
    synchronized long reserveGlobal(long maxWaitNanos) {
        long now = nanoTime.getAsLong();
        long start = global.due - globalTolerance - now > 0 ? global.due - globalTolerance : now;
        long wait = start - now;
        if (wait > maxWaitNanos) {
            return -1;
        }
        global.due = Math.max(global.due, start) + globalInterval;
        return wait;
    }

    private Bucket bucket(ChatKey chat, long now) {
        Bucket bucket = chats.get(chat);
        if (bucket == null) {
            if (chats.size() >= PRUNE_AT) {
                chats.values().removeIf(b -> b.due - now <= 0);
            }
            bucket = new Bucket();
            bucket.due = now;
            chats.put(chat, bucket);
        }
        return bucket;
    }

    /** How long until a message to {@code chat} could go, without reserving it. */
    synchronized long nextFree(ChatKey chat) {
        long now = nanoTime.getAsLong();
        Bucket bucket = chats.get(chat);
        long chatDue = bucket == null ? now : bucket.due - chatTolerance;
        return Math.max(0, max(now, chatDue, global.due - globalTolerance) - now);
    }

    private static long max(long a, long b, long c) {
        // Compared as differences: System.nanoTime may be negative or wrap.
        long m = a - b < 0 ? b : a;
        return m - c < 0 ? c : m;
    }
}
