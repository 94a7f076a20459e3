-- Executors as records: the services that fix what citizens report. Today's executor names (of
-- categories and of appeals filed under them) become records; categories, issue types, appeals
-- and executor tokens refer to them by id. The name columns stay: appeals keep the name they were
-- filed under, and statistics that group by name go on working.
CREATE TABLE executor (
    id           ${identity},
    name         VARCHAR(200)  NOT NULL UNIQUE,
    contacts     VARCHAR(1000),
    staff_chat   VARCHAR(64),
    show_citizen BOOLEAN DEFAULT FALSE NOT NULL,
    active       BOOLEAN DEFAULT TRUE NOT NULL,
    created_at   BIGINT        NOT NULL
);

-- The Telegram users of an executor's field staff: only they may press its staff chat's buttons.
CREATE TABLE executor_staff (
    executor_id      BIGINT       NOT NULL REFERENCES executor (id),
    telegram_user_id VARCHAR(32)  NOT NULL,
    name             VARCHAR(100) NOT NULL,
    PRIMARY KEY (executor_id, telegram_user_id)
);

INSERT INTO executor (name, created_at)
SELECT name, 0 FROM (SELECT executor AS name FROM category UNION SELECT executor AS name FROM appeal) names
WHERE name <> '';

ALTER TABLE category ADD COLUMN executor_id BIGINT;
ALTER TABLE issue_type ADD COLUMN executor_id BIGINT;
ALTER TABLE appeal ADD COLUMN executor_id BIGINT;
ALTER TABLE api_token ADD COLUMN executor_id BIGINT;

UPDATE category SET executor_id = (SELECT e.id FROM executor e WHERE e.name = category.executor);
UPDATE appeal SET executor_id = (SELECT e.id FROM executor e WHERE e.name = appeal.executor);

CREATE INDEX appeal_by_executor ON appeal (executor_id, created_at);
