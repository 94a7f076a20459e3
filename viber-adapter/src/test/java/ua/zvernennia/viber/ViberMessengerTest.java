package ua.zvernennia.viber;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.chat.Button;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Delivery;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Reply;

class ViberMessengerTest {
    final FakeViberApi viber;
    final ViberSettings settings;
    final ViberMessenger messenger;
    final ChatKey chat = ChatKey.of(Channel.VIBER, "K917PBuvPZmhKfb8Vw3b2Q==");
    final Keyboard menu = new Keyboard.Menu(
            List.of(Button.of("a", "Перший"), Button.of("b", "Другий")), 2, List.of(Button.of("back", "⬅️ Назад")));

    ViberMessengerTest() throws Exception {
        viber = new FakeViberApi();
        settings = ViberSettings.of("secret-token")
                .withApiUrl(viber.url())
                .withSenderName("Міський контакт-центр міста Дніпра та області");
        messenger = new ViberMessenger(new ViberApi(settings), settings);
    }

    @AfterEach
    void close() {
        viber.close();
    }

    @Test
    void sendsOneMessageWithTheTokenSenderAndKeyboard() {
        Delivery outcome = messenger.send(chat, Reply.of("Оберіть", menu));

        assertThat(outcome).isInstanceOf(Delivery.Sent.class);
        assertThat(((Delivery.Sent) outcome).messageRef()).isNotBlank();
        assertThat(viber.requests()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/pa/send_message");
            assertThat(r.authToken()).isEqualTo("secret-token");
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(r.body().path("receiver").asText()).isEqualTo(chat.id());
            assertThat(r.body().path("type").asText()).isEqualTo("text");
            assertThat(r.body().path("text").asText()).isEqualTo("Оберіть");
            assertThat(r.body().path("min_api_version").asInt()).isEqualTo(1);
            assertThat(r.body().path("sender").path("name").asText())
                    .hasSize(28)
                    .startsWith("Міський контакт-центр");
            assertThat(r.body().has("tracking_data")).isFalse();
            assertThat(ViberKeyboards.actionBodies((com.fasterxml.jackson.databind.node.ObjectNode)
                            r.body().path("keyboard")))
                    .containsExactly("btn:a", "btn:b", "btn:back");
        });
    }

    @Test
    void aLongTextGoesInPartsWithTheKeyboardOnTheLast() {
        String paragraph = "Абзац ".repeat(1000).strip();
        String text = paragraph + "\n\n" + paragraph + "\n\n" + "кінець";
        assertThat(text.length()).isGreaterThan(ViberText.MAX_MESSAGE).isLessThanOrEqualTo(Reply.MAX_TEXT * 2);

        assertThat(messenger.send(chat, Reply.of(text, menu))).isInstanceOf(Delivery.Sent.class);

        List<FakeViberApi.Request> sent = viber.sent();
        assertThat(sent).hasSizeGreaterThan(1);
        assertThat(sent).allSatisfy(r -> assertThat(r.text().length()).isLessThanOrEqualTo(ViberText.MAX_MESSAGE));
        assertThat(sent.subList(0, sent.size() - 1))
                .allSatisfy(r -> assertThat(r.body().has("keyboard")).isFalse());
        assertThat(sent.get(sent.size() - 1).body().has("keyboard")).isTrue();
        assertThat(String.join("", sent.stream().map(FakeViberApi.Request::text).toList())
                        .replaceAll("\\s", ""))
                .isEqualTo(text.replaceAll("\\s", ""));
    }

    @Test
    void aReplyThatKeepsTheKeyboardRepeatsTheLastOneAndRemoveSendsNone() {
        messenger.send(chat, Reply.of("Оберіть", menu));
        messenger.send(chat, Reply.text("Дякуємо"));
        messenger.send(chat, Reply.of("Прийнято", Keyboard.REMOVE));
        messenger.send(chat, Reply.text("Ще щось"));

        List<FakeViberApi.Request> sent = viber.sent();
        assertThat(sent.get(1).body().path("keyboard"))
                .isEqualTo(sent.get(0).body().path("keyboard"));
        assertThat(sent.get(2).body().has("keyboard")).isFalse();
        assertThat(sent.get(3).body().has("keyboard")).isFalse();
    }

    @Test
    void sharingKeyboardsAskForApiLevelThree() {
        messenger.send(
                chat,
                Reply.of(
                        "Телефон?",
                        new Keyboard.RequestContact(
                                "📱 Поділитися номером",
                                List.of(Button.of("back", "⬅️ Назад"), Button.of("cancel", "✖️ Скасувати")))));

        var body = viber.sent().get(0).body();
        assertThat(body.path("min_api_version").asInt()).isEqualTo(3);
        assertThat(body.path("keyboard").path("Buttons").findValuesAsText("ActionType"))
                .containsExactly("share-phone", "reply", "reply");
        assertThat(body.path("keyboard").path("Buttons").get(0).path("Columns").asInt())
                .isEqualTo(6);
        assertThat(body.path("keyboard").path("Buttons").get(1).path("Columns").asInt())
                .isEqualTo(3);
    }

    @Test
    void notRegisteredOrNotSubscribedIsUnreachable() {
        viber.thenAnswer(
                FakeViberApi.Answer.status(5, "receiverNotRegistered"), FakeViberApi.Answer.status(6, "notSubscribed"));
        assertThat(messenger.send(chat, Reply.text("а"))).isInstanceOf(Delivery.Unreachable.class);
        assertThat(messenger.send(chat, Reply.text("б"))).isInstanceOf(Delivery.Unreachable.class);
    }

    @Test
    void tooManyRequestsIsRetriedLater() {
        viber.thenAnswer(FakeViberApi.Answer.status(12, "tooManyRequests"));
        assertThat(messenger.send(chat, Reply.text("а")))
                .isInstanceOfSatisfying(
                        Delivery.RetryLater.class,
                        r -> assertThat(r.after()).isEqualTo(ViberMessenger.RATE_LIMIT_PAUSE));
    }

    @Test
    void serverErrorsAreRetriedLaterAndOtherRefusalsFail() {
        viber.thenAnswer(
                new FakeViberApi.Answer(502, ""),
                new FakeViberApi.Answer(404, ""),
                FakeViberApi.Answer.status(3, "badData"));
        assertThat(messenger.send(chat, Reply.text("а"))).isInstanceOf(Delivery.RetryLater.class);
        assertThat(messenger.send(chat, Reply.text("б"))).isInstanceOf(Delivery.Failed.class);
        assertThat(messenger.send(chat, Reply.text("в")))
                .isInstanceOfSatisfying(
                        Delivery.Failed.class, f -> assertThat(f.reason()).contains("badData"));
    }

    @Test
    void aTwoHundredWithAnUnreadableAnswerCountsAsSent() {
        viber.thenAnswer(new FakeViberApi.Answer(200, "<html>"), new FakeViberApi.Answer(200, "{\"no\":\"status\"}"));
        assertThat(messenger.send(chat, Reply.text("а"))).as("not JSON").isInstanceOf(Delivery.Sent.class);
        assertThat(messenger.send(chat, Reply.text("б"))).as("no status").isInstanceOf(Delivery.Sent.class);
        assertThat(viber.sent()).hasSize(2);
    }

    @Test
    void anUnreachableApiIsRetriedLater() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ViberSettings nowhere = settings.withApiUrl(URI.create("http://127.0.0.1:" + closedPort + "/pa"));
        var offline = new ViberMessenger(new ViberApi(nowhere), nowhere);

        assertThat(offline.send(chat, Reply.text("а"))).isInstanceOf(Delivery.RetryLater.class);
    }
}
