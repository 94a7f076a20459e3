package ua.zvernennia.app.console;

/**
 * A one-time message for the next page after a form was sent: "the status was changed", or a
 * newly issued token to copy (shown once, never stored elsewhere).
 */
public record Flash(String text, boolean error, String secret) {
    static Flash info(String text) {
        return new Flash(text, false, null);
    }
}
