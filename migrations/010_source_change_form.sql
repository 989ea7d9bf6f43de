-- A BMLT source's change form (`source add --change-form URL`): BMLT names none, so staff give
-- the one the server's people use; it becomes its meetings' `feedback_url`. NULL: none.
ALTER TABLE sources ADD COLUMN change_form TEXT;
