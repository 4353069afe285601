//! The real-news development set: annotations of articles that journalists
//! wrote, kept in the repository, over texts that stay in the shared data
//! folder (`../shared/data`).
//!
//! One TOML file per article (`tbaq-DOCID.toml` for TempEval-3
//! TBAQ-cleaned, `muc4-DOCID.toml` for MUC-4) names its source file and the
//! article body in it by character offsets; `test_data/realset/GUIDELINES.md`
//! gives the format and the annotation conventions:
//!
//! ```toml
//! source = "tempeval3/TBAQ-cleaned/TimeBank/XXXX.tml"
//! span = [1234, 5678]
//! date = "1998-01-08"
//! case = "mixed"
//! entities = [["Kremlin", "ORG"], ["Dmitry Peskov", "PERSON"]]
//! relations = [["Dmitry Peskov", "spokesperson_of", "Kremlin"]]
//! events = [{ code = "190", source = "Shining Path", target = "COP(Peru)", place = "Lima", time = "1990-01-09", modality = "asserted", trigger = "attacked" }]
//! claims = [{ speaker = "~a police spokesman", content = "three suspects were held", kind = "reported" }]
//! ```
//!
//! The text is the span of the raw file; for TBAQ its XML tags are removed
//! and its entities unescaped. Scoring goes through [`crate::eval`], whose
//! name matching knows the real set's generic actors (`COP(Peru)`) and
//! unnamed speakers (`~a police spokesman`).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dossier_text::{DocMeta, Document, EntityId, EntityType, Modality};
use serde::{Deserialize, Serialize};

use crate::eval::{self, Gold};
use crate::ExtractError;

/// Where an article comes from: the file-name prefix of its annotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Corpus {
    /// TempEval-3 TBAQ-cleaned (TimeBank and AQUAINT), `tbaq-*.toml`.
    Tbaq,
    /// MUC-4 training and development documents, `muc4-*.toml`.
    Muc4,
}

impl Corpus {
    pub const ALL: [Corpus; 2] = [Corpus::Tbaq, Corpus::Muc4];

    fn from_file_name(name: &str) -> Option<Corpus> {
        if name.starts_with("tbaq-") {
            Some(Corpus::Tbaq)
        } else if name.starts_with("muc4-") {
            Some(Corpus::Muc4)
        } else {
            None
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Corpus::Tbaq => "TBAQ",
            Corpus::Muc4 => "MUC-4",
        }
    }
}

/// Letter case of the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Case {
    #[default]
    Mixed,
    /// All capitals, as MUC-4's wire copy.
    Upper,
}

/// How an event is put, in the annotation's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GoldModality {
    Asserted,
    /// Someone's claim or accusation.
    Claimed,
    Negated,
    Possible,
    /// Threatened or planned.
    Future,
}

/// One annotated event.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldEvent {
    /// Full CAMEO code, or its two-digit root.
    pub code: String,
    /// Actor names; "" when the text has none.
    pub source: String,
    pub target: String,
    #[serde(default)]
    pub place: String,
    /// TIMEX3-style value ("1990-01-09", "1990-01"), "" when none.
    #[serde(default)]
    pub time: String,
    pub modality: GoldModality,
    pub trigger: String,
}

impl GoldEvent {
    pub fn root(&self) -> &str {
        self.code.get(..2).unwrap_or(&self.code)
    }
}

/// Direct quote or reported speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Direct,
    Reported,
}

/// One annotated claim.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldClaim {
    /// The named speaker, or `~` and a description for an unnamed one.
    pub speaker: String,
    /// The quote or reported clause, exactly as in the text.
    pub content: String,
    pub kind: ClaimKind,
}

/// One annotation file, as written.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// Path of the raw source file under the data root.
    pub source: String,
    /// Character offsets (end exclusive) of the article body in the raw file.
    pub span: [usize; 2],
    /// Publication date, `YYYY-MM-DD`.
    pub date: String,
    #[serde(default)]
    pub case: Case,
    /// `[name, type]` of each entity that takes part in a relation, event or
    /// claim.
    #[serde(default)]
    pub entities: Vec<[String; 2]>,
    #[serde(default)]
    pub relations: Vec<[String; 3]>,
    #[serde(default)]
    pub events: Vec<GoldEvent>,
    #[serde(default)]
    pub claims: Vec<GoldClaim>,
}

/// One article of the real set, its text read from the data root.
#[derive(Clone, Debug)]
pub struct RealArticle {
    /// The annotation file's stem (`tbaq-APW19980213.1310`).
    pub id: String,
    pub corpus: Corpus,
    /// The annotation file.
    pub path: PathBuf,
    pub date: NaiveDate,
    /// The article body: what the pipeline reads.
    pub text: String,
    pub annotation: Annotation,
}

impl RealArticle {
    pub fn meta(&self) -> DocMeta {
        DocMeta {
            id: self.id.clone(),
            date: Some(self.date),
            ..DocMeta::default()
        }
    }

    /// The annotated events grouped as the scorer counts them: by root,
    /// source and target, in order of first appearance.
    pub fn event_groups(&self) -> Vec<Vec<&GoldEvent>> {
        let key = |e: &GoldEvent| {
            (
                e.root().to_string(),
                eval::normalize(&e.source),
                eval::normalize(&e.target),
            )
        };
        let mut groups: Vec<Vec<&GoldEvent>> = Vec::new();
        for e in &self.annotation.events {
            match groups.iter_mut().find(|g| key(g[0]) == key(e)) {
                Some(g) => g.push(e),
                None => groups.push(vec![e]),
            }
        }
        groups
    }

    /// The annotation in the scorer's terms. Events are scored by root,
    /// source and target, so an article's events with the same three count
    /// once, as the scorer counts the pipeline's.
    pub fn gold(&self) -> Gold {
        let a = &self.annotation;
        Gold {
            relations: a.relations.clone(),
            events: self
                .event_groups()
                .iter()
                .map(|g| {
                    [
                        g[0].root().to_string(),
                        g[0].source.clone(),
                        g[0].target.clone(),
                    ]
                })
                .collect(),
            claims: a
                .claims
                .iter()
                .map(|c| [c.speaker.clone(), c.content.clone()])
                .collect(),
            generic_actors: true,
        }
    }

    /// Mistakes in the annotation, one message each: those of
    /// [`Annotation::problems`], and entities, contents, triggers and places
    /// that are not in the text.
    pub fn problems(&self, known: &Known) -> Vec<String> {
        let a = &self.annotation;
        let mut out = a.problems(known);
        let lower_text = self.text.to_lowercase();
        let in_text = |s: &str| eval::find_loose(&lower_text, &s.to_lowercase()).is_some();
        for [name, _] in &a.entities {
            if !in_text(name) {
                out.push(format!("entity {name:?} is not in the text"));
            }
        }
        for e in &a.events {
            if !in_text(&e.trigger) {
                out.push(format!("event trigger {:?} is not in the text", e.trigger));
            }
            if !e.place.is_empty() && !in_text(&e.place) {
                out.push(format!("event place {:?} is not in the text", e.place));
            }
        }
        for c in &a.claims {
            if eval::find_loose(&self.text, &c.content).is_none() {
                out.push(format!("claim content {:?} is not in the text", c.content));
            }
        }
        out
    }
}

impl Annotation {
    /// Mistakes that show without the text, one message each: names that
    /// are not entities of the article, unknown entity types, predicates
    /// and CAMEO codes.
    pub fn problems(&self, known: &Known) -> Vec<String> {
        let mut out = Vec::new();
        for [name, etype] in &self.entities {
            if EntityType::parse(etype).is_none() {
                out.push(format!("entity {name:?}: unknown type {etype:?}"));
            }
        }
        let is_entity = |name: &str| {
            let n = eval::normalize(name);
            self.entities.iter().any(|[e, _]| eval::normalize(e) == n)
        };
        let actor = |what: &str, name: &str, out: &mut Vec<String>| {
            let ok = name.is_empty() || is_entity(name) || eval::generic_actor(name).is_some();
            if !ok {
                out.push(format!(
                    "{what} {name:?} is not in entities (nor a generic actor like COP(Peru))"
                ));
            }
        };
        for [s, p, o] in &self.relations {
            actor("relation subject", s, &mut out);
            actor("relation object", o, &mut out);
            if !known.predicates.contains(p) {
                out.push(format!(
                    "relation predicate {p:?} is not one of the project's"
                ));
            }
        }
        for e in &self.events {
            actor("event source", &e.source, &mut out);
            actor("event target", &e.target, &mut out);
            if !known.codes.contains(&e.code) {
                out.push(format!("event code {:?} is not in cameo_codes.tsv", e.code));
            }
        }
        for c in &self.claims {
            if !c.speaker.starts_with('~') {
                actor("claim speaker", &c.speaker, &mut out);
            }
        }
        if NaiveDate::parse_from_str(&self.date, "%Y-%m-%d").is_err() {
            out.push(format!("bad date {:?}; write YYYY-MM-DD", self.date));
        }
        out
    }
}

/// Recall of the annotated entities: how many some entity of the document
/// goes by, and how many of those have the gold type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct EntityCounts {
    pub found: usize,
    pub typed: usize,
    pub gold: usize,
}

impl EntityCounts {
    /// Share of the annotated entities found.
    pub fn recall(&self) -> f64 {
        eval::Counts {
            tp: self.found,
            predicted: 0,
            gold: self.gold,
        }
        .recall()
    }
    /// Share of the annotated entities found with their type.
    pub fn typed_recall(&self) -> f64 {
        eval::Counts {
            tp: self.typed,
            predicted: 0,
            gold: self.gold,
        }
        .recall()
    }
    pub fn add(&mut self, other: EntityCounts) {
        self.found += other.found;
        self.typed += other.typed;
        self.gold += other.gold;
    }
}

/// The types of the entities of `doc` that go by `name` (see
/// [`eval::names`]); empty when none does.
fn found_types(doc: &Document, name: &str) -> Vec<EntityType> {
    (0..doc.entities.len())
        .filter(|&i| eval::names(doc, Some(EntityId::new(i)), name))
        .map(|i| doc.entities[i].etype)
        .collect()
}

/// The annotated entities of `annotation` found in `doc`; an entity typed
/// right by any of the entities that go by its name counts as typed.
pub fn score_entities(doc: &Document, annotation: &Annotation) -> EntityCounts {
    let mut out = EntityCounts {
        gold: annotation.entities.len(),
        ..EntityCounts::default()
    };
    for [name, etype] in &annotation.entities {
        let types = found_types(doc, name);
        out.found += usize::from(!types.is_empty());
        out.typed += usize::from(types.iter().any(|t| Some(*t) == EntityType::parse(etype)));
    }
    out
}

/// The annotated entities that no entity of `doc` goes by, and those found
/// only with another type, one per line (`- entity NAME TYPE`, `~ entity
/// NAME TYPE as FOUND`).
pub fn entity_misses(doc: &Document, annotation: &Annotation) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for [name, etype] in &annotation.entities {
        let types = found_types(doc, name);
        if types.is_empty() {
            let _ = writeln!(out, "- entity {name} {etype}");
        } else if !types.iter().any(|t| Some(*t) == EntityType::parse(etype)) {
            let found: Vec<&str> = types.iter().map(|t| t.as_str()).collect();
            let _ = writeln!(out, "~ entity {name} {etype} as {}", found.join("/"));
        }
    }
    out
}

/// How the matched events and claims agree with the annotation beyond
/// what is scored: of the events matched by root, source and target, how
/// many also have the annotated code, modality, time and place (any of the
/// annotated events with those three will do); of the matched claims, how
/// many are direct or reported as annotated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Attributes {
    pub events: usize,
    pub code: usize,
    pub modality: usize,
    pub time: usize,
    pub place: usize,
    pub claims: usize,
    pub kind: usize,
}

impl Attributes {
    pub fn add(&mut self, o: Attributes) {
        self.events += o.events;
        self.code += o.code;
        self.modality += o.modality;
        self.time += o.time;
        self.place += o.place;
        self.claims += o.claims;
        self.kind += o.kind;
    }
}

fn same_modality(gold: GoldModality, m: Modality) -> bool {
    matches!(
        (gold, m),
        (GoldModality::Asserted, Modality::Asserted)
            | (GoldModality::Claimed, Modality::Claimed)
            | (GoldModality::Negated, Modality::Negated | Modality::Denied)
            | (GoldModality::Possible, Modality::Hypothetical)
            | (GoldModality::Future, Modality::Future)
    )
}

/// The agreement of `doc`'s matched events and claims with `article`.
pub fn score_attributes(doc: &Document, article: &RealArticle) -> Attributes {
    let gold = article.gold();
    let groups = article.event_groups();
    let mut out = Attributes::default();
    for (e, k) in eval::matched_events(doc, &gold) {
        let group = &groups[k];
        let any = |f: &dyn Fn(&GoldEvent) -> bool| usize::from(group.iter().any(|g| f(g)));
        out.events += 1;
        out.code += any(&|g| {
            if g.code.len() == 2 {
                e.root == g.code
            } else {
                e.code == g.code
            }
        });
        out.modality += any(&|g| same_modality(g.modality, e.modality));
        out.time += any(&|g| e.time.as_deref().unwrap_or("") == g.time);
        out.place += any(&|g| {
            if g.place.is_empty() {
                e.place.is_none()
            } else {
                eval::names(doc, e.place, &g.place)
            }
        });
    }
    for (c, k) in eval::matched_claims(doc, &gold) {
        out.claims += 1;
        let direct = article.annotation.claims[k].kind == ClaimKind::Direct;
        out.kind += usize::from(c.direct == direct);
    }
    out
}

/// What the annotations may name: the project's relation predicates and
/// CAMEO codes.
#[derive(Clone, Debug)]
pub struct Known {
    pub predicates: Vec<String>,
    pub codes: Vec<String>,
}

impl Known {
    /// The predicates and codes of `lexicon`.
    pub fn of(lexicon: &crate::Lexicon) -> Known {
        Known {
            predicates: lexicon.predicates(),
            codes: lexicon.codes.keys().cloned().collect(),
        }
    }
}

/// The annotation files directly in `dir` (`tbaq-*.toml`, `muc4-*.toml`;
/// not those of its subfolders), sorted by name.
pub fn paths(dir: &Path) -> Result<Vec<PathBuf>, ExtractError> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io(dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "toml")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .and_then(Corpus::from_file_name)
                    .is_some()
        })
        .collect();
    paths.sort();
    Ok(paths)
}

/// The annotated articles directly in `dir`, with their texts read from
/// under `data_root`.
pub fn load_dir(dir: &Path, data_root: &Path) -> Result<Vec<RealArticle>, ExtractError> {
    paths(dir)?.iter().map(|p| load(p, data_root)).collect()
}

/// An annotation file and the source its name says it is from, without
/// the text.
pub fn read_annotation(path: &Path) -> Result<(Corpus, Annotation), ExtractError> {
    let data = |message: String| ExtractError::Data {
        path: path.to_path_buf(),
        message,
    };
    let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let corpus = Corpus::from_file_name(file_name)
        .ok_or_else(|| data("name the file tbaq-DOCID.toml or muc4-DOCID.toml".into()))?;
    let raw = std::fs::read_to_string(path).map_err(io(path))?;
    let annotation = toml::from_str(&raw).map_err(|e| data(e.to_string()))?;
    Ok((corpus, annotation))
}

/// One annotated article, its text read from under `data_root`.
pub fn load(path: &Path, data_root: &Path) -> Result<RealArticle, ExtractError> {
    let data = |message: String| ExtractError::Data {
        path: path.to_path_buf(),
        message,
    };
    let (corpus, annotation) = read_annotation(path)?;
    let date = NaiveDate::parse_from_str(&annotation.date, "%Y-%m-%d")
        .map_err(|_| data(format!("bad date {:?}; write YYYY-MM-DD", annotation.date)))?;
    let source_path = data_root.join(&annotation.source);
    let source = std::fs::read_to_string(&source_path).map_err(io(&source_path))?;
    let [start, end] = annotation.span;
    let body = char_slice(&source, start, end).ok_or_else(|| {
        data(format!(
            "span [{start}, {end}] is not inside {} ({} characters)",
            annotation.source,
            source.chars().count()
        ))
    })?;
    let text = match corpus {
        Corpus::Tbaq => strip_xml(body),
        Corpus::Muc4 => body.to_string(),
    };
    Ok(RealArticle {
        id: path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        corpus,
        path: path.to_path_buf(),
        date,
        text,
        annotation,
    })
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ExtractError {
    let path = path.to_path_buf();
    move |source| ExtractError::Io { path, source }
}

/// Characters `start..end` of `s` (Unicode scalar values), if inside it.
fn char_slice(s: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let byte = |n: usize| {
        s.char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(s.len()))
            .nth(n)
    };
    Some(&s[byte(start)?..byte(end)?])
}

/// Character offsets of the content of the first `<TEXT>` element of a
/// TimeML file: the span a TBAQ annotation names.
pub fn tml_text_span(raw: &str) -> Option<[usize; 2]> {
    let open = raw.find("<TEXT>")? + "<TEXT>".len();
    let close = open + raw[open..].find("</TEXT>")?;
    let chars = |b: usize| raw[..b].chars().count();
    Some([chars(open), chars(close)])
}

/// `xml` without its tags, the five predefined entities unescaped.
pub fn strip_xml(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = match rest[lt..].find('>') {
            Some(gt) => &rest[lt + gt + 1..],
            None => "",
        };
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;

    fn fixture_root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/realset_fixture")
    }

    #[test]
    fn tags_are_stripped_and_entities_unescaped() {
        let s = strip_xml("A <EVENT eid=\"e1\">raid</EVENT> on AT&amp;T &lt;b&gt; &quot;x&quot;");
        expect![[r#"A raid on AT&T <b> "x""#]].assert_eq(&s);
    }

    #[test]
    fn span_counts_characters_not_bytes() {
        assert_eq!(char_slice("é<TEXT>ab", 1, 3), Some("<T"));
        assert_eq!(char_slice("ab", 1, 3), None);
        assert_eq!(char_slice("ab", 2, 1), None);
        assert_eq!(tml_text_span("é<TEXT>ab</TEXT>"), Some([7, 9]));
    }

    #[test]
    fn fixture_article_loads_with_text_and_gold() {
        let dir = fixture_root().join("set");
        let articles = load_dir(&dir, &fixture_root().join("data")).unwrap();
        let ids: Vec<_> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["muc4-DEV-0001", "tbaq-DOC0001"]);
        let a = &articles[1];
        assert_eq!(a.corpus, Corpus::Tbaq);
        assert_eq!(a.date.to_string(), "1998-03-02");
        expect![[r#"
            "Rebels attacked a police post in Huancayo, Peru, on Sunday, and Interior Minister Ana Ruiz said three officers were wounded. \"We will not yield to terror.\nThe attackers will be found,\" Ruiz told reporters. A police spokesman said two suspects were held."
        "#]]
        .assert_debug_eq(&a.text.trim());
        let gold = a.gold();
        // The two 19x events by the same actors count once; the quote across
        // a line break is one claim.
        expect![[r#"
            Gold {
                relations: [
                    [
                        "Huancayo",
                        "located_in",
                        "Peru",
                    ],
                ],
                events: [
                    [
                        "19",
                        "REB(Peru)",
                        "COP(Peru)",
                    ],
                    [
                        "17",
                        "COP(Peru)",
                        "",
                    ],
                ],
                claims: [
                    [
                        "Ana Ruiz",
                        "three officers were wounded",
                    ],
                    [
                        "Ana Ruiz",
                        "We will not yield to terror. The attackers will be found",
                    ],
                    [
                        "~a police spokesman",
                        "two suspects were held",
                    ],
                ],
                generic_actors: true,
            }
        "#]]
        .assert_debug_eq(&gold);
        let known = Known::of(&crate::Lexicon::embedded().unwrap());
        assert_eq!(a.problems(&known), Vec::<String>::new());
        let m = &articles[0];
        assert_eq!(m.corpus, Corpus::Muc4);
        assert!(m.text.starts_with("GUERRILLAS OF THE"), "{:?}", m.text);
        assert_eq!(m.problems(&known), Vec::<String>::new());
    }

    #[test]
    fn fixture_article_scores_with_unnamed_speakers_and_generic_actors() {
        use dossier_text::Component;
        let root = fixture_root();
        let a = load(&root.join("set/tbaq-DOC0001.toml"), &root.join("data")).unwrap();
        // The article's own text with gold mentions: the scorer, not the
        // upstream stages, is under test.
        let marked = a
            .text
            .replacen("Huancayo", "[Huancayo]{GPE#1}", 1)
            .replacen("Peru", "[Peru]{GPE#2}", 1)
            .replacen("Ana Ruiz", "[Ana Ruiz]{PERSON#3}", 1)
            .replacen("Ruiz told", "[Ruiz]{PERSON#3} told", 1);
        let mut doc = crate::fixture::document_with_meta(&marked, a.meta()).unwrap();
        crate::Extractor::new().process(&mut doc);
        let gold = a.gold();
        let s = eval::score(&doc, &gold);
        // Events between unnamed actors count as misses: the pipeline has
        // no such actors.
        assert_eq!(s.events.tp, 0, "{s:?}");
        assert_eq!(s.events.gold, 2);
        // The unnamed police spokesman matches a claim with no speaker
        // entity, and the quote across a line break is found.
        assert_eq!((s.claims.tp, s.claims.gold), (3, 3), "{s:?}");
        let attrs = score_attributes(&doc, &a);
        assert_eq!((attrs.events, attrs.claims), (0, 3), "{attrs:?}");
        assert_eq!(
            attrs.kind, 3,
            "one direct quote, two reported claims: {attrs:?}"
        );
        expect![[r#"
            EntityCounts {
                found: 3,
                typed: 3,
                gold: 3,
            }
        "#]]
        .assert_debug_eq(&score_entities(&doc, &a.annotation));
        expect![[r#"
            - rel Huancayo located_in Peru
            + event 180 REB -> COP 'attacked'
            - event 19 REB(Peru) -> COP(Peru)
            - event 17 COP(Peru) -> 
        "#]]
        .assert_eq(&eval::misses(&doc, &gold));
    }

    #[test]
    fn matched_event_attributes_count_any_annotated_event_of_the_triple() {
        use dossier_text::Component;
        let annotation: Annotation = toml::from_str(
            r#"
            source = "x"
            span = [0, 0]
            date = "2024-01-01"
            entities = [["ISKP", "ORG"], ["Pakistan", "GPE"]]
            events = [
              { code = "138", source = "ISKP", target = "Pakistan", modality = "future", trigger = "threatened" },
              { code = "130", source = "ISKP", target = "Pakistan", modality = "future", trigger = "threatened" },
            ]
            "#,
        )
        .unwrap();
        let marked = "[ISKP]{ORG#1} threatened [Pakistan]{GPE#2}.";
        let mut doc = crate::fixture::document(marked).unwrap();
        crate::Extractor::new().process(&mut doc);
        let article = RealArticle {
            id: "t".into(),
            corpus: Corpus::Tbaq,
            path: PathBuf::new(),
            date: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
            text: doc.text().to_string(),
            annotation,
        };
        // The pipeline's 130, asserted, no time, no place: the second
        // annotated code agrees, the modality does not.
        expect![[r#"
            Attributes {
                events: 1,
                code: 1,
                modality: 0,
                time: 1,
                place: 1,
                claims: 0,
                kind: 0,
            }
        "#]]
        .assert_debug_eq(&score_attributes(&doc, &article));
    }

    #[test]
    fn annotation_mistakes_are_reported() {
        let root = fixture_root();
        let mut a = load(&root.join("set/tbaq-DOC0001.toml"), &root.join("data")).unwrap();
        a.annotation.entities.push(["Lima".into(), "CITY".into()]);
        a.annotation
            .relations
            .push(["Ana Ruiz".into(), "boss_of".into(), "Peru".into()]);
        a.annotation.claims[0].content = "four officers".into();
        a.annotation.events[0].code = "999".into();
        a.annotation.events[0].source = "Shining Path".into();
        let known = Known::of(&crate::Lexicon::embedded().unwrap());
        expect![[r#"
            [
                "entity \"Lima\": unknown type \"CITY\"",
                "relation predicate \"boss_of\" is not one of the project's",
                "event source \"Shining Path\" is not in entities (nor a generic actor like COP(Peru))",
                "event code \"999\" is not in cameo_codes.tsv",
                "entity \"Lima\" is not in the text",
                "claim content \"four officers\" is not in the text",
            ]
        "#]]
        .assert_debug_eq(&a.problems(&known));
    }

    #[test]
    fn bad_span_and_bad_name_are_errors() {
        let root = fixture_root();
        let dir = std::env::temp_dir().join(format!("dossier-realset-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("tbaq-X.toml");
        std::fs::write(
            &path,
            "source = \"tbaq/DOC0001.tml\"\nspan = [10, 99999]\ndate = \"1998-03-02\"\n",
        )
        .unwrap();
        let err = load(&path, &root.join("data")).unwrap_err().to_string();
        assert!(err.contains("span [10, 99999] is not inside"), "{err}");
        let other = dir.join("other.toml");
        std::fs::write(&other, "").unwrap();
        let err = load(&other, &root.join("data")).unwrap_err().to_string();
        assert!(err.contains("name the file tbaq-DOCID.toml"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
