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
    let meeting_count = super::current_finder(&state).await?.group_meeting_count(&group.slug);
    sheet(&GroupHandout {
        lang: locale.lang,
        here: locale.here.clone(),
        group,
        meeting_count,
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
    let results = super::current_finder(&state).await?.find(
        &filter,
        jiff::Timestamp::now(),
        Listing::PerOccurrence,
        0,
        SCHEDULE_LIMIT,
    );
    let mut legend = BTreeMap::new();
    let mut days: Vec<ScheduleDay> = Vec::new();
    let shown = results.listings.len();
    for listing in results.listings {
        for code in &listing.types {
            legend
                .entry(code.clone())
                .or_insert_with(|| state.vocabulary.name_in(code, locale.lang).map(str::to_owned));
        }
        let heading = listing
            .day
            .map_or_else(|| locale.lang.t("schedule-by-appointment"), |day| day.label(locale.lang))
            .to_owned();
        let row = ScheduleRow::new(listing, &state.content.groups, &state.settings.default_timezone, locale.lang);
        match days.last_mut() {
            Some(day) if day.heading == heading => day.rows.push(row),
            _ => days.push(ScheduleDay { heading, rows: vec![row] }),
        }
    }
    sheet(&ScheduleHandout {
        lang: locale.lang,
        here: locale.here.clone(),
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
    meetings: Vec<ListingView>,
    finder_link: String,
}

#[derive(Template)]
#[template(path = "handouts/referral.html")]
struct ReferralHandout<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    choices: Vec<ReferralChoice<'a>>,
    /// The place the meetings are near (`near=`, as the finder resolved it), nearest first.
    near: Option<String>,
    site: String,
    printed: String,
}

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
    let mut choices = Vec::new();
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
        let results =
            super::current_finder(&state).await?.find(&narrowed, jiff::Timestamp::now(), listing, 0, REFERRAL_SEARCH);
        if let Some(notice) = results.notices.first() {
            return Err(AppError::BadRequest(notice.text(locale.lang)));
        }
        if let Some(place) = results.place {
            near = Some(place.name);
        }
        choices.push(ReferralChoice {
            group,
            meetings: results
                .listings
                .into_iter()
                .map(|listing| ListingView::new(listing, &state.content.groups, &state.vocabulary, locale.lang))
                .filter(|view| referral_may_list(&view.admission, group, &answers, &filter))
                .take(per_group)
                .collect(),
            finder_link: locale.lang.path(&format!("/meetings?{}", narrowed.query_string())),
        });
    }
    sheet(&ReferralHandout {
        lang: locale.lang,
        here: locale.here.clone(),
        choices,
        near,
        site: site_address(&request),
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
