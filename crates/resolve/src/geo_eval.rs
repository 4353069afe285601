//! Geocoding evaluation with gold toponym spans: readers of the four
//! corpora of Gritta et al.'s "Pragmatic Guide to Geoparsing Evaluation"
//! collection (GeoWebNews, LGL, TR-News, GeoVirus) and the metrics of that
//! guide. The readers take the files' text; reading the files is the
//! caller's business (annotator crates do no IO).
//!
//! The collection has no official splits. dossier treats TR-News and
//! GeoVirus as its development sets (every choice of the geocoder, and the
//! ranker's weights, come from them) and reports on GeoWebNews and LGL, the
//! sets of the Mordecai3 protocol.
//!
//! Metrics: accuracy@161 km (share of errors under 161 km), mean and median
//! error in km, and AUC, the area under the curve of sorted `ln(1 + error)`,
//! normalised by `ln(1 + 20039)` (trapezoidal rule; 0 is perfect). A toponym
//! the geocoder leaves unresolved counts with the largest possible error,
//! 20,039 km, so that abstaining is never cheaper than a guess. A toponym
//! the KB does not know is placed, as in `dossier extract`, at the place
//! the article names nearest to it ([`Geocoder::place_unknown`]); the
//! scores count those (`by_context`).

pub use crate::geocode::haversine_km;
use crate::geocode::{GeoConfig, GeoMatch, Geocoder, Labelled, TextToponym};
use dossier_text::tokenize::{split_sentences, tokenize_into};
use dossier_text::Tokens;

/// Half the Earth's circumference: the largest error a point can have.
pub const MAX_ERROR_KM: f64 = 20039.0;

/// One gold toponym of an article.
#[derive(Clone, Debug)]
pub struct GoldToponym {
    pub text: String,
    /// Byte offset of the span in the article's text (the corpora give
    /// character offsets; the readers convert them).
    pub start: usize,
    /// The sentence of the article the span is in (0 where the corpus
    /// gives no text).
    pub sentence: usize,
    /// Gold point; `None` for spans that only serve as context.
    pub gold: Option<(f64, f64)>,
}

/// The gold toponyms of one article, in text order.
#[derive(Clone, Debug, Default)]
pub struct Article {
    /// The article's text (empty where the corpus gives none).
    pub text: String,
    pub toponyms: Vec<GoldToponym>,
}

/// Which role a corpus plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    Dev,
    Test,
}

/// Reads one corpus file's text.
pub type Reader = fn(&str) -> Vec<Article>;

/// The corpora: name, path under the data folder, role, reader.
pub const CORPORA: [(&str, &str, Split, Reader); 4] = [
    ("TR-News", "corpora/TR-News.xml", Split::Dev, parse_lgl),
    (
        "GeoVirus",
        "corpora/GeoVirus.xml",
        Split::Dev,
        parse_geovirus,
    ),
    ("GeoWebNews", "GeoWebNews/GWN.xml", Split::Test, parse_gwn),
    ("LGL", "corpora/lgl.xml", Split::Test, parse_lgl),
];

/// The scores of one corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct Scores {
    pub acc161: f64,
    pub mean_km: f64,
    pub median_km: f64,
    pub auc: f64,
    pub n: usize,
    pub unresolved: usize,
    /// Toponyms the KB does not know, placed at a neighbouring place.
    pub by_context: usize,
}

/// One scored toponym: what was asked, what came out, how far off.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub article: usize,
    pub text: String,
    pub gold: (f64, f64),
    pub decision: Option<GeoMatch>,
    pub error_km: f64,
}

/// Geocodes every article with all its gold toponyms as context (as a
/// geoparser with a perfect tagger would see them) and scores the toponyms
/// that have a gold point.
pub fn run(geocoder: &Geocoder, articles: &[Article]) -> Vec<Outcome> {
    let mut out = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        let toponyms: Vec<TextToponym> = article
            .toponyms
            .iter()
            .map(|t| TextToponym {
                name: &t.text,
                span: t.start..t.start + t.text.len(),
                sentence: t.sentence,
            })
            .collect();
        let decisions = geocoder.geocode_text(&article.text, &toponyms, &[]);
        for (t, decision) in article.toponyms.iter().zip(decisions) {
            let Some(gold) = t.gold else { continue };
            let error_km = match &decision {
                Some(m) => haversine_km(gold, (m.geo.lat, m.geo.lon)),
                None => MAX_ERROR_KM,
            };
            out.push(Outcome {
                article: a,
                text: t.text.clone(),
                gold,
                decision,
                error_km,
            });
        }
    }
    out
}

/// Fits the geocoder's ranker on `articles` (the development sets), in
/// two rounds: the first reads the articles' context with the hand-set
/// weights ([`GeoConfig::hand_set`]), the second with the first round's.
/// The result depends on the articles and the KB only, not on the weights
/// `geocoder` had.
pub fn fit(geocoder: &Geocoder, articles: &[Article]) -> GeoConfig {
    let geocoder = geocoder.with_weights(GeoConfig::hand_set());
    let data: Vec<Labelled> = articles
        .iter()
        .map(|a| {
            (
                a.toponyms.iter().map(|t| t.text.clone()).collect(),
                a.toponyms.iter().map(|t| t.gold).collect(),
            )
        })
        .collect();
    let first = geocoder.fit(&data);
    geocoder.with_weights(first).fit(&data)
}

/// The metrics of a set of outcomes.
pub fn summarize(outcomes: &[Outcome]) -> Scores {
    let unresolved = outcomes.iter().filter(|o| o.decision.is_none()).count();
    let by_context = outcomes
        .iter()
        .filter(|o| o.decision.as_ref().is_some_and(|m| m.geo.within.is_some()))
        .count();
    Scores {
        by_context,
        ..summarize_errors(outcomes.iter().map(|o| o.error_km).collect(), unresolved)
    }
}

/// The metrics of a list of errors in km.
pub fn summarize_errors(mut errors: Vec<f64>, unresolved: usize) -> Scores {
    let n = errors.len();
    if n == 0 {
        return Scores {
            acc161: 0.0,
            mean_km: 0.0,
            median_km: 0.0,
            auc: 0.0,
            n,
            unresolved,
            by_context: 0,
        };
    }
    errors.sort_by(f64::total_cmp);
    let acc161 = errors.iter().filter(|&&e| e < 161.0).count() as f64 / n as f64;
    let mean_km = errors.iter().sum::<f64>() / n as f64;
    let median_km = if n % 2 == 1 {
        errors[n / 2]
    } else {
        (errors[n / 2 - 1] + errors[n / 2]) / 2.0
    };
    let logs: Vec<f64> = errors.iter().map(|e| e.ln_1p()).collect();
    let auc = if n > 1 {
        let area: f64 = logs.windows(2).map(|w| (w[0] + w[1]) / 2.0).sum();
        area / (MAX_ERROR_KM.ln_1p() * (n - 1) as f64)
    } else {
        logs[0] / MAX_ERROR_KM.ln_1p()
    };
    Scores {
        acc161,
        mean_km,
        median_km,
        auc,
        n,
        unresolved,
        by_context: 0,
    }
}

/// GeoWebNews (`GWN.xml`): `<article>`s with `<toponym>`s. Spans without
/// coordinates are not toponyms ("city", "citizens") and are dropped; spans
/// with coordinates but no GeoNames id are context only.
pub fn parse_gwn(text: &str) -> Vec<Article> {
    articles(text, "toponym", |body| {
        let coords = point(body, "latitude", "longitude")?;
        let has_id = tag(body, "geonamesID").is_some_and(|g| !g.is_empty());
        Some((
            tag(body, "extractedName").unwrap_or_default(),
            has_id.then_some(coords),
        ))
    })
}

/// LGL and TR-News (one schema): `<toponym>`s whose `<gaztag>` carries the
/// gold GeoNames point, or none where no gazetteer entry matched (context
/// only).
pub fn parse_lgl(text: &str) -> Vec<Article> {
    articles(text, "toponym", |body| {
        let gold = if body.contains("<gaztag") {
            point(body, "lat", "lon")
        } else {
            None
        };
        Some((tag(body, "phrase").unwrap_or_default(), gold))
    })
}

/// GeoVirus: `<location>`s with a name and a Wikipedia point.
pub fn parse_geovirus(text: &str) -> Vec<Article> {
    articles(text, "location", |body| {
        Some((
            tag(body, "name").unwrap_or_default(),
            point(body, "lat", "lon"),
        ))
    })
}

/// The `<article>`s of a corpus: each `<element>` is read by `read` (its
/// name and gold point, or `None` to drop it), then the toponyms are put in
/// text order, each with the number of its sentence (split as `dossier
/// extract` splits them).
fn articles(
    text: &str,
    element: &str,
    read: impl Fn(&str) -> Option<(String, Option<(f64, f64)>)>,
) -> Vec<Article> {
    elements(text, "article")
        .map(|a| {
            let mut toponyms: Vec<GoldToponym> = elements(a, element)
                .filter_map(|body| {
                    let (text, gold) = read(body)?;
                    let start = tag(body, "start").and_then(|s| s.parse().ok()).unwrap_or(0);
                    Some(GoldToponym {
                        text,
                        start,
                        sentence: 0,
                        gold,
                    })
                })
                .collect();
            let text = tag(a, "text").unwrap_or_default();
            number_sentences(&text, &mut toponyms);
            Article { text, toponyms }
        })
        .collect()
}

/// Sorts `toponyms` by their character offset into `text`, turns the
/// offsets into byte offsets and sets their sentence numbers.
fn number_sentences(text: &str, toponyms: &mut [GoldToponym]) {
    toponyms.sort_by_key(|t| t.start);
    let mut tokens = Tokens::default();
    tokenize_into(text, &mut tokens);
    let sentences = split_sentences(text, &tokens);
    // Character offsets to byte offsets, in one pass (toponyms are sorted).
    let mut chars = text.char_indices().map(|(b, _)| b).enumerate();
    let mut s = 0;
    for t in toponyms {
        let byte = chars
            .by_ref()
            .find(|&(c, _)| c >= t.start)
            .map_or(text.len(), |(_, b)| b);
        let byte = nearest_occurrence(text, &t.text, byte);
        while s + 1 < sentences.len() && sentences[s].range.end() as usize <= byte {
            s += 1;
        }
        t.start = byte;
        t.sentence = s;
    }
}

/// Where `name` occurs in `text` nearest to byte `at`, within 16 bytes
/// either way; `at` where it does not. The corpora's offsets are not all
/// exact: GeoVirus counts from one, and TR-News drifts by a few
/// characters in some articles.
fn nearest_occurrence(text: &str, name: &str, at: usize) -> usize {
    let mut lo = at.saturating_sub(16).min(text.len());
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (at + name.len() + 16).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    text[lo..hi]
        .match_indices(name)
        .map(|(i, _)| lo + i)
        .min_by_key(|&b| b.abs_diff(at))
        .unwrap_or(at)
}

/// The bodies of the `<name ...>...</name>` elements of `text`, in order.
/// The files are regular and machine-written, so plain searching reads
/// them; an XML parser would add a dependency for no gain.
fn elements<'a>(text: &'a str, name: &str) -> impl Iterator<Item = &'a str> + 'a {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut rest = text;
    std::iter::from_fn(move || loop {
        let at = rest.find(&open)?;
        let after = &rest[at + open.len()..];
        // `<toponyms>` is not `<toponym>`: the name must end there.
        if !after.starts_with(['>', ' ', '\t', '\n', '\r']) {
            rest = after;
            continue;
        }
        let body_start = after.find('>')? + 1;
        let body = &after[body_start..];
        let end = body.find(&close)?;
        rest = &body[end + close.len()..];
        return Some(&body[..end]);
    })
}

fn point(body: &str, lat: &str, lon: &str) -> Option<(f64, f64)> {
    let lat = tag(body, lat)?.parse().ok()?;
    let lon = tag(body, lon)?.parse().ok()?;
    Some((lat, lon))
}

/// The unescaped text of the first `<name>...</name>` in `body`.
fn tag(body: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let start = body.find(&open)? + open.len();
    let end = start + body[start..].find(&format!("</{name}>"))?;
    let raw = body[start..end].trim();
    let raw = raw
        .strip_prefix("<![CDATA[")
        .and_then(|r| r.strip_suffix("]]>"))
        .unwrap_or(raw);
    Some(
        raw.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_is_zero_for_perfect_and_one_for_worst() {
        let perfect = summarize_errors(vec![0.0, 0.0, 0.0], 0);
        assert_eq!((perfect.acc161, perfect.auc), (1.0, 0.0));
        let worst = summarize_errors(vec![MAX_ERROR_KM; 4], 4);
        assert_eq!(worst.acc161, 0.0);
        assert!((worst.auc - 1.0).abs() < 1e-9);
    }

    #[test]
    fn toponyms_come_in_text_order_with_their_sentences() {
        // Character offsets in the file, byte offsets out: "Zürich" puts a
        // two-byte letter before them.
        let lgl = "<articles><article docid=\"1\"><text>Zürich is calm. Rain fell on Bern and Basel.</text><toponyms>\
            <toponym><start>38</start><end>43</end><phrase>Basel</phrase></toponym>\
            <toponym><start>0</start><end>6</end><phrase>Zürich</phrase></toponym>\
            <toponym><start>29</start><end>33</end><phrase>Bern</phrase></toponym>\
            </toponyms></article></articles>";
        let a = parse_lgl(lgl);
        let got: Vec<_> = a[0]
            .toponyms
            .iter()
            .map(|t| (&t.text[..], t.start, t.sentence))
            .collect();
        assert_eq!(got, [("Zürich", 0, 0), ("Bern", 30, 1), ("Basel", 39, 1)]);
    }

    #[test]
    fn offsets_snap_to_the_name_nearby() {
        let gv = "<articles><article><text>A farm in Pandi, Bulacan.</text><locations>\
            <location><name>Pandi</name><start>11</start><end>16</end><lat>1</lat><lon>2</lon></location>\
            </locations></article></articles>";
        let a = parse_geovirus(gv);
        let t = &a[0].toponyms[0];
        assert_eq!(&a[0].text[t.start..t.start + t.text.len()], "Pandi");
    }

    #[test]
    fn haversine_moscow_to_kyiv_is_about_750_km() {
        let d = haversine_km((55.75, 37.62), (50.45, 30.52));
        assert!((740.0..770.0).contains(&d), "{d}");
    }

    #[test]
    fn readers_take_points_and_context_spans() {
        let lgl = "<articles><article docid=\"1\"><toponyms>\
            <toponym><start>0</start><end>4</end><phrase>Lyon</phrase>\
            <gaztag geonameid=\"1\"><lat>45.75</lat><lon>4.85</lon></gaztag></toponym>\
            <toponym><start>9</start><end>13</end><phrase>Nowhere</phrase></toponym>\
            </toponyms></article></articles>";
        let a = parse_lgl(lgl);
        assert_eq!(a.len(), 1);
        let got: Vec<_> = a[0]
            .toponyms
            .iter()
            .map(|t| (&t.text[..], t.gold))
            .collect();
        assert_eq!(got, [("Lyon", Some((45.75, 4.85))), ("Nowhere", None)]);
        let gv = "<articles><article><text>x</text><locations><location><name>Pandora</name>\
            <start>1</start><end>2</end><lat>1.5</lat><lon>-2</lon><page>p</page>\
            </location></locations></article></articles>";
        let a = parse_geovirus(gv);
        assert_eq!(a[0].toponyms[0].gold, Some((1.5, -2.0)));
        assert_eq!(a[0].toponyms[0].text, "Pandora");
    }
}
