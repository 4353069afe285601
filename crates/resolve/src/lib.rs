//! entity resolution: mentions -> entities, aliases, acronyms, coreference, KB links, geocoding

pub mod geocode;
