package ua.zvernennia.core.category;

import java.util.List;

/** A change that would break a rule of the whole menu (or clash with it); nothing was changed. */
public final class MenuConflict extends RuntimeException {
    private final List<String> problems;

    public MenuConflict(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public MenuConflict(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
