package ua.zvernennia.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Event;
import ua.zvernennia.core.chat.Inbound;
import ua.zvernennia.core.chat.UnsupportedKind;

class UpdateTranslatorTest {
    private final ObjectMapper json =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final UpdateTranslator translator =
            new UpdateTranslator(Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneOffset.UTC));

    private Optional<Inbound> translate(ObjectNode update) throws Exception {
        update.put("update_id", 777);
        return translator.translate(json.treeToValue(update, Update.class));
    }

    private Event event(ObjectNode update) throws Exception {
        return translate(update).orElseThrow().event();
    }

    @Test
    void textKeepsTheChatAndTheUpdateId() throws Exception {
        Inbound in = translate(Updates.text(5, "/start")).orElseThrow();
        assertThat(in.chat()).isEqualTo(ChatKey.of(Channel.TELEGRAM, "5"));
        assertThat(in.event()).isEqualTo(new Event.Text("/start"));
        assertThat(in.sourceId()).isEqualTo("777");
        assertThat(in.menuRef()).isNull();
        assertThat(in.receivedAt()).isEqualTo(Instant.parse("2026-03-10T08:00:00Z"));
    }

    @Test
    void aButtonPressCarriesTheMenuMessage() throws Exception {
        Inbound in = translate(Updates.press(5, 321, "cat:water")).orElseThrow();
        assertThat(in.event()).isEqualTo(new Event.ButtonPress("cat:water"));
        assertThat(in.menuRef()).isEqualTo("321");
    }

    @Test
    void contactIsOwnOnlyWhenItsUserIsTheSender() throws Exception {
        assertThat(event(Updates.contact(5, "+380501234567", 5)))
                .isEqualTo(new Event.ContactShared("+380501234567", true));
        assertThat(event(Updates.contact(5, "+380501234567", 6)))
                .isEqualTo(new Event.ContactShared("+380501234567", false));
        ObjectNode noUser = Updates.contact(5, "+380501234567", 5);
        ((ObjectNode) noUser.get("message").get("contact")).remove("user_id");
        assertThat(event(noUser)).isEqualTo(new Event.ContactShared("+380501234567", false));
    }

    @Test
    void locationAndTheLargestPhoto() throws Exception {
        assertThat(event(Updates.location(5, 48.46, 35.04))).isEqualTo(new Event.LocationShared(48.46, 35.04));
        assertThat(event(Updates.photo(5, "big", "Тут"))).isEqualTo(new Event.PhotoSent("big", "ul", "Тут"));
    }

    @Test
    void whatTheBotCannotTake() throws Exception {
        assertThat(event(Updates.with(5, "sticker"))).isEqualTo(new Event.Unsupported(UnsupportedKind.STICKER));
        assertThat(event(Updates.with(5, "voice"))).isEqualTo(new Event.Unsupported(UnsupportedKind.VOICE));
        assertThat(event(Updates.with(5, "audio"))).isEqualTo(new Event.Unsupported(UnsupportedKind.VOICE));
        assertThat(event(Updates.with(5, "video"))).isEqualTo(new Event.Unsupported(UnsupportedKind.VIDEO));
        assertThat(event(Updates.with(5, "video_note"))).isEqualTo(new Event.Unsupported(UnsupportedKind.VIDEO));
        ObjectNode animation = Updates.with(5, "animation");
        ((ObjectNode) animation.get("message"))
                .putObject("document")
                .put("file_id", "d")
                .put("file_unique_id", "du");
        assertThat(event(animation)).isEqualTo(new Event.Unsupported(UnsupportedKind.VIDEO));
        assertThat(event(Updates.with(5, "document"))).isEqualTo(new Event.Unsupported(UnsupportedKind.DOCUMENT));
        ObjectNode poll = Updates.message(5, "private");
        ((ObjectNode) poll.get("message"))
                .putObject("poll")
                .put("id", "p")
                .put("question", "?")
                .putArray("options");
        assertThat(event(poll)).isEqualTo(new Event.Unsupported(UnsupportedKind.POLL));
        assertThat(event(Updates.message(5, "private"))).isEqualTo(new Event.Unsupported(UnsupportedKind.OTHER));
        assertThat(event(Updates.edited(5, "виправлено")))
                .isEqualTo(new Event.Unsupported(UnsupportedKind.EDITED_MESSAGE));
    }

    @Test
    void aGroupsTextIsForAStaffChatAndTheRestIsAGroupChat() throws Exception {
        ObjectNode group = Updates.message(-100123, "supergroup");
        ((ObjectNode) group.get("message")).put("text", "привіт");
        Inbound in = translate(group).orElseThrow();
        assertThat(in.event()).isEqualTo(new Event.StaffMessage("7", "Олена", "привіт", null));
        assertThat(in.chat().id()).isEqualTo("-100123");
        ObjectNode sticker = Updates.message(-100123, "supergroup");
        ((ObjectNode) sticker.get("message"))
                .putObject("sticker")
                .put("file_id", "s")
                .put("file_unique_id", "u")
                .put("type", "regular")
                .put("width", 1)
                .put("height", 1)
                .put("is_animated", false)
                .put("is_video", false);
        assertThat(translate(sticker).orElseThrow().event())
                .isEqualTo(new Event.Unsupported(UnsupportedKind.GROUP_CHAT));
    }

    @Test
    void blockingAndUnblocking() throws Exception {
        assertThat(event(Updates.membership(5, "member", "kicked"))).isEqualTo(new Event.Reachability(false));
        assertThat(event(Updates.membership(5, "kicked", "member"))).isEqualTo(new Event.Reachability(true));
    }

    @Test
    void unknownShapesAreSkipped() throws Exception {
        ObjectNode pollAnswer = new ObjectMapper().createObjectNode();
        pollAnswer
                .putObject("poll_answer")
                .put("poll_id", "p")
                .putArray("option_ids")
                .add(0);
        assertThat(translate(pollAnswer)).isEmpty();
    }
}
