package ua.zvernennia.app.web;

/**
 * What reading a {@code multipart/form-data} body may throw that is the sender's doing: the
 * servlet layer's {@code ServletException}, or Jetty's {@code BadMessageException} (a file over
 * its limit, a malformed body), which Javalin lets through unchecked.
 */
public final class Multipart {
    private Multipart() {}

    /** Whether {@code e} (or a cause of it) says the body could not be read as a form. */
    public static boolean unreadable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.equals("BadMessageException") || name.equals("ServletException")) {
                return true;
            }
        }
        return false;
    }
}
