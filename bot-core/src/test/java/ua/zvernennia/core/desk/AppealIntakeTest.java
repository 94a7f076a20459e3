package ua.zvernennia.core.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.CategoryCatalog;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.testing.TestCategories;

/** The channels an intake takes: the operators' by default, WEB only where the caller allows it. */
class AppealIntakeTest {
    final List<Category> menu = TestCategories.small();
    final CategoryCatalog catalog = new CategoryCatalog() {
        @Override
        public List<Category> active() {
            return menu.stream().filter(Category::active).toList();
        }

        @Override
        public Optional<Category> find(String id) {
            return menu.stream().filter(c -> c.id().equals(id)).findFirst();
        }
    };

    AppealIntake.Form form(Channel channel) {
        return new AppealIntake.Form(
                channel,
                menu.get(1).id(),
                null,
                "Застряг ліфт",
                48.46,
                35.04,
                null,
                "Олена",
                "Коваленко",
                "вул. Шевченка, 5, кв. 12",
                "050 123 45 67");
    }

    @Test
    void webAppealsPassOnlyWhereWebIsAllowed() {
        assertThat(AppealIntake.check(form(Channel.WEB), catalog).problems())
                .containsExactly(new AppealIntake.Problem(AppealIntake.Field.CHANNEL, "messenger", "WEB"));
        AppealIntake.Checked web = AppealIntake.check(form(Channel.WEB), catalog, Set.of(Channel.WEB));
        assertThat(web.problems()).isEmpty();
        assertThat(web.appeal()).hasValueSatisfying(a -> {
            assertThat(a.channel()).isEqualTo(Channel.WEB);
            assertThat(a.chat()).isNull();
            assertThat(a.phone().e164()).isEqualTo("+380501234567");
        });
        assertThat(AppealIntake.check(form(Channel.PHONE), catalog, Set.of(Channel.WEB))
                        .problems())
                .hasSize(1);
        assertThat(Channel.WEB.isMessenger()).isFalse();
    }
}
