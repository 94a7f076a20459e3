package ua.zvernennia.core.desk;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ua.zvernennia.core.appeal.GeoPoint;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.appeal.TextProblem;
import ua.zvernennia.core.appeal.TextRules;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.CategoryCatalog;
import ua.zvernennia.core.chat.Channel;

/**
 * Checks an appeal an operator took by phone, e-mail, hotline or in person, field by field, with
 * the same rules as the bot: what every operator front end (the API, the web console) needs
 * before {@link OperatorDesk#register}. Stateless and thread-safe.
 */
public final class AppealIntake {
    /** The channels an operator registers appeals from; messenger appeals come from the bot. */
    public static final Set<Channel> OPERATOR_CHANNELS =
            EnumSet.of(Channel.PHONE, Channel.EMAIL, Channel.HOTLINE, Channel.GOV_HOTLINE, Channel.IN_PERSON);

    /** The fields as the operator gave them; any may be null. */
    public record Form(
            Channel channel,
            String category,
            String issueType,
            String description,
            Double latitude,
            Double longitude,
            String placeAddress,
            String firstName,
            String lastName,
            String address,
            String phone) {}

    /** What is wrong with the form's fields. */
    public enum Field {
        CHANNEL,
        CATEGORY,
        ISSUE_TYPE,
        DESCRIPTION,
        PLACE_ADDRESS,
        POINT,
        PLACE,
        NAME,
        ADDRESS,
        PHONE
    }

    /**
     * One field that does not fit.
     *
     * @param code   why: {@code required}, {@code messenger} (a messenger channel), {@code unknown}
     *               (no such active category or issue type), {@code out-of-range} (a point off the
     *               globe), {@code invalid} (a name or phone that cannot be read), or for a free text
     *               the {@link TextProblem#code() code} of its problem
     * @param detail the value or range the code is about, for the message; may be null
     * @param text   the problem of a free text (the description, an address), with its limit; null
     *               for the other problems
     */
    public record Problem(Field field, String code, String detail, TextProblem text) {
        public Problem(Field field, String code, String detail) {
            this(field, code, detail, null);
        }

        /** A free text that does not fit its {@link TextRules}. */
        public static Problem of(Field field, TextProblem text) {
            return new Problem(field, text.code(), null, text);
        }
    }

    /** Either the appeal to register, or every problem found (in the order of the form). */
    public record Checked(Optional<NewAppeal> appeal, List<Problem> problems) {
        public Checked {
            problems = List.copyOf(problems);
            if (appeal.isPresent() == !problems.isEmpty()) {
                throw new IllegalArgumentException("an appeal or problems, not both");
            }
        }
    }

    private AppealIntake() {}

    public static Checked check(Form f, CategoryCatalog catalog) {
        return check(f, catalog, OPERATOR_CHANNELS);
    }

    /**
     * The same checks for an appeal that comes from one of {@code channels}: the operators' ones,
     * or {@link Channel#WEB} for the city's website, apps (Open311) and the public web form.
     */
    public static Checked check(Form f, CategoryCatalog catalog, Set<Channel> channels) {
        var problems = new ArrayList<Problem>();
        if (f.channel() == null) {
            problems.add(new Problem(Field.CHANNEL, "required", null));
        } else if (!channels.contains(f.channel())) {
            problems.add(new Problem(Field.CHANNEL, "messenger", f.channel().name()));
        }
        Category category = null;
        if (blank(f.category())) {
            problems.add(new Problem(Field.CATEGORY, "required", null));
        } else {
            category =
                    catalog.find(f.category().strip()).filter(Category::active).orElse(null);
            if (category == null) {
                problems.add(new Problem(Field.CATEGORY, "unknown", f.category()));
            }
        }
        String issueType = blank(f.issueType()) ? null : f.issueType().strip();
        if (category != null
                && issueType != null
                && category.issueType(issueType).filter(t -> t.active()).isEmpty()) {
            problems.add(new Problem(Field.ISSUE_TYPE, "unknown", issueType));
        }
        TextRules.description(f.description()).ifPresent(p -> problems.add(Problem.of(Field.DESCRIPTION, p)));
        String placeAddress = blank(f.placeAddress()) ? null : f.placeAddress().strip();
        if (placeAddress != null) {
            TextRules.address(placeAddress).ifPresent(p -> problems.add(Problem.of(Field.PLACE_ADDRESS, p)));
        }
        GeoPoint point = null;
        if ((f.latitude() == null) != (f.longitude() == null)) {
            problems.add(new Problem(Field.POINT, "required", null));
        } else if (f.latitude() != null) {
            try {
                point = new GeoPoint(f.latitude(), f.longitude());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(Field.POINT, "out-of-range", e.getMessage()));
            }
        }
        if (point == null && placeAddress == null && f.latitude() == null && f.longitude() == null) {
            problems.add(new Problem(Field.PLACE, "required", null));
        }
        PersonName name = null;
        String first = nfc(f.firstName());
        String last = nfc(f.lastName());
        if (blank(first) || blank(last)) {
            problems.add(new Problem(Field.NAME, "required", null));
        } else {
            try {
                name = new PersonName(first, last);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(Field.NAME, "invalid", null));
            }
        }
        TextRules.address(f.address()).ifPresent(p -> problems.add(Problem.of(Field.ADDRESS, p)));
        Optional<Phone> phone = Phone.parse(f.phone());
        if (phone.isEmpty()) {
            problems.add(new Problem(Field.PHONE, blank(f.phone()) ? "required" : "invalid", null));
        }
        if (!problems.isEmpty()) {
            return new Checked(Optional.empty(), problems);
        }
        return new Checked(
                Optional.of(new NewAppeal(
                        f.channel(),
                        null,
                        category,
                        issueType,
                        f.description().strip(),
                        List.of(),
                        point,
                        placeAddress,
                        name,
                        f.address().strip(),
                        phone.get())),
                List.of());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nfc(String s) {
        return s == null ? null : Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
    }
}
