//! The meeting finder (`/meetings`), one meeting (`/meetings/{slug}`) and its calendar file
//! (`/meetings/{slug}.ics`). Finder pages carry an ETag derived from the data's revision and the
//! request, so repeats are answered with 304 and proxies can cache them.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::content::Group;
use crate::error::AppError;
use crate::feed::ics;
use crate::finder::Listing;
use crate::meetings::filter::PAGE_SIZE;
use crate::meetings::{
    Attendance, DayChoice, DistanceUnit, Meeting, MeetingFilter, SeekerChoice, SortOrder, TimeOfDay, TypeVocabulary,
    Weekday,
};
use crate::state::AppState;
use crate::views::{Admission, ListingView, directions_link, map_link, updated_ago, when};

/// A quick choice above the results: a link that turns one filter on or off and keeps the rest.
struct Toggle {
    label: &'static str,
    href: String,
    on: bool,
}

/// Room made for a rendered finder page.
const FINDER_PAGE_BYTES: usize = 48 * 1024;

#[derive(Template)]
#[template(path = "meetings/index.html")]
struct FinderPage<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    filter: &'a MeetingFilter,
    /// The filter's query (all pages), for the print, calendar and feed links.
    query: String,
    total: u64,
    listings: Vec<ListingView>,
    page_count: u32,
    previous_page: Option<String>,
    next_page: Option<String>,
    groups: &'a [Group],
    regions: &'a [String],
    /// The places `near` knows (towns, regions, postal codes), offered as choices.
    places: &'a [String],
    /// (code, name) checkboxes: the common codes and any other the filter uses.
    type_choices: Vec<(String, String)>,
    sample_data: bool,
    /// The site's zone: a row names its zone only when it is another.
    site_zone: &'a str,
    /// The unit distances are asked and shown in.
    unit: DistanceUnit,
}

impl FinderPage<'_> {
    fn has_type(&self, code: &str) -> bool {
        self.filter.types.iter().any(|own| own == code)
    }

    fn has_group(&self, slug: &str) -> bool {
        self.filter.groups.iter().any(|own| own == slug)
    }

    fn region_is(&self, region: &str) -> bool {
        self.filter.region.as_deref() == Some(region)
    }

    /// (value, label, chosen) of the day menu: upcoming first, then today, tonight and each
    /// weekday. Several days can come in the address; the menu shows the first.
    fn day_choices(&self) -> Vec<(String, &'static str, bool)> {
        let first = self.filter.days.first().copied();
        let lang = self.lang;
        let mut choices = vec![
            (String::new(), lang.t("finder-day-upcoming"), first.is_none()),
            ("today".to_owned(), lang.t("finder-day-today"), first == Some(DayChoice::Today)),
            ("tonight".to_owned(), lang.t("finder-day-tonight"), first == Some(DayChoice::Tonight)),
        ];
        choices.extend(
            Weekday::all()
                .map(|day| (day.number().to_string(), day.label(lang), first == Some(DayChoice::Weekday(day)))),
        );
        choices
    }

    /// Days chosen beyond the first (several can come in the address): (value, name) of each,
    /// offered as ticked boxes the person can untick.
    fn other_days(&self) -> Vec<(String, &'static str)> {
        let lang = self.lang;
        let name = |day: &DayChoice| match day {
            DayChoice::Weekday(day) => day.label(lang),
            DayChoice::Today => lang.t("finder-day-today"),
            DayChoice::Tonight => lang.t("finder-day-tonight"),
        };
        self.filter.days.iter().skip(1).map(|day| (day.parameter(), name(day))).collect()
    }

    /// (parameter value, label, chosen) of each time of day; "" is any time.
    fn time_choices(&self) -> Vec<(&'static str, &'static str, bool)> {
        let mut choices = vec![("", self.lang.t("finder-time-any"), self.filter.time.is_none())];
        choices.extend(
            TimeOfDay::ALL.map(|band| (band.parameter(), band.label(self.lang), self.filter.time == Some(band))),
        );
        choices
    }

    /// (parameter value, label, chosen) of whom the meetings are for; "" is both.
    fn seeker_choices(&self) -> Vec<(&'static str, &'static str, bool)> {
        let seeker = self.filter.seeker;
        let lang = self.lang;
        vec![
            ("self", lang.t("finder-for-self"), seeker == Some(SeekerChoice::Self_)),
            ("family", lang.t("finder-for-family"), seeker == Some(SeekerChoice::Family)),
            ("", lang.t("finder-for-both"), seeker.is_none()),
        ]
    }

    /// (value, label, chosen) of the distance menu; "" is any distance.
    fn within_choices(&self) -> Vec<(String, String, bool)> {
        let unit = self.unit.abbreviation(self.lang);
        let mut distances = vec![1, 5, 10, 25, 50];
        if let Some(within) = self.filter.within.filter(|within| !distances.contains(within)) {
            distances.push(within);
            distances.sort_unstable();
        }
        let mut choices =
            vec![(String::new(), self.lang.t("finder-within-any").to_owned(), self.filter.within.is_none())];
        choices.extend(
            distances.into_iter().map(|n| (n.to_string(), format!("{n} {unit}"), self.filter.within == Some(n))),
        );
        choices
    }

    fn nearest_first(&self) -> bool {
        self.filter.sort == SortOrder::Distance
    }

    /// (parameter value, label, chosen) of each attendance radio button; "" is any way.
    fn attendance_choices(&self) -> Vec<(&'static str, &'static str, bool)> {
        let chosen = |kind| self.filter.attendance == kind;
        let lang = self.lang;
        vec![
            ("", lang.t("finder-attendance-any"), chosen(None)),
            ("in_person", lang.t("finder-attendance-in-person"), chosen(Some(Attendance::InPerson))),
            ("online", lang.t("finder-attendance-online"), chosen(Some(Attendance::Online))),
            ("hybrid", lang.t("finder-attendance-hybrid"), chosen(Some(Attendance::Hybrid))),
        ]
    }

    /// Is any filter under "More filters" set? Then it opens by itself.
    fn more_is_set(&self) -> bool {
        let filter = self.filter;
        !filter.types.is_empty()
            || !filter.groups.is_empty()
            || filter.attendance.is_some()
            || filter.region.is_some()
            || filter.include_inactive
    }

    /// The quick choices: each link turns its filter on or off and keeps every other filter.
    fn toggles(&self) -> Vec<Toggle> {
        let toggle = |label, on: bool, change: &dyn Fn(&mut MeetingFilter)| {
            let mut changed = self.filter.clone();
            change(&mut changed);
            let query = changed.query_string();
            let prefix = self.lang.prefix();
            let href = if query.is_empty() {
                format!("{prefix}/meetings#results")
            } else {
                format!("{prefix}/meetings?{query}#results")
            };
            Toggle { label, href, on }
        };
        let open = self.has_type("O");
        let online = self.filter.attendance == Some(Attendance::Online);
        let tonight = self.filter.has_day(DayChoice::Tonight);
        vec![
            toggle(self.lang.t("finder-toggle-open"), open, &|filter| {
                if open {
                    filter.types.retain(|code| code != "O");
                } else {
                    filter.types.retain(|code| code != "C");
                    filter.types.push("O".to_owned());
                }
            }),
            toggle(self.lang.t("finder-toggle-online"), online, &|filter| {
                filter.attendance = if online { None } else { Some(Attendance::Online) }
            }),
            toggle(self.lang.t("finder-toggle-tonight"), tonight, &|filter| {
                filter.days = if tonight { Vec::new() } else { vec![DayChoice::Tonight] };
            }),
        ]
    }

    fn last_page_query(&self) -> String {
        self.filter.query_string_for_page(self.page_count)
    }

    fn count_text(&self) -> String {
        self.lang.n("finder-count", self.total)
    }
}

pub async fn finder(
    state: web::Data<AppState>,
    locale: crate::i18n::Locale,
    request: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let filter = state.meeting_filter(request.query_string());
    let render = |revision| render_finder(state.clone(), locale.clone(), filter.clone(), revision);
    super::cached_response(&state, &request, &filter, "text/html; charset=utf-8", render).await
}

async fn render_finder(
    state: web::Data<AppState>,
    locale: crate::i18n::Locale,
    filter: MeetingFilter,
    revision: i64,
) -> Result<Vec<u8>, AppError> {
    let index = super::finder_index(&state, revision).await?;
    let offset = (filter.page.saturating_sub(1) as usize) * PAGE_SIZE as usize;
    let mut results = index.find(&filter, jiff::Timestamp::now(), Listing::PerMeeting, offset, PAGE_SIZE as usize);
    let regions = index.regions(500);
    let sample_data = index.shows_sample_data();
    let mut filter = filter;
    filter.notices.append(&mut results.notices);
    let page_count = u32::try_from(results.total.div_ceil(u64::from(PAGE_SIZE))).unwrap_or(u32::MAX).max(1);
    let mut type_choices: Vec<(String, String)> = TypeVocabulary::COMMON
        .iter()
        .map(|code| ((*code).to_owned(), state.vocabulary.label(code, locale.lang).to_owned()))
        .collect();
    for code in &filter.types {
        if !type_choices.iter().any(|(own, _)| own == code) {
            type_choices.push((code.clone(), state.vocabulary.label(code, locale.lang).to_owned()));
        }
    }
    let prefix = locale.lang.prefix();
    let link = |page: u32| format!("{prefix}/meetings?{}", filter.query_string_for_page(page));
    // The canonical query, not the request's: a cached page never carries another visitor's words.
    let here = match filter.query_string_for_page(filter.page) {
        query if query.is_empty() => "/meetings".to_owned(),
        query => format!("/meetings?{query}"),
    };
    let page = FinderPage {
        lang: locale.lang,
        here,
        filter: &filter,
        query: filter.query_string(),
        total: results.total,
        listings: results
            .listings
            .into_iter()
            .map(|listing| ListingView::new(listing, &state.content.groups, &state.vocabulary, locale.lang))
            .collect(),
        page_count,
        previous_page: (filter.page > 1).then(|| link(filter.page - 1)),
        next_page: (filter.page < page_count).then(|| link(filter.page + 1)),
        groups: &state.content.groups,
        places: index.place_names(),
        regions,
        type_choices,
        sample_data,
        site_zone: &state.settings.default_timezone,
        unit: state.settings.distance_unit,
    };
    // A finder page is some 30 KB: room for it at once, not grown (and copied) step by step.
    let mut body = String::with_capacity(FINDER_PAGE_BYTES);
    page.render_into(&mut body)?;
    // Kept in the response cache, whose budget counts the bytes: no room left over.
    body.shrink_to_fit();
    Ok(body.into_bytes())
}

#[derive(Template)]
#[template(path = "meetings/show.html")]
struct MeetingPage<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    meeting: &'a Meeting,
    group: Option<(String, String)>,
    /// Who may come: what the page says beside the meeting's kinds (open or closed, for women
    /// or men, by the group's kind).
    admission: Option<String>,
    schedule: Vec<String>,
    types: Vec<(String, Option<String>)>,
    address: Option<String>,
    attendance: Attendance,
    sample_data: bool,
    listing: ListingSource,
    /// Directions in the person's maps app (a plain link: nothing loads until it is tapped).
    directions: Option<String>,
    /// The place on OpenStreetMap, when the meeting has coordinates.
    map: Option<String>,
    /// "3 months ago", from `updated`.
    updated_ago: Option<String>,
}

impl MeetingPage<'_> {
    /// Names of the meeting's known type codes.
    fn type_names(&self) -> Vec<&str> {
        self.types.iter().filter_map(|(_, name)| name.as_deref()).collect()
    }

    /// The language of the meeting's own notes when it is not the page's: the meeting's language
    /// (from its type codes), or else the default language the feeds are written in.
    fn notes_lang(&self) -> Option<&'static str> {
        let spoken = self.meeting.language().unwrap_or(crate::i18n::Lang::DEFAULT.code());
        (spoken != self.lang.code()).then_some(spoken)
    }

    /// Codes our vocabulary does not know (a group's own), shown as they are.
    fn other_codes(&self) -> Vec<&str> {
        self.types.iter().filter(|(_, name)| name.is_none()).map(|(code, _)| code.as_str()).collect()
    }
}

/// Who publishes a meeting's listing and where to report a change, from the feed's `entity*` and
/// `feedback_*` fields (kept in `Meeting::extra`). Only web and e-mail links are made links.
struct ListingSource {
    /// `entity`, or the publisher's web address when the feed names no one.
    publisher: Option<String>,
    publisher_url: Option<String>,
    publisher_email: Option<String>,
    publisher_phone: Option<String>,
    /// The source's own form (`feedback_url`) and addresses (`feedback_emails`): (href, label).
    report_links: Vec<(String, String)>,
    /// The BMLT root server a meeting is kept on (`bmlt_root_server`), when it came from one.
    bmlt_server: Option<String>,
}

impl ListingSource {
    fn of(meeting: &Meeting, lang: crate::i18n::Lang) -> ListingSource {
        let text = |key: &str| {
            meeting.extra.get(key).and_then(|value| value.as_str()).map(str::trim).filter(|text| !text.is_empty())
        };
        let web = |url: &str| url.starts_with("https://") || url.starts_with("http://");
        let email = |address: &&str| {
            address.contains('@') && !address.contains(|c: char| c.is_whitespace() || "<>:/?#\"".contains(c))
        };
        let publisher_url = ["entity_url", "entity_website_url"].iter().find_map(|key| text(key).filter(|u| web(u)));
        let mut report_links = Vec::new();
        if let Some(url) = text("feedback_url").filter(|url| web(url)) {
            report_links.push((url.to_owned(), lang.t("meeting-report-listing").to_owned()));
        }
        let emails: Vec<&str> = match meeting.extra.get("feedback_emails") {
            Some(serde_json::Value::Array(items)) => items.iter().filter_map(|item| item.as_str()).collect(),
            Some(serde_json::Value::String(list)) => list.split([',', ';', ' ']).collect(),
            _ => Vec::new(),
        };
        for address in emails.into_iter().map(str::trim).filter(email) {
            report_links.push((format!("mailto:{address}"), lang.t1("meeting-report-by-email", "address", address)));
        }
        ListingSource {
            publisher: text("entity").or(publisher_url).map(str::to_owned),
            publisher_url: publisher_url.map(str::to_owned),
            publisher_email: text("entity_email").filter(email).map(str::to_owned),
            publisher_phone: text("entity_phone").map(str::to_owned),
            report_links,
            bmlt_server: text("bmlt_root_server").filter(|url| web(url)).map(str::to_owned),
        }
    }
}

impl MeetingPage<'_> {
    /// A `tel:` link that keeps the digits, pauses (`,`) and the closing `#` (escaped, or it would
    /// start a URL fragment).
    fn tel_link(&self, phone: &str) -> String {
        format!("tel:{}", phone.replace('#', "%23"))
    }
}

pub async fn show(
    state: web::Data<AppState>,
    locale: crate::i18n::Locale,
    slug: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let revision = super::current_revision(&state).await?;
    let shared = state.clone();
    let slug = slug.into_inner();
    let (meeting, sample_data) = super::blocking(&shared, move |state| {
        Ok((state.store.meeting(&slug)?, state.finder_at(revision)?.shows_sample_data()))
    })
    .await?;
    let meeting = meeting.ok_or(AppError::NotFound)?;
    let schedule = if meeting.is_by_appointment() {
        vec![locale.lang.t("schedule-by-appointment").to_owned()]
    } else {
        meeting
            .days
            .iter()
            .map(|day| when(Some(*day), meeting.time, meeting.end_time_or_default(), &meeting.timezone, locale.lang))
            .collect()
    };
    let page = MeetingPage {
        lang: locale.lang,
        here: locale.here.clone(),
        group: meeting
            .group_slug
            .as_deref()
            .and_then(|slug| state.content.group(slug))
            .map(|group| (group.slug.clone(), group.name.clone())),
        admission: Admission::of(
            &meeting.types,
            meeting.group_slug.as_deref().and_then(|slug| state.content.group(slug)),
        )
        .sentence(locale.lang),
        schedule,
        types: meeting
            .types
            .iter()
            .map(|code| (code.clone(), state.vocabulary.name_in(code, locale.lang).map(str::to_owned)))
            .collect(),
        directions: venue_directions(&meeting),
        map: meeting
            .latitude
            .zip(meeting.longitude)
            .filter(|_| meeting.has_venue() && meeting.attendance() != Attendance::Online)
            .map(map_link),
        updated_ago: meeting
            .updated
            .as_deref()
            .and_then(|updated| updated_ago(updated, jiff::Timestamp::now(), locale.lang)),
        address: meeting.address(),
        attendance: meeting.attendance(),
        listing: ListingSource::of(&meeting, locale.lang),
        meeting: &meeting,
        sample_data,
    };
    super::html(&page)
}

/// Directions to a meeting's venue: none for a meeting with no place to go to (online only, or an
/// address that is only a town).
fn venue_directions(meeting: &Meeting) -> Option<String> {
    if !meeting.has_venue() || meeting.attendance() == Attendance::Online {
        return None;
    }
    directions_link(meeting.address().as_deref(), meeting.latitude.zip(meeting.longitude))
}

/// `/meetings/{slug}.ics`: the meeting as a weekly event in its own time zone.
pub async fn calendar(
    state: web::Data<AppState>,
    lang: crate::i18n::Lang,
    slug: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let store = state.store.clone();
    let slug = slug.into_inner();
    let meeting = web::block(move || store.meeting(&slug)).await??.ok_or(AppError::NotFound)?;
    if meeting.is_by_appointment() {
        return Err(AppError::BadRequest(lang.t("meeting-no-calendar").to_owned()));
    }
    let body = ics::calendar(std::slice::from_ref(&meeting), jiff::Timestamp::now(), &meeting.name);
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}.ics\"", meeting.slug)))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(body))
}
