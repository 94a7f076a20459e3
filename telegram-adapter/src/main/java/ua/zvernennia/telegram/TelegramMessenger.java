package ua.zvernennia.telegram;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import ua.zvernennia.core.chat.Channel;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Delivery;
import ua.zvernennia.core.chat.Keyboard;
import ua.zvernennia.core.chat.Messenger;
import ua.zvernennia.core.chat.Reply;
import ua.zvernennia.core.chat.ReplyPhotos;
import ua.zvernennia.core.chat.TextSplitter;

/**
 * Sends the core's replies as Telegram messages through the telegrambots client: menus as
 * inline keyboards (a new page of a menu edits the old message), contact and location requests
 * as reply keyboards, long texts in parts. Keeps Telegram's send limits, sits out short 429
 * waits itself and turns every failure into a {@link Delivery}. Thread-safe.
 */
public final class TelegramMessenger implements Messenger {
    private static final Logger log = LoggerFactory.getLogger(TelegramMessenger.class);
    /** For network errors and 5xx; the core's outbox backs off further on repeats. */
    private static final Duration PASSING_FAILURE_RETRY = Duration.ofSeconds(2);
    /** A rejected token is for the operators to fix; the messages wait for them. */
    private static final Duration BAD_TOKEN_RETRY = Duration.ofMinutes(1);

    private static final long CALL_TIMEOUT_SECONDS = 60;
    /** 429s sat out in one send before the outbox takes over. */
    private static final int MAX_INLINE_RETRIES = 3;

    /** Sleeps; a seam so that tests of the waiting need not wait. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    /** A call's result or why it did not work. */
    private record Attempt<T>(T result, Delivery failure, boolean badRequest) {}

    /** Telegram's longest photo caption. */
    private static final int CAPTION = 1024;

    private final TelegramClient client;
    private final SendRateLimiter limiter;
    private final long maxInlineWaitNanos;
    private final Sleeper sleeper;
    private final ReplyPhotos photos;

    TelegramMessenger(TelegramClient client, SendRateLimiter limiter, Duration maxInlineWait, Sleeper sleeper) {
        this(client, limiter, maxInlineWait, sleeper, ReplyPhotos.NONE);
    }

    /** @param photos where the photos the app keeps itself are found, to be uploaded */
    TelegramMessenger(
            TelegramClient client,
            SendRateLimiter limiter,
            Duration maxInlineWait,
            Sleeper sleeper,
            ReplyPhotos photos) {
        this.client = client;
        this.limiter = limiter;
        this.maxInlineWaitNanos = maxInlineWait.toNanos();
        this.sleeper = sleeper;
        this.photos = photos;
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public Delivery send(ChatKey chat, Reply reply) {
        if (chat.channel() != Channel.TELEGRAM) {
            return new Delivery.Failed("not a Telegram chat: " + chat.channel());
        }
        try {
            List<String> parts = TextSplitter.split(reply.text(), TextParts.MESSAGE);
            Reply.Photo photo = reply.photo();
            if (photo != null && photo.channel() == Channel.TELEGRAM) {
                return sendPhoto(chat, () -> new InputFile(photo.fileId()), parts, reply.keyboard());
            }
            if (photo != null && photo.kept() != null) {
                Optional<ReplyPhotos.Upload> upload;
                try {
                    upload = photos.upload(photo.kept());
                } catch (UncheckedIOException e) {
                    return Delivery.retry(PASSING_FAILURE_RETRY, "the photo cannot be read now");
                }
                if (upload.isPresent()) {
                    ReplyPhotos.Upload u = upload.get();
                    // A fresh stream for each try: a call sat out after a 429 uploads again.
                    return sendPhoto(
                            chat,
                            () -> new InputFile(new ByteArrayInputStream(u.bytes()), u.fileName()),
                            parts,
                            reply.keyboard());
                }
                // No longer kept: the text still goes.
            }
            if (reply.replaceRef() != null && parts.size() == 1 && reply.keyboard() instanceof Keyboard.Menu menu) {
                Delivery edited = edit(chat, reply.replaceRef(), parts.get(0), Markups.inline(menu));
                if (edited != null) {
                    return edited;
                }
            }
            return sendParts(chat, parts, reply.keyboard());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.retry(PASSING_FAILURE_RETRY, "interrupted");
        }
    }

    /** Edits the menu message in place; null when that did not work and a new message should go. */
    private Delivery edit(ChatKey chat, String messageRef, String text, InlineKeyboardMarkup markup)
            throws InterruptedException {
        int messageId;
        try {
            messageId = Integer.parseInt(messageRef);
        } catch (NumberFormatException e) {
            return null;
        }
        EditMessageText edit = EditMessageText.builder()
                .chatId(chat.id())
                .messageId(messageId)
                .text(text)
                .replyMarkup(markup)
                .build();
        Attempt<Serializable> attempt = call(chat, edit);
        if (attempt.failure() == null) {
            return new Delivery.Sent(messageRef);
        }
        if (attempt.badRequest()) {
            // Too old to edit, deleted, or not modified: a fresh message still shows the menu.
            log.debug("could not edit message {} in {}: {}", messageRef, chat, attempt.failure());
            return null;
        }
        return attempt.failure();
    }

    /**
     * The photo, by its file_id (the bot's own, so Telegram sends it again without an upload) or
     * uploaded, with the text as its caption when it fits one; otherwise the text follows it. A
     * photo Telegram refuses (400) does not take the text with it: that goes alone.
     */
    private Delivery sendPhoto(
            ChatKey chat, java.util.function.Supplier<InputFile> file, List<String> parts, Keyboard keyboard)
            throws InterruptedException {
        boolean captioned = parts.size() == 1 && parts.get(0).length() <= CAPTION;
        Attempt<Message> attempt = call(
                chat,
                "sendPhoto",
                () -> client.executeAsync(SendPhoto.builder()
                        .chatId(chat.id())
                        .photo(file.get())
                        .caption(captioned ? parts.get(0) : null)
                        .replyMarkup(captioned ? Markups.of(keyboard) : null)
                        .build()));
        if (attempt.failure() != null && attempt.badRequest()) {
            log.warn("Telegram refused a photo to {} ({}); its text goes alone", chat, attempt.failure());
            return sendParts(chat, parts, keyboard);
        }
        if (attempt.failure() != null) {
            return attempt.failure();
        }
        if (captioned) {
            return new Delivery.Sent(
                    attempt.result() == null || attempt.result().getMessageId() == null
                            ? null
                            : String.valueOf(attempt.result().getMessageId()));
        }
        return sendParts(chat, parts, keyboard);
    }

    private Delivery sendParts(ChatKey chat, List<String> parts, Keyboard keyboard) throws InterruptedException {
        String lastId = null;
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            SendMessage message = SendMessage.builder()
                    .chatId(chat.id())
                    .text(parts.get(i))
                    .replyMarkup(last ? Markups.of(keyboard) : null)
                    .build();
            Attempt<Message> attempt = call(chat, message);
            if (attempt.failure() != null) {
                return attempt.failure();
            }
            lastId = attempt.result() == null || attempt.result().getMessageId() == null
                    ? null
                    : String.valueOf(attempt.result().getMessageId());
        }
        return new Delivery.Sent(lastId);
    }

    /** One API call within the rate limits, sitting out short 429 waits. */
    private <T extends Serializable> Attempt<T> call(ChatKey chat, BotApiMethod<T> method) throws InterruptedException {
        return call(chat, method.getMethod(), () -> client.executeAsync(method));
    }

    /** A call of the Bot API, as the client starts it. */
    private interface ApiCall<T> {
        java.util.concurrent.CompletableFuture<T> start()
                throws org.telegram.telegrambots.meta.exceptions.TelegramApiException;
    }

    private <T> Attempt<T> call(ChatKey chat, String method, ApiCall<T> start) throws InterruptedException {
        for (int tries = 0; ; tries++) {
            // The chat's own slot first, then the global one: waiting for a slot of this chat
            // must not take a global slot from the chats that could send now.
            long wait = limiter.reserveChat(chat, maxInlineWaitNanos);
            if (wait < 0) {
                return failed(
                        Delivery.retry(Duration.ofNanos(limiter.nextFree(chat)).plusMillis(1), "rate limit"));
            }
            if (wait > 0) {
                sleeper.sleep(wait);
            }
            long globalWait = limiter.reserveGlobal(maxInlineWaitNanos);
            if (globalWait < 0) {
                return failed(
                        Delivery.retry(Duration.ofNanos(limiter.nextFree(chat)).plusMillis(1), "rate limit"));
            }
            if (globalWait > 0) {
                sleeper.sleep(globalWait);
            }
            try {
                return new Attempt<>(start.start().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS), null, false);
            } catch (ExecutionException | CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof TelegramApiRequestException r
                        && r.getErrorCode() != null
                        && r.getErrorCode() == 429) {
                    Duration after = retryAfter(r);
                    if (tries < MAX_INLINE_RETRIES && after.toNanos() <= maxInlineWaitNanos) {
                        log.info("Telegram asks to wait {} before {} to {}", after, method, chat);
                        sleeper.sleep(after.toNanos());
                        continue;
                    }
                    return failed(Delivery.retry(after, "429 Too Many Requests"));
                }
                return outcome(chat, method, cause);
            } catch (TelegramApiValidationException e) {
                return failed(new Delivery.Failed("invalid " + method + ": " + e.getMessage()));
            } catch (org.telegram.telegrambots.meta.exceptions.TelegramApiException e) {
                return failed(Delivery.retry(PASSING_FAILURE_RETRY, e.getClass().getSimpleName()));
            } catch (TimeoutException e) {
                return failed(Delivery.retry(PASSING_FAILURE_RETRY, "no answer from the Bot API"));
            }
        }
    }

    private <T> Attempt<T> outcome(ChatKey chat, String method, Throwable cause) {
        if (cause instanceof TelegramApiRequestException r) {
            Integer code = r.getErrorCode();
            String description = r.getApiResponse() == null ? "no description" : r.getApiResponse();
            if (code == null || code >= 500) {
                return failed(
                        Delivery.retry(PASSING_FAILURE_RETRY, "Bot API " + (code == null ? "answered no JSON" : code)));
            }
            if (code == 403) {
                return failed(new Delivery.Unreachable(description));
            }
            if (code == 401 || code == 404) {
                log.error("the Bot API refused the bot token ({}); check TELEGRAM_BOT_TOKEN", code);
                return failed(Delivery.retry(BAD_TOKEN_RETRY, "bot token refused"));
            }
            // Not logged here: the core logs a refused message, and a refused edit is followed by a send.
            return new Attempt<>(null, new Delivery.Failed(code + " " + description), code == 400);
        }
        if (cause instanceof IOException) {
            // OkHttp's messages show at most scheme, host and port; the class name is enough.
            return failed(Delivery.retry(
                    PASSING_FAILURE_RETRY, "network: " + cause.getClass().getSimpleName()));
        }
        log.warn("unexpected failure of {} to {}", method, chat, cause);
        return failed(Delivery.retry(PASSING_FAILURE_RETRY, cause.getClass().getSimpleName()));
    }

    private static Duration retryAfter(TelegramApiRequestException e) {
        Integer seconds = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
        return Duration.ofSeconds(seconds == null || seconds < 1 ? 1 : seconds);
    }

    private static <T> Attempt<T> failed(Delivery failure) {
        return new Attempt<>(null, failure, false);
    }
}
