//! Minutes: pure functions of a meeting.
use std::io;
use std::path::Path;

use crate::i18n::Lang;
use crate::session::state::Meeting;

pub fn write_files(_dir: &Path, _meeting: &Meeting, _lang: Lang) -> io::Result<()> {
    Ok(())
}
