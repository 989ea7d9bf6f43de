//! `/client_interface/json/` and `/client_interface/jsonp/`: the BMLT semantic interface's
//! read-only core (`crate::bmlt::serve`), cached like the feeds, open to every origin (CORS `*`).
//! A switcher it does not answer is a 422 with bmlt-server's message.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};

use crate::bmlt::serve::{Answer, SWITCHERS};
use crate::cache::cached_by_key;
use crate::error::AppError;
use crate::state::AppState;

pub async fn json(state: web::Data<AppState>, request: HttpRequest) -> Result<HttpResponse, AppError> {
    respond(state, request, None).await
}

pub async fn jsonp(state: web::Data<AppState>, request: HttpRequest) -> Result<HttpResponse, AppError> {
    let callback = form_urlencoded::parse(request.query_string().as_bytes())
        .find(|(key, _)| key == "callback")
        .map_or_else(|| "callback".to_owned(), |(_, value)| value.into_owned());
    let name = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$' || c == '.';
    if callback.is_empty() || callback.len() > 64 || !callback.chars().all(name) {
        return Ok(unprocessable("callback must be a JavaScript function name (letters, digits, _ $ .)"));
    }
    respond(state, request, Some(callback)).await
}

async fn respond(
    state: web::Data<AppState>,
    request: HttpRequest,
    callback: Option<String>,
) -> Result<HttpResponse, AppError> {
    let switcher = form_urlencoded::parse(request.query_string().as_bytes())
        .find(|(key, _)| key == "switcher")
        .map(|(_, value)| value.into_owned());
    if !switcher.as_deref().is_some_and(|switcher| SWITCHERS.contains(&switcher)) {
        return Ok(unprocessable(&crate::bmlt::serve::unknown_switcher()));
    }
    let root = state.deployment.site_address(&request);
    let key = format!("{}?{}|{root}|{}", request.path(), request.query_string(), callback.as_deref().unwrap_or(""));
    let content_type = if callback.is_some() { "application/javascript; charset=utf-8" } else { "application/json" };
    let query = request.query_string().to_owned();
    let unit = state.settings.distance_unit;
    let mut response = cached_by_key(&state, &request, key, content_type, |revision| {
        let state = state.clone();
        async move {
            let answer = crate::routes::blocking(&state, move |state| {
                Ok(state.semantic_at(revision)?.answer(&query, &root, unit))
            })
            .await?;
            let body = match answer {
                Answer::Json(bytes) => bytes,
                Answer::Unprocessable(message) => return Err(AppError::BadRequest(message)),
            };
            Ok(match callback {
                Some(callback) => [callback.as_bytes(), b"(", &body, b");"].concat(),
                None => body,
            })
        }
    })
    .await?;
    open_to_all(&mut response);
    Ok(response)
}

fn unprocessable(message: &str) -> HttpResponse {
    let mut response = HttpResponse::build(StatusCode::UNPROCESSABLE_ENTITY)
        .content_type("application/json")
        .insert_header((header::CACHE_CONTROL, crate::cache::PUBLIC_CACHE))
        .body(serde_json::json!({ "message": message }).to_string());
    open_to_all(&mut response);
    response
}

/// Any site's script may read the answers (BMLT's browser clients call other origins' servers).
fn open_to_all(response: &mut HttpResponse) {
    response.headers_mut().insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, header::HeaderValue::from_static("*"));
}
