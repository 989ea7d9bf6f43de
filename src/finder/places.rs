//! Places from the site's own data: every town, region and postal code its meetings name,
//! resolved to a point (the mean of those meetings' coordinates). No geocoding service: a place
//! the data does not name is not known, and the person is offered the nearest spellings.

use std::cmp::Ordering;
use std::collections::HashMap;

use roaring::RoaringBitmap;

use super::{KM_PER_DEGREE, Ruler};
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
        let mut point_of = Vec::new();
        for (latitude, longitude, number) in &self.located {
            let index = *number as usize;
            if point_of.len() <= index {
                point_of.resize(index + 1, (f64::NAN, f64::NAN));
            }
            point_of[index] = (*latitude, *longitude);
        }
        let mut located = self.located;
        located.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.2.cmp(&b.2)));
        PlaceLookup { places, located, point_of, offered }
    }
}

/// The places of one revision, and the meetings with a venue and coordinates (for `within` and
/// nearest first). Nothing is kept per query: a distance costs a few multiplications, so a query
/// measures only what it needs (the meetings in a band of latitude, or its own candidates), and a
/// thousand different places cost no more than one.
#[derive(Default)]
pub struct PlaceLookup {
    /// By lower-cased name: (name as written, point, meetings there).
    places: HashMap<String, (String, (f64, f64), u32)>,
    /// (latitude, longitude, meeting), by latitude: `within` reads one band of it.
    located: Vec<(f64, f64, u32)>,
    /// By meeting number: (latitude, longitude), NaN for a meeting without a located venue.
    point_of: Vec<(f64, f64)>,
    /// The names the finder's form offers, worked out once.
    offered: Vec<String>,
}

/// Nearest first, ties by meeting.
fn by_distance(a: &(f64, u32), b: &(f64, u32)) -> Ordering {
    a.0.total_cmp(&b.0).then(a.1.cmp(&b.1))
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

    /// Where meeting `number` meets, when it has a located venue.
    fn point(&self, number: u32) -> Option<(f64, f64)> {
        self.point_of.get(number as usize).copied().filter(|(latitude, _)| !latitude.is_nan())
    }

    /// A page of `candidates` by distance from `place`: the located ones nearest first (ties by
    /// meeting), then those without a place to measure to, in meeting order. Only the meetings up
    /// to the end of the page are ordered.
    pub fn nearest_first(&self, place: &Place, candidates: &RoaringBitmap, offset: usize, limit: usize) -> Vec<u32> {
        let ruler = Ruler::new(place.point);
        let mut keyed: Vec<(f64, u32)> =
            candidates.iter().filter_map(|number| Some((ruler.km(self.point(number)?), number))).collect();
        let located = keyed.len();
        let wanted = offset.saturating_add(limit);
        if wanted < keyed.len() {
            keyed.select_nth_unstable_by(wanted, by_distance);
            keyed.truncate(wanted);
        }
        keyed.sort_unstable_by(by_distance);
        let mut page: Vec<u32> = keyed.into_iter().skip(offset).take(limit).map(|(_, number)| number).collect();
        if page.len() < limit {
            let unlocated = candidates.iter().filter(|number| self.point(*number).is_none());
            page.extend(unlocated.skip(offset.saturating_sub(located)).take(limit - page.len()));
        }
        page
    }

    /// The meetings of `chosen` with a venue within `radius` kilometres of `place`. Whichever is
    /// fewer is measured one by one: the chosen meetings, or the located ones in the band of
    /// latitude the radius spans (to the ruler a degree of latitude is [`KM_PER_DEGREE`] long).
    pub fn within(&self, place: &Place, radius: f64, chosen: &RoaringBitmap) -> RoaringBitmap {
        let ruler = Ruler::new(place.point);
        let inside = |point: (f64, f64)| ruler.km(point) <= radius;
        let reach = radius / KM_PER_DEGREE + 1e-9;
        let (south, north) = (place.point.0 - reach, place.point.0 + reach);
        let first = self.located.partition_point(|(latitude, _, _)| *latitude < south);
        let last = self.located.partition_point(|(latitude, _, _)| *latitude <= north);
        if chosen.len() <= (last - first) as u64 {
            let kept = chosen.iter().filter(|number| self.point(*number).is_some_and(inside));
            return RoaringBitmap::from_sorted_iter(kept).unwrap_or_default();
        }
        let band = self.located[first..last].iter().filter(|(latitude, longitude, _)| inside((*latitude, *longitude)));
        let mut within: RoaringBitmap = band.map(|(_, _, number)| *number).collect();
        within &= chosen;
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
