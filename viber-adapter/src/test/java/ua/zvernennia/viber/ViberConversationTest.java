package ua.zvernennia.viber;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ua.zvernennia.core.testing.Await;

class ViberConversationTest {
    final ViberRig rig;

    ViberConversationTest() throws Exception {
        rig = new ViberRig();
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void conversationStartedAnswersTheWelcomeInTheResponseBody() throws Exception {
        ViberResponse response = rig.accepted(rig.conversationStarted());

        assertThat(response.hasBody()).isTrue();
        JsonNode welcome = rig.json.readTree(response.body());
        assertThat(welcome.path("receiver").isMissingNode())
                .as("the answer goes to the user who opened the chat")
                .isTrue();
        assertThat(welcome.path("type").asText()).isEqualTo("text");
        assertThat(welcome.path("sender").path("name").asText()).isEqualTo(ViberSettings.DEFAULT_SENDER_NAME);
        assertThat(welcome.path("text").asText()).contains("Вітаю");
        assertThat(welcome.path("keyboard").path("Type").asText()).isEqualTo("keyboard");
        assertThat(welcome.path("keyboard").path("Buttons").findValuesAsText("Text"))
                .contains("✅ Погоджуюсь", "❌ Ні");
        assertThat(welcome.path("keyboard").path("Buttons").findValuesAsText("ActionBody"))
                .contains("btn:consent_yes", "btn:consent_no");

        // Recorded as sent: pressing a button next sends only the answer to the press.
        rig.accepted(rig.text(actionBody(welcome, "✅ Погоджуюсь")));
        List<FakeViberApi.Request> sent = rig.viber.awaitText("Чим можу допомогти?");
        assertThat(sent).noneMatch(r -> r.text().contains("Вітаю"));
    }

    @Test
    void aCitizenFilesAnAppealFromStartToItsNumber() throws Exception {
        JsonNode welcome =
                rig.json.readTree(rig.accepted(rig.conversationStarted()).body());
        rig.accepted(rig.text(actionBody(welcome, "✅ Погоджуюсь")));
        rig.viber.awaitText("Чим можу допомогти?");
        rig.press("📝 Нове звернення");
        rig.viber.awaitText("Оберіть напрямок");
        rig.press("🛗 Ліфти");
        rig.viber.awaitText("Опишіть проблему");
        rig.accepted(rig.text("Не працює ліфт у першому підʼїзді третій день"));
        rig.viber.awaitText("Додайте фото");

        rig.accepted(
                rig.picture("https://dl-media.viber.com/1/share/2/long/bots/generic-message/photo/lift.jpg", "ліфт"));
        rig.viber.awaitText("Додано фото: 1");
        rig.press("✅ Готово");

        FakeViberApi.Request place = last(rig.viber.awaitText("Де проблема?"), "Де проблема?");
        assertThat(place.body().path("min_api_version").asInt()).isEqualTo(3);
        JsonNode picker = button(place, "location-picker");
        assertThat(picker.path("Text").asText()).isEqualTo("📍 Надіслати геолокацію");
        assertThat(place.body().path("keyboard").path("Buttons").findValuesAsText("Text"))
                .contains("🏠 Та сама, що моя адреса");

        rig.accepted(rig.location(48.4647, 35.0462));
        rig.viber.awaitText("імʼя та прізвище");
        rig.accepted(rig.text("Олена Коваленко"));
        rig.viber.awaitText("Ваша адреса");
        rig.accepted(rig.text("вул. Шевченка, 5, кв. 12"));

        FakeViberApi.Request phone = last(rig.viber.awaitText("номер телефону"), "номер телефону");
        assertThat(phone.body().path("min_api_version").asInt()).isEqualTo(3);
        assertThat(button(phone, "share-phone").path("Text").asText()).isEqualTo("📱 Поділитися номером");

        rig.accepted(rig.contact("380501234567"));
        rig.viber.awaitText("Перевірте");
        rig.press("✅ Підтвердити");
        List<FakeViberApi.Request> sent = rig.viber.awaitText("№ 2026-000001");

        assertThat(sent).allSatisfy(r -> {
            assertThat(r.authToken()).isEqualTo(ViberRig.TOKEN);
            assertThat(r.path()).isEqualTo("/pa/send_message");
            assertThat(r.body().path("receiver").asText()).isEqualTo(ViberRig.USER);
            assertThat(r.body().path("text").asText().length()).isLessThanOrEqualTo(7000);
        });
        assertThat(rig.stores.appeals()).singleElement().satisfies(a -> {
            assertThat(a.categoryId()).isEqualTo("lifts");
            assertThat(a.photos())
                    .singleElement()
                    .satisfies(p -> assertThat(p.fileId())
                            .isEqualTo(
                                    "https://dl-media.viber.com/1/share/2/long/bots/generic-message/photo/lift.jpg"));
            assertThat(a.point().latitude()).isEqualTo(48.4647);
            assertThat(a.point().longitude()).isEqualTo(35.0462);
            assertThat(a.phone().e164()).isEqualTo("+380501234567");
            assertThat(a.name().lastName()).isEqualTo("Коваленко");
            assertThat(a.chat()).isEqualTo(rig.chat());
        });
    }

    @Test
    void aForgedSignatureIsRefusedAndNothingIsProcessed() {
        ObjectNode callback = rig.conversationStarted();
        byte[] body = rig.bytes(callback);
        byte[] other = rig.bytes(rig.text("/start"));

        assertThat(rig.callbacks.handle(body, ViberRig.sign(other)).status()).isEqualTo(403);
        assertThat(rig.callbacks.handle(body, null).status()).isEqualTo(403);
        assertThat(rig.callbacks.handle(body, "").status()).isEqualTo(403);
        String forged = ViberRig.sign(body);
        forged = forged.substring(0, forged.length() - 1) + (forged.endsWith("0") ? "1" : "0");
        assertThat(rig.callbacks.handle(body, forged).status()).isEqualTo(403);

        assertThat(rig.stores.outboxRows()).isEmpty();
        assertThat(rig.stores.citizen(rig.chat())).isEmpty();
        // The same callback, signed, is still new to the bot: the forgeries recorded nothing.
        ViberResponse genuine = rig.callbacks.handle(body, ViberRig.sign(body).toUpperCase(java.util.Locale.ROOT));
        assertThat(genuine.status()).isEqualTo(200);
        assertThat(genuine.body()).contains("Вітаю");
    }

    @Test
    void aRepeatedCallbackIsProcessedOnce() throws Exception {
        JsonNode welcome =
                rig.json.readTree(rig.accepted(rig.conversationStarted()).body());
        ObjectNode consent = rig.text(actionBody(welcome, "✅ Погоджуюсь"));
        rig.accepted(consent);
        rig.viber.awaitText("Чим можу допомогти?");
        ObjectNode help = rig.text(rig.actionBody("❓ Допомога"));
        rig.accepted(help);
        rig.viber.awaitText("Я приймаю звернення");
        int sentBefore = rig.viber.sent().size();

        rig.accepted(help);
        rig.accepted(consent);
        // The chat's events are handled in order, so once this one is answered the repeats were too.
        rig.accepted(rig.text("/start"));
        List<FakeViberApi.Request> sent = rig.viber.awaitText("З поверненням");

        assertThat(sent.subList(sentBefore, sent.size()))
                .extracting(FakeViberApi.Request::text)
                .noneMatch(t -> t.contains("Я приймаю звернення") || t.contains("Дякуємо"));
        assertThat(sent)
                .filteredOn(r -> r.text().contains("Я приймаю звернення"))
                .hasSize(1);
    }

    @Test
    void unknownEventsAndMessageTypesDoNotBreakParsing() throws Exception {
        ObjectNode unknown = rig.callback("client_status");
        unknown.putObject("whatever").put("nested", true);
        assertThat(rig.post(unknown).status()).isEqualTo(200);
        assertThat(rig.post(rig.json.createObjectNode().put("no_event", 1)).status())
                .isEqualTo(200);
        ObjectNode receipt = rig.callback("delivered");
        receipt.put("user_id", ViberRig.USER);
        assertThat(rig.post(receipt).status()).isEqualTo(200);
        assertThat(rig.post(rig.json.createObjectNode().put("event", "message")).status())
                .as("a message without sender or body")
                .isEqualTo(200);
        assertThat(rig.stores.outboxRows()).isEmpty();

        JsonNode welcome =
                rig.json.readTree(rig.accepted(rig.conversationStarted()).body());
        rig.accepted(rig.text(actionBody(welcome, "✅ Погоджуюсь")));
        rig.viber.awaitText("Чим можу допомогти?");
        rig.press("📝 Нове звернення");
        rig.viber.awaitText("Оберіть напрямок");
        ObjectNode sticker = rig.json.createObjectNode().put("type", "sticker").put("sticker_id", 46105);
        rig.accepted(rig.message(sticker));
        rig.viber.awaitText("стікер");
        ObjectNode future = rig.json.createObjectNode().put("type", "hologram");
        future.putObject("hologram").put("depth", 3);
        rig.accepted(rig.message(future));
        rig.viber.awaitText("Такий тип повідомлення я не розумію");
    }

    @Test
    void aSignedBodyThatIsNotJsonIsABadRequest() {
        byte[] body = "not json".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(rig.callbacks.handle(body, ViberRig.sign(body)).status()).isEqualTo(400);
    }

    @Test
    void theWebhookCheckIsAnswered() {
        assertThat(rig.post(rig.callback("webhook")).status()).isEqualTo(200);
    }

    @Test
    void notSubscribedMarksTheCitizenUnreachable() throws Exception {
        JsonNode welcome =
                rig.json.readTree(rig.accepted(rig.conversationStarted()).body());
        rig.accepted(rig.text(actionBody(welcome, "✅ Погоджуюсь")));
        rig.viber.awaitText("Чим можу допомогти?");
        assertThat(rig.stores.citizen(rig.chat()))
                .hasValueSatisfying(c -> assertThat(c.reachable()).isTrue());

        rig.viber.thenAnswer(FakeViberApi.Answer.status(6, "notSubscribed"));
        rig.press("❓ Допомога");

        await(() -> rig.stores.citizen(rig.chat()).map(c -> !c.reachable()).orElse(false));
        assertThat(rig.stores.outboxRows())
                .filteredOn(r -> r.status().equals("PENDING"))
                .isEmpty();
    }

    @Test
    void subscribedAndUnsubscribedSetReachability() throws Exception {
        JsonNode welcome =
                rig.json.readTree(rig.accepted(rig.conversationStarted()).body());
        rig.accepted(rig.text(actionBody(welcome, "✅ Погоджуюсь")));
        rig.viber.awaitText("Чим можу допомогти?");

        ObjectNode unsubscribed = rig.callback("unsubscribed");
        unsubscribed.put("user_id", ViberRig.USER);
        rig.accepted(unsubscribed);
        assertThat(rig.stores.citizen(rig.chat()))
                .hasValueSatisfying(c -> assertThat(c.reachable()).isFalse());

        ObjectNode subscribed = rig.callback("subscribed");
        subscribed.putObject("user").put("id", ViberRig.USER).put("api_version", 10);
        rig.accepted(subscribed);
        assertThat(rig.stores.citizen(rig.chat()))
                .hasValueSatisfying(c -> assertThat(c.reachable()).isTrue());
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static String actionBody(JsonNode message, String label) {
        for (JsonNode b : message.path("keyboard").path("Buttons")) {
            if (b.path("Text").asText().equals(label)) {
                return b.path("ActionBody").asText();
            }
        }
        throw new AssertionError("no button «" + label + "» in " + message);
    }

    private static FakeViberApi.Request last(List<FakeViberApi.Request> sent, String fragment) {
        return sent.stream()
                .filter(r -> r.text().contains(fragment))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    private static JsonNode button(FakeViberApi.Request request, String actionType) {
        for (JsonNode b : request.body().path("keyboard").path("Buttons")) {
            if (b.path("ActionType").asText().equals(actionType)) {
                return b;
            }
        }
        throw new AssertionError("no " + actionType + " button in " + request.body());
    }

    private static void await(BooleanSupplier condition) {
        Await.until("the Viber conversation", condition);
    }
}
