//! Assembles the actix `App` (middleware, routes, the 404 service) around an [`AppState`], for both
//! `main` and the tests. It owns no state: that is `state.rs`.

use std::net::TcpListener;

use std::time::Duration;

use actix_web::body::MessageBody;
use actix_web::dev::{Server, Service, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::{Compress, DefaultHeaders, Logger, NormalizePath, TrailingSlash};
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};

use crate::error::AppError;
use crate::i18n::Lang;
use crate::routes;
use crate::staff::StaffError;
use crate::state::AppState;

/// The Content-Security-Policy of every response: nothing from other hosts, no inline script.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'none'";

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
    let read_only = state.deployment.read_only;
    App::new()
        .app_data(state)
        .app_data(web::PayloadConfig::new(MAX_BODY_BYTES))
        .app_data(web::FormConfig::default().limit(MAX_BODY_BYTES))
        // A read-only replica cannot take staff edits: its staff pages point to the primary.
        .configure(move |config| {
            if read_only {
                config.route("/staff", web::to(replica_staff)).route("/staff/{rest:.*}", web::to(replica_staff));
            }
        })
        .configure(routes::configure)
        .default_service(web::to(unrouted))
        .wrap_fn(|mut request, service| {
            // HEAD is GET without the body: the handler runs as for GET (same headers) and the
            // HTTP/1 encoder, which saw HEAD, sends no body.
            if request.method() == Method::HEAD {
                request.head_mut().method = Method::GET;
            }
            let declared = request
                .headers()
                .get(header::CONTENT_LENGTH)
                .and_then(|value| value.to_str().ok())
                .and_then(|value| value.parse::<usize>().ok());
            let limit = if request.path().starts_with("/staff") { STAFF_MAX_BODY_BYTES } else { MAX_BODY_BYTES };
            // A body must arrive in time: a client dripping it byte by byte is cut off (408).
            let late = std::rc::Rc::new(std::cell::Cell::new(false));
            if request.method() != Method::GET {
                let body = BodyDeadline {
                    body: actix_web::HttpMessage::take_payload(&mut request),
                    deadline: Box::pin(actix_web::rt::time::sleep(body_time(declared.unwrap_or(limit)))),
                    late: late.clone(),
                };
                request.set_payload(actix_web::dev::Payload::Stream { payload: Box::pin(body) });
            }
            let response = if declared.is_some_and(|length| length > limit) {
                let refused = HttpResponse::PayloadTooLarge().body("The request's body is too large.");
                Err(request.into_response(refused).map_into_right_body())
            } else {
                Ok(service.call(request))
            };
            async move {
                match response {
                    Ok(response) => {
                        let response = response.await?;
                        if late.get() {
                            let mut timed_out =
                                HttpResponse::RequestTimeout().body("The request's body did not arrive in time.");
                            timed_out.head_mut().set_connection_type(actix_web::http::ConnectionType::Close);
                            return Ok(response.into_response(timed_out).map_into_right_body());
                        }
                        Ok(response.map_into_left_body())
                    }
                    Err(refused) => Ok(refused),
                }
            }
        })
        // An error on a page of another language is shown in that language.
        .wrap_fn(|request, service| {
            let lang = Lang::split_path(request.path()).0;
            let response = service.call(request);
            async move {
                let response = response.await?;
                if lang == Lang::DEFAULT {
                    return Ok(response.map_into_left_body());
                }
                let page = response.response().error().and_then(|error| {
                    let app_error = error.as_error::<AppError>().or_else(|| match error.as_error::<StaffError>() {
                        Some(StaffError::App(inner)) => Some(inner),
                        _ => None,
                    })?;
                    Some(app_error.page(lang))
                });
                Ok(match page {
                    Some(page) => response.into_response(page).map_into_right_body(),
                    None => response.map_into_left_body(),
                })
            }
        })
        .wrap(actix_web::middleware::from_fn(routes::feed::honour_if_range))
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
        .add(("Permissions-Policy", "geolocation=(self), camera=(), microphone=()"))
        .add(("Cross-Origin-Opener-Policy", "same-origin"))
        // Feeds meant for other sites set `cross-origin` themselves (a default never overrides).
        .add(("Cross-Origin-Resource-Policy", "same-origin"))
}

#[derive(askama::Template)]
#[template(path = "replica.html")]
struct ReplicaStaffPage {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    primary: Option<String>,
    path: String,
}

/// `/staff*` on a read-only replica: a page linking to the same page on the primary.
async fn replica_staff(
    state: web::Data<AppState>,
    request: HttpRequest,
) -> Result<HttpResponse, crate::error::AppError> {
    use askama::Template as _;
    let primary = state.deployment.primary_url.as_ref().map(|url| url.trim_end_matches('/').to_owned());
    let page = ReplicaStaffPage {
        lang: crate::i18n::Lang::DEFAULT,
        here: String::new(),
        primary,
        path: request.path().to_owned(),
    };
    Ok(HttpResponse::Ok()
        .content_type(header::ContentType::html())
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(page.render()?))
}

/// The largest request body accepted (forms, uploads); more is refused with 413 before it is read.
pub const MAX_BODY_BYTES: usize = 256 * 1024;

// Every form fits in a body the site accepts.
const _: () = assert!(crate::staff::MAX_FORM_BYTES <= MAX_BODY_BYTES);

/// The largest request body under `/staff` (signed-in uploads of meeting files); handlers there
/// set their own `PayloadConfig` up to this.
pub const STAFF_MAX_BODY_BYTES: usize = 64 << 20;

// Every staff form fits in a body the staff paths accept.
const _: () = assert!(crate::staff::MAX_STAFF_FORM_BYTES <= STAFF_MAX_BODY_BYTES);

/// How long a request's body may take to arrive once its head has: 10 s, and a second more for
/// every 16 KiB it declares (or may have), so a slow phone sends any form while a client dripping
/// a byte a second holds its connection for seconds, not for ever.
fn body_time(length: usize) -> Duration {
    Duration::from_secs(10 + u64::try_from(length / (16 * 1024)).unwrap_or(u64::MAX / 2))
}

/// A request's body that must arrive by a deadline; past it, reading fails and `late` is set
/// (the response becomes a 408 that closes the connection).
struct BodyDeadline {
    body: actix_web::dev::Payload,
    deadline: std::pin::Pin<Box<actix_web::rt::time::Sleep>>,
    late: std::rc::Rc<std::cell::Cell<bool>>,
}

impl futures_core::Stream for BodyDeadline {
    type Item = Result<actix_web::web::Bytes, actix_web::error::PayloadError>;

    fn poll_next(
        self: std::pin::Pin<&mut Self>,
        context: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if std::future::Future::poll(this.deadline.as_mut(), context).is_ready() {
            this.late.set(true);
            let error = std::io::Error::new(std::io::ErrorKind::TimedOut, "the request's body did not arrive in time");
            return std::task::Poll::Ready(Some(Err(actix_web::error::PayloadError::Io(error))));
        }
        std::pin::Pin::new(&mut this.body).poll_next(context)
    }
}

/// The methods every page answers.
const ALLOWED: &str = "GET, HEAD";

/// A request no route took: 405 with `Allow` for another method on a path we serve, else 404.
async fn unrouted(request: HttpRequest) -> Result<HttpResponse, crate::error::AppError> {
    let known_path = request.resource_map().has_resource(request.path());
    if known_path && request.method() != Method::GET {
        return Ok(HttpResponse::MethodNotAllowed().insert_header((header::ALLOW, ALLOWED)).finish());
    }
    routes::pages::not_found().await
}

/// Serves the app on an already-bound listener (tests bind port 0).
pub fn serve(listener: TcpListener, state: web::Data<AppState>) -> std::io::Result<Server> {
    Ok(HttpServer::new(move || app(state.clone()))
        // One worker and one database thread per connection of the pool: no thread waits for one.
        .workers(crate::db::pool_size())
        .worker_max_blocking_threads(1)
        // Slow or idle clients give up their connection: a request's head must arrive within
        // 5 s (a slowloris is cut off), an idle kept-alive connection is closed after 15 s.
        .client_request_timeout(Duration::from_secs(5))
        .client_disconnect_timeout(Duration::from_secs(1))
        .keep_alive(Duration::from_secs(15))
        // On SIGTERM or SIGINT, stop accepting and let requests in flight finish for up to 10 s.
        .shutdown_timeout(10)
        .listen(listener)?
        .run())
}
