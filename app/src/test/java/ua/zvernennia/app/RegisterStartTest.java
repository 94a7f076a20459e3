package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.register.IntakeChannel;

/**
 * What the register writes when the app starts, none of which the start needs: opening the
 * storage writes no channel (the register reads its default channels until an admin first
 * changes one), and the classifier file's topics of the directions are written if the database
 * takes them; when it does not (a full disk, a read-only file: here a trigger refuses the rows),
 * the app starts all the same and the file's topics apply, to the API, to appeals registered and
 * to the report's counts.
 */
class RegisterStartTest {
    static final String ADMIN = TokenApiTest.ADMIN;
    static final Instant NOW = Instant.parse("2026-04-15T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theStartWritesNoChannelAndGoesOnWhenTheTopicsCannotBeWritten() throws Exception {
        Map<String, String> env = Map.of("ADMIN_TOKEN", ADMIN);
        Map<String, String> first = new HashMap<>(env);
        first.put("CLASSIFIER_FILE", withoutMapping().toString());
        try (App app = TestApps.start(dir, Clock.fixed(NOW, ZoneOffset.UTC), first)) {
            assertThat(rows(app, "intake_channel"))
                    .as("opening writes no channel")
                    .isZero();
            assertThat(rows(app, "topic_mapping")).isZero();
        }
        try (Connection c = DriverManager.getConnection(
                        "jdbc:sqlite:" + dir.resolve("db.sqlite").toAbsolutePath());
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TRIGGER no_topics BEFORE INSERT ON topic_mapping BEGIN SELECT RAISE(ABORT, 'no room for topics'); END");
        }

        try (App app = TestApps.start(dir, Clock.fixed(NOW, ZoneOffset.UTC), env)) {
            assertThat(rows(app, "topic_mapping"))
                    .as("the topics could not be written")
                    .isZero();
            assertThat(rows(app, "intake_channel")).isZero();
            ApiClient api = new ApiClient(app.httpPort(), ADMIN);
            assertThat(api.get("/api/channels").json().findValuesAsText("code"))
                    .containsExactlyElementsOf(IntakeChannel.DEFAULTS.stream()
                            .map(IntakeChannel::code)
                            .toList());
            assertThat(api.get("/api/classifier")
                            .json()
                            .get("mapping")
                            .get("lifts")
                            .asText())
                    .as("the file's topic applies")
                    .isEqualTo("009");

            ApiClient.Response filed = api.post(
                    "/api/appeals",
                    "{\"channel\": \"MAIL\", \"category\": \"roads\", "
                            + "\"description\": \"Яма на перехресті\", \"placeAddress\": \"вул. Січових Стрільців, 12\", \"firstName\": \"Олена\", "
                            + "\"lastName\": \"Коваленко\", \"address\": \"вул. Шевченка, 5\", \"phone\": \"050 123 45 67\"}");
            assertThat(filed.status()).as(filed.body()).isEqualTo(201);
            assertThat(filed.json().get("questions").findValuesAsText("topic")).containsExactly("003");
            // A bot's appeal gets no first question without a written topic; the report counts its direction's all the
            // same.
            ChatKey chat = ChatKey.of(Channel.TELEGRAM, "7001");
            app.storage()
                    .unitOfWork()
                    .run(s -> s.appeals()
                            .submit(
                                    new NewAppeal(
                                            Channel.TELEGRAM,
                                            chat,
                                            s.categories().find("lifts").orElseThrow(),
                                            null,
                                            "Застряг ліфт",
                                            List.of(),
                                            null,
                                            "вул. Січових Стрільців, 12",
                                            new PersonName("Олена", "Коваленко"),
                                            "вул. Шевченка, 5",
                                            new Phone("+380501234567")),
                                    NOW,
                                    NOW.plusSeconds(3600),
                                    NOW.plusSeconds(86_400)));
            JsonNode topics = api.get("/api/stats?from=2026-04-01&to=2026-04-30")
                    .json()
                    .get("register")
                    .get("topics");
            assertThat(topics.findValuesAsText("code")).contains("003", "009");
        }
    }

    /** The shipped classifier without its mapping of directions to topics. */
    private Path withoutMapping() throws IOException {
        String yaml;
        try (InputStream in = RegisterStartTest.class.getResourceAsStream("/classifier.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path file = dir.resolve("classifier-without-mapping.yaml");
        Files.writeString(file, yaml.substring(0, yaml.indexOf("\nmapping:") + 1));
        return file;
    }

    private static long rows(App app, String table) {
        return app.storage()
                .read(s -> s.handle()
                        .createQuery("SELECT COUNT(*) FROM " + table)
                        .mapTo(Long.class)
                        .one());
    }
}
