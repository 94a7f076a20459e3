-- Several instances of the app on one PostgreSQL (README: "Several instances"). On SQLite and H2
-- one process has the database to itself, and these stay empty (the outbox's columns unset).

-- Named leases: each instance's liveness ('instance/<id>'), the Telegram poller, the scheduled
-- jobs. A lease runs out at expires_at (milliseconds, the database's clock) unless its holder
-- renews it first.
CREATE TABLE lease (
    name       VARCHAR(200) NOT NULL PRIMARY KEY,
    holder     VARCHAR(200) NOT NULL,
    expires_at BIGINT       NOT NULL
);

-- Who holds a pending message: the instance that queued it for its own in-line send (in_line),
-- or whose dispatcher claimed it; nobody (NULL) when it waits for whichever dispatcher comes.
-- Others leave it alone until not_before, or until that instance's liveness lease runs out.
ALTER TABLE outbox ADD COLUMN sender VARCHAR(200);
ALTER TABLE outbox ADD COLUMN in_line BOOLEAN DEFAULT FALSE NOT NULL;

-- The web console's signed-in browsers, so that a request may land on any instance. The session
-- id and the API token are kept as SHA-256 hashes: a copy of the table signs nobody in.
CREATE TABLE console_session (
    id_hash    VARCHAR(64)  NOT NULL PRIMARY KEY,
    csrf       VARCHAR(64)  NOT NULL,
    token_hash VARCHAR(64)  NOT NULL,
    created_at BIGINT       NOT NULL,
    last_seen  BIGINT       NOT NULL,
    filter     VARCHAR(4000),
    flash      VARCHAR(4000)
);
CREATE INDEX console_session_by_last_seen ON console_session (last_seen);

-- Failed sign-ins per client address ('*': everyone's together), as the limits count them.
CREATE TABLE sign_in_failure (
    client        VARCHAR(200) NOT NULL PRIMARY KEY,
    failures      INT          NOT NULL,
    last_at       BIGINT       NOT NULL,
    blocked_until BIGINT       NOT NULL
);
