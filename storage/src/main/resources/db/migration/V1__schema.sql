-- Times are epoch milliseconds (UTC) in BIGINT columns: the same on H2, SQLite and PostgreSQL.
-- ${identity} is the dialect's auto-increment primary key (see Database).

CREATE TABLE category (
    id             VARCHAR(32)  NOT NULL PRIMARY KEY,
    name_uk        VARCHAR(40)  NOT NULL,
    name_en        VARCHAR(40)  NOT NULL,
    emoji          VARCHAR(16),
    deadline_class VARCHAR(16)  NOT NULL,
    executor       VARCHAR(200) NOT NULL,
    sort_order     INT          NOT NULL,
    active         BOOLEAN      NOT NULL,
    updated_at     BIGINT       NOT NULL
);

CREATE TABLE issue_type (
    category_id    VARCHAR(32) NOT NULL REFERENCES category (id),
    id             VARCHAR(32) NOT NULL,
    name_uk        VARCHAR(40) NOT NULL,
    name_en        VARCHAR(40) NOT NULL,
    deadline_class VARCHAR(16),
    sort_order     INT         NOT NULL,
    active         BOOLEAN     NOT NULL,
    PRIMARY KEY (category_id, id)
);

CREATE TABLE citizen (
    channel            VARCHAR(16)  NOT NULL,
    chat_id            VARCHAR(64)  NOT NULL,
    consent_at         BIGINT       NOT NULL,
    lang               VARCHAR(2)   NOT NULL,
    first_name         VARCHAR(50),
    last_name          VARCHAR(50),
    address            VARCHAR(1200),
    phone              VARCHAR(13),
    reachable          BOOLEAN      NOT NULL,
    unreachable_reason VARCHAR(500),
    updated_at         BIGINT       NOT NULL,
    PRIMARY KEY (channel, chat_id)
);

CREATE TABLE appeal_counter (
    num_year INT    NOT NULL PRIMARY KEY,
    last_seq BIGINT NOT NULL
);

CREATE TABLE appeal (
    num             VARCHAR(16)   NOT NULL PRIMARY KEY,
    num_year        INT           NOT NULL,
    num_seq         BIGINT        NOT NULL,
    channel         VARCHAR(16)   NOT NULL,
    chat_id         VARCHAR(64),
    category_id     VARCHAR(32)   NOT NULL,
    category_name   VARCHAR(40)   NOT NULL,
    issue_type_id   VARCHAR(32),
    issue_type_name VARCHAR(40),
    executor        VARCHAR(200)  NOT NULL,
    deadline_class  VARCHAR(16)   NOT NULL,
    description     VARCHAR(8000) NOT NULL,
    place_lat       DOUBLE PRECISION,
    place_lon       DOUBLE PRECISION,
    place_address   VARCHAR(1200),
    first_name      VARCHAR(50)   NOT NULL,
    last_name       VARCHAR(50)   NOT NULL,
    address         VARCHAR(1200) NOT NULL,
    phone           VARCHAR(13)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    created_at      BIGINT        NOT NULL,
    deadline_at     BIGINT        NOT NULL,
    legal_deadline_at BIGINT      NOT NULL,
    closed_at       BIGINT,
    UNIQUE (num_year, num_seq)
);
CREATE INDEX appeal_by_chat ON appeal (channel, chat_id, created_at);
CREATE INDEX appeal_by_created ON appeal (created_at);
CREATE INDEX appeal_by_status ON appeal (status, deadline_at);

CREATE TABLE appeal_photo (
    appeal_num     VARCHAR(16)  NOT NULL REFERENCES appeal (num),
    idx            INT          NOT NULL,
    file_id        VARCHAR(512) NOT NULL,
    file_unique_id VARCHAR(128) NOT NULL,
    PRIMARY KEY (appeal_num, idx)
);

-- The history of an appeal: registration, status changes, comments, the citizen's answers.
CREATE TABLE appeal_event (
    id          ${identity},
    appeal_num  VARCHAR(16)   NOT NULL REFERENCES appeal (num),
    happened_at BIGINT        NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    status_from VARCHAR(16),
    status_to   VARCHAR(16),
    actor       VARCHAR(100)  NOT NULL,
    note        VARCHAR(8000)
);
CREATE INDEX appeal_event_by_appeal ON appeal_event (appeal_num, id);

CREATE TABLE conversation (
    channel    VARCHAR(16)    NOT NULL,
    chat_id    VARCHAR(64)    NOT NULL,
    step       VARCHAR(32)    NOT NULL,
    lang       VARCHAR(2)     NOT NULL,
    page       INT            NOT NULL,
    draft      VARCHAR(40000) NOT NULL,
    version    BIGINT         NOT NULL,
    updated_at BIGINT         NOT NULL,
    PRIMARY KEY (channel, chat_id)
);

CREATE TABLE processed_update (
    channel      VARCHAR(16)  NOT NULL,
    source_id    VARCHAR(128) NOT NULL,
    processed_at BIGINT       NOT NULL,
    PRIMARY KEY (channel, source_id)
);
CREATE INDEX processed_update_by_time ON processed_update (processed_at);

CREATE TABLE outbox (
    id          ${identity},
    channel     VARCHAR(16)    NOT NULL,
    chat_id     VARCHAR(64)    NOT NULL,
    payload     VARCHAR(40000) NOT NULL,
    status      VARCHAR(8)     NOT NULL,
    attempts    INT            NOT NULL,
    not_before  BIGINT         NOT NULL,
    created_at  BIGINT         NOT NULL,
    sent_at     BIGINT,
    message_ref VARCHAR(64),
    last_error  VARCHAR(1000)
);
CREATE INDEX outbox_due ON outbox (status, not_before);
CREATE INDEX outbox_by_chat ON outbox (channel, chat_id, status);
