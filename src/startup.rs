//! Builds the application: opens the store, loads content, seeds a new database, and assembles the
//! actix `App` (middleware, shared state, routes) used by both `main` and the tests.

use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::Arc;

use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::{Compress, DefaultHeaders, Logger, NormalizePath, TrailingSlash};
use actix_web::{App, HttpServer, web};

use crate::cache::{ResponseCache, RevisionMemo};
use crate::content::Content;
use crate::db::{ImportOptions, Store, StoreError};
use crate::feed::{FeedDefaults, parse_meeting_guide};
use crate::meetings::{MeetingFilter, TypeVocabulary};
use crate::routes;

/// Where the site keeps its data and how it answers.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The SQLite file (created with its folder when missing).
    pub database_path: PathBuf,
    /// The zone of meetings whose feed gives none (IANA name).
    pub default_timezone: String,
    /// Load the sample meetings into a database that has never had meetings (the embedded
    /// default of `serve`; off for `import`, which brings its own).
    pub seed_sample_meetings: bool,
    /// How many rendered finder pages and feeds to keep in memory (0: none).
    pub response_cache_entries: usize,
}

/// What every request handler can reach.
pub struct AppState {
    pub store: Store,
    pub content: Content,
    pub vocabulary: TypeVocabulary,
    pub settings: Settings,
    /// Rendered finder pages and feeds, by request and data revision.
    pub responses: ResponseCache,
    /// The finder's list of regions, per data revision.
    region_list: RevisionMemo<Vec<String>>,
    /// Whether sample meetings are shown (and so labelled), per data revision.
    sample_data: RevisionMemo<bool>,
}

impl AppState {
    /// The regions of the active meetings at this revision (blocking: call in `web::block`).
    pub fn regions(&self, revision: i64) -> Result<Arc<Vec<String>>, StoreError> {
        self.region_list.get_or_try(revision, || self.store.regions())
    }

    /// Are sample meetings shown at this revision, so that pages must say so? (blocking)
    pub fn shows_sample_data(&self, revision: i64) -> Result<bool, StoreError> {
        Ok(*self.sample_data.get_or_try(revision, || self.store.has_sample_meetings())?)
    }

    /// The finder's filter from a query string, checked against our vocabulary and groups.
    pub fn meeting_filter(&self, query_string: &str) -> MeetingFilter {
        MeetingFilter::parse(query_string, &self.vocabulary, |slug| self.content.group(slug).is_some())
    }
}

/// The Content-Security-Policy of every response: nothing from other hosts, no inline script.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'none'";

/// Opens the database (creating, migrating and seeding it as needed) and loads the content.
pub fn prepare(settings: Settings) -> anyhow::Result<web::Data<AppState>> {
    jiff::tz::TimeZone::get(&settings.default_timezone)
        .map_err(|_| anyhow::anyhow!("`{}` is not an IANA time zone", settings.default_timezone))?;
    let content = Content::embedded()?;
    let vocabulary = TypeVocabulary::embedded()?;
    let store = Store::open(&settings.database_path)?;
    store.sync_groups(&content.groups)?;
    if settings.seed_sample_meetings && store.never_had_meetings()? {
        seed_sample_meetings(&store, &settings)?;
    }
    let responses = ResponseCache::new(settings.response_cache_entries);
    Ok(web::Data::new(AppState {
        store,
        content,
        vocabulary,
        settings,
        responses,
        region_list: RevisionMemo::default(),
        sample_data: RevisionMemo::default(),
    }))
}

/// Loads `content/meetings/sample-meetings.json` into a database that has never had meetings.
fn seed_sample_meetings(store: &Store, settings: &Settings) -> anyhow::Result<()> {
    let bytes = crate::embedded::content_file("meetings/sample-meetings.json").unwrap_or(b"[]");
    let defaults = FeedDefaults { timezone: settings.default_timezone.clone(), group_slug: None };
    let meetings =
        parse_meeting_guide(bytes, &defaults).map_err(|error| anyhow::anyhow!("sample meetings: {error}"))?;
    let summary = store.import(&meetings, &ImportOptions { sample: true, ..ImportOptions::default() })?;
    tracing::info!(added = summary.added, "loaded the sample meetings into a new database");
    Ok(())
}

/// The application: middleware, state and every route. `main` serves it; tests call it directly.
pub fn app(
    state: web::Data<AppState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .app_data(state)
        .configure(routes::configure)
        .default_service(web::to(routes::pages::not_found))
        .wrap(NormalizePath::new(TrailingSlash::Trim))
        .wrap(Compress::default())
        .wrap(security_headers())
        // Path only: query strings (search words, places) are never logged.
        .wrap(
            Logger::new("%s %{r}xi %Dms")
                .custom_request_replace("r", |request| format!("{} {}", request.method(), request.path())),
        )
}

fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add(("Content-Security-Policy", CONTENT_SECURITY_POLICY))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("Referrer-Policy", "no-referrer"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Permissions-Policy", "geolocation=(), camera=(), microphone=(), interest-cohort=()"))
        .add(("Cross-Origin-Opener-Policy", "same-origin"))
}

/// Serves the app on an already-bound listener (tests bind port 0).
pub fn serve(listener: TcpListener, state: web::Data<AppState>) -> std::io::Result<Server> {
    Ok(HttpServer::new(move || app(state.clone()))
        // One worker and one database thread per connection of the pool: no thread waits for one.
        .workers(crate::db::pool_size())
        .worker_max_blocking_threads(1)
        .listen(listener)?
        .run())
}
