package ua.zvernennia.app.console;

import java.time.Instant;

/**
 * One signed-in browser: the API token it signed in with (kept here only, never sent back to the
 * browser), its CSRF token, and what the console keeps between pages. Thread-safe.
 */
final class Session {
    final String id;
    final String csrf;
    final String token;
    private volatile Instant lastSeen;
    private volatile AppealFilter filter = AppealFilter.NONE;
    private volatile Flash flash;

    Session(String id, String csrf, String token, Instant now) {
        this.id = id;
        this.csrf = csrf;
        this.token = token;
        this.lastSeen = now;
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
    }

    void flash(Flash f) {
        flash = f;
    }

    /** The flash, once. */
    synchronized Flash takeFlash() {
        Flash f = flash;
        flash = null;
        return f;
    }

    @Override
    public String toString() {
        return "Session[" + id.substring(0, 6) + "…]";
    }
}
