-- Sources: the feeds staff follow (`mutual-support source add`), kept current by `sync`. A meeting
-- from a source carries the source's id and the feed's own slug for it; its public `slug` is
-- decided on first sight and then kept, so two feeds with the same slugs never share a meeting.

CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    -- A slug-like name staff choose; also the prefix of a meeting's public slug when the feed's
    -- own slug is taken.
    name TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL,
    group_slug TEXT NOT NULL REFERENCES groups (slug),
    -- Zone of the feed's meetings that name none (IANA); NULL: the site's zone.
    timezone TEXT,
    -- Validators of the last good response, sent back as If-None-Match / If-Modified-Since.
    etag TEXT,
    last_modified TEXT,
    -- RFC 3339 timestamps.
    last_success_at TEXT,
    last_error TEXT,
    last_error_at TEXT,
    -- Active meetings and warnings of the last good import.
    meeting_count INTEGER NOT NULL DEFAULT 0,
    warning_count INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    -- Set by `source remove` (its meetings are archived); `source add` of the same name revives it,
    -- with its meetings' public slugs.
    removed_at TEXT
) STRICT;

-- NULL for meetings entered here (the CLI `import`, the sample data).
ALTER TABLE meetings ADD COLUMN source_id INTEGER REFERENCES sources (id);
-- The feed's own slug of a meeting from a source.
ALTER TABLE meetings ADD COLUMN source_slug TEXT;

CREATE UNIQUE INDEX meetings_by_source_slug ON meetings (source_id, source_slug) WHERE source_id IS NOT NULL;
