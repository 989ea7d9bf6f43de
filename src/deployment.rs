//! How this process sits in a deployment: the proxies whose forwarded headers it trusts (and so
//! who sent a request, and over which scheme), and whether it is a read-only replica (and where
//! its primary is). `serve` sets it; handlers read it from [`crate::state::AppState`].

use std::net::{IpAddr, SocketAddr};

use actix_web::HttpRequest;
use actix_web::http::header::{self, HeaderMap};

#[derive(Debug, Clone, Default)]
pub struct Deployment {
    /// Peers whose `Forwarded` / `X-Forwarded-*` headers are believed (nginx on this machine).
    pub trusted_proxies: Vec<IpAddr>,
    /// Serve from a database another process keeps current; never write to it.
    pub read_only: bool,
    /// The primary's address (staff pages on a replica send people there).
    pub primary_url: Option<String>,
}

/// Who sent a request, as far as this deployment can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Client {
    /// `None`: the connection has no IP address (a test without a peer).
    pub address: Option<IpAddr>,
    /// Did the client reach us (or our proxy) over HTTPS?
    pub https: bool,
}

impl Client {
    /// Who the limits count this client as: its IPv4 address, or its IPv6 address's /64 (one
    /// host is given a whole /64 and could otherwise take a new address for every request);
    /// `unknown` when there is none.
    pub fn limit_key(&self) -> String {
        match self.address {
            None => "unknown".to_owned(),
            Some(IpAddr::V4(address)) => address.to_string(),
            Some(IpAddr::V6(address)) => {
                let network = std::net::Ipv6Addr::from(address.to_bits() & !(u128::MAX >> 64));
                format!("{network}/64")
            }
        }
    }
}

/// One hop a forwarding header names: where it came from (`None`: not an address, like
/// `unknown` or an obfuscated name) and whether over HTTPS (`None`: not said).
#[derive(Debug, Default)]
struct Hop {
    address: Option<IpAddr>,
    https: Option<bool>,
}

impl Deployment {
    /// Is this address one of our proxies? (`::ffff:127.0.0.1` is `127.0.0.1`.)
    fn trusts(&self, address: IpAddr) -> bool {
        self.trusted_proxies.iter().any(|proxy| proxy.to_canonical() == address.to_canonical())
    }

    /// Did this request come through one of our proxies?
    pub fn from_trusted_proxy(&self, request: &HttpRequest) -> bool {
        request.peer_addr().is_some_and(|peer| self.trusts(peer.ip()))
    }

    /// Who sent the request: the peer, unless the peer is one of our proxies; then the hops its
    /// headers name are walked from the right (the proxy's own entry first) past our proxies, and
    /// the first address that is not ours is the client. Entries left of it are whatever the
    /// client claimed and are never read; an entry that is not an address stops the walk at the
    /// proxy before it. The scheme is the one that hop says, else this connection's own.
    pub fn client(&self, request: &HttpRequest) -> Client {
        let own = Client {
            address: request.peer_addr().map(|peer| peer.ip().to_canonical()),
            https: request.uri().scheme_str() == Some("https") || request.app_config().secure(),
        };
        if !own.address.is_some_and(|peer| self.trusts(peer)) {
            return own;
        }
        let mut client = own;
        for hop in hops(request.headers()).into_iter().rev() {
            client.https = hop.https.unwrap_or(client.https);
            let Some(address) = hop.address else { break };
            client.address = Some(address);
            if !self.trusts(address) {
                break;
            }
        }
        client
    }

    /// "scheme://host" as the visitor typed it: the forwarded headers when a trusted proxy sent
    /// them, otherwise this connection's own `Host` (a direct client cannot name another site).
    pub fn site_address(&self, request: &HttpRequest) -> String {
        let scheme = if self.client(request).https { "https" } else { "http" };
        if self.from_trusted_proxy(request) {
            return format!("{scheme}://{}", request.connection_info().host());
        }
        let host = request
            .headers()
            .get(header::HOST)
            .and_then(|value| value.to_str().ok())
            .filter(|host| !host.is_empty() && host.bytes().all(|b| b.is_ascii_graphic() && b != b'/' && b != b'@'))
            .map_or_else(|| request.app_config().host().to_owned(), str::to_owned);
        format!("{scheme}://{host}")
    }
}

/// The hops a proxy's headers name, from the first client (left) to the proxy's own peer
/// (right): `Forwarded` (RFC 7239) when the request has one, else `X-Forwarded-For` with
/// `X-Forwarded-Proto` lined up from the right.
fn hops(headers: &HeaderMap) -> Vec<Hop> {
    let values = |name: &header::HeaderName| -> Vec<&str> {
        headers.get_all(name).filter_map(|value| value.to_str().ok()).collect()
    };
    let forwarded = values(&header::FORWARDED);
    if !forwarded.is_empty() {
        return forwarded
            .into_iter()
            .flat_map(|value| split_outside_quotes(value, ','))
            .map(|element| {
                let mut hop = Hop::default();
                for pair in split_outside_quotes(element, ';') {
                    let Some((name, value)) = pair.split_once('=') else { continue };
                    let value = unquote(value.trim());
                    match name.trim().to_ascii_lowercase().as_str() {
                        "for" => hop.address = parse_node(&value),
                        "proto" => hop.https = parse_scheme(&value),
                        _ => {}
                    }
                }
                hop
            })
            .collect();
    }
    let list = |name: &'static str| -> Vec<&str> {
        values(&header::HeaderName::from_static(name))
            .into_iter()
            .flat_map(|value| value.split(','))
            .map(str::trim)
            .collect()
    };
    let addresses = list("x-forwarded-for");
    let mut schemes = list("x-forwarded-proto").into_iter().rev().map(parse_scheme);
    let mut hops: Vec<Hop> = addresses
        .into_iter()
        .rev()
        .map(|address| Hop { address: parse_node(address), https: schemes.next().flatten() })
        .collect();
    if hops.is_empty() {
        // A proxy that says only the scheme: the client is the proxy itself.
        hops.push(Hop { address: None, https: schemes.next().flatten() });
    }
    hops.reverse();
    hops
}

/// An address as forwarding headers write it: `192.0.2.7`, `192.0.2.7:4711`, `2001:db8::1`,
/// `[2001:db8::1]` or `[2001:db8::1]:4711`; an IPv4-mapped IPv6 address is its IPv4 address.
fn parse_node(text: &str) -> Option<IpAddr> {
    let text = text.trim();
    let address = text
        .parse::<IpAddr>()
        .ok()
        .or_else(|| text.parse::<SocketAddr>().ok().map(|socket| socket.ip()))
        .or_else(|| text.strip_prefix('[')?.strip_suffix(']')?.parse::<IpAddr>().ok())?;
    Some(address.to_canonical())
}

fn parse_scheme(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "https" => Some(true),
        "http" => Some(false),
        _ => None,
    }
}

/// A token or an RFC 7230 quoted string, without its quotes and escapes.
fn unquote(text: &str) -> String {
    let Some(inner) = text.strip_prefix('"').and_then(|rest| rest.strip_suffix('"')) else {
        return text.to_owned();
    };
    let mut plain = String::with_capacity(inner.len());
    let mut escaped = false;
    for c in inner.chars() {
        if escaped || c != '\\' {
            plain.push(c);
            escaped = false;
        } else {
            escaped = true;
        }
    }
    plain
}

/// `text` split at `separator`, except inside quoted strings.
fn split_outside_quotes(text: &str, separator: char) -> Vec<&str> {
    let (mut parts, mut start, mut quoted, mut escaped) = (Vec::new(), 0, false, false);
    for (at, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            _ if c == separator && !quoted => {
                parts.push(&text[start..at]);
                start = at + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    fn behind(proxies: &[&str]) -> Deployment {
        Deployment {
            trusted_proxies: proxies.iter().map(|proxy| proxy.parse().expect("address")).collect(),
            ..Deployment::default()
        }
    }

    fn from(peer: &str, headers: &[(&'static str, &'static str)]) -> HttpRequest {
        let mut request = TestRequest::default().peer_addr(peer.parse().expect("address"));
        for header in headers {
            request = request.insert_header(*header);
        }
        request.to_http_request()
    }

    fn address(deployment: &Deployment, peer: &str, headers: &[(&'static str, &'static str)]) -> String {
        deployment.client(&from(peer, headers)).limit_key()
    }

    #[test]
    fn forwarded_headers_are_ignored_unless_the_peer_is_a_trusted_proxy() {
        let spoof = [("x-forwarded-for", "198.51.100.1"), ("forwarded", "for=198.51.100.2")];
        assert_eq!(address(&behind(&[]), "127.0.0.1:5000", &spoof), "127.0.0.1", "loopback is not trusted by itself");
        assert_eq!(address(&behind(&["10.0.0.5"]), "203.0.113.7:5000", &spoof), "203.0.113.7");
        assert_eq!(address(&behind(&[]), "[::ffff:127.0.0.1]:5000", &[]), "127.0.0.1", "a mapped address is IPv4");
    }

    #[test]
    fn the_client_is_the_right_most_address_that_is_not_a_trusted_proxy() {
        let nginx = behind(&["127.0.0.1", "10.0.0.5"]);
        let chain = [("x-forwarded-for", "1.2.3.4, 198.51.100.9, 10.0.0.5")];
        assert_eq!(address(&nginx, "127.0.0.1:5000", &chain), "198.51.100.9", "never the client's own claim");
        let split = [("x-forwarded-for", "1.2.3.4"), ("x-forwarded-for", "198.51.100.9")];
        assert_eq!(address(&nginx, "127.0.0.1:5000", &split), "198.51.100.9", "repeated headers are one list");
        let mapped = [("x-forwarded-for", "::ffff:198.51.100.9")];
        assert_eq!(address(&nginx, "[::ffff:127.0.0.1]:5000", &mapped), "198.51.100.9", "mapped peer and entry");
        let garbage = [("x-forwarded-for", "198.51.100.9, not-an-address")];
        assert_eq!(address(&nginx, "127.0.0.1:5000", &garbage), "127.0.0.1", "the walk stops at what it cannot read");
        assert_eq!(address(&nginx, "127.0.0.1:5000", &[("x-forwarded-for", "10.0.0.5")]), "10.0.0.5");
        assert_eq!(address(&nginx, "127.0.0.1:5000", &[]), "127.0.0.1");
    }

    #[test]
    fn an_ipv6_client_is_counted_by_its_64_network_and_an_ipv4_one_by_its_address() {
        let none = behind(&[]);
        let a = address(&none, "[2001:db8:1:2:aaaa::1]:5000", &[]);
        let b = address(&none, "[2001:db8:1:2:ffff:eeee:dddd:cccc]:5000", &[]);
        assert_eq!((a.as_str(), b.as_str()), ("2001:db8:1:2::/64", "2001:db8:1:2::/64"));
        assert_eq!(address(&none, "[2001:db8:1:3::1]:5000", &[]), "2001:db8:1:3::/64");
        assert_eq!(address(&none, "198.51.100.7:5000", &[]), "198.51.100.7");
    }

    #[test]
    fn forwarded_is_read_as_rfc_7239_writes_it_and_wins_over_x_forwarded_for() {
        let nginx = behind(&["127.0.0.1"]);
        let cases = [
            ("for=192.0.2.60;proto=http;by=203.0.113.43", "192.0.2.60"),
            ("for=\"[2001:db8:cafe::17]:4711\"", "2001:db8:cafe::/64"),
            ("For=\"192.0.2.43:47011\"", "192.0.2.43"),
            ("for=192.0.2.43, for=198.51.100.17", "198.51.100.17"),
            ("for=\"_hidden\", for=127.0.0.1", "127.0.0.1"),
            ("for=unknown", "127.0.0.1"),
        ];
        for (forwarded, expected) in cases {
            let headers = [("forwarded", forwarded), ("x-forwarded-for", "203.0.113.99")];
            assert_eq!(address(&nginx, "127.0.0.1:5000", &headers), expected, "{forwarded}");
        }
    }

    #[test]
    fn https_is_believed_only_from_a_trusted_proxy_and_from_the_hop_that_named_the_client() {
        let nginx = behind(&["127.0.0.1"]);
        let says_https = [("x-forwarded-proto", "https"), ("x-forwarded-for", "198.51.100.9")];
        assert!(nginx.client(&from("127.0.0.1:5000", &says_https)).https);
        assert!(!nginx.client(&from("203.0.113.7:5000", &says_https)).https, "a spoofed header");
        assert!(!behind(&[]).client(&from("127.0.0.1:5000", &says_https)).https, "loopback is not trusted");
        let forwarded = [("forwarded", "for=198.51.100.9;proto=https"), ("x-forwarded-proto", "http")];
        assert!(nginx.client(&from("127.0.0.1:5000", &forwarded)).https);
        let only_proto = [("x-forwarded-proto", "https")];
        assert!(nginx.client(&from("127.0.0.1:5000", &only_proto)).https);
    }
}
