-- What a staff member of an executor's Telegram chat was asked for and has not sent yet: after
-- «Виконано», the photo and comment that resolve the appeal. One per chat and user.
CREATE TABLE staff_pending (
    chat_id          VARCHAR(64)  NOT NULL,
    telegram_user_id VARCHAR(32)  NOT NULL,
    appeal_num       VARCHAR(32)  NOT NULL,
    since            BIGINT       NOT NULL,
    PRIMARY KEY (chat_id, telegram_user_id)
);
