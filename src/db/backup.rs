//! Copies of the database taken while it serves: SQLite's online backup API, in one step, so the
//! copy is one consistent snapshot (in WAL mode, readers and a running import are not blocked, and
//! a write committed during the copy is either wholly in it or wholly not).

use std::path::Path;

use super::{Store, StoreError, file_error, quick_check};

impl Store {
    /// Writes a consistent copy of the database to `target` (through a temporary file beside it,
    /// renamed into place once checked with `PRAGMA integrity_check`).
    pub fn backup_to(&self, target: &Path) -> Result<(), StoreError> {
        let mut name = target.as_os_str().to_owned();
        name.push(".partial");
        let temporary = std::path::PathBuf::from(name);
        let _ = std::fs::remove_file(&temporary);
        let source = self.connection()?;
        let mut copy = rusqlite::Connection::open(&temporary)
            .map_err(|error| file_error(target, &format!("cannot be written: {error}")))?;
        {
            let backup = rusqlite::backup::Backup::new(&source, &mut copy)?;
            // Every page in one step: one read transaction, one snapshot.
            backup.step(-1)?;
        }
        let found: String = copy.query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
        if found != "ok" {
            return Err(file_error(target, &format!("the copy failed its integrity check: {found}")));
        }
        quick_check(target, &copy)?;
        // The copy stands alone: everything in the main file, no -wal beside it.
        copy.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")?;
        drop(copy);
        std::fs::rename(&temporary, target)
            .map_err(|error| file_error(target, &format!("cannot be written: {error}")))?;
        Ok(())
    }
}
