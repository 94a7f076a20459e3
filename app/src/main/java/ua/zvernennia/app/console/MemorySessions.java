package ua.zvernennia.app.console;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import ua.zvernennia.core.desk.ApiTokenStore;

/**
 * The console's server-side sessions, in memory: a restart signs everyone out, which is the safe
 * side for staff who share a desk. A session ends on sign-out, after {@link #IDLE} without a
 * request, or when its token is revoked. Thread-safe.
 */
final class MemorySessions implements Sessions {
    static final Duration IDLE = Duration.ofHours(8);
    private static final int MAX = 10_000;

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Clock clock;

    MemorySessions(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Session open(String token) {
        forgetIdle();
        if (byId.size() >= MAX) {
            byId.values().stream()
                    .min(java.util.Comparator.comparing(Session::lastSeen))
                    .ifPresent(s -> byId.remove(s.id));
        }
        Session s = new Session(Sessions.random(), Sessions.random(), ApiTokenStore.hash(token), clock.instant());
        byId.put(s.id, s);
        return s;
    }

    @Override
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = byId.get(id);
        if (s == null) {
            return Optional.empty();
        }
        if (s.lastSeen().plus(IDLE).isBefore(clock.instant())) {
            byId.remove(id);
            return Optional.empty();
        }
        s.seen(clock.instant());
        return Optional.of(s);
    }

    @Override
    public void close(Session s) {
        byId.remove(s.id);
    }

    private void forgetIdle() {
        var cutoff = clock.instant().minus(IDLE);
        byId.values().removeIf(s -> s.lastSeen().isBefore(cutoff));
    }
}
