//! The screens: keys become events, meeting state becomes frames. Nothing here is the truth;
//! every view is drawn from a `Meeting` folded from the journal.

pub mod bigtext;
pub mod follow;
pub mod projector;
pub mod theme;
