-- The finder answers from its in-memory index (src/finder/), built from `meetings`: the copies of
-- filter columns, the region table and the full-text table it used to query go. A meeting's
-- weekdays stay, one row each (none for a meeting by appointment).

DROP TABLE meeting_search;
DROP TABLE meeting_regions;

CREATE TABLE meeting_weekdays (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    day INTEGER NOT NULL CHECK (day BETWEEN 0 AND 6),
    PRIMARY KEY (meeting_id, day)
) STRICT, WITHOUT ROWID;

INSERT INTO meeting_weekdays (meeting_id, day) SELECT DISTINCT meeting_id, day FROM meeting_days WHERE day < 7;

DROP TABLE meeting_days;
