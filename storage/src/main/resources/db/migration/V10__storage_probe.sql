-- The readiness check commits a row here to learn whether the database can commit at all
-- (a full disk, a read-only file, a server gone). Holds at most one row; never copied.
CREATE TABLE storage_probe (
    id         INT    NOT NULL PRIMARY KEY,
    checked_at BIGINT NOT NULL
);
