//! Places from the site's own data: every town, region and postal code its meetings name (in
//! their `city`, `postal_code` and `regions` fields, or read from their formatted address),
//! resolved to a point (the mean of those meetings' coordinates). A place is found as people type
//! it: any case, with a state or country after it ("Huntington Beach, CA"), with common
//! abbreviations ("huntington bch") or misspelt (the nearest name by edit distance, told as "you
//! typed"), or as coordinates (`33.66,-117.99`, from "Use my location"). No geocoding service: a
//! place the data does not name is not known, and the person is offered the nearest spellings.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::cmp::Ordering;
use std::sync::Arc;

use super::bits::{Bits, Set};
use super::{KM_PER_DEGREE, Ruler};
use crate::meetings::Meeting;

/// A place `near=` was resolved to.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// As the data writes it ("Prairie City", "60601"); for coordinates, as given.
    pub name: String,
    /// (latitude, longitude).
    pub point: (f64, f64),
    /// What the person typed, when it was read as another name (an abbreviation, a misspelling).
    pub typed: Option<String>,
    /// `near=` gave coordinates (the person's own location), not a name.
    pub coordinates: bool,
}

impl Place {
    fn named(name: &str, point: (f64, f64)) -> Place {
        Place { name: name.to_owned(), point, typed: None, coordinates: false }
    }
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
        let from_address = meeting.formatted_address.as_deref().map(town_and_postal_code).unwrap_or_default();
        let names = meeting
            .regions
            .iter()
            .map(String::as_str)
            .chain(extra("city"))
            .chain(extra("postal_code").map(|code| code.split('-').next().unwrap_or(code)))
            .chain(from_address.0)
            .chain(from_address.1);
        let mut seen: Vec<Cow<str>> = Vec::new();
        // A meeting placed from its address is no evidence of where its places are.
        let placed = meeting.approximate_location().is_some();
        for name in names.filter(|name| !name.is_empty() && !placed) {
            let key = super::lower(name);
            if seen.contains(&key) {
                continue;
            }
            if !self.sums.contains_key(key.as_ref()) {
                self.sums.insert(key.to_string(), Sum { name: name.to_owned(), ..Sum::default() });
            }
            let Some(sum) = self.sums.get_mut(key.as_ref()) else { continue };
            sum.latitude += point.0;
            sum.longitude += point.1;
            sum.meetings += 1;
            seen.push(key);
        }
        self.located.push((point.0, point.1, number));
    }

    /// The lookup, for an index of `size` meetings.
    pub(super) fn finish(self, size: usize) -> PlaceLookup {
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
        let mut numbers: Vec<u32> = self.located.iter().map(|(_, _, number)| *number).collect();
        numbers.sort_unstable();
        let mut located = self.located;
        located.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.2.cmp(&b.2)));
        PlaceLookup { places, located, located_set: Set::of(numbers, size), point_of, offered, near: near_memo() }
    }
}

/// The places of one revision, and the meetings with a venue and coordinates (for `within` and
/// nearest first). A distance costs a few multiplications, so nearest first measures only what it
/// needs (the candidates in a band of latitude), and a thousand different places cost no more than
/// one. Which meetings lie within a distance of a place is worked out once per place and distance
/// and kept, for the places asked most (within [`NEAR_MEMO_BYTES`]), while the index lives.
pub struct PlaceLookup {
    /// By lower-cased name: (name as written, point, meetings there).
    places: HashMap<String, (String, (f64, f64), u32)>,
    /// (latitude, longitude, meeting), by latitude: `within` reads one band of it.
    located: Vec<(f64, f64, u32)>,
    /// The same meetings as a set.
    located_set: Set,
    /// By meeting number: (latitude, longitude), NaN for a meeting without a located venue.
    point_of: Vec<(f64, f64)>,
    /// The names the finder's form offers, worked out once.
    offered: Vec<String>,
    /// (place, radius in km as bits) → the located meetings that near.
    near: moka::sync::Cache<(String, u64), Arc<Bits>>,
}

/// Bytes of "meetings within a distance of a place" kept per index (a bitset each: 15 KB at
/// 120,000 meetings, so some 270 places and distances).
const NEAR_MEMO_BYTES: u64 = 4 << 20;

fn near_memo() -> moka::sync::Cache<(String, u64), Arc<Bits>> {
    moka::sync::Cache::builder()
        .max_capacity(NEAR_MEMO_BYTES)
        .weigher(|_, bits: &Arc<Bits>| u32::try_from(bits.bytes()).unwrap_or(u32::MAX))
        .build()
}

impl Default for PlaceLookup {
    fn default() -> PlaceLookup {
        PlaceLookup {
            places: HashMap::default(),
            located: Vec::new(),
            located_set: Set::default(),
            point_of: Vec::new(),
            offered: Vec::new(),
            near: near_memo(),
        }
    }
}

/// Nearest first, ties by meeting.
fn by_distance(a: &(f64, u32), b: &(f64, u32)) -> Ordering {
    a.0.total_cmp(&b.0).then(a.1.cmp(&b.1))
}

impl PlaceLookup {
    /// The place `asked` names, or up to five names it may have meant. Tried in turn: coordinates
    /// (`lat,lng`); the name in any case and spacing; without a state or country after it; with
    /// its abbreviations written out; and the one nearest name within a few letters' edit.
    pub fn resolve(&self, asked: &str) -> Result<Place, Vec<String>> {
        if let Some(point) = coordinates(asked) {
            return Ok(Place { name: asked.trim().to_owned(), point, typed: None, coordinates: true });
        }
        let key = normalized(asked);
        let found = |key: &str| self.places.get(key).map(|(name, point, _)| Place::named(name, *point));
        let trimmed = without_suffix(&key);
        if let Some(place) = found(&key).or_else(|| found(trimmed)) {
            return Ok(place);
        }
        let typed = Some(asked.split_whitespace().collect::<Vec<_>>().join(" "));
        let expanded = expand_abbreviations(trimmed);
        if let Some(place) = found(&expanded) {
            return Ok(Place { typed, ..place });
        }
        if let Some((name, point)) = self.nearest_spelling(&expanded) {
            return Ok(Place { typed, ..Place::named(name, point) });
        }
        let key = expanded;
        let mut near: Vec<(usize, u32, &String)> = self
            .places
            .iter()
            .filter(|(own, _)| !key.is_empty() && !own.is_empty())
            .filter_map(|(own, (name, _, meetings))| {
                let related = own.contains(&key) || key.contains(own.as_str()) || own.get(..2) == key.get(..2);
                let distance = edit_distance(own, &key);
                (related || distance <= key.chars().count() / 2).then_some((distance, *meetings, name))
            })
            .collect();
        near.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
        Err(near.into_iter().take(5).map(|(_, _, name)| name.clone()).collect())
    }

    /// The one name nearest `key` by edit distance, when it is within what a slip of the fingers
    /// makes (one edit in a short name, two in a longer one, three in a long one) and no other
    /// name is as near; ties go to the place with more meetings.
    fn nearest_spelling(&self, key: &str) -> Option<(&str, (f64, f64))> {
        let length = key.chars().count();
        let allowed = match length {
            0..=3 => return None,
            4..=6 => 1,
            7..=12 => 2,
            _ => 3,
        };
        let mut best: Option<(usize, u32, &str, (f64, f64))> = None;
        for (own, (name, point, meetings)) in &self.places {
            if own.chars().count().abs_diff(length) > allowed || own.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let distance = edit_distance(own, key);
            if distance > allowed {
                continue;
            }
            let better = best.is_none_or(|(d, m, n, _)| {
                (distance, std::cmp::Reverse(*meetings), name.as_str()) < (d, std::cmp::Reverse(m), n)
            });
            if better {
                best = Some((distance, *meetings, name, *point));
            }
        }
        best.map(|(_, _, name, point)| (name, point))
    }

    /// Where meeting `number` meets, when it has a located venue.
    fn point(&self, number: u32) -> Option<(f64, f64)> {
        self.point_of.get(number as usize).copied().filter(|(latitude, _)| !latitude.is_nan())
    }

    /// A page of `candidates` by distance from `place`: the located ones nearest first (ties by
    /// meeting), then those without a place to measure to, in meeting order. Only the meetings up
    /// to the end of the page are measured and ordered: those in a band of latitude around the
    /// place, widened until it holds enough of them (every meeting within the band's half-width
    /// of the place lies inside it, so the nearest are all there).
    pub fn nearest_first(&self, place: &Place, candidates: &Bits, offset: usize, limit: usize) -> Vec<u32> {
        let ruler = Ruler::new(place.point);
        let wanted = offset.saturating_add(limit);
        let located = usize::try_from(self.located_set.shared_with(candidates)).unwrap_or(usize::MAX);
        let mut reach = NEAREST_FIRST_REACH;
        let mut keyed: Vec<(f64, u32)> = loop {
            let (first, last) = self.band(place.point.0, reach);
            let everyone = first == 0 && last == self.located.len();
            if located <= wanted || everyone {
                break candidates.iter().filter_map(|number| Some((ruler.km(self.point(number)?), number))).collect();
            }
            let radius = reach * KM_PER_DEGREE;
            let near: Vec<(f64, u32)> = self.located[first..last]
                .iter()
                .filter(|(_, _, number)| candidates.contains(*number))
                .map(|(latitude, longitude, number)| (ruler.km((*latitude, *longitude)), *number))
                .filter(|(km, _)| *km <= radius)
                .collect();
            if near.len() >= wanted {
                break near;
            }
            reach *= 4.0;
        };
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

    /// Positions in `located` of the band of latitude `reach` degrees either side of `latitude`.
    fn band(&self, latitude: f64, reach: f64) -> (usize, usize) {
        let (south, north) = (latitude - reach, latitude + reach);
        let first = self.located.partition_point(|(latitude, _, _)| *latitude < south);
        let last = self.located.partition_point(|(latitude, _, _)| *latitude <= north);
        (first, last)
    }

    /// The meetings of `chosen` with a venue within `radius` kilometres of `place`: those of the
    /// located meetings in the band of latitude the radius spans (to the ruler a degree of latitude
    /// is [`KM_PER_DEGREE`] long) that are that near, worked out once per place and radius.
    pub fn within(&self, place: &Place, radius: f64, chosen: &Bits) -> Bits {
        let near = self.near.get_with((place.name.clone(), radius.to_bits()), || {
            let ruler = Ruler::new(place.point);
            let (first, last) = self.band(place.point.0, radius / KM_PER_DEGREE + 1e-9);
            let mut near = chosen.empty_like();
            for (latitude, longitude, number) in &self.located[first..last] {
                if ruler.km((*latitude, *longitude)) <= radius {
                    near.insert(*number);
                }
            }
            Arc::new(near)
        });
        let mut within = chosen.clone();
        within.and(&near);
        within
    }

    /// Where a meeting with an address but no coordinates is, roughly: the middle of the site's
    /// own meetings at the postal code its record or address names, else in its town (its most
    /// specific region or `city`), else in a town its address names (`…, Riverton, MN`). `None`
    /// when the data knows none of them. No geocoding service is asked.
    pub fn locate(&self, meeting: &Meeting) -> Option<Place> {
        let address = meeting.address().unwrap_or_default();
        let extra = |key: &str| meeting.extra.get(key).and_then(|value| value.as_str()).map(str::to_owned);
        // Postal codes: a word of the address with digits in it (55990, 55990-1234), the last first.
        let postal_codes = address
            .split([',', ' '])
            .rev()
            .filter(|word| word.len() >= 3 && word.bytes().any(|byte| byte.is_ascii_digit()))
            .filter(|word| word.bytes().all(|byte| byte.is_ascii_alphanumeric() || byte == b'-'))
            .map(|word| word.split('-').next().unwrap_or(word).to_owned());
        // Towns: the meeting's own, then the parts of its address after the street, the last first.
        let parts = address.split(',').skip(1).map(|part| part.trim().to_owned()).collect::<Vec<_>>();
        let candidates = extra("postal_code")
            .into_iter()
            .chain(postal_codes)
            .chain(meeting.town())
            .chain(meeting.regions.iter().rev().cloned())
            .chain(parts.into_iter().rev());
        for name in candidates.filter(|name| !name.trim().is_empty()) {
            if let Ok(place) = self.resolve(&name) {
                return Some(place);
            }
        }
        None
    }

    /// The place names the finder's form offers, sorted.
    pub fn offered(&self) -> &[String] {
        &self.offered
    }
}

/// `asked` lower-cased, with runs of spaces made one, commas followed by a space, and no dots.
fn normalized(asked: &str) -> String {
    let spaced = asked.replace(',', ", ").replace('.', " ");
    let words: Vec<&str> = spaced.split_whitespace().collect();
    words.join(" ").replace(" ,", ",").trim_matches(|c: char| c == ',' || c == ' ').to_lowercase()
}

/// US states and territories by their postal abbreviation and name, for "Town, CA".
const STATES: [(&str, &str); 53] = [
    ("al", "alabama"),
    ("ak", "alaska"),
    ("az", "arizona"),
    ("ar", "arkansas"),
    ("ca", "california"),
    ("co", "colorado"),
    ("ct", "connecticut"),
    ("de", "delaware"),
    ("dc", "district of columbia"),
    ("fl", "florida"),
    ("ga", "georgia"),
    ("hi", "hawaii"),
    ("id", "idaho"),
    ("il", "illinois"),
    ("in", "indiana"),
    ("ia", "iowa"),
    ("ks", "kansas"),
    ("ky", "kentucky"),
    ("la", "louisiana"),
    ("me", "maine"),
    ("md", "maryland"),
    ("ma", "massachusetts"),
    ("mi", "michigan"),
    ("mn", "minnesota"),
    ("ms", "mississippi"),
    ("mo", "missouri"),
    ("mt", "montana"),
    ("ne", "nebraska"),
    ("nv", "nevada"),
    ("nh", "new hampshire"),
    ("nj", "new jersey"),
    ("nm", "new mexico"),
    ("ny", "new york"),
    ("nc", "north carolina"),
    ("nd", "north dakota"),
    ("oh", "ohio"),
    ("ok", "oklahoma"),
    ("or", "oregon"),
    ("pa", "pennsylvania"),
    ("ri", "rhode island"),
    ("sc", "south carolina"),
    ("sd", "south dakota"),
    ("tn", "tennessee"),
    ("tx", "texas"),
    ("ut", "utah"),
    ("vt", "vermont"),
    ("va", "virginia"),
    ("wa", "washington"),
    ("wv", "west virginia"),
    ("wi", "wisconsin"),
    ("wy", "wyoming"),
    ("pr", "puerto rico"),
    ("gu", "guam"),
];

/// Country names a place may end with.
const COUNTRIES: [&str; 5] = ["usa", "us", "united states", "united states of america", "u s a"];

/// A normalized name without what follows its town: a country, a state (by abbreviation or
/// name, after a comma or a space), a postal code after the state ("Huntington Beach, CA 92648").
fn without_suffix(key: &str) -> &str {
    let mut key = key;
    loop {
        let before = key;
        for country in COUNTRIES {
            key = strip_last(key, country);
        }
        if let Some((head, last)) = key.rsplit_once(' ')
            && last.len() == 5
            && last.chars().all(|c| c.is_ascii_digit())
            && (head.contains(',')
                || head.rsplit(' ').next().is_some_and(|word| STATES.iter().any(|(a, _)| *a == word)))
        {
            key = head.trim_end_matches([',', ' ']);
        }
        for (abbreviation, name) in STATES {
            key = strip_last(strip_last(key, name), abbreviation);
        }
        if key == before || key.is_empty() {
            return if key.is_empty() { before } else { key };
        }
    }
}

/// `key` without a last word (or words) `word`, after a comma or a space; never all of it.
fn strip_last<'a>(key: &'a str, word: &str) -> &'a str {
    match key.strip_suffix(word) {
        Some(head) if head.ends_with([' ', ',']) && !head.trim_end_matches([',', ' ']).is_empty() => {
            head.trim_end_matches([',', ' '])
        }
        _ => key,
    }
}

/// Abbreviations of place names as people type them, with the word each stands for.
const ABBREVIATIONS: [(&str, &str); 22] = [
    ("bch", "beach"),
    ("bch.", "beach"),
    ("mt", "mount"),
    ("ft", "fort"),
    ("st", "saint"),
    ("ste", "sainte"),
    ("pt", "point"),
    ("spgs", "springs"),
    ("spg", "springs"),
    ("hts", "heights"),
    ("hls", "hills"),
    ("vly", "valley"),
    ("lk", "lake"),
    ("cyn", "canyon"),
    ("pk", "park"),
    ("n", "north"),
    ("s", "south"),
    ("e", "east"),
    ("w", "west"),
    ("so", "south"),
    ("no", "north"),
    ("sn", "san"),
];

/// `key` with each abbreviated word written out ("huntington bch" → "huntington beach").
fn expand_abbreviations(key: &str) -> String {
    let words: Vec<&str> = key
        .split(' ')
        .map(|word| ABBREVIATIONS.iter().find(|(short, _)| *short == word).map_or(word, |(_, long)| *long))
        .collect();
    words.join(" ")
}

/// Coordinates as "latitude,longitude" (what "Use my location" sends), when in range.
fn coordinates(asked: &str) -> Option<(f64, f64)> {
    let (latitude, longitude) = asked.split_once(',')?;
    let (latitude, longitude) = (latitude.trim().parse::<f64>().ok()?, longitude.trim().parse::<f64>().ok()?);
    ((-90.0..=90.0).contains(&latitude) && (-180.0..=180.0).contains(&longitude)).then_some((latitude, longitude))
}

/// The town and postal code of a formatted address in the usual US shape, "street, Town, ST
/// 12345, USA" (the country optional; the postal code's `-1234` left off).
pub(super) fn town_and_postal_code(address: &str) -> (Option<&str>, Option<&str>) {
    let mut parts: Vec<&str> = address.split(',').map(str::trim).filter(|part| !part.is_empty()).collect();
    if parts.last().is_some_and(|last| COUNTRIES.contains(&last.to_lowercase().replace('.', " ").trim())) {
        parts.pop();
    }
    let Some(last) = parts.last() else { return (None, None) };
    let mut words = last.split_whitespace();
    let (Some(state), postal) = (words.next(), words.next()) else { return (None, None) };
    let is_state = state.len() == 2 && state.chars().all(|c| c.is_ascii_uppercase());
    if !is_state || words.next().is_some() {
        return (None, None);
    }
    let postal = postal
        .map(|code| code.split('-').next().unwrap_or(code))
        .filter(|code| code.len() == 5 && code.chars().all(|c| c.is_ascii_digit()));
    let town =
        (parts.len() >= 3).then(|| parts[parts.len() - 2]).filter(|town| !town.chars().any(|c| c.is_ascii_digit()));
    (town, postal)
}

/// Edits (insert, delete, change, or swap two neighbours) from `a` to `b`, by character.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut before: Vec<usize> = Vec::new();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut current = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            current[j] = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                current[j] = current[j].min(before[j - 2] + 1);
            }
        }
        before = std::mem::replace(&mut previous, current);
    }
    previous[b.len()]
}

/// The first band `nearest_first` measures, in degrees of latitude either side (about 550 m: in a
/// city that already holds a page of meetings); it is widened fourfold until it holds enough.
const NEAREST_FIRST_REACH: f64 = 0.005;

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

#[cfg(test)]
mod tests {
    use super::*;

    /// Meetings on a line running north, 0.05° (5.6 km) apart, every third without a venue.
    fn lookup(count: u32) -> (PlaceLookup, Bits) {
        let mut builder = Builder::default();
        let mut everyone = Vec::new();
        for number in 0..count {
            everyone.push(number);
            if number % 3 != 2 {
                let meeting = Meeting::default();
                builder.add(&meeting, (40.0 + f64::from(number) * 0.05, -90.0 + f64::from(number % 2) * 0.01), number);
            }
        }
        (builder.finish(count as usize), Bits::of(&everyone, count as usize))
    }

    #[test]
    fn nearest_first_widens_its_band_until_the_page_is_there_and_agrees_with_a_full_sort() {
        let (places, everyone) = lookup(300);
        let ruler = Ruler::new((44.0, -90.0));
        let mut all: Vec<(f64, u32)> =
            everyone.iter().filter_map(|number| Some((ruler.km(places.point(number)?), number))).collect();
        all.sort_unstable_by(by_distance);
        let located = all.len();
        let unlocated: Vec<u32> = everyone.iter().filter(|number| places.point(*number).is_none()).collect();
        let expected: Vec<u32> = all.iter().map(|(_, number)| *number).chain(unlocated).collect();
        let place = Place::named("Here", (44.0, -90.0));
        // Pages near the place (one band), far from it (the band widens several times), and past
        // the located meetings (then those without a venue, in meeting order).
        for (offset, limit) in [(0, 5), (0, 20), (100, 20), (190, 30), (located - 3, 10), (located + 5, 10)] {
            let page = places.nearest_first(&place, &everyone, offset, limit);
            let wanted: Vec<u32> = expected.iter().skip(offset).take(limit).copied().collect();
            assert_eq!(page, wanted, "offset {offset}, limit {limit}");
        }
        // Only some candidates: the band must widen to find them.
        let few = Bits::of(&[0, 1, 299], 300);
        assert_eq!(places.nearest_first(&place, &few, 0, 2), vec![1, 0]);
    }

    #[test]
    fn a_formatted_address_gives_its_town_and_postal_code() {
        let read = town_and_postal_code;
        assert_eq!(
            read("18792 Delaware St, Huntington Beach, CA 92648, USA"),
            (Some("Huntington Beach"), Some("92648"))
        );
        assert_eq!(read("1 Main St, Irvine, CA 92618-1234"), (Some("Irvine"), Some("92618")));
        assert_eq!(read("Irvine, CA"), (None, None));
        assert_eq!(read("Online"), (None, None));
        assert_eq!(read("1 Main St, Suite 4, 92648"), (None, None));
    }

    #[test]
    fn suffixes_and_abbreviations_come_off_and_edits_are_counted() {
        assert_eq!(without_suffix(&normalized("Huntington Beach, CA")), "huntington beach");
        assert_eq!(without_suffix(&normalized("huntington beach ca 92648")), "huntington beach");
        assert_eq!(without_suffix(&normalized("Huntington Beach, California, USA")), "huntington beach");
        assert_eq!(without_suffix(&normalized("Huntington Beach, CA 92648")), "huntington beach");
        assert_eq!(without_suffix("washington"), "washington", "a state's name alone stays");
        assert_eq!(expand_abbreviations("huntington bch"), "huntington beach");
        assert_eq!(edit_distance("huntingdon beach", "huntington beach"), 1);
        assert_eq!(edit_distance("huntnigton", "huntington"), 1, "two letters swapped");
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(coordinates("33.66,-117.99"), Some((33.66, -117.99)));
        assert_eq!(coordinates("91,0"), None);
        assert_eq!(coordinates("Riverton, MN"), None);
    }
}
