-- Every time staff read a citizen's personal data: an appeal's details, a list searched by text,
-- a photo; and every erasure. Who, when, through what, and which appeal. Admins read it; entries
-- older than AUDIT_RETENTION_DAYS are deleted.
CREATE TABLE access_log (
    id         ${identity},
    at         BIGINT       NOT NULL,
    actor      VARCHAR(100) NOT NULL,
    via        VARCHAR(8)   NOT NULL,
    action     VARCHAR(16)  NOT NULL,
    appeal_num VARCHAR(16)
);
CREATE INDEX access_log_by_time ON access_log (at);
CREATE INDEX access_log_by_appeal ON access_log (appeal_num, at);
