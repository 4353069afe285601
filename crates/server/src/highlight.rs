//! The article page's text cut into pieces at every span boundary, each
//! piece naming the sentence, entity mention, time, event trigger and claim
//! that cover it, so the browser builds the highlights from plain text
//! pieces (never parsing HTML) and does no offset arithmetic. The store's
//! spans are character offsets; they are turned into byte offsets here,
//! once, and spans past the end of the text or not on its order are
//! clamped rather than trusted.

use serde::Serialize;

use dossier_query::Store;
use dossier_store::ArticleView;

/// A run of text under one set of marks. Indexes point into the article's
/// `sentences`, `entities`, `times`, `events` and `claims`.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct Segment {
    pub text: String,
    pub sentence: Option<usize>,
    pub entity: Option<usize>,
    pub time: Option<usize>,
    pub event: Option<usize>,
    pub claim: Option<usize>,
}

/// An article and its text cut into highlighted pieces.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ArticlePage {
    #[schema(value_type = Object)]
    pub article: ArticleView,
    pub segments: Vec<Segment>,
}

pub fn article_page(store: &Store, id: &str) -> Result<Option<ArticlePage>, crate::ApiError> {
    Ok(store.article_view(id)?.map(|article| ArticlePage {
        segments: segments(&article),
        article,
    }))
}

/// For each piece, the innermost span of one kind that covers it.
struct Cover {
    spans: Vec<(usize, usize, usize)>,
    next: usize,
    active: Vec<(usize, usize, usize)>,
}

impl Cover {
    fn new(spans: impl Iterator<Item = (usize, usize)>, len: usize) -> Self {
        let mut spans: Vec<(usize, usize, usize)> = spans
            .enumerate()
            .map(|(i, (s, e))| (s.min(len), e.min(len), i))
            .filter(|(s, e, _)| s < e)
            .collect();
        spans.sort_unstable();
        Cover {
            spans,
            next: 0,
            active: Vec::new(),
        }
    }

    /// The span covering `[a, b)`, pieces asked in text order.
    fn at(&mut self, a: usize, b: usize) -> Option<usize> {
        while self.next < self.spans.len() && self.spans[self.next].0 <= a {
            self.active.push(self.spans[self.next]);
            self.next += 1;
        }
        self.active.retain(|&(_, e, _)| e > a);
        self.active
            .iter()
            .rev()
            .find(|&&(s, e, _)| s <= a && b <= e)
            .map(|&(_, _, i)| i)
    }

    fn bounds(&self) -> impl Iterator<Item = usize> + '_ {
        self.spans.iter().flat_map(|&(s, e, _)| [s, e])
    }
}

/// The article's text cut at every span boundary.
pub fn segments(view: &ArticleView) -> Vec<Segment> {
    let text = &view.text;
    // Byte offset of each character, and of the end.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let len = bytes.len() - 1;
    let mut sentence = Cover::new(view.sentences.iter().map(|s| (s.start, s.end)), len);
    let mut entity = Cover::new(view.entities.iter().map(|s| (s.start, s.end)), len);
    let mut time = Cover::new(view.times.iter().map(|s| (s.start, s.end)), len);
    let mut event = Cover::new(view.events.iter().map(|s| (s.start, s.end)), len);
    let mut claim = Cover::new(view.claims.iter().map(|s| (s.start, s.end)), len);
    let mut cuts: Vec<usize> = [0, len]
        .into_iter()
        .chain(sentence.bounds())
        .chain(entity.bounds())
        .chain(time.bounds())
        .chain(event.bounds())
        .chain(claim.bounds())
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            Segment {
                text: text[bytes[a]..bytes[b]].to_string(),
                sentence: sentence.at(a, b),
                entity: entity.at(a, b),
                time: time.at(a, b),
                event: event.at(a, b),
                claim: claim.at(a, b),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use dossier_store::{ArticleView, CharSpan, ClaimSpan, EntitySpan, TimeSpan, TriggerSpan};
    use expect_test::{expect, Expect};

    /// An article with this text and no spans.
    fn view(text: &str) -> ArticleView {
        ArticleView {
            id: "a-1".into(),
            url: None,
            title: None,
            source: None,
            outlet: "x".into(),
            published: None,
            text: text.into(),
            sentences: Vec::new(),
            duplicate_of: None,
            entities: Vec::new(),
            times: Vec::new(),
            events: Vec::new(),
            claims: Vec::new(),
        }
    }

    /// Marks are written `[text]{kind}` over the fixture text; the check
    /// renders one line per piece with the marks that cover it.
    fn check(fixture: &str, expect: Expect) {
        let mut text = String::new();
        let mut spans: Vec<(usize, usize, String)> = Vec::new();
        let mut open = Vec::new();
        let mut chars = fixture.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '[' => open.push(text.chars().count()),
                ']' => {
                    let start = open.pop().expect("balanced");
                    let end = text.chars().count();
                    assert_eq!(chars.next(), Some('{'));
                    let kind: String = chars.by_ref().take_while(|&c| c != '}').collect();
                    spans.push((start, end, kind));
                }
                c => text.push(c),
            }
        }
        let of = |k: &'static str| spans.iter().filter(move |s| s.2 == k).map(|s| (s.0, s.1));
        let view = ArticleView {
            sentences: of("s")
                .map(|(start, end)| CharSpan { start, end })
                .collect(),
            entities: of("ent")
                .map(|(start, end)| EntitySpan {
                    start,
                    end,
                    etype: "ORG".into(),
                    name: "n".into(),
                    actor: None,
                })
                .collect(),
            times: of("time")
                .map(|(start, end)| TimeSpan {
                    start,
                    end,
                    ttype: "DATE".into(),
                    value: None,
                })
                .collect(),
            events: of("event")
                .map(|(start, end)| TriggerSpan {
                    start,
                    end,
                    event: Some(1),
                    code: "190".into(),
                    label: None,
                    modality: "asserted".into(),
                    source: None,
                    target: None,
                })
                .collect(),
            claims: of("claim")
                .map(|(start, end)| ClaimSpan {
                    id: 1,
                    start,
                    end,
                    speaker: None,
                    speaker_text: None,
                    polarity: "positive".into(),
                })
                .collect(),
            ..view(&text)
        };
        let mut out = String::new();
        for s in super::segments(&view) {
            let marks: Vec<String> = [
                ("s", s.sentence),
                ("ent", s.entity),
                ("time", s.time),
                ("event", s.event),
                ("claim", s.claim),
            ]
            .iter()
            .filter_map(|(k, i)| i.map(|i| format!("{k}{i}")))
            .collect();
            out.push_str(&format!("{:?} {}\n", s.text, marks.join(" ")));
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn pieces_carry_every_mark_that_covers_them() {
        check(
            "[[[TTP]{ent} [attacked]{event} a post in [Quetta]{ent} on [Sunday]{time}]{claim}.]{s} [Police said so.]{s}",
            expect![[r#"
                "TTP" s0 ent0 claim0
                " " s0 claim0
                "attacked" s0 event0 claim0
                " a post in " s0 claim0
                "Quetta" s0 ent1 claim0
                " on " s0 claim0
                "Sunday" s0 time0 claim0
                "." s0
                " " 
                "Police said so." s1
            "#]],
        );
    }

    #[test]
    fn offsets_are_characters_not_bytes() {
        check(
            "[Kabul’s [Ministry of Défense]{ent} said “[no]{ent}”.]{s}",
            expect![[r#"
                "Kabul’s " s0
                "Ministry of Défense" s0 ent0
                " said “" s0
                "no" s0 ent1
                "”." s0
            "#]],
        );
    }

    #[test]
    fn spans_past_the_end_are_clamped() {
        let view = ArticleView {
            sentences: vec![CharSpan { start: 0, end: 900 }],
            entities: vec![EntitySpan {
                start: 3,
                end: 2,
                etype: "ORG".into(),
                name: "n".into(),
                actor: None,
            }],
            ..view("short")
        };
        let pieces = super::segments(&view);
        assert_eq!(pieces.len(), 1);
        assert_eq!(pieces[0].text, "short");
        assert_eq!(pieces[0].entity, None);
    }
}
