package ua.zvernennia.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Inbound;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.chat.UnsupportedKind;
import ua.zvernennia.core.conversation.ConversationMachine;
import ua.zvernennia.core.conversation.ConversationSettings;
import ua.zvernennia.core.engine.ConversationEngine;
import ua.zvernennia.core.engine.Handled;
import ua.zvernennia.core.engine.UnitOfWork;

/**
 * Drives one chat through the engine and reads like the chat itself:
 * {@code chat.send("/start").expectButtons("✅ Погоджуюсь").press("✅ Погоджуюсь")}.
 * Works over any {@link UnitOfWork}: memory stores here, real databases in storage's tests.
 */
public final class ChatDriver {
    private static final AtomicLong UPDATE_IDS = new AtomicLong();

    private final UnitOfWork unitOfWork;
    private final ConversationEngine engine;
    private final Clock clock;
    private final ChatKey chat;
    private List<Reply> last = List.of();
    private final List<Reply> all = new ArrayList<>();

    public ChatDriver(UnitOfWork unitOfWork, Clock clock, ChatKey chat) {
        this(unitOfWork, clock, chat, ConversationSettings.defaults());
    }

    public ChatDriver(UnitOfWork unitOfWork, Clock clock, ChatKey chat, ConversationSettings settings) {
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.chat = chat;
        this.engine = new ConversationEngine(new ConversationMachine(settings), clock);
    }

    public ChatDriver send(String text) {
        return event(new Event.Text(text));
    }

    /** Presses the button with this label (with or without its emoji) in the last replies. */
    public ChatDriver press(String label) {
        Button b = buttons().stream()
                .filter(x -> x.display().equals(label) || x.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button «" + label + "» in " + labels()));
        return event(new Event.ButtonPress(b.id()), "menu-1");
    }

    public ChatDriver pressId(String id) {
        return event(new Event.ButtonPress(id), "menu-1");
    }

    public ChatDriver shareContact(String phone, boolean own) {
        return event(new Event.ContactShared(phone, own));
    }

    public ChatDriver shareLocation(double lat, double lon) {
        return event(new Event.LocationShared(lat, lon));
    }

    public ChatDriver photo(String fileId, String caption) {
        return event(new Event.PhotoSent(fileId, fileId + "-u", caption));
    }

    public ChatDriver unsupported(UnsupportedKind kind) {
        return event(new Event.Unsupported(kind));
    }

    public ChatDriver event(Event event) {
        return event(event, null);
    }

    private ChatDriver event(Event event, String menuRef) {
        Inbound in = new Inbound(chat, event, clock.instant(), "u" + UPDATE_IDS.incrementAndGet(), menuRef);
        return deliver(in);
    }

    /** Hands in an inbound as it is (to test re-delivery of the same update). */
    public ChatDriver deliver(Inbound in) {
        Handled handled = unitOfWork.run(s -> engine.handle(s, in));
        last = handled.replies().stream().map(m -> m.reply()).toList();
        all.addAll(last);
        return this;
    }

    /** Some reply of the last turn contains this text. */
    public ChatDriver expectText(String fragment) {
        assertThat(texts()).as("replies to the last message").anyMatch(t -> t.contains(fragment));
        return this;
    }

    public ChatDriver expectNoText(String fragment) {
        assertThat(texts()).as("replies to the last message").noneMatch(t -> t.contains(fragment));
        return this;
    }

    /** The last turn's buttons include all of these labels (emoji included or not). */
    public ChatDriver expectButtons(String... labels) {
        assertThat(labels()).as("buttons").contains(labels);
        return this;
    }

    public ChatDriver expectNoButton(String label) {
        assertThat(labels()).as("buttons").doesNotContain(label);
        return this;
    }

    public ChatDriver expectKeyboard(Class<? extends Keyboard> kind) {
        assertThat(last).as("keyboards").anyMatch(r -> kind.isInstance(r.keyboard()));
        return this;
    }

    public ChatDriver expectNoReply() {
        assertThat(last).isEmpty();
        return this;
    }

    public List<Reply> lastReplies() {
        return last;
    }

    public List<String> texts() {
        return last.stream().map(Reply::text).toList();
    }

    public String lastText() {
        assertThat(last).as("replies").isNotEmpty();
        return last.get(last.size() - 1).text();
    }

    public List<Button> buttons() {
        return last.stream().flatMap(r -> r.keyboard().buttons().stream()).toList();
    }

    public List<String> labels() {
        var out = new ArrayList<String>();
        for (Reply r : last) {
            for (Button b : r.keyboard().buttons()) {
                out.add(b.display());
                out.add(b.label());
            }
            if (r.keyboard() instanceof Keyboard.RequestContact c) {
                out.add(c.label());
            }
            if (r.keyboard() instanceof Keyboard.RequestLocation l) {
                out.add(l.label());
            }
        }
        return out;
    }

    public ChatKey chat() {
        return chat;
    }

    /** Consents and arrives at the main menu. */
    public ChatDriver consented() {
        return send("/start").press("✅ Погоджуюсь").expectText("Чим можу допомогти?");
    }
}
