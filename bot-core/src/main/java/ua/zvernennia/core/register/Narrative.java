package ua.zvernennia.core.register;

import java.time.Instant;

/**
 * The narrative part of a council's report for a period (the commission's meetings, the orders
 * issued), as an admin wrote it.
 *
 * @param period the period's key, such as {@code 2025-Q1}
 */
public record Narrative(String period, String body, Instant updatedAt, String updatedBy) {
    /** The longest narrative, characters. */
    public static final int MAX_BODY = 20_000;
}
