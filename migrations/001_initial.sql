-- Groups (synced from content/ at start-up) and meetings (Meeting Guide fields).

CREATE TABLE groups (
    slug TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    short_name TEXT,
    audience TEXT NOT NULL,
    approach TEXT NOT NULL,
    website TEXT NOT NULL
) STRICT;

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    group_slug TEXT REFERENCES groups (slug),
    time TEXT,
    end_time TEXT,
    timezone TEXT NOT NULL,
    -- Type codes as a JSON array, in the feed's order.
    types TEXT NOT NULL DEFAULT '[]',
    location TEXT,
    formatted_address TEXT,
    -- formatted_address, or one built from the feed's address parts: what pages show.
    display_address TEXT,
    approximate INTEGER NOT NULL DEFAULT 0,
    latitude REAL,
    longitude REAL,
    regions TEXT NOT NULL DEFAULT '[]',
    conference_url TEXT,
    conference_url_notes TEXT,
    conference_phone TEXT,
    conference_phone_notes TEXT,
    notes TEXT,
    location_notes TEXT,
    home_group TEXT,
    updated TEXT,
    attendance TEXT NOT NULL CHECK (attendance IN ('in_person', 'online', 'hybrid', 'inactive')),
    -- Fields a feed brought that we do not model, as a JSON object, kept verbatim for export.
    extra TEXT NOT NULL DEFAULT '{}',
    -- A digest of the whole record, to tell "unchanged" from "updated" on import.
    fingerprint TEXT NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0,
    -- Loaded from content/meetings/sample-meetings.json: the site labels these as sample data.
    sample INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX meetings_sample ON meetings (sample) WHERE sample = 1;

CREATE INDEX meetings_by_group ON meetings (group_slug);
CREATE INDEX meetings_by_timezone ON meetings (timezone);

-- One row per weekly occurrence; a meeting by appointment has one row with day 7. Clustered by
-- day and time, and carrying copies of the columns the finder filters on, so that counting the
-- matches of a search reads this table alone.
CREATE TABLE meeting_days (
    day INTEGER NOT NULL CHECK (day BETWEEN 0 AND 7),
    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1439),
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    group_slug TEXT,
    attendance TEXT NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0,
    timezone TEXT NOT NULL,
    -- Every type code between spaces: ' O D X '.
    types TEXT NOT NULL,
    PRIMARY KEY (day, minutes, meeting_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX meeting_days_by_meeting ON meeting_days (meeting_id);

CREATE TABLE meeting_regions (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    region TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (region, meeting_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX meeting_regions_by_meeting ON meeting_regions (meeting_id);

-- Words of name, venue, address, notes and home group; rowid = meetings.id.
CREATE VIRTUAL TABLE meeting_search USING fts5 (
    words,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Bumped by every change to meetings or groups: part of every ETag and cache key.
CREATE TABLE revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
) STRICT;

INSERT INTO revision (id, value) VALUES (1, 1);
