//! Sources from the browser (administrators only): add a feed after a dry-run preview (what its
//! first sync would bring, written nowhere), list the sources with how their syncs went, sync one
//! or all now in the background (a page shows the run's progress and result, refreshing itself
//! without script), and remove one after a confirmation. The same code as the CLI `source` and
//! `sync` commands: [`crate::sync::check_source`], [`crate::sync::preview`],
//! [`crate::sync::sync_with`] and the store's source functions.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

use super::form::FormData;
use super::{Staff, StaffError, page, see_other};
use crate::db::NewSource;
use crate::db::Source;
use crate::jobs::SyncRun;
use crate::state::AppState;
use crate::sync::{EntryProblem, FetchLimits, Preview, Progress};

/// Editors are refused every page here.
const ADMINS_ONLY: &str = "Only an administrator can add, sync or remove sources. Ask an administrator, or see the \
                           sources on the public sources page.";

/// A source as the list shows it: nothing from its URL but the address (no password, no query).
struct SourceLine {
    name: String,
    /// "Meeting Guide feed", or "BMLT root server" with its service bodies.
    format: String,
    group: String,
    address: String,
    timezone: Option<String>,
    last_success: Option<String>,
    /// When, and the first line of the error, without the URL's secrets.
    last_error: Option<(String, String)>,
    /// The most recent attempt failed.
    failing: bool,
    meetings: u64,
    warnings: u64,
}

impl SourceLine {
    fn of(source: &Source) -> SourceLine {
        let when = |time: jiff::Timestamp| super::when(time.as_second());
        let format = match (source.format, source.services.as_slice()) {
            (crate::feed::SourceFormat::MeetingGuide, _) => "Meeting Guide feed".to_owned(),
            (crate::feed::SourceFormat::Bmlt, []) => "BMLT root server".to_owned(),
            (crate::feed::SourceFormat::Bmlt, ids) => format!(
                "BMLT root server, service bodies {}",
                ids.iter().map(ToString::to_string).collect::<Vec<_>>().join(",")
            ),
        };
        SourceLine {
            name: source.name.clone(),
            format,
            group: source.group_slug.clone(),
            address: source.address(),
            timezone: source.timezone.clone(),
            last_success: source.last_success_at.map(when),
            last_error: source.last_error.as_ref().map(|error| {
                let at = source.last_error_at.map(when).unwrap_or_default();
                (at, crate::sync::first_line(&source.without_secrets(error)))
            }),
            failing: source.last_attempt_failed(),
            meetings: source.meeting_count,
            warnings: source.warning_count,
        }
    }
}

/// The add form's values as typed (kept when refused or previewed).
#[derive(Default)]
struct EntryForm {
    /// As typed (not checked): an empty group is none.
    entry: NewSource,
    problems: Vec<EntryProblem>,
    /// The BMLT service body ids as typed.
    services_text: String,
}

impl EntryForm {
    fn read(form: &FormData) -> EntryForm {
        let timezone = Some(form.get("timezone").to_owned()).filter(|zone| !zone.is_empty());
        let services_text = form.get("services").to_owned();
        let services: Result<Vec<u32>, _> =
            services_text.split(',').map(str::trim).filter(|id| !id.is_empty()).map(str::parse).collect();
        let mut problems = Vec::new();
        if services.is_err() {
            problems.push(("services", "give service body ids as numbers separated by commas, like 2,7".to_owned()));
        }
        let entry = NewSource {
            name: form.get("name").to_owned(),
            url: form.get("url").to_owned(),
            group_slug: form.get("group").to_owned(),
            timezone,
            format: crate::feed::SourceFormat::parse(form.get("format")).unwrap_or_default(),
            services: services.unwrap_or_default(),
            change_form: Some(form.get("change_form").to_owned()).filter(|address| !address.is_empty()),
            follow_redirects: form.get("follow_redirects") == "yes",
        };
        EntryForm { entry, problems, services_text }
    }

    fn is_bmlt(&self) -> bool {
        self.entry.format == crate::feed::SourceFormat::Bmlt
    }

    /// The problem with one field, if any.
    fn problem(&self, field: &str) -> Option<&str> {
        self.problems.iter().find(|(name, _)| *name == field).map(|(_, problem)| problem.as_str())
    }

    /// Problems with no field of their own (the feed, the store).
    fn general(&self) -> Vec<&str> {
        self.problems.iter().filter(|(name, _)| name.is_empty()).map(|(_, problem)| problem.as_str()).collect()
    }

    fn zone(&self) -> &str {
        self.entry.timezone.as_deref().unwrap_or_default()
    }

    fn change_form(&self) -> &str {
        self.entry.change_form.as_deref().unwrap_or_default()
    }
}

#[derive(Template)]
#[template(path = "staff/sources.html")]
struct SourcesPage<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    staff: &'a Staff,
    sources: Vec<SourceLine>,
    run: Option<SyncRun>,
    notice: Option<String>,
    form: EntryForm,
    /// (slug, name) of every group, for the form's menu.
    groups: Vec<(String, String)>,
    /// The site's zone (the last resort for a meeting).
    site_zone: String,
}

#[derive(Template)]
#[template(path = "staff/source_preview.html")]
struct PreviewPage<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    staff: &'a Staff,
    form: EntryForm,
    preview: Preview,
    address: String,
    groups: Vec<(String, String)>,
    site_zone: String,
}

#[derive(Template)]
#[template(path = "staff/source_remove.html")]
struct RemovePage<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    staff: &'a Staff,
    source: SourceLine,
}

#[derive(Template)]
#[template(path = "staff/sync.html")]
struct SyncPage<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    staff: &'a Staff,
    run: Option<SyncRun>,
    /// A run was asked for while this one ran.
    busy: bool,
    /// The page reloads itself while the run goes on (`?auto=1`: asked for, and stopped, by a
    /// link, so no one's page changes under them unasked).
    auto: bool,
}

impl SyncPage<'_> {
    fn when(&self, seconds: &i64) -> String {
        super::when(*seconds)
    }
}

impl SourcesPage<'_> {
    fn when(&self, seconds: &i64) -> String {
        super::when(*seconds)
    }
}

fn groups(state: &AppState) -> Vec<(String, String)> {
    state.content.groups.iter().map(|group| (group.slug.clone(), group.name.clone())).collect()
}

/// The sources page, with what an action did or why the add form was refused (400).
async fn sources_page(
    state: &web::Data<AppState>,
    staff: &Staff,
    notice: Option<String>,
    form: EntryForm,
) -> Result<HttpResponse, StaffError> {
    let sources = crate::routes::blocking(state, |state| state.store.sources()).await?;
    let status = if form.problems.is_empty() { StatusCode::OK } else { StatusCode::BAD_REQUEST };
    page(
        status,
        &SourcesPage {
            lang: crate::i18n::Lang::DEFAULT,
            here: String::new(),
            staff,
            sources: sources.iter().map(SourceLine::of).collect(),
            run: state.jobs.sync_run(),
            notice,
            form,
            groups: groups(state),
            site_zone: state.settings.default_timezone.clone(),
        },
    )
}

/// The sources (admins only).
pub async fn list(state: web::Data<AppState>, staff: Staff) -> Result<HttpResponse, StaffError> {
    super::admin_only(&staff, ADMINS_ONLY)?;
    sources_page(&state, &staff, None, EntryForm::default()).await
}

/// The add form's entry, checked as `source add` checks it.
async fn checked(
    state: &web::Data<AppState>,
    staff: &Staff,
    payload: web::Payload,
) -> Result<(EntryForm, Option<NewSource>), StaffError> {
    let form = EntryForm::read(&staff.read_admin_form(payload, ADMINS_ONLY).await?);
    let entry = form.entry.clone();
    match crate::routes::blocking(state, move |state| Ok(crate::sync::check_source(&entry, &state.core))).await? {
        Ok(new) if form.problems.is_empty() => Ok((form, Some(new))),
        Ok(_) => Ok((form, None)),
        Err(problems) => {
            let mut form = form;
            form.problems.extend(problems);
            Ok((form, None))
        }
    }
}

/// The dry run: what the new source's first sync would bring, written nowhere.
pub async fn preview(
    state: web::Data<AppState>,
    staff: Staff,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    let (form, new) = checked(&state, &staff, payload).await?;
    let Some(new) = new else { return sources_page(&state, &staff, None, form).await };
    let address = crate::db::address_of(&new.url);
    let previewed = crate::routes::blocking(&state, move |state| {
        Ok(crate::sync::preview(&state.core, &state.settings.default_timezone, &new, &FetchLimits::default()))
    })
    .await?;
    match previewed {
        Ok(preview) => page(
            StatusCode::OK,
            &PreviewPage {
                lang: crate::i18n::Lang::DEFAULT,
                here: String::new(),
                staff: &staff,
                form,
                preview,
                address,
                groups: groups(&state),
                site_zone: state.settings.default_timezone.clone(),
            },
        ),
        Err(reason) => {
            let problem = format!("The feed could not be previewed, and nothing was saved: {reason}");
            sources_page(&state, &staff, None, EntryForm { problems: vec![("", problem)], ..form }).await
        }
    }
}

/// Saves a previewed source (it is fetched at the next sync: "Sync now" on the list).
pub async fn add(state: web::Data<AppState>, staff: Staff, payload: web::Payload) -> Result<HttpResponse, StaffError> {
    let (form, new) = checked(&state, &staff, payload).await?;
    let Some(new) = new else { return sources_page(&state, &staff, None, form).await };
    let actor = staff.user.email.clone();
    match crate::routes::blocking(&state, move |state| Ok(state.store.add_source_as(&new, Some(&actor)))).await? {
        Ok(source) => {
            let notice =
                format!("Added source \"{}\" ({}). Sync it now to fetch its meetings.", source.name, source.address());
            sources_page(&state, &staff, Some(notice), EntryForm::default()).await
        }
        Err(crate::db::StoreError::SourceExists(name)) => {
            let problem = format!("There is already a source named \"{name}\"; choose another name.");
            sources_page(&state, &staff, None, EntryForm { problems: vec![("name", problem)], ..form }).await
        }
        Err(other) => Err(other.into()),
    }
}

/// "Sync now" for every source.
pub async fn sync_all(
    state: web::Data<AppState>,
    staff: Staff,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    staff.read_admin_form(payload, ADMINS_ONLY).await?;
    Ok(start_run(&state, &staff, Vec::new()))
}

/// "Sync now" for one source.
pub async fn sync_one(
    state: web::Data<AppState>,
    staff: Staff,
    name: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    staff.read_admin_form(payload, ADMINS_ONLY).await?;
    Ok(start_run(&state, &staff, vec![name.into_inner()]))
}

/// Marks the run ended however its thread ends: a panic must not leave it "running" for good
/// (which would refuse every later run until a restart).
struct RunEnds<'a>(&'a crate::jobs::Jobs);

impl Drop for RunEnds<'_> {
    fn drop(&mut self) {
        self.0.update_sync(|run| {
            if run.running() {
                run.error = Some("the sync stopped unexpectedly; see the site's log".to_owned());
                run.finished_at = Some(jiff::Timestamp::now().as_second());
            }
        });
    }
}

/// Starts a sync run on a thread of its own (never on the web server's workers) unless one is
/// running, and sends the browser to the page that shows it.
fn start_run(state: &web::Data<AppState>, staff: &Staff, names: Vec<String>) -> HttpResponse {
    let now = || jiff::Timestamp::now().as_second();
    if !state.jobs.start_sync(&staff.user.email, now()) {
        return see_other("/staff/sources/sync?busy=1");
    }
    let (running, started_by) = (state.clone(), staff.user.email.clone());
    let spawned = std::thread::Builder::new().name("sync-now".to_owned()).spawn(move || {
        let state = running;
        let _ended = RunEnds(&state.jobs);
        let zone = state.settings.default_timezone.clone();
        let result =
            crate::sync::sync_with(&state.core, &zone, &names, &FetchLimits::default(), &mut |step| match step {
                Progress::Planned(sources) => state.jobs.update_sync(|run| {
                    run.planned = sources.iter().map(|source| source.name.clone()).collect();
                }),
                Progress::Syncing(source) => state.jobs.update_sync(|run| run.current = Some(source.name.clone())),
                Progress::Done(report) => {
                    if report.failed() {
                        tracing::warn!("sync now: {report}");
                    } else {
                        tracing::info!("sync now: {report}");
                    }
                    state.jobs.update_sync(|run| {
                        run.current = None;
                        run.done.push((report.name.clone(), report.to_string(), report.failed()));
                    });
                }
            });
        // Logged before the run is shown finished: whoever sees the result finds it in the log.
        let error = result.err().map(|error| error.to_string());
        let run = state.jobs.sync_run().unwrap_or_default();
        let mut note = match &error {
            Some(error) => format!("it could not run: {error}"),
            None => format!("{} sources synced, {} failed", run.done.len(), run.failures()),
        };
        note.extend(run.done.iter().map(|(_, line, _)| format!("; {line}")));
        if let Err(error) = state.store.log_action(&started_by, "synced sources now", &note) {
            tracing::error!(%error, "could not log a sync started from the staff pages");
        }
        state.jobs.update_sync(|run| {
            run.error = error;
            run.finished_at = Some(now());
        });
    });
    if let Err(error) = spawned {
        state.jobs.update_sync(|run| {
            run.error = Some(format!("the sync could not start: {error}"));
            run.finished_at = Some(now());
        });
    }
    see_other("/staff/sources/sync")
}

/// The current (or last) run: its progress while it runs (a link reloads it; another makes it
/// reload itself every few seconds, without script), then its result.
pub async fn run(
    state: web::Data<AppState>,
    staff: Staff,
    query: web::Query<std::collections::HashMap<String, String>>,
) -> Result<HttpResponse, StaffError> {
    super::admin_only(&staff, ADMINS_ONLY)?;
    let (busy, auto) = (query.contains_key("busy"), query.contains_key("auto"));
    let lang = crate::i18n::Lang::DEFAULT;
    let run = state.jobs.sync_run();
    page(StatusCode::OK, &SyncPage { lang, here: String::new(), staff: &staff, run, busy, auto })
}

async fn source_named(state: &web::Data<AppState>, name: String) -> Result<Source, StaffError> {
    crate::routes::blocking(state, move |state| state.store.source(&name))
        .await?
        .ok_or(StaffError::App(crate::error::AppError::NotFound))
}

/// Asks before removing.
pub async fn remove_form(
    state: web::Data<AppState>,
    staff: Staff,
    name: web::Path<String>,
) -> Result<HttpResponse, StaffError> {
    super::admin_only(&staff, ADMINS_ONLY)?;
    let source = SourceLine::of(&source_named(&state, name.into_inner()).await?);
    page(StatusCode::OK, &RemovePage { lang: crate::i18n::Lang::DEFAULT, here: String::new(), staff: &staff, source })
}

/// Removes a source (confirmed): its meetings are archived, as `source remove` does.
pub async fn remove(
    state: web::Data<AppState>,
    staff: Staff,
    name: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, StaffError> {
    staff.read_admin_form(payload, ADMINS_ONLY).await?;
    let source = source_named(&state, name.into_inner()).await?;
    let name = source.name.clone();
    let actor = staff.user.email.clone();
    let archived =
        crate::routes::blocking(&state, move |state| state.store.remove_source_as(&name, Some(&actor))).await?;
    let notice = format!("Removed source \"{}\"; {archived} of its meetings were archived.", source.name);
    sources_page(&state, &staff, Some(notice), EntryForm::default()).await
}
