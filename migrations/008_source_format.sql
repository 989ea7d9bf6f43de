-- A source's interchange format: a Meeting Guide feed (JSON or CSV, the default) or a BMLT root
-- server read through its semantic interface. `services`: the BMLT service body ids to read
-- (comma-separated, with their children), NULL for all.

ALTER TABLE sources ADD COLUMN format TEXT NOT NULL DEFAULT 'meeting-guide' CHECK (format IN ('meeting-guide', 'bmlt'));
ALTER TABLE sources ADD COLUMN services TEXT;
-- A BMLT source's change form (`source add --change-form URL`): BMLT names none, so staff give
-- the one the server's people use; it becomes its meetings' `feedback_url`. NULL: none.
ALTER TABLE sources ADD COLUMN change_form TEXT;
