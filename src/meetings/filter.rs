//! The finder's filter: what `/meetings?…` asks for, parsed leniently. A value that makes no sense
//! is dropped with a notice the page shows, never an error; the canonical query string rebuilds
//! links, cache keys and the "widen your search" suggestions.

use super::{Attendance, TimeOfDay, TypeVocabulary, Weekday, is_type_code};
use crate::i18n::Lang;

/// Results per page.
pub const PAGE_SIZE: u32 = 25;
/// Longest text search we take; longer input is cut with a notice.
pub const MAX_QUERY_CHARS: usize = 100;
/// Highest page number we serve (far beyond any real list).
pub const MAX_PAGE: u32 = 10_000;

/// Most type codes one search takes (a meeting rarely has more than a few); more are dropped.
pub const MAX_TYPES: usize = 20;
/// Longest distance `within=` takes, in the site's unit.
pub const MAX_WITHIN: u16 = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayChoice {
    Weekday(Weekday),
    /// Today in each meeting's own time zone.
    Today,
    /// From 5 pm today to 5 am tomorrow in each meeting's own zone (meetings not yet ended).
    Tonight,
}

impl DayChoice {
    pub fn parameter(self) -> String {
        match self {
            DayChoice::Weekday(day) => day.number().to_string(),
            DayChoice::Today => "today".to_owned(),
            DayChoice::Tonight => "tonight".to_owned(),
        }
    }
}

/// Whose recovery a search is for (`for=`): a person's own, or a relative's or friend's. When
/// unasked, both kinds of group are listed, and family groups are labelled as such.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeekerChoice {
    /// `for=self`: groups for one's own recovery; family groups left out.
    Self_,
    /// `for=family`: only groups for families and friends.
    Family,
}

impl SeekerChoice {
    pub fn parameter(self) -> &'static str {
        match self {
            SeekerChoice::Self_ => "self",
            SeekerChoice::Family => "family",
        }
    }
}

/// The order of results. With no day chosen, `Time` means "upcoming from now".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    #[default]
    Time,
    /// Nearest first (needs `near`).
    Distance,
}

/// Why part of a search was not used: the value (shortened) and what was done instead. Kept as
/// values, not words, so one parsed filter is told in every language ([`Notice::text`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    NoGroup(String),
    NotADay(String),
    /// A second time of day; the first is kept.
    TimeKept(TimeOfDay),
    NotATime(String),
    /// A second way to attend; the first is kept.
    AttendanceKept(Attendance),
    NotAWayToAttend(String),
    NotASeeker(String),
    NotADistance(String),
    NotAnOrder(String),
    NotAZone(String),
    NotAPage(String),
    DistanceNeedsPlace,
    SortNeedsPlace,
    TooManyTypes,
    NotATypeCode(String),
    /// A well-formed code our vocabulary does not know: kept, with this notice.
    NonStandardType(String),
    QueryCut,
    /// `near=` names no place we know, and nothing like it.
    UnknownPlace(String),
    /// `near=` names no place we know; these are close.
    DidYouMean(String, Vec<String>),
}

impl Notice {
    /// The notice in words for the person searching, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Notice::NoGroup(value) => lang.t1("notice-no-group", "value", value.as_str()),
            Notice::NotADay(value) => lang.t1("notice-not-a-day", "value", value.as_str()),
            Notice::TimeKept(kept) => lang.t1("notice-time-kept", "kept", kept.label(lang)),
            Notice::NotATime(value) => lang.t1("notice-not-a-time", "value", value.as_str()),
            Notice::AttendanceKept(kept) => lang.t1("notice-attendance-kept", "kept", kept.label(lang).to_lowercase()),
            Notice::NotAWayToAttend(value) => lang.t1("notice-not-a-way-to-attend", "value", value.as_str()),
            Notice::NotASeeker(value) => lang.t1("notice-not-a-seeker", "value", value.as_str()),
            Notice::NotADistance(value) => lang.t2("notice-not-a-distance", "value", value.as_str(), "max", MAX_WITHIN),
            Notice::NotAnOrder(value) => lang.t1("notice-not-an-order", "value", value.as_str()),
            Notice::NotAZone(value) => lang.t1("notice-not-a-zone", "value", value.as_str()),
            Notice::NotAPage(value) => lang.t1("notice-not-a-page", "value", value.as_str()),
            Notice::DistanceNeedsPlace => lang.t("notice-distance-needs-place").to_owned(),
            Notice::SortNeedsPlace => lang.t("notice-sort-needs-place").to_owned(),
            Notice::TooManyTypes => lang.t1("notice-too-many-types", "max", MAX_TYPES),
            Notice::NotATypeCode(value) => lang.t1("notice-not-a-type-code", "value", value.as_str()),
            Notice::NonStandardType(code) => lang.t1("notice-non-standard-type", "code", code.as_str()),
            Notice::QueryCut => lang.t1("notice-query-cut", "max", MAX_QUERY_CHARS),
            Notice::UnknownPlace(value) => lang.t1("notice-unknown-place", "value", value.as_str()),
            Notice::DidYouMean(value, suggestions) => {
                lang.t2("notice-did-you-mean", "value", value.as_str(), "suggestions", suggestions.join(", "))
            }
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeetingFilter {
    /// A meeting must have every one of these type codes.
    pub types: Vec<String>,
    /// A meeting must belong to any one of these groups (slugs).
    pub groups: Vec<String>,
    /// Any of these days.
    pub days: Vec<DayChoice>,
    pub time: Option<TimeOfDay>,
    /// `hybrid` meetings are found under in person and under online too.
    pub attendance: Option<Attendance>,
    pub region: Option<String>,
    /// `for=`: whose recovery; `None` lists both kinds of group.
    pub seeker: Option<SeekerChoice>,
    /// `near=`: a town, region or postal code from the site's own data (resolved by the finder).
    pub near: Option<String>,
    /// `within=`: the longest distance from `near`, in the site's unit (miles or km).
    pub within: Option<u16>,
    /// `tz=`: the person's zone (IANA), for "today" and "tonight"; the site's when not given.
    pub zone: Option<String>,
    /// `sort=distance` (with `near`), or by time.
    pub sort: SortOrder,
    /// Words that must all appear in the name, venue, address, notes or group.
    pub query: Option<String>,
    /// 1-based.
    pub page: u32,
    /// Show temporarily closed meetings that have no online option.
    pub include_inactive: bool,
    /// What was dropped from the request, and why; told in the page's language by [`Notice::text`].
    pub notices: Vec<Notice>,
}

impl MeetingFilter {
    /// Parses a raw query string. `is_group` says whether a slug names a group we list.
    pub fn parse(query_string: &str, vocabulary: &TypeVocabulary, is_group: impl Fn(&str) -> bool) -> MeetingFilter {
        let mut filter = MeetingFilter { page: 1, ..MeetingFilter::default() };
        for (key, value) in form_urlencoded::parse(query_string.as_bytes()) {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key.as_ref() {
                "type" => filter.add_type(value, vocabulary),
                "group" => {
                    if is_group(value) {
                        push_unique(&mut filter.groups, value.to_owned());
                    } else {
                        filter.notice(Notice::NoGroup(shorten(value)));
                    }
                }
                "day" => match (value, Weekday::parse(value)) {
                    ("upcoming", _) => {}
                    ("today", _) => push_unique(&mut filter.days, DayChoice::Today),
                    ("tonight", _) => push_unique(&mut filter.days, DayChoice::Tonight),
                    (_, Some(day)) => push_unique(&mut filter.days, DayChoice::Weekday(day)),
                    _ => filter.notice(Notice::NotADay(shorten(value))),
                },
                "time" => match (TimeOfDay::parse(value), filter.time) {
                    (Some(band), None) => filter.time = Some(band),
                    (Some(band), Some(kept)) if band != kept => filter.notice(Notice::TimeKept(kept)),
                    (Some(_), Some(_)) => {}
                    (None, _) => filter.notice(Notice::NotATime(shorten(value))),
                },
                "attendance" => match (Attendance::parse(value), filter.attendance) {
                    (Some(Attendance::Inactive), _) => filter.include_inactive = true,
                    (Some(kind), None) => filter.attendance = Some(kind),
                    (Some(kind), Some(kept)) if kind != kept => filter.notice(Notice::AttendanceKept(kept)),
                    (Some(_), Some(_)) => {}
                    (None, _) => filter.notice(Notice::NotAWayToAttend(shorten(value))),
                },
                "region" => filter.region = Some(value.chars().take(MAX_QUERY_CHARS).collect()),
                "for" => match value {
                    "self" => filter.seeker = Some(SeekerChoice::Self_),
                    "family" => filter.seeker = Some(SeekerChoice::Family),
                    "both" | "any" => filter.seeker = None,
                    _ => filter.notice(Notice::NotASeeker(shorten(value))),
                },
                "near" => filter.near = Some(value.chars().take(MAX_QUERY_CHARS).collect()),
                "within" => match value.parse::<u16>() {
                    Ok(within) if (1..=MAX_WITHIN).contains(&within) => filter.within = Some(within),
                    _ => filter.notice(Notice::NotADistance(shorten(value))),
                },
                "tz" => match jiff::tz::TimeZone::get(value) {
                    Ok(_) => filter.zone = Some(value.to_owned()),
                    Err(_) => filter.notice(Notice::NotAZone(shorten(value))),
                },
                "sort" => match value {
                    "distance" => filter.sort = SortOrder::Distance,
                    "time" => filter.sort = SortOrder::Time,
                    _ => filter.notice(Notice::NotAnOrder(shorten(value))),
                },
                "q" => filter.set_query(value),
                "page" => match value.parse::<u32>() {
                    Ok(page) if (1..=MAX_PAGE).contains(&page) => filter.page = page,
                    _ => filter.notice(Notice::NotAPage(shorten(value))),
                },
                "inactive" => filter.include_inactive = value == "yes",
                _ => {}
            }
        }
        if filter.near.is_none() && filter.within.take().is_some() {
            filter.notice(Notice::DistanceNeedsPlace);
        }
        if filter.near.is_none() && filter.sort == SortOrder::Distance {
            filter.sort = SortOrder::Time;
            filter.notice(Notice::SortNeedsPlace);
        }
        filter
    }

    fn add_type(&mut self, value: &str, vocabulary: &TypeVocabulary) {
        let code = value.to_ascii_uppercase();
        if self.types.len() >= MAX_TYPES && !self.types.contains(&code) {
            self.notice(Notice::TooManyTypes);
        } else if !is_type_code(&code) {
            self.notice(Notice::NotATypeCode(shorten(value)));
        } else if code == "TC" {
            self.include_inactive = true;
            push_unique(&mut self.types, code);
        } else {
            if !vocabulary.contains(&code) {
                self.notice(Notice::NonStandardType(code.clone()));
            }
            push_unique(&mut self.types, code);
        }
    }

    fn set_query(&mut self, value: &str) {
        let mut words: String = value.split_whitespace().collect::<Vec<_>>().join(" ");
        if words.chars().count() > MAX_QUERY_CHARS {
            words = words.chars().take(MAX_QUERY_CHARS).collect();
            self.notice(Notice::QueryCut);
        }
        self.query = Some(words);
    }

    fn notice(&mut self, notice: Notice) {
        push_unique(&mut self.notices, notice);
    }

    /// The notices as part of a cache key: the same notices, the same words in each language.
    pub fn notices_key(&self) -> String {
        format!("{:?}", self.notices)
    }

    /// The filter as query pairs, in a fixed order (the page number left out).
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        pairs.extend(self.types.iter().map(|code| ("type", code.clone())));
        pairs.extend(self.groups.iter().map(|slug| ("group", slug.clone())));
        pairs.extend(self.days.iter().map(|day| ("day", day.parameter())));
        pairs.extend(self.time.map(|band| ("time", band.parameter().to_owned())));
        pairs.extend(self.attendance.map(|kind| ("attendance", kind.as_str().to_owned())));
        pairs.extend(self.region.iter().map(|region| ("region", region.clone())));
        pairs.extend(self.seeker.map(|seeker| ("for", seeker.parameter().to_owned())));
        pairs.extend(self.near.iter().map(|near| ("near", near.clone())));
        pairs.extend(self.within.map(|within| ("within", within.to_string())));
        pairs.extend(self.zone.iter().map(|zone| ("tz", zone.clone())));
        if self.sort == SortOrder::Distance {
            pairs.push(("sort", "distance".to_owned()));
        }
        pairs.extend(self.query.iter().map(|query| ("q", query.clone())));
        if self.include_inactive && !self.types.iter().any(|code| code == "TC") {
            pairs.push(("inactive", "yes".to_owned()));
        }
        pairs
    }

    /// The canonical query string of this filter (no page), e.g. `type=O&day=1`.
    pub fn query_string(&self) -> String {
        encode(self.pairs())
    }

    /// The canonical query string for another page of the same results.
    pub fn query_string_for_page(&self, page: u32) -> String {
        let mut pairs = self.pairs();
        if page > 1 {
            pairs.push(("page", page.to_string()));
        }
        encode(pairs)
    }

    pub fn is_empty(&self) -> bool {
        self.pairs().is_empty()
    }

    pub fn has_day(&self, day: DayChoice) -> bool {
        self.days.contains(&day)
    }

    /// No day chosen: results run from now, meetings in progress first ("upcoming").
    pub fn is_upcoming(&self) -> bool {
        self.days.is_empty()
    }

    /// Do the results depend on the current minute (upcoming order, today, tonight)?
    pub fn depends_on_now(&self) -> bool {
        self.days.is_empty() || self.days.iter().any(|day| !matches!(day, DayChoice::Weekday(_)))
    }

    /// Links that widen a search: the same filter with one constraint removed, as (the link's
    /// words in `lang`, query).
    pub fn widenings(&self, lang: Lang) -> Vec<(&'static str, String)> {
        let mut options = Vec::new();
        let mut without = |label: &'static str, change: &dyn Fn(&mut MeetingFilter)| {
            let mut wider = self.clone();
            change(&mut wider);
            if wider.pairs() != self.pairs() {
                options.push((label, wider.query_string()));
            }
        };
        without(lang.t("finder-widen-day"), &|f| f.days.clear());
        without(lang.t("finder-widen-time"), &|f| f.time = None);
        without(lang.t("finder-widen-types"), &|f| f.types.clear());
        without(lang.t("finder-widen-groups"), &|f| f.groups.clear());
        without(lang.t("finder-widen-attendance"), &|f| f.attendance = None);
        without(lang.t("finder-widen-region"), &|f| f.region = None);
        without(lang.t("finder-widen-distance"), &|f| f.within = None);
        without(lang.t("finder-widen-seeker"), &|f| f.seeker = None);
        without(lang.t("finder-widen-words"), &|f| f.query = None);
        options
    }
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// Quotes user input in a notice without echoing a page of it back.
pub(crate) fn shorten(value: &str) -> String {
    let mut short: String = value.chars().take(40).collect();
    if value.chars().count() > 40 {
        short.push('…');
    }
    short
}

fn encode(pairs: Vec<(&'static str, String)>) -> String {
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    for (key, value) in pairs {
        serializer.append_pair(key, &value);
    }
    serializer.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(query: &str) -> MeetingFilter {
        let vocabulary = TypeVocabulary::embedded().expect("vocabulary");
        MeetingFilter::parse(query, &vocabulary, |slug| slug == "alcoholics-anonymous" || slug == "smart-recovery")
    }

    #[test]
    fn repeated_parameters_accumulate_and_the_query_string_is_canonical() {
        let filter = parse("day=2&type=o&type=W&day=4&group=smart-recovery&time=evening&day=2");
        assert_eq!(filter.types, ["O", "W"]);
        assert_eq!(filter.days.len(), 2);
        assert_eq!(filter.query_string(), "type=O&type=W&group=smart-recovery&day=2&day=4&time=evening");
        assert!(filter.notices.is_empty(), "{:?}", filter.notices);
    }

    #[test]
    fn bad_values_are_dropped_with_a_notice() {
        let filter = parse("day=9&time=foo&page=-1&type=%3Cscript%3E&group=nope&attendance=teleport");
        assert!(filter.days.is_empty() && filter.time.is_none() && filter.types.is_empty());
        assert!(filter.groups.is_empty() && filter.attendance.is_none());
        assert_eq!(filter.page, 1);
        assert_eq!(filter.notices.len(), 6, "{:?}", filter.notices);
    }

    #[test]
    fn a_long_search_is_cut_and_noticed() {
        let filter = parse(&format!("q={}", "a".repeat(5000)));
        assert_eq!(filter.query.as_deref().map(str::len), Some(MAX_QUERY_CHARS));
        assert_eq!(filter.notices.len(), 1);
    }

    #[test]
    fn garbled_percent_encoding_does_not_fail() {
        let filter = parse("q=%ZZ%E2%28&day=%&&&=&type");
        assert_eq!(filter.query.as_deref(), Some("%ZZ\u{fffd}("));
    }

    #[test]
    fn widenings_remove_one_constraint_at_a_time() {
        let filter = parse("type=O&day=1&time=night");
        let widenings = filter.widenings(Lang::DEFAULT);
        assert_eq!(widenings.len(), 3);
        assert!(widenings.iter().any(|(label, query)| *label == "Show any day" && query == "type=O&time=night"));
    }

    #[test]
    fn a_notice_is_a_value_told_in_the_pages_language() {
        let filter = parse("day=9&time=evening&time=night");
        let spanish = Lang::from_code("es").expect("the site speaks Spanish");
        assert_eq!(filter.notices, [Notice::NotADay("9".to_owned()), Notice::TimeKept(TimeOfDay::Evening)]);
        assert!(filter.notices[0].text(Lang::DEFAULT).starts_with("“9” is not a day"));
        assert!(filter.notices[0].text(spanish).starts_with("«9» no es un día"));
        assert_eq!(
            filter.notices[1].text(spanish),
            "Solo se puede elegir una hora del día; se mantuvo Tarde (de 17:00 a 21:00)."
        );
        let cut = parse(&format!("q={}", "a".repeat(500)));
        assert_eq!(cut.notices[0].text(spanish), "El texto de búsqueda se recortó a sus primeros 100 caracteres.");
        assert_ne!(
            filter.notices_key(),
            parse("day=8&time=evening&time=night").notices_key(),
            "a cache key tells them apart"
        );
    }
}
