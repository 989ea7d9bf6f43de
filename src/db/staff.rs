//! Staff: accounts, sessions, failed logins, change requests from the public, the audit log, and
//! the meeting writes staff make (each in one transaction that bumps the revision and logs who
//! changed what). The web side (cookies, CSRF, forms) is `crate::staff`'s.

use rusqlite::{OptionalExtension, Transaction, named_params, params};
use serde_json::Value;

use super::import::{archive_meeting, fingerprint, write_meeting};
use super::{Store, StoreError, rows};
use crate::meetings::Meeting;

/// What a staff account may do: editors keep meetings and requests; admins also see the users.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Editor,
    Admin,
}

impl Role {
    pub fn parse(text: &str) -> Option<Role> {
        match text {
            "editor" => Some(Role::Editor),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }
}

#[derive(Debug, Clone)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub role: Role,
    pub created_at: String,
}

fn user_from_row(row: &rusqlite::Row) -> rusqlite::Result<User> {
    let role: String = row.get("role")?;
    Ok(User {
        id: row.get("id")?,
        email: row.get("email")?,
        role: Role::parse(&role).unwrap_or(Role::Editor),
        created_at: row.get("created_at")?,
    })
}

/// What a staff member may be sent e-mail about (each a choice on their own account page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notification {
    /// A visitor sent a change request.
    NewRequest,
    /// A source's sync failed.
    SyncFailed,
}

impl Notification {
    /// The `users` column that says whether an account asked for it.
    fn column(self) -> &'static str {
        match self {
            Notification::NewRequest => "notify_requests",
            Notification::SyncFailed => "notify_sync_failures",
        }
    }
}

/// What a visitor sends from `/meetings/{slug}/change` or `/meetings/new`.
#[derive(Debug, Clone)]
pub struct NewChangeRequest {
    /// `None`: a meeting to add.
    pub meeting_slug: Option<String>,
    /// Requested values (Meeting Guide field → text as typed).
    pub requested: serde_json::Map<String, Value>,
    pub closed_for_good: bool,
    pub message: Option<String>,
    pub reply_to: Option<String>,
    pub sender_hash: String,
}

#[derive(Debug, Clone)]
pub struct ChangeRequest {
    pub id: i64,
    pub meeting_slug: Option<String>,
    pub requested: serde_json::Map<String, Value>,
    pub closed_for_good: bool,
    pub message: Option<String>,
    pub reply_to: Option<String>,
    /// Unix seconds.
    pub created_at: i64,
    pub status: String,
    pub closed_by: Option<String>,
    pub reason: Option<String>,
}

const REQUEST_COLUMNS: &str =
    "id, meeting_slug, requested, closed_for_good, message, reply_to, created_at, status, closed_by, reason";

fn request_from_row(row: &rusqlite::Row) -> rusqlite::Result<ChangeRequest> {
    Ok(ChangeRequest {
        id: row.get("id")?,
        meeting_slug: row.get("meeting_slug")?,
        requested: serde_json::from_str(&row.get::<_, String>("requested")?).unwrap_or_default(),
        closed_for_good: row.get("closed_for_good")?,
        message: row.get("message")?,
        reply_to: row.get("reply_to")?,
        created_at: row.get("created_at")?,
        status: row.get("status")?,
        closed_by: row.get("closed_by")?,
        reason: row.get("reason")?,
    })
}

/// One line of the audit log.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    /// Unix seconds.
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub meeting_slug: Option<String>,
    pub request_id: Option<i64>,
    /// (field, old, new).
    pub changes: Vec<(String, String, String)>,
    pub note: Option<String>,
}

fn audit_from_row(row: &rusqlite::Row) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        at: row.get("at")?,
        actor: row.get("actor")?,
        action: row.get("action")?,
        meeting_slug: row.get("meeting_slug")?,
        request_id: row.get("request_id")?,
        changes: serde_json::from_str(&row.get::<_, String>("changes")?).unwrap_or_default(),
        note: row.get("note")?,
    })
}

/// A meeting as staff see it: archived ones too, and whose it is.
#[derive(Debug, Clone)]
pub struct StaffMeeting {
    pub meeting: Meeting,
    pub archived: bool,
    /// The source's name when a synced source owns it (then staff do not edit it).
    pub source: Option<String>,
}

/// A line of the staff meeting list: enough to tell seven "Early Birds" apart.
#[derive(Debug, Clone)]
pub struct MeetingLine {
    pub meeting: Meeting,
    pub archived: bool,
    /// The synced source's name; `None`: entered here.
    pub source: Option<String>,
    pub town: Option<String>,
}

/// What the staff meeting list is narrowed to (every part optional).
#[derive(Debug, Clone, Default)]
pub struct StaffMeetingFilter {
    /// Words in the slug, name, venue or address.
    pub words: String,
    /// A weekday, 0 = Sunday.
    pub day: Option<u8>,
    /// Start times in `[from, to)` minutes past midnight (wrapping past midnight when to < from).
    pub minutes: Option<(u16, u16)>,
    /// Part of the town's name.
    pub town: String,
    /// A source's name; `Some("")`: meetings entered here.
    pub source: Option<String>,
}

/// What a staff write did.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveOutcome {
    /// Written; these fields changed (field, old, new).
    Saved(Vec<(String, String, String)>),
    /// The meeting belongs to this source; nothing was written.
    SourceMeeting(String),
    /// There is no meeting at that address (edit), or there already is one (add).
    NoMeeting,
    SlugTaken,
    /// The request was already closed by someone else.
    RequestClosed,
}

/// Fields that differ between two meetings, as Meeting Guide values: (field, old, new).
pub fn field_changes(old: Option<&Meeting>, new: &Meeting) -> Vec<(String, String, String)> {
    let empty = serde_json::Map::new();
    let old = old.map(crate::feed::to_meeting_guide);
    let old = old.as_ref().and_then(Value::as_object).unwrap_or(&empty);
    let new = crate::feed::to_meeting_guide(new);
    let new = new.as_object().unwrap_or(&empty);
    let shown = |value: Option<&Value>| match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
    };
    let mut keys: Vec<&String> = new.keys().chain(old.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|key| old.get(*key) != new.get(*key))
        .map(|key| (key.clone(), shown(old.get(key)), shown(new.get(key))))
        .collect()
}

fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

fn bump_revision(transaction: &Transaction) -> Result<(), StoreError> {
    transaction.execute("UPDATE revision SET value = value + 1 WHERE id = 1", [])?;
    Ok(())
}

pub(super) fn log(
    transaction: &Transaction,
    actor: &str,
    action: &str,
    slug: Option<&str>,
    request_id: Option<i64>,
    changes: &[(String, String, String)],
    note: Option<&str>,
) -> Result<(), StoreError> {
    transaction.execute(
        "INSERT INTO audit_log (at, actor, action, meeting_slug, request_id, changes, note)
         VALUES (:at, :actor, :action, :slug, :request, :changes, :note)",
        named_params! {
            ":at": now(), ":actor": actor, ":action": action, ":slug": slug, ":request": request_id,
            ":changes": serde_json::to_string(changes).unwrap_or_else(|_| "[]".to_owned()), ":note": note,
        },
    )?;
    Ok(())
}

/// Closes an open request (its reply address is deleted); false when it was not open.
fn close_request(
    transaction: &Transaction,
    id: i64,
    status: &str,
    actor: &str,
    reason: Option<&str>,
) -> Result<bool, StoreError> {
    let closed = transaction.execute(
        "UPDATE change_requests SET status = :status, closed_at = :now, closed_by = :actor, reason = :reason,
             reply_to = NULL, sender_hash = ''
         WHERE id = :id AND status = 'open'",
        named_params! { ":status": status, ":now": now(), ":actor": actor, ":reason": reason, ":id": id },
    )?;
    Ok(closed == 1)
}

/// An account's role, by address.
fn role_of(transaction: &Transaction, email: &str) -> Result<Option<Role>, StoreError> {
    let role: Option<String> =
        transaction.query_row("SELECT role FROM users WHERE email = ?1", [email], |row| row.get("role")).optional()?;
    Ok(role.and_then(|role| Role::parse(&role)))
}

fn admin_count(transaction: &Transaction) -> Result<u32, StoreError> {
    Ok(transaction
        .query_row("SELECT count(*) AS admins FROM users WHERE role = 'admin'", [], |row| row.get("admins"))?)
}

/// Sets a password, ending the account's sessions and password links.
fn set_password_in(transaction: &Transaction, email: &str, password_hash: &str) -> Result<bool, StoreError> {
    let changed =
        transaction.execute("UPDATE users SET password_hash = ?2 WHERE email = ?1", params![email, password_hash])?;
    transaction.execute("DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = ?1)", [email])?;
    transaction
        .execute("DELETE FROM password_links WHERE user_id = (SELECT id FROM users WHERE email = ?1)", [email])?;
    Ok(changed == 1)
}

/// (row id, sample, archived, source name) of a meeting by slug.
type Row = (i64, bool, bool, Option<String>);

fn meeting_row(transaction: &Transaction, slug: &str) -> Result<Option<Row>, StoreError> {
    Ok(transaction
        .query_row(
            "SELECT m.id, m.sample, m.archived, s.name AS source FROM meetings m
             LEFT JOIN sources s ON s.id = m.source_id WHERE m.slug = ?1",
            [slug],
            |row| Ok((row.get("id")?, row.get("sample")?, row.get("archived")?, row.get("source")?)),
        )
        .optional()?)
}

impl Store {
    /// Adds an account; false when the address already has one.
    pub fn add_user(&self, email: &str, role: Role, password_hash: &str) -> Result<bool, StoreError> {
        let added = self.connection()?.execute(
            "INSERT INTO users (email, role, password_hash, created_at) VALUES (:email, :role, :hash, :now)
             ON CONFLICT (email) DO NOTHING",
            named_params! {
                ":email": email, ":role": role.as_str(), ":hash": password_hash,
                ":now": jiff::Timestamp::now().to_string(),
            },
        )?;
        Ok(added == 1)
    }

    pub fn users(&self) -> Result<Vec<User>, StoreError> {
        let connection = self.connection()?;
        let mut statement = connection.prepare("SELECT id, email, role, created_at FROM users ORDER BY email")?;
        let users = statement.query_map([], user_from_row)?.collect::<Result<_, _>>()?;
        Ok(users)
    }

    /// Which notifications an account asked for: (new requests, failed syncs).
    pub fn notifications(&self, user_id: i64) -> Result<(bool, bool), StoreError> {
        Ok(self.connection()?.query_row(
            "SELECT notify_requests, notify_sync_failures FROM users WHERE id = ?1",
            [user_id],
            |row| Ok((row.get("notify_requests")?, row.get("notify_sync_failures")?)),
        )?)
    }

    /// Sets which notifications an account asked for.
    pub fn set_notifications(&self, user_id: i64, requests: bool, sync_failures: bool) -> Result<(), StoreError> {
        self.connection()?.execute(
            "UPDATE users SET notify_requests = ?2, notify_sync_failures = ?3 WHERE id = ?1",
            params![user_id, requests, sync_failures],
        )?;
        Ok(())
    }

    /// The addresses of the accounts that asked for `kind`, in order.
    pub fn notified(&self, kind: Notification) -> Result<Vec<String>, StoreError> {
        let connection = self.connection()?;
        let mut statement =
            connection.prepare(&format!("SELECT email FROM users WHERE {} = 1 ORDER BY email", kind.column()))?;
        let addresses = statement.query_map([], |row| row.get("email"))?.collect::<Result<_, _>>()?;
        Ok(addresses)
    }

    /// An account by its number.
    pub fn user(&self, id: i64) -> Result<Option<User>, StoreError> {
        Ok(self
            .connection()?
            .query_row("SELECT id, email, role, created_at FROM users WHERE id = ?1", [id], user_from_row)
            .optional()?)
    }

    /// Removes an account and its sessions, logged as done by `actor`; false when there is none.
    /// The last administrator is never removed ([`StoreError::LastAdmin`]).
    pub fn remove_user(&self, email: &str, actor: &str) -> Result<bool, StoreError> {
        let mut connection = self.connection()?;
        let transaction = connection.transaction()?;
        let Some(role) = role_of(&transaction, email)? else { return Ok(false) };
        if role == Role::Admin && admin_count(&transaction)? <= 1 {
            return Err(StoreError::LastAdmin(email.to_owned()));
        }
        transaction.execute("DELETE FROM users WHERE email = ?1", [email])?;
        log(&transaction, actor, "removed the account", None, None, &[], Some(email))?;
        transaction.commit()?;
        Ok(true)
    }

    /// Gives an account another role, logged as done by `actor`; false when there is no such
    /// account. The last administrator is never made an editor ([`StoreError::LastAdmin`]).
    pub fn set_role(&self, email: &str, role: Role, actor: &str) -> Result<bool, StoreError> {
        let mut connection = self.connection()?;
        let transaction = connection.transaction()?;
        let Some(old) = role_of(&transaction, email)? else { return Ok(false) };
        if old == role {
            return Ok(true);
        }
        if old == Role::Admin && admin_count(&transaction)? <= 1 {
            return Err(StoreError::LastAdmin(email.to_owned()));
        }
        transaction.execute("UPDATE users SET role = ?2 WHERE email = ?1", params![email, role.as_str()])?;
        let change = vec![("role".to_owned(), old.as_str().to_owned(), role.as_str().to_owned())];
        log(&transaction, actor, "changed the role of", None, None, &change, Some(email))?;
        transaction.commit()?;
        Ok(true)
    }

    /// Sets a new password and ends the account's sessions (and its unused password links);
    /// false when there is no such account.
    pub fn set_password(&self, email: &str, password_hash: &str) -> Result<bool, StoreError> {
        let mut connection = self.connection()?;
        let transaction = connection.transaction()?;
        let changed = set_password_in(&transaction, email, password_hash)?;
        transaction.commit()?;
        Ok(changed)
    }

    /// Keeps a one-time link to set an account's password (only its token's SHA-256), valid
    /// until `expires_at` (unix seconds); earlier links of the account stop working. Logged as
    /// done by `actor`; false when there is no such account.
    pub fn create_password_link(
        &self,
        email: &str,
        token_hash: &str,
        expires_at: i64,
        actor: &str,
    ) -> Result<bool, StoreError> {
        let mut connection = self.connection()?;
        let transaction = connection.transaction()?;
        let id: Option<i64> =
            transaction.query_row("SELECT id FROM users WHERE email = ?1", [email], |row| row.get("id")).optional()?;
        let Some(id) = id else { return Ok(false) };
        transaction.execute("DELETE FROM password_links WHERE user_id = ?1 OR expires_at <= ?2", params![id, now()])?;
        transaction.execute(
            "INSERT INTO password_links (token_hash, user_id, expires_at) VALUES (?1, ?2, ?3)",
            params![token_hash, id, expires_at],
        )?;
        log(&transaction, actor, "made a one-time password link for", None, None, &[], Some(email))?;
        transaction.commit()?;
        Ok(true)
    }

    /// The account a live password link is for.
    pub fn password_link_user(&self, token_hash: &str) -> Result<Option<User>, StoreError> {
        Ok(self
            .connection()?
            .query_row(
                "SELECT u.id, u.email, u.role, u.created_at FROM password_links l JOIN users u ON u.id = l.user_id
                 WHERE l.token_hash = ?1 AND l.expires_at > ?2",
                params![token_hash, now()],
                user_from_row,
            )
            .optional()?)
    }

    /// Uses a live password link: sets the password, ends the account's sessions, and the link
    /// is gone. `None` when the link is unknown, used or expired.
    pub fn use_password_link(&self, token_hash: &str, password_hash: &str) -> Result<Option<User>, StoreError> {
        let mut connection = self.connection()?;
        let transaction = connection.transaction()?;
        let user = transaction
            .query_row(
                "SELECT u.id, u.email, u.role, u.created_at FROM password_links l JOIN users u ON u.id = l.user_id
                 WHERE l.token_hash = ?1 AND l.expires_at > ?2",
                params![token_hash, now()],
                user_from_row,
            )
            .optional()?;
        let Some(user) = user else { return Ok(None) };
        set_password_in(&transaction, &user.email, password_hash)?;
        log(&transaction, &user.email, "set a password with a one-time link", None, None, &[], None)?;
        transaction.commit()?;
        Ok(Some(user))
    }

    /// An account and its password hash, by address.
    pub fn user_for_login(&self, email: &str) -> Result<Option<(User, String)>, StoreError> {
        Ok(self
            .connection()?
            .query_row(
                "SELECT id, email, role, created_at, password_hash FROM users WHERE email = ?1",
                [email],
                |row| Ok((user_from_row(row)?, row.get("password_hash")?)),
            )
            .optional()?)
    }

    /// Starts a session (and forgets expired ones).
    pub fn create_session(
        &self,
        user_id: i64,
        token_hash: &str,
        csrf_token: &str,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        let connection = self.connection()?;
        connection.execute("DELETE FROM sessions WHERE expires_at <= ?1", [now()])?;
        connection.execute(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES (?1, ?2, ?3, ?4)",
            params![token_hash, user_id, csrf_token, expires_at],
        )?;
        Ok(())
    }

    /// The account and CSRF token of a live session.
    pub fn session(&self, token_hash: &str) -> Result<Option<(User, String)>, StoreError> {
        Ok(self
            .connection()?
            .query_row(
                "SELECT u.id, u.email, u.role, u.created_at, s.csrf_token FROM sessions s
                 JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?1 AND s.expires_at > ?2",
                params![token_hash, now()],
                |row| Ok((user_from_row(row)?, row.get("csrf_token")?)),
            )
            .optional()?)
    }

    pub fn end_session(&self, token_hash: &str) -> Result<(), StoreError> {
        self.connection()?.execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash])?;
        Ok(())
    }

    /// Failed logins under `key` since `since` (unix seconds): how many, and the oldest.
    pub fn login_failures(&self, key: &str, since: i64) -> Result<(u32, Option<i64>), StoreError> {
        Ok(self.connection()?.query_row(
            "SELECT count(*) AS failures, min(at) AS oldest FROM login_failures WHERE key = ?1 AND at > ?2",
            params![key, since],
            |row| Ok((row.get("failures")?, row.get("oldest")?)),
        )?)
    }

    /// Records a failed login under each key (and forgets those older than `forget_before`).
    pub fn record_login_failure(&self, keys: &[&str], forget_before: i64) -> Result<(), StoreError> {
        let mut connection = self.connection()?;
        let transaction = connection.transaction()?;
        transaction.execute("DELETE FROM login_failures WHERE at <= ?1", [forget_before])?;
        for key in keys {
            transaction.execute("INSERT INTO login_failures (key, at) VALUES (?1, ?2)", params![key, now()])?;
        }
        transaction.commit()?;
        Ok(())
    }

    /// Stores a visitor's request; returns its number.
    pub fn add_change_request(&self, request: &NewChangeRequest) -> Result<i64, StoreError> {
        let connection = self.connection()?;
        connection.execute(
            "INSERT INTO change_requests (meeting_slug, requested, closed_for_good, message, reply_to, sender_hash,
                 created_at)
             VALUES (:slug, :requested, :closed, :message, :reply_to, :sender, :now)",
            named_params! {
                ":slug": request.meeting_slug,
                ":requested": Value::Object(request.requested.clone()).to_string(),
                ":closed": request.closed_for_good,
                ":message": request.message,
                ":reply_to": request.reply_to,
                ":sender": request.sender_hash,
                ":now": now(),
            },
        )?;
        Ok(connection.last_insert_rowid())
    }

    /// The key senders' addresses are kept under (made with the database; never shown).
    pub fn sender_key(&self) -> Result<Vec<u8>, StoreError> {
        Ok(self
            .connection()?
            .query_row("SELECT value FROM site_secrets WHERE name = 'sender-hash'", [], |row| row.get("value"))?)
    }

    /// Requests one sender made since `since` (unix seconds).
    pub fn requests_from(&self, sender_hash: &str, since: i64) -> Result<u32, StoreError> {
        Ok(self.connection()?.query_row(
            "SELECT count(*) FROM change_requests WHERE sender_hash = ?1 AND created_at > ?2",
            params![sender_hash, since],
            |row| row.get(0),
        )?)
    }

    /// Open requests, oldest first.
    pub fn open_requests(&self) -> Result<Vec<ChangeRequest>, StoreError> {
        self.open_requests_page(0, u32::MAX)
    }

    /// At most `limit` open requests, oldest first, after the first `offset`.
    pub fn open_requests_page(&self, offset: u64, limit: u32) -> Result<Vec<ChangeRequest>, StoreError> {
        let connection = self.connection()?;
        let mut statement = connection.prepare(&format!(
            "SELECT {REQUEST_COLUMNS} FROM change_requests WHERE status = 'open' ORDER BY created_at, id
             LIMIT :limit OFFSET :offset"
        ))?;
        let offset = i64::try_from(offset).unwrap_or(i64::MAX);
        let requests = statement
            .query_map(named_params! { ":limit": limit, ":offset": offset }, request_from_row)?
            .collect::<Result<_, _>>()?;
        Ok(requests)
    }

    /// How many requests are open.
    pub fn open_request_count(&self) -> Result<u64, StoreError> {
        let open: i64 = self.connection()?.query_row(
            "SELECT count(*) AS open FROM change_requests WHERE status = 'open'",
            [],
            |row| row.get("open"),
        )?;
        Ok(u64::try_from(open).unwrap_or_default())
    }

    pub fn change_request(&self, id: i64) -> Result<Option<ChangeRequest>, StoreError> {
        Ok(self
            .connection()?
            .query_row(&format!("SELECT {REQUEST_COLUMNS} FROM change_requests WHERE id = ?1"), [id], request_from_row)
            .optional()?)
    }

    /// Closes a request without changing any meeting; false when it was not open.
    pub fn reject_request(&self, id: i64, actor: &str, reason: &str) -> Result<bool, StoreError> {
        let mut connection = self.connection()?;
        let transaction = connection.transaction()?;
        let slug: Option<Option<String>> = transaction
            .query_row("SELECT meeting_slug FROM change_requests WHERE id = ?1", [id], |row| row.get(0))
            .optional()?;
        if !close_request(&transaction, id, "rejected", actor, Some(reason))? {
            return Ok(false);
        }
        log(&transaction, actor, "rejected a request", slug.flatten().as_deref(), Some(id), &[], Some(reason))?;
        transaction.commit()?;
        Ok(true)
    }

    /// A meeting by slug, archived or not, with its source's name.
    pub fn staff_meeting(&self, slug: &str) -> Result<Option<StaffMeeting>, StoreError> {
        let mut connection = self.connection()?;
        let transaction = connection.transaction()?;
        let Some((id, _, archived, source)) = meeting_row(&transaction, slug)? else { return Ok(None) };
        let meeting = rows::load_meetings(&transaction, &[id])?.pop();
        Ok(meeting.map(|meeting| StaffMeeting { meeting, archived, source }))
    }

    /// Meetings for the staff list, by name (listed before archived): those `filter` picks, at
    /// most `limit`. Its words match slug, name, venue or address; its town is the meeting's own
    /// ([`Meeting::town`]), matched in any case.
    pub fn staff_meeting_list(&self, filter: &StaffMeetingFilter, limit: u32) -> Result<Vec<MeetingLine>, StoreError> {
        let connection = self.connection()?;
        let pattern = format!("%{}%", filter.words.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        let (from, to) = filter.minutes.map_or((None, None), |(from, to)| (Some(from), Some(to)));
        let town = filter.town.trim().to_lowercase();
        let mut statement = connection.prepare(
            "SELECT m.id, m.archived, s.name AS source FROM meetings m
             LEFT JOIN sources s ON s.id = m.source_id
             WHERE (m.slug LIKE :p ESCAPE '\\' OR m.name LIKE :p ESCAPE '\\' OR m.location LIKE :p ESCAPE '\\'
                    OR m.display_address LIKE :p ESCAPE '\\')
               AND (:day IS NULL OR m.id IN (SELECT meeting_id FROM meeting_weekdays WHERE day = :day))
               AND (:from IS NULL OR (m.time IS NOT NULL AND CASE WHEN :from <= :to
                        THEN (CAST(substr(m.time, 1, 2) AS INTEGER) * 60 + CAST(substr(m.time, 4, 2) AS INTEGER))
                             BETWEEN :from AND :to - 1
                        ELSE (CAST(substr(m.time, 1, 2) AS INTEGER) * 60 + CAST(substr(m.time, 4, 2) AS INTEGER))
                             NOT BETWEEN :to AND :from - 1 END))
               AND (:source IS NULL OR (:source = '' AND m.source_id IS NULL) OR s.name = :source)
             ORDER BY m.archived, m.name COLLATE NOCASE, m.slug
             LIMIT :limit",
        )?;
        // The town is read from the whole meeting: all candidates are looked at when one is asked.
        let sql_limit = if town.is_empty() { i64::from(limit) } else { -1 };
        let found: Vec<(i64, bool, Option<String>)> = statement
            .query_map(
                named_params! {
                    ":p": pattern, ":day": filter.day, ":from": from, ":to": to, ":source": filter.source,
                    ":limit": sql_limit,
                },
                |row| Ok((row.get("id")?, row.get("archived")?, row.get("source")?)),
            )?
            .collect::<Result<_, _>>()?;
        let ids: Vec<i64> = found.iter().map(|(id, _, _)| *id).collect();
        let meetings = rows::load_meetings(&connection, &ids)?;
        let list = found
            .into_iter()
            .zip(meetings)
            .map(|((_, archived, source), meeting)| MeetingLine { town: meeting.town(), meeting, archived, source })
            .filter(|line| {
                town.is_empty() || line.town.as_deref().is_some_and(|own| own.to_lowercase().contains(&town))
            })
            .take(limit as usize)
            .collect();
        Ok(list)
    }

    /// Writes a meeting staff added (`adding`) or edited, in one transaction with its audit entry
    /// (and, when it comes from a request, closing that request); bumps the revision when
    /// anything changed. A source's meeting is never written over.
    pub fn save_meeting(
        &self,
        meeting: &Meeting,
        adding: bool,
        actor: &str,
        request_id: Option<i64>,
    ) -> Result<SaveOutcome, StoreError> {
        let mut connection = self.connection()?;
        let transaction = connection.transaction()?;
        let row = meeting_row(&transaction, &meeting.slug)?;
        let (id, sample, archived, old) = match (row, adding) {
            (Some((_, _, _, Some(source))), _) => return Ok(SaveOutcome::SourceMeeting(source)),
            (Some(_), true) => return Ok(SaveOutcome::SlugTaken),
            (None, false) => return Ok(SaveOutcome::NoMeeting),
            (None, true) => (None, false, false, None),
            (Some((id, sample, archived, None)), false) => {
                (Some(id), sample, archived, rows::load_meetings(&transaction, &[id])?.pop())
            }
        };
        if let Some(request) = request_id
            && !close_request(&transaction, request, "approved", actor, None)?
        {
            return Ok(SaveOutcome::RequestClosed);
        }
        let changes = field_changes(old.as_ref(), meeting);
        if !changes.is_empty() || id.is_none() {
            let written = write_meeting(&transaction, id, meeting, &fingerprint(meeting, sample), sample, None)?;
            // Editing an archived meeting keeps it archived: restoring is its own action.
            if archived {
                archive_meeting(&transaction, written)?;
            }
            bump_revision(&transaction)?;
        }
        let action = match (adding, request_id) {
            (true, Some(_)) => "added a meeting from a request",
            (true, None) => "added a meeting",
            (false, Some(_)) => "changed a meeting from a request",
            (false, None) => "changed a meeting",
        };
        log(&transaction, actor, action, Some(&meeting.slug), request_id, &changes, None)?;
        transaction.commit()?;
        self.revision()?;
        Ok(SaveOutcome::Saved(changes))
    }

    /// Archives (hides) or restores a meeting entered here, with its audit entry (and closing the
    /// request that asked for it).
    pub fn set_meeting_archived(
        &self,
        slug: &str,
        archived: bool,
        actor: &str,
        request_id: Option<i64>,
    ) -> Result<SaveOutcome, StoreError> {
        let mut connection = self.connection()?;
        let transaction = connection.transaction()?;
        let (id, sample, was_archived) = match meeting_row(&transaction, slug)? {
            None => return Ok(SaveOutcome::NoMeeting),
            Some((_, _, _, Some(source))) => return Ok(SaveOutcome::SourceMeeting(source)),
            Some((id, sample, was, None)) => (id, sample, was),
        };
        if let Some(request) = request_id
            && !close_request(&transaction, request, "approved", actor, None)?
        {
            return Ok(SaveOutcome::RequestClosed);
        }
        let yes_no = |value: bool| if value { "yes" } else { "no" }.to_owned();
        let changes = if was_archived == archived {
            Vec::new()
        } else {
            vec![("archived".to_owned(), yes_no(was_archived), yes_no(archived))]
        };
        if !changes.is_empty() {
            if archived {
                archive_meeting(&transaction, id)?;
            } else if let Some(meeting) = rows::load_meetings(&transaction, &[id])?.pop() {
                // Written again: its days, regions and search words come back with it.
                write_meeting(&transaction, Some(id), &meeting, &fingerprint(&meeting, sample), sample, None)?;
            }
            bump_revision(&transaction)?;
        }
        let action = match (archived, request_id) {
            (true, Some(_)) => "archived a meeting (closed for good, from a request)",
            (true, None) => "archived a meeting",
            (false, _) => "restored a meeting",
        };
        log(&transaction, actor, action, Some(slug), request_id, &changes, None)?;
        transaction.commit()?;
        self.revision()?;
        Ok(SaveOutcome::Saved(changes))
    }

    /// Writes a staff action that changes no meeting itself to the audit log (a sync started
    /// from the staff pages, with its result).
    pub fn log_action(&self, actor: &str, action: &str, note: &str) -> Result<(), StoreError> {
        let mut connection = self.connection()?;
        let transaction = connection.transaction()?;
        log(&transaction, actor, action, None, None, &[], Some(note))?;
        transaction.commit()?;
        Ok(())
    }

    /// The newest audit entries first.
    pub fn audit_log(&self, limit: u32) -> Result<Vec<AuditEntry>, StoreError> {
        let connection = self.connection()?;
        let mut statement = connection.prepare(
            "SELECT at, actor, action, meeting_slug, request_id, changes, note FROM audit_log
             ORDER BY id DESC LIMIT ?1",
        )?;
        let entries = statement.query_map([limit], audit_from_row)?.collect::<Result<_, _>>()?;
        Ok(entries)
    }

    /// The newest audit entry about a request (what closing it did).
    pub fn audit_of_request(&self, request_id: i64) -> Result<Option<AuditEntry>, StoreError> {
        Ok(self
            .connection()?
            .query_row(
                "SELECT at, actor, action, meeting_slug, request_id, changes, note FROM audit_log
                 WHERE request_id = ?1 ORDER BY id DESC LIMIT 1",
                [request_id],
                audit_from_row,
            )
            .optional()?)
    }

    /// The oldest open request other than `except`: the next one to review.
    pub fn next_open_request(&self, except: i64) -> Result<Option<i64>, StoreError> {
        Ok(self
            .connection()?
            .query_row(
                "SELECT id FROM change_requests WHERE status = 'open' AND id <> ?1 ORDER BY created_at, id LIMIT 1",
                [except],
                |row| row.get("id"),
            )
            .optional()?)
    }
}
