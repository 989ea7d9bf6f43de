-- The office from the browser: one-time links to set a password (an admin adds a colleague or
-- resets a password; no mail is sent), "sync now" runs started from /staff with their progress,
-- and uploaded files kept between their preview and "import".

-- Only the link's SHA-256 is kept; a link is used once, and is gone when the account is.
CREATE TABLE password_links (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Unix seconds.
    expires_at INTEGER NOT NULL
) STRICT;

-- A sync started by staff: the sources it covers, and one line per source as each finishes.
CREATE TABLE sync_runs (
    id INTEGER PRIMARY KEY,
    started_by TEXT NOT NULL,
    -- Unix seconds; finished_at is NULL while it runs.
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    -- JSON list of source names, in the order they are synced.
    sources TEXT NOT NULL,
    -- JSON list of {"name", "failed", "line"}, one per source done.
    reports TEXT NOT NULL DEFAULT '[]'
) STRICT;

-- A file uploaded for import, between its preview and "import" or "cancel": bound to the account
-- that sent it, found by the SHA-256 of a random token in the preview's form.
CREATE TABLE pending_imports (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    bytes BLOB NOT NULL,
    -- The options chosen with the file (`import`'s --group, --replace).
    group_slug TEXT,
    replace_group INTEGER NOT NULL DEFAULT 0,
    -- Unix seconds.
    created_at INTEGER NOT NULL
) STRICT;
