package ua.zvernennia.app.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import ua.zvernennia.core.desk.ApiTokenStore;
import ua.zvernennia.core.staff.ConsoleSessions;

/**
 * The console's sessions in the database that several instances share: a browser signed in on
 * one instance is signed in on every other, and a restart of one signs nobody out. The row keeps
 * the hash of the session id (the cookie), the hash of the API token, the CSRF token, and the
 * list's filters and the next page's message as JSON; a newly issued token shown on the next page
 * goes there in a one-time cookie instead (see {@link Console#done}). A session ends on sign-out,
 * after {@link MemorySessions#IDLE} without a request, or when its token is revoked. The time seen
 * is written at most once a minute a session. Thread-safe.
 */
final class SharedSessions implements Sessions {
    /** A session's last request is written at most this often: plenty for an idle limit of hours. */
    static final Duration SEEN_EVERY = Duration.ofMinutes(1);

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final ConsoleSessions store;
    private final Clock clock;

    SharedSessions(ConsoleSessions store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Session open(String token) {
        Instant now = clock.instant();
        store.forgetIdleSince(now.minus(MemorySessions.IDLE));
        String id = Sessions.random();
        String csrf = Sessions.random();
        String tokenHash = ApiTokenStore.hash(token);
        store.open(new ConsoleSessions.Stored(hash(id), csrf, tokenHash, now, now, null, null));
        return new Session(id, csrf, tokenHash, now, AppealFilter.NONE, null, this::keep);
    }

    @Override
    public Optional<Session> find(String id) {
        if (id == null || id.isBlank() || id.length() > 100) {
            return Optional.empty();
        }
        Optional<ConsoleSessions.Stored> found = store.find(hash(id));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ConsoleSessions.Stored s = found.get();
        Instant now = clock.instant();
        if (s.lastSeen().plus(MemorySessions.IDLE).isBefore(now)) {
            store.close(s.idHash());
            return Optional.empty();
        }
        if (Duration.between(s.lastSeen(), now).compareTo(SEEN_EVERY) >= 0) {
            store.seen(s.idHash(), now);
        }
        return Optional.of(new Session(
                id,
                s.csrf(),
                s.tokenHash(),
                now,
                read(s.filter(), AppealFilter.class, AppealFilter.NONE),
                read(s.flash(), Flash.class, null),
                this::keep));
    }

    @Override
    public void close(Session s) {
        store.close(hash(s.id));
    }

    @Override
    public boolean shared() {
        return true;
    }

    private void keep(Session s) {
        Flash flash = s.peekFlash();
        // A secret never goes into the database: Console sends it in a cookie of its own.
        Flash kept = flash == null
                ? null
                : new Flash(flash.text(), flash.error(), flash.secret() == null ? null : Console.SECRET_IN_COOKIE);
        store.keep(hash(s.id), s.filter().isEmpty() ? null : write(s.filter()), kept == null ? null : write(kept));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(String json, Class<T> type, T otherwise) {
        if (json == null || json.isBlank()) {
            return otherwise;
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException | RuntimeException e) {
            // Written by an older version, say: the filters are reset rather than the page failing.
            return otherwise;
        }
    }

    private static String hash(String id) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
