-- Photos of the work done sent with the resolution of an appeal through the API
-- (POST /api/appeals/{number}/resolution), kept with the appeal; idx orders them, several
-- resolutions' (an appeal reopened and resolved again) one after another. The bytes are here, or
-- in a file under MEDIA_DIR named in stored_path; shared (or shared_path) is a JPEG copy small
-- enough for Viber, which fetches a picture by its public address: that address names the row
-- only by token, random and unguessable. Citizens' own photos are never here (see media).
-- ${binary} is the dialect's byte array type (see Dialect).
CREATE TABLE resolution_photo (
    id           ${identity},
    appeal_num   VARCHAR(16)  NOT NULL REFERENCES appeal (num),
    idx          INT          NOT NULL,
    token        VARCHAR(64)  NOT NULL UNIQUE,
    content_type VARCHAR(32)  NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    bytes        ${binary},
    stored_path  VARCHAR(200),
    thumbnail    ${binary},
    shared       ${binary},
    shared_path  VARCHAR(200),
    created_at   BIGINT       NOT NULL
);
CREATE INDEX resolution_photo_by_appeal ON resolution_photo (appeal_num, idx);
