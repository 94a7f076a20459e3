package ua.zvernennia.app.console;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * One signed-in browser: the hash of the API token it signed in with (the token itself is never
 * kept, nor sent back to the browser), its CSRF token, and what the console keeps between pages.
 * What changes is handed to {@code changed}, which keeps it where the sessions live. Thread-safe.
 */
final class Session {
    final String id;
    final String csrf;
    final String tokenHash;
    private final Consumer<Session> changed;
    private volatile Instant lastSeen;
    private volatile AppealFilter filter = AppealFilter.NONE;
    private volatile Flash flash;

    Session(String id, String csrf, String tokenHash, Instant now) {
        this(id, csrf, tokenHash, now, AppealFilter.NONE, null, s -> {});
    }

    Session(
            String id,
            String csrf,
            String tokenHash,
            Instant lastSeen,
            AppealFilter filter,
            Flash flash,
            Consumer<Session> changed) {
        this.id = id;
        this.csrf = csrf;
        this.tokenHash = tokenHash;
        this.lastSeen = lastSeen;
        this.filter = filter;
        this.flash = flash;
        this.changed = changed;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void seen(Instant now) {
        lastSeen = now;
    }

    AppealFilter filter() {
        return filter;
    }

    void filter(AppealFilter f) {
        filter = f;
        changed.accept(this);
    }

    void flash(Flash f) {
        flash = f;
        changed.accept(this);
    }

    /** The flash, once. */
    synchronized Flash takeFlash() {
        Flash f = flash;
        flash = null;
        if (f != null) {
            changed.accept(this);
        }
        return f;
    }

    /** The flash, left in place. */
    Flash peekFlash() {
        return flash;
    }

    @Override
    public String toString() {
        return "Session[" + id.substring(0, 6) + "…]";
    }
}
