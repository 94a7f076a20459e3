package ua.zvernennia.app.web;

import io.javalin.http.Context;

/**
 * Reading a {@code multipart/form-data} body. Whatever the servlet layer throws while it reads
 * one (an {@code IOException} for a body cut short or malformed, a {@code ServletException},
 * Jetty's {@code BadMessageException} for a file over its limit), Javalin lets through unchecked;
 * it is always the sender's doing, never the database's, and is answered as bad input.
 */
public final class Multipart {
    private Multipart() {}

    /**
     * Reads the whole body as a form; false when it cannot be read as one. Afterwards the form's
     * fields and files are at hand without further reading.
     */
    public static boolean readable(Context ctx) {
        try {
            ctx.formParamMap();
            ctx.uploadedFileMap();
            return true;
        } catch (Exception e) {
            // Kotlin throws the checked ServletException undeclared.
            return false;
        }
    }
}
