-- Only "give up everything still pending for this chat" (the citizen became unreachable, a rare
-- event) looks rows up by chat; it now filters the chat's rows by status. With the status in the
-- key every reply marked sent also moved its entry in this index; without it only outbox_due does.
DROP INDEX outbox_by_chat;
CREATE INDEX outbox_by_chat ON outbox (channel, chat_id);
