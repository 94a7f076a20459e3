package ua.zvernennia.viber;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the callback address with {@code set_webhook} at start. Viber checks the address at
 * once by posting a {@code webhook} callback to it, so the HTTP server must already be serving
 * {@link ViberCallbacks} when {@link #register()} is called. Thread-safe.
 */
public final class ViberWebhook {
    private static final Logger log = LoggerFactory.getLogger(ViberWebhook.class);

    /** The callbacks the conversation needs; {@code message} and {@code webhook} always come. */
    public static final List<String> EVENT_TYPES =
            List.of("delivered", "seen", "failed", "subscribed", "unsubscribed", "conversation_started");

    private final ViberApi api;
    private final ViberSettings settings;

    public ViberWebhook(ViberApi api, ViberSettings settings) {
        this.api = api;
        this.settings = settings;
    }

    /**
     * Calls {@code set_webhook} when a webhook URL is configured and logs the outcome. Returns
     * true when Viber accepted it; false when it refused or no URL is configured.
     */
    public boolean register() {
        if (settings.webhookUrl() == null) {
            log.info("no Viber webhook URL configured; leaving the registered webhook as it is");
            return false;
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("url", settings.webhookUrl().toString());
        ArrayNode types = body.putArray("event_types");
        EVENT_TYPES.forEach(types::add);
        // The conversation asks for what it needs; Viber's copy of names and photos is not wanted.
        body.put("send_name", false);
        body.put("send_photo", false);
        ViberApi.Outcome outcome = api.call("set_webhook", body);
        if (outcome instanceof ViberApi.Outcome.Answered a && a.status() == ViberMessenger.STATUS_OK) {
            log.info("Viber webhook set to {}", settings.webhookUrl());
            return true;
        }
        log.error("Viber did not set the webhook to {}: {}", settings.webhookUrl(), describe(outcome));
        return false;
    }

    private static String describe(ViberApi.Outcome outcome) {
        if (outcome instanceof ViberApi.Outcome.Answered a) {
            return "status " + a.status() + " (" + a.statusMessage() + ")";
        }
        if (outcome instanceof ViberApi.Outcome.HttpError h) {
            return h.reason();
        }
        return ((ViberApi.Outcome.NetworkError) outcome).reason();
    }
}
