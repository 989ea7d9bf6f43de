//! Assembles the actix `App` (middleware, routes, the 404 service) around an [`AppState`], for both
//! `main` and the tests. It owns no state: that is `state.rs`.

use std::net::TcpListener;

use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::{Compress, DefaultHeaders, Logger, NormalizePath, TrailingSlash};
use actix_web::{App, HttpServer, web};

use crate::routes;
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
