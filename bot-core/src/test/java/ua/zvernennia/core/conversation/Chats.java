package ua.zvernennia.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.desk.OperatorDesk;
import ua.zvernennia.core.testing.ChatDriver;
import ua.zvernennia.core.testing.MemoryStores;
import ua.zvernennia.core.testing.TestCategories;

/**
 * A small city (the test menu in memory) where chats can be walked to any step of the
 * conversation the way a citizen would get there.
 */
final class Chats {
    /** 10:00 in Kyiv (UTC+2 before the switch to summer time on 29 March). */
    static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");

    static final String DESCRIPTION = "Тече труба в підвалі, вода на підлозі";
    static final String PLACE = "вул. Січових Стрільців, 12";
    static final String NAME = "Олена Коваленко";
    static final String ADDRESS = "вул. Шевченка, 5, кв. 12";
    static final String PHONE = "0501234567";

    private static final AtomicInteger CHAT_IDS = new AtomicInteger(1000);

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final MemoryStores stores;
    final OperatorDesk desk = new OperatorDesk(clock, ConversationSettings.defaults());

    Chats() {
        this(new MemoryStores(TestCategories.small()));
    }

    Chats(MemoryStores stores) {
        this.stores = stores;
    }

    ChatDriver newChat() {
        return new ChatDriver(stores, clock, ChatKey.of(Channel.TELEGRAM, String.valueOf(CHAT_IDS.incrementAndGet())));
    }

    /**
     * A new chat walked to {@code step}: the water supply category with its «Протікання» issue
     * type (so that the issue type step is on the way), the place typed, nothing saved before.
     */
    ChatDriver at(Step step) {
        ChatDriver chat = newChat();
        if (Steps.TABLE.row(step).kind() == StepRow.Kind.APPEAL) {
            walkAbout(chat, step);
        } else {
            walk(chat, step);
        }
        assertThat(step(chat)).as("walked to").isEqualTo(step);
        return chat;
    }

    /** Files an appeal and walks to a step about it, the way an operator's change or the citizen leads there. */
    private void walkAbout(ChatDriver chat, Step step) {
        Appeal appeal = file(chat);
        switch (step) {
            case WITHDRAW ->
                chat.press("📋 Мої звернення").press("№ " + appeal.number()).press("↩️ Відкликати");
            case ANSWER -> operator(appeal, AppealStatus.NEEDS_INFO, "Уточніть, будь ласка, номер підʼїзду");
            case SOLVED -> operator(appeal, AppealStatus.RESOLVED, "Трубу замінено");
            case REOPEN_COMMENT -> {
                operator(appeal, AppealStatus.RESOLVED, "Трубу замінено");
                pressInPush(chat, "❌ Ні");
            }
            case RATING -> {
                operator(appeal, AppealStatus.RESOLVED, "Трубу замінено");
                pressInPush(chat, "✅ Так");
            }
            default -> throw new IllegalArgumentException(step.name());
        }
    }

    /** A new appeal of the chat, filed in full; the chat is back at the main menu. */
    Appeal file(ChatDriver chat) {
        walk(chat, Step.SUMMARY);
        chat.press("✅ Підтвердити");
        return stores.appeals().stream()
                .filter(a -> chat.chat().equals(a.chat()))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    /** An operator's status change, committed with its push. */
    OperatorDesk.StatusChanged operator(Appeal appeal, AppealStatus to, String comment) {
        return stores.run(s -> desk.changeStatus(s, appeal.number(), to, comment, "Оператор Іваненко"));
    }

    /** The text of the last message put in the outbox for the chat (a push is not a reply to a turn). */
    String lastPush(ChatDriver chat) {
        return stores.outboxRows().stream()
                .filter(r -> r.message().chat().equals(chat.chat()))
                .reduce((a, b) -> b)
                .orElseThrow()
                .message()
                .reply()
                .text();
    }

    /** Presses a button of the last push to the chat, as the citizen would, whatever came after it. */
    void pressInPush(ChatDriver chat, String label) {
        var push = stores.outboxRows().stream()
                .filter(r -> r.message().chat().equals(chat.chat()))
                .reduce((a, b) -> b)
                .orElseThrow()
                .message()
                .reply();
        String id = push.keyboard().buttons().stream()
                .filter(b -> b.display().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button «" + label + "» in the push " + push))
                .id();
        chat.pressId(id);
    }

    static void walk(ChatDriver chat, Step step) {
        chat.send("/start");
        if (step == Step.CONSENT) {
            return;
        }
        chat.press("✅ Погоджуюсь");
        if (step == Step.MAIN_MENU) {
            return;
        }
        if (step == Step.MY_APPEALS) {
            chat.press("📋 Мої звернення");
            return;
        }
        if (step == Step.MY_DATA || step == Step.ERASE) {
            chat.press("🔐 Мої дані");
            if (step == Step.ERASE) {
                chat.press("🗑 Видалити мої дані");
            }
            return;
        }
        chat.press("📝 Нове звернення");
        for (StepRow s : Steps.TABLE.draft()) {
            if (s.step() == step) {
                return;
            }
            answer(chat, s.step());
        }
    }

    /** The usual valid answer at a step of the draft. */
    static void answer(ChatDriver chat, Step s) {
        switch (s) {
            case CATEGORY -> chat.press("💧 Водоканал");
            case ISSUE_TYPE -> chat.press("Протікання");
            case DESCRIPTION -> chat.send(DESCRIPTION);
            case PHOTOS -> chat.press("⏭ Пропустити");
            case PLACE -> chat.send(PLACE);
            case NAME -> chat.send(NAME);
            case ADDRESS -> chat.send(ADDRESS);
            case PHONE -> chat.send(PHONE);
            case SUMMARY -> chat.press("✅ Підтвердити");
            default -> throw new IllegalArgumentException(s.name());
        }
    }

    /** A fragment of each step's question, as a citizen reads it in Ukrainian. */
    static String question(Step step) {
        return switch (step) {
            case CONSENT -> "👋 Вітаю! Я чат-бот";
            case MAIN_MENU -> "Чим можу допомогти?";
            case MY_APPEALS -> "У вас ще немає звернень";
            case CATEGORY -> "Оберіть напрямок звернення";
            case ISSUE_TYPE -> "Водоканал: що саме сталося?";
            case DESCRIPTION -> "Опишіть проблему своїми словами";
            case PHOTOS -> "Додайте фото проблеми";
            case PLACE -> "Де проблема?";
            case NAME -> "Вкажіть ваші імʼя та прізвище";
            case ADDRESS -> "Ваша адреса для відповіді";
            case PHONE -> "Ваш номер телефону";
            case SUMMARY -> "Перевірте, будь ласка, звернення";
            case WITHDRAW -> "Відкликати звернення №";
            case ANSWER -> "Напишіть, будь ласка, відповідь щодо звернення";
            case SOLVED -> "Чи вирішено вашу проблему?";
            case REOPEN_COMMENT -> "що саме не так";
            case RATING -> "Оцініть, будь ласка";
            case MY_DATA -> "Що про вас зберігається";
            case ERASE -> "Видалити ваші дані";
        };
    }

    ConversationState state(ChatDriver chat) {
        return stores.conversation(chat.chat()).orElse(ConversationState.fresh());
    }

    Step step(ChatDriver chat) {
        return state(chat).step();
    }

    Draft draft(ChatDriver chat) {
        return state(chat).draft();
    }

    /** The reply of the last turn that asks this step's question. */
    static Reply asking(ChatDriver chat, Step step) {
        String q = question(step);
        return chat.lastReplies().stream()
                .filter(r -> r.text().contains(q))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no «" + q + "» in " + chat.texts()));
    }

    /**
     * The last turn explained something and asked this step's question again: the explanation
     * comes first, in the same message as the question, and the question's buttons are there.
     */
    static String reasked(ChatDriver chat, Step step) {
        Reply r = asking(chat, step);
        int at = r.text().indexOf(question(step));
        assertThat(r.text().substring(0, at).strip())
                .as("explanation before the question in «%s»", r.text())
                .isNotEmpty();
        return r.text().substring(0, at);
    }
}
