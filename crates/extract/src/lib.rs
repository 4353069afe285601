//! extraction: relations, CAMEO-coded events and attributed claims
