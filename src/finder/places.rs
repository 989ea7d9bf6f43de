//! Places from the site's own data: every town, region and postal code its meetings name,
//! resolved to a point (the mean of those meetings' coordinates). No geocoding service: a place
//! the data does not name is not known, and the person is offered the nearest spellings.

use std::collections::HashMap;

use roaring::RoaringBitmap;

use super::km;
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
    located: Vec<(f64, u32)>,
    longitudes: HashMap<u32, f64>,
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
        self.located.push((point.0, number));
        self.longitudes.insert(number, point.1);
    }

    pub(super) fn finish(mut self) -> PlaceLookup {
        self.located.sort_by(|a, b| a.0.total_cmp(&b.0));
        let places = self
            .sums
            .into_iter()
            .map(|(key, sum)| {
                let count = f64::from(sum.meetings);
                (key, (sum.name, (sum.latitude / count, sum.longitude / count), sum.meetings))
            })
            .collect();
        let located = self
            .located
            .into_iter()
            .map(|(latitude, number)| (latitude, self.longitudes.get(&number).copied().unwrap_or_default(), number))
            .collect();
        PlaceLookup { places, located }
    }
}

/// The places of one revision, and the located meetings sorted by latitude (for `within`).
#[derive(Default)]
pub struct PlaceLookup {
    /// By lower-cased name: (name as written, point, meetings there).
    places: HashMap<String, (String, (f64, f64), u32)>,
    /// (latitude, longitude, meeting), sorted by latitude.
    located: Vec<(f64, f64, u32)>,
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

    /// Meetings with a venue within `radius` kilometres of `point`.
    pub fn within(&self, point: (f64, f64), radius: f64) -> RoaringBitmap {
        // One degree of latitude is about 111 km everywhere: a band first, then the true distance.
        let band = radius / 110.0;
        let start = self.located.partition_point(|(latitude, _, _)| *latitude < point.0 - band);
        self.located[start..]
            .iter()
            .take_while(|(latitude, _, _)| *latitude <= point.0 + band)
            .filter(|(latitude, longitude, _)| km(point, (*latitude, *longitude)) <= radius)
            .map(|(_, _, number)| *number)
            .collect()
    }

    /// Place names, those with the most meetings first, then by name (at most `limit`).
    pub fn names(&self, limit: usize) -> Vec<String> {
        let mut all: Vec<(&String, u32)> = self.places.values().map(|(name, _, meetings)| (name, *meetings)).collect();
        all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let mut names: Vec<String> = all.into_iter().take(limit).map(|(name, _)| name.clone()).collect();
        names.sort();
        names
    }
}
