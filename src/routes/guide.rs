//! The provider guide (`/guide`) and the philosophy matcher (`/guide/match`).

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::html;
use super::pages::ProsePage;
use crate::content::{Group, Medication};
use crate::error::AppError;
use crate::matcher::{self, Answers, Fit, NotOffered, SpiritualView, Suggestion, Treatment, WomenOnly};
use crate::state::AppState;

pub async fn guide(state: web::Data<AppState>, locale: crate::i18n::Locale) -> Result<HttpResponse, AppError> {
    let page = state.content.in_lang(locale.lang).page("guide/index").ok_or(AppError::NotFound)?;
    html(&ProsePage { lang: locale.lang, here: locale.here, page })
}

#[derive(Template)]
#[template(path = "guide/match.html")]
struct MatchPage<'a> {
    /// The page's language.
    lang: crate::i18n::Lang,
    /// The page's path in no language (with its query), for links to it in the others; empty: none.
    here: String,
    answers: Answers,
    /// Empty until the form is sent.
    suggestions: Vec<Suggestion<'a>>,
    /// The groups of the client's kind left out, with why.
    not_offered: Vec<NotOffered<'a>>,
    asked: bool,
    /// `near=`: the place the referral sheet lists meetings near (not scored).
    near: String,
    /// Generated from the weights that score.
    rules: Vec<String>,
}

impl MatchPage<'_> {
    fn spiritual_is(&self, value: &str) -> bool {
        let view = match value {
            "welcome" => SpiritualView::Welcome,
            "avoid" => SpiritualView::Avoid,
            _ => SpiritualView::Neutral,
        };
        self.answers.spiritual == view
    }

    fn women_only_is(&self, value: &str) -> bool {
        let wanted = match value {
            "want" => WomenOnly::Want,
            "accept" => WomenOnly::Accept,
            _ => WomenOnly::No,
        };
        self.answers.women_only == wanted
    }

    fn mat_is(&self, value: &str) -> bool {
        let treatment = match value {
            "opioid" => Treatment::Known(Medication::OpioidPharmacotherapy),
            "other" => Treatment::Other,
            _ => Treatment::None,
        };
        self.answers.treatment == treatment
    }

    fn substance_is(&self, value: &str) -> bool {
        matcher::SUBSTANCES.iter().any(|(name, substance)| *name == value && self.answers.substance == Some(*substance))
    }

    /// The substances the form offers: (parameter value, label in the page's language).
    fn substances(&self) -> Vec<(&'static str, &'static str)> {
        matcher::SUBSTANCES.iter().map(|(name, _)| (*name, matcher::substance_label(name, self.lang))).collect()
    }

    /// The finder link for a suggested group, narrowed by the answers (women's or online meetings).
    fn meetings_link(&self, slug: &str) -> String {
        let mut link = format!("{}/meetings?group={slug}", self.lang.prefix());
        if self.answers.women_only == WomenOnly::Want {
            link.push_str("&type=W");
        }
        if self.answers.online {
            link.push_str("&attendance=online");
        }
        link
    }

    /// The finder link for a mixed group's women's meetings, when the client would go to one.
    fn womens_meetings_link(&self, group: &Group) -> Option<String> {
        (self.answers.women_only != WomenOnly::No && !group.women_only)
            .then(|| format!("{}/meetings?group={}&type=W", self.lang.prefix(), group.slug))
    }

    /// The referral sheet with every suggestion; the client's answer on women-only meetings goes
    /// with it, so the sheet lists women's meetings only when she would go to one.
    fn referral_link(&self) -> String {
        let mut query: Vec<String> = self.suggestions.iter().map(|s| format!("group={}", s.group.slug)).collect();
        match self.answers.women_only {
            WomenOnly::No => {}
            WomenOnly::Accept => query.push("women_only=accept".to_owned()),
            WomenOnly::Want => query.push("women_only=want".to_owned()),
        }
        if !self.near.is_empty() {
            query.push(form_urlencoded::Serializer::new(String::new()).append_pair("near", &self.near).finish());
        }
        format!("{}/handouts/referral?{}", self.lang.prefix(), query.join("&"))
    }

    /// The class of a reason's list item: `reason-for`, `reason-against` or `reason-note`.
    fn fit_class(&self, fit: &Fit) -> &'static str {
        match fit {
            Fit::For => "reason-for",
            Fit::Against => "reason-against",
            Fit::Note => "reason-note",
        }
    }

    /// What a screen reader says before a reason.
    fn fit_words(&self, fit: &Fit) -> &'static str {
        match fit {
            Fit::For => self.lang.t("matcher-fit-for"),
            Fit::Against => self.lang.t("matcher-fit-against"),
            Fit::Note => self.lang.t("matcher-fit-note"),
        }
    }

    fn other_medication(&self) -> bool {
        self.answers.treatment == Treatment::Other
    }
}

pub async fn matcher(
    state: web::Data<AppState>,
    locale: crate::i18n::Locale,
    request: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let lang = locale.lang;
    let answers = Answers::parse(request.query_string(), lang).map_err(AppError::BadRequest)?;
    let asked = !request.query_string().is_empty();
    let groups = &state.content.in_lang(lang).groups;
    let ranking = if asked { matcher::rank(groups, &answers, lang) } else { matcher::Ranking::default() };
    html(&MatchPage {
        lang: locale.lang,
        here: locale.here.clone(),
        answers,
        suggestions: ranking.suggestions,
        not_offered: ranking.not_offered,
        asked,
        near: form_urlencoded::parse(request.query_string().as_bytes())
            .find(|(key, _)| key == "near")
            .map(|(_, value)| value.trim().chars().take(100).collect())
            .unwrap_or_default(),
        rules: matcher::rules(groups, lang),
    })
}
