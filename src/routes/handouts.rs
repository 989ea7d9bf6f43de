//! Printable handouts: a one-page sheet per group, a meeting schedule for any finder search, and
//! a referral sheet with more than one choice. Each prints on its own; the Print button only calls
//! the browser's print.

use std::collections::BTreeMap;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::html;
use crate::content::{Approach, Group};
use crate::error::AppError;
use crate::finder::Listing;
use crate::i18n::Lang;
use crate::matcher::{Answers, WomenOnly};
use crate::meetings::{Attendance, MeetingFilter, MeetingListing, SortOrder};
use crate::state::AppState;
use crate::views::{Admission, Gender, ListingView};

/// The most meetings a printed schedule lists; a wider search is asked to narrow down.
pub const SCHEDULE_LIMIT: usize = 300;
/// Open meetings listed under each group on a referral sheet: fewer when there are many groups,
/// so that the sheet stays on one page.
fn referral_meetings(groups: usize) -> usize {
    if groups > 3 { 2 } else { 3 }
}

/// "http://host:port", for printing full addresses on paper (forwarded headers are believed only
/// from a trusted proxy).
fn site_address(request: &HttpRequest) -> String {
    super::in_deployment(request, |deployment| deployment.site_address(request))
}

/// Today's date in the site's zone.
pub fn today_date(state: &AppState) -> jiff::civil::Date {
    let zone = jiff::tz::TimeZone::get(&state.settings.default_timezone).unwrap_or(jiff::tz::TimeZone::UTC);
    jiff::Timestamp::now().to_zoned_datetime(zone).date()
}

/// Today's date in words in `lang` ("November 29, 2026"), for a handout's "Printed …".
fn printed_on(state: &AppState, lang: Lang) -> String {
    lang.date_in_words(today_date(state))
}

/// A handout page: it prints the address the browser used, so it is not stored by shared caches.
fn sheet(page: &impl Template) -> Result<HttpResponse, AppError> {
    let mut response = html(page)?;
    response.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("private, max-age=300"));
    Ok(response)
}

#[derive(Template)]
#[template(path = "handouts/index.html")]
struct HandoutsPage<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    groups: &'a [Group],
}

pub async fn index(state: web::Data<AppState>, locale: crate::i18n::Locale) -> Result<HttpResponse, AppError> {
    html(&HandoutsPage {
        lang: locale.lang,
        here: locale.here.clone(),
        groups: &state.content.in_lang(locale.lang).groups,
    })
}

#[derive(Template)]
#[template(path = "handouts/group.html")]
struct GroupHandout<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    group: &'a Group,
    meeting_count: u64,
    /// The directory holds only sample meetings: the sheet says so instead of counting them.
    sample_data: bool,
    site: String,
    printed: String,
}

pub async fn group(
    state: web::Data<AppState>,
    locale: crate::i18n::Locale,
    request: HttpRequest,
    slug: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let group = state.content.in_lang(locale.lang).group(&slug).ok_or(AppError::NotFound)?;
    let finder = super::current_finder(&state).await?;
    sheet(&GroupHandout {
        lang: locale.lang,
        here: locale.here.clone(),
        group,
        meeting_count: finder.group_meeting_count(&group.slug),
        sample_data: finder.shows_sample_data(),
        site: site_address(&request),
        printed: printed_on(&state, locale.lang),
    })
}

/// One line of a printed schedule: time, meeting, group, where, kind.
struct ScheduleRow {
    /// "7:00 am" ("19:00" in Spanish), with the zone when it is not the site's.
    time: String,
    name: String,
    lang: Option<&'static str>,
    /// The group's short name where it has one.
    group: Option<String>,
    /// Venue and street address, for in-person meetings.
    place: Option<String>,
    /// The host of the online meeting's link (the full link is on the meeting's page).
    online: Option<String>,
    phone: Option<String>,
    codes: Vec<String>,
}

/// One day of a printed schedule: its own table, whose header repeats on a new page.
struct ScheduleDay {
    heading: String,
    rows: Vec<ScheduleRow>,
}

/// The host of a link ("https://zoom.us/j/123?pwd=x" → "zoom.us"); the link itself when it has none.
pub fn link_host(link: &str) -> String {
    url::Url::parse(link)
        .ok()
        .and_then(|parsed| parsed.host_str().map(|host| host.trim_start_matches("www.").to_owned()))
        .unwrap_or_else(|| link.to_owned())
}

/// What a schedule lists, as its title says it: "Open in-person meetings, Huntington Beach",
/// "Meetings of AA, Monday, near 92648". Every filter the schedule was made with is named.
fn schedule_title(
    filter: &MeetingFilter,
    place: Option<&str>,
    groups: &[Group],
    vocabulary: &crate::meetings::TypeVocabulary,
    lang: Lang,
) -> String {
    let has = |code: &str| filter.types.iter().any(|own| own.eq_ignore_ascii_case(code));
    let kind = match (has("O"), has("C")) {
        (true, false) => lang.t("schedule-title-open"),
        (false, true) => lang.t("schedule-title-closed"),
        _ => "",
    };
    let attendance = match filter.attendance {
        Some(Attendance::InPerson) => lang.t("schedule-title-in-person"),
        Some(Attendance::Online) => lang.t("schedule-title-online"),
        Some(Attendance::Hybrid) => lang.t("schedule-title-hybrid"),
        _ => "",
    };
    let what = lang.t2("schedule-title-what", "kind", kind, "attendance", attendance);
    let mut title: String = what.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(first) = title.chars().next() {
        title = first.to_uppercase().chain(title.chars().skip(1)).collect();
    }
    let others: Vec<&str> = filter
        .types
        .iter()
        .filter(|code| !["O", "C"].contains(&code.to_ascii_uppercase().as_str()))
        .map(|code| vocabulary.name_in(code, lang).unwrap_or(code))
        .collect();
    if !others.is_empty() {
        title.push_str(&format!(" ({})", others.join(", ")));
    }
    let names: Vec<&str> = filter
        .groups
        .iter()
        .filter_map(|slug| groups.iter().find(|group| group.slug == *slug))
        .map(|group| group.short_name.as_deref().unwrap_or(&group.name))
        .collect();
    if !names.is_empty() {
        title.push(' ');
        title.push_str(&lang.t1("schedule-title-of", "groups", names.join(", ")));
    }
    if filter.seeker == Some(crate::meetings::SeekerChoice::Family) {
        title.push(' ');
        title.push_str(lang.t("schedule-title-for-family"));
    }
    let mut after: Vec<String> = Vec::new();
    let days: Vec<&str> = filter
        .days
        .iter()
        .map(|day| match day {
            crate::meetings::DayChoice::Weekday(day) => day.label(lang),
            crate::meetings::DayChoice::Today => lang.t("finder-day-today"),
            crate::meetings::DayChoice::Tonight => lang.t("finder-day-tonight"),
        })
        .collect();
    if !days.is_empty() {
        after.push(days.join(", "));
    }
    if let Some(band) = filter.time {
        after.push(band.label(lang).to_owned());
    }
    if let Some(region) = &filter.region {
        after.push(region.clone());
    }
    if let Some(place) = place.or(filter.near.as_deref()) {
        after.push(lang.t1("schedule-title-near", "place", place));
    }
    if let Some(words) = &filter.query {
        after.push(lang.t1("schedule-title-matching", "words", words.as_str()));
    }
    for part in after {
        title.push_str(", ");
        title.push_str(&part);
    }
    title
}

/// The zone most of a sheet's meetings with a time are in (said once, in its header); the
/// site's zone when it lists none.
fn most_common_zone<'a>(starts: impl Iterator<Item = &'a Start>, site_zone: &str) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for start in starts.filter(|start| start.time.is_some()) {
        *counts.entry(start.zone.as_str()).or_default() += 1;
    }
    counts.into_iter().max_by_key(|(_, count)| *count).map_or(site_zone, |(zone, _)| zone).to_owned()
}

impl ScheduleRow {
    fn new(listing: MeetingListing, groups: &[Group], site_zone: &str, lang: Lang) -> ScheduleRow {
        // The start only, to keep each line short; the end time is on the meeting's page.
        let mut time = listing
            .time
            .map_or_else(|| lang.t("schedule-by-appointment").to_owned(), |start| start.clock(lang).to_owned());
        if listing.timezone != site_zone {
            time.push_str(&format!(" ({})", crate::views::zone_label(&listing.timezone, lang)));
        }
        let group = groups
            .iter()
            .find(|group| Some(group.slug.as_str()) == listing.group_slug.as_deref())
            .map(|group| group.short_name.clone().unwrap_or_else(|| group.name.clone()));
        let place = match (listing.attendance, listing.location, listing.address) {
            (Attendance::Online, _, _) => None,
            (_, Some(venue), Some(address)) if !listing.approximate && address != venue => {
                Some(format!("{venue}, {address}"))
            }
            (_, Some(venue), _) => Some(venue),
            (_, None, address) => address,
        };
        // A schedule is read locally: the country at the end of a US address is left out.
        let place = place.map(|place| match place.strip_suffix(", USA") {
            Some(local) => local.to_owned(),
            None => place,
        });
        ScheduleRow {
            time,
            lang: crate::meetings::language_of(&listing.types),
            name: listing.name,
            group,
            place,
            online: listing.conference_url.as_deref().map(link_host),
            phone: listing.conference_phone,
            codes: listing.types,
        }
    }
}

#[derive(Template)]
#[template(path = "handouts/meetings.html")]
struct ScheduleHandout {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    /// What it lists ("Open in-person meetings, Huntington Beach").
    title: String,
    /// The zone its times are in ("Los Angeles time"), said once; a row in another says its own.
    zone: String,
    /// Columns that would say the same on every row are left out.
    show_group: bool,
    show_kind: bool,
    /// The title names the group (`group=`) and these type codes (`type=`).
    title_names_group: bool,
    title_types: Vec<String>,
    /// The site holds only the sample meetings: the sheet says so.
    sample_data: bool,
    days: Vec<ScheduleDay>,
    total: u64,
    shown: usize,
    /// (code, name in the page's language) of every type code the schedule uses; the name is `None`
    /// for a group's own code.
    legend: Vec<(String, Option<String>)>,
    finder_query: String,
    notices: Vec<String>,
    site: String,
    printed: String,
}

impl ScheduleHandout {
    /// How many columns the tables have.
    fn columns(&self) -> usize {
        3 + usize::from(self.show_group) + usize::from(self.show_kind)
    }

    /// What every row says in a column left out, where the title does not say it already
    /// ("WFS; Open, Women"); `None` when nothing is left to say.
    fn every_row(&self) -> Option<String> {
        let row = self.days.first().and_then(|day| day.rows.first())?;
        let mut said = Vec::new();
        if let Some(group) = row.group.as_ref().filter(|_| !self.show_group && !self.title_names_group) {
            said.push(group.clone());
        }
        let unsaid: Vec<&String> = row.codes.iter().filter(|code| !self.title_types.contains(code)).collect();
        if !self.show_kind && !unsaid.is_empty() {
            let name =
                |code: &String| self.legend.iter().find(|(known, _)| known == code).and_then(|(_, name)| name.clone());
            said.push(
                row.codes.iter().map(|code| name(code).unwrap_or_else(|| code.clone())).collect::<Vec<_>>().join(", "),
            );
        }
        (!said.is_empty()).then(|| said.join("; "))
    }

    /// The finder's address for this search, in the page's language, as printed on the sheet.
    fn finder_address(&self) -> String {
        match self.finder_query.as_str() {
            "" => format!("{}{}", self.site, self.lang.path("/meetings")),
            query => format!("{}{}", self.site, self.lang.path(&format!("/meetings?{query}"))),
        }
    }
}

pub async fn meetings(
    state: web::Data<AppState>,
    locale: crate::i18n::Locale,
    request: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let filter = state.meeting_filter(request.query_string());
    let finder = super::current_finder(&state).await?;
    let results = finder.find(&filter, jiff::Timestamp::now(), Listing::PerOccurrence, 0, SCHEDULE_LIMIT);
    let title = schedule_title(
        &filter,
        results.place.as_ref().map(|place| place.name.as_str()),
        &state.content.in_lang(locale.lang).groups,
        &state.vocabulary,
        locale.lang,
    );
    let starts: Vec<Start> = results
        .listings
        .iter()
        .map(|listing| Start { day: listing.day, time: listing.time, zone: listing.timezone.clone() })
        .collect();
    let zone = most_common_zone(starts.iter(), &state.settings.default_timezone);
    let mut legend = BTreeMap::new();
    let mut days: Vec<ScheduleDay> = Vec::new();
    let shown = results.listings.len();
    for mut listing in results.listings {
        // A kind the title names (`type=O`: "Open meetings") is not said again on every row.
        listing.types.retain(|code| !filter.types.iter().any(|asked| asked.eq_ignore_ascii_case(code)));
        for code in &listing.types {
            legend
                .entry(code.clone())
                .or_insert_with(|| state.vocabulary.name_in(code, locale.lang).map(str::to_owned));
        }
        let heading = listing
            .day
            .map_or_else(|| locale.lang.t("schedule-by-appointment"), |day| day.label(locale.lang))
            .to_owned();
        let row = ScheduleRow::new(listing, &state.content.groups, &zone, locale.lang);
        match days.last_mut() {
            Some(day) if day.heading == heading => day.rows.push(row),
            _ => days.push(ScheduleDay { heading, rows: vec![row] }),
        }
    }
    let rows = || days.iter().flat_map(|day| day.rows.iter());
    let same_on_every_row = |value: &dyn Fn(&ScheduleRow) -> String| {
        let mut values = rows().map(value);
        values.next().is_some_and(|first| shown > 1 && values.all(|other| other == first))
    };
    let show_group = !same_on_every_row(&|row| row.group.clone().unwrap_or_default());
    let show_kind = !same_on_every_row(&|row| row.codes.join(" "));
    sheet(&ScheduleHandout {
        lang: locale.lang,
        here: locale.here.clone(),
        title,
        zone: crate::views::zone_label(&zone, locale.lang),
        show_group,
        show_kind,
        title_names_group: !filter.groups.is_empty(),
        title_types: filter.types.clone(),
        sample_data: finder.shows_sample_data(),
        days,
        total: results.total,
        shown,
        legend: legend.into_iter().collect(),
        finder_query: filter.query_string(),
        notices: filter.notices.iter().map(|notice| notice.text(locale.lang)).collect(),
        site: site_address(&request),
        printed: printed_on(&state, locale.lang),
    })
}

/// How many meetings a referral sheet reads per group, at most, to find the few it lists when it
/// leaves out meetings for women or for men.
const REFERRAL_SEARCH: usize = 100;

/// May a referral sheet list a meeting only for women or only for men? Not unless it was asked
/// for them: the matcher's `women_only=accept|want` or a group solely for women lists women's
/// meetings; `type=W` (or `M`) asks for those alone. A sheet handed to a man must not send him to
/// a women's meeting.
fn referral_may_list(admission: &Admission, group: &Group, answers: &Answers, filter: &MeetingFilter) -> bool {
    let asked = |code: &str| filter.types.iter().any(|own| own.eq_ignore_ascii_case(code));
    match admission.gender {
        None => true,
        Some(Gender::Women) => group.women_only || answers.women_only != WomenOnly::No || asked("W"),
        Some(Gender::Men) => asked("M"),
    }
}

/// One chosen group on a referral sheet, with a few of its open meetings.
struct ReferralChoice<'a> {
    group: &'a Group,
    /// By day, then time: when it starts ("Monday, 7:00 pm") and the meeting.
    meetings: Vec<(String, ListingView)>,
    /// The group's short printed address, without its scheme ("example.org/g/aa").
    short_address: String,
}

#[derive(Template)]
#[template(path = "handouts/referral.html")]
struct ReferralHandout<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    choices: Vec<ReferralChoice<'a>>,
    /// A QR code (inline SVG) of the live listing this sheet draws from (its groups, place and kind).
    qr_code: Option<String>,
    /// The place the meetings are near (`near=`, as the finder resolved it), nearest first.
    near: Option<String>,
    /// The place as asked (`near=`), for the sheet's own form.
    near_asked: String,
    /// The sheet's other parameters (groups, attendance, women_only), kept by its form.
    kept: Vec<(String, String)>,
    clinic: &'a crate::state::Clinic,
    /// The site holds only the sample meetings: the sheet says so.
    sample_data: bool,
    /// The zone the sheet's times are in ("Los Angeles time"), said once; a meeting in another
    /// says its own.
    zone: String,
    printed: String,
}

/// When a meeting starts, for a line of a printed sheet.
struct Start {
    day: Option<crate::meetings::Weekday>,
    time: Option<crate::meetings::MeetingTime>,
    zone: String,
}

impl Start {
    /// "Monday, 7:00 pm" (the end is on the meeting's page), with the meeting's zone when it is not
    /// `sheet_zone`, the one the sheet says once; "By appointment" without a time.
    fn words(&self, sheet_zone: &str, lang: Lang) -> String {
        let (Some(day), Some(time)) = (self.day, self.time) else {
            return lang.t("schedule-by-appointment").to_owned();
        };
        let when = lang.t2("referral-when", "day", day.label(lang), "time", time.clock(lang));
        if self.zone == sheet_zone {
            when
        } else {
            lang.t2("schedule-zone", "when", when.as_str(), "zone", crate::views::zone_label(&self.zone, lang))
        }
    }
}

/// The site's address without its scheme ("example.org", "127.0.0.1:8080"), as printed on paper.
fn printed_host(site: &str) -> &str {
    site.split_once("://").map_or(site, |(_, host)| host)
}

/// `text` drawn as a QR code in inline SVG (no request to anyone); hidden from screen readers,
/// since the printed short address beside it says the same.
fn qr_code(text: &str) -> Option<String> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    let svg = code.render::<qrcode::render::svg::Color>().module_dimensions(1, 1).quiet_zone(true).build();
    let start = svg.find("<svg")?;
    Some(svg[start..].replacen("<svg", r#"<svg class="qr-code" aria-hidden="true" focusable="false""#, 1))
}

/// The finder parameters a short address carries along (`/g/aa?near=92648`).
const SHORT_ADDRESS_KEPT: [&str; 3] = ["near", "within", "attendance"];

/// The part of `query` a short address carries along, re-encoded; `None` when there is none.
fn short_address_query(query: &str) -> Option<String> {
    let kept: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .filter(|(key, value)| SHORT_ADDRESS_KEPT.contains(&key.as_ref()) && !value.trim().is_empty())
        .map(|(key, value)| (key.into_owned(), value.into_owned()))
        .collect();
    (!kept.is_empty()).then(|| form_urlencoded::Serializer::new(String::new()).extend_pairs(kept).finish())
}

/// `/g/{code}`, the short address a handout prints (`/g/aa`): the group's open meetings in the
/// finder, in the path's language, with the place and kind of meeting it carries (`?near=…`);
/// `/g/aa+smart-recovery` the open meetings of both.
pub async fn short_address(
    state: web::Data<AppState>,
    locale: crate::i18n::Locale,
    request: HttpRequest,
    code: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let mut target = String::from("/meetings?");
    for code in code.split('+') {
        let group = state.content.groups.iter().find(|group| group.short_code() == code).ok_or(AppError::NotFound)?;
        target.push_str(&format!("group={}&", group.slug));
    }
    target.push_str("type=O");
    if let Some(query) = short_address_query(request.query_string()) {
        target.push('&');
        target.push_str(&query);
    }
    let target = locale.lang.path(&target);
    Ok(HttpResponse::Found()
        .insert_header((header::LOCATION, target))
        .insert_header((header::CACHE_CONTROL, crate::cache::PUBLIC_CACHE))
        .finish())
}

/// The parameters a referral sheet keeps when its own form asks for another place.
const REFERRAL_KEPT: [&str; 4] = ["group", "attendance", "women_only", "type"];

pub async fn referral(
    state: web::Data<AppState>,
    locale: crate::i18n::Locale,
    request: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let filter = state.meeting_filter(request.query_string());
    if let Some(notice) = filter.notices.first() {
        return Err(AppError::BadRequest(notice.text(locale.lang)));
    }
    if filter.groups.len() < 2 {
        return Err(AppError::BadRequest(locale.lang.t("referral-too-few").to_owned()));
    }
    let answers = Answers::parse(request.query_string(), locale.lang).map_err(AppError::BadRequest)?;
    let site = site_address(&request);
    let finder = super::current_finder(&state).await?;
    let mut listed = Vec::new();
    let mut near = None;
    let per_group = referral_meetings(filter.groups.len());
    for slug in &filter.groups {
        let Some(group) = state.content.in_lang(locale.lang).group(slug) else { continue };
        let mut narrowed = MeetingFilter { groups: vec![slug.clone()], page: 1, ..filter.clone() };
        if !narrowed.types.iter().any(|code| code == "O") {
            narrowed.types.push("O".to_owned());
        }
        // Near a place: its nearest open meetings; otherwise the week's first.
        let listing = if narrowed.near.is_some() {
            narrowed.sort = SortOrder::Distance;
            Listing::PerMeeting
        } else {
            Listing::PerOccurrence
        };
        let results = finder.find(&narrowed, jiff::Timestamp::now(), listing, 0, REFERRAL_SEARCH);
        if let Some(notice) = results.notices.first() {
            return Err(AppError::BadRequest(notice.text(locale.lang)));
        }
        if let Some(place) = results.place {
            near = Some(place.name);
        }
        let mut meetings: Vec<_> = results
            .listings
            .into_iter()
            .map(|listing| {
                let start = Start { day: listing.day, time: listing.time, zone: listing.timezone.clone() };
                (start, ListingView::new(listing, &state.content.groups, &state.vocabulary, locale.lang))
            })
            .filter(|(_, view)| referral_may_list(&view.admission, group, &answers, &filter))
            .take(per_group)
            .collect();
        meetings.sort_by_key(|(start, _)| (start.day.is_none(), start.day, start.time));
        listed.push((group, meetings));
    }
    let zone = most_common_zone(
        listed.iter().flat_map(|(_, meetings)| meetings.iter().map(|(start, _)| start)),
        &state.settings.default_timezone,
    );
    let choices: Vec<ReferralChoice> = listed
        .into_iter()
        .map(|(group, meetings)| ReferralChoice {
            group,
            meetings: meetings.into_iter().map(|(start, view)| (start.words(&zone, locale.lang), view)).collect(),
            short_address: format!(
                "{}{}",
                printed_host(&site),
                locale.lang.path(&format!("/g/{}", group.short_code()))
            ),
        })
        .collect();
    // The live listing of every group on the sheet, short (a shorter address draws a larger
    // code): `/g/aa+smart-recovery?near=…`.
    let codes: Vec<String> = choices.iter().map(|choice| choice.group.short_code()).collect();
    let mut live = format!("{site}{}", locale.lang.path(&format!("/g/{}", codes.join("+"))));
    if let Some(query) = short_address_query(request.query_string()) {
        live.push('?');
        live.push_str(&query);
    }
    let kept = form_urlencoded::parse(request.query_string().as_bytes())
        .filter(|(key, value)| REFERRAL_KEPT.contains(&key.as_ref()) && !value.is_empty())
        .map(|(key, value)| (key.into_owned(), value.into_owned()))
        .collect();
    sheet(&ReferralHandout {
        lang: locale.lang,
        here: locale.here.clone(),
        choices,
        qr_code: qr_code(&live),
        near,
        near_asked: filter.near.clone().unwrap_or_default(),
        kept,
        clinic: &state.settings.clinic,
        sample_data: finder.shows_sample_data(),
        zone: crate::views::zone_label(&zone, locale.lang),
        printed: printed_on(&state, locale.lang),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_printed_date_is_written_in_words_in_the_pages_language() {
        let date = jiff::civil::date(2026, 11, 29);
        assert_eq!(Lang::DEFAULT.date_in_words(date), "November 29, 2026");
        let spanish = Lang::from_code("es").expect("the site speaks Spanish");
        assert_eq!(spanish.date_in_words(date), "29 de noviembre de 2026");
        assert_eq!(spanish.date_in_words(jiff::civil::date(2027, 1, 3)), "3 de enero de 2027");
    }
}
