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
    /// A medication the fact sheet speaks of (methadone for opioid dependence).
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
    /// Reads the form's query string; an unknown value is an error naming the question.
    pub fn parse(query: &str) -> Result<Answers, String> {
        let mut answers = Answers::default();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let yes = || match value {
                "yes" => Ok(true),
                "no" => Ok(false),
                _ => Err(format!("“{key}” can be yes or no.")),
            };
            match key.as_ref() {
                "for" => {
                    answers.for_family = match value {
                        "self" => false,
                        "family" => true,
                        _ => return Err("“for” can be self or family.".to_owned()),
                    }
                }
                "spiritual" => {
                    answers.spiritual = match value {
                        "welcome" => SpiritualView::Welcome,
                        "neutral" => SpiritualView::Neutral,
                        "avoid" => SpiritualView::Avoid,
                        _ => return Err("“spiritual” can be welcome, neutral or avoid.".to_owned()),
                    }
                }
                "co_occurring" => answers.co_occurring = yes()?,
                "mat" => {
                    answers.treatment = match value {
                        "no" => Treatment::None,
                        "methadone" => Treatment::Known(Medication::Methadone),
                        // "yes" was the old checkbox: on MAT, medication not said.
                        "other" | "yes" => Treatment::Other,
                        _ => return Err("“mat” can be no, methadone or other.".to_owned()),
                    }
                }
                "women_only" => {
                    answers.women_only = match value {
                        "no" => WomenOnly::No,
                        "accept" => WomenOnly::Accept,
                        "want" | "yes" => WomenOnly::Want,
                        _ => return Err("“women_only” can be want, accept or no.".to_owned()),
                    }
                }
                "online" => answers.online = yes()?,
                "substance" => {
                    answers.substance =
                        Some(SUBSTANCES.iter().find(|(name, _)| *name == value).map(|(_, s)| *s).ok_or_else(|| {
                            "“substance” can be alcohol, drugs, cocaine, meth, heroin or marijuana.".to_owned()
                        })?)
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
/// Suggestions within this many points of the best are shown.
const REACH: i32 = 30;
/// How many suggestions a page shows at most; it always shows at least two.
const MOST: usize = 5;
const LEAST: usize = 2;

/// Points for a client who welcomes a spiritual emphasis, by the fact sheet's finding on
/// religious belief and participation.
fn welcome_points(finding: ReligiousBeliefs) -> (i32, &'static str) {
    match finding {
        ReligiousBeliefs::MoreParticipation => {
            (20, "Strong religious beliefs go with more participation in this group.")
        }
        ReligiousBeliefs::LessEffect => (-5, "Religious belief did less to raise participation in this group."),
        ReligiousBeliefs::LessParticipation => (-10, "Religious belief went with less participation in this group."),
        ReligiousBeliefs::NotDescribed => {
            (0, "The fact sheet reports nothing on religious belief and this group; see its website.")
        }
    }
}

/// Points for a client who would rather avoid a spiritual emphasis, by the group's spirituality.
fn avoid_points(spirituality: Spirituality) -> (i32, &'static str) {
    match spirituality {
        Spirituality::Secular => (25, "Secular: keeps recovery separate from spirituality."),
        Spirituality::NoneMentioned => (20, "The fact sheet describes its approach without any spiritual element."),
        Spirituality::Meditation => {
            (5, "Encourages daily meditation but does not otherwise emphasise God or a higher power.")
        }
        Spirituality::NotDescribed => (0, "The fact sheet does not describe its approach; see its website."),
        Spirituality::HigherPower => (-25, "Includes a higher power, which some people are uncomfortable with."),
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
fn naming(groups: &[Group], test: impl Fn(&Group) -> bool) -> String {
    let names: Vec<&str> = groups.iter().filter(|group| test(group)).map(|group| group.name.as_str()).collect();
    if names.is_empty() { "none at present".to_owned() } else { names.join(", ") }
}

/// The rules in plain words, generated from the weights that score, with the groups each applies
/// to now (read from their front matter).
pub fn rules(groups: &[Group]) -> Vec<String> {
    let welcome: Vec<String> = ReligiousBeliefs::ALL
        .iter()
        .map(|finding| format!("{} {}", finding.describe(Lang::DEFAULT), signed(welcome_points(*finding).0)))
        .collect();
    let avoid: Vec<String> = Spirituality::ALL
        .iter()
        .map(|spirituality| {
            format!("{} {}", spirituality.describe(Lang::DEFAULT), signed(avoid_points(*spirituality).0))
        })
        .collect();
    vec![
        "Who the help is for: groups for families and friends are offered only when the help is for a family \
         member or friend; the other groups only when it is for the client."
            .to_owned(),
        format!(
            "Groups solely for women ({}) are offered only when the client wants or would accept a group for \
             women only: {} when the client wants one, 0 when they would accept one.",
            naming(groups, |g| g.women_only),
            signed(WOMEN_ONLY_WANTED)
        ),
        format!(
            "Co-occurring disorders: when the client has both a substance use disorder and a mental disorder, the \
             groups made for co-occurring disorders ({}) come first, whatever the other answers, which only order \
             them among themselves. When the client does not say so, they get {}.",
            naming(groups, |g| g.audience == Audience::CoOccurring),
            signed(CO_OCCURRING_NOT_SAID)
        ),
        format!(
            "Substance: a group that names the client's substance gets {} for a single drug (cocaine, crystal meth, \
             heroin, marijuana) and {} for alcohol or any drug; a group for any drug or any substance that covers \
             it, {}; a group that focuses on other substances, {}; a group whose focus the fact sheet does not \
             give, 0.",
            signed(NAMES_SPECIFIC_SUBSTANCE),
            signed(NAMES_SUBSTANCE),
            signed(COVERS_SUBSTANCE),
            signed(OTHER_SUBSTANCES)
        ),
        format!(
            "Clients who welcome a spiritual emphasis: {}. The fact sheet links strong religious beliefs with more \
             participation in the spiritually based 12-Step groups and Women for Sobriety, less of a rise in SMART \
             Recovery, and lower participation in SOS.",
            welcome.join("; ")
        ),
        format!("Clients who would rather avoid it: {}.", avoid.join("; ")),
        format!(
            "Medication-assisted treatment: a client treated with {} gets {} for the groups whose members, the fact \
             sheet says, understand the benefits of that medication ({}). Other medication gives no points: the \
             fact sheet names no group for it.",
            Medication::Methadone.words(Lang::DEFAULT),
            signed(MEDICATION),
            naming(groups, |g| g.medication == Some(Medication::Methadone))
        ),
        format!(
            "Online: {} for the groups the fact sheet names as offering online meetings or forums ({}), when the \
             client wants them.",
            signed(ONLINE),
            naming(groups, |g| g.online_support)
        ),
        format!(
            "Order: most points first; on equal points, 12-Step groups first (the fact sheet calls them the most \
             widely available), then by name. Shown: every group within {REACH} points of the best, at least \
             {LEAST} and at most {MOST}; the others are listed as not offered, with why. Notes without points \
             (such as committees that work with providers) do not change the order."
        ),
    ]
}

/// Ranks the groups for these answers: at least two, at most five, best first; the other groups
/// of the client's kind come back as not offered, with why.
pub fn rank<'a>(groups: &'a [Group], answers: &Answers) -> Ranking<'a> {
    let mut not_offered = Vec::new();
    let mut suggestions: Vec<Suggestion> = Vec::new();
    for group in groups.iter().filter(|group| (group.audience == Audience::Family) == answers.for_family) {
        if group.women_only && answers.women_only == WomenOnly::No {
            not_offered.push(NotOffered {
                group,
                why: "Only for women: offered when the client wants or would accept a group for women only.".to_owned(),
            });
        } else {
            suggestions.push(score(group, answers));
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
            format!(
                "{} points; the groups offered fit these answers better (from {} up).",
                signed(left.score),
                signed(cut_score)
            )
        } else {
            format!("{} points: {}.", signed(left.score), against.join("; "))
        };
        not_offered.push(NotOffered { group: left.group, why });
    }
    Ranking { suggestions, not_offered }
}

fn score<'a>(group: &'a Group, answers: &Answers) -> Suggestion<'a> {
    let mut points = 0;
    let mut first = false;
    let mut reasons = Vec::new();
    let mut add = |value: i32, fit: Fit, text: &str| {
        points += value;
        reasons.push(Reason { fit, points: value, text: text.to_owned() });
    };
    if answers.for_family {
        add(0, Fit::Note, "Supports families, friends and significant others of people with a substance use disorder.");
    }
    if group.audience == Audience::CoOccurring {
        if answers.co_occurring {
            first = true;
            add(
                0,
                Fit::For,
                "Made for people with both a substance use disorder and a mental disorder: offered first.",
            );
        } else {
            add(CO_OCCURRING_NOT_SAID, Fit::Against, "Made for people who also have a mental disorder.");
        }
    }
    if let Some(concern) = answers.substance
        && !group.substances.is_empty()
    {
        let focus: Vec<&str> = group.substances.iter().map(|s| s.words(Lang::DEFAULT)).collect();
        let focus = focus.join(" and ");
        if group.substances.contains(&concern) {
            let value = if concern.is_specific() { NAMES_SPECIFIC_SUBSTANCE } else { NAMES_SUBSTANCE };
            let text = if group.substances.len() == 1 {
                format!("Focuses on {focus}.")
            } else {
                format!("Covers {} (its focus: {focus}).", concern.words(Lang::DEFAULT))
            };
            add(value, Fit::For, &text);
        } else if group.substances.iter().any(|s| s.covers(concern)) {
            add(COVERS_SUBSTANCE, Fit::For, &format!("Covers {} (its focus: {focus}).", concern.words(Lang::DEFAULT)));
        } else {
            add(OTHER_SUBSTANCES, Fit::Against, &format!("Focuses on {focus}, not {}.", concern.words(Lang::DEFAULT)));
        }
    }
    let (value, text) = match answers.spiritual {
        SpiritualView::Welcome => welcome_points(group.religious_beliefs),
        SpiritualView::Avoid => avoid_points(group.spirituality),
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
        add(
            MEDICATION,
            Fit::For,
            &format!(
                "Its members understand the benefits of opioid pharmacotherapy, such as {}.",
                medication.words(Lang::DEFAULT)
            ),
        );
    }
    match (answers.women_only, group.women_only) {
        (WomenOnly::Want, true) => add(WOMEN_ONLY_WANTED, Fit::For, "Only for women, as the client wants."),
        (WomenOnly::Accept, true) => add(0, Fit::Note, "Only for women; the client would accept that."),
        (WomenOnly::Want, false) => {
            add(0, Fit::Note, "Not only for women; some of its meetings may be, so check the meeting finder.")
        }
        _ => {}
    }
    if answers.online && group.online_support {
        add(ONLINE, Fit::For, "Offers online meetings or forums.");
    }
    if group.provider_committees {
        add(0, Fit::Note, "Has committees that work with providers to get clients to meetings.");
    }
    Suggestion { group, score: points, first, reasons }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Content, parse_group};

    fn ranking(query: &str) -> (Vec<String>, Vec<String>) {
        let content = Content::embedded().expect("content");
        let answers = Answers::parse(query).expect("valid answers");
        let ranking = rank(&content.groups, &answers);
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
        let answers = Answers::parse("spiritual=avoid&substance=alcohol").expect("valid");
        let ranking = rank(&content.groups, &answers);
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
        let answers = Answers::parse("mat=methadone&substance=heroin").expect("valid");
        let ranking = rank(&content.groups, &answers);
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
            let answers = Answers::parse(&format!("substance={value}")).expect("valid");
            let smart = score(content.group("smart-recovery").expect("SMART"), &answers);
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
website = "http://www.example.org"
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
        let answers = Answers::parse("substance=cocaine&spiritual=avoid&mat=methadone&online=yes&women_only=want")
            .expect("valid");
        let ranking = rank(&groups, &answers);
        let new = &ranking.suggestions[0];
        assert_eq!(new.group.slug, slug);
        assert_eq!(
            new.score,
            NAMES_SPECIFIC_SUBSTANCE + avoid_points(Spirituality::Secular).0 + MEDICATION + WOMEN_ONLY_WANTED + ONLINE
        );
        let (offered, left) = {
            let ranking = rank(&groups, &Answers::parse("substance=cocaine").expect("valid"));
            (
                ranking.suggestions.iter().any(|s| s.group.slug == slug),
                ranking.not_offered.iter().any(|n| n.group.slug == slug),
            )
        };
        assert!(!offered && left, "women-only by its front matter, so not offered unasked");
        let rules = rules(&groups).join(" ");
        assert!(rules.contains("Example Secular Women's Recovery"), "the rules name it where it applies");
    }

    #[test]
    fn the_stated_rules_carry_the_weights_that_score() {
        let content = Content::embedded().expect("content");
        let text = rules(&content.groups).join(" ");
        for points in [CO_OCCURRING_NOT_SAID, NAMES_SPECIFIC_SUBSTANCE, NAMES_SUBSTANCE, COVERS_SUBSTANCE, MEDICATION] {
            assert!(text.contains(&signed(points)), "{points} is not stated");
        }
        for finding in ReligiousBeliefs::ALL {
            assert!(text.contains(&format!(
                "{} {}",
                finding.describe(Lang::DEFAULT),
                signed(welcome_points(finding).0)
            )));
        }
        for spirituality in Spirituality::ALL {
            assert!(text.contains(&format!(
                "{} {}",
                spirituality.describe(Lang::DEFAULT),
                signed(avoid_points(spirituality).0)
            )));
        }
        assert!(text.contains("Methadone Anonymous") && text.contains("Women for Sobriety"));
    }

    #[test]
    fn unknown_answers_are_refused_with_the_question_named() {
        assert!(Answers::parse("spiritual=maybe").expect_err("refused").contains("spiritual"));
        assert!(Answers::parse("substance=tea").expect_err("refused").contains("substance"));
        assert!(Answers::parse("mat=perhaps").expect_err("refused").contains("mat"));
        assert!(Answers::parse("women_only=perhaps").expect_err("refused").contains("women_only"));
    }
}
