package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.executor.MorningDigest;
import ua.zvernennia.core.executor.StaffNotices;
import ua.zvernennia.core.testing.Await;
import ua.zvernennia.telegram.FakeBotApi;

/** The executors' morning digest on the running app: the right appeals, in the staff chat, once a day. */
class MorningDigestTest {
    static final String ADMIN = TokenApiTest.ADMIN;
    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    static final long WATER_CHAT = -100501;
    static final long QUIET_CHAT = -100502;
    static final long IDLE_CHAT = -100503;
    static final String TITLE = "Ранкове зведення";

    @TempDir
    Path dir;

    App app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    void start(FakeBotApi telegram, String digestTime) {
        var env = new HashMap<>(Map.of("ADMIN_TOKEN", ADMIN, "OUTBOX_POLL_INTERVAL_MS", "50"));
        env.putAll(TestApps.telegram(telegram));
        env.put("EXECUTOR_DIGEST_TIME", digestTime);
        app = TestApps.start(dir, Clock.systemUTC(), env);
    }

    long executor(ApiClient admin, String name, long chat, boolean active) {
        ApiClient.Response r = admin.post(
                "/api/executors",
                "{\"name\": \"" + name + "\", \"staffChat\": \"" + chat + "\", \"active\": " + active + "}");
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** Files an appeal at {@code at} with the deadline {@code deadline}, assigned to the executor. */
    Appeal filed(long executorId, String category, String description, Instant at, Instant deadline) {
        ChatKey chat = ChatKey.of(Channel.TELEGRAM, "7100");
        return app.storage().unitOfWork().run(s -> {
            Appeal a = Filed.appeal(category, description)
                    .at(at)
                    .dueIn(Duration.between(at, deadline))
                    .in(s, chat);
            s.assignments()
                    .assign(a.number(), s.assignments().executor(executorId).orElseThrow());
            return a;
        });
    }

    void resolve(Appeal a, Instant at) {
        app.storage()
                .unitOfWork()
                .run(s -> s.appeals()
                        .changeStatus(a.number(), AppealStatus.REGISTERED, AppealStatus.RESOLVED, "b", null, null, at));
    }

    /** Digests ever queued for the chat, sent or not. */
    long queuedDigests(long chat) {
        return app.storage()
                .database()
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT COUNT(*) FROM outbox WHERE channel = 'TELEGRAM' AND chat_id = :chat AND payload LIKE :title")
                        .bind("chat", String.valueOf(chat))
                        .bind("title", "%" + TITLE + "%")
                        .mapTo(Long.class)
                        .one());
    }

    static List<String> digests(FakeBotApi telegram, long chat) {
        return telegram.shown(chat).stream()
                .map(FakeBotApi.Shown::text)
                .filter(t -> t.contains(TITLE))
                .toList();
    }

    @Test
    void theDigestListsTheExecutorsOpenAndOverdueAppealsOnceADay() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi()) {
            start(telegram, "");
            ApiClient admin = new ApiClient(app.httpPort(), ADMIN);
            long water = executor(admin, "КП «Водоканал-5»", WATER_CHAT, true);
            executor(admin, "КП «Без звернень»", QUIET_CHAT, true);
            long idle = executor(admin, "КП «Неактивне»", IDLE_CHAT, false);
            // A past day: the digest's messages are due at its time, which the outbox has passed.
            LocalDate day = LocalDate.of(2025, 3, 11);
            Instant eight = day.atTime(8, 0).atZone(KYIV).toInstant();
            Instant filedAt = eight.minus(Duration.ofDays(1));
            Appeal overdue = filed(water, "lifts", "Застряг ліфт", filedAt, eight.minus(Duration.ofHours(1)));
            Appeal soon = filed(water, "lifts", "Не працює кнопка", filedAt, eight.plus(Duration.ofHours(5)));
            Appeal later = filed(water, "lifts", "Скрипить кабіна", filedAt, eight.plus(Duration.ofDays(2)));
            Appeal closed = filed(water, "lifts", "Не світить лампа", filedAt, eight.minus(Duration.ofHours(2)));
            resolve(closed, filedAt.plus(Duration.ofHours(1)));
            filed(idle, "lifts", "Чуже звернення", filedAt, eight.minus(Duration.ofHours(3)));

            var digest =
                    new MorningDigest(app.storage().unitOfWork(), new StaffNotices(KYIV), KYIV, LocalTime.of(8, 0));
            assertThat(digest.runOnce(eight.minusSeconds(60)))
                    .as("before eight")
                    .isZero();
            assertThat(digest.runOnce(eight)).isEqualTo(1);
            assertThat(digest.runOnce(eight.plus(Duration.ofMinutes(30)))).isZero();
            // A restart later that day: the day's digest is recorded, so it is not sent again.
            var restarted =
                    new MorningDigest(app.storage().unitOfWork(), new StaffNotices(KYIV), KYIV, LocalTime.of(8, 0));
            assertThat(restarted.runOnce(eight.plus(Duration.ofHours(2)))).isZero();

            Await.until(
                    "the digest in the staff chat",
                    () -> !digests(telegram, WATER_CHAT).isEmpty());
            String text = digests(telegram, WATER_CHAT).get(0);
            assertThat(text)
                    .contains("11.03.2025", "КП «Водоканал-5»", "Відкритих звернень: 3, з них прострочених: 1.")
                    .contains(
                            overdue.number().toString(),
                            soon.number().toString(),
                            later.number().toString())
                    .contains("Ліфти", "строк до 11.03.2025 07:00", "строк до 11.03.2025 13:00")
                    .doesNotContain(closed.number().toString())
                    .doesNotContain("Коваленко", "+380", "Шевченка", "Застряг ліфт");
            // The overdue one first, under its heading; the others after, by deadline.
            assertThat(text.indexOf("Прострочені"))
                    .isLessThan(text.indexOf(overdue.number().toString()));
            assertThat(text.indexOf(overdue.number().toString())).isLessThan(text.indexOf("📋 Відкриті"));
            assertThat(text.indexOf(soon.number().toString()))
                    .isLessThan(text.indexOf(later.number().toString()));

            // The next day's digest comes the next morning, once.
            Instant nextEight = eight.plus(Duration.ofDays(1));
            assertThat(restarted.runOnce(nextEight)).isEqualTo(1);
            assertThat(digest.runOnce(nextEight.plusSeconds(60))).isZero();
            Await.until(
                    "the next day's digest", () -> digests(telegram, WATER_CHAT).size() == 2);
            assertThat(digests(telegram, WATER_CHAT).get(1)).contains("12.03.2025", "прострочених: 2.");
            // Nothing open, or not active: no digest.
            assertThat(digests(telegram, QUIET_CHAT)).isEmpty();
            assertThat(digests(telegram, IDLE_CHAT)).isEmpty();
        }
    }

    @Test
    void theAppSendsTheDaysDigestAtItsTimeAndNotAgainAfterARestart() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi()) {
            start(telegram, "");
            long water = executor(new ApiClient(app.httpPort(), ADMIN), "КП «Водоканал-6»", WATER_CHAT, true);
            Instant now = Instant.now();
            Appeal open = filed(water, "lifts", "Застряг ліфт", now, now.plus(Duration.ofHours(6)));
            app.close();

            // Any time of the day is past midnight: the app sends today's digest as it starts.
            start(telegram, "00:00");
            Await.until("today's digest", () -> digests(telegram, WATER_CHAT).size() == 1);
            assertThat(digests(telegram, WATER_CHAT).get(0))
                    .contains(LocalDate.now(KYIV).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")))
                    .contains(open.number().toString());
            // An executor added later the same day gets its digest at the next start.
            long lifts = executor(new ApiClient(app.httpPort(), ADMIN), "КП «Ліфти-6»", QUIET_CHAT, true);
            Appeal lift = filed(lifts, "lifts", "Не працює кнопка", now, now.plus(Duration.ofHours(6)));
            app.close();

            start(telegram, "00:00");
            // One pass sends what is due: once the new executor's digest is there, the pass is over.
            Await.until(
                    "the new executor's digest",
                    () -> digests(telegram, QUIET_CHAT).size() == 1);
            assertThat(digests(telegram, QUIET_CHAT).get(0))
                    .contains(lift.number().toString());
            assertThat(digests(telegram, WATER_CHAT))
                    .as("not again after a restart")
                    .hasSize(1);
            assertThat(queuedDigests(WATER_CHAT)).as("queued once").isEqualTo(1);
        }
    }
}
