package ua.zvernennia.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import ua.zvernennia.telegram.FakeBotApi;
import ua.zvernennia.telegram.Updates;
import ua.zvernennia.viber.FakeViberApi;
import ua.zvernennia.viber.ViberRig;

/** Citizens on Telegram and Viber who open the category menu through the fake servers. */
final class MenuChats {
    /** A button as the citizen sees it: its label and what pressing it sends. */
    record Shown(String label, String id) {}

    /** A menu message: its text, the messenger's id of it (Telegram) and its buttons. */
    record Menu(String text, int messageId, List<Shown> buttons) {
        List<String> categories() {
            return buttons.stream()
                    .filter(b -> b.id().startsWith("cat:"))
                    .map(Shown::label)
                    .toList();
        }

        /** A category menu: it offers categories. */
        boolean offersCategories() {
            return buttons.stream().anyMatch(b -> b.id().startsWith("cat:"));
        }

        boolean has(String id) {
            return buttons.stream().anyMatch(b -> b.id().equals(id));
        }
    }

    private MenuChats() {}

    static final class TelegramCitizen {
        private final FakeBotApi api;
        private final long chatId;

        TelegramCitizen(FakeBotApi api, long chatId) {
            this.api = api;
            this.chatId = chatId;
        }

        /** Consents, and waits for the main menu. */
        TelegramCitizen start() throws InterruptedException {
            Menu consent =
                    after(0, m -> m.has("consent_yes"), () -> api.enqueue(List.of(Updates.text(chatId, "/start"))));
            press(consent, "consent_yes", m -> m.has("new"));
            return this;
        }

        /** From wherever the chat is, the main menu and then «📝 Нове звернення»: the category menu as shown. */
        Menu openMenu() throws InterruptedException {
            Menu main = send("/start", m -> m.has("new"));
            return press(main, "new", Menu::offersCategories);
        }

        Menu send(String text, Predicate<Menu> expected) throws InterruptedException {
            return after(api.shown(chatId).size(), expected, () -> api.enqueue(List.of(Updates.text(chatId, text))));
        }

        Menu press(Menu on, String id, Predicate<Menu> expected) throws InterruptedException {
            return after(
                    api.shown(chatId).size(),
                    expected,
                    () -> api.enqueue(List.of(Updates.press(chatId, on.messageId(), id))));
        }

        /** Every message shown since {@code from}, as menus. */
        List<Menu> since(int from) {
            var all = api.shown(chatId);
            return all.subList(Math.min(from, all.size()), all.size()).stream()
                    .map(TelegramCitizen::menu)
                    .toList();
        }

        private Menu after(int from, Predicate<Menu> expected, Runnable action) throws InterruptedException {
            action.run();
            ChannelsTest.awaitUntil(() -> since(from).stream().anyMatch(expected));
            return since(from).stream().filter(expected).reduce((a, b) -> b).orElseThrow();
        }

        private static Menu menu(FakeBotApi.Shown s) {
            var buttons = new ArrayList<Shown>();
            if (s.markup() != null) {
                for (JsonNode row : s.markup().path("inline_keyboard")) {
                    for (JsonNode b : row) {
                        buttons.add(new Shown(
                                b.path("text").asText(), b.path("callback_data").asText()));
                    }
                }
            }
            return new Menu(s.text(), s.messageId(), buttons);
        }
    }

    static final class ViberCitizen {
        private final FakeViberApi api;
        private final int port;
        private final String userId;
        private final HttpClient http = HttpClient.newHttpClient();

        ViberCitizen(FakeViberApi api, int port, String userId) {
            this.api = api;
            this.port = port;
            this.userId = userId;
        }

        ViberCitizen start() throws Exception {
            send("/start", m -> m.has("consent_yes"));
            send("btn:consent_yes", m -> m.has("new"));
            return this;
        }

        Menu openMenu() throws Exception {
            send("/start", m -> m.has("new"));
            return send("btn:new", Menu::offersCategories);
        }

        /** Posts a signed text message (a button press is its ActionBody) and waits for a matching reply. */
        Menu send(String text, Predicate<Menu> expected) throws Exception {
            int from = sent().size();
            byte[] bytes = IsolationTest.viberText(userId, text);
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/viber/webhook"))
                            .header("X-Viber-Content-Signature", ViberRig.sign(bytes))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            ChannelsTest.awaitUntil(() -> since(from).stream().anyMatch(expected));
            return since(from).stream().filter(expected).reduce((a, b) -> b).orElseThrow();
        }

        List<Menu> since(int from) {
            var all = sent();
            return all.subList(Math.min(from, all.size()), all.size()).stream()
                    .map(ViberCitizen::menu)
                    .toList();
        }

        private List<FakeViberApi.Request> sent() {
            return api.sent().stream()
                    .filter(r -> userId.equals(r.body().path("receiver").asText()))
                    .toList();
        }

        private static Menu menu(FakeViberApi.Request r) {
            var buttons = new ArrayList<Shown>();
            for (JsonNode b : r.body().path("keyboard").path("Buttons")) {
                String body = b.path("ActionBody").asText();
                buttons.add(new Shown(b.path("Text").asText(), body.startsWith("btn:") ? body.substring(4) : body));
            }
            return new Menu(r.text(), 0, buttons);
        }
    }
}
