-- Staff: accounts (made with `mutual-support user add`), their sessions, failed logins (for the
-- lockout), change requests from the public, and the audit log of every staff action.

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('editor', 'admin')),
    -- Argon2id, as a PHC string.
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

-- The cookie holds a random token; only its SHA-256 is kept here.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Sent back in every staff form, compared in constant time.
    csrf_token TEXT NOT NULL,
    -- Unix seconds.
    expires_at INTEGER NOT NULL
) STRICT;

-- One row per failed login, under two keys: 'address:<peer>' and 'account:<email>'.
CREATE TABLE login_failures (
    key TEXT NOT NULL,
    at INTEGER NOT NULL
) STRICT;

CREATE INDEX login_failures_by_key ON login_failures (key, at);

-- What a visitor asked to change (`meeting_slug` set) or to add (NULL).
CREATE TABLE change_requests (
    id INTEGER PRIMARY KEY,
    meeting_slug TEXT,
    -- The requested values as a JSON object of Meeting Guide fields (text as typed).
    requested TEXT NOT NULL,
    closed_for_good INTEGER NOT NULL DEFAULT 0,
    message TEXT,
    -- Shown to staff only; set to NULL when the request is closed.
    reply_to TEXT,
    -- SHA-256 of the sender's address, for the hourly limit; never shown; emptied on closing.
    sender_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'rejected')),
    closed_at INTEGER,
    closed_by TEXT,
    reason TEXT
) STRICT;

CREATE INDEX change_requests_open ON change_requests (status, created_at);
CREATE INDEX change_requests_by_sender ON change_requests (sender_hash, created_at);

-- Every staff action: who (kept as text, so removing a user keeps the log), when, what.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    meeting_slug TEXT,
    request_id INTEGER,
    -- JSON list of [field, old, new].
    changes TEXT NOT NULL DEFAULT '[]',
    note TEXT
) STRICT;
