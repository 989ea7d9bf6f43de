//! Every word the interface shows, in every language the site speaks: the Fluent catalogues under
//! `locales/<code>/*.ftl`, embedded at build time and checked by `build.rs` (a key missing in one
//! language, or asked for and defined nowhere, stops the build). The path decides the language
//! (`/es/meetings` is Spanish, `/meetings` English); no cookie, no header, no redirect.
//!
//! Templates call `lang.t("key")` for a plain message, `lang.n("key", count)` for one with a
//! `$count` (plurals), `lang.t1("key", "name", value)` / `t2` for other arguments. Keys ending in
//! `-html` hold markup of our own and are written with `|safe`; every other message is escaped.

pub mod catalogue;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use fluent_templates::LanguageIdentifier;
use fluent_templates::fluent_bundle::FluentValue;

use crate::embedded::{CATALOGUE_KEYS, LANGUAGES};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // No Unicode isolation marks around arguments: they would end up inside attributes and URLs.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language of the site: one folder of `locales/` (English first, then by code). Adding a
/// language is adding its folder (and its `content/<code>/` files); nothing here changes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(u8);

/// Every plain message of every language, formatted once: a template's words cost a lookup (with
/// a quick hash: a finder page looks up a hundred words, and the keys are our own).
struct Catalogue {
    ids: Vec<LanguageIdentifier>,
    /// `prefixes[lang]`: "" for English, "/es" for Spanish.
    prefixes: Vec<&'static str>,
    messages: Vec<rustc_hash::FxHashMap<&'static str, String>>,
    /// `clocks[lang][minute of the day]`: "7:30 pm", "19:30".
    clocks: Vec<Vec<String>>,
}

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let ids: Vec<LanguageIdentifier> =
            LANGUAGES.iter().map(|code| code.parse().unwrap_or_else(|_| LanguageIdentifier::default())).collect();
        let prefixes = LANGUAGES
            .iter()
            .enumerate()
            .map(|(index, code)| if index == 0 { "" } else { &*Box::leak(format!("/{code}").into_boxed_str()) })
            .collect();
        let messages: Vec<rustc_hash::FxHashMap<&str, String>> = ids
            .iter()
            .map(|id| {
                CATALOGUE_KEYS
                    .iter()
                    .filter_map(|key| {
                        let text = LOCALES.lookup_single_language::<&str>(id, key, None).ok()?;
                        Some((*key, text))
                    })
                    .collect()
            })
            .collect();
        let clocks = (0..ids.len())
            .filter_map(|index| u8::try_from(index).ok())
            .map(|index| {
                let lang = Lang(index);
                let words =
                    |key| messages.get(usize::from(index)).and_then(|all| all.get(key)).map_or(key, String::as_str);
                (0..24u8)
                    .flat_map(|hour| (0..60u8).map(move |minute| (hour, minute)))
                    .map(|(hour, minute)| lang.clock_words(hour, minute, words))
                    .collect()
            })
            .collect();
        Catalogue { ids, prefixes, messages, clocks }
    })
}

impl Lang {
    /// The first language, English: pages without a language prefix.
    pub const DEFAULT: Lang = Lang(0);

    /// Every language, the default first.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..LANGUAGES.len()).filter_map(|index| u8::try_from(index).ok()).map(Lang)
    }

    /// The language's position in [`Lang::all`] (for per-language tables).
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// The language's code, as in `<html lang>` and `hreflang` (`en`, `es`).
    pub fn code(self) -> &'static str {
        LANGUAGES.get(usize::from(self.0)).copied().unwrap_or("en")
    }

    /// The language with this code, if the site speaks it.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::all().find(|lang| lang.code() == code)
    }

    /// What the language's paths start with: "" for the default language, `/es` for Spanish.
    pub fn prefix(self) -> &'static str {
        catalogue().prefixes.get(usize::from(self.0)).copied().unwrap_or("")
    }

    /// The language of a path and the path without its language prefix (`/es/groups` is
    /// (Spanish, `/groups`); `/es` is (Spanish, `/`)).
    pub fn split_path(path: &str) -> (Lang, &str) {
        for lang in Lang::all().skip(1) {
            if let Some(rest) = path.strip_prefix(lang.prefix()) {
                if rest.is_empty() {
                    return (lang, "/");
                }
                if rest.starts_with('/') {
                    return (lang, rest);
                }
            }
        }
        (Lang::DEFAULT, path)
    }

    /// A site path (`/meetings?type=O`) in this language (`/es/meetings?type=O`).
    pub fn path(self, path: &str) -> String {
        match (self.prefix(), path) {
            ("", _) => path.to_owned(),
            (prefix, "/") => prefix.to_owned(),
            (prefix, _) => format!("{prefix}{path}"),
        }
    }

    /// A plain message (no arguments). An unknown key shows as itself (the build refuses keys
    /// written literally that no catalogue defines; this is for keys made at run time).
    pub fn t<'k>(self, key: &'k str) -> &'k str
    where
        'static: 'k,
    {
        catalogue().messages.get(usize::from(self.0)).and_then(|messages| messages.get(key)).map_or(key, String::as_str)
    }

    /// A message with a `$count` (Fluent picks the plural form).
    pub fn n<'a>(self, key: &str, count: impl Into<FluentValue<'a>>) -> String {
        self.format(key, [("count", count.into())])
    }

    /// A message with one argument.
    pub fn t1<'a>(self, key: &str, name: &'static str, value: impl Into<FluentValue<'a>>) -> String {
        self.format(key, [(name, value.into())])
    }

    /// A message with two arguments.
    pub fn t2<'a, 'b>(
        self,
        key: &str,
        first: &'static str,
        first_value: impl Into<FluentValue<'a>>,
        second: &'static str,
        second_value: impl Into<FluentValue<'b>>,
    ) -> String {
        self.format(key, [(first, first_value.into()), (second, second_value.into())])
    }

    /// A message with any arguments.
    pub fn format<'a, const N: usize>(self, key: &str, args: [(&'static str, FluentValue<'a>); N]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'a>> =
            args.into_iter().map(|(name, value)| (Cow::Borrowed(name), value)).collect();
        let Some(id) = catalogue().ids.get(usize::from(self.0)) else { return key.to_owned() };
        LOCALES.lookup_single_language(id, key, Some(&args)).unwrap_or_else(|_| key.to_owned())
    }

    /// A day of the week by its number (0 is Sunday), capitalised as a label.
    pub fn day(self, number: u8) -> &'static str {
        const KEYS: [&str; 7] = ["day-0", "day-1", "day-2", "day-3", "day-4", "day-5", "day-6"];
        KEYS.get(usize::from(number)).map_or("", |key| self.t(key))
    }

    /// A date as this language writes it in words ("November 29, 2026", "29 de noviembre de 2026").
    pub fn date_in_words(self, date: jiff::civil::Date) -> String {
        const MONTHS: [&str; 12] = [
            "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8", "month-9",
            "month-10", "month-11", "month-12",
        ];
        let month = MONTHS.get(usize::try_from(date.month() - 1).unwrap_or(0)).map_or("", |key| self.t(key));
        self.format("date-long", [("day", date.day().into()), ("month", month.into()), ("year", date.year().into())])
    }

    /// A time of day as this language writes it: `7:30 pm`, `noon` (12-hour) or `19:30` (24-hour).
    pub fn clock_time(self, hour: u8, minute: u8) -> &'static str {
        let minute_of_day = usize::from(hour) * 60 + usize::from(minute);
        catalogue()
            .clocks
            .get(usize::from(self.0))
            .and_then(|clocks| clocks.get(minute_of_day))
            .map_or("", String::as_str)
    }

    /// How this language writes a time of day, from its words (`words(key)`), for the table
    /// [`Lang::clock_time`] reads.
    fn clock_words<'w>(self, hour: u8, minute: u8, words: impl Fn(&'w str) -> &'w str) -> String {
        if words("clock") == "24" {
            return format!("{hour:02}:{minute:02}");
        }
        match (hour, minute) {
            (12, 0) => words("time-noon").to_owned(),
            (0, 0) => words("time-midnight").to_owned(),
            _ => {
                let suffix = if hour < 12 { words("time-am") } else { words("time-pm") };
                let twelve = if hour.is_multiple_of(12) { 12 } else { hour % 12 };
                format!("{twelve}:{minute:02} {suffix}")
            }
        }
    }
}

/// A message formatted once with markers in place of its arguments, kept as pieces: hot paths (a
/// finder row) fill it in by joining strings, not by a Fluent format. Only for messages whose words
/// do not depend on an argument's value (no plurals, no selectors).
pub struct Prepared {
    pieces: Vec<Piece>,
}

enum Piece {
    Text(String),
    /// The argument at this position.
    Argument(usize),
}

impl Prepared {
    /// Marks the first argument; the second is the next character (private-use characters that no
    /// message contains).
    const MARK: char = '\u{E000}';

    pub fn of<const N: usize>(lang: Lang, key: &str, names: [&'static str; N]) -> Prepared {
        let mark = |index: usize| {
            let index = u32::try_from(index).unwrap_or(0);
            char::from_u32(u32::from(Prepared::MARK) + index).unwrap_or(Prepared::MARK).to_string()
        };
        let text = lang.format::<N>(key, std::array::from_fn(|index| (names[index], mark(index).into())));
        let mut pieces = Vec::new();
        let mut literal = String::new();
        for character in text.chars() {
            match usize::try_from(u32::from(character).wrapping_sub(u32::from(Prepared::MARK))) {
                Ok(index) if index < names.len() => {
                    if !literal.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut literal)));
                    }
                    pieces.push(Piece::Argument(index));
                }
                _ => literal.push(character),
            }
        }
        if !literal.is_empty() {
            pieces.push(Piece::Text(literal));
        }
        Prepared { pieces }
    }

    pub fn fill(&self, arguments: &[&str]) -> String {
        let mut text = String::with_capacity(64);
        for piece in &self.pieces {
            match piece {
                Piece::Text(words) => text.push_str(words),
                Piece::Argument(index) => text.push_str(arguments.get(*index).copied().unwrap_or("")),
            }
        }
        text
    }
}

/// The request's language and its path without the language prefix (with the query): what a page
/// needs to say which language it is in and to link to itself in the others.
#[derive(Debug, Clone)]
pub struct Locale {
    pub lang: Lang,
    /// The page's path in no language, with its query (`/meetings?type=O`).
    pub here: String,
}

impl Locale {
    pub fn of(request: &HttpRequest) -> Locale {
        let (lang, path) = Lang::split_path(request.path());
        let here = match request.query_string() {
            "" => path.to_owned(),
            query => format!("{path}?{query}"),
        };
        Locale { lang, here }
    }
}

impl FromRequest for Locale {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Locale, actix_web::Error>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(Ok(Locale::of(request)))
    }
}

impl FromRequest for Lang {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Lang, actix_web::Error>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(Ok(Lang::split_path(request.path()).0))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn spanish() -> Lang {
        Lang::from_code("es").expect("the site speaks Spanish")
    }

    #[test]
    fn every_language_defines_every_key_of_the_catalogue() {
        for lang in Lang::all() {
            let id = &catalogue().ids[lang.index()];
            for key in CATALOGUE_KEYS {
                // A message with arguments, asked for without them, exists but fails to format.
                let found = match LOCALES.lookup_single_language::<&str>(id, key, None) {
                    Ok(_) => true,
                    Err(error) => format!("{error:?}").starts_with("FluentError"),
                };
                assert!(found, "{}: {key}", lang.code());
            }
        }
    }

    #[test]
    fn a_key_missing_in_one_language_is_a_problem_that_names_it() {
        let mut catalogues = BTreeMap::new();
        catalogues.insert("en".to_owned(), vec![("site.ftl".to_owned(), "hello = Hello\nbye = Bye\n".to_owned())]);
        catalogues.insert("es".to_owned(), vec![("site.ftl".to_owned(), "hello = Hola\n".to_owned())]);
        let problems = catalogue::problems(&catalogues, &[]);
        assert_eq!(problems, ["locales/es: key `bye` is missing (locales/en/site.ftl has it)"]);
        let asked =
            catalogue::keys_asked_for(&format!("{{{{ lang.{}(\"hello\") }}}} {{{{ lang.n(\"gone\", 2) }}}}", "t"));
        assert_eq!(asked, ["hello", "gone"]);
        let used = [("gone".to_owned(), "templates/x.html".to_owned())];
        catalogues.insert("es".to_owned(), vec![("site.ftl".to_owned(), "hello = Hola\nbye = Adiós\n".to_owned())]);
        assert_eq!(
            catalogue::problems(&catalogues, &used),
            ["templates/x.html: asks for key `gone`, which no catalogue defines"]
        );
    }

    #[test]
    fn multi_line_messages_and_comments_are_not_keys() {
        let source = "# a comment = no\nintro =\n    Some words = more\n-brand = Term\nplural = { $count ->\n    [one] one\n   *[other] many\n}\n";
        assert_eq!(catalogue::message_keys(source), ["intro", "plural"]);
    }

    #[test]
    fn the_path_decides_the_language() {
        assert_eq!(Lang::split_path("/es/groups/aa"), (spanish(), "/groups/aa"));
        assert_eq!(Lang::split_path("/es"), (spanish(), "/"));
        assert_eq!(Lang::split_path("/essays"), (Lang::DEFAULT, "/essays"));
        assert_eq!(Lang::split_path("/meetings"), (Lang::DEFAULT, "/meetings"));
        assert_eq!(spanish().path("/"), "/es");
        assert_eq!(spanish().path("/meetings?type=O"), "/es/meetings?type=O");
        assert_eq!(Lang::DEFAULT.path("/meetings"), "/meetings");
    }

    #[test]
    fn messages_plurals_days_and_times_are_in_the_pages_language() {
        assert_eq!(Lang::DEFAULT.t("nav-meetings"), "Find a meeting");
        assert_eq!(spanish().t("nav-meetings"), "Buscar una reunión");
        assert_eq!(spanish().t1("error-code", "status", 404), "Error 404.");
        assert_eq!(spanish().day(1), "Lunes");
        assert_eq!(Lang::DEFAULT.day(6), "Saturday");
        assert_eq!(Lang::DEFAULT.clock_time(19, 30), "7:30 pm");
        assert_eq!(Lang::DEFAULT.clock_time(12, 0), "noon");
        assert_eq!(spanish().clock_time(19, 30), "19:30");
        assert_eq!(spanish().clock_time(7, 5), "07:05");
        assert_eq!(Lang::DEFAULT.t("no-such-key"), "no-such-key");
    }
}
