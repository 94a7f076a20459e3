-- Only "everything still pending for this chat" looks rows up by chat, and the pending rows of a
-- chat are few. With the status in the key every reply marked sent also moved its entry in this
-- index; without it only outbox_due changes.
DROP INDEX outbox_by_chat;
CREATE INDEX outbox_by_chat ON outbox (channel, chat_id);
