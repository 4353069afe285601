//! ingest: files, JSON Lines, HTML pages, RSS/Atom feeds -> Document
