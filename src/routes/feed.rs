//! Machine-readable meeting lists: `/feed/meetings.json` (the Meeting Guide feed) and
//! `/meetings.ics` (a calendar), both taking the finder's filters and returning every match.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::error::AppError;
use crate::feed::{ExportFormat, anonymise_contacts};
use crate::state::AppState;

pub async fn meeting_guide(state: web::Data<AppState>, request: HttpRequest) -> Result<HttpResponse, AppError> {
    respond(state, request, ExportFormat::Json).await
}

pub async fn calendar(state: web::Data<AppState>, request: HttpRequest) -> Result<HttpResponse, AppError> {
    respond(state, request, ExportFormat::Ics).await
}

async fn respond(
    state: web::Data<AppState>,
    request: HttpRequest,
    format: ExportFormat,
) -> Result<HttpResponse, AppError> {
    let mut filter = state.meeting_filter(request.query_string());
    // Feeds carry temporarily closed meetings too: readers show them as such.
    filter.include_inactive = true;
    if let Some(notice) = filter.notices.first() {
        return Err(AppError::BadRequest(notice.clone()));
    }
    let content_type = format.content_type();
    let key = filter.clone();
    let mut response = super::cached_response(&state, &request, &key, content_type, |_| async {
        let now = jiff::Timestamp::now();
        let mut meetings = super::blocking(&state, move |state| {
            let ids = state.finder()?.matching_ids(&filter, now);
            state.store.meetings_by_id(&ids)
        })
        .await?;
        meetings.iter_mut().for_each(anonymise_contacts);
        format.write(&meetings, now).map_err(|error| AppError::Internal(error.to_string()))
    })
    .await?;
    response.headers_mut().insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, header::HeaderValue::from_static("*"));
    response.headers_mut().insert(
        header::HeaderName::from_static("cross-origin-resource-policy"),
        header::HeaderValue::from_static("cross-origin"),
    );
    Ok(response)
}
