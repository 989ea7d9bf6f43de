-- Accounts from the browser: one-time links to set a password (an admin adds a colleague or
-- resets a password; no mail is sent).

-- Only the link's SHA-256 is kept; a link is used once, and is gone when the account is.
CREATE TABLE password_links (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Unix seconds.
    expires_at INTEGER NOT NULL
) STRICT;
