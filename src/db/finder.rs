//! The finder's filters answered in SQL over `meeting_days` (clustered by day and time), with
//! FTS5 for words: a page of results and its count, and every match for exports and schedules.

use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};

use super::rows::{load_meetings, parse_attendance, parse_time};
use super::{APPOINTMENT_DAY, Store, StoreError};
use crate::meetings::filter::PAGE_SIZE;
use crate::meetings::{
    Attendance, DayChoice, FinderResults, Meeting, MeetingFilter, MeetingListing, MeetingTime, TimeOfDay, Weekday,
};

impl Store {
    /// Every active meeting matching the filter (ignoring its page), in schedule order: for
    /// exports and printed schedules.
    pub fn meetings_matching(&self, filter: &MeetingFilter, now: jiff::Timestamp) -> Result<Vec<Meeting>, StoreError> {
        let connection = self.connection()?;
        let query = FinderQuery::build(&connection, filter, now)?;
        let sql = format!(
            "SELECT d.meeting_id FROM {} WHERE {} GROUP BY d.meeting_id ORDER BY min({}), d.meeting_id",
            query.from, query.condition, query.sort_key
        );
        let mut statement = connection.prepare(&sql)?;
        let ids: Vec<i64> =
            statement.query_map(params_from_iter(&query.values), |row| row.get(0))?.collect::<Result<_, _>>()?;
        load_meetings(&connection, &ids)
    }

    /// A page of finder results, sorted by day and time (from now, for `day=today`).
    pub fn find(&self, filter: &MeetingFilter, now: jiff::Timestamp) -> Result<FinderResults, StoreError> {
        let offset = u64::from(filter.page.saturating_sub(1)) * u64::from(PAGE_SIZE);
        self.find_range(filter, now, offset, u64::from(PAGE_SIZE))
    }

    /// The first `limit` weekly occurrences matching the filter, in schedule order, and the total:
    /// a printed schedule.
    pub fn schedule(
        &self,
        filter: &MeetingFilter,
        now: jiff::Timestamp,
        limit: u64,
    ) -> Result<FinderResults, StoreError> {
        self.find_range(filter, now, 0, limit)
    }

    fn find_range(
        &self,
        filter: &MeetingFilter,
        now: jiff::Timestamp,
        offset: u64,
        limit: u64,
    ) -> Result<FinderResults, StoreError> {
        let connection = self.connection()?;
        let query = FinderQuery::build(&connection, filter, now)?;
        let total: i64 = connection
            .prepare_cached(&format!("SELECT count(*) FROM {} WHERE {}", query.from, query.condition))?
            .query_row(params_from_iter(&query.values), |row| row.get(0))?;
        let sql = format!(
            "SELECT m.slug, m.name, m.group_slug, d.day, d.minutes, m.end_time, m.timezone, m.location,
                    m.display_address, m.approximate, m.attendance, m.conference_url, m.conference_phone,
                    m.types, m.time, m.regions
             FROM (SELECT d.day, d.minutes, d.meeting_id, {} AS sort_key FROM {} WHERE {}
                   ORDER BY {} LIMIT ?{} OFFSET ?{}) d
             JOIN meetings m ON m.id = d.meeting_id
             ORDER BY d.sort_key, d.meeting_id",
            query.sort_key,
            query.from,
            query.condition,
            query.order,
            query.values.len() + 1,
            query.values.len() + 2
        );
        let mut values = query.values.clone();
        values.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
        values.push(Value::Integer(i64::try_from(offset).unwrap_or(i64::MAX)));
        let mut statement = connection.prepare_cached(&sql)?;
        let listings = statement
            .query_map(params_from_iter(&values), |row| {
                let day: i64 = row.get(3)?;
                let minutes: i64 = row.get(4)?;
                let has_time = row.get::<_, Option<String>>(14)?.is_some();
                Ok(MeetingListing {
                    slug: row.get(0)?,
                    name: row.get(1)?,
                    group_slug: row.get(2)?,
                    day: u8::try_from(day).ok().and_then(Weekday::new),
                    time: (has_time && day != APPOINTMENT_DAY)
                        .then(|| MeetingTime::from_minutes(u16::try_from(minutes).unwrap_or(0))),
                    end_time: parse_time(row.get(5)?),
                    timezone: row.get(6)?,
                    location: row.get(7)?,
                    address: row.get(8)?,
                    approximate: row.get(9)?,
                    attendance: parse_attendance(row.get(10)?),
                    conference_url: row.get(11)?,
                    conference_phone: row.get(12)?,
                    types: serde_json::from_str(&row.get::<_, String>(13)?).unwrap_or_default(),
                    town: serde_json::from_str::<Vec<String>>(&row.get::<_, String>(15)?).unwrap_or_default().pop(),
                    starts_in: None,
                    distance_km: None,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(FinderResults { total: total.unsigned_abs(), listings })
    }
}

/// The FROM and WHERE clauses, sort key and parameters of a finder query.
struct FinderQuery {
    /// `meeting_days d`, driven by the text search or the region when there is one.
    from: String,
    condition: String,
    /// One integer expression: minutes from the start of the (finder's) week.
    sort_key: String,
    /// The ORDER BY of a page of results (follows the table's clustering when it can); the same
    /// order as `sort_key, d.meeting_id`. Pages are chosen first and joined to `meetings` after.
    order: String,
    values: Vec<Value>,
}

impl FinderQuery {
    fn build(connection: &Connection, filter: &MeetingFilter, now: jiff::Timestamp) -> Result<FinderQuery, StoreError> {
        let mut conditions = vec!["d.archived = 0".to_owned()];
        let mut values: Vec<Value> = Vec::new();
        let bind = |values: &mut Vec<Value>, value: Value| {
            values.push(value);
            format!("?{}", values.len())
        };
        let mut sort_key = "d.day * 1440 + d.minutes".to_owned();
        let mut order = "d.day, d.minutes, d.meeting_id".to_owned();

        if !filter.days.is_empty() {
            let mut any_day = Vec::new();
            let weekdays: Vec<String> = filter
                .days
                .iter()
                .filter_map(|day| match day {
                    DayChoice::Weekday(day) => Some(day.number().to_string()),
                    DayChoice::Today | DayChoice::Tonight => None,
                })
                .collect();
            if !weekdays.is_empty() {
                any_day.push(format!("d.day IN ({})", weekdays.join(", ")));
            }
            if filter.has_day(DayChoice::Today) || filter.has_day(DayChoice::Tonight) {
                // Today and the time now, in each meeting's own zone; zone names are bound values.
                let clocks = zone_clocks(connection, now)?;
                let mut day_arms = String::new();
                let mut minute_arms = String::new();
                for (zone, day, minutes) in &clocks {
                    let zone = bind(&mut values, Value::Text(zone.clone()));
                    any_day.push(format!("(d.day = {day} AND d.timezone = {zone})"));
                    day_arms.push_str(&format!(" WHEN {zone} THEN {day}"));
                    minute_arms.push_str(&format!(" WHEN {zone} THEN {minutes}"));
                }
                if !clocks.is_empty() {
                    let today = format!("(CASE d.timezone{day_arms} ELSE -1 END)");
                    let now_minutes = format!("(CASE d.timezone{minute_arms} ELSE 0 END)");
                    // Minutes until it starts, in its own zone: the soonest first, earlier today last.
                    sort_key = format!(
                        "((d.day - {today} + 7) % 7) * 1440 + d.minutes - {now_minutes}
                         + (CASE WHEN d.day = {today} AND d.minutes < {now_minutes} THEN 10080 ELSE 0 END)"
                    );
                    order = format!("{sort_key}, d.meeting_id");
                }
            }
            if any_day.is_empty() {
                // Only "today" was asked for and no meeting has a zone we know: nothing matches.
                any_day.push("0".to_owned());
            }
            conditions.push(format!("({})", any_day.join(" OR ")));
        }
        if let Some(band) = filter.time {
            let (start, end) = band.minutes();
            conditions.push(match band {
                TimeOfDay::Night => format!("(d.minutes >= {start} OR d.minutes < {end}) AND d.day < 7"),
                _ => format!("d.minutes >= {start} AND d.minutes < {end} AND d.day < 7"),
            });
        }
        for code in &filter.types {
            let placeholder = bind(&mut values, Value::Text(code.clone()));
            conditions.push(format!("instr(d.types, ' ' || {placeholder} || ' ') > 0"));
        }
        if !filter.groups.is_empty() {
            let placeholders: Vec<String> =
                filter.groups.iter().map(|slug| bind(&mut values, Value::Text(slug.clone()))).collect();
            conditions.push(format!("d.group_slug IN ({})", placeholders.join(", ")));
        }
        match filter.attendance {
            Some(Attendance::InPerson) => conditions.push("d.attendance IN ('in_person', 'hybrid')".to_owned()),
            Some(Attendance::Online) => conditions.push("d.attendance IN ('online', 'hybrid')".to_owned()),
            Some(Attendance::Hybrid) => conditions.push("d.attendance = 'hybrid'".to_owned()),
            Some(Attendance::Inactive) | None => {}
        }
        if !filter.include_inactive {
            conditions.push("d.attendance != 'inactive'".to_owned());
        }
        // A text search or a region picks few meetings: start from those (CROSS JOIN fixes the order).
        let mut from = "meeting_days d".to_owned();
        if let Some(words) = filter.query.as_deref().and_then(full_text_query) {
            let placeholder = bind(&mut values, Value::Text(words));
            from = "meeting_search s CROSS JOIN meeting_days d ON d.meeting_id = s.rowid".to_owned();
            conditions.push(format!("meeting_search MATCH {placeholder}"));
        }
        if let Some(region) = &filter.region {
            let placeholder = bind(&mut values, Value::Text(region.clone()));
            if from == "meeting_days d" {
                from = "meeting_regions r CROSS JOIN meeting_days d ON d.meeting_id = r.meeting_id".to_owned();
                conditions.push(format!("r.region = {placeholder}"));
            } else {
                conditions.push(format!(
                    "d.meeting_id IN (SELECT r.meeting_id FROM meeting_regions r WHERE r.region = {placeholder})"
                ));
            }
        }
        Ok(FinderQuery { from, condition: conditions.join(" AND "), sort_key, order, values })
    }
}

/// Each zone of the meetings with today's weekday and the minutes past midnight now there.
/// Zones are few; one the time-zone database does not know is left out (its meetings never
/// match `today`, and the import already refuses such zones).
fn zone_clocks(connection: &Connection, now: jiff::Timestamp) -> Result<Vec<(String, u8, u16)>, StoreError> {
    // A loose index scan: one index lookup per zone instead of a pass over every meeting.
    let mut next_zone = connection.prepare_cached("SELECT min(timezone) FROM meetings WHERE timezone > ?1")?;
    let mut zones: Vec<String> = Vec::new();
    while let Some(zone) = next_zone.query_row([zones.last().map_or("", String::as_str)], |row| row.get(0))? {
        zones.push(zone);
    }
    Ok(zones
        .into_iter()
        .filter_map(|zone| {
            let local = now.to_zoned_datetime(jiff::tz::TimeZone::get(&zone).ok()?);
            let minutes = u16::try_from(i32::from(local.hour()) * 60 + i32::from(local.minute())).ok()?;
            Some((zone, Weekday::of(local.date()).number(), minutes))
        })
        .collect())
}

/// Turns search words into an FTS5 query: every word must appear, as a word prefix.
fn full_text_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .take(10)
        .map(|word| format!("\"{word}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_words_become_quoted_prefix_terms() {
        assert_eq!(full_text_query("Hope  \"and\" AND").as_deref(), Some("\"Hope\"* \"and\"* \"AND\"*"));
        assert_eq!(full_text_query("\" * ( ) -"), None);
    }
}
