package ua.zvernennia.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.category.DeadlineClass;
import ua.zvernennia.core.category.IssueType;
import ua.zvernennia.core.category.MenuEditor;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.refusal.Refusal;

/** Admins' menu edits on real database files; the same suite for H2 and SQLite. */
class CategoryChangesTest {
    static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");
    final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    @RegisterExtension
    final OpenStorages databases = new OpenStorages();

    Storage storage;

    Storage open(Dialect dialect) {
        storage = databases.open(dialect, clock);
        return storage;
    }

    static Category animals() {
        return new Category(
                "animals",
                "Тварини",
                "Animals",
                "🐾",
                DeadlineClass.LONG,
                "КП «Зоосервіс»",
                0,
                true,
                List.of(new IssueType("stray", "Безпритульні тварини", "Stray animals", null, 0, true)));
    }

    List<String> activeIds() {
        return storage.categories().active().stream().map(Category::id).toList();
    }

    List<Category> stored() {
        return storage.read(s -> s.categoryChanges().menu());
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void editsReachTheCachedMenuAndAreRecorded(Dialect dialect) {
        open(dialect);
        storage.editMenu(c -> c.add(animals(), 2, "admin", T0));
        assertThat(activeIds()).containsExactly("water", "animals", "lifts", "lights", "roads");
        assertThat(storage.categories().find("animals").orElseThrow().issueTypes())
                .extracting(IssueType::position)
                .containsExactly(1);

        storage.editMenu(c -> c.update(
                "lifts",
                l -> new Category(
                        l.id(),
                        "Ліфти та підйомники",
                        l.nameEn(),
                        l.emoji(),
                        l.deadlineClass(),
                        l.executor(),
                        1,
                        l.active(),
                        l.issueTypes()),
                "Олена",
                T0.plusSeconds(1)));
        assertThat(activeIds()).containsExactly("lifts", "water", "animals", "lights", "roads");
        assertThat(storage.categories().find("lifts").orElseThrow().nameUk()).isEqualTo("Ліфти та підйомники");

        storage.editMenu(
                c -> c.reorder(List.of("roads", "lights", "animals", "water", "lifts"), "admin", T0.plusSeconds(2)));
        storage.editMenu(c -> c.update(
                "lights",
                l -> new Category(
                        l.id(),
                        l.nameUk(),
                        l.nameEn(),
                        l.emoji(),
                        l.deadlineClass(),
                        l.executor(),
                        l.position(),
                        false,
                        l.issueTypes()),
                "admin",
                T0.plusSeconds(3)));
        assertThat(activeIds()).containsExactly("roads", "animals", "water", "lifts");
        assertThat(storage.categories().all()).extracting(Category::position).containsExactly(1, 2, 3, 4, 5);

        storage.editMenu(c -> c.addIssueType(
                "water", new IssueType("smell", "Запах", "Smell", DeadlineClass.MEDIUM, 0, true), 1, "admin", T0));
        storage.editMenu(c -> c.updateIssueType(
                "water",
                "leak",
                t -> new IssueType(t.id(), t.nameUk(), t.nameEn(), t.deadlineClass(), t.position(), false),
                "admin",
                T0));
        storage.editMenu(c -> c.reorderIssueTypes("water", List.of("no-water", "leak", "smell"), "admin", T0));
        Category water = storage.categories().find("water").orElseThrow();
        assertThat(water.issueTypes()).extracting(IssueType::id).containsExactly("no-water", "leak", "smell");
        assertThat(water.activeIssueTypes()).extracting(IssueType::id).containsExactly("no-water", "smell");
        assertThat(stored()).isEqualTo(storage.categories().all());

        List<MenuEditor.Change> log = storage.read(s -> s.categoryChanges().list(null, 100));
        assertThat(log)
                .extracting(MenuEditor.Change::action)
                .containsExactly(
                        "issue-type.reorder",
                        "issue-type.update",
                        "issue-type.add",
                        "category.update",
                        "category.reorder",
                        "category.update",
                        "category.add");
        MenuEditor.Change rename = log.get(5);
        assertThat(rename.actor()).isEqualTo("Олена");
        assertThat(rename.at()).isEqualTo(T0.plusSeconds(1));
        assertThat(rename.categoryId()).isEqualTo("lifts");
        assertThat(rename.before()).contains("\"nameUk\":\"Ліфти\"");
        assertThat(rename.after()).contains("\"nameUk\":\"Ліфти та підйомники\"");
        assertThat(log.get(6).before()).isNull();
        assertThat(log.get(4).after()).isEqualTo("[\"roads\",\"lights\",\"animals\",\"water\",\"lifts\"]");
        List<MenuEditor.Change> ofWater = storage.read(s -> s.categoryChanges().list("water", 100));
        assertThat(ofWater).hasSize(3);
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void aBadEditChangesNothing(Dialect dialect) {
        open(dialect);
        List<Category> before = stored();
        assertThatThrownBy(() -> storage.editMenu(c -> c.add(
                        new Category("lifts2", "ЛІФТИ", null, null, DeadlineClass.LONG, "", 0, true, List.of()),
                        0,
                        "admin",
                        T0)))
                .isInstanceOfSatisfying(Refusal.class, kind(Refusal.Kind.CONFLICT))
                .hasMessageContaining("used twice");
        assertThatThrownBy(() -> storage.editMenu(c -> c.add(animals(), 9, "admin", T0)))
                .isInstanceOfSatisfying(Refusal.class, kind(Refusal.Kind.INVALID));
        assertThatThrownBy(() -> storage.editMenu(c -> c.update("ghost", x -> x, "admin", T0)))
                .isInstanceOfSatisfying(Refusal.class, kind(Refusal.Kind.NOT_FOUND));
        assertThatThrownBy(() -> storage.editMenu(c -> c.reorder(List.of("water"), "admin", T0)))
                .isInstanceOfSatisfying(Refusal.class, kind(Refusal.Kind.INVALID));
        // Deactivating all four: the last one is refused, and the three before it stay.
        for (String id : List.of("water", "lifts", "lights")) {
            storage.editMenu(c -> c.update(
                    id,
                    x -> new Category(
                            x.id(),
                            x.nameUk(),
                            x.nameEn(),
                            x.emoji(),
                            x.deadlineClass(),
                            x.executor(),
                            x.position(),
                            false,
                            x.issueTypes()),
                    "admin",
                    T0));
        }
        List<Category> oneLeft = stored();
        assertThatThrownBy(() -> storage.editMenu(c -> c.update(
                        "roads",
                        x -> new Category(
                                x.id(),
                                x.nameUk(),
                                x.nameEn(),
                                x.emoji(),
                                x.deadlineClass(),
                                x.executor(),
                                x.position(),
                                false,
                                x.issueTypes()),
                        "admin",
                        T0)))
                .isInstanceOfSatisfying(Refusal.class, kind(Refusal.Kind.CONFLICT))
                .hasMessageContaining("at least one category must be active");
        assertThat(stored()).isEqualTo(oneLeft).isNotEqualTo(before);
        assertThat(activeIds()).containsExactly("roads");
        List<MenuEditor.Change> log = storage.read(s -> s.categoryChanges().list(null, 100));
        assertThat(log).hasSize(3);
    }

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void anImportKeepsWhatAppealsReferToDeactivatedAfterTheFile(Dialect dialect) {
        open(dialect);
        Category lifts = storage.categories().find("lifts").orElseThrow();
        storage.unitOfWork()
                .run(st -> st.appeals()
                        .submit(
                                new NewAppeal(
                                        Channel.VIBER,
                                        ChatKey.of(Channel.VIBER, "v1"),
                                        lifts,
                                        null,
                                        "Не працює ліфт",
                                        List.of(),
                                        null,
                                        "вул. Робоча, 1",
                                        new PersonName("Іван", "Петренко"),
                                        "вул. Робоча, 1",
                                        new Phone("+380501234567")),
                                T0,
                                T0,
                                T0));
        String file = """
                categories:
                  - id: animals
                    name: Тварини
                    emoji: 🐾
                    deadline: LONG
                    executor: КП «Зоосервіс»
                  - id: roads
                    name: Дороги і тротуари
                    deadline: MEDIUM
                    executor: Департамент благоустрою
                  - id: lifts2
                    name: Ліфти
                    deadline: EMERGENCY
                    executor: КП «Ліфтове господарство»
                """;
        List<Category> after = storage.editMenu(c -> c.importMenu(CategoryFile.parse(file), "admin", T0));
        assertThat(after).extracting(Category::id).containsExactly("animals", "roads", "lifts2", "lifts");
        assertThat(activeIds()).containsExactly("animals", "roads", "lifts2");
        assertThat(storage.categories().find("lifts"))
                .get()
                .extracting(Category::active, Category::nameUk)
                .containsExactly(false, "Ліфти");
        assertThat(storage.categories().find("water")).isEmpty();
        assertThat(storage.categories().find("roads").orElseThrow().deadlineClass())
                .isEqualTo(DeadlineClass.MEDIUM);
        assertThat(storage.categories().all()).extracting(Category::position).containsExactly(1, 2, 3, 4);
        MenuEditor.Change change =
                storage.read(s -> s.categoryChanges().list(null, 1)).get(0);
        assertThat(change.action()).isEqualTo("menu.import");
        assertThat(change.before()).contains("\"id\":\"water\"");
        assertThat(change.after()).contains("\"id\":\"animals\"").doesNotContain("\"id\":\"water\"");

        // The export reads back as the same menu.
        assertThat(CategoryFile.parse(CategoryFile.write(stored()))).isEqualTo(stored());
    }

    private static java.util.function.Consumer<Refusal> kind(Refusal.Kind kind) {
        return r -> assertThat(r.kind()).isEqualTo(kind);
    }
}
