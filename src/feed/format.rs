//! The one list of export formats, used by the CLI's `export --format` and by the site's feeds:
//! each format's name, content type, file extension and writer.

use crate::meetings::Meeting;

/// A format meetings are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// The Meeting Guide JSON feed.
    Json,
    /// CSV, a column for every field we keep.
    Csv,
    /// iCalendar: each meeting a weekly event in its own zone.
    Ics,
}

/// The interchange format a source (or an imported file) is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SourceFormat {
    /// A Meeting Guide JSON feed, or a CSV of its fields (told apart by content).
    #[default]
    MeetingGuide,
    /// A BMLT root server's semantic interface (`/client_interface/json/`), or a saved answer.
    Bmlt,
}

impl SourceFormat {
    /// The name the CLI and the database use.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::MeetingGuide => "meeting-guide",
            SourceFormat::Bmlt => "bmlt",
        }
    }

    pub fn parse(text: &str) -> Option<SourceFormat> {
        [SourceFormat::MeetingGuide, SourceFormat::Bmlt].into_iter().find(|format| format.as_str() == text)
    }
}

/// A format's writer failed (it does not for meetings we read, but the encoders can say so).
#[derive(Debug, thiserror::Error)]
#[error("cannot write the {format:?} export: {reason}")]
pub struct WriteError {
    format: ExportFormat,
    reason: String,
}

impl ExportFormat {
    pub fn content_type(self) -> &'static str {
        match self {
            ExportFormat::Json => "application/json",
            ExportFormat::Csv => "text/csv; charset=utf-8",
            ExportFormat::Ics => "text/calendar; charset=utf-8",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::Ics => "ics",
        }
    }

    /// The meetings in this format; `now` dates the calendar's events.
    pub fn write(self, meetings: &[Meeting], now: jiff::Timestamp) -> Result<Vec<u8>, WriteError> {
        let failed = |reason: String| WriteError { format: self, reason };
        match self {
            ExportFormat::Json => super::write_meeting_guide(meetings).map_err(|error| failed(error.to_string())),
            ExportFormat::Csv => super::csv::write_csv(meetings).map_err(|error| failed(error.to_string())),
            ExportFormat::Ics => Ok(super::ics::calendar(meetings, now, "Meetings").into_bytes()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_format_writes_what_its_content_type_says() {
        let meeting = Meeting {
            slug: "a".into(),
            name: "A".into(),
            timezone: "America/Chicago".into(),
            days: vec![crate::meetings::Weekday::new(1).expect("day")],
            time: crate::meetings::MeetingTime::new(19, 0),
            ..Meeting::default()
        };
        let now = jiff::Timestamp::now();
        let json = ExportFormat::Json.write(std::slice::from_ref(&meeting), now).expect("json");
        assert!(serde_json::from_slice::<serde_json::Value>(&json).is_ok());
        let csv = String::from_utf8(ExportFormat::Csv.write(std::slice::from_ref(&meeting), now).expect("csv"))
            .expect("text");
        assert!(csv.starts_with("name,slug,"), "{csv}");
        let ics = String::from_utf8(ExportFormat::Ics.write(&[meeting], now).expect("ics")).expect("text");
        assert!(ics.starts_with("BEGIN:VCALENDAR"), "{ics}");
        assert_eq!(
            [ExportFormat::Json, ExportFormat::Csv, ExportFormat::Ics].map(ExportFormat::extension),
            ["json", "csv", "ics"]
        );
        assert!(ExportFormat::Ics.content_type().starts_with("text/calendar"));
    }
}
