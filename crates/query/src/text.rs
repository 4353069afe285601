//! Questions about words: claims by speaker, subject and content, and
//! full-text search over the articles.

use serde::{Deserialize, Serialize};

use dossier_store::{ArticleHit, ClaimQuery, ClaimRow, Store};

use crate::{resolve_actor, DayRange, Page, QueryError, Result};

/// What claims to select. Actors are names or ids.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClaimFilter {
    pub speaker: Option<String>,
    /// An actor the claim is about.
    pub about: Option<String>,
    /// Words the claim's text contains, all of them (case-insensitive).
    pub text: Option<String>,
    /// Publication dates of the claims' articles.
    pub from: Option<String>,
    pub to: Option<String>,
}

/// A page of claims, the latest first.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ClaimPage {
    pub total: i64,
    pub offset: usize,
    pub limit: usize,
    pub claims: Vec<ClaimRow>,
}

/// The claims a filter selects, the latest first, one page of them.
pub fn claims(store: &Store, filter: &ClaimFilter, page: Page) -> Result<ClaimPage> {
    let actor = |name: &Option<String>| -> Result<Option<String>> {
        name.as_deref()
            .map(|n| resolve_actor(store, n).map(|a| a.id))
            .transpose()
    };
    let days = DayRange::parse(filter.from.as_deref(), filter.to.as_deref())?;
    let q = ClaimQuery {
        speaker: actor(&filter.speaker)?,
        about: actor(&filter.about)?,
        words: filter
            .text
            .as_deref()
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_string)
            .collect(),
        from_day: days.from,
        to_day: days.to,
    };
    let claims = store.query_claims(&q, page.limit, page.offset)?;
    let total = if page.offset == 0 && claims.len() < page.limit {
        claims.len() as i64
    } else {
        store.count_claims(&q)?
    };
    Ok(ClaimPage {
        total,
        offset: page.offset,
        limit: page.limit,
        claims,
    })
}

/// A page of full-text hits, the best first.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SearchPage {
    pub total: i64,
    pub offset: usize,
    pub limit: usize,
    pub hits: Vec<ArticleHit>,
}

/// Articles that contain all the words (or match an FTS5 query: quotes for
/// phrases, `OR`, `NOT`, `word*`), the best first, each with a snippet, its
/// date and the actors it names.
pub fn search(store: &Store, words: &str, page: Page) -> Result<SearchPage> {
    if words.trim().is_empty() {
        return Err(QueryError::Invalid(
            "nothing to search for; give one or more words".into(),
        ));
    }
    let (total, hits) = store.search_articles(words, page.limit, page.offset)?;
    Ok(SearchPage {
        total,
        offset: page.offset,
        limit: page.limit,
        hits,
    })
}
