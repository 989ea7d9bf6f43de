-- A source added with `source add --follow-redirects` may be redirected to another host; any
-- other source only within its own host and port (and always only to http or https).
ALTER TABLE sources ADD COLUMN follow_redirects INTEGER NOT NULL DEFAULT 0;
