//! Embeds `content/` and `static/` in the binary, so the site runs from one file.
//! Writes `embedded.rs` into OUT_DIR: two slices of (relative path, bytes), `STATIC_VERSION` (the
//! static files' version) and `BUILD_VERSION` (a version of everything that shapes a response:
//! code, templates, content, static files, migrations; it goes into every ETag).

use std::collections::BTreeMap;
use std::{env, fs, io, path::Path};

#[path = "src/i18n/catalogue.rs"]
mod catalogue;

fn main() -> io::Result<()> {
    let manifest = env::var("CARGO_MANIFEST_DIR").map_err(io::Error::other)?;
    let out_dir = env::var("OUT_DIR").map_err(io::Error::other)?;
    let mut code = String::new();
    for (constant, folder) in [("CONTENT_FILES", "content"), ("STATIC_FILES", "static")] {
        let root = Path::new(&manifest).join(folder);
        println!("cargo:rerun-if-changed={}", root.display());
        let mut files = Vec::new();
        collect(&root, &root, &mut files)?;
        files.sort();
        code.push_str(&format!("pub static {constant}: &[(&str, &[u8])] = &[\n"));
        for (relative, absolute) in &files {
            code.push_str(&format!("    ({relative:?}, include_bytes!({absolute:?})),\n"));
        }
        code.push_str("];\n");
        if constant == "STATIC_FILES" {
            // FNV-1a over every static file: a version for their URLs, so browsers never use a stale copy.
            let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
            for (relative, absolute) in &files {
                for byte in relative.bytes().chain(fs::read(absolute)?) {
                    hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
                }
            }
            code.push_str(&format!("pub const STATIC_VERSION: &str = \"{hash:016x}\";\n"));
        }
    }
    // FNV-1a over every file that shapes a response, so a deploy that changes a template, a text or
    // the code changes every ETag and browsers never keep an old page through a 304.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for folder in ["src", "templates", "content", "static", "migrations", "locales"] {
        let root = Path::new(&manifest).join(folder);
        if !root.is_dir() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", root.display());
        let mut files = Vec::new();
        collect(&root, &root, &mut files)?;
        files.sort();
        for (relative, absolute) in &files {
            for byte in folder.bytes().chain(relative.bytes()).chain(fs::read(absolute)?) {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    for byte in env::var("CARGO_PKG_VERSION").unwrap_or_default().bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    code.push_str(&format!("pub const BUILD_VERSION: &str = \"{:08x}\";\n", hash >> 32));
    code.push_str(&catalogues(Path::new(&manifest))?);
    fs::write(Path::new(&out_dir).join("embedded.rs"), code)
}

/// Checks the message catalogues (`locales/<code>/*.ftl`) against each other and against the keys
/// that templates and code ask for; a problem stops the build. Writes `LANGUAGES` (the folders'
/// codes, English first) and `CATALOGUE_KEYS`.
fn catalogues(manifest: &Path) -> io::Result<String> {
    let root = manifest.join("locales");
    let mut syntax = Vec::new();
    let mut catalogues: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for entry in fs::read_dir(&root)? {
        let path = entry?.path();
        let Some(code) = path.file_name().and_then(|name| name.to_str()).map(str::to_owned) else { continue };
        if !path.is_dir() {
            continue;
        }
        let mut files = Vec::new();
        collect(&path, &path, &mut files)?;
        let mut texts = Vec::new();
        for (relative, absolute) in files {
            if relative.ends_with(".ftl") {
                let text = fs::read_to_string(absolute)?;
                // A file Fluent cannot parse would only fail when the site starts: stop here.
                if let Err((_, errors)) = fluent_syntax::parser::parse(text.as_str()) {
                    for error in errors {
                        let line = text[..error.pos.start.min(text.len())].lines().count().max(1);
                        syntax.push(format!("locales/{code}/{relative}:{line}: {:?}", error.kind));
                    }
                }
                texts.push((relative, text));
            }
        }
        catalogues.insert(code, texts);
    }
    let mut used = Vec::new();
    for folder in ["templates", "src"] {
        let base = manifest.join(folder);
        let mut files = Vec::new();
        collect(&base, &base, &mut files)?;
        // The catalogue's own module shows the calls in its documentation and tests.
        for (relative, absolute) in files.into_iter().filter(|(relative, _)| !relative.starts_with("i18n/")) {
            for key in catalogue::keys_asked_for(&fs::read_to_string(absolute)?) {
                used.push((key, format!("{folder}/{relative}")));
            }
        }
    }
    let mut problems = syntax;
    problems.extend(catalogue::problems(&catalogues, &used));
    if !problems.is_empty() {
        for problem in &problems {
            println!("cargo:warning={problem}");
        }
        return Err(io::Error::other(format!("the message catalogues disagree:\n{}", problems.join("\n"))));
    }
    let mut languages: Vec<&String> = catalogues.keys().collect();
    languages.sort_by_key(|code| (code.as_str() != "en", code.as_str()));
    let mut keys: Vec<String> =
        catalogues.get("en").into_iter().flatten().flat_map(|(_, text)| catalogue::message_keys(text)).collect();
    keys.sort();
    Ok(format!("pub static LANGUAGES: &[&str] = &{languages:?};\npub static CATALOGUE_KEYS: &[&str] = &{keys:?};\n"))
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(root, &path, files)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            let relative = relative.to_string_lossy().replace('\\', "/");
            files.push((relative, path.to_string_lossy().into_owned()));
        }
    }
    Ok(())
}
