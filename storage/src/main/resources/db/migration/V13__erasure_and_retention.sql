-- Erasure and retention of personal data. An appeal whose personal data was erased (on the
-- citizen's request, or RETENTION_DAYS after it was closed) keeps what statistics count and
-- records when; a message's text is erased once it is sent and OUTBOX_RETENTION_DAYS old.
ALTER TABLE appeal ADD COLUMN anonymised_at BIGINT;
CREATE INDEX appeal_retention ON appeal (anonymised_at, closed_at);
ALTER TABLE outbox ADD COLUMN payload_erased_at BIGINT;
CREATE INDEX outbox_retention ON outbox (payload_erased_at, created_at);
-- Erasure on a written request finds a citizen by phone number.
CREATE INDEX appeal_by_phone ON appeal (phone);
CREATE INDEX citizen_by_phone ON citizen (phone);
