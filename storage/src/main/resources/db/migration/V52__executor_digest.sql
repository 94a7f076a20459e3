-- The executors' morning digest: a row for each executor and local day (an epoch day in the
-- city's zone) whose digest was sent, written in the transaction that queued it, so that a
-- restart neither repeats nor loses the day's.
CREATE TABLE executor_digest (
    executor_id BIGINT NOT NULL REFERENCES executor (id),
    digest_day  INT    NOT NULL,
    sent_at     BIGINT NOT NULL,
    PRIMARY KEY (executor_id, digest_day)
);
