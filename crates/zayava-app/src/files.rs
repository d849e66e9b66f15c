//! The one way Zayava writes a file a user keeps (a PDF, a calendar, an export): beside the
//! target under a `.partial` name, then renamed over it. A failure or a crash midway leaves
//! the earlier file (or none), never half of one.

use std::path::Path;

use zayava_store::StoreError;

use crate::AppError;

/// Writes `bytes` to `target` whole or not at all.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> Result<(), AppError> {
    let mut partial = target.as_os_str().to_owned();
    partial.push(".partial");
    let partial = std::path::PathBuf::from(partial);
    let written = std::fs::write(&partial, bytes).and_then(|()| std::fs::rename(&partial, target));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(AppError::Store(StoreError::File(format!("{}: {e}", target.display()))));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_replaced_whole_and_no_partial_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.pdf");
        std::fs::write(&target, b"old").unwrap();
        write_atomically(&target, b"new").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "only the target is left");
    }

    #[test]
    fn a_failed_write_keeps_the_earlier_file() {
        let dir = tempfile::tempdir().unwrap();
        // The rename fails: the target is a non-empty directory.
        let target = dir.path().join("taken");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("inside"), b"kept").unwrap();
        assert!(write_atomically(&target, b"new").is_err());
        assert_eq!(std::fs::read(target.join("inside")).unwrap(), b"kept");
        assert!(!dir.path().join("taken.partial").exists(), "the partial file is removed");
    }
}
