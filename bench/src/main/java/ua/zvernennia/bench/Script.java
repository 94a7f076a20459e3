package ua.zvernennia.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What a simulated citizen does, step by step, and the words of the bot's answer that tell the
 * step is done: the first visit (start and consent), then appeals one after another, each through
 * every question of the conversation (category, issue type, description, photos skipped, a
 * location, name, address, phone shared as a contact, confirmation).
 */
final class Script {
    enum Kind {
        START,
        TEXT,
        PRESS,
        LOCATION,
        CONTACT
    }

    /** One thing the citizen does, and a fragment of the reply that answers it. */
    record Action(Kind kind, String value, String expect) {}

    static final String REGISTERED = "№ 20";

    static final List<Action> FIRST_VISIT = List.of(
            new Action(Kind.START, "/start", "Вітаю"), new Action(Kind.PRESS, "consent_yes", "Чим можу допомогти"));

    static final List<Action> APPEAL = List.of(
            new Action(Kind.PRESS, "new", "Оберіть напрямок"),
            new Action(Kind.PRESS, "cat:water", "що саме сталося"),
            new Action(Kind.PRESS, "type:no-water", "Опишіть проблему"),
            new Action(Kind.TEXT, "Немає холодної води в під'їзді з самого ранку, тиск нульовий", "Додайте фото"),
            new Action(Kind.PRESS, "photos_done", "Де проблема"),
            new Action(Kind.LOCATION, "48.4647,35.0462", "імʼя та прізвище"),
            new Action(Kind.TEXT, "Олена Коваленко", "Ваша адреса"),
            new Action(Kind.TEXT, "вул. Шевченка, 5, кв. 12", "Ваш номер телефону"),
            new Action(Kind.CONTACT, "+380501234567", "Перевірте"),
            new Action(Kind.PRESS, "confirm", REGISTERED));

    /** The first visit, then {@code appeals} appeals; 0 appeals means appeals without end. */
    static List<Action> steps(int appeals) {
        var out = new ArrayList<>(FIRST_VISIT);
        for (int i = 0; i < Math.max(1, appeals); i++) {
            out.addAll(APPEAL);
        }
        return List.copyOf(out);
    }

    /** The first visit and an appeal up to its description: a conversation left in progress with a draft. */
    static List<Action> leftInProgress() {
        var out = new ArrayList<>(FIRST_VISIT);
        out.addAll(APPEAL.subList(0, 3));
        return List.copyOf(out);
    }

    private Script() {}
}
