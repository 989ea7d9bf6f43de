//! The philosophy matcher: ranks the groups for a client's answers, best first, with the reasons
//! drawn from the fact sheet. Always more than one suggestion: the fact sheet advises offering a
//! choice. The rules are few and listed on the page in plain words (`RULES`).

use crate::content::{Approach, Audience, Group, Spirituality, Substance};

/// How the client feels about a spiritual emphasis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SpiritualView {
    Welcome,
    #[default]
    Neutral,
    Avoid,
}

/// The answers of the matcher's form (`/guide/match?...`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    /// Help for a family member or friend rather than for the client's own use.
    pub for_family: bool,
    pub spiritual: SpiritualView,
    pub co_occurring: bool,
    /// On medication-assisted treatment (e.g. methadone).
    pub mat: bool,
    pub women_only: bool,
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
                "mat" => answers.mat = yes()?,
                "women_only" => answers.women_only = yes()?,
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

/// Whether a reason speaks for or against a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    For,
    Against,
}

#[derive(Debug, Clone)]
pub struct Suggestion<'a> {
    pub group: &'a Group,
    pub score: i32,
    pub reasons: Vec<(Fit, String)>,
}

/// The rules, in plain words, as the page explains them.
pub const RULES: [&str; 8] = [
    "Groups for families and friends are suggested only when the help is for a family member or friend; groups for people with a substance use disorder only when it is for the client.",
    "A client with both a substance use disorder and a mental disorder is pointed first to the groups made for co-occurring disorders.",
    "A group that focuses on the client's substance ranks higher; groups open to any drug come next.",
    "For clients who welcome spirituality, the spiritually based 12-Step groups and Women for Sobriety rank higher: the fact sheet links strong religious beliefs with more participation there, religious belief did less to raise participation in SMART Recovery, and went with lower participation in SOS.",
    "For clients who would rather avoid it, the secular groups (SOS, LifeRing) and SMART Recovery's cognitive-behavioural approach rank higher, and groups built around a higher power lower.",
    "For clients on medication-assisted treatment, Methadone Anonymous ranks higher: its members understand the benefits of opioid pharmacotherapy. Groups whose approach the fact sheet does not describe gain or lose nothing for beliefs.",
    "Women who want a women-only group are pointed to Women for Sobriety; those who want online support, to the groups the fact sheet names as offering online meetings or forums.",
    "When answers leave groups tied, the most widely available come first: 12-Step groups are the most widely available, and AA has more than 100,000 groups.",
];

/// How many suggestions a page shows at most; it always shows at least two.
const MOST: usize = 5;

/// Ranks the groups for these answers: at least two, at most five, best first.
pub fn rank<'a>(groups: &'a [Group], answers: &Answers) -> Vec<Suggestion<'a>> {
    let mut suggestions: Vec<Suggestion> = groups
        .iter()
        .filter(|group| (group.audience == Audience::Family) == answers.for_family)
        .map(|group| score(group, answers))
        .collect();
    suggestions.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.group.name.cmp(&b.group.name)));
    let best = suggestions.first().map_or(0, |s| s.score);
    // Keep what is within reach of the best (at least two, at most five).
    let keep = suggestions.iter().take_while(|s| s.score >= best - 30).count().clamp(2, MOST);
    suggestions.truncate(keep);
    suggestions
}

fn score<'a>(group: &'a Group, answers: &Answers) -> Suggestion<'a> {
    let mut points = 0;
    let mut reasons = Vec::new();
    let mut add = |value: i32, fit: Fit, reason: &str| {
        points += value;
        reasons.push((fit, reason.to_owned()));
    };
    if answers.for_family {
        add(0, Fit::For, "Supports families, friends and significant others of people with a substance use disorder.");
    }
    match (answers.co_occurring, group.audience == Audience::CoOccurring) {
        (true, true) => add(40, Fit::For, "Made for people with both a substance use disorder and a mental disorder."),
        (false, true) => add(-20, Fit::Against, "Made for people who also have a mental disorder."),
        _ => {}
    }
    if let Some(substance) = answers.substance {
        let specific = !matches!(substance, Substance::Alcohol | Substance::Drugs);
        if group.substances.contains(&substance) {
            add(if specific { 30 } else { 20 }, Fit::For, &format!("Focuses on {}.", substance_words(substance)));
        } else if specific && group.substances.contains(&Substance::Drugs) {
            add(15, Fit::For, "Open to people who use any drug.");
        } else if !group.substances.is_empty() {
            let focus: Vec<&str> = group.substances.iter().map(|s| substance_words(*s)).collect();
            add(-10, Fit::Against, &format!("Focuses on {}.", focus.join(" and ")));
        }
    }
    let described = group.approach != Approach::NotDescribed;
    match (answers.spiritual, group.spirituality) {
        (SpiritualView::Welcome | SpiritualView::Avoid, _) if !described => {
            add(0, Fit::Against, "The fact sheet does not describe its approach; see its website.")
        }
        (SpiritualView::Welcome, Spirituality::HigherPower) => add(
            20,
            Fit::For,
            "Spiritually based: strong religious beliefs go with more participation in 12-Step groups.",
        ),
        (SpiritualView::Welcome, Spirituality::Personal) => {
            add(20, Fit::For, "Strong religious beliefs go with more participation in Women for Sobriety.")
        }
        (SpiritualView::Welcome, Spirituality::NotDescribed) => {
            add(-5, Fit::Against, "Religious beliefs did less to raise participation in SMART Recovery.")
        }
        (SpiritualView::Welcome, Spirituality::Secular) => {
            add(-10, Fit::Against, "Secular: keeps recovery apart from spirituality.")
        }
        (SpiritualView::Avoid, Spirituality::Secular) => {
            add(25, Fit::For, "Secular: keeps recovery separate from spirituality.")
        }
        (SpiritualView::Avoid, Spirituality::NotDescribed) => {
            add(20, Fit::For, "Uses cognitive-behavioural methods; the fact sheet mentions no spiritual element.")
        }
        (SpiritualView::Avoid, Spirituality::Personal) => {
            add(5, Fit::For, "Encourages daily meditation but does not otherwise emphasise God or a higher power.")
        }
        (SpiritualView::Avoid, Spirituality::HigherPower) => {
            add(-25, Fit::Against, "Includes a higher power, which some people are uncomfortable with.")
        }
        (SpiritualView::Neutral, _) => {}
    }
    if answers.mat && group.mat_supportive {
        add(50, Fit::For, "Members understand the benefits of medication such as methadone.");
    }
    if answers.women_only {
        if group.women_only {
            add(35, Fit::For, "Only for women.");
        } else {
            add(0, Fit::Against, "Not only for women; some of its meetings may be, so check the meeting finder.");
        }
    }
    if answers.online && group.online_support {
        add(15, Fit::For, "Offers online meetings or forums.");
    }
    match group.slug.as_str() {
        "alcoholics-anonymous" => {
            add(6, Fit::For, "12-Step groups are the most widely available; AA has more than 100,000 groups worldwide.")
        }
        "narcotics-anonymous" => {
            add(3, Fit::For, "Has committees that work with providers to get clients to meetings.")
        }
        _ => {}
    }
    Suggestion { group, score: points, reasons }
}

fn substance_words(substance: Substance) -> &'static str {
    match substance {
        Substance::Alcohol => "alcohol",
        Substance::Drugs => "any drug",
        Substance::Cocaine => "cocaine",
        Substance::Meth => "crystal meth",
        Substance::Heroin => "heroin",
        Substance::Marijuana => "marijuana",
        Substance::Methadone => "methadone",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;

    fn ranked(query: &str) -> Vec<String> {
        let content = Content::embedded().expect("content");
        let answers = Answers::parse(query).expect("valid answers");
        rank(&content.groups, &answers).into_iter().map(|s| s.group.slug.clone()).collect()
    }

    #[test]
    fn there_is_always_more_than_one_suggestion() {
        for query in ["", "for=family", "mat=yes&women_only=yes&co_occurring=yes", "substance=heroin&spiritual=avoid"] {
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
        assert!(!slugs.iter().take(3).any(|slug| slug == "alcoholics-anonymous"));
    }

    #[test]
    fn religious_clients_get_spiritually_based_groups_first() {
        let slugs = ranked("spiritual=welcome&substance=alcohol");
        assert_eq!(slugs[0], "alcoholics-anonymous");
        let sos = slugs.iter().position(|slug| slug == "secular-organizations-for-sobriety");
        assert!(sos.is_none() || sos > slugs.iter().position(|slug| slug == "women-for-sobriety"));
    }

    #[test]
    fn co_occurring_disorders_lead_to_the_dual_recovery_groups() {
        let slugs = ranked("co_occurring=yes");
        let mut top: Vec<&str> = slugs.iter().take(2).map(String::as_str).collect();
        top.sort();
        assert_eq!(top, ["double-trouble-in-recovery", "dual-recovery-anonymous"]);
    }

    #[test]
    fn medication_assisted_treatment_leads_to_methadone_anonymous() {
        assert_eq!(ranked("mat=yes&substance=heroin")[0], "methadone-anonymous");
    }

    #[test]
    fn women_who_want_a_womens_group_get_women_for_sobriety_first() {
        assert_eq!(ranked("women_only=yes&substance=alcohol")[0], "women-for-sobriety");
    }

    #[test]
    fn a_specific_drug_leads_to_its_group_then_to_groups_for_any_drug() {
        let slugs = ranked("substance=cocaine");
        assert_eq!(slugs[0], "cocaine-anonymous");
        assert!(slugs.iter().take(4).any(|slug| slug == "narcotics-anonymous"));
    }

    #[test]
    fn unknown_answers_are_refused_with_the_question_named() {
        assert!(Answers::parse("spiritual=maybe").expect_err("refused").contains("spiritual"));
        assert!(Answers::parse("substance=tea").expect_err("refused").contains("substance"));
        assert!(Answers::parse("mat=perhaps").expect_err("refused").contains("mat"));
    }
}
