-- Photos citizens sent, kept at receipt: a row is queued (PENDING) in the transaction of the turn
-- that accepted the photo, and the downloader fills in the bytes (KEPT) or gives up (FAILED, with
-- the reason). The bytes are here, or in a file under MEDIA_DIR named in stored_path.
-- ${binary} is the dialect's byte array type (see Dialect).
CREATE TABLE media (
    id           ${identity},
    channel      VARCHAR(16)  NOT NULL,
    chat_id      VARCHAR(64)  NOT NULL,
    file_id      VARCHAR(512) NOT NULL,
    status       VARCHAR(8)   NOT NULL,
    attempts     INT          NOT NULL,
    not_before   BIGINT       NOT NULL,
    created_at   BIGINT       NOT NULL,
    kept_at      BIGINT,
    content_type VARCHAR(32),
    size_bytes   BIGINT,
    bytes        ${binary},
    stored_path  VARCHAR(200),
    thumbnail    ${binary},
    last_error   VARCHAR(500)
);
CREATE INDEX media_by_file ON media (channel, file_id);
CREATE INDEX media_due ON media (status, not_before);
CREATE INDEX media_by_chat ON media (channel, chat_id);

-- Photos of appeals filed before photos were kept are queued too: Telegram still has them;
-- Viber's links may have expired (the downloader then records why it gave up).
INSERT INTO media (channel, chat_id, file_id, status, attempts, not_before, created_at)
SELECT a.channel, COALESCE(a.chat_id, '-'), p.file_id, 'PENDING', 0, 0, a.created_at
FROM appeal_photo p JOIN appeal a ON a.num = p.appeal_num
WHERE a.channel IN ('TELEGRAM', 'VIBER');
