package ua.zvernennia.core.conversation;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ua.zvernennia.core.appeal.Appeal;
import ua.zvernennia.core.appeal.AppealEvent;
import ua.zvernennia.core.appeal.AppealNumber;
import ua.zvernennia.core.appeal.AppealStatus;
import ua.zvernennia.core.appeal.GeoPoint;
import ua.zvernennia.core.appeal.NewAppeal;
import ua.zvernennia.core.appeal.PersonName;
import ua.zvernennia.core.appeal.Phone;
import ua.zvernennia.core.appeal.PhotoRef;
import ua.zvernennia.core.appeal.TextProblem;
import ua.zvernennia.core.appeal.TextRules;
import ua.zvernennia.core.category.Category;
import ua.zvernennia.core.deadline.AppealDeadlines;
import ua.zvernennia.core.category.IssueType;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Inbound;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.chat.UnsupportedKind;
import ua.zvernennia.core.citizen.Citizen;
import ua.zvernennia.core.citizen.Erasure;

/**
 * One inbound being handled: global commands first, then the handler of the current step.
 * Every step has a question ({@link #question}) and a handler; a handler either moves on
 * ({@link #go}) or explains what did not fit and asks the same question again ({@link #reask}).
 */
final class Turn {
    // Stable button ids. Telegram callback_data and Viber ActionBody carry these.
    static final String BACK = "back";
    static final String CANCEL = "cancel";
    static final String HELP = "help";
    static final String LANGUAGE = "lang";
    static final String CONSENT_YES = "consent_yes";
    static final String CONSENT_NO = "consent_no";
    static final String NEW_APPEAL = "new";
    static final String MY_APPEALS = "mine";
    static final String MY_DATA = "mydata";
    static final String ERASE = "erase";
    static final String ERASE_YES = "erase_yes";
    static final String NEXT_PAGE = "page_next";
    static final String PREV_PAGE = "page_prev";
    static final String CATEGORY_PREFIX = "cat:";
    static final String ISSUE_TYPE_PREFIX = "type:";
    static final String APPEAL_PREFIX = "appeal:";
    static final String PHOTOS_DONE = "photos_done";
    static final String PHOTOS_CLEAR = "photos_clear";
    static final String PLACE_HOME = "place_home";
    static final String USE_SAVED = "use_saved";
    static final String CONFIRM = "confirm";
    static final String EDIT_PREFIX = "edit:";
    static final String WITHDRAW_PREFIX = "withdraw:";
    static final String WITHDRAW_YES = "withdraw_yes";
    static final String ANSWER_PREFIX = "answer:";
    static final String ANSWER_DONE = "answer_done";
    static final String SOLVED_YES_PREFIX = "solved_yes:";
    static final String SOLVED_NO_PREFIX = "solved_no:";
    static final String RATE_PREFIX = "rate:";
    static final String RATING_SKIP = "rating_skip";
    /** Photos an appeal may have with those the citizen adds to answers. */
    static final int MAX_PHOTOS_WITH_ANSWERS = 2 * TextRules.MAX_PHOTOS;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", Locale.ROOT);

    final ConversationPorts ports;
    private final Inbound inbound;
    final ChatKey chat;
    final Instant now;
    private final ConversationSettings settings;
    final List<Reply> replies = new ArrayList<>();
    ConversationState state;
    Texts t;
    Optional<Citizen> citizen = Optional.empty();
    private boolean replaceMenu;
    private final FollowUpSteps followUp = new FollowUpSteps(this);

    Turn(ConversationPorts ports, ConversationState state, Inbound inbound, Instant now, ConversationSettings settings) {
        this.ports = ports;
        this.state = state;
        this.inbound = inbound;
        this.chat = inbound.chat();
        this.now = now;
        this.settings = settings;
        this.t = Texts.of(state.language());
    }

    /** The photo as the draft or the appeal refers to it, queued for its bytes to be kept. */
    PhotoRef keep(Event.PhotoSent photo) {
        PhotoRef ref = new PhotoRef(photo.fileId(), photo.fileUniqueId());
        ports.media().keep(chat, ref, now);
        return ref;
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
            command(c.name());
            return done();
        }
        if (event instanceof Event.ButtonPress b && global(b.id())) {
            return done();
        }
        if (event instanceof Event.ButtonPress b && followUp.appealAction(b.id())) {
            return done();
        }
        if (state.step().hasSubject() && followUp.subjectAppeal().isEmpty()) {
            reask(t.get("error.stale.button"));
            return done();
        }
        if (state.step().isDraftStep() && state.step() != Step.CATEGORY && !categoryStillOffered()) {
            chooseAgain();
            return done();
        }
        // A blank message answers no question; saying so beats each step's own complaint.
        if (event instanceof Event.Text text && text.text().isBlank()) {
            reask(t.get("error.empty"));
            return done();
        }
        switch (state.step()) {
            case CONSENT -> consent(event);
            case MAIN_MENU -> mainMenu(event);
            case MY_APPEALS -> followUp.myAppeals(event);
            case MY_DATA -> myData(event);
            case ERASE -> erase(event);
            case WITHDRAW -> followUp.withdraw(event);
            case ANSWER -> followUp.answer(event);
            case SOLVED -> reask(wrongType(event, "error.solved"));
            case REOPEN_COMMENT -> followUp.reopenComment(event);
            case RATING -> followUp.rating(event);
            case CATEGORY -> category(event);
            case ISSUE_TYPE -> issueType(event);
            case DESCRIPTION -> description(event);
            case PHOTOS -> photos(event);
            case PLACE -> place(event);
            case NAME -> name(event);
            case ADDRESS -> address(event);
            case PHONE -> phone(event);
            case SUMMARY -> summary(event);
            default -> throw new IllegalStateException("no handler for " + state.step());
        }
        return done();
    }

    // ---- global commands and buttons ------------------------------------------------------

    private void command(String name) {
        switch (name) {
            case "start" -> {
                if (citizen.isEmpty()) {
                    go(Step.CONSENT, Draft.EMPTY, 0);
                } else {
                    say(t.get("welcome.back"));
                    go(Step.MAIN_MENU, Draft.EMPTY, 0);
                }
            }
            case "help" -> help();
            case "cancel" -> cancel();
            default -> reask(t.get("error.command"));
        }
    }

    private boolean global(String id) {
        switch (id) {
            case CANCEL -> cancel();
            case BACK -> back();
            case HELP -> help();
            default -> {
                return false;
            }
        }
        return true;
    }

    private void help() {
        say(t.get("help"));
        ask();
    }

    private void cancel() {
        if (citizen.isEmpty()) {
            go(Step.CONSENT, Draft.EMPTY, 0);
            return;
        }
        if (state.step().hasSubject()) {
            // Leaving a question about a registered appeal must not throw away the draft kept for later.
            followUp.resume();
            return;
        }
        if (state.step().isDraftStep()) {
            say(t.get("cancelled"));
        }
        go(Step.MAIN_MENU, Draft.EMPTY, 0);
    }

    private void back() {
        Step step = state.step();
        Draft draft = state.draft();
        if (draft.editing() && step == Step.ISSUE_TYPE && draft.issueTypeId() == null) {
            // A new category is half chosen: its issue type is still missing, so the summary
            // would show a category without one.
            replaceMenu = true;
            go(Step.CATEGORY, draft, pageOf(draft.categoryId()));
            return;
        }
        if (draft.editing() && step != Step.SUMMARY) {
            go(Step.SUMMARY, draft.editing(false), 0);
            return;
        }
        Step target = step.back();
        if (target == null) {
            reask(t.get("error.no.back"));
            return;
        }
        if (target.hasSubject()) {
            state = state.about(target, state.subject());
            ask();
            return;
        }
        if (step == Step.DESCRIPTION && category().map(c -> !c.activeIssueTypes().isEmpty()).orElse(false)) {
            target = Step.ISSUE_TYPE;
        }
        if (target == Step.MAIN_MENU) {
            draft = Draft.EMPTY;
        }
        if (step == Step.ISSUE_TYPE) {
            replaceMenu = true;
        }
        go(target, draft, target == Step.CATEGORY ? pageOf(draft.categoryId()) : 0);
    }

    // ---- steps ------------------------------------------------------------------------------

    private void consent(Event event) {
        if (pressed(event, CONSENT_YES)) {
            ports.citizens().recordConsent(chat, now, state.language());
            citizen = ports.citizens().find(chat);
            say(t.get("consent.thanks"));
            go(Step.MAIN_MENU, Draft.EMPTY, 0);
        } else if (pressed(event, CONSENT_NO)) {
            say(t.get("consent.declined"));
        } else if (pressed(event, LANGUAGE)) {
            switchLanguage();
            go(Step.CONSENT, Draft.EMPTY, 0);
        } else {
            reask(wrongType(event, "error.consent"));
        }
    }

    private void mainMenu(Event event) {
        if (pressed(event, NEW_APPEAL)) {
            go(Step.CATEGORY, Draft.EMPTY, 0);
        } else if (pressed(event, MY_APPEALS)) {
            go(Step.MY_APPEALS, Draft.EMPTY, 0);
        } else if (pressed(event, MY_DATA)) {
            go(Step.MY_DATA, Draft.EMPTY, 0);
        } else if (pressed(event, LANGUAGE)) {
            switchLanguage();
            ports.citizens().setLanguage(chat, state.language());
            go(Step.MAIN_MENU, Draft.EMPTY, 0);
        } else if (event instanceof Event.Text text && matchCategory(text.text()).isPresent()) {
            chooseCategory(matchCategory(text.text()).get(), Draft.EMPTY);
        } else {
            reask(wrongType(event, "error.main.menu"));
        }
    }

    private void category(Event event) {
        if (event instanceof Event.ButtonPress b) {
            String id = b.id();
            if (NEXT_PAGE.equals(id) || PREV_PAGE.equals(id)) {
                int page = state.page() + (NEXT_PAGE.equals(id) ? 1 : -1);
                replaceMenu = true;
                go(Step.CATEGORY, state.draft(), Math.max(0, Math.min(page, lastPage())));
                return;
            }
            if (id.startsWith(CATEGORY_PREFIX)) {
                Optional<Category> chosen = offered(id.substring(CATEGORY_PREFIX.length()));
                if (chosen.isPresent()) {
                    replaceMenu = true;
                    chooseCategory(chosen.get(), state.draft());
                    return;
                }
            }
            reask(t.get("error.stale.button"));
            return;
        }
        if (event instanceof Event.Text text) {
            Optional<Category> match = matchCategory(text.text());
            if (match.isPresent()) {
                chooseCategory(match.get(), state.draft());
                return;
            }
            reask(t.get("error.category"));
            return;
        }
        reask(wrongType(event, "error.category"));
    }

    /** The draft's category or issue type was taken off the menu: choose again, keep the rest. */
    private void chooseAgain() {
        Draft draft = state.draft();
        // Past the description the rest is (partly) filled in: after choosing again the
        // citizen goes on with what is missing instead of retyping what is there.
        boolean keepGoing = draft.description() != null || draft.editing();
        Optional<Category> still = Optional.ofNullable(draft.categoryId()).flatMap(this::offered);
        if (still.isPresent() && !still.get().activeIssueTypes().isEmpty()) {
            say(t.get("issue.type.gone"));
            go(Step.ISSUE_TYPE, draft.withCategory(still.get().id(), null).editing(keepGoing), 0);
        } else {
            say(t.get("category.gone"));
            go(Step.CATEGORY, draft.withCategory(null, null).editing(keepGoing), 0);
        }
    }

    private void chooseCategory(Category category, Draft draft) {
        Draft d = draft.withCategory(category.id(), null);
        if (!category.activeIssueTypes().isEmpty()) {
            go(Step.ISSUE_TYPE, d, 0);
        } else {
            advance(Step.DESCRIPTION, d);
        }
    }

    private void issueType(Event event) {
        Category category = category().orElseThrow();
        Optional<IssueType> chosen = Optional.empty();
        if (event instanceof Event.ButtonPress b && b.id().startsWith(ISSUE_TYPE_PREFIX)) {
            chosen = category.issueType(b.id().substring(ISSUE_TYPE_PREFIX.length())).filter(IssueType::active);
            if (chosen.isEmpty()) {
                reask(t.get("error.stale.button"));
                return;
            }
            replaceMenu = true;
        } else if (event instanceof Event.Text text) {
            String typed = Matching.normalise(text.text());
            chosen = Matching.unique(category.activeIssueTypes(), it -> it.name(state.language()), typed);
        }
        if (chosen.isPresent()) {
            advance(Step.DESCRIPTION, state.draft().withCategory(category.id(), chosen.get().id()));
        } else {
            reask(wrongType(event, "error.issue.type"));
        }
    }

    private void description(Event event) {
        Draft draft = state.draft();
        if (event instanceof Event.Text text) {
            Optional<TextProblem> problem = TextRules.description(text.text());
            if (problem.isPresent()) {
                reask(describe(problem.get(), text.text()));
                return;
            }
            toPhotos(draft.withDescription(text.text().strip()));
        } else if (event instanceof Event.PhotoSent photo) {
            if (draft.photos().size() >= TextRules.MAX_PHOTOS) {
                reask(t.get("photos.limit", TextRules.MAX_PHOTOS));
                return;
            }
            draft = draft.withPhoto(keep(photo));
            Optional<TextProblem> problem = photo.caption().isBlank() ? Optional.empty() : TextRules.description(photo.caption());
            if (!photo.caption().isBlank() && problem.isEmpty()) {
                toPhotos(draft.withDescription(photo.caption().strip()));
            } else {
                state = state.at(Step.DESCRIPTION, draft, 0);
                // A caption that cannot be the description is not dropped without a word.
                reask(t.get("description.photo.kept")
                        + problem.map(p -> "\n" + describe(p, photo.caption())).orElse(""));
            }
        } else {
            reask(wrongType(event, "error.description"));
        }
    }

    /** After the description: photos, unless those sent with it already fill the limit. */
    private void toPhotos(Draft draft) {
        if (draft.photos().size() >= TextRules.MAX_PHOTOS && !draft.editing()) {
            say(t.get("photos.full", TextRules.MAX_PHOTOS));
            advance(Step.PLACE, draft);
        } else {
            advance(Step.PHOTOS, draft);
        }
    }

    private void photos(Event event) {
        Draft draft = state.draft();
        if (pressed(event, PHOTOS_DONE)) {
            advance(Step.PLACE, draft);
        } else if (pressed(event, PHOTOS_CLEAR) && !draft.photos().isEmpty()) {
            state = state.at(Step.PHOTOS, draft.withoutPhotos(), 0);
            ask();
        } else if (event instanceof Event.PhotoSent photo) {
            if (draft.photos().size() >= TextRules.MAX_PHOTOS) {
                reask(t.get("photos.limit", TextRules.MAX_PHOTOS));
                return;
            }
            draft = draft.withPhoto(keep(photo));
            if (draft.photos().size() == TextRules.MAX_PHOTOS) {
                say(t.get("photos.full", TextRules.MAX_PHOTOS));
                advance(Step.PLACE, draft);
            } else {
                state = state.at(Step.PHOTOS, draft, 0);
                ask();
            }
        } else {
            reask(wrongType(event, "error.photos"));
        }
    }

    private void place(Event event) {
        Draft draft = state.draft();
        if (event instanceof Event.LocationShared loc) {
            GeoPoint point;
            try {
                point = new GeoPoint(loc.latitude(), loc.longitude());
            } catch (IllegalArgumentException e) {
                reask(t.get("error.place"));
                return;
            }
            advance(Step.NAME, draft.withPlace(point, null, false));
        } else if (pressed(event, PLACE_HOME)) {
            advance(Step.NAME, draft.withPlace(null, null, true));
        } else if (event instanceof Event.Text text) {
            Optional<TextProblem> problem = TextRules.address(text.text());
            if (problem.isPresent()) {
                reask(describe(problem.get(), text.text()) + "\n" + t.get("error.place"));
                return;
            }
            advance(Step.NAME, draft.withPlace(null, text.text().strip(), false));
        } else {
            reask(wrongType(event, "error.place"));
        }
    }

    private void name(Event event) {
        if (pressed(event, USE_SAVED) && citizen.flatMap(Citizen::savedName).isPresent()) {
            advance(Step.ADDRESS, state.draft().withName(citizen.get().name()));
        } else if (event instanceof Event.Text text) {
            Optional<PersonName> name = PersonName.parse(text.text());
            if (name.isEmpty()) {
                reask(nameProblem(text.text()));
                return;
            }
            advance(Step.ADDRESS, state.draft().withName(name.get()));
        } else {
            reask(wrongType(event, "error.name.example"));
        }
    }

    private String nameProblem(String typed) {
        String s = typed.strip();
        if (s.isEmpty()) {
            return t.get("error.empty");
        }
        int space = s.indexOf(' ');
        if (s.length() > 2 * PersonName.MAX_PART + 1 || space > PersonName.MAX_PART
                || s.length() - space - 1 > PersonName.MAX_PART) {
            return t.get("error.name.long");
        }
        if (!s.contains(" ") && s.codePoints().allMatch(c -> Character.isLetter(c) || "-'ʼ’".indexOf(c) >= 0)) {
            return t.get("error.name.two.words");
        }
        return t.get("error.name.letters");
    }

    private void address(Event event) {
        if (pressed(event, USE_SAVED) && citizen.flatMap(Citizen::savedAddress).isPresent()) {
            advance(Step.PHONE, state.draft().withAddress(citizen.get().address()));
        } else if (event instanceof Event.Text text) {
            Optional<TextProblem> problem = TextRules.address(text.text());
            if (problem.isPresent()) {
                reask(describe(problem.get(), text.text()) + "\n" + t.get("error.address.example"));
                return;
            }
            advance(Step.PHONE, state.draft().withAddress(text.text().strip()));
        } else {
            reask(wrongType(event, "error.address.example"));
        }
    }

    private void phone(Event event) {
        if (pressed(event, USE_SAVED) && citizen.flatMap(Citizen::savedPhone).isPresent()) {
            advance(Step.SUMMARY, state.draft().withPhone(citizen.get().phone()));
        } else if (event instanceof Event.ContactShared contact) {
            if (!contact.own()) {
                reask(t.get("error.phone.not.own"));
                return;
            }
            Optional<Phone> phone = Phone.parse(contact.phone().startsWith("+") ? contact.phone() : "+" + contact.phone());
            if (phone.isEmpty()) {
                reask(t.get("error.phone.foreign"));
                return;
            }
            advance(Step.SUMMARY, state.draft().withPhone(phone.get()));
        } else if (event instanceof Event.Text text) {
            Optional<Phone> phone = Phone.parse(text.text());
            if (phone.isEmpty()) {
                reask(text.text().isBlank() ? t.get("error.empty") + "\n" + t.get("error.phone") : t.get("error.phone"));
                return;
            }
            advance(Step.SUMMARY, state.draft().withPhone(phone.get()));
        } else {
            reask(wrongType(event, "error.phone"));
        }
    }

    private void summary(Event event) {
        Draft draft = state.draft();
        if (pressed(event, CONFIRM)) {
            submit(draft);
            return;
        }
        if (event instanceof Event.ButtonPress b && b.id().startsWith(EDIT_PREFIX)) {
            Optional<Step> field = editable(b.id().substring(EDIT_PREFIX.length()));
            if (field.isPresent()) {
                // Photos are not dropped here: «Назад» must find the summary as it was, and
                // the photo step offers to remove them.
                Draft editing = draft.editing(true);
                go(field.get(), editing, field.get() == Step.CATEGORY ? pageOf(draft.categoryId()) : 0);
                return;
            }
        }
        reask(wrongType(event, "error.summary"));
    }

    private void submit(Draft draft) {
        Step missing = missing(draft);
        if (missing != Step.SUMMARY) {
            say(t.get("error.summary.missing"));
            go(missing, draft.editing(true), 0);
            return;
        }
        Category category = category().orElseThrow();
        String placeAddress = draft.placeSameAsHome() ? draft.address() : draft.placeAddress();
        NewAppeal appeal = new NewAppeal(chat.channel(), chat, category, draft.issueTypeId(), draft.description(),
                draft.photos(), draft.point(), placeAddress, draft.name(), draft.address(), draft.phone());
        AppealDeadlines deadlines = settings.deadlines(category, draft.issueTypeId(), now);
        Appeal saved = ports.appeals().submit(appeal, now, deadlines.deadline(), deadlines.legalDeadline());
        ports.citizens().saveDetails(chat, draft.name(), draft.address(), draft.phone(), now);
        say(t.get("submitted", saved.number(), categoryLabel(category, draft.issueTypeId()),
                category.executor(), when(saved.deadline()), when(saved.legalDeadline())));
        go(Step.MAIN_MENU, Draft.EMPTY, 0);
    }

    // ---- the citizen's own data: what is kept, and erasing it ----------------------------------

    private void myData(Event event) {
        if (pressed(event, ERASE)) {
            go(Step.ERASE, Draft.EMPTY, 0);
        } else {
            reask(wrongType(event, "error.my.data"));
        }
    }

    private void erase(Event event) {
        if (pressed(event, ERASE_YES)) {
            Erasure.Result result = Erasure.eraseChat(ports, chat, now);
            String open = result.keptOpen().stream().map(n -> "№ " + n).collect(java.util.stream.Collectors.joining(", "));
            say(t.get("erase.done", result.anonymised().size()) + (result.keptOpen().isEmpty() ? "" : "\n\n" + t.get("erase.kept.open", open)));
            // Consent withdrawn: the conversation starts again from the consent, in the citizen's language.
            citizen = Optional.empty();
            state = ConversationState.fresh().withLanguage(state.language()).withVersion(state.version());
        } else {
            reask(wrongType(event, "error.erase"));
        }
    }

    private List<Appeal> openAppeals() {
        return ports.appeals().byChat(chat, 100).stream().filter(a -> !a.status().isClosed()).toList();
    }

    private String myDataText() {
        Citizen c = citizen.orElseThrow();
        String none = t.get("mydata.none");
        List<Appeal> appeals = ports.appeals().byChat(chat, 100);
        long open = appeals.stream().filter(a -> !a.status().isClosed()).count();
        return t.get("mydata.text", chat.channel().name(), when(c.consentAt()),
                c.savedName().map(PersonName::full).orElse(none), c.savedAddress().orElse(none),
                c.savedPhone().map(Phone::e164).orElse(none), appeals.size(), open);
    }

    private Reply eraseQuestion() {
        List<Appeal> open = openAppeals();
        var choices = new ArrayList<Button>();
        for (Appeal a : open) {
            if (a.status().citizenMayWithdraw()) {
                choices.add(Button.of(WITHDRAW_PREFIX + a.number(), t.get("button.withdraw.number", a.number().toString())));
            }
        }
        choices.add(button(ERASE_YES, open.isEmpty() ? "button.erase.yes" : "button.erase.rest"));
        String text = open.isEmpty() ? t.get("erase.ask")
                : t.get("erase.ask.open", open.stream().map(a -> "№ " + a.number()).collect(java.util.stream.Collectors.joining(", ")));
        return Reply.of(text, menu(1, choices, List.of(button(BACK, "button.back"))));
    }

    // ---- questions -------------------------------------------------------------------------

    /** The question of a step, with its keyboard. */
    Reply question(Step step) {
        Draft d = state.draft();
        return switch (step) {
            case CONSENT -> Reply.of(t.get("consent.ask"), menu(1, List.of(
                    button(CONSENT_YES, "button.consent.yes"), button(CONSENT_NO, "button.consent.no"),
                    button(LANGUAGE, "button.language")), List.of()));
            case MAIN_MENU -> Reply.of(t.get("main.menu"), menu(1, List.of(
                    button(NEW_APPEAL, "button.new"), button(MY_APPEALS, "button.mine"),
                    button(HELP, "button.help"), button(LANGUAGE, "button.language"), button(MY_DATA, "button.my.data")), List.of()));
            case MY_DATA -> Reply.of(myDataText(), menu(1, List.of(button(ERASE, "button.erase")), List.of(button(BACK, "button.back"))));
            case ERASE -> eraseQuestion();
            case MY_APPEALS -> followUp.myAppealsQuestion();
            case WITHDRAW -> Reply.of(t.get("withdraw.ask", state.subject()),
                    menu(1, List.of(button(WITHDRAW_YES, "button.withdraw.yes")), List.of(button(BACK, "button.back"))));
            case ANSWER -> FollowUpSteps.answerQuestion(t, state.subject());
            case SOLVED -> FollowUpSteps.solvedQuestion(t, state.subject());
            case REOPEN_COMMENT -> Reply.of(t.get("reopen.ask"), menu(1, List.of(), List.of(button(BACK, "button.back"))));
            case RATING -> {
                var stars = new ArrayList<Button>();
                for (int i = 1; i <= 5; i++) {
                    stars.add(new Button(RATE_PREFIX + state.subject() + ":" + i, String.valueOf(i), "⭐"));
                }
                yield Reply.of(t.get("rating.ask", state.subject()), menu(3, stars, List.of(button(RATING_SKIP, "button.rating.skip"))));
            }
            case CATEGORY -> categoryQuestion();
            case ISSUE_TYPE -> {
                Optional<Category> gone = category();
                if (gone.isEmpty()) {
                    // Deleted while this question was open; the next message asks for another.
                    yield Reply.of(t.get("category.gone"), menu(1, List.of(), nav()));
                }
                Category c = gone.get();
                List<Button> types = c.activeIssueTypes().stream()
                        .map(it -> Button.of(ISSUE_TYPE_PREFIX + it.id(), it.name(state.language()))).toList();
                yield Reply.of(t.get("issue.type.ask", c.name(state.language())), menu(1, types, nav()));
            }
            case DESCRIPTION -> Reply.of(t.get("description.ask", TextRules.MIN_DESCRIPTION, TextRules.MAX_DESCRIPTION),
                    menu(2, List.of(), nav()));
            case PHOTOS -> Reply.of(d.photos().isEmpty()
                            ? t.get("photos.ask", TextRules.MAX_PHOTOS)
                            : d.photos().size() >= TextRules.MAX_PHOTOS
                            ? t.get("photos.full", TextRules.MAX_PHOTOS) + " " + t.get("photos.done.ask")
                            : t.get("photos.more", d.photos().size(), TextRules.MAX_PHOTOS),
                    menu(1, d.photos().isEmpty()
                            ? List.of(button(PHOTOS_DONE, "button.photos.skip"))
                            : List.of(button(PHOTOS_DONE, "button.photos.done"), button(PHOTOS_CLEAR, "button.photos.clear")), nav()));
            case PLACE -> {
                var others = new ArrayList<Button>();
                others.add(button(PLACE_HOME, "button.place.home"));
                others.addAll(nav());
                yield Reply.of(t.get("place.ask"), new Keyboard.RequestLocation(t.get("button.share.location"), others));
            }
            case NAME -> Reply.of(t.get("name.ask"), menu(1,
                    saved(citizen.flatMap(Citizen::savedName).map(PersonName::full)), nav()));
            case ADDRESS -> Reply.of(t.get("address.ask"), menu(1, saved(citizen.flatMap(Citizen::savedAddress)), nav()));
            case PHONE -> {
                var others = new ArrayList<>(saved(citizen.flatMap(Citizen::savedPhone).map(Phone::e164)));
                others.addAll(nav());
                yield Reply.of(t.get("phone.ask"), new Keyboard.RequestContact(t.get("button.share.phone"), others));
            }
            case SUMMARY -> Reply.of(summaryText(d), menu(2, List.of(
                    button(CONFIRM, "button.confirm"),
                    button(EDIT_PREFIX + "category", "button.edit.category"),
                    button(EDIT_PREFIX + "description", "button.edit.description"),
                    button(EDIT_PREFIX + "photos", "button.edit.photos"),
                    button(EDIT_PREFIX + "place", "button.edit.place"),
                    button(EDIT_PREFIX + "name", "button.edit.name"),
                    button(EDIT_PREFIX + "address", "button.edit.address"),
                    button(EDIT_PREFIX + "phone", "button.edit.phone")), nav()));
        };
    }

    private Reply categoryQuestion() {
        List<Category> all = ports.categories().active();
        if (all.isEmpty()) {
            return Reply.of(t.get("category.none"), menu(1, List.of(), List.of(button(CANCEL, "button.cancel"))));
        }
        int size = settings.menuPageSize();
        int page = Math.min(state.page(), lastPage());
        List<Button> choices = all.subList(page * size, Math.min(all.size(), (page + 1) * size)).stream()
                .map(c -> new Button(CATEGORY_PREFIX + c.id(), c.name(state.language()), c.emoji())).toList();
        var navigation = new ArrayList<Button>();
        if (page > 0) {
            navigation.add(button(PREV_PAGE, "button.page.prev"));
        }
        if (page < lastPage()) {
            navigation.add(button(NEXT_PAGE, "button.page.next"));
        }
        navigation.addAll(nav());
        String text = lastPage() > 0 ? t.get("category.ask.paged", page + 1, lastPage() + 1) : t.get("category.ask");
        return Reply.of(text, menu(2, choices, navigation));
    }


    /** The appeal's category in the citizen's language; the name stored with it if the category is gone. */


    private String summaryText(Draft d) {
        String category = category().map(c -> categoryLabel(c, d.issueTypeId())).orElse("—");
        String place;
        if (d.placeSameAsHome()) {
            place = t.get("summary.place.home");
        } else if (d.point() != null) {
            place = t.get("summary.place.point", String.format(Locale.ROOT, "%.5f, %.5f", d.point().latitude(), d.point().longitude()));
        } else {
            place = d.placeAddress() == null ? "—" : d.placeAddress();
        }
        return t.get("summary", category, d.description(), d.photos().size(), place,
                d.name() == null ? "—" : d.name().full(), d.address() == null ? "—" : d.address(),
                d.phone() == null ? "—" : d.phone().e164());
    }

    private String categoryLabel(Category c, String issueTypeId) {
        String name = (c.emoji() == null ? "" : c.emoji() + " ") + c.name(state.language());
        return c.issueType(issueTypeId).map(it -> name + " — " + it.name(state.language())).orElse(name);
    }

    // ---- transitions -----------------------------------------------------------------------

    /** Moves to {@code next} and asks its question. */
    void go(Step next, Draft draft, int page) {
        Step from = state.step();
        state = state.at(next, draft, page);
        Reply q = question(next);
        if (usesReplyKeyboard(from) && !usesReplyKeyboard(next)) {
            takeAwayReplyKeyboard();
        }
        replies.add(replaceMenu && inbound.menuRef() != null ? q.replacing(inbound.menuRef()) : q);
    }

    /** Moves on after valid input; when editing from the summary, back to the summary. */
    private void advance(Step next, Draft draft) {
        if (draft.editing()) {
            Step missing = missing(draft);
            if (missing == Step.SUMMARY) {
                go(Step.SUMMARY, draft.editing(false), 0);
            } else {
                go(missing, draft, 0);
            }
        } else {
            go(next, draft, 0);
        }
    }

    /** Asks the current question again. */
    void ask() {
        replies.add(question(state.step()));
    }

    /** Says what did not fit and asks the same question again, in one message. */
    void reask(String why) {
        Reply q = question(state.step());
        replies.add(Reply.of(why + "\n\n" + q.text(), q.keyboard()));
    }

    void say(String text) {
        replies.add(Reply.text(text));
    }

    /**
     * The location and phone steps show a keyboard under the input field; once past them it
     * must go, and only a message without a menu of its own can take it away.
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

    private static boolean usesReplyKeyboard(Step step) {
        return step == Step.PLACE || step == Step.PHONE;
    }

    private TurnOutcome done() {
        return new TurnOutcome(state, replies);
    }

    // ---- helpers ---------------------------------------------------------------------------

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
        for (Button b : question(state.step()).keyboard().buttons()) {
            if (typed.equals(Matching.normalise(b.label()))) {
                return new Event.ButtonPress(b.id());
            }
        }
        for (String global : List.of(BACK, CANCEL, HELP)) {
            if (typed.equals(Matching.normalise(t.get("button." + global)))) {
                return new Event.ButtonPress(global);
            }
        }
        return event;
    }

    String wrongType(Event event, String fallbackKey) {
        if (event instanceof Event.Unsupported u) {
            return t.get("unsupported." + u.kind()) + "\n" + t.get(fallbackKey);
        }
        if (event instanceof Event.PhotoSent) {
            // The usual case: the sixth photo of an album arriving after the fifth moved on.
            String why = state.draft().photos().size() >= TextRules.MAX_PHOTOS
                    ? t.get("photos.limit", TextRules.MAX_PHOTOS) : t.get("error.photo.here");
            return why + "\n" + t.get(fallbackKey);
        }
        if (event instanceof Event.LocationShared) {
            return t.get("error.location.here") + "\n" + t.get(fallbackKey);
        }
        if (event instanceof Event.ContactShared) {
            return t.get("error.contact.here") + "\n" + t.get(fallbackKey);
        }
        if (event instanceof Event.ButtonPress) {
            return t.get("error.stale.button");
        }
        if (event instanceof Event.Text text && text.text().isBlank()) {
            return t.get("error.empty");
        }
        return t.get(fallbackKey);
    }

    /** The bot's words for a {@link TextRules} problem, with the length typed where it matters. */
    String describe(TextProblem problem, String typed) {
        int length = typed.strip().codePointCount(0, typed.strip().length());
        return switch (problem) {
            case EMPTY -> t.get("error.empty");
            case DESCRIPTION_TOO_SHORT -> t.get("error.description.short", problem.limit());
            case DESCRIPTION_TOO_LONG -> t.get("error.description.long", length, problem.limit());
            case ADDRESS_TOO_SHORT -> t.get("error.address.short", problem.limit());
            case ADDRESS_TOO_LONG -> t.get("error.address.long", length, problem.limit());
            case NO_LETTERS -> t.get("error.no.letters");
        };
    }

    boolean pressed(Event event, String id) {
        return event instanceof Event.ButtonPress b && b.id().equals(id);
    }

    private Optional<Category> category() {
        String id = state.draft().categoryId();
        return id == null ? Optional.empty() : ports.categories().find(id);
    }

    private boolean categoryStillOffered() {
        String id = state.draft().categoryId();
        if (id == null) {
            return false;
        }
        Optional<Category> c = offered(id);
        if (c.isEmpty()) {
            return false;
        }
        String type = state.draft().issueTypeId();
        return type == null || c.get().issueType(type).map(IssueType::active).orElse(false);
    }

    private Optional<Category> offered(String id) {
        return ports.categories().active().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private Optional<Category> matchCategory(String typed) {
        return Matching.unique(ports.categories().active(), c -> c.name(state.language()), Matching.normalise(typed));
    }

    private int lastPage() {
        int n = ports.categories().active().size();
        return n == 0 ? 0 : (n - 1) / settings.menuPageSize();
    }

    int pageOf(String categoryId) {
        List<Category> all = ports.categories().active();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(categoryId)) {
                return i / settings.menuPageSize();
            }
        }
        return 0;
    }

    /**
     * The first step whose answer is missing, or {@link Step#SUMMARY}: the draft's own
     * check, and the issue type where the category has them (which the draft cannot know).
     */
    Step missing(Draft draft) {
        Step missing = draft.firstMissing();
        if (missing != Step.CATEGORY && draft.issueTypeId() == null
                && ports.categories().find(draft.categoryId()).map(c -> !c.activeIssueTypes().isEmpty()).orElse(false)) {
            return Step.ISSUE_TYPE;
        }
        return missing;
    }

    private Optional<Step> editable(String field) {
        return switch (field) {
            case "category" -> Optional.of(Step.CATEGORY);
            case "description" -> Optional.of(Step.DESCRIPTION);
            case "photos" -> Optional.of(Step.PHOTOS);
            case "place" -> Optional.of(Step.PLACE);
            case "name" -> Optional.of(Step.NAME);
            case "address" -> Optional.of(Step.ADDRESS);
            case "phone" -> Optional.of(Step.PHONE);
            default -> Optional.empty();
        };
    }

    private void switchLanguage() {
        state = state.withLanguage("en".equals(state.language()) ? "uk" : "en");
        t = Texts.of(state.language());
    }

    private List<Button> saved(Optional<String> value) {
        return value.map(v -> List.of(new Button(USE_SAVED, v, "✅"))).orElse(List.of());
    }

    private List<Button> nav() {
        return List.of(button(BACK, "button.back"), button(CANCEL, "button.cancel"));
    }

    Button button(String id, String key) {
        return Button.of(id, t.get(key));
    }

    static Keyboard.Menu menu(int columns, List<Button> choices, List<Button> navigation) {
        return new Keyboard.Menu(choices, columns, navigation);
    }

    String when(Instant instant) {
        return WHEN.format(instant.atZone(settings.zone()));
    }
}
