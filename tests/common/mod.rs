//! Helpers shared by the integration tests.

pub mod fixtures;
pub mod pty;
pub mod screens;
pub mod session;
