package ua.zvernennia.storage;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.testing.TestCategories;

/**
 * Child process of {@link KillDurabilityTest}: submits appeals from several threads forever and
 * prints the number of each one only after its commit has returned.
 */
public final class DurabilityWriter {
    private DurabilityWriter() {}

    public static void main(String[] args) {
        Storage storage = Storage.open(args[0], null, null, Clock.systemUTC(), ZoneId.of("Europe/Kyiv"));
        storage.seedCategoriesIfEmpty(TestCategories.small());
        Category lifts = storage.categories().find("lifts").orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            pool.submit(() -> {
                for (long i = 0; ; i++) {
                    ChatKey chat = ChatKey.of(Channel.TELEGRAM, thread + "-" + i);
                    NewAppeal a = new NewAppeal(
                            Channel.TELEGRAM,
                            chat,
                            lifts,
                            null,
                            "Ліфт не працює " + i,
                            List.of(),
                            null,
                            "вул. Тестова, 1",
                            new PersonName("Іван", "Петренко"),
                            "вул. Тестова, 1",
                            new Phone("+380501234567"));
                    Appeal saved = storage.unitOfWork().run(s -> {
                        s.citizens().recordConsent(chat, java.time.Instant.now(), "uk");
                        return s.appeals()
                                .submit(a, java.time.Instant.now(), java.time.Instant.now(), java.time.Instant.now());
                    });
                    synchronized (System.out) {
                        System.out.println("committed " + saved.number() + " " + chat.id());
                        System.out.flush();
                    }
                }
            });
        }
    }
}
