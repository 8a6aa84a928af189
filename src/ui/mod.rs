//! The terminal screens: keys become events, meeting state becomes frames. No truth lives here.

pub mod app;
pub mod field;
pub mod fmt;
pub mod form;
pub mod help;
pub mod keymap;
pub mod live;
pub mod run;
pub mod style;
pub mod terminal;
