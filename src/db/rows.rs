//! Reading meetings back: whole meetings by id, with columns read by name.

use rusqlite::Connection;

use super::StoreError;
use crate::meetings::{Meeting, MeetingTime, Weekday};

pub(super) fn parse_time(text: Option<String>) -> Option<MeetingTime> {
    text.as_deref().and_then(MeetingTime::parse)
}

/// The columns `meeting_from_row` reads, every stored field of a meeting (`m.slug, m.name, ...`):
/// made once from [`Columns::NAMES`], the one list.
static MEETING_COLUMNS: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| Columns::NAMES.iter().map(|name| format!("m.{name}")).collect::<Vec<_>>().join(", "));

/// A meeting's weekdays as one column (day numbers joined by commas), beside [`MEETING_COLUMNS`].
const MEETING_DAYS: &str = "(SELECT group_concat(d.day) FROM meeting_weekdays d WHERE d.meeting_id = m.id) AS days";

/// The fields of a stored meeting, in [`Columns::NAMES`] order.
#[derive(Clone, Copy)]
enum Field {
    Slug,
    Name,
    GroupSlug,
    Time,
    EndTime,
    Timezone,
    Location,
    FormattedAddress,
    Approximate,
    Latitude,
    Longitude,
    Regions,
    ConferenceUrl,
    ConferenceUrlNotes,
    ConferencePhone,
    ConferencePhoneNotes,
    Notes,
    LocationNotes,
    HomeGroup,
    Updated,
    Extra,
    Types,
}

/// Where each stored field is in a statement's rows: looked up by name once per
/// statement, not once per row and field.
struct Columns {
    at: [usize; 22],
}

impl Columns {
    /// The column names of a stored meeting, in [`Field`] order: the one list the queries use.
    const NAMES: [&'static str; 22] = [
        "slug",
        "name",
        "group_slug",
        "time",
        "end_time",
        "timezone",
        "location",
        "formatted_address",
        "approximate",
        "latitude",
        "longitude",
        "regions",
        "conference_url",
        "conference_url_notes",
        "conference_phone",
        "conference_phone_notes",
        "notes",
        "location_notes",
        "home_group",
        "updated",
        "extra",
        "types",
    ];

    fn of(statement: &rusqlite::Statement) -> rusqlite::Result<Columns> {
        let mut at = [0; 22];
        for (slot, name) in at.iter_mut().zip(Columns::NAMES) {
            *slot = statement.column_index(name)?;
        }
        Ok(Columns { at })
    }

    fn get<T: rusqlite::types::FromSql>(&self, row: &rusqlite::Row, field: Field) -> rusqlite::Result<T> {
        row.get(self.at[field as usize])
    }
}

/// Loads whole meetings by id, in the order given.
pub(super) fn load_meetings(connection: &Connection, ids: &[i64]) -> Result<Vec<Meeting>, StoreError> {
    // One statement for all of them: the ids go in as a JSON array, and come out in its order.
    let ids = serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_owned());
    let mut statement = connection.prepare_cached(&format!(
        "SELECT {}, {MEETING_DAYS} FROM json_each(?1) wanted JOIN meetings m ON m.id = wanted.value
         ORDER BY wanted.key",
        *MEETING_COLUMNS
    ))?;
    let columns = Columns::of(&statement)?;
    let meetings = statement
        .query_map([ids], |row| {
            let days: Option<String> = row.get("days")?;
            meeting_from_row(row, &columns, days.unwrap_or_default().split(',').filter_map(Weekday::parse).collect())
        })?
        .collect::<Result<_, _>>()?;
    Ok(meetings)
}

/// A whole meeting from a row holding [`MEETING_COLUMNS`], with its weekdays.
fn meeting_from_row(row: &rusqlite::Row, columns: &Columns, mut days: Vec<Weekday>) -> rusqlite::Result<Meeting> {
    let text = |field: Field| columns.get::<Option<String>>(row, field);
    let json = |field: Field| columns.get::<String>(row, field);
    days.sort();
    days.dedup();
    Ok(Meeting {
        slug: columns.get(row, Field::Slug)?,
        name: columns.get(row, Field::Name)?,
        group_slug: text(Field::GroupSlug)?,
        time: parse_time(text(Field::Time)?),
        end_time: parse_time(text(Field::EndTime)?),
        timezone: columns.get(row, Field::Timezone)?,
        location: text(Field::Location)?,
        formatted_address: text(Field::FormattedAddress)?,
        approximate: columns.get(row, Field::Approximate)?,
        latitude: columns.get(row, Field::Latitude)?,
        longitude: columns.get(row, Field::Longitude)?,
        regions: serde_json::from_str(&json(Field::Regions)?).unwrap_or_default(),
        conference_url: text(Field::ConferenceUrl)?,
        conference_url_notes: text(Field::ConferenceUrlNotes)?,
        conference_phone: text(Field::ConferencePhone)?,
        conference_phone_notes: text(Field::ConferencePhoneNotes)?,
        notes: text(Field::Notes)?,
        location_notes: text(Field::LocationNotes)?,
        home_group: text(Field::HomeGroup)?,
        updated: text(Field::Updated)?,
        extra: serde_json::from_str(&json(Field::Extra)?).unwrap_or_default(),
        types: serde_json::from_str(&json(Field::Types)?).unwrap_or_default(),
        days,
    })
}

impl super::Store {
    /// Calls `each` with every active meeting and its row id, in id order: what the finder's
    /// index is built from. Two statements streamed side by side (meetings, and their weekdays,
    /// both in id order), so no meeting costs a lookup of its own.
    pub fn each_active_meeting(&self, mut each: impl FnMut(i64, Meeting)) -> Result<(), StoreError> {
        let connection = self.connection()?;
        let mut statement = connection.prepare(&format!(
            "SELECT m.id AS id, {} FROM meetings m WHERE m.archived = 0 ORDER BY m.id",
            *MEETING_COLUMNS
        ))?;
        let columns = Columns::of(&statement)?;
        let id_column = statement.column_index("id")?;
        let mut weekdays =
            connection.prepare("SELECT meeting_id, day FROM meeting_weekdays ORDER BY meeting_id, day")?;
        let mut days =
            weekdays.query_map([], |row| Ok((row.get::<_, i64>("meeting_id")?, row.get::<_, u8>("day")?)))?.peekable();
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(id_column)?;
            let mut own = Vec::new();
            while let Some(Ok((meeting, day))) = days.peek() {
                if *meeting > id {
                    break;
                }
                if *meeting == id {
                    own.extend(Weekday::new(*day));
                }
                days.next();
            }
            if let Some(Err(_)) = days.peek()
                && let Some(Err(error)) = days.next()
            {
                return Err(error.into());
            }
            each(id, meeting_from_row(row, &columns, own)?);
        }
        Ok(())
    }

    /// Whole active meetings by row id, in the order given (for exports of finder results).
    pub fn meetings_by_id(&self, ids: &[i64]) -> Result<Vec<Meeting>, StoreError> {
        load_meetings(&*self.connection()?, ids)
    }
}
