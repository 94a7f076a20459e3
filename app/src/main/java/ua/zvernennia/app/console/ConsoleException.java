package ua.zvernennia.app.console;

/** A request the console refuses, with its HTTP status and the reason in Ukrainian for the page. */
final class ConsoleException extends RuntimeException {
    private final int status;

    ConsoleException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
