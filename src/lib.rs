//! referent: run municipal leadership meetings live in the terminal.
//!
//! The data flows agenda -> session -> minutes; `ui` sits beside them, turning keys into events
//! and meeting state into frames. The journal is the truth: every screen and file is derived from it.

// Tests may unwrap, panic and match loosely: the lints in Cargo.toml are for the app itself.
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::wildcard_enum_match_arm
    )
)]

/// The allocator of the program and of everything built on this library: an agenda, a journal
/// and minutes are many small strings, which mimalloc allocates and frees faster than the
/// system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod agenda;
pub mod archive;
pub mod cli;
pub mod commands;
pub mod i18n;
pub mod minutes;
pub mod parallel;
pub mod session;
pub mod textutil;
pub mod ui;
