package ua.zvernennia.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.Rating;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.conversation.ButtonId.AppealAction;
import ua.zvernennia.core.conversation.ButtonId.Fixed;

/** Button ids: one encoding, one parsing, the size limit, and garbage read as a stale button. */
class ButtonIdTest {
    static final AppealNumber N = new AppealNumber(2026, 123);

    static Stream<ButtonId> everyKind() {
        var all = new ArrayList<ButtonId>(List.of(Fixed.values()));
        all.add(new ButtonId.ChooseCategory("water"));
        all.add(new ButtonId.ChooseIssueType("no-water"));
        for (Step s : Steps.TABLE.editable()) {
            all.add(new ButtonId.Edit(s));
        }
        for (AppealAction a : AppealAction.values()) {
            all.add(new ButtonId.OnAppeal(a, N));
        }
        for (int stars = Rating.MIN; stars <= Rating.MAX; stars++) {
            all.add(new ButtonId.Rate(N, new Rating(stars)));
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void everyIdReadsBackAsItself(ButtonId id) {
        String encoded = id.encode();
        assertThat(ButtonId.parse(encoded)).isEqualTo(id);
        assertThat(encoded.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Button.MAX_ID_BYTES);
    }

    @Test
    void theIdsAreTheOnesButtonsAlreadySentCarry() {
        assertThat(Fixed.CONFIRM.encode()).isEqualTo("confirm");
        assertThat(Fixed.LANGUAGE.encode()).isEqualTo("lang");
        assertThat(new ButtonId.ChooseCategory("water").encode()).isEqualTo("cat:water");
        assertThat(new ButtonId.ChooseIssueType("leak").encode()).isEqualTo("type:leak");
        assertThat(new ButtonId.Edit(Step.PHOTOS).encode()).isEqualTo("edit:photos");
        assertThat(new ButtonId.OnAppeal(AppealAction.SHOW, N).encode()).isEqualTo("appeal:2026-000123");
        assertThat(new ButtonId.OnAppeal(AppealAction.WITHDRAW, N).encode()).isEqualTo("withdraw:2026-000123");
        assertThat(new ButtonId.OnAppeal(AppealAction.ANSWER, N).encode()).isEqualTo("answer:2026-000123");
        assertThat(new ButtonId.OnAppeal(AppealAction.SOLVED, N).encode()).isEqualTo("solved_yes:2026-000123");
        assertThat(new ButtonId.OnAppeal(AppealAction.NOT_SOLVED, N).encode()).isEqualTo("solved_no:2026-000123");
        assertThat(new ButtonId.Rate(N, new Rating(4)).encode()).isEqualTo("rate:2026-000123:4");
    }

    @Test
    void anIdOverTheLimitIsRefusedWhenMadeAndStaleWhenRead() {
        String longest = "c".repeat(Button.MAX_ID_BYTES - "cat:".length());
        assertThat(ButtonId.parse(new ButtonId.ChooseCategory(longest).encode()))
                .isEqualTo(new ButtonId.ChooseCategory(longest));

        assertThatThrownBy(() -> new ButtonId.ChooseCategory(longest + "c").encode())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(Button.MAX_ID_BYTES));
        // Bytes, not characters: Cyrillic takes two bytes each.
        assertThatThrownBy(() -> new ButtonId.ChooseIssueType("ж".repeat(22)).encode())
                .isInstanceOf(IllegalArgumentException.class);
        String tooLong = "cat:" + longest + "c";
        assertThat(ButtonId.parse(tooLong)).isEqualTo(new ButtonId.Stale(tooLong));
        assertThat(ButtonId.parse("x".repeat(64))).isInstanceOf(ButtonId.Stale.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "nonsense",
                "BACK",
                "back ",
                "cat:",
                "type:",
                "edit:",
                "edit:consent",
                "edit:summary",
                "edit:issue_type",
                "edit:PHONE",
                "appeal:",
                "appeal:2026",
                "appeal:abc",
                "withdraw:2026-0000000000",
                "answer:1999-000001",
                "appeal:2026-0",
                "rate:2026-0:3",
                "solved_yes:",
                "solved_maybe:2026-000001",
                "rate:",
                "rate:2026-000001",
                "rate:2026-000001:",
                "rate:2026-000001:0",
                "rate:2026-000001:6",
                "rate:2026-000001:55",
                "rate:2026-000001:x",
                "rate:x:5",
                "rate::5",
                ":",
                "::::",
                "cat",
                "\u0000",
                "💧"
            })
    void garbageIsAStaleButtonNeverAnError(String id) {
        assertThat(ButtonId.parse(id)).isEqualTo(new ButtonId.Stale(id));
    }

    @Test
    void noIdIsAStaleButtonToo() {
        assertThat(ButtonId.parse(null)).isEqualTo(new ButtonId.Stale(""));
        assertThatThrownBy(() -> new ButtonId.Stale("nonsense").encode()).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @CsvSource({"rate:2026-000123:1, 1", "rate:2026-000123:5, 5"})
    void theRatingIsTyped(String id, int stars) {
        assertThat(ButtonId.parse(id)).isEqualTo(new ButtonId.Rate(N, new Rating(stars)));
    }

    @Test
    void onlyEditableStepsCanBeEdited() {
        assertThatThrownBy(() -> new ButtonId.Edit(Step.SUMMARY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ButtonId.Edit(Step.ISSUE_TYPE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void steppingButtonsAreTheOnesThatGoFurtherEachTime() {
        assertThat(Stream.of(Fixed.values()).filter(Fixed::stepping))
                .containsExactlyInAnyOrder(Fixed.BACK, Fixed.LANGUAGE, Fixed.NEXT_PAGE, Fixed.PREV_PAGE);
        assertThat(ConversationMachine.stepping("page_next")).isTrue();
        assertThat(ConversationMachine.stepping("confirm")).isFalse();
        assertThat(ConversationMachine.stepping("cat:water")).isFalse();
        assertThat(ConversationMachine.stepping("garbage")).isFalse();
    }
}
