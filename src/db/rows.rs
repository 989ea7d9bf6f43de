//! Reading meetings back: whole meetings by id, with columns read by name.

use rusqlite::Connection;

use super::StoreError;
use crate::meetings::{Meeting, MeetingTime, Weekday};

pub(super) fn parse_time(text: Option<String>) -> Option<MeetingTime> {
    text.as_deref().and_then(MeetingTime::parse)
}

/// The columns `meeting_from_row` reads: every stored field of a meeting, and its weekdays.
const MEETING_COLUMNS: &str = "m.slug, m.name, m.group_slug, m.time, m.end_time, m.timezone, m.location,
    m.formatted_address, m.approximate, m.latitude, m.longitude, m.regions, m.conference_url,
    m.conference_url_notes, m.conference_phone, m.conference_phone_notes, m.notes, m.location_notes,
    m.home_group, m.updated, m.extra, m.types,
    (SELECT group_concat(d.day) FROM meeting_weekdays d WHERE d.meeting_id = m.id) AS days";

/// Loads whole meetings by id, in the order given.
pub(super) fn load_meetings(connection: &Connection, ids: &[i64]) -> Result<Vec<Meeting>, StoreError> {
    // One statement for all of them: the ids go in as a JSON array, and come out in its order.
    let ids = serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_owned());
    let mut statement = connection.prepare_cached(&format!(
        "SELECT {MEETING_COLUMNS} FROM json_each(?1) wanted JOIN meetings m ON m.id = wanted.value
         ORDER BY wanted.key"
    ))?;
    let meetings = statement.query_map([ids], meeting_from_row)?.collect::<Result<_, _>>()?;
    Ok(meetings)
}

/// A whole meeting from a row holding the `meetings` columns by name, and `days` (a list of day
/// numbers joined by commas).
fn meeting_from_row(row: &rusqlite::Row) -> rusqlite::Result<Meeting> {
    let json_list = |column: &str| -> rusqlite::Result<Vec<String>> {
        Ok(serde_json::from_str(&row.get::<_, String>(column)?).unwrap_or_default())
    };
    let days: Option<String> = row.get("days")?;
    let mut days: Vec<Weekday> = days.unwrap_or_default().split(',').filter_map(Weekday::parse).collect();
    days.sort();
    Ok(Meeting {
        slug: row.get("slug")?,
        name: row.get("name")?,
        group_slug: row.get("group_slug")?,
        time: parse_time(row.get("time")?),
        end_time: parse_time(row.get("end_time")?),
        timezone: row.get("timezone")?,
        location: row.get("location")?,
        formatted_address: row.get("formatted_address")?,
        approximate: row.get("approximate")?,
        latitude: row.get("latitude")?,
        longitude: row.get("longitude")?,
        regions: json_list("regions")?,
        conference_url: row.get("conference_url")?,
        conference_url_notes: row.get("conference_url_notes")?,
        conference_phone: row.get("conference_phone")?,
        conference_phone_notes: row.get("conference_phone_notes")?,
        notes: row.get("notes")?,
        location_notes: row.get("location_notes")?,
        home_group: row.get("home_group")?,
        updated: row.get("updated")?,
        extra: serde_json::from_str(&row.get::<_, String>("extra")?).unwrap_or_default(),
        types: json_list("types")?,
        days,
    })
}

impl super::Store {
    /// Calls `each` with every active meeting and its row id, in id order: what the finder's
    /// index is built from. One statement, streamed.
    pub fn each_active_meeting(&self, mut each: impl FnMut(i64, Meeting)) -> Result<(), StoreError> {
        let connection = self.connection()?;
        let mut statement = connection
            .prepare(&format!("SELECT m.id, {MEETING_COLUMNS} FROM meetings m WHERE m.archived = 0 ORDER BY m.id"))?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            each(row.get("id")?, meeting_from_row(row)?);
        }
        Ok(())
    }

    /// Whole active meetings by row id, in the order given (for exports of finder results).
    pub fn meetings_by_id(&self, ids: &[i64]) -> Result<Vec<Meeting>, StoreError> {
        load_meetings(&*self.connection()?, ids)
    }
}
