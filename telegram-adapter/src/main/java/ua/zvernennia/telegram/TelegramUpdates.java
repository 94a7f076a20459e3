package ua.zvernennia.telegram;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import ua.zvernennia.core.chat.Inbound;
import ua.zvernennia.core.engine.Bot;
import ua.zvernennia.core.engine.Handled;

/**
 * Hands one raw update to the bot, whichever way it arrived (polling or webhook): parses it on
 * its own so that a malformed update is skipped alone, answers a callback query so that the
 * citizen's button stops spinning, translates and submits it. Thread-safe.
 */
final class TelegramUpdates {
    private static final Logger log = LoggerFactory.getLogger(TelegramUpdates.class);

    private final Bot bot;
    private final UpdateTranslator translator;
    private final TelegramClient client;
    private final ObjectMapper json;

    TelegramUpdates(Bot bot, UpdateTranslator translator, TelegramClient client, ObjectMapper json) {
        this.bot = bot;
        this.translator = translator;
        this.client = client;
        this.json = json;
    }

    /** The update's update_id, or -1 when it has none that can be read. */
    static long updateId(JsonNode update) {
        JsonNode id = update == null ? null : update.get("update_id");
        return id != null && id.canConvertToLong() && id.isIntegralNumber() ? id.asLong() : -1;
    }

    /**
     * Completes once the update's effect is committed, at once when it is skipped (malformed or
     * of no concern), exceptionally when the bot could not commit it.
     */
    CompletableFuture<?> accept(JsonNode raw) {
        long id = updateId(raw);
        Update update;
        try {
            update = json.treeToValue(raw, Update.class);
        } catch (JsonMappingException e) {
            // The path names fields only; the message itself may quote what the citizen wrote.
            log.warn("skipping update {}: malformed at {}", id, e.getPathReference());
            return CompletableFuture.completedFuture(null);
        } catch (Exception e) {
            log.warn("skipping update {}: malformed ({})", id, e.getClass().getSimpleName());
            return CompletableFuture.completedFuture(null);
        }
        if (update == null || update.getUpdateId() == null) {
            log.warn("skipping update {}: no update_id", id);
            return CompletableFuture.completedFuture(null);
        }
        // A staff chat's press is answered after its turn, with the refusal if there is one.
        String staffQuery = null;
        if (update.hasCallbackQuery() && update.getCallbackQuery().getId() != null) {
            if (inGroup(update)) {
                staffQuery = update.getCallbackQuery().getId();
            } else {
                answer(update.getCallbackQuery().getId(), id, null);
            }
        }
        Optional<Inbound> inbound;
        try {
            inbound = translator.translate(update);
        } catch (RuntimeException e) {
            log.warn(
                    "skipping update {}: unexpected shape ({})",
                    id,
                    e.getClass().getSimpleName());
            return CompletableFuture.completedFuture(null);
        }
        if (inbound.isEmpty()) {
            if (staffQuery != null) {
                answer(staffQuery, id, null);
            }
            return CompletableFuture.completedFuture(null);
        }
        try {
            CompletableFuture<Handled> handled = bot.accept(inbound.get());
            if (staffQuery != null) {
                String query = staffQuery;
                handled.whenComplete((h, error) -> answer(query, id, h == null ? null : h.alert()));
            }
            return handled;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static boolean inGroup(Update update) {
        var m = update.getCallbackQuery().getMessage();
        return m != null && m.getChat() != null && !"private".equals(m.getChat().getType());
    }

    private void answer(String callbackQueryId, long updateId, String alert) {
        try {
            var answer = AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId);
            if (alert != null) {
                answer.text(alert.length() > 200 ? alert.substring(0, 200) : alert)
                        .showAlert(true);
            }
            client.executeAsync(answer.build()).whenComplete((ok, error) -> {
                if (error != null) {
                    // Expected for a re-delivered update: the query is too old by then.
                    log.debug(
                            "could not answer the callback query of update {}: {}",
                            updateId,
                            error.getClass().getSimpleName());
                }
            });
        } catch (Exception e) {
            log.debug(
                    "could not answer the callback query of update {}: {}",
                    updateId,
                    e.getClass().getSimpleName());
        }
    }
}
