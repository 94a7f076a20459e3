-- Inbounds received while their chat was still busy with earlier ones: recorded here (and the
-- update acknowledged to the messenger) on arrival, taken out in the transaction of their turn.
-- Rows live for seconds; the table is empty whenever no chat has a queue.
CREATE TABLE inbox (
    id          ${identity},
    channel     VARCHAR(16)    NOT NULL,
    chat_id     VARCHAR(64)    NOT NULL,
    source_id   VARCHAR(128),
    menu_ref    VARCHAR(64),
    event       VARCHAR(40000) NOT NULL,
    received_at BIGINT         NOT NULL
);
CREATE INDEX inbox_by_chat ON inbox (channel, chat_id, id);
