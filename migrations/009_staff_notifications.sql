-- E-mail to staff (`serve --smtp-url`): what each account asked to be told. Off until the person
-- ticks it on their own account page.

ALTER TABLE users ADD COLUMN notify_requests INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN notify_sync_failures INTEGER NOT NULL DEFAULT 0;
