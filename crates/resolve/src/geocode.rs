//! Geocoding of place entities against the knowledge base (filled in by the kb work).
