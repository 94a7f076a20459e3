package ua.zvernennia.core.chat;

import java.util.List;
import java.util.Objects;

/** What the citizen can press under a reply. Adapters render each kind natively. */
public sealed interface Keyboard {

    /** Leave whatever keyboard the messenger shows. */
    record Keep() implements Keyboard {}

    /** Take away a keyboard that no longer applies. */
    record Remove() implements Keyboard {}

    /**
     * A menu of choices. {@code columns} is a hint; {@code navigation} buttons (back, cancel,
     * paging) go on their own row below the choices.
     */
    record Menu(List<Button> choices, int columns, List<Button> navigation) implements Keyboard {
        public Menu {
            choices = List.copyOf(choices);
            navigation = List.copyOf(navigation);
            if (columns < 1 || columns > 3) {
                throw new IllegalArgumentException("columns must be 1..3");
            }
        }
    }

    /** A button that shares the citizen's own phone number, plus other choices. */
    record RequestContact(String label, List<Button> others) implements Keyboard {
        public RequestContact {
            Objects.requireNonNull(label, "label");
            others = List.copyOf(others);
        }
    }

    /** A button that shares the citizen's location, plus other choices. */
    record RequestLocation(String label, List<Button> others) implements Keyboard {
        public RequestLocation {
            Objects.requireNonNull(label, "label");
            others = List.copyOf(others);
        }
    }

    Keep KEEP = new Keep();
    Remove REMOVE = new Remove();

    /** Every button the citizen could press, in order. */
    default List<Button> buttons() {
        if (this instanceof Menu m) {
            var all = new java.util.ArrayList<>(m.choices());
            all.addAll(m.navigation());
            return all;
        }
        if (this instanceof RequestContact c) {
            return c.others();
        }
        if (this instanceof RequestLocation l) {
            return l.others();
        }
        return List.of();
    }
}
