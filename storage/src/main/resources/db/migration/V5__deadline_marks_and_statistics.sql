-- Deadline control: when the scheduler reminded operators of an appeal's coming deadline, and
-- when it marked the appeal overdue (operational deadline passed while open) or past its legal
-- deadline. The marks stay after the appeal is closed: they are its history.
ALTER TABLE appeal ADD COLUMN reminded_at BIGINT;
ALTER TABLE appeal ADD COLUMN overdue_at BIGINT;
ALTER TABLE appeal ADD COLUMN legal_overdue_at BIGINT;

-- Statistics read a range of filing times and group it by channel, category, executor and
-- status; this index holds every column they read, so that a year of a large city (1,000,000
-- appeals) is read from the index alone, without touching the wide appeal rows.
CREATE INDEX appeal_stats ON appeal (created_at, channel, category_id, executor, status, deadline_at, closed_at, legal_deadline_at);

-- The deadline scheduler and the overdue list look for open appeals (by status) not yet marked,
-- by deadline: a handful of rows among a year's closed ones.
CREATE INDEX appeal_watch ON appeal (status, overdue_at, deadline_at);
CREATE INDEX appeal_legal_watch ON appeal (status, legal_overdue_at, legal_deadline_at);
