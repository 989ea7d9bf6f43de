//! The site's words: groups, pages and the provider guide, read from the Markdown files under
//! `content/` (embedded at build time). Front matter is typed TOML; a missing or misspelled field
//! is an error that names the file and the field.

use std::collections::BTreeMap;

use pulldown_cmark::{Options, Parser, html};
use serde::Deserialize;

use crate::i18n::Lang;

/// A content file that could not be read, with the file's path and what was wrong.
#[derive(Debug, thiserror::Error)]
#[error("content/{file}: {reason}")]
pub struct ContentError {
    pub file: String,
    pub reason: String,
}

impl ContentError {
    fn new(file: &str, reason: impl Into<String>) -> Self {
        ContentError { file: file.to_owned(), reason: reason.into() }
    }
}

/// Who a group is for; the `/groups` page is grouped by this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    SubstanceUse,
    CoOccurring,
    Family,
}

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::SubstanceUse, Audience::CoOccurring, Audience::Family];

    pub fn heading(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Audience::SubstanceUse => "audience-substance-use",
            Audience::CoOccurring => "audience-co-occurring",
            Audience::Family => "audience-family",
        })
    }

    /// The fragment id of this audience's section on `/groups`.
    pub fn anchor(self) -> &'static str {
        match self {
            Audience::SubstanceUse => "substance-use",
            Audience::CoOccurring => "co-occurring",
            Audience::Family => "family",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Approach {
    TwelveStep,
    Other,
    /// The fact sheet names the group but does not describe its approach.
    NotDescribed,
}

impl Approach {
    pub fn label(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Approach::TwelveStep => "approach-twelve-step",
            Approach::Other => "approach-other",
            Approach::NotDescribed => "approach-not-described",
        })
    }

    /// The value of `?approach=` that selects this approach.
    pub fn parameter(self) -> &'static str {
        match self {
            Approach::TwelveStep => "twelve-step",
            Approach::Other => "other",
            Approach::NotDescribed => "not-described",
        }
    }
}

/// How a group treats spirituality, as the fact sheet describes it (the matcher's rule for
/// clients who would rather avoid a spiritual emphasis reads this).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Spirituality {
    /// A higher power is part of the programme (the 12-Step groups).
    HigherPower,
    /// Daily meditation is encouraged, without other emphasis on God or a higher power.
    Meditation,
    /// Recovery is kept separate from spirituality.
    Secular,
    /// The fact sheet describes the approach and mentions no spiritual element.
    NoneMentioned,
    /// The fact sheet does not describe the approach.
    NotDescribed,
}

impl Spirituality {
    pub const ALL: [Spirituality; 5] = [
        Spirituality::Secular,
        Spirituality::NoneMentioned,
        Spirituality::Meditation,
        Spirituality::NotDescribed,
        Spirituality::HigherPower,
    ];

    /// Which groups have this value, in words for the rules and reasons.
    pub fn describe(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Spirituality::HigherPower => "spirituality-higher-power",
            Spirituality::Meditation => "spirituality-meditation",
            Spirituality::Secular => "spirituality-secular",
            Spirituality::NoneMentioned => "spirituality-none-mentioned",
            Spirituality::NotDescribed => "spirituality-not-described",
        })
    }
}

/// What the fact sheet found about strong religious beliefs and taking part in a group (the
/// matcher's rule for clients who welcome a spiritual emphasis reads this).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReligiousBeliefs {
    /// Strong religious beliefs go with more participation.
    MoreParticipation,
    /// Religious belief did less to raise participation.
    LessEffect,
    /// Religious belief went with less participation.
    LessParticipation,
    /// The fact sheet reports no finding for this group.
    NotDescribed,
}

impl ReligiousBeliefs {
    pub const ALL: [ReligiousBeliefs; 4] = [
        ReligiousBeliefs::MoreParticipation,
        ReligiousBeliefs::LessEffect,
        ReligiousBeliefs::LessParticipation,
        ReligiousBeliefs::NotDescribed,
    ];

    /// Which groups have this value, in words for the rules.
    pub fn describe(self, lang: Lang) -> &'static str {
        lang.t(match self {
            ReligiousBeliefs::MoreParticipation => "religious-more-participation",
            ReligiousBeliefs::LessEffect => "religious-less-effect",
            ReligiousBeliefs::LessParticipation => "religious-less-participation",
            ReligiousBeliefs::NotDescribed => "religious-not-described",
        })
    }
}

/// The substances a group focuses on, as its front matter lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Substance {
    Alcohol,
    /// Any type of drug use.
    Drugs,
    /// Dependence on any substance, alcohol included.
    Any,
    Cocaine,
    Meth,
    Heroin,
    Marijuana,
}

impl Substance {
    pub fn words(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Substance::Alcohol => "substance-alcohol",
            Substance::Drugs => "substance-drugs",
            Substance::Any => "substance-any",
            Substance::Cocaine => "substance-cocaine",
            Substance::Meth => "substance-meth",
            Substance::Heroin => "substance-heroin",
            Substance::Marijuana => "substance-marijuana",
        })
    }

    /// One drug rather than a broad kind (alcohol, any drug, any substance).
    pub fn is_specific(self) -> bool {
        !matches!(self, Substance::Alcohol | Substance::Drugs | Substance::Any)
    }

    /// Does a group that lists `self` cover a client whose concern is `concern`, by a broad kind?
    pub fn covers(self, concern: Substance) -> bool {
        match self {
            Substance::Any => true,
            Substance::Drugs => concern.is_specific(),
            _ => false,
        }
    }
}

/// A medication whose benefits, the fact sheet says, a group's members understand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Medication {
    /// Opioid pharmacotherapy: medicine for opioid dependence (the fact sheet's example is
    /// methadone; buprenorphine is another). `methadone` in older files means the same.
    #[serde(alias = "methadone")]
    OpioidPharmacotherapy,
}

impl Medication {
    pub fn words(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Medication::OpioidPharmacotherapy => "medication-opioid",
        })
    }
}

/// Short phrases for the side-by-side comparison table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    pub spiritual_emphasis: String,
    pub sponsors: String,
    pub lifetime_membership: String,
    pub abstinence: String,
    pub meeting_structure: String,
    pub size: String,
    pub online_options: String,
    pub substance_focus: String,
    pub medication_assisted_treatment: String,
}

impl Comparison {
    /// (row heading, value) in the order the comparison tables show them: the most asked first.
    pub fn rows(&self, lang: Lang) -> [(&'static str, &str); 9] {
        [
            (lang.t("comparison-substance-focus"), &self.substance_focus),
            (lang.t("comparison-spiritual-emphasis"), &self.spiritual_emphasis),
            (lang.t("comparison-medication"), &self.medication_assisted_treatment),
            (lang.t("comparison-abstinence"), &self.abstinence),
            (lang.t("comparison-sponsors"), &self.sponsors),
            (lang.t("comparison-lifetime-membership"), &self.lifetime_membership),
            (lang.t("comparison-meeting-structure"), &self.meeting_structure),
            (lang.t("comparison-size"), &self.size),
            (lang.t("comparison-online-options"), &self.online_options),
        ]
    }

    /// The rows with `None` where the fact sheet says nothing, for tables that show that as one
    /// muted mark with a legend instead of the words in every cell.
    pub fn cells(&self, lang: Lang) -> [(&'static str, Option<&str>); 9] {
        self.rows(lang).map(|(heading, value)| (heading, described(value)))
    }

    /// The rows of the table of every group: those the fact sheet describes for most groups
    /// (`true`), or for few, said beside the table instead of a column of dashes (`false`).
    pub fn in_table(index: usize) -> bool {
        // Medication (2), size (7) and online options (8): described for at most five groups.
        !matches!(index, 2 | 7 | 8)
    }

    /// The cells of the table of every group ([`Comparison::in_table`]).
    pub fn table_cells(&self, lang: Lang) -> Vec<(&'static str, Option<&str>)> {
        self.cells(lang)
            .into_iter()
            .enumerate()
            .filter(|(index, _)| Comparison::in_table(*index))
            .map(|(_, cell)| cell)
            .collect()
    }
}

/// `None` for the phrases that only say the fact sheet is silent (in any language: the
/// catalogues' `fact-sheet-silent` and `fact-sheet-no-figure`).
pub fn described(value: &str) -> Option<&str> {
    let value_trimmed = value.trim();
    let silent =
        Lang::all().any(|lang| [lang.t("fact-sheet-silent"), lang.t("fact-sheet-no-figure")].contains(&value_trimmed));
    (!silent).then_some(value)
}

/// A group file's front matter (`content/groups/<slug>.md`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupFrontMatter {
    name: String,
    short_name: Option<String>,
    slug: String,
    audience: Audience,
    approach: Approach,
    #[serde(default)]
    known_approach: Option<Approach>,
    website: String,
    fact_sheet_website: String,
    #[serde(default)]
    phone: Option<String>,
    summary: String,
    spirituality: Spirituality,
    religious_beliefs: ReligiousBeliefs,
    substances: Vec<Substance>,
    women_only: bool,
    #[serde(default)]
    medication: Option<Medication>,
    online_support: bool,
    #[serde(default)]
    provider_committees: bool,
    comparison: Comparison,
}

/// One mutual support organisation, as the site shows it.
#[derive(Debug, Clone)]
pub struct Group {
    pub name: String,
    pub short_name: Option<String>,
    pub slug: String,
    pub audience: Audience,
    pub approach: Approach,
    /// What the group is where the fact sheet does not describe its approach, from the group's
    /// own description (not from the fact sheet: the matcher scores it so and says so).
    pub known_approach: Option<Approach>,
    /// The group's address today (https), as the site shows it.
    pub website: String,
    /// The address the fact sheet lists, as it lists it.
    pub fact_sheet_website: String,
    /// The group's own telephone or helpline, where the content gives one (not from the fact
    /// sheet, which lists none: shown with that said).
    pub phone: Option<String>,
    pub summary: String,
    pub spirituality: Spirituality,
    pub religious_beliefs: ReligiousBeliefs,
    /// Empty when the fact sheet does not say (and for family groups).
    pub substances: Vec<Substance>,
    /// Solely for women: the matcher offers it only to a client who wants or accepts that.
    pub women_only: bool,
    /// The fact sheet says its members understand the benefits of this medication.
    pub medication: Option<Medication>,
    /// The fact sheet names online meetings, chat rooms or forums.
    pub online_support: bool,
    /// The fact sheet says it has committees that work with healthcare and social service providers.
    pub provider_committees: bool,
    pub comparison: Comparison,
    /// The group's name in the page's language, where one is in common use (Alcohólicos Anónimos).
    pub local_name: Option<String>,
    /// The body, rendered from Markdown (our own trusted content).
    pub body_html: String,
}

/// The host of a web address without `www.` ("http://www.na.org" → "na.org").
pub fn web_host(address: &str) -> &str {
    let rest = address.split_once("://").map_or(address, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host)
}

impl Group {
    /// The website's address without `https://` and `www.`, as printed ("aa.org").
    pub fn website_host(&self) -> &str {
        web_host(&self.website)
    }

    /// Beside the website wherever it is shown: "listed in the fact sheet" when the fact sheet
    /// lists this address, otherwise that it is not from the fact sheet and which one it lists.
    pub fn website_note(&self, lang: Lang) -> String {
        if self.website_is_listed() {
            lang.t("website-listed-in-fact-sheet").to_owned()
        } else {
            lang.t1("website-moved", "listed", web_host(&self.fact_sheet_website))
        }
    }

    /// The same, short, for a line of a referral sheet (the group's one-pager and page name the
    /// fact sheet's old address).
    pub fn website_note_short(&self, lang: Lang) -> &'static str {
        lang.t(if self.website_is_listed() { "website-listed-in-fact-sheet" } else { "website-moved-short" })
    }

    /// Is the website the one the fact sheet lists (the same host, whatever the scheme)?
    fn website_is_listed(&self) -> bool {
        web_host(&self.fact_sheet_website) == self.website_host()
    }

    /// The code of the group's short printed address (`/g/aa`): its short name in lower-case
    /// letters and digits where it has one, otherwise its slug.
    pub fn short_code(&self) -> String {
        match &self.short_name {
            Some(short) => short.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect(),
            None => self.slug.clone(),
        }
    }

    /// The group's name, with its name in the page's language beside it when it has one in common
    /// use: "Alcoholics Anonymous (Alcohólicos Anónimos)".
    pub fn name_with_local(&self) -> String {
        match &self.local_name {
            Some(local) => format!("{} ({local})", self.name),
            None => self.name.clone(),
        }
    }
}

/// A page of prose (`content/pages/*.md`, `content/guide/*.md`).
#[derive(Debug, Clone)]
pub struct Page {
    pub title: String,
    pub description: String,
    pub body_html: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PageFrontMatter {
    title: String,
    description: String,
}

/// The content in one language: its groups and pages.
#[derive(Debug, Clone, Default)]
pub struct ContentSet {
    /// Sorted by audience, then (English) name: the same order in every language.
    pub groups: Vec<Group>,
    /// Keyed by path without `.md`, e.g. `pages/about`, `guide/index`.
    pub pages: BTreeMap<String, Page>,
}

impl ContentSet {
    pub fn group(&self, slug: &str) -> Option<&Group> {
        self.groups.iter().find(|group| group.slug == slug)
    }

    pub fn page(&self, key: &str) -> Option<&Page> {
        self.pages.get(key)
    }
}

/// Everything under `content/`, parsed and checked: the default language's files at the top and
/// each other language's under `content/<code>/`. It reads as the default language's set.
#[derive(Debug, Clone)]
pub struct Content {
    /// One set per language, in [`Lang::all`] order.
    sets: Vec<ContentSet>,
}

impl std::ops::Deref for Content {
    type Target = ContentSet;

    fn deref(&self) -> &ContentSet {
        self.in_lang(Lang::DEFAULT)
    }
}

impl Content {
    /// The content embedded in this binary.
    pub fn embedded() -> Result<Content, ContentError> {
        Content::from_files(crate::embedded::CONTENT_FILES)
    }

    /// The content in `lang`.
    pub fn in_lang(&self, lang: Lang) -> &ContentSet {
        static EMPTY: ContentSet = ContentSet { groups: Vec::new(), pages: BTreeMap::new() };
        self.sets.get(lang.index()).or(self.sets.first()).unwrap_or(&EMPTY)
    }

    /// Parses every Markdown file of a content tree given as (relative path, bytes). Every other
    /// language must translate every group and page of the default one, and nothing else.
    pub fn from_files(files: &[(&str, &[u8])]) -> Result<Content, ContentError> {
        let mut sets: Vec<ContentSet> = Lang::all().map(|_| ContentSet::default()).collect();
        let mut translations: Vec<Vec<(&str, &str)>> = Lang::all().map(|_| Vec::new()).collect();
        for (path, bytes) in files {
            let Some(stem) = path.strip_suffix(".md") else { continue };
            if path.ends_with("README.md") {
                continue;
            }
            let text = std::str::from_utf8(bytes).map_err(|_| ContentError::new(path, "is not valid UTF-8"))?;
            let translated = Lang::all().skip(1).find(|lang| stem.starts_with(&format!("{}/", lang.code())));
            if let Some(lang) = translated {
                translations[lang.index()].push((path, text));
            } else if stem.starts_with("groups/") {
                sets[0].groups.push(parse_group(path, text)?);
            } else {
                sets[0].pages.insert(stem.to_owned(), parse_page(path, text)?);
            }
        }
        sets[0].groups.sort_by(|a, b| (a.audience, &a.name).cmp(&(b.audience, &b.name)));
        for lang in Lang::all().skip(1) {
            let set = translate(&sets[0], lang, &translations[lang.index()])?;
            sets[lang.index()] = set;
        }
        Ok(Content { sets })
    }
}

/// The default language's set told in `lang`, from the files under `content/<code>/`.
fn translate(original: &ContentSet, lang: Lang, files: &[(&str, &str)]) -> Result<ContentSet, ContentError> {
    let code = lang.code();
    let mut set = ContentSet::default();
    for (path, text) in files {
        let relative = path.strip_prefix(code).and_then(|rest| rest.strip_prefix('/')).unwrap_or(path);
        let stem = relative.strip_suffix(".md").unwrap_or(relative);
        if let Some(slug) = stem.strip_prefix("groups/") {
            let group = original
                .group(slug)
                .ok_or_else(|| ContentError::new(path, format!("translates `{slug}`, which is not a group")))?;
            set.groups.push(parse_translated_group(path, text, group)?);
        } else {
            if original.page(stem).is_none() {
                return Err(ContentError::new(path, format!("translates `{stem}`, which is not a page")));
            }
            set.pages.insert(stem.to_owned(), parse_page(path, text)?);
        }
    }
    for group in &original.groups {
        if set.group(&group.slug).is_none() {
            return Err(ContentError::new(
                &format!("{code}/groups/{}.md", group.slug),
                "is missing: every group needs its translation",
            ));
        }
    }
    for key in original.pages.keys() {
        if set.page(key).is_none() {
            return Err(ContentError::new(&format!("{code}/{key}.md"), "is missing: every page needs its translation"));
        }
    }
    set.groups.sort_by_key(|group| original.groups.iter().position(|own| own.slug == group.slug));
    Ok(set)
}

/// A translated group file's front matter (`content/<code>/groups/<slug>.md`): the words only;
/// the facts (audience, approach, website, matcher fields) come from the default language's file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TranslatedGroupFrontMatter {
    slug: String,
    /// The group's name in this language where one is in common use; the group's own name stays.
    local_name: Option<String>,
    summary: String,
    comparison: Comparison,
}

fn parse_translated_group(path: &str, text: &str, original: &Group) -> Result<Group, ContentError> {
    let (front, body) = split_front_matter(path, text)?;
    let meta: TranslatedGroupFrontMatter =
        toml::from_str(front).map_err(|error| ContentError::new(path, error.message()))?;
    if meta.slug != original.slug {
        return Err(ContentError::new(path, format!("field `slug` is \"{}\" but must equal the file name", meta.slug)));
    }
    Ok(Group {
        local_name: meta.local_name,
        summary: meta.summary,
        comparison: meta.comparison,
        body_html: markdown_to_html(body),
        ..original.clone()
    })
}

/// Parses `content/groups/<slug>.md`; `path` is relative to `content/` and names the file in errors.
pub fn parse_group(path: &str, text: &str) -> Result<Group, ContentError> {
    let (front, body) = split_front_matter(path, text)?;
    let meta: GroupFrontMatter = toml::from_str(front).map_err(|error| ContentError::new(path, error.message()))?;
    let expected_slug = path.rsplit('/').next().and_then(|name| name.strip_suffix(".md"));
    if expected_slug != Some(meta.slug.as_str()) {
        return Err(ContentError::new(path, format!("field `slug` is \"{}\" but must equal the file name", meta.slug)));
    }
    if !meta.website.starts_with("https://") {
        return Err(ContentError::new(path, "field `website` must be an https:// address"));
    }
    if !meta.fact_sheet_website.starts_with("http://") && !meta.fact_sheet_website.starts_with("https://") {
        return Err(ContentError::new(path, "field `fact_sheet_website` must be an http(s) address"));
    }
    if meta.known_approach.is_some() && meta.approach != Approach::NotDescribed {
        return Err(ContentError::new(
            path,
            "field `known_approach` is only for a group whose `approach` is not-described",
        ));
    }
    Ok(Group {
        name: meta.name,
        short_name: meta.short_name,
        slug: meta.slug,
        audience: meta.audience,
        approach: meta.approach,
        known_approach: meta.known_approach,
        website: meta.website,
        fact_sheet_website: meta.fact_sheet_website,
        phone: meta.phone,
        summary: meta.summary,
        spirituality: meta.spirituality,
        religious_beliefs: meta.religious_beliefs,
        substances: meta.substances,
        women_only: meta.women_only,
        medication: meta.medication,
        online_support: meta.online_support,
        provider_committees: meta.provider_committees,
        comparison: meta.comparison,
        local_name: None,
        body_html: markdown_to_html(body),
    })
}

/// Parses a page of prose with `title` and `description` front matter.
pub fn parse_page(path: &str, text: &str) -> Result<Page, ContentError> {
    let (front, body) = split_front_matter(path, text)?;
    let meta: PageFrontMatter = toml::from_str(front).map_err(|error| ContentError::new(path, error.message()))?;
    Ok(Page { title: meta.title, description: meta.description, body_html: markdown_to_html(body) })
}

/// Splits `+++\n<toml>\n+++\n<markdown>`.
fn split_front_matter<'a>(path: &str, text: &'a str) -> Result<(&'a str, &'a str), ContentError> {
    let missing = || ContentError::new(path, "must start with TOML front matter between `+++` lines");
    let rest = text.trim_start_matches('\u{feff}').strip_prefix("+++").ok_or_else(missing)?;
    let end = rest.find("\n+++").ok_or_else(missing)?;
    let body = &rest[end + 4..];
    Ok((&rest[..end], body.strip_prefix('\n').unwrap_or(body)))
}

/// Renders our own Markdown (raw HTML passes through: never use this for imported text).
pub fn markdown_to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_SMART_PUNCTUATION | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, Parser::new_ext(markdown, options));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"+++
name = "Example Anonymous"
slug = "example-anonymous"
audience = "family"
approach = "twelve-step"
website = "https://www.example.org"
fact_sheet_website = "http://www.example.org"
summary = "An example."
spirituality = "higher-power"
religious_beliefs = "more-participation"
substances = ["alcohol"]
women_only = false
online_support = false

[comparison]
spiritual_emphasis = "a"
sponsors = "b"
lifetime_membership = "c"
abstinence = "d"
meeting_structure = "e"
size = "f"
online_options = "g"
substance_focus = "h"
medication_assisted_treatment = "i"
+++
## Philosophy

Words.
"#;

    #[test]
    fn a_groups_own_phone_is_read_where_its_file_gives_one_and_is_none_otherwise() {
        let with = GOOD.replace("summary = ", "phone = \"+1 555-0100\"\nsummary = ");
        let group = parse_group("groups/example-anonymous.md", &with).expect("parses");
        assert_eq!(group.phone.as_deref(), Some("+1 555-0100"));
        assert_eq!(parse_group("groups/example-anonymous.md", GOOD).expect("parses").phone, None);
    }

    #[test]
    fn every_group_has_a_short_address_code_of_its_own() {
        let content = Content::embedded().expect("content");
        let codes: Vec<String> = content.groups.iter().map(Group::short_code).collect();
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), codes.len(), "{codes:?}");
        assert!(
            codes.iter().all(|code| !code.is_empty() && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        );
        assert_eq!(content.group("alcoholics-anonymous").expect("AA").short_code(), "aa");
        assert_eq!(content.group("smart-recovery").expect("SMART").short_code(), "smart-recovery");
    }

    #[test]
    fn a_well_formed_group_file_parses() {
        let group = parse_group("groups/example-anonymous.md", GOOD).expect("parses");
        assert_eq!(group.audience, Audience::Family);
        assert!(group.body_html.contains("<h2>Philosophy</h2>"));
    }

    #[test]
    fn a_misspelled_field_names_the_file_and_the_field() {
        let bad = GOOD.replace("website =", "websit =");
        let error = parse_group("groups/example-anonymous.md", &bad).expect_err("rejected");
        let text = error.to_string();
        assert!(text.contains("content/groups/example-anonymous.md"), "{text}");
        assert!(text.contains("websit"), "{text}");
    }

    #[test]
    fn a_missing_field_is_named() {
        let bad = GOOD.replace("summary = \"An example.\"\n", "");
        let error = parse_group("groups/example-anonymous.md", &bad).expect_err("rejected");
        assert!(error.to_string().contains("summary"), "{error}");
    }

    #[test]
    fn a_website_is_https_and_says_whether_it_is_the_fact_sheets_own() {
        let plain = GOOD.replace("website = \"https://", "website = \"http://");
        let error = parse_group("groups/example-anonymous.md", &plain).expect_err("rejected");
        assert!(error.to_string().contains("https://"), "{error}");
        let listed = parse_group("groups/example-anonymous.md", GOOD).expect("parses");
        assert_eq!(listed.website_note(Lang::DEFAULT), "listed in the fact sheet");
        let moved = GOOD.replace("website = \"https://www.example.org", "website = \"https://new.example.net");
        let moved = parse_group("groups/example-anonymous.md", &moved).expect("parses");
        assert_eq!(moved.website_host(), "new.example.net");
        assert_eq!(moved.website_note(Lang::DEFAULT), "a new address, not from the fact sheet (it lists example.org)");
        assert_eq!(web_host("http://www.na.org/meetings?x=1"), "na.org");
    }

    #[test]
    fn what_a_group_is_beyond_the_fact_sheet_is_only_for_a_group_it_does_not_describe() {
        let described = GOOD.replace("approach = ", "known_approach = \"twelve-step\"\napproach = ");
        let error = parse_group("groups/example-anonymous.md", &described).expect_err("rejected");
        assert!(error.to_string().contains("known_approach"), "{error}");
        let content = Content::embedded().expect("content");
        let by_site: Vec<&str> =
            content.groups.iter().filter(|g| g.known_approach.is_some()).map(|g| g.slug.as_str()).collect();
        assert_eq!(by_site, ["heroin-anonymous", "marijuana-anonymous", "methadone-anonymous"]);
    }

    #[test]
    fn a_slug_that_differs_from_the_file_name_is_rejected() {
        let error = parse_group("groups/other.md", GOOD).expect_err("rejected");
        assert!(error.to_string().contains("slug"), "{error}");
    }

    #[test]
    fn a_file_without_front_matter_is_rejected() {
        assert!(parse_page("pages/x.md", "# Just markdown").is_err());
    }

    #[test]
    fn every_group_and_page_is_told_in_spanish_with_the_facts_of_the_original() {
        let content = Content::embedded().expect("content");
        let spanish = content.in_lang(Lang::from_code("es").expect("the site speaks Spanish"));
        assert_eq!(spanish.groups.len(), content.groups.len());
        for (english, told) in content.groups.iter().zip(&spanish.groups) {
            assert_eq!((&told.slug, &told.name, told.audience), (&english.slug, &english.name, english.audience));
            assert_eq!((told.women_only, &told.website), (english.women_only, &english.website));
            assert_ne!(told.summary, english.summary, "{} is told in Spanish", told.slug);
            assert!(told.body_html.contains("<h2>Filosofía</h2>"), "{}", told.slug);
        }
        let aa = spanish.group("alcoholics-anonymous").expect("AA");
        assert_eq!(aa.local_name.as_deref(), Some("Alcohólicos Anónimos"));
        assert!(spanish.page("pages/about").is_some() && spanish.page("guide/index").is_some());
        let silent = spanish
            .groups
            .iter()
            .flat_map(|group| group.comparison.cells(Lang::DEFAULT))
            .filter(|(_, cell)| cell.is_none());
        assert!(silent.count() > 0, "the Spanish silent phrase is recognised");
    }

    #[test]
    fn a_language_that_leaves_out_a_group_names_the_missing_file() {
        let files: [(&str, &[u8]); 1] = [("groups/example-anonymous.md", GOOD.as_bytes())];
        let error = Content::from_files(&files).expect_err("the Spanish telling is missing");
        assert_eq!(
            error.to_string(),
            "content/es/groups/example-anonymous.md: is missing: every group needs its translation"
        );
    }
}
