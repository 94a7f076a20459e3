-- Tokens of operators and admins for the /api. Only a SHA-256 hash of each token is kept.
CREATE TABLE api_token (
    id         ${identity},
    name       VARCHAR(100) NOT NULL,
    role       VARCHAR(16)  NOT NULL,
    token_hash VARCHAR(64)  NOT NULL UNIQUE,
    created_at BIGINT       NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    revoked_at BIGINT
);
