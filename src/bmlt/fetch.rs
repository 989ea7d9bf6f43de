//! Asking a BMLT root server for a source's set through its semantic interface: `GetServerInfo`
//! (is it a root server?), `GetSearchResults` with `get_used_formats` (page by page when the
//! server pages; the first request carries the source's validators), `GetServiceBodies`, and
//! `GetFormats` when the search brought none. Each request goes through the caller's `get` (the
//! sync's fetch, with its timeout, size limit and checks); the answers become one document that
//! [`super::read`] reads.

use serde_json::{Map, Value, json};

/// Meetings asked for per page: a server that pages answers this many until the last page.
pub const PAGE_SIZE: usize = 500;
/// Pages read at most (500,000 meetings): a server that repeats itself is not followed forever.
const MOST_PAGES: usize = 1000;

/// What one request brought.
pub enum Answer {
    /// The first page is unchanged since the last good fetch (a 304).
    NotModified,
    Body(Vec<u8>),
}

/// The root server's base address, from what staff typed: a trailing `/`, the interface's own
/// path (`…/client_interface/json/`) and a `switcher=` are dropped; any other query (a root
/// server behind a gateway that wants `?api_key=…`) is kept, to be sent with every request.
pub fn root_of(typed: &str) -> String {
    let typed = typed.trim();
    let (base, query) = typed.split_once('?').unwrap_or((typed, ""));
    let base = base.split('#').next().unwrap_or(base);
    let base = base.split("/client_interface").next().unwrap_or(base).trim_end_matches('/');
    match kept_query(query) {
        kept if kept.is_empty() => base.to_owned(),
        kept => format!("{base}?{kept}"),
    }
}

/// A query without its `switcher=` (and fragment): what is sent with every request.
fn kept_query(query: &str) -> String {
    let query = query.split('#').next().unwrap_or(query);
    query
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("switcher=") && *pair != "switcher")
        .collect::<Vec<_>>()
        .join("&")
}

/// The root server's address as it is shown and named (slugs, a meeting's provenance): no
/// query, no password, no trailing `/`.
pub fn shown_root(root: &str) -> String {
    crate::db::address_of(&root_of(root)).trim_end_matches('/').to_owned()
}

/// The semantic interface's address for `switcher` with more query parameters (each starting
/// with `&`): the interface's path joined to the root's, the root's own query kept after ours.
pub fn switcher_url(root: &str, switcher: &str, parameters: &str) -> String {
    let root = root_of(root);
    let (base, query) = root.split_once('?').unwrap_or((root.as_str(), ""));
    let query = if query.is_empty() { String::new() } else { format!("&{query}") };
    format!("{base}/client_interface/json/?switcher={switcher}{parameters}{query}")
}

/// Fetches a source's set: `Ok(None)` when the server says it is unchanged. `get(url, first)`
/// makes one request; `first` marks the one that carries the validators. At most `max_bytes`
/// are read in all; paging stops once more than `most_meetings` meetings are read (the caller
/// refuses so many).
pub fn fetch(
    root: &str,
    services: &[u32],
    max_bytes: u64,
    most_meetings: usize,
    get: &mut dyn FnMut(&str, bool) -> Result<Answer, String>,
) -> Result<Option<Vec<u8>>, String> {
    let mut total = 0u64;
    let mut body = |url: String, first: bool, switcher: &str| -> Result<Option<Value>, String> {
        let bytes = match get(&url, first)? {
            Answer::NotModified => return Ok(None),
            Answer::Body(bytes) => bytes,
        };
        total += bytes.len() as u64;
        if total > max_bytes {
            return Err(format!("the answers are larger than the limit of {max_bytes} bytes in all"));
        }
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|error| format!("{switcher} did not answer with JSON ({error}): is {root} a BMLT root server?"))
    };
    match body(switcher_url(root, "GetServerInfo", ""), false, "GetServerInfo")? {
        Some(Value::Array(items)) if items.first().is_some_and(|info| info.get("version").is_some()) => {}
        _ => return Err(format!("GetServerInfo did not answer as a BMLT root server does (is {root} one?)")),
    }
    let mut filter = String::new();
    for id in services {
        filter.push_str(&format!("&services%5B%5D={id}"));
    }
    if !services.is_empty() {
        filter.push_str("&recursive=1");
    }
    let mut meetings: Vec<Value> = Vec::new();
    let mut formats: Vec<Value> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for page in 1..=MOST_PAGES {
        let url = switcher_url(
            root,
            "GetSearchResults",
            &format!("{filter}&get_used_formats=1&page_size={PAGE_SIZE}&page_num={page}"),
        );
        let Some(answer) = body(url, page == 1, "GetSearchResults")? else {
            return Ok(None);
        };
        let (items, used) = match answer {
            Value::Array(items) => (items, Vec::new()),
            Value::Object(mut object) => match object.remove("meetings") {
                Some(Value::Array(items)) => (
                    items,
                    object.remove("formats").and_then(|formats| formats.as_array().cloned()).unwrap_or_default(),
                ),
                _ => return Err("GetSearchResults did not answer with a list of meetings".to_owned()),
            },
            _ => return Err("GetSearchResults did not answer with a list of meetings".to_owned()),
        };
        let count = items.len();
        let mut new = 0;
        for item in items {
            let id = item.get("id_bigint").map(ToString::to_string).unwrap_or_default();
            if seen.insert(id) {
                meetings.push(item);
                new += 1;
            }
        }
        for format in used {
            if !formats.iter().any(|own| own.get("id") == format.get("id")) {
                formats.push(format);
            }
        }
        // A short page is the last; a server that does not page answers everything at once (more
        // than a page) or the same page again (nothing new).
        if count != PAGE_SIZE || new == 0 || meetings.len() > most_meetings {
            break;
        }
    }
    let bodies = match body(switcher_url(root, "GetServiceBodies", ""), false, "GetServiceBodies")? {
        Some(Value::Array(items)) => items,
        _ => return Err("GetServiceBodies did not answer with a list of service bodies".to_owned()),
    };
    if formats.is_empty() {
        formats = match body(switcher_url(root, "GetFormats", ""), false, "GetFormats")? {
            Some(Value::Array(items)) => items,
            _ => return Err("GetFormats did not answer with a list of formats".to_owned()),
        };
    }
    let mut document = Map::new();
    document.insert("root_server".into(), json!(shown_root(root)));
    document.insert("meetings".into(), Value::Array(meetings));
    document.insert("formats".into(), Value::Array(formats));
    document.insert("service_bodies".into(), Value::Array(bodies));
    serde_json::to_vec(&Value::Object(document)).map(Some).map_err(|error| error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_is_the_base_address_whatever_staff_typed() {
        for typed in [
            "https://na.example.org/main_server",
            "https://na.example.org/main_server/",
            "https://na.example.org/main_server/client_interface/json/?switcher=GetServerInfo",
        ] {
            assert_eq!(root_of(typed), "https://na.example.org/main_server", "{typed}");
        }
        assert_eq!(
            switcher_url("https://na.example.org/main_server/", "GetFormats", ""),
            "https://na.example.org/main_server/client_interface/json/?switcher=GetFormats"
        );
    }

    #[test]
    fn a_root_with_a_query_keeps_it_after_the_interface_path_and_never_shows_it() {
        for typed in [
            "https://na.example.org/main_server?api_key=k1",
            "https://na.example.org/main_server/?api_key=k1",
            "https://na.example.org/main_server/client_interface/json/?switcher=GetServerInfo&api_key=k1",
        ] {
            assert_eq!(root_of(typed), "https://na.example.org/main_server?api_key=k1", "{typed}");
            assert_eq!(
                switcher_url(typed, "GetSearchResults", "&page_num=1"),
                "https://na.example.org/main_server/client_interface/json/?switcher=GetSearchResults&page_num=1&api_key=k1",
                "{typed}"
            );
            assert_eq!(shown_root(typed), "https://na.example.org/main_server", "{typed}");
        }
        assert_eq!(shown_root("https://na:pw@na.example.org/"), "https://na.example.org");
    }
}
