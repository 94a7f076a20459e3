package ua.zvernennia.core.conversation;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.appeal.TextProblem;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Inbound;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.chat.UnsupportedKind;
import ua.zvernennia.core.citizen.Citizen;
import ua.zvernennia.core.conversation.ButtonId.Fixed;
import ua.zvernennia.core.conversation.StepRow.Kind;

/**
 * One inbound being handled: what comes before any step (a blocked bot, a group chat, the
 * consent), the commands and buttons that work at every step ({@link Navigation},
 * {@link AppealButtons}), then the class of the current step as {@link Steps} names it. The turn
 * keeps its state and replies to itself; steps reach them through {@link StepContext}. Used once,
 * by one thread.
 */
final class Turn implements StepContext {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT);

    private final ConversationPorts ports;
    private final Inbound inbound;
    private final ChatKey chat;
    private final Instant now;
    private final ConversationSettings settings;
    private final CategoryChoices categories;
    private final List<Reply> replies = new ArrayList<>();
    private ConversationState state;
    private Texts t;
    private Optional<Citizen> citizen = Optional.empty();
    private boolean replaceMenu;

    Turn(
            ConversationPorts ports,
            ConversationState state,
            Inbound inbound,
            Instant now,
            ConversationSettings settings) {
        this.ports = ports;
        this.state = state;
        this.inbound = inbound;
        this.chat = inbound.chat();
        this.now = now;
        this.settings = settings;
        this.categories = new CategoryChoices(ports.categories(), settings.menuPageSize());
        this.t = Texts.of(state.language());
    }

    TurnOutcome run() {
        Event event = inbound.event();
        if (event instanceof Event.Reachability r) {
            ports.citizens().setReachable(chat, r.reachable(), r.reachable() ? null : "blocked the bot", now);
            return done();
        }
        if (event instanceof Event.Unsupported u && u.kind() == UnsupportedKind.GROUP_CHAT) {
            say(t.get("unsupported.GROUP_CHAT"));
            return done();
        }
        citizen = ports.citizens().find(chat);
        if (citizen.isEmpty() && state.step() != Step.CONSENT) {
            state = state.at(Step.CONSENT, Draft.EMPTY, 0);
        }
        if (citizen.isPresent() && state.step() == Step.CONSENT) {
            // The conversation was lost (or cleaned up) but the consent was not: asking for it
            // again would make the old menu's buttons look broken.
            state = state.withLanguage(citizen.get().language()).at(Step.MAIN_MENU, Draft.EMPTY, 0);
            t = Texts.of(state.language());
        }
        event = normalise(event);
        if (event instanceof Event.Command c) {
            Navigation.command(this, c.name());
            return done();
        }
        ButtonId pressed = ButtonId.pressed(event);
        if (pressed instanceof ButtonId.Stale) {
            reask(t.get("error.stale.button"));
            return done();
        }
        if (pressed != null && (Navigation.press(this, pressed) || AppealButtons.press(this, pressed))) {
            return done();
        }
        StepRow row = Steps.TABLE.row(state.step());
        if (row.kind() == Kind.APPEAL && subjectAppeal().isEmpty()) {
            reask(t.get("error.stale.button"));
            return done();
        }
        if (row.kind() == Kind.DRAFT && row.step() != Step.CATEGORY && !categories.stillOffered(state.draft())) {
            Navigation.chooseAgain(this);
            return done();
        }
        // A blank message answers no question; saying so beats each step's own complaint.
        if (event instanceof Event.Text text && text.text().isBlank()) {
            reask(t.get("error.empty"));
            return done();
        }
        row.handler().handle(this, event);
        return done();
    }

    private TurnOutcome done() {
        return new TurnOutcome(state, replies);
    }

    /** Typed text that is a command or names a button of the current question becomes that. */
    private Event normalise(Event event) {
        if (!(event instanceof Event.Text text)) {
            return event;
        }
        String s = text.text().strip();
        if (s.startsWith("/") && s.length() > 1 && s.length() < 40 && s.indexOf(' ') < 0) {
            String name = s.substring(1);
            int at = name.indexOf('@');
            return new Event.Command(at > 0 ? name.substring(0, at) : name);
        }
        String typed = Matching.normalise(s);
        if (typed.isEmpty()) {
            return event;
        }
        for (Button b : question().keyboard().buttons()) {
            if (typed.equals(Matching.normalise(b.label()))) {
                return new Event.ButtonPress(b.id());
            }
        }
        for (Fixed global : List.of(Fixed.BACK, Fixed.CANCEL, Fixed.HELP)) {
            if (typed.equals(Matching.normalise(t.get("button." + global.encode())))) {
                return new Event.ButtonPress(global.encode());
            }
        }
        return event;
    }

    // ---- what the turn is about -----------------------------------------------------------------

    @Override
    public ConversationState state() {
        return state;
    }

    @Override
    public Optional<Citizen> citizen() {
        return citizen;
    }

    @Override
    public ChatKey chat() {
        return chat;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public ConversationPorts ports() {
        return ports;
    }

    @Override
    public ConversationSettings settings() {
        return settings;
    }

    @Override
    public CategoryChoices categories() {
        return categories;
    }

    @Override
    public Optional<Appeal> subjectAppeal() {
        return AppealNumber.parse(state.subject())
                .flatMap(n -> ports.appeals().find(n))
                .filter(a -> chat.equals(a.chat()));
    }

    @Override
    public PhotoRef keep(Event.PhotoSent photo) {
        PhotoRef ref = new PhotoRef(photo.fileId(), photo.fileUniqueId());
        ports.media().keep(chat, ref, now);
        return ref;
    }

    // ---- words ----------------------------------------------------------------------------------

    @Override
    public Texts texts() {
        return t;
    }

    @Override
    public String when(Instant instant) {
        return WHEN.format(instant.atZone(settings.zone()));
    }

    @Override
    public String describe(TextProblem problem, String typed) {
        return Explanations.of(t, problem, typed);
    }

    // ---- replies --------------------------------------------------------------------------------

    @Override
    public void say(String text) {
        replies.add(Reply.text(text));
    }

    @Override
    public void reply(Reply reply) {
        replies.add(reply);
    }

    @Override
    public Reply question() {
        return Steps.TABLE.row(state.step()).handler().question(this);
    }

    @Override
    public void ask() {
        replies.add(question());
    }

    @Override
    public void reask(String why) {
        Reply q = question();
        replies.add(Reply.of(why + "\n\n" + q.text(), q.keyboard()));
    }

    @Override
    public void refuse(Event event) {
        reask(Explanations.wrongInput(
                t,
                event,
                Steps.TABLE.row(state.step()).hint(),
                state.draft().photos().size()));
    }

    // ---- moves ----------------------------------------------------------------------------------

    @Override
    public void go(Step next, Draft draft, int page) {
        assertDeclared(next);
        jump(next, draft, page);
    }

    @Override
    public void advance(Step next, Draft draft) {
        assertDeclared(next);
        if (!draft.editing()) {
            jump(next, draft, 0);
            return;
        }
        Step missing = missing(draft);
        if (missing == Step.SUMMARY) {
            jump(Step.SUMMARY, draft.editing(false), 0);
        } else {
            jump(missing, draft, 0);
        }
    }

    @Override
    public void stay(Draft draft) {
        state = state.at(state.step(), draft, 0);
    }

    @Override
    public void about(Step step, Appeal appeal) {
        assertDeclared(step);
        state = state.about(step, appeal.number().toString());
        ask();
    }

    @Override
    public void resume() {
        Draft draft = state.draft();
        if (draft.categoryId() == null) {
            jump(Step.MAIN_MENU, Draft.EMPTY, 0);
            return;
        }
        say(t.get("draft.resume"));
        fillIn(draft);
    }

    @Override
    public void appealMovedOn(Appeal appeal) {
        say(t.get("appeal.moved.on", appeal.number(), t.get("status." + appeal.status())));
        resume();
    }

    @Override
    public void replacingMenu() {
        replaceMenu = true;
    }

    @Override
    public void switchLanguage() {
        state = state.withLanguage("en".equals(state.language()) ? "uk" : "en");
        t = Texts.of(state.language());
    }

    @Override
    public void consented() {
        ports.citizens().recordConsent(chat, now, state.language());
        citizen = ports.citizens().find(chat);
    }

    @Override
    public void startOver() {
        citizen = Optional.empty();
        state = ConversationState.fresh().withLanguage(state.language()).withVersion(state.version());
    }

    /**
     * Moves to {@code next} and asks its question, whatever the table declares: for the moves that
     * follow from the table itself (back, cancel, the first missing answer) rather than a step's
     * handling.
     */
    void jump(Step next, Draft draft, int page) {
        Step from = state.step();
        state = state.at(next, draft, page);
        Reply q = question();
        if (Steps.TABLE.row(from).usesReplyKeyboard() && !Steps.TABLE.row(next).usesReplyKeyboard()) {
            takeAwayReplyKeyboard();
        }
        replies.add(replaceMenu && inbound.menuRef() != null ? q.replacing(inbound.menuRef()) : q);
    }

    /** «Назад» to a step about the same appeal. */
    void backAbout(Step target) {
        state = state.about(target, state.subject());
        ask();
    }

    @Override
    public void fillIn(Draft draft) {
        Step next = missing(draft);
        jump(next, draft, next == Step.CATEGORY ? categories.pageOf(draft.categoryId()) : 0);
    }

    /** The first step of the draft whose answer is missing, or {@link Step#SUMMARY}. */
    Step missing(Draft draft) {
        return Steps.TABLE.firstMissing(draft, categories);
    }

    /**
     * A move the table does not declare is a mistake in the table or in the step. Tests run with
     * assertions on, so the whole conversation suite checks the table against what the steps do;
     * in production the citizen still gets the move rather than an apology.
     */
    private void assertDeclared(Step next) {
        assert Steps.TABLE.allows(state.step(), next)
                : "the table declares no move from " + state.step() + " to " + next;
    }

    /**
     * A keyboard under the input field (location, phone) must go once past its step, and only a
     * message without a menu of its own can take it away.
     */
    private void takeAwayReplyKeyboard() {
        for (int i = 0; i < replies.size(); i++) {
            Reply r = replies.get(i);
            if (r.keyboard() instanceof Keyboard.Keep) {
                replies.set(i, Reply.of(r.text(), Keyboard.REMOVE));
                return;
            }
        }
        replies.add(Reply.of(t.get("ack"), Keyboard.REMOVE));
    }
}
