//! The meeting finder (`/meetings`), one meeting (`/meetings/{slug}`) and its calendar file
//! (`/meetings/{slug}.ics`). Finder pages carry an ETag derived from the data's revision and the
//! request, so repeats are answered with 304 and proxies can cache them.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::content::Group;
use crate::error::AppError;
use crate::feed::ics;
use crate::finder::{Listing, Place};
use crate::meetings::conference::Joining;
use crate::meetings::filter::Notice;
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
    /// The place `near` was found as, and the distance used (chosen here when not asked).
    place: Option<Place>,
    within: Option<(u16, bool)>,
    /// Online meetings, any place: shown beside results near a place when "Online" is on or
    /// there are few near it (a distance never hides them).
    online: Option<OnlineSection>,
    /// Carried on each result's link (`?from=` and this page's query), so the meeting page leads
    /// back to these results; empty on the finder with no filter.
    from: String,
}

/// The "Online, any place" section under results near a place.
struct OnlineSection {
    total: u64,
    listings: Vec<ListingView>,
    /// All of them: the same filter, online, without the place.
    href: String,
}

/// Online meetings shown under results near a place, before "See all".
const ONLINE_SHOWN: usize = 5;

impl FinderPage<'_> {
    /// "within 5 mi of Huntington Beach", "within 2 mi of your location".
    fn near_text(&self) -> Option<String> {
        let (place, (within, _)) = (self.place.as_ref()?, self.within?);
        let distance = format!("{within} {}", self.unit.abbreviation(self.lang));
        let name = if place.coordinates { self.lang.t("finder-your-location").to_owned() } else { place.name.clone() };
        Some(self.lang.t2("finder-within-place", "distance", distance.as_str(), "place", name.as_str()))
    }

    /// "(you typed Huntingdon Beach)" when the place was read as another name.
    fn typed_text(&self) -> Option<String> {
        let typed = self.place.as_ref()?.typed.as_deref()?;
        Some(self.lang.t1("finder-you-typed", "typed", typed))
    }

    /// When the distance was chosen here: the next wider one as a link (label, href), if any.
    fn wider(&self) -> Option<(String, String)> {
        let (within, true) = self.within? else { return None };
        let next = crate::finder::DEFAULT_DISTANCES.into_iter().find(|distance| *distance > within)?;
        let mut wider = self.filter.clone();
        wider.within = Some(next);
        let distance = format!("{next} {}", self.unit.abbreviation(self.lang));
        let label = self.lang.t1("finder-wider", "distance", distance.as_str());
        Some((label, format!("{}/meetings?{}#results", self.lang.prefix(), wider.query_string())))
    }

    /// Was the distance chosen here (no `within=` asked)?
    fn within_by_default(&self) -> bool {
        self.within.is_some_and(|(_, by_default)| by_default)
    }

    /// The notices in words, each with the places it suggests as links (name, href).
    fn notice_items(&self) -> Vec<(String, Vec<(String, String)>)> {
        self.filter
            .notices
            .iter()
            .map(|notice| match notice {
                Notice::DidYouMean(value, suggestions) => {
                    let links = suggestions
                        .iter()
                        .map(|name| {
                            let mut other = self.filter.clone();
                            other.near = Some(name.clone());
                            other.notices.clear();
                            (name.clone(), format!("{}/meetings?{}#results", self.lang.prefix(), other.query_string()))
                        })
                        .collect();
                    (self.lang.t1("notice-did-you-mean-links", "value", value.as_str()), links)
                }
                other => (other.text(self.lang), Vec::new()),
            })
            .collect()
    }

    /// The groups as (legend, groups) fieldsets: those for one's own recovery, then those for
    /// families and friends.
    fn group_sets(&self) -> Vec<(&'static str, Vec<&Group>)> {
        let family = |group: &&Group| group.audience == crate::content::Audience::Family;
        vec![
            (self.lang.t("finder-groups-own"), self.groups.iter().filter(|group| !family(group)).collect()),
            (self.lang.t("finder-groups-family"), self.groups.iter().filter(family).collect()),
        ]
    }

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

    /// (parameter value, label, chosen) of the attendance radio buttons on the first screen; ""
    /// is any way. "Hybrid only" (the same radio group) is under "More filters".
    fn attendance_choices(&self) -> Vec<(&'static str, &'static str, bool)> {
        let chosen = |kind| self.filter.attendance == kind;
        let lang = self.lang;
        vec![
            ("", lang.t("finder-attendance-any"), chosen(None)),
            ("in_person", lang.t("finder-attendance-in-person"), chosen(Some(Attendance::InPerson))),
            ("online", lang.t("finder-attendance-online"), chosen(Some(Attendance::Online))),
        ]
    }

    fn hybrid_chosen(&self) -> bool {
        self.filter.attendance == Some(Attendance::Hybrid)
    }

    /// Is any filter under "More filters" set? Then it opens by itself.
    fn more_is_set(&self) -> bool {
        let filter = self.filter;
        !filter.types.is_empty()
            || !filter.groups.is_empty()
            || filter.attendance == Some(Attendance::Hybrid)
            || filter.region.is_some()
            || filter.include_inactive
            || filter.seeker.is_some()
            || filter.query.is_some()
            || filter.time.is_some()
            || filter.within.is_some()
            || filter.sort == SortOrder::Distance
            || filter.days.len() > 1
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

    /// "Online, any place: 12 meetings" for the online section's heading.
    fn online_count_text(&self, total: &u64) -> String {
        self.lang.n("finder-count", *total)
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
    let now = jiff::Timestamp::now();
    let mut results = index.find(&filter, now, Listing::PerMeeting, offset, PAGE_SIZE as usize);
    let site_zone = state.settings.default_timezone.as_str();
    let person_zone = filter.zone.clone().unwrap_or_else(|| site_zone.to_owned());
    let view = |listing| {
        ListingView::new(listing, &state.content.groups, &state.vocabulary, locale.lang)
            .on_site_clock(&person_zone, locale.lang)
    };
    let online_wanted = filter.attendance == Some(Attendance::Online) || results.total < crate::finder::ENOUGH_NEAR;
    let online = match &results.place {
        Some(_) if online_wanted => {
            let mut anywhere = filter.clone();
            anywhere.near = None;
            anywhere.within = None;
            anywhere.sort = SortOrder::Time;
            anywhere.page = 1;
            anywhere.attendance = Some(Attendance::Online);
            anywhere.notices.clear();
            let found = index.find(&anywhere, now, Listing::PerMeeting, 0, ONLINE_SHOWN);
            (found.total > 0).then(|| OnlineSection {
                total: found.total,
                listings: found.listings.into_iter().map(view).collect(),
                href: format!("{}/meetings?{}#results", locale.lang.prefix(), anywhere.query_string()),
            })
        }
        _ => None,
    };
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
    let from = match filter.query_string_for_page(filter.page) {
        query if query.is_empty() => String::new(),
        query => format!("?{}", form_urlencoded::Serializer::new(String::new()).append_pair("from", &query).finish()),
    };
    let page = FinderPage {
        lang: locale.lang,
        from,
        here,
        filter: &filter,
        query: filter.query_string(),
        total: results.total,
        listings: results.listings.into_iter().map(view).collect(),
        page_count,
        previous_page: (filter.page > 1).then(|| link(filter.page - 1)),
        next_page: (filter.page < page_count).then(|| link(filter.page + 1)),
        groups: &state.content.groups,
        places: index.place_names(),
        regions,
        type_choices,
        sample_data,
        site_zone: &person_zone,
        unit: state.settings.distance_unit,
        place: results.place,
        within: results.within,
        online,
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
    /// The next occurrence (or the one in progress), on the site's clock for an online meeting.
    moment: Option<ListingView>,
    /// The site's zone (the moment names another zone beside it).
    site_zone: &'a str,
    /// How to join an online meeting: ID, passcode and a one-tap dial-in.
    joining: Option<Joining>,
    /// "Back to your results": the finder with the person's filters (from `from=`).
    back: Option<String>,
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

    /// "In progress · started 10 min ago — join now", "In 25 min": how soon, in words.
    fn moment_text(&self) -> Option<String> {
        let moment = self.moment.as_ref()?;
        let soon = moment.starts_text(self.lang)?;
        Some(if moment.in_progress() { self.lang.t1("meeting-join-now", "started", soon.as_str()) } else { soon })
    }

    fn in_progress(&self) -> bool {
        self.moment.as_ref().is_some_and(ListingView::in_progress)
    }

    /// Where, in a line: the venue and address, or "Online".
    fn where_line(&self) -> String {
        if self.attendance == Attendance::Online {
            return self.attendance.label(self.lang).to_owned();
        }
        let parts: Vec<&str> =
            self.meeting.location.iter().map(String::as_str).chain(self.address.as_deref()).collect();
        parts.join(", ")
    }

    /// A `tel:` link for the publisher's phone.
    fn tel_link(&self, phone: &str) -> String {
        crate::meetings::conference::tel_link(phone, None, None)
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
    /// The BMLT root server a meeting is kept on (`bmlt_root_server`), when it came from one.
    bmlt_server: Option<String>,
    /// That server's change form (`feedback_url`, from `source add --change-form`).
    bmlt_change_form: Option<String>,
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
        let bmlt_server = text("bmlt_root_server").filter(|url| web(url)).map(str::to_owned);
        ListingSource {
            bmlt_change_form: bmlt_server.as_ref().and(text("feedback_url")).filter(|url| web(url)).map(str::to_owned),
            bmlt_server,
            publisher: text("entity").or(publisher_url).map(str::to_owned),
            publisher_url: publisher_url.map(str::to_owned),
            publisher_email: text("entity_email").filter(email).map(str::to_owned),
            publisher_phone: text("entity_phone").map(str::to_owned),
        }
    }
}

/// "Back to your results": the finder at the query `from=` carries, read as a finder query and
/// written again (so it can only lead to the finder, with filters it knows); `None` without one.
fn back_to_results(state: &AppState, lang: crate::i18n::Lang, query: &str) -> Option<String> {
    let (_, from) = form_urlencoded::parse(query.as_bytes()).find(|(key, _)| key == "from")?;
    let filter = state.meeting_filter(&from);
    let canonical = filter.query_string_for_page(filter.page);
    (!canonical.is_empty()).then(|| format!("{}/meetings?{canonical}#results", lang.prefix()))
}

pub async fn show(
    state: web::Data<AppState>,
    locale: crate::i18n::Locale,
    slug: web::Path<String>,
    request: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let revision = super::current_revision(&state).await?;
    let shared = state.clone();
    let slug = slug.into_inner();
    let now = jiff::Timestamp::now();
    let (meeting, sample_data, moment) = super::blocking(&shared, move |state| {
        let index = state.finder_at(revision)?;
        Ok((state.store.meeting(&slug)?, index.shows_sample_data(), index.next_of(&slug, now)))
    })
    .await?;
    let meeting = meeting.ok_or(AppError::NotFound)?;
    let site_zone = state.settings.default_timezone.as_str();
    let moment = moment.map(|listing| {
        ListingView::new(listing, &state.content.groups, &state.vocabulary, locale.lang)
            .on_site_clock(site_zone, locale.lang)
    });
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
            // A point placed from the address is no place to send anyone on a map.
            .filter(|_| meeting.has_venue() && meeting.attendance() != Attendance::Online)
            .filter(|_| meeting.approximate_location().is_none())
            .map(map_link),
        updated_ago: meeting
            .updated
            .as_deref()
            .and_then(|updated| updated_ago(updated, jiff::Timestamp::now(), locale.lang)),
        address: meeting.address(),
        attendance: meeting.attendance(),
        listing: ListingSource::of(&meeting),
        joining: meeting.is_online().then(|| Joining::of(&meeting)),
        back: back_to_results(&state, locale.lang, request.query_string()),
        meeting: &meeting,
        sample_data,
        moment,
        site_zone,
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
