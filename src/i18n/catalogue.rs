//! Checks the message catalogues as a whole: every language has every key, and every key the code
//! and templates ask for exists. `build.rs` runs it (a missing key stops the build, naming the key,
//! the language and the file) and the tests run it on broken catalogues. Plain std only: build
//! scripts include this file.

use std::collections::BTreeMap;

/// The message keys of one Fluent file: lines that start an entry (`key = ...`); terms (`-term`),
/// comments and continuation lines are not keys.
pub fn message_keys(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|line| {
            let (key, _) = line.split_once('=')?;
            let key = key.trim_end();
            let valid = key.chars().next().is_some_and(|first| first.is_ascii_alphabetic())
                && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            valid.then(|| key.to_owned())
        })
        .collect()
}

/// Every problem with a set of catalogues, one line each (empty when they agree). `catalogues`
/// maps a language code to its files as (file name, text); `used` lists the keys the code and
/// templates ask for, each with where it is asked (`templates/home.html`).
pub fn problems(catalogues: &BTreeMap<String, Vec<(String, String)>>, used: &[(String, String)]) -> Vec<String> {
    let mut problems = Vec::new();
    // key -> (language -> file)
    let mut keys: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (language, files) in catalogues {
        for (file, text) in files {
            for key in message_keys(text) {
                if let Some(earlier) = keys.entry(key.clone()).or_default().insert(language.clone(), file.clone()) {
                    problems.push(format!("locales/{language}: key `{key}` is defined twice ({earlier} and {file})"));
                }
            }
        }
    }
    for (key, languages) in &keys {
        for language in catalogues.keys() {
            if !languages.contains_key(language) {
                let (other, file) = languages.iter().next().map(|(l, f)| (l.as_str(), f.as_str())).unwrap_or(("", ""));
                problems.push(format!("locales/{language}: key `{key}` is missing (locales/{other}/{file} has it)"));
            }
        }
    }
    for (key, place) in used {
        if !keys.contains_key(key) {
            problems.push(format!("{place}: asks for key `{key}`, which no catalogue defines"));
        }
    }
    problems
}

/// The keys a source or template asks for by a literal: `.t("key"`, `.n("key"`, `.t1("key"`,
/// `.t2("key"` and `.t3("key"`.
pub fn keys_asked_for(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for call in [".t(\"", ".n(\"", ".t1(\"", ".t2(\"", ".t3(\""] {
        let mut rest = text;
        while let Some(start) = rest.find(call) {
            rest = &rest[start + call.len()..];
            if let Some(end) = rest.find('"') {
                let key = &rest[..end];
                if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
                    keys.push(key.to_owned());
                }
            }
        }
    }
    keys
}
