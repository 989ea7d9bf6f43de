//! Which characters a meeting's text may hold: the one rule for control characters (NUL, ESC,
//! BEL, CR, LF, tab, DEL and the C1 controls) and the Unicode bidirectional overrides and isolates
//! (U+202A–U+202E, U+2066–U+2069), which reorder how text around them is shown. The reader refuses
//! them in typed values and removes them from feeds; notes keep their line breaks (as `\n`); the
//! writers (CSV, iCalendar) leave out what old data may still hold; the command line shows them
//! escaped.

use std::borrow::Cow;

/// What a field may hold besides plain characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// A one-line field (a name, an address, a link): no line breaks.
    One,
    /// A notes field: line breaks kept (CRLF, CR and LF alike become one LF).
    Many,
}

/// A bidirectional embedding, override or isolate control.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A character no text field keeps: a control character or a bidi control. (Line breaks are
/// control characters too; a notes field keeps them, see [`cleaned`].)
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// The first character `text` may not hold in a field of `lines`, if any.
pub fn first_unsafe(text: &str, lines: Lines) -> Option<char> {
    text.chars().find(|c| is_unsafe(*c) && !(lines == Lines::Many && matches!(c, '\r' | '\n')))
}

/// `text` without the characters a field of `lines` may not hold: in notes, every line break
/// (CRLF, CR, LF) is one LF; in a one-line field a line break or tab is a space; every other
/// control character and bidi control is removed.
pub fn cleaned(text: &str, lines: Lines) -> Cow<'_, str> {
    if first_unsafe(text, lines).is_none() && !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' | '\n' if lines == Lines::Many => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' | '\t' => out.push(' '),
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A character as a message names it: `U+001B`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// `text` for a terminal: every control character and bidi control shown as its escape
/// (`\u{1b}`, `\n`), so no value read from a file or a server can move the cursor, recolour the
/// screen or forge a line of the output.
pub fn escaped(text: &str) -> Cow<'_, str> {
    if !text.contains(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars().map(|c| if is_unsafe(c) { c.escape_default().to_string() } else { c.to_string() }).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_text_loses_control_characters_and_bidi_controls_and_line_breaks_become_spaces() {
        assert_eq!(cleaned("Serenity\u{0}\u{1b}[31m\u{7} Group", Lines::One), "Serenity[31m Group");
        assert_eq!(cleaned("Main St\r\nSuite 2\rRear\tdoor", Lines::One), "Main St Suite 2 Rear door");
        assert_eq!(cleaned("abc\u{202E}fed\u{2066}x\u{2069}", Lines::One), "abcfedx");
        assert!(matches!(cleaned("Plain café", Lines::One), Cow::Borrowed(_)));
    }

    #[test]
    fn notes_keep_line_breaks_as_one_lf_and_lose_the_rest() {
        assert_eq!(cleaned("one\r\ntwo\rthree\nfour\u{0}\u{1b}", Lines::Many), "one\ntwo\nthree\nfour");
        assert!(matches!(cleaned("one\ntwo", Lines::Many), Cow::Borrowed(_)));
        assert_eq!(first_unsafe("one\r\ntwo\rthree", Lines::Many), None);
        assert_eq!(first_unsafe("one\ntwo\u{7}", Lines::Many), Some('\u{7}'));
        assert_eq!(first_unsafe("one\r\ntwo", Lines::One), Some('\r'));
        assert_eq!(first_unsafe("one\u{202E}two", Lines::One), Some('\u{202E}'));
    }

    #[test]
    fn a_terminal_is_shown_escapes_not_control_characters() {
        assert_eq!(escaped("a\u{1b}[2Jb\nc\u{202E}"), "a\\u{1b}[2Jb\\nc\\u{202e}");
        assert_eq!(escaped("plain"), "plain");
    }
}
