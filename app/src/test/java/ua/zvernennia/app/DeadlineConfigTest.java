package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.category.DeadlineClass;

class DeadlineConfigTest {
    @Test
    void theShippedDefaults() {
        AppConfig.Deadlines d = AppConfig.load(AppConfigTest.SHIPPED, Map.of()).deadlines();
        assertThat(d.staffTelegramChatId()).isEmpty();
        assertThat(d.reminderFraction()).isEqualTo(0.8);
        assertThat(d.checkInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(d.noStudyClasses()).isEmpty();
        assertThat(d.noStudyLegalDeadlineDays()).isEqualTo(15);
    }

    @Test
    void environmentOverrides() {
        AppConfig c = AppConfig.load(
                AppConfigTest.SHIPPED,
                Map.of(
                        "STAFF_TELEGRAM_CHAT_ID", "-1001234567890",
                        "DEADLINE_REMINDER_FRACTION", "0.75",
                        "DEADLINE_CHECK_INTERVAL_MS", "30000",
                        "NO_STUDY_DEADLINE_CLASSES", "emergency, SHORT",
                        "NO_STUDY_LEGAL_DEADLINE_DAYS", "10"));
        assertThat(c.deadlines().staffTelegramChatId()).contains("-1001234567890");
        assertThat(c.deadlines().reminderFraction()).isEqualTo(0.75);
        assertThat(c.deadlines().checkInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.deadlines().noStudyClasses()).isEqualTo(Set.of(DeadlineClass.EMERGENCY, DeadlineClass.SHORT));
        assertThat(c.deadlines().noStudyLegalDeadlineDays()).isEqualTo(10);
        assertThat(AppConfig.load(AppConfigTest.SHIPPED, Map.of("STAFF_TELEGRAM_CHAT_ID", "@city_staff"))
                        .deadlines()
                        .staffTelegramChatId())
                .contains("@city_staff");
    }

    @Test
    void wrongValuesNameTheSetting() {
        assertThatThrownBy(() -> AppConfig.load(AppConfigTest.SHIPPED, Map.of("STAFF_TELEGRAM_CHAT_ID", "staff chat")))
                .hasMessageContaining("STAFF_TELEGRAM_CHAT_ID");
        assertThatThrownBy(() -> AppConfig.load(AppConfigTest.SHIPPED, Map.of("DEADLINE_REMINDER_FRACTION", "1.5")))
                .hasMessageContaining("DEADLINE_REMINDER_FRACTION");
        assertThatThrownBy(() -> AppConfig.load(AppConfigTest.SHIPPED, Map.of("NO_STUDY_DEADLINE_CLASSES", "URGENT")))
                .hasMessageContaining("NO_STUDY_DEADLINE_CLASSES")
                .hasMessageContaining("URGENT");
        assertThatThrownBy(() -> AppConfig.load(
                        AppConfigTest.SHIPPED,
                        Map.of("NO_STUDY_DEADLINE_CLASSES", "SHORT", "NO_STUDY_LEGAL_DEADLINE_DAYS", "40")))
                .hasMessageContaining("NO_STUDY_LEGAL_DEADLINE_DAYS");
    }
}
