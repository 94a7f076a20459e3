-- API keys of the partner apps that file appeals through Open311 GeoReport v2 (the city's website,
-- its mobile app, third parties). Only a SHA-256 hash of each key is kept.
CREATE TABLE open311_key (
    id           ${identity},
    name         VARCHAR(100) NOT NULL,
    source       VARCHAR(40)  NOT NULL,
    key_hash     VARCHAR(64)  NOT NULL UNIQUE,
    per_minute   INT          NOT NULL,
    created_at   BIGINT       NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    revoked_at   BIGINT
);
-- Where an appeal of the WEB channel came from: the partner's configured name, or the public web form.
ALTER TABLE appeal ADD COLUMN source VARCHAR(40);
