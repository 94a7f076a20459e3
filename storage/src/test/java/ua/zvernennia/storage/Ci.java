package ua.zvernennia.storage;

/**
 * Whether the tests run on CI ({@code CI} set and not blank or {@code false}, as .ci/run has it):
 * there what a test needs was installed, and its absence fails the test instead of skipping it.
 */
public final class Ci {
    private Ci() {}

    public static boolean running() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }
}
