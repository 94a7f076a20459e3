package ua.zvernennia.app.console;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.refusal.Refusal;
import ua.zvernennia.core.register.Classification;
import ua.zvernennia.core.register.Register;

/**
 * The classification form of an appeal's page, as typed: filled from the register's entry, or
 * sent back as it came when it was refused. Each field is the classifier's code, or empty for
 * "not classified".
 */
public record ClassificationForm(
        String type,
        String form,
        String signatories,
        String sign,
        String earlierNumber,
        Set<String> citizenCategories,
        List<String> questions,
        String outcome) {

    public ClassificationForm {
        citizenCategories = Set.copyOf(citizenCategories);
        questions = List.copyOf(questions);
    }

    static ClassificationForm of(Classification c) {
        return new ClassificationForm(
                text(c.type()),
                text(c.form()),
                c.signatories() == null ? "" : c.signatories().toString(),
                text(c.sign()),
                c.earlier() == null ? "" : c.earlier().toString(),
                new LinkedHashSet<>(c.citizenCategories()),
                c.questions(),
                text(c.outcome()));
    }

    /** The form as sent: the questions in the order of their selects, empty ones left out. */
    static ClassificationForm read(Context ctx) {
        var questions = new ArrayList<String>();
        for (String q : ctx.formParams("question")) {
            if (q != null && !q.isBlank() && !questions.contains(q.strip())) {
                questions.add(q.strip());
            }
        }
        var categories = new LinkedHashSet<String>();
        ctx.formParams("citizenCategory").stream()
                .filter(k -> k != null && !k.isBlank())
                .map(String::strip)
                .forEach(categories::add);
        return new ClassificationForm(
                param(ctx, "type"),
                param(ctx, "form"),
                param(ctx, "signatories"),
                param(ctx, "sign"),
                param(ctx, "earlierNumber"),
                categories,
                questions,
                param(ctx, "outcome"));
    }

    /**
     * The classification the form says.
     *
     * @throws Refusal naming the field that cannot be read (a number that is not one, a malformed
     *                 appeal number) or that the classification refuses itself
     */
    Classification classification() {
        Integer count = null;
        if (!signatories.isBlank()) {
            try {
                count = Integer.valueOf(signatories.strip());
            } catch (NumberFormatException e) {
                throw Refusal.invalid("signatories", "signatories: '" + signatories + "' is not a whole number");
            }
        }
        AppealNumber earlier = null;
        if (!earlierNumber.isBlank()) {
            earlier = AppealNumber.parse(earlierNumber.strip())
                    .orElseThrow(() -> Refusal.invalid(
                            "earlierNumber",
                            "earlierNumber: '" + earlierNumber + "' is not an appeal number such as 2025-000123"));
        }
        Integer n = count;
        AppealNumber e = earlier;
        return Register.validated(() -> new Classification(
                code(type), code(form), n, code(sign), e, List.copyOf(citizenCategories), questions, code(outcome)));
    }

    public boolean hasCategory(String code) {
        return citizenCategories.contains(code);
    }

    /** The questions' selects: one per question, and an empty one to add the next (up to the limit). */
    public List<String> questionRows() {
        var rows = new ArrayList<>(questions);
        if (rows.size() < Classification.MAX_QUESTIONS) {
            rows.add("");
        }
        return rows;
    }

    private static String param(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).map(String::strip).orElse("");
    }

    private static String code(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
