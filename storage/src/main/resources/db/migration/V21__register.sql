-- The register of appeals as the national classifier (постанова КМУ № 858) and a council's report
-- ask: the channel an appeal came by as data, when it was typed in (created_at is when it was
-- received: deadlines, numbering and statistics count from it), its classification, the
-- questions it raises, the categories of its author, the outcome once closed.
ALTER TABLE appeal ADD COLUMN channel_code VARCHAR(32);
UPDATE appeal SET channel_code = channel;
ALTER TABLE appeal ADD COLUMN registered_at BIGINT;
UPDATE appeal SET registered_at = created_at;
ALTER TABLE appeal ADD COLUMN appeal_type VARCHAR(16);
ALTER TABLE appeal ADD COLUMN appeal_form VARCHAR(16);
ALTER TABLE appeal ADD COLUMN signatories INT;
ALTER TABLE appeal ADD COLUMN appeal_sign VARCHAR(16);
ALTER TABLE appeal ADD COLUMN earlier_num VARCHAR(16);
ALTER TABLE appeal ADD COLUMN outcome VARCHAR(32);
CREATE INDEX appeal_register ON appeal (created_at, channel_code);

-- The questions an appeal raises, each a topic code of the classifier; idx 0 is the first.
CREATE TABLE appeal_question (
    appeal_num VARCHAR(16) NOT NULL REFERENCES appeal (num),
    idx        INT         NOT NULL,
    topic_code VARCHAR(16) NOT NULL,
    PRIMARY KEY (appeal_num, idx)
);

CREATE TABLE appeal_citizen_category (
    appeal_num VARCHAR(16) NOT NULL REFERENCES appeal (num),
    code       VARCHAR(16) NOT NULL,
    PRIMARY KEY (appeal_num, code)
);

-- Channels as data: the app's own (built in) and those admins add; report_group sums channels
-- in the council's report. The defaults are written when the storage opens an empty table (a
-- migration writes no rows, so that `copy` finds a new database empty).
CREATE TABLE intake_channel (
    code         VARCHAR(32) NOT NULL PRIMARY KEY,
    name_uk      VARCHAR(80) NOT NULL,
    report_group VARCHAR(80),
    messenger    BOOLEAN     NOT NULL,
    built_in     BOOLEAN     NOT NULL,
    active       BOOLEAN     NOT NULL,
    sort_order   INT         NOT NULL,
    updated_at   BIGINT      NOT NULL
);

-- The topic of each bot direction ('' for the whole category, or an issue type's id).
CREATE TABLE topic_mapping (
    category_id   VARCHAR(32) NOT NULL,
    issue_type_id VARCHAR(32) NOT NULL,
    topic_code    VARCHAR(16) NOT NULL,
    updated_at    BIGINT      NOT NULL,
    PRIMARY KEY (category_id, issue_type_id)
);

-- The narrative part of a council's report for a period (2025-Q1, 2025-H1, 2025), written by admins.
CREATE TABLE report_narrative (
    period     VARCHAR(16)    NOT NULL PRIMARY KEY,
    body       VARCHAR(20000) NOT NULL,
    updated_at BIGINT         NOT NULL,
    updated_by VARCHAR(100)   NOT NULL
);
