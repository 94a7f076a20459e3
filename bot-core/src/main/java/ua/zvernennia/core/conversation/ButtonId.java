package ua.zvernennia.core.conversation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.Rating;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.Event;

/**
 * What a button the bot offers does, as its id says. This is the one place that writes ids
 * ({@link #encode()}) and reads them back ({@link #parse}); Telegram's callback_data and Viber's
 * ActionBody carry the encoded string, and adapters never look inside it. The strings are those
 * the bot has always used, since buttons under messages sent long ago still carry them.
 *
 * <p>An id that does not parse (a button from an older version, or garbage a client made up) is
 * {@link Stale}: the citizen is told the button no longer applies, never an error.
 */
sealed interface ButtonId
        permits ButtonId.Fixed,
                ButtonId.ChooseCategory,
                ButtonId.ChooseIssueType,
                ButtonId.Edit,
                ButtonId.OnAppeal,
                ButtonId.Rate,
                ButtonId.Stale {

    /** The id as the button carries it; fails for an id longer than {@link Button#MAX_ID_BYTES}. */
    String encode();

    /** The id of a pressed button; never fails. */
    static ButtonId parse(String id) {
        if (!Button.fitsId(id)) {
            return new Stale(id == null ? "" : id);
        }
        Fixed fixed = Fixed.BY_ID.get(id);
        if (fixed != null) {
            return fixed;
        }
        int colon = id.indexOf(':');
        String kind = colon < 0 ? "" : id.substring(0, colon + 1);
        String rest = id.substring(colon + 1);
        Optional<ButtonId> parsed = switch (kind) {
            case ChooseCategory.PREFIX ->
                Optional.of(rest).filter(r -> !r.isEmpty()).map(ChooseCategory::new);
            case ChooseIssueType.PREFIX ->
                Optional.of(rest).filter(r -> !r.isEmpty()).map(ChooseIssueType::new);
            case Edit.PREFIX -> Edit.parse(rest);
            case Rate.PREFIX -> Rate.parse(rest);
            default -> OnAppeal.parse(kind, rest);
        };
        return parsed.orElseGet(() -> new Stale(id));
    }

    /** The id of the button pressed, or null when the event is not a button press. */
    static ButtonId pressed(Event event) {
        return event instanceof Event.ButtonPress b ? parse(b.id()) : null;
    }

    private static Optional<AppealNumber> appealNumber(String s) {
        try {
            return AppealNumber.parse(s);
        } catch (IllegalArgumentException e) {
            // Shaped like a number but out of range (year 1999, sequence 0).
            return Optional.empty();
        }
    }

    private static String checked(String id) {
        if (!Button.fitsId(id)) {
            throw new IllegalArgumentException("a button id must be 1.." + Button.MAX_ID_BYTES + " bytes: " + id);
        }
        return id;
    }

    /** Buttons that do the same wherever they are offered. */
    enum Fixed implements ButtonId {
        BACK("back", true),
        CANCEL("cancel", false),
        HELP("help", false),
        LANGUAGE("lang", true),
        CONSENT_YES("consent_yes", false),
        CONSENT_NO("consent_no", false),
        NEW_APPEAL("new", false),
        MY_APPEALS("mine", false),
        MY_DATA("mydata", false),
        ERASE("erase", false),
        ERASE_YES("erase_yes", false),
        NEXT_PAGE("page_next", true),
        PREV_PAGE("page_prev", true),
        PHOTOS_DONE("photos_done", false),
        PHOTOS_CLEAR("photos_clear", false),
        PLACE_HOME("place_home", false),
        USE_SAVED("use_saved", false),
        CONFIRM("confirm", false),
        WITHDRAW_YES("withdraw_yes", false),
        ANSWER_DONE("answer_done", false),
        RATING_SKIP("rating_skip", false);

        private static final Map<String, Fixed> BY_ID = new HashMap<>();

        static {
            for (Fixed f : values()) {
                BY_ID.put(f.id, f);
            }
        }

        private final String id;
        private final boolean stepping;

        Fixed(String id, boolean stepping) {
            this.id = id;
            this.stepping = stepping;
        }

        /**
         * Each press goes one step further (the next page, back, the other language), so that two
         * quick presses mean two steps; any other button pressed twice in a row would do the same
         * thing twice.
         */
        boolean stepping() {
            return stepping;
        }

        @Override
        public String encode() {
            return id;
        }
    }

    /** A category of the menu; whether it is still offered is for the step to say. */
    record ChooseCategory(String categoryId) implements ButtonId {
        static final String PREFIX = "cat:";

        public ChooseCategory {
            Objects.requireNonNull(categoryId, "categoryId");
        }

        @Override
        public String encode() {
            return checked(PREFIX + categoryId);
        }
    }

    /** An issue type of the draft's category. */
    record ChooseIssueType(String issueTypeId) implements ButtonId {
        static final String PREFIX = "type:";

        public ChooseIssueType {
            Objects.requireNonNull(issueTypeId, "issueTypeId");
        }

        @Override
        public String encode() {
            return checked(PREFIX + issueTypeId);
        }
    }

    /** On the summary: change the answer given at {@code step}, one the table marks editable. */
    record Edit(Step step) implements ButtonId {
        static final String PREFIX = "edit:";

        public Edit {
            if (!Steps.TABLE.row(step).editable()) {
                throw new IllegalArgumentException(step + " is not editable from the summary");
            }
        }

        static Optional<ButtonId> parse(String field) {
            for (Step s : Steps.TABLE.editable()) {
                if (s.name().toLowerCase(Locale.ROOT).equals(field)) {
                    return Optional.of(new Edit(s));
                }
            }
            return Optional.empty();
        }

        @Override
        public String encode() {
            return checked(PREFIX + step.name().toLowerCase(Locale.ROOT));
        }
    }

    /** What a button may do to one registered appeal, and the prefix of its id. */
    enum AppealAction {
        /** Show the appeal with its history (in «Мої звернення»). */
        SHOW("appeal:"),
        WITHDRAW("withdraw:"),
        /** Answer an operator's question. */
        ANSWER("answer:"),
        /** The problem of a resolved appeal is solved. */
        SOLVED("solved_yes:"),
        /** It is not: reopen the appeal. */
        NOT_SOLVED("solved_no:");

        private final String prefix;

        AppealAction(String prefix) {
            this.prefix = prefix;
        }
    }

    /**
     * A button about one registered appeal. Its id names the appeal, so it works wherever it was
     * offered: in the citizen's list, or in an operator's push that may be a while back.
     */
    record OnAppeal(AppealAction action, AppealNumber number) implements ButtonId {
        public OnAppeal {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(number, "number");
        }

        static Optional<ButtonId> parse(String prefix, String number) {
            for (AppealAction a : AppealAction.values()) {
                if (a.prefix.equals(prefix)) {
                    return appealNumber(number).map(n -> new OnAppeal(a, n));
                }
            }
            return Optional.empty();
        }

        @Override
        public String encode() {
            return checked(action.prefix + number);
        }
    }

    /** A rating of a resolved appeal. */
    record Rate(AppealNumber number, Rating rating) implements ButtonId {
        static final String PREFIX = "rate:";

        public Rate {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(rating, "rating");
        }

        static Optional<ButtonId> parse(String rest) {
            int colon = rest.lastIndexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            Optional<AppealNumber> number = appealNumber(rest.substring(0, colon));
            Optional<Rating> rating = Rating.parse(rest.substring(colon + 1));
            return number.isPresent() && rating.isPresent()
                    ? Optional.of(new Rate(number.get(), rating.get()))
                    : Optional.empty();
        }

        @Override
        public String encode() {
            return checked(PREFIX + number + ":" + rating);
        }
    }

    /** An id that names nothing the bot offers: from an older version, garbled, or made up. */
    record Stale(String raw) implements ButtonId {
        public Stale {
            Objects.requireNonNull(raw, "raw");
        }

        /** A stale id is read, never offered. */
        @Override
        public String encode() {
            throw new IllegalStateException("a stale button id is never offered: " + raw);
        }
    }
}
