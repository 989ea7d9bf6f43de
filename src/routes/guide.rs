//! The provider guide (`/guide`) and the philosophy matcher (`/guide/match`).

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::html;
use super::pages::ProsePage;
use crate::error::AppError;
use crate::matcher::{self, Answers, Fit, SpiritualView, Suggestion};
use crate::state::AppState;

pub async fn guide(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let page = state.content.page("guide/index").ok_or(AppError::NotFound)?;
    html(&ProsePage { page })
}

#[derive(Template)]
#[template(path = "guide/match.html")]
struct MatchPage<'a> {
    answers: Answers,
    /// Empty until the form is sent.
    suggestions: Vec<Suggestion<'a>>,
    asked: bool,
    rules: &'static [&'static str],
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

    fn substance_is(&self, value: &str) -> bool {
        matcher::SUBSTANCES.iter().any(|(name, substance)| *name == value && self.answers.substance == Some(*substance))
    }

    fn substances(&self) -> Vec<&'static str> {
        matcher::SUBSTANCES.iter().map(|(name, _)| *name).collect()
    }

    /// The finder link for a suggested group, narrowed by the answers (women's or online meetings).
    fn meetings_link(&self, slug: &str) -> String {
        let mut link = format!("/meetings?group={slug}");
        if self.answers.women_only {
            link.push_str("&type=W");
        }
        if self.answers.online {
            link.push_str("&attendance=online");
        }
        link
    }

    /// The referral sheet with every suggestion.
    fn referral_link(&self) -> String {
        let groups: Vec<String> = self.suggestions.iter().map(|s| format!("group={}", s.group.slug)).collect();
        format!("/handouts/referral?{}", groups.join("&"))
    }

    fn is_for(&self, fit: &Fit) -> bool {
        *fit == Fit::For
    }
}

pub async fn matcher(state: web::Data<AppState>, request: HttpRequest) -> Result<HttpResponse, AppError> {
    let answers = Answers::parse(request.query_string()).map_err(AppError::BadRequest)?;
    let asked = !request.query_string().is_empty();
    let suggestions = if asked { matcher::rank(&state.content.groups, &answers) } else { Vec::new() };
    html(&MatchPage { answers, suggestions, asked, rules: &matcher::RULES })
}
