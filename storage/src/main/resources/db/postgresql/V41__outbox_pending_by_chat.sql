-- PostgreSQL only (several instances share the outbox there): a chat's pending messages in
-- order, for "is an earlier message of this chat still held by someone else?", asked by every
-- turn and for every message a dispatcher claims. Only pending rows: a chat's sent history may be
-- long. (SQLite and H2 keep each chat's order in their one process and never ask.)
CREATE INDEX outbox_pending_by_chat ON outbox (channel, chat_id, id) WHERE status = 'PENDING';
