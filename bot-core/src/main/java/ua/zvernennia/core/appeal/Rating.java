package ua.zvernennia.core.appeal;

import java.util.Optional;

/** How a citizen rated the handling of their appeal: 1 (poor) to 5 (excellent) stars. */
public record Rating(int stars) {
    public static final int MIN = 1;
    public static final int MAX = 5;

    public Rating {
        if (stars < MIN || stars > MAX) {
            throw new IllegalArgumentException("a rating is " + MIN + ".." + MAX + " stars, not " + stars);
        }
    }

    /** The rating written as one digit, {@code 1} to {@code 5}; empty for anything else. */
    public static Optional<Rating> parse(String s) {
        return s != null && s.matches("[1-5]") ? Optional.of(new Rating(Integer.parseInt(s))) : Optional.empty();
    }

    @Override
    public String toString() {
        return String.valueOf(stars);
    }
}
