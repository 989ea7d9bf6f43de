-- Secrets the site makes for itself at first start, by name, never shown or exported.
-- 'sender-hash': the key of the HMAC-SHA256 under which a public request's sender address is
-- kept for the hourly limit, so that the stored hashes cannot be reversed by hashing every
-- address (32 bytes from SQLite's randomblob: ChaCha20 seeded by the operating system).
CREATE TABLE site_secrets (
    name TEXT PRIMARY KEY,
    value BLOB NOT NULL
) STRICT;

INSERT INTO site_secrets (name, value) VALUES ('sender-hash', randomblob(32));

-- Senders stored before this were kept as plain SHA-256 of the address (recoverable): forgotten.
UPDATE change_requests SET sender_hash = '';
