package ua.zvernennia.app.console;

import ua.zvernennia.app.api.Caller;
import ua.zvernennia.app.api.Role;

/**
 * What every console page shows around its content: the title, who is signed in, the navigation,
 * the CSRF token for its forms, and a message left by the previous form.
 *
 * @param section the navigation entry to mark as current: appeals, new, import, categories, executors,
 *                channels, tokens, privacy, open311, stats, reports; work for an executor's own appeals
 */
public record Chrome(String title, Caller caller, String csrf, String section, Flash flash, Formats formats) {
    public boolean signedIn() {
        return caller != null;
    }

    public boolean admin() {
        return caller != null && caller.role() == Role.ADMIN;
    }

    /** Whether an executor's token is signed in: it sees its own appeals only. */
    public boolean executor() {
        return caller != null && caller.role() == Role.EXECUTOR;
    }

    public String current(String entry) {
        return entry.equals(section) ? "page" : null;
    }
}
