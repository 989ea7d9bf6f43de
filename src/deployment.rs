//! How this process sits in a deployment: the proxies whose forwarded headers it trusts, and
//! whether it is a read-only replica (and where its primary is). `serve` sets it; handlers read it
//! from [`crate::state::AppState`].

use std::net::IpAddr;

use actix_web::HttpRequest;
use actix_web::http::header;

#[derive(Debug, Clone, Default)]
pub struct Deployment {
    /// Peers whose `X-Forwarded-*` / `Forwarded` headers are believed (nginx on this machine).
    pub trusted_proxies: Vec<IpAddr>,
    /// Serve from a database another process keeps current; never write to it.
    pub read_only: bool,
    /// The primary's address (staff pages on a replica send people there).
    pub primary_url: Option<String>,
}

impl Deployment {
    /// Did this request come through one of our proxies?
    pub fn from_trusted_proxy(&self, request: &HttpRequest) -> bool {
        request.peer_addr().is_some_and(|peer| self.trusted_proxies.contains(&peer.ip()))
    }

    /// "scheme://host" as the visitor typed it: the forwarded headers when a trusted proxy sent
    /// them, otherwise this connection's own `Host` (a direct client cannot name another site).
    pub fn site_address(&self, request: &HttpRequest) -> String {
        if self.from_trusted_proxy(request) {
            let info = request.connection_info();
            return format!("{}://{}", info.scheme(), info.host());
        }
        let host = request
            .headers()
            .get(header::HOST)
            .and_then(|value| value.to_str().ok())
            .filter(|host| !host.is_empty() && host.bytes().all(|b| b.is_ascii_graphic() && b != b'/' && b != b'@'))
            .map_or_else(|| request.app_config().host().to_owned(), str::to_owned);
        let scheme = if request.app_config().secure() { "https" } else { "http" };
        format!("{scheme}://{host}")
    }
}
