-- Every change of the category menu: who made it, when, and the entries before and after, as JSON
-- (a whole menu for an import). Kept for good: the menu's history is part of the city's record.
CREATE TABLE category_change (
    id            ${identity},
    changed_at    BIGINT          NOT NULL,
    actor         VARCHAR(100)    NOT NULL,
    action        VARCHAR(32)     NOT NULL,
    category_id   VARCHAR(32),
    issue_type_id VARCHAR(32),
    before_json   VARCHAR(1000000),
    after_json    VARCHAR(1000000)
);
CREATE INDEX category_change_by_time ON category_change (changed_at);
