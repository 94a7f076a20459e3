package ua.zvernennia.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.desk.AppealSearch;
import ua.zvernennia.core.engine.Stores;
import ua.zvernennia.core.open311.Open311Store;
import ua.zvernennia.core.refusal.Refusal;

/**
 * The thread-safe ports of the staff's side as {@link Storage} implements them, on every
 * database: each call its own transaction, refusals that change nothing, and the cached menu
 * refreshed after an edit.
 */
class StaffPortsTest {
    static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");
    final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    Storage storage;

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    static Appeal submit(Stores s) {
        return s.appeals()
                .submit(
                        new NewAppeal(
                                Channel.WEB,
                                null,
                                s.categories().find("water").orElseThrow(),
                                null,
                                "Немає води",
                                List.of(),
                                null,
                                "вул. Січових Стрільців, 12",
                                new PersonName("Олена", "Коваленко"),
                                "вул. Шевченка, 5, кв. 12",
                                new Phone("+380501234567")),
                        T0,
                        T0.plus(Duration.ofHours(6)),
                        T0.plus(Duration.ofDays(30)));
    }

    long appeals() {
        return storage.appealSearch().find(AppealSearch.Filter.all(0, 10), T0).total();
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void aWebAppealAndItsSourceCommitTogetherOrNotAtAll(Dialect dialect) {
        storage = TestDatabases.open(dialect, dir, clock);
        Appeal saved = storage.open311().register("Київ Цифровий", StaffPortsTest::submit);
        assertThat(storage.open311().find(saved.number()))
                .hasValueSatisfying(r -> assertThat(r.source()).isEqualTo("Київ Цифровий"));

        assertThatThrownBy(() -> storage.open311().register("Київ Цифровий", s -> {
                    submit(s);
                    throw Refusal.invalid("comment", "comment is too long");
                }))
                .isInstanceOfSatisfying(Refusal.class, kind(Refusal.Kind.INVALID));
        assertThat(appeals()).as("the refused registration left nothing").isEqualTo(1);

        assertThatThrownBy(
                        () -> storage.open311().setDescriptionPublic(new AppealNumber(2026, 99), true, "Оператор", T0))
                .isInstanceOfSatisfying(Refusal.class, kind(Refusal.Kind.NOT_FOUND));
        assertThat(storage.open311().setDescriptionPublic(saved.number(), true, "Оператор", T0))
                .isTrue();
        assertThat(storage.appealSearch().history(saved.number()))
                .last()
                .satisfies(h -> assertThat(h.event().note()).isEqualTo(Open311Store.DESCRIPTION_PUBLISHED));
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void theMenuEditorRefreshesTheMenuAndRefusesABadFileWithoutAChange(Dialect dialect) {
        storage = TestDatabases.open(dialect, dir, clock);
        storage.menuEditor()
                .update(
                        "lifts",
                        c -> new Category(
                                c.id(),
                                "Ліфти та підйомники",
                                c.nameEn(),
                                c.emoji(),
                                c.deadlineClass(),
                                c.executor(),
                                c.position(),
                                c.active(),
                                c.issueTypes()),
                        "admin",
                        T0);
        assertThat(storage.categories().find("lifts").orElseThrow().nameUk())
                .as("the bot's menu, at once")
                .isEqualTo("Ліфти та підйомники");
        List<Category> before = storage.menuEditor().menu();

        assertThatThrownBy(() -> storage.menuEditor().importFile("categories: [oops", "admin", T0))
                .isInstanceOfSatisfying(Refusal.class, kind(Refusal.Kind.INVALID))
                .hasMessageContaining("not a valid category file");
        assertThatThrownBy(() -> storage.menuEditor().reorder(List.of("water"), "admin", T0))
                .isInstanceOfSatisfying(Refusal.class, kind(Refusal.Kind.INVALID));
        assertThat(storage.menuEditor().menu()).isEqualTo(before);
        assertThat(storage.menuEditor().changes(null, 10))
                .singleElement()
                .satisfies(c -> assertThat(c.action()).isEqualTo("category.update"));

        var imported = storage.menuEditor().importFile(storage.menuEditor().export(), "admin", T0);
        assertThat(imported.after())
                .extracting(Category::id)
                .isEqualTo(before.stream().map(Category::id).toList());
        assertThat(imported.before()).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void tokensAndTheAccessLog(Dialect dialect) {
        storage = TestDatabases.open(dialect, dir, clock);
        long id = storage.apiTokens().create("Оператор Іваненко", "OPERATOR", "the-token-itself", "admin", T0);
        assertThat(storage.apiTokens().findActive("the-token-itself"))
                .hasValueSatisfying(t -> assertThat(t.id()).isEqualTo(id));
        assertThat(storage.apiTokens().revoke(id, T0)).isTrue();
        assertThat(storage.apiTokens().findActive("the-token-itself")).isEmpty();
        assertThat(storage.apiTokens().list())
                .singleElement()
                .satisfies(t -> assertThat(t.active()).isFalse());

        storage.accessLog().record(T0, "Оператор Іваненко", "API", "DETAIL", List.of("2026-000001"));
        storage.accessLog().record(T0.plusSeconds(60), "Оператор Іваненко", "CONSOLE", "SEARCH", List.of());
        assertThat(storage.accessLog().list(null, "Оператор Іваненко", null, null, 0, 10))
                .extracting(e -> e.via() + " " + e.appeal())
                .containsExactly("CONSOLE null", "API 2026-000001");
        assertThat(storage.accessLog().deleteBefore(T0.plusSeconds(1), 10)).isEqualTo(1);
        assertThat(storage.accessLog().list(null, null, null, null, 0, 10)).hasSize(1);
    }

    private static Consumer<Refusal> kind(Refusal.Kind kind) {
        return r -> assertThat(r.kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void whatAStaffMemberWasAskedForIsKeptPerChatAndUser(Dialect dialect) {
        storage = TestDatabases.open(dialect, dir, clock);
        Appeal a = storage.unitOfWork().run(StaffPortsTest::submit);
        Appeal b = storage.unitOfWork().run(StaffPortsTest::submit);
        storage.unitOfWork().run(s -> {
            s.assignments().awaitResolution("-100777", "501", a.number(), T0);
            s.assignments().awaitResolution("-100777", "502", a.number(), T0);
            // Asked again: the later appeal replaces the earlier one.
            s.assignments().awaitResolution("-100777", "501", b.number(), T0);
            return null;
        });
        storage.unitOfWork().run(s -> {
            assertThat(s.assignments().awaitedResolution("-100777", "501")).contains(b.number());
            assertThat(s.assignments().awaitedResolution("-100777", "502")).contains(a.number());
            assertThat(s.assignments().awaitedResolution("-100888", "501")).isEmpty();
            s.assignments().forgetAwaited("-100777", "501");
            assertThat(s.assignments().awaitedResolution("-100777", "501")).isEmpty();
            assertThat(s.assignments().awaitedResolution("-100777", "502")).contains(a.number());
            return null;
        });
    }
}
