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
    Attendance, DayChoice, Meeting, MeetingFilter, MeetingListing, MeetingTime, TimeOfDay, TypeVocabulary, Weekday,
};
use crate::state::AppState;

/// How a meeting's schedule reads: "Monday, 7:00 pm to 8:00 pm (Chicago time)".
pub fn when(day: Option<Weekday>, time: Option<MeetingTime>, end: Option<MeetingTime>, zone: &str) -> String {
    let (Some(day), Some(time)) = (day, time) else { return "By appointment".to_owned() };
    let mut text = format!("{}, {}", day.name(), time.twelve_hour());
    if let Some(end) = end {
        text.push_str(&format!(" to {}", end.twelve_hour()));
    }
    text.push_str(&format!(" ({})", zone_label(zone)));
    text
}

/// "America/New_York" → "New York time".
pub fn zone_label(zone: &str) -> String {
    format!("{} time", zone.rsplit('/').next().unwrap_or(zone).replace('_', " "))
}

/// A finder result, ready to show.
pub struct ListingView {
    pub slug: String,
    pub name: String,
    pub group: Option<(String, String)>,
    pub when: String,
    /// The venue; `None` for online meetings (the attendance says so).
    pub place: Option<String>,
    pub attendance: Attendance,
    /// Type names, for the screen.
    pub types: Vec<String>,
    /// Type codes, for compact print with a legend.
    pub codes: Vec<String>,
    /// The meeting's language when not English, for `lang=` on its name.
    pub lang: Option<&'static str>,
    /// The street address, when there is a venue to go to.
    pub address: Option<String>,
    pub conference_url: Option<String>,
    pub conference_phone: Option<String>,
}

impl ListingView {
    pub fn new(listing: MeetingListing, groups: &[Group], vocabulary: &TypeVocabulary) -> ListingView {
        let place = match (listing.attendance, &listing.location, &listing.address) {
            (Attendance::Online, _, _) => None,
            (_, Some(venue), _) => Some(venue.clone()),
            (_, None, Some(address)) if !listing.approximate => Some(address.clone()),
            _ => Some("Place given on request".to_owned()),
        };
        ListingView {
            when: when(listing.day, listing.time, listing.end_time, &listing.timezone),
            group: group_link(listing.group_slug.as_deref(), groups),
            types: listing.types.iter().map(|code| vocabulary.label(code).to_owned()).collect(),
            address: listing.address.filter(|_| !listing.approximate && listing.attendance != Attendance::Online),
            lang: crate::meetings::language_of(&listing.types),
            codes: listing.types,
            conference_url: listing.conference_url,
            conference_phone: listing.conference_phone,
            slug: listing.slug,
            name: listing.name,
            place,
            attendance: listing.attendance,
        }
    }
}

fn group_link(slug: Option<&str>, groups: &[Group]) -> Option<(String, String)> {
    let group = groups.iter().find(|group| Some(group.slug.as_str()) == slug)?;
    Some((group.slug.clone(), group.name.clone()))
}

#[derive(Template)]
#[template(path = "meetings/index.html")]
struct FinderPage<'a> {
    filter: &'a MeetingFilter,
    total: u64,
    listings: Vec<ListingView>,
    page_count: u32,
    previous_page: Option<String>,
    next_page: Option<String>,
    groups: &'a [Group],
    regions: &'a [String],
    /// (code, name) checkboxes: the common codes and any other the filter uses.
    type_choices: Vec<(String, String)>,
    sample_data: bool,
}

impl FinderPage<'_> {
    fn has_type(&self, code: &str) -> bool {
        self.filter.types.iter().any(|own| own == code)
    }

    fn has_group(&self, slug: &str) -> bool {
        self.filter.groups.iter().any(|own| own == slug)
    }

    fn has_weekday(&self, day: &Weekday) -> bool {
        self.filter.has_day(DayChoice::Weekday(*day))
    }

    fn has_today(&self) -> bool {
        self.filter.has_day(DayChoice::Today)
    }

    fn region_is(&self, region: &str) -> bool {
        self.filter.region.as_deref() == Some(region)
    }

    fn weekdays(&self) -> Vec<Weekday> {
        Weekday::all().collect()
    }

    /// (parameter value, label, chosen) of each time-of-day radio button; "" is any time.
    fn time_choices(&self) -> Vec<(&'static str, &'static str, bool)> {
        let mut choices = vec![("", "Any time", self.filter.time.is_none())];
        choices.extend(TimeOfDay::ALL.map(|band| (band.parameter(), band.label(), self.filter.time == Some(band))));
        choices
    }

    /// (parameter value, label, chosen) of each attendance radio button; "" is any way.
    fn attendance_choices(&self) -> Vec<(&'static str, &'static str, bool)> {
        let chosen = |kind| self.filter.attendance == kind;
        vec![
            ("", "Any way", chosen(None)),
            ("in_person", "In person (includes hybrid)", chosen(Some(Attendance::InPerson))),
            ("online", "Online or by phone (includes hybrid)", chosen(Some(Attendance::Online))),
            ("hybrid", "Hybrid only", chosen(Some(Attendance::Hybrid))),
        ]
    }

    fn last_page_query(&self) -> String {
        self.filter.query_string_for_page(self.page_count)
    }

    fn count_text(&self) -> String {
        match self.total {
            0 => "No meetings found".to_owned(),
            1 => "1 meeting".to_owned(),
            total => format!("{total} meetings"),
        }
    }
}

pub async fn finder(state: web::Data<AppState>, request: HttpRequest) -> Result<HttpResponse, AppError> {
    let filter = state.meeting_filter(request.query_string());
    let render = |revision| render_finder(state.clone(), filter.clone(), revision);
    super::cached_response(&state, &request, &filter, "text/html; charset=utf-8", render).await
}

async fn render_finder(state: web::Data<AppState>, filter: MeetingFilter, revision: i64) -> Result<Vec<u8>, AppError> {
    let index = super::blocking(&state, move |state| state.finder_at(revision)).await?;
    let offset = (filter.page.saturating_sub(1) as usize) * PAGE_SIZE as usize;
    let mut results = index.find(&filter, jiff::Timestamp::now(), Listing::PerMeeting, offset, PAGE_SIZE as usize);
    let regions = index.regions(500);
    let sample_data = index.shows_sample_data();
    let mut filter = filter;
    filter.notices.append(&mut results.notices);
    let page_count = u32::try_from(results.total.div_ceil(u64::from(PAGE_SIZE))).unwrap_or(u32::MAX).max(1);
    let mut type_choices: Vec<(String, String)> = TypeVocabulary::COMMON
        .iter()
        .map(|code| ((*code).to_owned(), state.vocabulary.label(code).to_owned()))
        .collect();
    for code in &filter.types {
        if !type_choices.iter().any(|(own, _)| own == code) {
            type_choices.push((code.clone(), state.vocabulary.label(code).to_owned()));
        }
    }
    let link = |page: u32| format!("/meetings?{}", filter.query_string_for_page(page));
    let page = FinderPage {
        filter: &filter,
        total: results.total,
        listings: results
            .listings
            .into_iter()
            .map(|listing| ListingView::new(listing, &state.content.groups, &state.vocabulary))
            .collect(),
        page_count,
        previous_page: (filter.page > 1).then(|| link(filter.page - 1)),
        next_page: (filter.page < page_count).then(|| link(filter.page + 1)),
        groups: &state.content.groups,
        regions,
        type_choices,
        sample_data,
    };
    Ok(page.render()?.into_bytes())
}

#[derive(Template)]
#[template(path = "meetings/show.html")]
struct MeetingPage<'a> {
    meeting: &'a Meeting,
    group: Option<(String, String)>,
    schedule: Vec<String>,
    types: Vec<(String, Option<String>)>,
    address: Option<String>,
    attendance: Attendance,
    sample_data: bool,
    listing: ListingSource,
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
}

impl ListingSource {
    fn of(meeting: &Meeting) -> ListingSource {
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
            report_links.push((url.to_owned(), "Report a change to this listing".to_owned()));
        }
        let emails: Vec<&str> = match meeting.extra.get("feedback_emails") {
            Some(serde_json::Value::Array(items)) => items.iter().filter_map(|item| item.as_str()).collect(),
            Some(serde_json::Value::String(list)) => list.split([',', ';', ' ']).collect(),
            _ => Vec::new(),
        };
        for address in emails.into_iter().map(str::trim).filter(email) {
            report_links.push((format!("mailto:{address}"), format!("Report a change by e-mail to {address}")));
        }
        ListingSource {
            publisher: text("entity").or(publisher_url).map(str::to_owned),
            publisher_url: publisher_url.map(str::to_owned),
            publisher_email: text("entity_email").filter(email).map(str::to_owned),
            publisher_phone: text("entity_phone").map(str::to_owned),
            report_links,
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

pub async fn show(state: web::Data<AppState>, slug: web::Path<String>) -> Result<HttpResponse, AppError> {
    let revision = super::current_revision(&state).await?;
    let shared = state.clone();
    let slug = slug.into_inner();
    let (meeting, sample_data) = super::blocking(&shared, move |state| {
        Ok((state.store.meeting(&slug)?, state.finder_at(revision)?.shows_sample_data()))
    })
    .await?;
    let meeting = meeting.ok_or(AppError::NotFound)?;
    let schedule = if meeting.is_by_appointment() {
        vec!["By appointment".to_owned()]
    } else {
        meeting
            .days
            .iter()
            .map(|day| when(Some(*day), meeting.time, meeting.end_time_or_default(), &meeting.timezone))
            .collect()
    };
    let page = MeetingPage {
        group: group_link(meeting.group_slug.as_deref(), &state.content.groups),
        schedule,
        types: meeting
            .types
            .iter()
            .map(|code| (code.clone(), state.vocabulary.name(code).map(str::to_owned)))
            .collect(),
        address: meeting.address(),
        attendance: meeting.attendance(),
        listing: ListingSource::of(&meeting),
        meeting: &meeting,
        sample_data,
    };
    super::html(&page)
}

/// `/meetings/{slug}.ics`: the meeting as a weekly event in its own time zone.
pub async fn calendar(state: web::Data<AppState>, slug: web::Path<String>) -> Result<HttpResponse, AppError> {
    let store = state.store.clone();
    let slug = slug.into_inner();
    let meeting = web::block(move || store.meeting(&slug)).await??.ok_or(AppError::NotFound)?;
    if meeting.is_by_appointment() {
        return Err(AppError::BadRequest(
            "This meeting is by appointment, so it has no calendar file. Its page says how to arrange a time."
                .to_owned(),
        ));
    }
    let body = ics::calendar(std::slice::from_ref(&meeting), jiff::Timestamp::now(), &meeting.name);
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}.ics\"", meeting.slug)))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(body))
}
