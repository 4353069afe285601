//! The server on a fixture store built here: the twelve articles of
//! `examples/` (a TTP story) and one hostile article this crate wrote
//! (`tests/fixtures/hostile.jsonl`: markup, event handlers and
//! `javascript:` links in its title, URL and text). `api` drives the router
//! in-process; `browser` drives headless Chromium against a real server.

mod api;
mod browser;
mod fixture;
