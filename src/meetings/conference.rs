//! How to join an online meeting, read from its record: the meeting ID and passcode (from the
//! conference notes, or the link's `/j/…` path and `pwd=`), and a dial-in `tel:` link that carries
//! them (`tel:+16699006833,,123456789#,,,,*987654#`, the form phones dial in one tap).

use super::Meeting;

/// What a person needs to join, beside the link.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Joining {
    /// "123 456 789" as the record writes it.
    pub meeting_id: Option<String>,
    /// The passcode to type, when the record gives one.
    pub passcode: Option<String>,
    /// The link carries a passcode that is not one to type (Zoom's encoded `pwd=`).
    pub passcode_in_link: bool,
    /// The dial-in number as the record writes it, and its one-tap `tel:` link.
    pub phone: Option<(String, String)>,
}

/// Labels a meeting ID follows in notes ("Meeting ID: 123 456 789", "ID de reunión: …").
const ID_LABELS: [&str; 4] = ["meeting id", "id de reunión", "id de reunion", "webinar id"];
/// Labels a passcode follows in notes.
const PASSCODE_LABELS: [&str; 6] = ["passcode", "password", "contraseña", "código de acceso", "pwd", "pw"];
/// A passcode in the link's `pwd=` longer than this is Zoom's encoding, not one to type.
const TYPED_PASSCODE_CHARS: usize = 12;

impl Joining {
    pub fn of(meeting: &Meeting) -> Joining {
        let url = meeting.conference_url.as_deref().and_then(|url| url::Url::parse(url).ok());
        let notes = [meeting.conference_url_notes.as_deref(), meeting.conference_phone_notes.as_deref()];
        let from_notes = |labels: &[&str], read: fn(&str) -> Option<String>| {
            notes.iter().flatten().find_map(|text| after_label(text, labels).and_then(read))
        };
        let meeting_id = from_notes(&ID_LABELS, read_id).or_else(|| url.as_ref().and_then(id_in_link));
        let link_pwd = url
            .as_ref()
            .and_then(|url| url.query_pairs().find(|(key, _)| key == "pwd").map(|(_, value)| value.into_owned()))
            .filter(|pwd| !pwd.is_empty());
        let mut passcode = from_notes(&PASSCODE_LABELS, read_word);
        let mut passcode_in_link = false;
        if passcode.is_none()
            && let Some(pwd) = link_pwd
        {
            if pwd.chars().count() <= TYPED_PASSCODE_CHARS {
                passcode = Some(pwd);
            } else {
                passcode_in_link = true;
            }
        }
        // The dial-in passcode is numeric; the phone's own notes say it first.
        let dial_passcode = meeting
            .conference_phone_notes
            .as_deref()
            .and_then(|text| after_label(text, &PASSCODE_LABELS))
            .and_then(read_word)
            .or_else(|| passcode.clone())
            .filter(|code| code.chars().all(|c| c.is_ascii_digit()));
        let phone = meeting
            .conference_phone
            .as_deref()
            .map(str::trim)
            .filter(|phone| !phone.is_empty())
            .map(|phone| (phone.to_owned(), tel_link(phone, meeting_id.as_deref(), dial_passcode.as_deref())));
        Joining { meeting_id, passcode, passcode_in_link, phone }
    }
}

/// A one-tap dial-in: the number's digits and pauses, then the meeting ID and the passcode when
/// the number does not carry them already. `#` is escaped (it would start a URL fragment).
pub fn tel_link(phone: &str, meeting_id: Option<&str>, passcode: Option<&str>) -> String {
    let mut dial: String =
        phone.chars().filter(|c| c.is_ascii_digit() || matches!(c, '+' | ',' | '#' | '*' | ';')).collect();
    if let Some(id) = meeting_id.filter(|_| !dial.contains(',')) {
        let digits: String = id.chars().filter(char::is_ascii_digit).collect();
        dial.push_str(&format!(",,{digits}#"));
    }
    if let Some(code) = passcode.filter(|_| !dial.contains('*') && dial.contains(',')) {
        dial.push_str(&format!(",,,,*{code}#"));
    }
    format!("tel:{}", dial.replace('#', "%23"))
}

/// The text after the first of `labels` in `text` (any case), past `:`, `#` and spaces.
fn after_label<'a>(text: &'a str, labels: &[&str]) -> Option<&'a str> {
    let lower = text.to_lowercase();
    // Lower-casing can change lengths outside ASCII: only use positions where it did not.
    if lower.len() != text.len() {
        return None;
    }
    labels.iter().find_map(|label| {
        let mut from = 0;
        while let Some(found) = lower[from..].find(label) {
            let start = from + found;
            let end = start + label.len();
            let word_start = start == 0 || !lower[..start].ends_with(|c: char| c.is_alphanumeric());
            let rest = &text[end..];
            if word_start && !rest.starts_with(|c: char| c.is_alphanumeric()) {
                return Some(
                    rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '#' | '=' | '-')),
                );
            }
            from = end;
        }
        None
    })
}

/// A meeting ID at the start of `text`: digits with the spaces or dashes between them (9 to 13
/// digits), as written.
fn read_id(text: &str) -> Option<String> {
    let run: String = text.chars().take_while(|c| c.is_ascii_digit() || *c == ' ' || *c == '-').collect();
    let run = run.trim_end_matches([' ', '-']);
    let digits = run.chars().filter(char::is_ascii_digit).count();
    (9..=13).contains(&digits).then(|| run.to_owned())
}

/// The word at the start of `text`, without the punctuation that closes a sentence.
fn read_word(text: &str) -> Option<String> {
    let word = text.split_whitespace().next()?.trim_end_matches(['.', ',', ';', ')', '"', '\'']);
    (!word.is_empty() && word.chars().count() <= 32).then(|| word.to_owned())
}

/// The meeting ID in a Zoom link's path (`/j/123456789`, `/w/…`, `/s/…`).
fn id_in_link(url: &url::Url) -> Option<String> {
    let mut segments = url.path_segments()?;
    let kind = segments.next()?;
    let id = segments.next()?;
    (["j", "w", "s"].contains(&kind) && url.host_str()?.contains("zoom"))
        .then(|| id.to_owned())
        .filter(|id| (9..=13).contains(&id.len()) && id.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn online(url: Option<&str>, url_notes: Option<&str>, phone: Option<&str>, phone_notes: Option<&str>) -> Meeting {
        Meeting {
            conference_url: url.map(str::to_owned),
            conference_url_notes: url_notes.map(str::to_owned),
            conference_phone: phone.map(str::to_owned),
            conference_phone_notes: phone_notes.map(str::to_owned),
            ..Meeting::default()
        }
    }

    #[test]
    fn the_id_and_passcode_come_from_the_notes_and_the_phone_dials_them_in_one_tap() {
        let joining = Joining::of(&online(
            Some("https://us02web.zoom.us/j/123456789?pwd=QWxhZGRpbjpvcGVuIHNlc2FtZQ"),
            Some("Meeting ID: 123 456 789. Passcode: 987654."),
            Some("+1 669 900 6833"),
            None,
        ));
        assert_eq!(joining.meeting_id.as_deref(), Some("123 456 789"));
        assert_eq!(joining.passcode.as_deref(), Some("987654"));
        assert!(!joining.passcode_in_link);
        let (shown, tel) = joining.phone.expect("a phone");
        assert_eq!(shown, "+1 669 900 6833");
        assert_eq!(tel, "tel:+16699006833,,123456789%23,,,,*987654%23");
    }

    #[test]
    fn without_notes_the_link_gives_the_id_and_a_short_pwd_is_the_passcode_a_long_one_is_not() {
        let short = Joining::of(&online(Some("https://zoom.us/j/9876543210?pwd=serene"), None, None, None));
        assert_eq!((short.meeting_id.as_deref(), short.passcode.as_deref()), (Some("9876543210"), Some("serene")));
        let long =
            Joining::of(&online(Some("https://zoom.us/j/9876543210?pwd=QWxhZGRpbjpvcGVuIHNlc2FtZQ"), None, None, None));
        assert_eq!(long.passcode, None);
        assert!(long.passcode_in_link, "the link joins with it; nothing to type is shown");
        let other = Joining::of(&online(Some("https://meet.example/room/12345678901"), None, None, None));
        assert_eq!(other.meeting_id, None, "only a Zoom path is read as an ID");
    }

    #[test]
    fn a_phone_that_carries_the_id_gets_only_the_passcode_and_a_word_passcode_is_not_dialled() {
        let joining = Joining::of(&online(None, None, Some("+16699006833,,123456789#"), Some("Passcode: 987654")));
        assert_eq!(joining.phone.expect("a phone").1, "tel:+16699006833,,123456789%23,,,,*987654%23");
        let word = Joining::of(&online(None, Some("ID: x, password: hope"), Some("+16699006833,,123456789#"), None));
        assert_eq!(word.passcode.as_deref(), Some("hope"));
        assert_eq!(word.phone.expect("a phone").1, "tel:+16699006833,,123456789%23", "a word cannot be dialled");
        let spanish = Joining::of(&online(None, Some("ID de reunión: 812 3456 7890 Contraseña: 4321"), None, None));
        assert_eq!(spanish.meeting_id.as_deref(), Some("812 3456 7890"));
        assert_eq!(spanish.passcode.as_deref(), Some("4321"));
    }
}
