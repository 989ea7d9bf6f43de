//! Passwords: Argon2id hashes as PHC strings (the `argon2` crate), and the length rule; and the
//! rule for an account's e-mail address (the CLI and the accounts page share both).

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// The shortest password accepted.
pub const MIN_LENGTH: usize = 12;

/// Checks the length rule and hashes the password with Argon2id.
pub fn hash(password: &str) -> Result<String, String> {
    if password.chars().count() < MIN_LENGTH {
        return Err(format!("the password must be at least {MIN_LENGTH} characters long"));
    }
    let mut random = [0u8; 16];
    getrandom::getrandom(&mut random).map_err(|error| format!("no randomness for a salt: {error}"))?;
    let salt = SaltString::encode_b64(&random).map_err(|error| format!("making a salt: {error}"))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| format!("hashing the password: {error}"))
}

/// An account's address as kept (trimmed, lower-case), or what is wrong with it.
pub fn account_email(text: &str) -> Result<String, String> {
    let email = text.trim().to_lowercase();
    if email.len() > 254 || !email.contains('@') || email.contains(char::is_whitespace) {
        return Err(format!("\"{}\" is not an e-mail address", text.trim()));
    }
    Ok(email)
}

/// Does `password` match the stored PHC string? A malformed hash matches nothing.
pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|hash| Argon2::default().verify_password(password.as_bytes(), &hash).is_ok())
}

/// Spends the time of a real check when there is no such account, so a missing account cannot
/// be told from a wrong password by timing.
pub fn verify_nothing(password: &str) {
    static DUMMY: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| hash("not a real account password").unwrap_or_default());
    let _ = verify(password, &DUMMY);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_is_argon2id_and_verifies_only_its_password() {
        let stored = hash("correct horse battery").expect("hashes");
        assert!(stored.starts_with("$argon2id$"), "{stored}");
        assert!(verify("correct horse battery", &stored));
        assert!(!verify("correct horse batterY", &stored));
        assert!(!verify("anything", "not a hash"));
    }

    #[test]
    fn a_short_password_is_refused() {
        assert!(hash("elevenchars").is_err());
        assert!(hash("twelve chars").is_ok());
    }
}
