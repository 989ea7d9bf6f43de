//! The philosophy matcher: ranks the groups for a client's answers, best first, with the reasons
//! drawn from the fact sheet. Every rule reads only the groups' front matter (no group is named in
//! code), and the rules the page states are generated from the same weights that score
//! ([`rules`]). Always more than one suggestion: the fact sheet advises offering a choice.

use crate::content::{Approach, Audience, Group, Medication, ReligiousBeliefs, Spirituality, Substance};
use crate::i18n::Lang;

/// How the client feels about a spiritual emphasis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SpiritualView {
    Welcome,
    #[default]
    Neutral,
    Avoid,
}

impl SpiritualView {
    pub const ALL: [SpiritualView; 3] = [SpiritualView::Welcome, SpiritualView::Neutral, SpiritualView::Avoid];
}

/// Whether the client would go to a group solely for women.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WomenOnly {
    /// No, or not known: women-only groups are not offered.
    #[default]
    No,
    /// Would be open to one.
    Accept,
    /// Would prefer one.
    Want,
}

/// Medication-assisted treatment, as the form asks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Treatment {
    /// No, or not known.
    #[default]
    None,
    /// A medication the fact sheet speaks of: opioid pharmacotherapy (methadone, buprenorphine
    /// or another medicine for opioid dependence).
    Known(Medication),
    /// Another medication: the fact sheet gives no group for it.
    Other,
}

/// The answers of the matcher's form (`/guide/match?...`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    /// Help for a family member or friend rather than for the client's own use.
    pub for_family: bool,
    pub spiritual: SpiritualView,
    pub co_occurring: bool,
    pub treatment: Treatment,
    pub women_only: WomenOnly,
    pub substance: Option<Substance>,
    pub online: bool,
}

impl Answers {
    /// Reads the form's query string; an unknown value is an error naming the question, in `lang`.
    pub fn parse(query: &str, lang: Lang) -> Result<Answers, String> {
        let mut answers = Answers::default();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let yes = || match value {
                "yes" => Ok(true),
                "no" => Ok(false),
                _ => Err(lang.t1("matcher-error-yes-no", "key", key.as_ref())),
            };
            match key.as_ref() {
                "for" => {
                    answers.for_family = match value {
                        "self" => false,
                        "family" => true,
                        _ => return Err(lang.t("matcher-error-for").to_owned()),
                    }
                }
                "spiritual" => {
                    answers.spiritual = match value {
                        "welcome" => SpiritualView::Welcome,
                        "neutral" => SpiritualView::Neutral,
                        "avoid" => SpiritualView::Avoid,
                        _ => return Err(lang.t("matcher-error-spiritual").to_owned()),
                    }
                }
                "co_occurring" => answers.co_occurring = yes()?,
                "mat" => {
                    answers.treatment = match value {
                        "no" => Treatment::None,
                        "opioid" | "methadone" | "buprenorphine" => Treatment::Known(Medication::OpioidPharmacotherapy),
                        // "yes" was the old checkbox: on MAT, medication not said.
                        "other" | "yes" => Treatment::Other,
                        _ => return Err(lang.t("matcher-error-mat").to_owned()),
                    }
                }
                "women_only" => {
                    answers.women_only = match value {
                        "no" => WomenOnly::No,
                        "accept" => WomenOnly::Accept,
                        "want" | "yes" => WomenOnly::Want,
                        _ => return Err(lang.t("matcher-error-women-only").to_owned()),
                    }
                }
                "online" => answers.online = yes()?,
                "substance" => {
                    answers.substance = Some(
                        SUBSTANCES
                            .iter()
                            .find(|(name, _)| *name == value)
                            .map(|(_, s)| *s)
                            .ok_or_else(|| lang.t("matcher-error-substance").to_owned())?,
                    )
                }
                _ => {}
            }
        }
        Ok(answers)
    }
}

/// The substances the form offers, by parameter value.
pub const SUBSTANCES: [(&str, Substance); 6] = [
    ("alcohol", Substance::Alcohol),
    ("drugs", Substance::Drugs),
    ("cocaine", Substance::Cocaine),
    ("meth", Substance::Meth),
    ("heroin", Substance::Heroin),
    ("marijuana", Substance::Marijuana),
];

/// The form's label for a substance of [`SUBSTANCES`], by parameter value.
pub fn substance_label(value: &str, lang: Lang) -> &'static str {
    match value {
        "alcohol" => lang.t("matcher-substance-alcohol"),
        "drugs" => lang.t("matcher-substance-drugs"),
        "cocaine" => lang.t("matcher-substance-cocaine"),
        "meth" => lang.t("matcher-substance-meth"),
        "heroin" => lang.t("matcher-substance-heroin"),
        "marijuana" => lang.t("matcher-substance-marijuana"),
        _ => lang.t("matcher-substance-unknown"),
    }
}

/// Whether a reason speaks for or against a group, or only informs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    For,
    Against,
    Note,
}

/// One reason shown under a suggestion, with the points it gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub fit: Fit,
    pub points: i32,
    pub text: String,
}

impl Reason {
    /// "+20", "−10", or empty for a note worth nothing.
    pub fn points_text(&self) -> String {
        signed(self.points)
    }
}

#[derive(Debug, Clone)]
pub struct Suggestion<'a> {
    pub group: &'a Group,
    pub score: i32,
    /// Made for co-occurring disorders and the client has them: offered before every other group.
    pub first: bool,
    pub reasons: Vec<Reason>,
}

impl Suggestion<'_> {
    /// The score as the rules write points ("45", "−5").
    pub fn score_text(&self) -> String {
        signed(self.score).trim_start_matches('+').to_owned()
    }
}

/// A group of the client's kind that the page does not offer, and why, briefly.
#[derive(Debug, Clone)]
pub struct NotOffered<'a> {
    pub group: &'a Group,
    pub why: String,
}

/// The matcher's answer: the suggestions, best first, and the groups left out with why.
#[derive(Debug, Clone, Default)]
pub struct Ranking<'a> {
    pub suggestions: Vec<Suggestion<'a>>,
    pub not_offered: Vec<NotOffered<'a>>,
}

// The weights. `rules` states them on the page; `score` uses them; nothing else does.
/// Points off for a co-occurring group when the client did not say they have co-occurring disorders.
const CO_OCCURRING_NOT_SAID: i32 = -20;
/// The group names the client's substance, a single drug.
const NAMES_SPECIFIC_SUBSTANCE: i32 = 30;
/// The group names the client's substance, alcohol or any drug.
const NAMES_SUBSTANCE: i32 = 20;
/// The group covers it as "any drug" or "any substance".
const COVERS_SUBSTANCE: i32 = 15;
/// The group focuses on other substances.
const OTHER_SUBSTANCES: i32 = -10;
/// Members understand the benefits of the client's medication.
const MEDICATION: i32 = 50;
/// The group is solely for women and the client wants that.
const WOMEN_ONLY_WANTED: i32 = 35;
/// Online meetings or forums, for a client who wants them.
const ONLINE: i32 = 15;
/// A secular group for which the fact sheet reports no finding on religious belief, for a client
/// who welcomes a spiritual emphasis (the site's own rule).
const SECULAR_NO_FINDING: i32 = -10;
/// Suggestions within this many points of the best are shown.
const REACH: i32 = 30;
/// How many suggestions a page shows at most; it always shows at least two.
const MOST: usize = 5;
const LEAST: usize = 2;

/// Is this a 12-Step group only by the site's reading (`known_approach`), the fact sheet not
/// describing its approach?
fn twelve_step_by_site(group: &Group) -> bool {
    group.known_approach == Some(Approach::TwelveStep)
}

/// Points for a client who welcomes a spiritual emphasis: the fact sheet's finding on religious
/// belief and participation, or, where it reports none, what the group is (the site's own
/// reading: a 12-Step group as the 12-Step groups, a secular group against).
fn welcome_for(group: &Group, lang: Lang) -> (i32, &'static str) {
    match group.religious_beliefs {
        ReligiousBeliefs::NotDescribed if twelve_step_by_site(group) => {
            (welcome_points(ReligiousBeliefs::MoreParticipation, lang).0, lang.t("matcher-welcome-twelve-step-by-site"))
        }
        ReligiousBeliefs::NotDescribed if group.spirituality == Spirituality::Secular => {
            (SECULAR_NO_FINDING, lang.t("matcher-welcome-secular-no-finding"))
        }
        finding => welcome_points(finding, lang),
    }
}

/// Points for a client who would rather avoid a spiritual emphasis: the fact sheet's description,
/// or a 12-Step group's higher power where the site reads the group so.
fn avoid_for(group: &Group, lang: Lang) -> (i32, &'static str) {
    match group.spirituality {
        Spirituality::NotDescribed if twelve_step_by_site(group) => {
            (avoid_points(Spirituality::HigherPower, lang).0, lang.t("matcher-avoid-twelve-step-by-site"))
        }
        spirituality => avoid_points(spirituality, lang),
    }
}

/// Points for a client who welcomes a spiritual emphasis, by the fact sheet's finding on
/// religious belief and participation, with the reason in `lang`.
fn welcome_points(finding: ReligiousBeliefs, lang: Lang) -> (i32, &'static str) {
    match finding {
        ReligiousBeliefs::MoreParticipation => (20, lang.t("matcher-welcome-more")),
        ReligiousBeliefs::LessEffect => (-5, lang.t("matcher-welcome-less-effect")),
        ReligiousBeliefs::LessParticipation => (-10, lang.t("matcher-welcome-less")),
        ReligiousBeliefs::NotDescribed => (0, lang.t("matcher-welcome-not-described")),
    }
}

/// Points for a client who would rather avoid a spiritual emphasis, by the group's spirituality,
/// with the reason in `lang`.
fn avoid_points(spirituality: Spirituality, lang: Lang) -> (i32, &'static str) {
    match spirituality {
        Spirituality::Secular => (25, lang.t("matcher-avoid-secular")),
        Spirituality::NoneMentioned => (20, lang.t("matcher-avoid-none-mentioned")),
        Spirituality::Meditation => (5, lang.t("matcher-avoid-meditation")),
        Spirituality::NotDescribed => (0, lang.t("matcher-avoid-not-described")),
        Spirituality::HigherPower => (-25, lang.t("matcher-avoid-higher-power")),
    }
}

/// "+20", "−10", "0".
fn signed(points: i32) -> String {
    match points {
        0 => "0".to_owned(),
        p if p > 0 => format!("+{p}"),
        p => format!("−{}", -p),
    }
}

/// The names of the groups (of any audience) for which `test` holds, for "(now: …)" in the rules.
fn naming(groups: &[Group], test: impl Fn(&Group) -> bool, lang: Lang) -> String {
    let names: Vec<&str> = groups.iter().filter(|group| test(group)).map(|group| group.name.as_str()).collect();
    if names.is_empty() { lang.t("matcher-none-at-present").to_owned() } else { names.join(", ") }
}

/// The rules in plain words, in `lang`, generated from the weights that score, with the groups
/// each applies to now (read from their front matter).
pub fn rules(groups: &[Group], lang: Lang) -> Vec<String> {
    let welcome: Vec<String> = ReligiousBeliefs::ALL
        .iter()
        .map(|finding| format!("{} {}", finding.describe(lang), signed(welcome_points(*finding, lang).0)))
        .collect();
    let avoid: Vec<String> = Spirituality::ALL
        .iter()
        .map(|spirituality| format!("{} {}", spirituality.describe(lang), signed(avoid_points(*spirituality, lang).0)))
        .collect();
    vec![
        lang.t("matcher-rule-who").to_owned(),
        lang.t2(
            "matcher-rule-women",
            "groups",
            naming(groups, |g| g.women_only, lang),
            "points",
            signed(WOMEN_ONLY_WANTED),
        ),
        lang.t2(
            "matcher-rule-co-occurring",
            "groups",
            naming(groups, |g| g.audience == Audience::CoOccurring, lang),
            "points",
            signed(CO_OCCURRING_NOT_SAID),
        ),
        lang.format(
            "matcher-rule-substance",
            [
                ("specific", signed(NAMES_SPECIFIC_SUBSTANCE).into()),
                ("names", signed(NAMES_SUBSTANCE).into()),
                ("covers", signed(COVERS_SUBSTANCE).into()),
                ("other", signed(OTHER_SUBSTANCES).into()),
            ],
        ),
        lang.t1("matcher-rule-welcome", "list", welcome.join("; ")),
        lang.t1("matcher-rule-avoid", "list", avoid.join("; ")),
        lang.format(
            "matcher-rule-not-described",
            [
                ("groups", naming(groups, twelve_step_by_site, lang).into()),
                ("welcome", signed(welcome_points(ReligiousBeliefs::MoreParticipation, lang).0).into()),
                ("avoid", signed(avoid_points(Spirituality::HigherPower, lang).0).into()),
                (
                    "secular",
                    naming(
                        groups,
                        |g| {
                            g.religious_beliefs == ReligiousBeliefs::NotDescribed
                                && g.spirituality == Spirituality::Secular
                        },
                        lang,
                    )
                    .into(),
                ),
                ("secular_points", signed(SECULAR_NO_FINDING).into()),
            ],
        ),
        lang.format(
            "matcher-rule-medication",
            [
                ("medication", Medication::OpioidPharmacotherapy.words(lang).into()),
                ("points", signed(MEDICATION).into()),
                ("groups", naming(groups, |g| g.medication == Some(Medication::OpioidPharmacotherapy), lang).into()),
            ],
        ),
        lang.t2("matcher-rule-online", "points", signed(ONLINE), "groups", naming(groups, |g| g.online_support, lang)),
        lang.format("matcher-rule-order", [("reach", REACH.into()), ("least", LEAST.into()), ("most", MOST.into())]),
    ]
}

/// Ranks the groups for these answers: at least two, at most five, best first; the other groups
/// of the client's kind come back as not offered, with why. Reasons are in `lang`.
pub fn rank<'a>(groups: &'a [Group], answers: &Answers, lang: Lang) -> Ranking<'a> {
    let mut not_offered = Vec::new();
    let mut suggestions: Vec<Suggestion> = Vec::new();
    for group in groups.iter().filter(|group| (group.audience == Audience::Family) == answers.for_family) {
        if group.women_only && answers.women_only == WomenOnly::No {
            not_offered.push(NotOffered { group, why: lang.t("matcher-not-offered-women").to_owned() });
        } else {
            suggestions.push(score(group, answers, lang));
        }
    }
    suggestions.sort_by(|a, b| {
        b.first
            .cmp(&a.first)
            .then_with(|| b.score.cmp(&a.score))
            .then_with(|| (b.group.approach == Approach::TwelveStep).cmp(&(a.group.approach == Approach::TwelveStep)))
            .then_with(|| a.group.name.cmp(&b.group.name))
    });
    let best = suggestions.iter().map(|s| s.score).max().unwrap_or(0);
    let keep = suggestions.iter().take_while(|s| s.first || s.score >= best - REACH).count().clamp(LEAST, MOST);
    let cut_score = suggestions.get(keep.min(suggestions.len()).saturating_sub(1)).map_or(0, |s| s.score);
    for left in suggestions.split_off(keep.min(suggestions.len())) {
        let against: Vec<String> = left
            .reasons
            .iter()
            .filter(|reason| reason.fit == Fit::Against)
            .map(|reason| format!("{} ({})", reason.text.trim_end_matches('.'), reason.points_text()))
            .collect();
        let why = if against.is_empty() {
            lang.t2("matcher-not-offered-fit", "points", signed(left.score), "cut", signed(cut_score))
        } else {
            lang.t2("matcher-not-offered-against", "points", signed(left.score), "reasons", against.join("; "))
        };
        not_offered.push(NotOffered { group: left.group, why });
    }
    Ranking { suggestions, not_offered }
}

fn score<'a>(group: &'a Group, answers: &Answers, lang: Lang) -> Suggestion<'a> {
    let mut points = 0;
    let mut first = false;
    let mut reasons = Vec::new();
    let mut add = |value: i32, fit: Fit, text: &str| {
        points += value;
        reasons.push(Reason { fit, points: value, text: text.to_owned() });
    };
    if answers.for_family {
        add(0, Fit::Note, lang.t("matcher-reason-family"));
    }
    if group.audience == Audience::CoOccurring {
        if answers.co_occurring {
            first = true;
            add(0, Fit::For, lang.t("matcher-reason-co-occurring-first"));
        } else {
            add(CO_OCCURRING_NOT_SAID, Fit::Against, lang.t("matcher-reason-co-occurring-not-said"));
        }
    }
    if let Some(concern) = answers.substance
        && !group.substances.is_empty()
    {
        let focus: Vec<&str> = group.substances.iter().map(|s| s.words(lang)).collect();
        let focus = focus.join(&format!(" {} ", lang.t("matcher-focus-and")));
        let covers = || lang.t2("matcher-reason-covers", "substance", concern.words(lang), "focus", focus.as_str());
        if group.substances.contains(&concern) {
            let value = if concern.is_specific() { NAMES_SPECIFIC_SUBSTANCE } else { NAMES_SUBSTANCE };
            let text = if group.substances.len() == 1 {
                lang.t1("matcher-reason-focuses", "focus", focus.as_str())
            } else {
                covers()
            };
            add(value, Fit::For, &text);
        } else if group.substances.iter().any(|s| s.covers(concern)) {
            add(COVERS_SUBSTANCE, Fit::For, &covers());
        } else {
            let text = lang.t2("matcher-reason-other-focus", "focus", focus.as_str(), "substance", concern.words(lang));
            add(OTHER_SUBSTANCES, Fit::Against, &text);
        }
    }
    let (value, text) = match answers.spiritual {
        SpiritualView::Welcome => welcome_for(group, lang),
        SpiritualView::Avoid => avoid_for(group, lang),
        SpiritualView::Neutral => (0, ""),
    };
    if !text.is_empty() {
        let fit = match value {
            v if v > 0 => Fit::For,
            v if v < 0 => Fit::Against,
            _ => Fit::Note,
        };
        add(value, fit, text);
    }
    if let Treatment::Known(medication) = answers.treatment
        && group.medication == Some(medication)
    {
        add(MEDICATION, Fit::For, &lang.t1("matcher-reason-medication", "medication", medication.words(lang)));
    }
    match (answers.women_only, group.women_only) {
        (WomenOnly::Want, true) => add(WOMEN_ONLY_WANTED, Fit::For, lang.t("matcher-reason-women-wanted")),
        (WomenOnly::Accept, true) => add(0, Fit::Note, lang.t("matcher-reason-women-accepted")),
        (WomenOnly::Want | WomenOnly::Accept, false) => add(0, Fit::Note, lang.t("matcher-reason-women-not-only")),
        _ => {}
    }
    if answers.online && group.online_support {
        add(ONLINE, Fit::For, lang.t("matcher-reason-online"));
    }
    if group.provider_committees {
        add(0, Fit::Note, lang.t("matcher-reason-committees"));
    }
    Suggestion { group, score: points, first, reasons }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Content, parse_group};

    fn ranking(query: &str) -> (Vec<String>, Vec<String>) {
        let content = Content::embedded().expect("content");
        let answers = Answers::parse(query, Lang::DEFAULT).expect("valid answers");
        let ranking = rank(&content.groups, &answers, Lang::DEFAULT);
        (
            ranking.suggestions.iter().map(|s| s.group.slug.clone()).collect(),
            ranking.not_offered.iter().map(|n| n.group.slug.clone()).collect(),
        )
    }

    fn ranked(query: &str) -> Vec<String> {
        ranking(query).0
    }

    #[test]
    fn there_is_always_more_than_one_suggestion() {
        for query in
            ["", "for=family", "mat=methadone&women_only=want&co_occurring=yes", "substance=heroin&spiritual=avoid"]
        {
            assert!(ranked(query).len() >= 2, "{query}");
        }
    }

    #[test]
    fn family_members_are_pointed_to_every_family_group_and_only_those() {
        let mut slugs = ranked("for=family&substance=alcohol");
        slugs.sort();
        assert_eq!(slugs, ["al-anon-alateen", "co-anon", "families-anonymous", "nar-anon"]);
        assert!(!ranked("for=self").iter().any(|slug| slug == "nar-anon"));
    }

    #[test]
    fn clients_who_avoid_spirituality_get_secular_groups_first() {
        let slugs = ranked("spiritual=avoid&substance=alcohol");
        let top: Vec<&str> = slugs.iter().take(3).map(String::as_str).collect();
        for secular in ["secular-organizations-for-sobriety", "lifering-secular-recovery", "smart-recovery"] {
            assert!(top.contains(&secular), "{secular} not in {top:?}");
        }
        assert!(!slugs.iter().any(|slug| slug == "alcoholics-anonymous"));
    }

    #[test]
    fn a_large_group_left_out_is_listed_as_not_offered_with_why() {
        let content = Content::embedded().expect("content");
        let answers = Answers::parse("spiritual=avoid&substance=alcohol", Lang::DEFAULT).expect("valid");
        let ranking = rank(&content.groups, &answers, Lang::DEFAULT);
        let aa = ranking.not_offered.iter().find(|n| n.group.slug == "alcoholics-anonymous").expect("AA listed");
        assert!(aa.why.contains("higher power") && aa.why.contains("−25"), "{}", aa.why);
    }

    #[test]
    fn religious_clients_get_spiritually_based_groups_first() {
        let slugs = ranked("spiritual=welcome&substance=alcohol");
        assert_eq!(slugs[0], "alcoholics-anonymous");
        assert!(!slugs.iter().any(|slug| slug == "secular-organizations-for-sobriety"));
    }

    #[test]
    fn co_occurring_groups_come_first_under_every_spirituality_answer() {
        for spiritual in ["welcome", "neutral", "avoid"] {
            for extra in ["", "&substance=alcohol", "&substance=cocaine&online=yes", "&mat=methadone&women_only=want"] {
                let query = format!("co_occurring=yes&spiritual={spiritual}{extra}");
                let slugs = ranked(&query);
                let mut top: Vec<&str> = slugs.iter().take(2).map(String::as_str).collect();
                top.sort();
                assert_eq!(top, ["double-trouble-in-recovery", "dual-recovery-anonymous"], "{query}");
            }
        }
        assert_eq!(SpiritualView::ALL.len(), 3, "every spirituality answer is tried above");
    }

    #[test]
    fn methadone_treatment_for_opioid_dependence_leads_to_methadone_anonymous() {
        assert_eq!(ranked("mat=methadone&substance=heroin")[0], "methadone-anonymous");
        let content = Content::embedded().expect("content");
        let answers = Answers::parse("mat=methadone&substance=heroin", Lang::DEFAULT).expect("valid");
        let ranking = rank(&content.groups, &answers, Lang::DEFAULT);
        let reasons: Vec<&str> = ranking.suggestions[0].reasons.iter().map(|r| r.text.as_str()).collect();
        assert!(reasons.iter().any(|r| r.contains("benefits of opioid pharmacotherapy")), "{reasons:?}");
        assert!(!reasons.iter().any(|r| r.contains("Focuses on methadone")), "{reasons:?}");
    }

    #[test]
    fn other_medication_with_alcohol_does_not_put_methadone_anonymous_first() {
        for query in ["mat=other&substance=alcohol", "mat=yes&substance=alcohol", "mat=other&substance=heroin"] {
            let slugs = ranked(query);
            assert_ne!(slugs[0], "methadone-anonymous", "{query}");
        }
        assert!(!ranked("mat=other&substance=alcohol").iter().any(|slug| slug == "methadone-anonymous"));
    }

    #[test]
    fn a_women_only_group_is_never_offered_unless_the_client_wants_or_accepts_one() {
        for query in ["", "substance=alcohol", "spiritual=welcome", "women_only=no&spiritual=avoid"] {
            let (offered, left) = ranking(query);
            assert!(!offered.iter().any(|slug| slug == "women-for-sobriety"), "{query}: {offered:?}");
            assert!(left.iter().any(|slug| slug == "women-for-sobriety"), "{query}: the page says why");
        }
        assert_eq!(ranked("women_only=want&substance=alcohol")[0], "women-for-sobriety");
        assert!(
            ranked("women_only=accept&substance=alcohol&spiritual=welcome").iter().any(|s| s == "women-for-sobriety")
        );
    }

    #[test]
    fn smart_recovery_is_never_said_to_focus_on_alcohol() {
        let content = Content::embedded().expect("content");
        for (value, _) in SUBSTANCES {
            let answers = Answers::parse(&format!("substance={value}"), Lang::DEFAULT).expect("valid");
            let smart = score(content.group("smart-recovery").expect("SMART"), &answers, Lang::DEFAULT);
            for reason in &smart.reasons {
                assert!(!reason.text.contains("Focuses on alcohol"), "{value}: {}", reason.text);
                assert!(reason.text.contains("any substance"), "{value}: {}", reason.text);
            }
        }
    }

    #[test]
    fn a_specific_drug_leads_to_its_group_then_to_groups_for_any_drug() {
        let slugs = ranked("substance=cocaine");
        assert_eq!(slugs[0], "cocaine-anonymous");
        assert!(slugs.iter().take(4).any(|slug| slug == "narcotics-anonymous"));
    }

    #[test]
    fn a_new_group_file_is_scored_by_its_front_matter_alone() {
        let file = r#"+++
name = "Example Secular Women's Recovery"
slug = "example-secular-womens-recovery"
audience = "substance-use"
approach = "other"
website = "https://www.example.org"
fact_sheet_website = "http://www.example.org"
summary = "An invented group for this test."
spirituality = "secular"
religious_beliefs = "not-described"
substances = ["cocaine"]
women_only = true
medication = "methadone"
online_support = true

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
Words.
"#;
        let mut groups = Content::embedded().expect("content").groups.clone();
        groups.push(parse_group("groups/example-secular-womens-recovery.md", file).expect("parses"));
        let slug = "example-secular-womens-recovery";
        let answers =
            Answers::parse("substance=cocaine&spiritual=avoid&mat=methadone&online=yes&women_only=want", Lang::DEFAULT)
                .expect("valid");
        let ranking = rank(&groups, &answers, Lang::DEFAULT);
        let new = &ranking.suggestions[0];
        assert_eq!(new.group.slug, slug);
        assert_eq!(
            new.score,
            NAMES_SPECIFIC_SUBSTANCE
                + avoid_points(Spirituality::Secular, Lang::DEFAULT).0
                + MEDICATION
                + WOMEN_ONLY_WANTED
                + ONLINE
        );
        let (offered, left) = {
            let ranking =
                rank(&groups, &Answers::parse("substance=cocaine", Lang::DEFAULT).expect("valid"), Lang::DEFAULT);
            (
                ranking.suggestions.iter().any(|s| s.group.slug == slug),
                ranking.not_offered.iter().any(|n| n.group.slug == slug),
            )
        };
        assert!(!offered && left, "women-only by its front matter, so not offered unasked");
        let rules = rules(&groups, Lang::DEFAULT).join(" ");
        assert!(rules.contains("Example Secular Women's Recovery"), "the rules name it where it applies");
    }

    #[test]
    fn the_stated_rules_carry_the_weights_that_score() {
        let content = Content::embedded().expect("content");
        let text = rules(&content.groups, Lang::DEFAULT).join(" ");
        for points in [CO_OCCURRING_NOT_SAID, NAMES_SPECIFIC_SUBSTANCE, NAMES_SUBSTANCE, COVERS_SUBSTANCE, MEDICATION] {
            assert!(text.contains(&signed(points)), "{points} is not stated");
        }
        for finding in ReligiousBeliefs::ALL {
            assert!(text.contains(&format!(
                "{} {}",
                finding.describe(Lang::DEFAULT),
                signed(welcome_points(finding, Lang::DEFAULT).0)
            )));
        }
        for spirituality in Spirituality::ALL {
            assert!(text.contains(&format!(
                "{} {}",
                spirituality.describe(Lang::DEFAULT),
                signed(avoid_points(spirituality, Lang::DEFAULT).0)
            )));
        }
        assert!(text.contains("Methadone Anonymous") && text.contains("Women for Sobriety"));
        assert!(text.contains(&signed(SECULAR_NO_FINDING)) && text.contains("Heroin Anonymous, Marijuana Anonymous"));
    }

    fn reasons_of(query: &str, slug: &str) -> Vec<String> {
        let content = Content::embedded().expect("content");
        let answers = Answers::parse(query, Lang::DEFAULT).expect("valid");
        score(content.group(slug).expect("group"), &answers, Lang::DEFAULT)
            .reasons
            .into_iter()
            .map(|r| r.text)
            .collect()
    }

    #[test]
    fn a_twelve_step_group_the_fact_sheet_does_not_describe_is_scored_as_one_and_the_reason_says_so() {
        for query in [
            "spiritual=avoid",
            "spiritual=avoid&substance=heroin",
            "spiritual=avoid&substance=marijuana",
            "spiritual=avoid&substance=drugs",
        ] {
            let (offered, left) = ranking(query);
            for slug in ["heroin-anonymous", "marijuana-anonymous"] {
                assert!(!offered.iter().any(|s| s == slug), "{query}: {slug} offered in {offered:?}");
                assert!(left.iter().any(|s| s == slug), "{query}: {slug} is listed as not offered");
            }
        }
        let content = Content::embedded().expect("content");
        let answers = Answers::parse("spiritual=avoid&substance=heroin", Lang::DEFAULT).expect("valid");
        let ranking = rank(&content.groups, &answers, Lang::DEFAULT);
        let why = &ranking.not_offered.iter().find(|n| n.group.slug == "heroin-anonymous").expect("listed").why;
        assert!(why.contains("12-Step") && why.contains("site's own reading") && why.contains("−25"), "{why}");
        let welcome = reasons_of("spiritual=welcome", "marijuana-anonymous");
        assert!(welcome.iter().any(|r| r.starts_with("A 12-Step group") && r.contains("site's own")), "{welcome:?}");
        assert_eq!(welcome_for(content.group("heroin-anonymous").expect("HA"), Lang::DEFAULT).0, 20);
    }

    #[test]
    fn lifering_is_scored_as_the_secular_group_it_is_and_not_offered_to_a_client_who_welcomes_spirituality() {
        for query in ["spiritual=welcome", "spiritual=welcome&substance=alcohol", "spiritual=welcome&substance=drugs"] {
            assert!(!ranked(query).iter().any(|s| s == "lifering-secular-recovery"), "{query}: {:?}", ranked(query));
        }
        let reasons = reasons_of("spiritual=welcome", "lifering-secular-recovery");
        assert!(reasons.iter().any(|r| r.starts_with("Secular") && r.contains("site's own rule")), "{reasons:?}");
        assert!(ranked("spiritual=avoid&substance=alcohol").iter().any(|s| s == "lifering-secular-recovery"));
    }

    #[test]
    fn buprenorphine_and_other_opioid_medicines_count_like_methadone_for_methadone_anonymous() {
        for mat in ["opioid", "buprenorphine", "methadone"] {
            for substance in ["heroin", "drugs", "alcohol"] {
                let query = format!("mat={mat}&substance={substance}");
                assert_eq!(ranked(&query)[0], "methadone-anonymous", "{query}");
            }
            let reasons = reasons_of(&format!("mat={mat}"), "methadone-anonymous");
            assert!(
                reasons.iter().any(|r| r.contains("opioid pharmacotherapy") && r.contains("buprenorphine")),
                "{reasons:?}"
            );
        }
        assert_eq!(
            Answers::parse("mat=buprenorphine", Lang::DEFAULT).expect("valid").treatment,
            Answers::parse("mat=methadone", Lang::DEFAULT).expect("valid").treatment
        );
    }

    #[test]
    fn the_rule_that_puts_co_occurring_groups_first_is_marked_as_the_sites_own_in_both_languages() {
        let content = Content::embedded().expect("content");
        let english = rules(&content.groups, Lang::DEFAULT);
        let rule = english.iter().find(|rule| rule.starts_with("Co-occurring")).expect("the rule");
        assert!(rule.contains("the site's own") && rule.contains("not say to offer them first"), "{rule}");
        let reasons = reasons_of("co_occurring=yes", "dual-recovery-anonymous");
        assert!(reasons.iter().any(|r| r.contains("offered first (the site's own rule, not the fact sheet's)")));
        let spanish = rules(&content.in_lang(spanish()).groups, spanish());
        assert!(
            spanish.iter().any(|rule| rule.starts_with("Trastornos concurrentes") && rule.contains("del propio sitio"))
        );
    }

    #[test]
    fn the_women_only_question_says_the_client_is_a_woman_and_the_spanish_is_neutral() {
        assert!(Lang::DEFAULT.t("matcher-women-legend").starts_with("If the client is a woman"));
        let es = spanish();
        for key in
            ["matcher-women-legend", "matcher-women-no", "matcher-reason-women-wanted", "matcher-reason-women-accepted"]
        {
            let text = es.t(key);
            assert!(!text.contains("el cliente") && !text.contains("la clienta"), "{key}: {text}");
        }
        assert!(es.t("matcher-women-legend").starts_with("Si la persona es mujer"));
    }

    #[test]
    fn a_client_who_would_accept_women_only_meetings_is_pointed_to_mixed_groups_womens_meetings_too() {
        for answer in ["accept", "want"] {
            let reasons = reasons_of(&format!("women_only={answer}"), "alcoholics-anonymous");
            assert!(reasons.iter().any(|r| r.contains("women's meetings are suggested too")), "{answer}: {reasons:?}");
        }
        assert!(!reasons_of("women_only=no", "alcoholics-anonymous").iter().any(|r| r.contains("women's meetings")));
        assert!(!reasons_of("women_only=accept", "women-for-sobriety").iter().any(|r| r.contains("suggested too")));
    }

    #[test]
    fn sos_online_support_is_not_scored_on_the_yahoo_groups_that_closed() {
        let content = Content::embedded().expect("content");
        let sos = content.group("secular-organizations-for-sobriety").expect("SOS");
        assert!(!sos.online_support);
        assert!(!reasons_of("online=yes", "secular-organizations-for-sobriety").iter().any(|r| r.contains("online")));
        assert!(reasons_of("online=yes", "lifering-secular-recovery").iter().any(|r| r.contains("online")));
    }

    #[test]
    fn unknown_answers_are_refused_with_the_question_named() {
        assert!(Answers::parse("spiritual=maybe", Lang::DEFAULT).expect_err("refused").contains("spiritual"));
        assert!(Answers::parse("substance=tea", Lang::DEFAULT).expect_err("refused").contains("substance"));
        assert!(Answers::parse("mat=perhaps", Lang::DEFAULT).expect_err("refused").contains("mat"));
        assert!(Answers::parse("women_only=perhaps", Lang::DEFAULT).expect_err("refused").contains("women_only"));
    }

    fn spanish() -> Lang {
        Lang::from_code("es").expect("the site speaks Spanish")
    }

    #[test]
    fn spanish_answers_rank_the_same_groups_with_the_same_points_and_spanish_reasons() {
        let content = Content::embedded().expect("content");
        let spanish_groups = &content.in_lang(spanish()).groups;
        for query in ["spiritual=avoid&substance=alcohol", "mat=methadone&substance=heroin", "for=family", ""] {
            let english = rank(&content.groups, &Answers::parse(query, Lang::DEFAULT).expect("valid"), Lang::DEFAULT);
            let answers = Answers::parse(query, spanish()).expect("valid");
            let ranking = rank(spanish_groups, &answers, spanish());
            let scores = |ranking: &Ranking| -> Vec<(String, i32)> {
                ranking.suggestions.iter().map(|s| (s.group.slug.clone(), s.score)).collect()
            };
            assert_eq!(scores(&ranking), scores(&english), "{query}");
            let left: Vec<&str> = ranking.not_offered.iter().map(|n| n.group.slug.as_str()).collect();
            let english_left: Vec<&str> = english.not_offered.iter().map(|n| n.group.slug.as_str()).collect();
            assert_eq!(left, english_left, "{query}");
        }
        let ranking = rank(
            spanish_groups,
            &Answers::parse("spiritual=avoid&substance=alcohol", spanish()).expect("valid"),
            spanish(),
        );
        let reasons: Vec<&str> = ranking.suggestions[0].reasons.iter().map(|r| r.text.as_str()).collect();
        assert!(
            reasons.iter().any(|r| r.starts_with("Laico") || r.starts_with("Incluye") || r.starts_with("Se centra")),
            "{reasons:?}"
        );
        let aa = ranking.not_offered.iter().find(|n| n.group.slug == "alcoholics-anonymous").expect("AA listed");
        assert!(aa.why.contains("poder superior") && aa.why.contains("−25") && aa.why.contains("puntos"), "{}", aa.why);
        let methadone = rank(
            spanish_groups,
            &Answers::parse("mat=methadone&substance=heroin", spanish()).expect("valid"),
            spanish(),
        );
        assert_eq!(methadone.suggestions[0].group.slug, "methadone-anonymous");
        assert!(
            methadone.suggestions[0].reasons.iter().any(|r| r.text.contains("farmacoterapia para opioides")),
            "{:?}",
            methadone.suggestions[0].reasons
        );
    }

    #[test]
    fn a_women_only_group_is_never_offered_in_spanish_unless_the_client_wants_or_accepts_one() {
        let content = Content::embedded().expect("content");
        let groups = &content.in_lang(spanish()).groups;
        for query in ["", "substance=alcohol", "spiritual=welcome", "women_only=no&spiritual=avoid"] {
            let ranking = rank(groups, &Answers::parse(query, spanish()).expect("valid"), spanish());
            assert!(!ranking.suggestions.iter().any(|s| s.group.slug == "women-for-sobriety"), "{query}");
            let wfs = ranking.not_offered.iter().find(|n| n.group.slug == "women-for-sobriety").expect("says why");
            assert!(wfs.why.starts_with("Solo para mujeres: se ofrece cuando"), "{}", wfs.why);
        }
        let wanted =
            rank(groups, &Answers::parse("women_only=want&substance=alcohol", spanish()).expect("valid"), spanish());
        assert_eq!(wanted.suggestions[0].group.slug, "women-for-sobriety");
        assert!(
            wanted.suggestions[0].reasons.iter().any(|r| r.text == "Solo para mujeres, como lo prefiere la persona.")
        );
    }

    #[test]
    fn the_spanish_rules_carry_the_same_weights_in_spanish_words() {
        let content = Content::embedded().expect("content");
        let text = rules(&content.in_lang(spanish()).groups, spanish()).join(" ");
        for points in [CO_OCCURRING_NOT_SAID, NAMES_SPECIFIC_SUBSTANCE, NAMES_SUBSTANCE, COVERS_SUBSTANCE, MEDICATION] {
            assert!(text.contains(&signed(points)), "{points} is not stated");
        }
        for spirituality in Spirituality::ALL {
            assert!(text.contains(&format!(
                "{} {}",
                spirituality.describe(spanish()),
                signed(avoid_points(spirituality, spanish()).0)
            )));
        }
        assert!(text.contains("Trastornos concurrentes") && text.contains("metadona"), "{text}");
        assert!(!text.contains("Who the help is for") && !text.contains("none at present"), "{text}");
    }

    #[test]
    fn unknown_answers_are_refused_in_spanish_with_the_question_named() {
        let error = Answers::parse("spiritual=maybe", spanish()).expect_err("refused");
        assert!(error.contains("“spiritual” puede ser"), "{error}");
        let error = Answers::parse("online=quizás", spanish()).expect_err("refused");
        assert!(error.contains("“online” puede ser"), "{error}");
    }
}
