package ua.zvernennia.core.delivery;

import java.time.Instant;
import ua.zvernennia.core.chat.ChatKey;
import ua.zvernennia.core.chat.Reply;

/** A reply waiting in the outbox. */
public record OutboxMessage(long id, ChatKey chat, Reply reply, int attempts, Instant createdAt) {}
