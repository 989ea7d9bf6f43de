-- A source's interchange format: a Meeting Guide feed (JSON or CSV, the default) or a BMLT root
-- server read through its semantic interface. `services`: the BMLT service body ids to read
-- (comma-separated, with their children), NULL for all.

ALTER TABLE sources ADD COLUMN format TEXT NOT NULL DEFAULT 'meeting-guide' CHECK (format IN ('meeting-guide', 'bmlt'));
ALTER TABLE sources ADD COLUMN services TEXT;
