package ua.zvernennia.core.refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.DeadlineClass;

class RefusalTest {
    @Test
    void aValueFromInputThatRefusesItselfIsInvalid() {
        assertThatThrownBy(() -> Refusal.validated(
                        () -> new Category("x", " ", null, null, DeadlineClass.LONG, "", 0, true, List.of())))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID);
                    assertThat(r.getMessage()).isEqualTo("nameUk is empty");
                });
    }

    @Test
    void onlyTheValuesOwnRefusalIsTurnedIntoOne() {
        assertThatThrownBy(() -> Refusal.validated(() -> {
                    throw new IllegalStateException("a bug");
                }))
                .isExactlyInstanceOf(IllegalStateException.class);
        assertThat(Refusal.validated(() -> "fine")).isEqualTo("fine");
    }

    @Test
    void aRefusalSaysEverythingItKnows() {
        Refusal conflict = Refusal.conflict(List.of("one", "two"));
        assertThat(conflict.getMessage()).isEqualTo("one; two");
        assertThat(conflict.problems()).containsExactly("one", "two");
        assertThat(conflict.field()).isEmpty();
        assertThat(Refusal.invalid("phone", "phone: required").field()).contains("phone");
        assertThat(Refusal.unavailable("still downloading", Duration.ofSeconds(5))
                        .retryAfter())
                .contains(Duration.ofSeconds(5));
        assertThat(Refusal.notFound("no appeal").getStackTrace())
                .as("an answer, not a fault")
                .isEmpty();
        assertThatThrownBy(() -> Refusal.notFound(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
