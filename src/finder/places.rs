//! Places from the site's own data: every town, region and postal code its meetings name,
//! resolved to a point (the mean of those meetings' coordinates). No geocoding service: a place
//! the data does not name is not known, and the person is offered the nearest spellings.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use roaring::RoaringBitmap;

use super::Ruler;
use crate::meetings::Meeting;

/// A place `near=` was resolved to.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// As the data writes it ("Prairie City", "60601").
    pub name: String,
    /// (latitude, longitude).
    pub point: (f64, f64),
}

#[derive(Default)]
struct Sum {
    name: String,
    latitude: f64,
    longitude: f64,
    meetings: u32,
}

/// Collects places while the index is built.
#[derive(Default)]
pub(super) struct Builder {
    sums: HashMap<String, Sum>,
    located: Vec<(f64, f64, u32)>,
}

impl Builder {
    /// Adds a meeting with a venue at `point` under each place it names.
    pub(super) fn add(&mut self, meeting: &Meeting, point: (f64, f64), number: u32) {
        let extra = |key: &str| meeting.extra.get(key).and_then(|value| value.as_str()).map(str::trim);
        let names = meeting.regions.iter().map(String::as_str).chain(extra("city")).chain(extra("postal_code"));
        let mut seen: Vec<String> = Vec::new();
        for name in names.filter(|name| !name.is_empty()) {
            let key = name.to_lowercase();
            if seen.contains(&key) {
                continue;
            }
            let sum = self.sums.entry(key.clone()).or_insert_with(|| Sum { name: name.to_owned(), ..Sum::default() });
            sum.latitude += point.0;
            sum.longitude += point.1;
            sum.meetings += 1;
            seen.push(key);
        }
        self.located.push((point.0, point.1, number));
    }

    pub(super) fn finish(self) -> PlaceLookup {
        let places = self
            .sums
            .into_iter()
            .map(|(key, sum)| {
                let count = f64::from(sum.meetings);
                (key, (sum.name, (sum.latitude / count, sum.longitude / count), sum.meetings))
            })
            .collect();
        let offered = offered_names(&places);
        PlaceLookup { places, located: self.located, offered, memo: Mutex::default() }
    }
}

/// Work kept per place asked for, for the life of one index: its located meetings nearest first,
/// and those within each distance asked for. Bounded: each map is emptied when it is full (a
/// nearest-first list holds every located meeting, so few are kept).
#[derive(Default)]
struct Memo {
    nearest: HashMap<String, Arc<Vec<(f64, u32)>>>,
    within: HashMap<(String, u64), Arc<RoaringBitmap>>,
}

const MEMO_PLACES: usize = 32;
const MEMO_DISTANCES: usize = 512;

/// The places of one revision, and the meetings with a venue and coordinates (for `within`).
#[derive(Default)]
pub struct PlaceLookup {
    /// By lower-cased name: (name as written, point, meetings there).
    places: HashMap<String, (String, (f64, f64), u32)>,
    /// (latitude, longitude, meeting), in meeting order.
    located: Vec<(f64, f64, u32)>,
    /// The names the finder's form offers, worked out once.
    offered: Vec<String>,
    memo: Mutex<Memo>,
}

impl PlaceLookup {
    /// The place named `asked` (any case, spaces trimmed), or up to five names it may have meant.
    pub fn resolve(&self, asked: &str) -> Result<Place, Vec<String>> {
        let key = asked.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        if let Some((name, point, _)) = self.places.get(&key) {
            return Ok(Place { name: name.clone(), point: *point });
        }
        let mut near: Vec<(&String, u32)> = self
            .places
            .iter()
            .filter(|(own, _)| {
                !key.is_empty() && (own.contains(&key) || key.contains(own.as_str()) || own.get(..2) == key.get(..2))
            })
            .map(|(_, (name, _, meetings))| (name, *meetings))
            .collect();
        near.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        Err(near.into_iter().take(5).map(|(name, _)| name.clone()).collect())
    }

    /// The located meetings with their distance from `place`, nearest first (ties by meeting).
    pub fn nearest(&self, place: &Place) -> Arc<Vec<(f64, u32)>> {
        let key = place.name.to_lowercase();
        if let Some(kept) = self.memo.lock().ok().and_then(|memo| memo.nearest.get(&key).cloned()) {
            return kept;
        }
        let ruler = Ruler::new(place.point);
        let mut nearest: Vec<(f64, u32)> = self
            .located
            .iter()
            .map(|(latitude, longitude, number)| (ruler.km((*latitude, *longitude)), *number))
            .collect();
        nearest.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let nearest = Arc::new(nearest);
        if let Ok(mut memo) = self.memo.lock() {
            if memo.nearest.len() >= MEMO_PLACES {
                memo.nearest.clear();
            }
            memo.nearest.insert(key, Arc::clone(&nearest));
        }
        nearest
    }

    /// Meetings with a venue within `radius` kilometres of `place`.
    pub fn within(&self, place: &Place, radius: f64) -> Arc<RoaringBitmap> {
        let key = (place.name.to_lowercase(), radius.to_bits());
        if let Some(kept) = self.memo.lock().ok().and_then(|memo| memo.within.get(&key).cloned()) {
            return kept;
        }
        let nearest = self.nearest(place);
        let inside = nearest.partition_point(|(km, _)| *km <= radius);
        let mut numbers: Vec<u32> = nearest[..inside].iter().map(|(_, number)| *number).collect();
        numbers.sort_unstable();
        let within = Arc::new(RoaringBitmap::from_sorted_iter(numbers).unwrap_or_default());
        if let Ok(mut memo) = self.memo.lock() {
            if memo.within.len() >= MEMO_DISTANCES {
                memo.within.clear();
            }
            memo.within.insert(key, Arc::clone(&within));
        }
        within
    }

    /// The place names the finder's form offers, sorted.
    pub fn offered(&self) -> &[String] {
        &self.offered
    }
}

/// Place names a form offers: at most this many, those with the most meetings.
const OFFERED: usize = 200;

/// The [`OFFERED`] names with the most meetings (then by name), sorted by name.
fn offered_names(places: &HashMap<String, (String, (f64, f64), u32)>) -> Vec<String> {
    let mut all: Vec<(&String, u32)> = places.values().map(|(name, _, meetings)| (name, *meetings)).collect();
    all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut names: Vec<String> = all.into_iter().take(OFFERED).map(|(name, _)| name.clone()).collect();
    names.sort();
    names
}
