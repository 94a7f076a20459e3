package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.core.engine.FloodSettings;

class AppConfigTest {
    static final Path SHIPPED = Path.of("../config/application.conf");

    @Test
    void theShippedFileGivesTheDocumentedDefaults() {
        AppConfig c = AppConfig.load(SHIPPED, Map.of());
        assertThat(c.db().url()).isEqualTo("jdbc:sqlite:./data/zvernennia.sqlite");
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.city().zone()).isEqualTo(ZoneId.of("Europe/Kyiv"));
        assertThat(c.city().legalDeadlineDays()).isEqualTo(30);
        assertThat(c.telegram().apiUrl()).isEqualTo("https://api.telegram.org");
        assertThat(c.telegram().enabled()).isFalse();
        assertThat(c.viber().apiUrl()).isEqualTo("https://chatapi.viber.com/pa");
        assertThat(c.adminToken()).isEmpty();
        assertThat(c.metricsToken()).isEmpty();
        assertThat(c.httpHost()).as("every interface").isEmpty();
        assertThat(c.runsDemo()).isTrue();
    }

    @Test
    void environmentVariablesOverrideTheFile() {
        AppConfig c = AppConfig.load(
                SHIPPED,
                Map.of(
                        "DB_URL", "jdbc:sqlite:/tmp/x.sqlite",
                        "HTTP_PORT", "9090",
                        "TELEGRAM_BOT_TOKEN", "123456:abc",
                        "TELEGRAM_API_URL", "http://127.0.0.1:8081",
                        "VIBER_AUTH_TOKEN", "viber-secret",
                        "VIBER_API_URL", "http://127.0.0.1:8082/pa",
                        "VIBER_WEBHOOK_URL", "https://bot.example.ua/viber/webhook",
                        "ADMIN_TOKEN", "admin-secret-0123456789abcdefghijk",
                        "LEGAL_DEADLINE_DAYS", "15"));
        assertThat(c.db().url()).isEqualTo("jdbc:sqlite:/tmp/x.sqlite");
        assertThat(c.httpPort()).isEqualTo(9090);
        assertThat(c.telegram().token()).contains("123456:abc");
        assertThat(c.telegram().apiUrl()).isEqualTo("http://127.0.0.1:8081");
        assertThat(c.viber().authToken()).contains("viber-secret");
        assertThat(c.viber().apiUrl()).isEqualTo("http://127.0.0.1:8082/pa");
        assertThat(c.viber().webhookUrl()).contains("https://bot.example.ua/viber/webhook");
        assertThat(c.adminToken()).contains("admin-secret-0123456789abcdefghijk");
        assertThat(c.city().legalDeadlineDays()).isEqualTo(15);
        assertThat(c.runsDemo()).isFalse();
        assertThat(c.toString()).doesNotContain("123456:abc", "viber-secret", "admin-secret-0123456789abcdefghijk");
    }

    @Test
    void theMetricsTokenComesFromTheEnvironmentAndTheHostMayBeOne() {
        AppConfig c = AppConfig.load(SHIPPED, Map.of("METRICS_TOKEN", "metrics-secret", "HTTP_HOST", "127.0.0.1"));
        assertThat(c.metricsToken()).contains("metrics-secret");
        assertThat(c.httpHost()).contains("127.0.0.1");
        assertThat(c.toString()).doesNotContain("metrics-secret");
    }

    @Test
    void thePublicBaseUrlIsOffByDefaultAndMustBeHttps() {
        assertThat(AppConfig.load(SHIPPED, Map.of()).publicBaseUrl()).isEmpty();
        assertThat(AppConfig.load(SHIPPED, Map.of("PUBLIC_BASE_URL", "https://bot.example.ua/"))
                        .publicBaseUrl())
                .contains(java.net.URI.create("https://bot.example.ua"));
        assertThat(AppConfig.load(SHIPPED, Map.of("PUBLIC_BASE_URL", "https://example.ua/bot"))
                        .publicBaseUrl())
                .contains(java.net.URI.create("https://example.ua/bot"));
        for (String wrong : new String[] {"http://bot.example.ua", "bot.example.ua", "https://bot.example.ua/?x=1"}) {
            assertThatThrownBy(() -> AppConfig.load(SHIPPED, Map.of("PUBLIC_BASE_URL", wrong)))
                    .as(wrong)
                    .hasMessageContaining("PUBLIC_BASE_URL");
        }
    }

    @Test
    void theMorningDigestComesAtEightUnlessMovedOrTurnedOff() {
        assertThat(AppConfig.load(SHIPPED, Map.of()).executorDigestTime()).contains(java.time.LocalTime.of(8, 0));
        assertThat(AppConfig.load(SHIPPED, Map.of("EXECUTOR_DIGEST_TIME", "07:30"))
                        .executorDigestTime())
                .contains(java.time.LocalTime.of(7, 30));
        assertThat(AppConfig.load(SHIPPED, Map.of("EXECUTOR_DIGEST_TIME", "")).executorDigestTime())
                .isEmpty();
        assertThatThrownBy(() -> AppConfig.load(SHIPPED, Map.of("EXECUTOR_DIGEST_TIME", "8 ранку")))
                .hasMessageContaining("EXECUTOR_DIGEST_TIME");
    }

    @Test
    void theFloodLimitDefaultsTo20In10SecondsAndCanBeChangedOrTurnedOff() {
        assertThat(AppConfig.load(SHIPPED, Map.of()).flood())
                .isEqualTo(new FloodSettings(20, Duration.ofSeconds(10), Duration.ofSeconds(2)));
        assertThat(AppConfig.load(
                                SHIPPED,
                                Map.of(
                                        "FLOOD_MAX_MESSAGES",
                                        "0",
                                        "FLOOD_WINDOW_MS",
                                        "60000",
                                        "FLOOD_REPEAT_WINDOW_MS",
                                        "0"))
                        .flood())
                .isEqualTo(new FloodSettings(0, Duration.ofMinutes(1), Duration.ZERO));
        assertThatThrownBy(() -> AppConfig.load(SHIPPED, Map.of("FLOOD_MAX_MESSAGES", "-1")))
                .hasMessageContaining("FLOOD_MAX_MESSAGES");
        assertThatThrownBy(() -> AppConfig.load(SHIPPED, Map.of("FLOOD_WINDOW_MS", "0")))
                .hasMessageContaining("FLOOD_WINDOW_MS");
    }

    @Test
    void telegramsSendLimitsDefaultToTelegramsOwnAndCanBeRaised() {
        AppConfig.Telegram defaults = AppConfig.load(SHIPPED, Map.of()).telegram();
        assertThat(defaults.maxPerSecond()).isEqualTo(30);
        assertThat(defaults.maxPerChatPerSecond()).isEqualTo(1);
        AppConfig.Telegram raised = AppConfig.load(
                        SHIPPED,
                        Map.of(
                                "TELEGRAM_MAX_MESSAGES_PER_SECOND",
                                "1000",
                                "TELEGRAM_MAX_MESSAGES_PER_CHAT_PER_SECOND",
                                "2.5"))
                .telegram();
        assertThat(raised.maxPerSecond()).isEqualTo(1000);
        assertThat(raised.maxPerChatPerSecond()).isEqualTo(2.5);
        assertThatThrownBy(() -> AppConfig.load(SHIPPED, Map.of("TELEGRAM_MAX_MESSAGES_PER_SECOND", "0")))
                .hasMessageContaining("TELEGRAM_MAX_MESSAGES_PER_SECOND");
        assertThatThrownBy(() -> AppConfig.load(SHIPPED, Map.of("TELEGRAM_MAX_MESSAGES_PER_CHAT_PER_SECOND", "-1")))
                .hasMessageContaining("TELEGRAM_MAX_MESSAGES_PER_CHAT_PER_SECOND");
    }

    @Test
    void secretsWrittenIntoTheFileAreIgnored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("application.conf");
        Files.writeString(file, "telegram.token = \"from-file\"\nTELEGRAM_BOT_TOKEN = \"from-file\"\n");
        AppConfig c = AppConfig.load(file, Map.of());
        assertThat(c.telegram().token()).isEmpty();
    }

    @Test
    void aWrongSettingIsNamedWithoutEchoingTheEnvironment() {
        assertThatThrownBy(() -> AppConfig.load(
                        SHIPPED, Map.of("HTTP_PORT", "eighty", "ADMIN_TOKEN", "admin-secret-0123456789abcdefghijk")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http.port")
                .message()
                .doesNotContain("admin-secret-0123456789abcdefghijk");
        assertThatThrownBy(() -> AppConfig.load(SHIPPED, Map.of("CITY_ZONE", "Mars/Olympus")))
                .hasMessageContaining("city.zone");
    }

    @Test
    void aShortAdminTokenIsRefusedSayingWhy() {
        assertThatThrownBy(() -> AppConfig.load(SHIPPED, Map.of("ADMIN_TOKEN", "a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ADMIN_TOKEN is too short")
                .hasMessageContaining("32");
        String thirtyOne = "x".repeat(31);
        assertThatThrownBy(() -> AppConfig.load(SHIPPED, Map.of("ADMIN_TOKEN", thirtyOne)))
                .hasMessageContaining("31 characters")
                .message()
                .doesNotContain(thirtyOne);
        assertThat(AppConfig.load(SHIPPED, Map.of("ADMIN_TOKEN", "x".repeat(32)))
                        .adminToken())
                .isPresent();
    }

    @Test
    void aPasswordInTheDatabaseUrlIsNeverShown() {
        AppConfig pg = AppConfig.load(
                SHIPPED, Map.of("DB_URL", "jdbc:postgresql://db:5432/city?user=zv&password=s3cr3t&ssl=true"));
        assertThat(pg.toString())
                .doesNotContain("s3cr3t")
                .contains("password=***")
                .contains("ssl=true");
        assertThat(AppConfig.Db.masked("jdbc:h2:file:./data/x;USER=sa;PASSWORD=s3cr3t;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:./data/x;USER=sa;PASSWORD=***;WRITE_DELAY=0");
        assertThat(AppConfig.Db.masked("jdbc:postgresql://zv:s3cr3t@db:5432/city"))
                .isEqualTo("jdbc:postgresql://zv:***@db:5432/city");
        assertThat(AppConfig.Db.masked("jdbc:postgresql://db/city?sslpassword=s3cr3t"))
                .doesNotContain("s3cr3t");
        assertThat(AppConfig.Db.masked("jdbc:sqlite:/var/lib/zv/db.sqlite"))
                .isEqualTo("jdbc:sqlite:/var/lib/zv/db.sqlite");
    }

    @Test
    void withoutAFileTheBuiltInDefaultsApply(@TempDir Path dir) {
        AppConfig c = AppConfig.load(dir.resolve("missing.conf"), Map.of("HTTP_PORT", "0"));
        assertThat(c.httpPort()).isZero();
        assertThat(c.db().url()).startsWith("jdbc:sqlite:");
    }
}
