//! The languages and sizes every screen is snapshotted in: one list of each, so a new language
//! or size reaches every view's snapshots at once.

#![allow(dead_code)]

use referent::i18n::Lang;

/// Every language the screens speak.
pub const LANGS: &[Lang] = &Lang::ALL;

/// A small terminal, the classic size, and a large screen.
pub const SIZES: &[(u16, u16)] = &[(40, 12), (80, 24), (200, 60)];

/// A snapshot's name: the view, the language and the size.
pub fn name(view: &str, lang: Lang, (w, h): (u16, u16)) -> String {
    format!("{view}_{}_{w}x{h}", lang.code())
}
