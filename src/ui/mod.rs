//! The screens: keys become events, meeting state becomes frames. Nothing here is the truth;
//! every view is drawn from a `Meeting` folded from the journal.

pub mod agenda_list;
pub mod app;
pub mod bigtext;
pub mod editor;
pub mod field;
pub mod fmt;
pub mod follow;
pub mod footer;
pub mod form;
pub mod help;
pub mod input;
pub mod keymap;
pub mod live;
pub mod minutes_view;
pub mod projector;
pub mod review;
pub mod run;
pub mod speakers;
pub mod style;
pub mod terminal;
pub mod theme;
pub mod wrap;
