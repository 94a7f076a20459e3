package ua.zvernennia.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;

/**
 * Kills a writing JVM with SIGKILL right after a stream of commits and checks that every commit
 * it reported survived, with its citizen (same transaction) and no gap in the numbering.
 */
class KillDurabilityTest {
    private static final int COMMITS_BEFORE_KILL = 400;

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("ua.zvernennia.storage.TestDatabases#dialects")
    void everyReportedCommitSurvivesKillMinus9(Dialect dialect) throws Exception {
        String url = TestDatabases.url(dialect, dir);
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DurabilityWriter.class.getName(),
                        url)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String[]> committed = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (committed.size() < COMMITS_BEFORE_KILL && (line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    committed.add(line.substring("committed ".length()).split(" "));
                }
            }
            // SIGKILL: no shutdown hooks, no close, no flush.
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(committed).hasSizeGreaterThanOrEqualTo(COMMITS_BEFORE_KILL);

        try (Storage storage = Storage.open(url, null, null, Clock.systemUTC(), TestDatabases.KYIV)) {
            for (String[] c : committed) {
                AppealNumber number = AppealNumber.parse(c[0]).orElseThrow();
                ChatKey chat = ChatKey.of(Channel.TELEGRAM, c[1]);
                boolean appeal =
                        storage.unitOfWork().run(s -> s.appeals().find(number)).isPresent();
                boolean citizen =
                        storage.unitOfWork().run(s -> s.citizens().find(chat)).isPresent();
                assertThat(appeal)
                        .as("appeal " + number + " reported committed")
                        .isTrue();
                assertThat(citizen).as("citizen of " + number).isTrue();
            }
            long max = storage.database()
                    .jdbi()
                    .withHandle(h -> h.createQuery("SELECT MAX(num_seq) FROM appeal")
                            .mapTo(Long.class)
                            .one());
            long count = storage.database()
                    .jdbi()
                    .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM appeal")
                            .mapTo(Long.class)
                            .one());
            assertThat(count).as("numbers without gaps").isEqualTo(max);
        }
    }
}
