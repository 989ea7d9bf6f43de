//! Free space on the disk a file is on (statvfs, through `rustix`): the feed cache checks it
//! before writing a file, and `/healthz` reports a full disk.

use std::path::Path;

/// Bytes an unprivileged process may still write on the file system holding `path` (a file or
/// folder that exists); `None` when that cannot be told.
pub fn free_bytes(path: &Path) -> Option<u64> {
    let stats = rustix::fs::statvfs(path).ok()?;
    Some(stats.f_bavail.saturating_mul(stats.f_frsize))
}

/// Below this much free space the disk counts as full: the database may fail any write.
pub const FULL_BELOW: u64 = 1 << 20;

/// Is the disk holding `path` full (less than [`FULL_BELOW`] free)?
pub fn is_full(path: &Path) -> bool {
    let existing = path.ancestors().find(|folder| folder.exists()).unwrap_or(Path::new("."));
    free_bytes(existing).is_some_and(|free| free < FULL_BELOW)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_free_space_of_an_existing_folder_is_known() {
        let folder = tempfile::tempdir().expect("folder");
        assert!(super::free_bytes(folder.path()).is_some());
        assert!(super::free_bytes(&folder.path().join("nowhere/at/all")).is_none());
    }
}
