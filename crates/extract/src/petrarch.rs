//! The PETRARCH2 validation records as a peer's test suite, with their
//! dictionaries loaded as an extension of dossier's knowledge: the actor
//! dictionary stands in for the knowledge base (every phrase of it that
//! occurs in a sentence becomes a mention of the entity named by its code),
//! and the verb dictionary's verbs and patterns replace dossier's own verb
//! patterns for the same verbs ([`parse_verbs`], [`extend_lexicon`]).
//! dossier's parser and extractor find the events and their actors; the
//! report counts how many expected codings come out.
//!
//! A verb dictionary ([`parse_verbs`]) is read in the format of
//! PETRARCH2's `CAMEO.2.0.txt`: synsets (`&NAME` and `+phrase` lines, with
//! regular plurals), verb blocks (`--- NAME [code] ---`, then verbs with
//! optional `{irregular forms}` and `[code]`, multi-word verbs with `+`
//! on the verb), and patterns (`- pre * post [code]`). dossier's verb
//! entries match words after the verb only, so a pattern with words before
//! the verb is left out and counted; `$ + % ^` markers, `( )` and `{ }`
//! groupings are read as the plain word sequence they contain, and a
//! pattern's synsets expand to one entry per member.

use std::collections::HashMap;

use crate::lexicon::Lexicon;

use dossier_text::{
    tokenize, DocMeta, Document, Entity, EntityId, EntityType, Mention, MentionIdx, MentionKind,
    TokenIdx,
};

/// One validation record: its text and the codings PETRARCH expects.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub id: String,
    pub category: String,
    pub text: String,
    /// (source, target, event code).
    pub expected: Vec<(String, String, String)>,
}

/// An actor phrase (lowercase words; `prefix` lets the last word match the
/// start of a token, as TABARI dictionaries do without a trailing `_`).
#[derive(Clone, Debug, PartialEq)]
pub struct ActorPhrase {
    pub words: Vec<String>,
    pub prefix: bool,
    pub code: String,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let at = tag.find(&key)? + key.len();
    let len = tag[at..].find('"')?;
    Some(tag[at..at + len].to_string())
}

/// Parses the `<Sentence>` records of a PETRARCH validation file.
pub fn parse_records(xml: &str) -> Vec<Record> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find("<Sentence ") {
        let body = &rest[start..];
        let Some(end) = body.find("</Sentence>") else {
            break;
        };
        let record = &body[..end];
        rest = &body[end..];
        let head = &record[..record.find('>').unwrap_or(record.len())];
        let text = match (record.find("<Text>"), record.find("</Text>")) {
            (Some(a), Some(b)) if a + 6 <= b => record[a + 6..b]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            _ => continue,
        };
        let mut expected = Vec::new();
        let mut codes = record;
        while let Some(at) = codes.find("<EventCoding ") {
            let tag = &codes[at..codes[at..].find('>').map_or(codes.len(), |e| at + e)];
            if let (Some(s), Some(t), Some(e)) = (
                attr(tag, "sourcecode"),
                attr(tag, "targetcode"),
                attr(tag, "eventcode"),
            ) {
                expected.push((s, t, e));
            }
            codes = &codes[at + 1..];
        }
        out.push(Record {
            id: attr(head, "id").unwrap_or_default(),
            category: attr(head, "category").unwrap_or_default(),
            text,
            expected,
        });
    }
    out
}

/// Parses a TABARI-format actor dictionary: `NAME [CODE]` roots, `+SYNONYM`
/// lines, `#` comments, `<!-- -->` blocks, `_` joining words.
pub fn parse_actors(dict: &str) -> Vec<ActorPhrase> {
    let mut out = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    let mut code: Option<String> = None;
    let flush = |pending: &mut Vec<String>, code: &Option<String>, out: &mut Vec<ActorPhrase>| {
        if let Some(c) = code {
            for name in pending.drain(..) {
                let prefix = !name.ends_with('_');
                let words: Vec<String> = name
                    .trim_end_matches('_')
                    .split(['_', ' '])
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase)
                    .collect();
                if !words.is_empty() {
                    out.push(ActorPhrase {
                        words,
                        prefix,
                        code: c.clone(),
                    });
                }
            }
        }
        pending.clear();
    };
    for line in dictionary_lines(dict) {
        if let Some(syn) = line.strip_prefix('+') {
            pending.push(syn.split('[').next().unwrap_or("").trim().to_string());
            if let Some(c) = bracket(line) {
                code = Some(c);
            }
            continue;
        }
        if line.starts_with('[') {
            code = bracket(line);
            continue;
        }
        flush(&mut pending, &code, &mut out);
        code = bracket(line);
        pending.push(line.split('[').next().unwrap_or("").trim().to_string());
    }
    flush(&mut pending, &code, &mut out);
    out
}

fn bracket(line: &str) -> Option<String> {
    let a = line.find('[')?;
    let b = line[a..].find(']')?;
    let code = line[a + 1..a + b].trim();
    (!code.is_empty() && code != "---").then(|| code.to_uppercase())
}

/// One verb entry of a PETRARCH verb dictionary, flattened to what
/// dossier's lexicon matches: the verb's forms, the words that must follow
/// it, and the code.
#[derive(Clone, Debug, PartialEq)]
pub struct VerbPattern {
    /// "lemma|irregular|forms", lowercase, as [`Lexicon::add_verb`] reads it.
    pub head: String,
    pub then: Vec<String>,
    pub code: String,
}

/// A parsed verb dictionary.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VerbDictionary {
    pub patterns: Vec<VerbPattern>,
    /// Patterns and verbs left out because they need words before the verb.
    pub skipped: usize,
}

/// The most entries one pattern's synsets may expand to.
const MAX_EXPANSION: usize = 256;

/// A dictionary code as dossier writes it: the active code of `a:b`, its
/// leading digits ("023?" -> "023"); `None` for the null code `---` and
/// for codes without two leading digits.
fn event_code(raw: &str) -> Option<String> {
    let active = raw.split(':').next().unwrap_or("").trim();
    let digits: String = active.chars().take_while(char::is_ascii_digit).collect();
    (digits.len() >= 2).then_some(digits)
}

/// The regular plural PETRARCH generates for a synset phrase's last word.
fn plural(word: &str) -> String {
    if let Some(stem) = word.strip_suffix('y') {
        format!("{stem}ies")
    } else if word.ends_with("ss") {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

/// Removes `#` comments and `<!-- -->` blocks; yields trimmed, non-empty lines.
fn dictionary_lines(dict: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for raw in dict.lines() {
        let mut line = raw;
        if in_comment {
            match line.find("-->") {
                Some(e) => {
                    in_comment = false;
                    line = &line[e + 3..];
                }
                None => continue,
            }
        }
        if let Some(s) = line.find("<!--") {
            match line[s..].find("-->") {
                Some(e) => {
                    line = if s == 0 {
                        &line[s + e + 3..]
                    } else {
                        &line[..s]
                    }
                }
                None => {
                    in_comment = true;
                    line = &line[..s];
                }
            }
        }
        let line = line.split('#').next().unwrap_or("").trim();
        if !line.is_empty() {
            out.push(line);
        }
    }
    out
}

/// The code in the last `[...]` of `line`, and the text before it.
fn split_code(line: &str) -> (&str, Option<&str>) {
    match (line.rfind('['), line.rfind(']')) {
        (Some(a), Some(b)) if a < b => (line[..a].trim(), Some(line[a + 1..b].trim())),
        _ => (line.trim(), None),
    }
}

/// A multi-word verb phrase ("+CORDON_OFF", "WIRE_+TAP"): the verb word,
/// the words before it and the words after it, lowercase.
fn verb_phrase(phrase: &str) -> (String, Vec<String>, Vec<String>) {
    let words: Vec<&str> = phrase.split(['_', ' ']).filter(|w| !w.is_empty()).collect();
    let at = words.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let lower = |ws: &[&str]| -> Vec<String> {
        ws.iter()
            .map(|w| w.trim_start_matches('+').to_lowercase())
            .collect()
    };
    let verb = words
        .get(at)
        .map_or(String::new(), |w| w.trim_start_matches('+').to_lowercase());
    (
        verb,
        lower(&words[..at]),
        lower(&words[(at + 1).min(words.len())..]),
    )
}

/// Every word sequence a pattern's post-verb part stands for: plain words,
/// `{ }` phrases and `( )` groups in order, each synset replaced by each of
/// its members. `None` when an undefined synset makes the pattern void.
fn expand(part: &str, synsets: &HashMap<String, Vec<Vec<String>>>) -> Option<Vec<Vec<String>>> {
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    for token in part
        .split(|c: char| c.is_whitespace() || "(){}_".contains(c))
        .filter(|t| !t.is_empty() && !matches!(*t, "$" | "+" | "%" | "^"))
    {
        let alternatives: Vec<Vec<String>> = if token.starts_with('&') {
            synsets.get(token.trim_end_matches('_'))?.clone()
        } else {
            vec![vec![token
                .trim_matches(['$', '+', '%', '^'])
                .to_lowercase()]]
        };
        let mut next = Vec::new();
        for prefix in &out {
            for alt in &alternatives {
                if next.len() == MAX_EXPANSION {
                    break;
                }
                let mut seq = prefix.clone();
                seq.extend(alt.iter().cloned());
                next.push(seq);
            }
        }
        out = next;
    }
    Some(out)
}

/// One verb of a block: its forms, the words after it, its own code.
struct BlockVerb {
    head: String,
    then: Vec<String>,
    code: Option<String>,
}

#[derive(Default)]
struct Block {
    code: Option<String>,
    verbs: Vec<BlockVerb>,
    /// (post-verb word sequences, code).
    patterns: Vec<(Vec<Vec<String>>, Option<String>)>,
}

impl Block {
    fn flush(&mut self, out: &mut Vec<VerbPattern>) {
        for v in &self.verbs {
            if let Some(code) = v.code.clone().or_else(|| self.code.clone()) {
                out.push(VerbPattern {
                    head: v.head.clone(),
                    then: v.then.clone(),
                    code,
                });
            }
            for (sequences, code) in &self.patterns {
                let Some(code) = code else { continue };
                for seq in sequences {
                    let mut then = v.then.clone();
                    then.extend(seq.iter().cloned());
                    out.push(VerbPattern {
                        head: v.head.clone(),
                        then,
                        code: code.clone(),
                    });
                }
            }
        }
        *self = Block::default();
    }
}

/// Parses a PETRARCH verb dictionary (see the module documentation).
pub fn parse_verbs(dict: &str) -> VerbDictionary {
    let mut out = VerbDictionary::default();
    let mut synsets: HashMap<String, Vec<Vec<String>>> = HashMap::new();
    // The synset whose `+` members are being read.
    let mut synset: Option<(String, bool)> = None;
    let mut block: Option<Block> = None;
    for line in dictionary_lines(dict) {
        if line.starts_with("---") {
            if let Some(b) = block.as_mut() {
                b.flush(&mut out.patterns);
            }
            synset = None;
            let (_, code) = split_code(line.trim_matches('-').trim());
            block = Some(Block {
                code: code.and_then(event_code),
                ..Block::default()
            });
            continue;
        }
        if let Some(label) = line.strip_prefix('&') {
            let label = label.split_whitespace().next().unwrap_or("");
            let plurals = !label.ends_with('_');
            let name = format!("&{}", label.trim_end_matches('_'));
            synsets.entry(name.clone()).or_default();
            synset = Some((name, plurals));
            continue;
        }
        if let (Some(member), Some((name, plurals))) = (line.strip_prefix('+'), synset.as_ref()) {
            let no_plural = !plurals || member.ends_with('_');
            let Some(sequences) = expand(member, &synsets) else {
                continue;
            };
            let members = synsets.entry(name.clone()).or_default();
            for seq in sequences {
                if !no_plural && !member.trim_start().starts_with('&') {
                    if let Some(last) = seq.last() {
                        let mut p = seq.clone();
                        *p.last_mut().expect("non-empty") = plural(last);
                        members.push(p);
                    }
                }
                members.push(seq);
            }
            continue;
        }
        synset = None;
        let Some(b) = block.as_mut() else { continue };
        if line.starts_with('~') {
            continue;
        }
        if let Some(pattern) = line.strip_prefix('-') {
            let (body, code) = split_code(pattern);
            let body = body.replace("_*", " * ").replace("*_", " * ");
            let Some((pre, post)) = body.split_once('*') else {
                continue;
            };
            let pre_words = pre
                .split(|c: char| c.is_whitespace() || "(){}_".contains(c))
                .filter(|t| !t.is_empty() && !matches!(*t, "$" | "+" | "%" | "^"))
                .count();
            if pre_words > 0 {
                out.skipped += 1;
                continue;
            }
            if let Some(sequences) = expand(post, &synsets) {
                b.patterns.push((sequences, code.and_then(event_code)));
            }
            continue;
        }
        // A verb line: `VERB {FORMS} [code]` or a multi-word verb.
        let (body, code) = split_code(line);
        let (phrase, forms) = match (body.find('{'), body.find('}')) {
            (Some(a), Some(e)) if a < e => (body[..a].trim(), &body[a + 1..e]),
            _ => (body, ""),
        };
        let (verb, before, after) = verb_phrase(phrase);
        if verb.is_empty() {
            continue;
        }
        if !before.is_empty() {
            out.skipped += 1;
            continue;
        }
        let mut head = verb;
        for form in forms.split_whitespace() {
            let (f, _, _) = verb_phrase(form);
            if !f.is_empty() {
                head.push('|');
                head.push_str(&f);
            }
        }
        b.verbs.push(BlockVerb {
            head,
            then: after,
            code: code.and_then(event_code),
        });
    }
    if let Some(b) = block.as_mut() {
        b.flush(&mut out.patterns);
    }
    out
}

/// Loads a verb dictionary into `lex`: the dictionary's verbs, in every
/// form, replace dossier's own patterns for those forms.
pub fn extend_lexicon(lex: &mut Lexicon, dict: &VerbDictionary) {
    let mut ext = Lexicon::default();
    for p in &dict.patterns {
        ext.add_verb(&p.head, &p.then, &p.code);
    }
    for (form, participle) in ext.participles {
        *lex.participles.entry(form).or_insert(false) |= participle;
    }
    lex.verbs.extend(ext.verbs);
}

/// A segmented document of `record` whose mentions are the actor phrases
/// found in it (longest first); one entity per actor code, its `kb_id`.
pub fn document(record: &Record, actors: &[ActorPhrase]) -> Document {
    let mut by_first: HashMap<&str, Vec<&ActorPhrase>> = HashMap::new();
    for a in actors {
        by_first.entry(a.words[0].as_str()).or_default().push(a);
    }
    let mut doc = Document::new(
        record.text.clone(),
        DocMeta {
            id: record.id.clone(),
            ..DocMeta::default()
        },
    );
    tokenize::segment(&mut doc);
    let lower: Vec<String> = (0..doc.tokens.len())
        .map(|i| doc.token_text(TokenIdx::new(i)).to_lowercase())
        .collect();
    let mut entity_of: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while i < lower.len() {
        let first_match = |a: &&&ActorPhrase| {
            let n = a.words.len();
            i + n <= lower.len()
                && a.words.iter().enumerate().all(|(k, w)| {
                    let t = &lower[i + k];
                    t == w || (k == n - 1 && a.prefix && t.starts_with(w.as_str()))
                })
        };
        let found = by_first
            .iter()
            .filter(|(first, _)| lower[i].starts_with(*first))
            .flat_map(|(_, v)| v.iter())
            .filter(first_match)
            .max_by_key(|a| a.words.len());
        let Some(actor) = found else {
            i += 1;
            continue;
        };
        let n = actor.words.len();
        let range = doc
            .tokens
            .range(TokenIdx::new(i))
            .cover(doc.tokens.range(TokenIdx::new(i + n - 1)));
        // Three-letter codes are states; longer ones groups and agencies.
        let etype = if actor.code.len() == 3 {
            EntityType::Gpe
        } else {
            EntityType::Org
        };
        let id = *entity_of.entry(actor.code.clone()).or_insert_with(|| {
            doc.entities.push(Entity {
                name: actor.code.clone(),
                etype,
                kb_id: Some(actor.code.clone()),
                aliases: Vec::new(),
                // A state of the dictionary is a country to the extractor
                // (its unnamed actors take it: "Gondor police"); the
                // dictionary gives no coordinates.
                geo: (etype == EntityType::Gpe).then(|| dossier_text::Geo {
                    lat: 0.0,
                    lon: 0.0,
                    country: None,
                    geonames_id: None,
                    level: "country".to_string(),
                    within: None,
                }),
                mentions: Vec::new(),
                titles: Vec::new(),
                confidence: 1.0,
            });
            doc.entities.len() - 1
        });
        doc.entities[id]
            .mentions
            .push(MentionIdx::new(doc.mentions.len()));
        doc.mentions.push(Mention {
            range,
            etype,
            kind: MentionKind::Name,
            confidence: 1.0,
            entity: Some(EntityId::new(id)),
        });
        i += n;
    }
    doc
}

/// How many expected codings came out.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct Report {
    pub records: usize,
    pub expected: usize,
    /// Same source, target and full event code.
    pub exact: usize,
    /// Same source, target and root.
    pub root_and_dyad: usize,
    /// Same root, whatever the actors.
    pub root_only: usize,
    pub predicted: usize,
}

/// Scores one annotated record.
pub fn score(doc: &Document, record: &Record, report: &mut Report) {
    let kb = |id: Option<EntityId>| {
        id.and_then(|id| doc.entities.get(id.index()))
            .and_then(|e| e.kb_id.clone())
    };
    // An unnamed actor is coded as PETRARCH codes an agent: its country's
    // code, then its type ("CALGOV"; "---GOV" without a country).
    let code = |id: Option<EntityId>, generic: &Option<dossier_text::GenericActor>| {
        kb(id)
            .or_else(|| {
                generic.as_ref().map(|g| {
                    format!(
                        "{}{}",
                        kb(g.country).unwrap_or_else(|| "---".to_string()),
                        g.kind
                    )
                })
            })
            .unwrap_or_else(|| "---".to_string())
    };
    let got: Vec<(String, String, String)> = doc
        .events
        .iter()
        .map(|e| {
            (
                code(e.source, &e.source_actor),
                code(e.target, &e.target_actor),
                e.code.clone(),
            )
        })
        .collect();
    report.records += 1;
    report.predicted += got.len();
    for (s, t, e) in &record.expected {
        report.expected += 1;
        let root = &e[..e.len().min(2)];
        // PETRARCH codes actors with agent suffixes ("ARNGOV"); the state
        // prefix is what a dossier entity carries.
        let same = |a: &str, b: &str| a == b || (b.len() > 3 && a.len() >= 3 && b.starts_with(a));
        if got
            .iter()
            .any(|g| same(&g.0, s) && same(&g.1, t) && &g.2 == e)
        {
            report.exact += 1;
        }
        if got
            .iter()
            .any(|g| same(&g.0, s) && same(&g.1, t) && g.2.starts_with(root))
        {
            report.root_and_dyad += 1;
        }
        if got.iter().any(|g| g.2.starts_with(root)) {
            report.root_only += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;

    fn check_verbs(dict: &str, expect: expect_test::Expect) {
        let parsed = parse_verbs(dict);
        let mut out: Vec<String> = parsed
            .patterns
            .iter()
            .map(|p| format!("{} [{}] -> {}", p.head, p.then.join(" "), p.code))
            .collect();
        out.push(format!("skipped {}", parsed.skipped));
        expect.assert_eq(&(out.join("\n") + "\n"));
    }

    #[test]
    fn verb_blocks_synsets_forms_and_patterns() {
        check_verbs(
            "<!-- a test dictionary -->\n&ARMS\n+RIFLE\n+MORTAR_ROUND\n+AMMUNITION_\n\n\
             --- SEIZE [---] ---\nSEIZE # no code of its own\nGRAB {GRABBED GRABS GRABBING} [171]\n\
             - * &ARMS [1711]\n- * (FROM {BORDER GUARDS}) [173:174]\n- NOT * [000]\n\
             ~ a (a b SEIZE) SAY = a b 138\n\n\
             --- SEAL [172] ---\n+SEAL_OFF {+SEALED_OFF +SEALS_OFF}\nROPE_+OFF\n- * $ ROADS [1721] # comment\n",
            expect![[r#"
                seize [rifles] -> 1711
                seize [rifle] -> 1711
                seize [mortar rounds] -> 1711
                seize [mortar round] -> 1711
                seize [ammunition] -> 1711
                seize [from border guards] -> 173
                grab|grabbed|grabs|grabbing [] -> 171
                grab|grabbed|grabs|grabbing [rifles] -> 1711
                grab|grabbed|grabs|grabbing [rifle] -> 1711
                grab|grabbed|grabs|grabbing [mortar rounds] -> 1711
                grab|grabbed|grabs|grabbing [mortar round] -> 1711
                grab|grabbed|grabs|grabbing [ammunition] -> 1711
                grab|grabbed|grabs|grabbing [from border guards] -> 173
                seal|sealed|seals [off] -> 172
                seal|sealed|seals [off roads] -> 1721
                skipped 2
            "#]],
        );
    }

    #[test]
    fn dictionary_verbs_replace_the_lexicons_own() {
        let mut lex = Lexicon::embedded().unwrap();
        assert!(lex.verbs["condemned"].iter().any(|e| e.code == "111"));
        let dict = parse_verbs("--- CONDEMN [999] ---\nCONDEMN\n- * CROPS [998]\n");
        extend_lexicon(&mut lex, &dict);
        let codes: Vec<&str> = lex.verbs["condemned"]
            .iter()
            .map(|e| e.code.as_str())
            .collect();
        assert_eq!(codes, ["999", "998"]);
        assert!(lex.participles["condemned"]);
    }

    #[test]
    fn actors_and_records_parse() {
        let actors = parse_actors(
            "<!-- x\n y -->\nARNOR_  [ARN]\n+ARNORIAN\nGONDOR [GON] # note\nBOROMIR [---]\n",
        );
        assert_eq!(actors.len(), 3);
        assert_eq!(actors[0].words, ["arnor"]);
        assert!(!actors[0].prefix);
        assert_eq!(actors[1].code, "ARN");
        let recs = parse_records(
            r#"<Sentence date="1" id="T-1" category="DEMO"><EventCoding sourcecode="ARN" targetcode="GON" eventcode="042"></EventCoding><Text>
Arnor visited
Gondor.</Text></Sentence>"#,
        );
        assert_eq!(recs[0].text, "Arnor visited Gondor.");
        assert_eq!(recs[0].expected[0].2, "042");
        let doc = document(&recs[0], &actors);
        assert_eq!(doc.mentions.len(), 2);
    }
}
