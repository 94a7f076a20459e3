package ua.zvernennia.core.appeal;

/**
 * An appeal was not in the status a change of it started from: something else moved it since it
 * was read (another operator, on another instance).
 */
public final class StatusMovedException extends IllegalStateException {
    public StatusMovedException(AppealNumber number, AppealStatus expected) {
        super("appeal " + number + " is not " + expected);
    }
}
