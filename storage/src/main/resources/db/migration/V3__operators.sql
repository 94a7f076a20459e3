-- Operators' work on appeals.
-- The push that told the citizen about a history entry (its delivery is the outbox row's status).
ALTER TABLE appeal_event ADD COLUMN outbox_id BIGINT;
-- The citizen's rating (1..5) of how the appeal was handled.
ALTER TABLE appeal ADD COLUMN rating INT;
-- Lower-case text the operators' search looks in (SQLite's LOWER() knows only ASCII letters).
ALTER TABLE appeal ADD COLUMN search_text VARCHAR(12000);
-- The appeal the conversation's current step is about (an operator's question, feedback, withdrawal).
ALTER TABLE conversation ADD COLUMN subject VARCHAR(16);
CREATE INDEX appeal_by_category ON appeal (category_id, created_at);
