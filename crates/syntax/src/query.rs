//! Questions the extraction stage asks of a parse, over a `&Document` whose
//! syntax layer is filled: heads and children, paths, clauses, the logical
//! subject and object of a predicate (passives and relative clauses undone),
//! and who says what with a reporting verb.
//!
//! All functions return `None` or nothing when the syntax layer is empty.

use dossier_text::{Document, TextRange, TokenIdx, Upos};

fn has_syntax(doc: &Document, t: TokenIdx) -> bool {
    t.index() < doc.syntax.head.len()
}

/// The head of `t`; `None` for a sentence root.
pub fn head(doc: &Document, t: TokenIdx) -> Option<TokenIdx> {
    doc.syntax.head_of(t.index()).map(TokenIdx::new)
}

/// The UD relation of `t` to its head (`"nsubj:pass"`), or `""`.
pub fn deprel(doc: &Document, t: TokenIdx) -> &str {
    doc.syntax.deprel_of(t.index())
}

/// The relation without its subtype (`"nsubj:pass"` -> `"nsubj"`).
pub fn base_deprel(doc: &Document, t: TokenIdx) -> &str {
    let d = deprel(doc, t);
    d.split(':').next().unwrap_or(d)
}

fn lemma(doc: &Document, t: TokenIdx) -> &str {
    doc.syntax.lemma_of(t.index())
}

fn upos(doc: &Document, t: TokenIdx) -> Option<Upos> {
    doc.syntax.upos_of(t.index())
}

/// Token range of the sentence that holds `t`.
fn sentence_tokens(doc: &Document, t: TokenIdx) -> std::ops::Range<usize> {
    match doc.sentence_at(doc.tokens.start[t.index()]) {
        Some(s) => doc.sentences[s.index()].token_indices(),
        None => t.index()..t.index() + 1,
    }
}

/// The dependents of `t`, in text order.
pub fn children(doc: &Document, t: TokenIdx) -> Vec<TokenIdx> {
    if !has_syntax(doc, t) {
        return Vec::new();
    }
    sentence_tokens(doc, t)
        .filter(|&i| doc.syntax.head[i] == Some(t))
        .map(TokenIdx::new)
        .collect()
}

/// The first dependent of `t` whose relation is one of `rels` (subtypes
/// included: `"obl"` matches `"obl:agent"` unless listed exactly).
pub fn child_with(doc: &Document, t: TokenIdx, rels: &[&str]) -> Option<TokenIdx> {
    children(doc, t)
        .into_iter()
        .find(|&c| rels.contains(&deprel(doc, c)) || rels.contains(&base_deprel(doc, c)))
}

/// Ancestors of `t`, nearest first, `t` excluded.
pub fn ancestors(doc: &Document, t: TokenIdx) -> Vec<TokenIdx> {
    let mut out = Vec::new();
    let mut cur = head(doc, t);
    while let Some(h) = cur {
        // A malformed layer must not loop forever.
        if out.len() > doc.tokens.len() || h == t {
            break;
        }
        out.push(h);
        cur = head(doc, h);
    }
    out
}

/// The tokens on the tree path from `a` to `b`, both included; `None` when
/// they are in different trees.
pub fn path(doc: &Document, a: TokenIdx, b: TokenIdx) -> Option<Vec<TokenIdx>> {
    if !has_syntax(doc, a) || !has_syntax(doc, b) {
        return None;
    }
    let mut up_a = vec![a];
    up_a.extend(ancestors(doc, a));
    let mut up_b = vec![b];
    up_b.extend(ancestors(doc, b));
    let (i, j) = up_a
        .iter()
        .enumerate()
        .find_map(|(i, x)| up_b.iter().position(|y| y == x).map(|j| (i, j)))?;
    let mut out: Vec<TokenIdx> = up_a[..=i].to_vec();
    out.extend(up_b[..j].iter().rev());
    Some(out)
}

/// All tokens dominated by `t` (itself included), in text order.
pub fn subtree(doc: &Document, t: TokenIdx) -> Vec<TokenIdx> {
    subtree_where(doc, t, |_| true)
}

/// The subtree of `t` without the branches whose relation fails `keep`.
fn subtree_where(doc: &Document, t: TokenIdx, keep: impl Fn(&str) -> bool) -> Vec<TokenIdx> {
    if !has_syntax(doc, t) {
        return Vec::new();
    }
    let range = sentence_tokens(doc, t);
    range
        .map(TokenIdx::new)
        .filter(|&i| {
            let mut cur = i;
            for _ in 0..doc.tokens.len() {
                if cur == t {
                    return true;
                }
                if !keep(deprel(doc, cur)) {
                    return false;
                }
                match head(doc, cur) {
                    Some(h) => cur = h,
                    None => return false,
                }
            }
            false
        })
        .collect()
}

fn span(doc: &Document, toks: &[TokenIdx]) -> Option<TextRange> {
    let first = toks.first()?;
    let last = toks.last()?;
    Some(TextRange::new(
        doc.tokens.start[first.index()],
        doc.tokens.end[last.index()],
    ))
}

/// The noun phrase headed by `t`: its subtree without relative clauses,
/// appositions, coordination and punctuation ("Islamic State Khorasan
/// Province" out of "Islamic State Khorasan Province (ISKP), which ...").
pub fn phrase(doc: &Document, t: TokenIdx) -> Option<TextRange> {
    let toks = subtree_where(doc, t, |d| {
        !matches!(
            d.split(':').next().unwrap_or(d),
            "acl"
                | "appos"
                | "punct"
                | "parataxis"
                | "conj"
                | "cc"
                | "advcl"
                | "dep"
                | "dislocated"
        )
    })
    .into_iter()
    // "by the committee" -> "the committee": the phrase's own preposition goes.
    .filter(|&x| !(head(doc, x) == Some(t) && matches!(base_deprel(doc, x), "case" | "mark")))
    .collect::<Vec<_>>();
    // Keep the contiguous run around the head only.
    let pos = toks.iter().position(|&x| x == t)?;
    let mut lo = pos;
    while lo > 0 && toks[lo - 1].index() + 1 == toks[lo].index() {
        lo -= 1;
    }
    let mut hi = pos;
    while hi + 1 < toks.len() && toks[hi].index() + 1 == toks[hi + 1].index() {
        hi += 1;
    }
    span(doc, &toks[lo..=hi])
}

const CLAUSE_RELS: &[&str] = &[
    "root",
    "ccomp",
    "xcomp",
    "advcl",
    "acl",
    "parataxis",
    "csubj",
    "conj",
    "list",
];

/// Whether `t` heads a clause: a predicate in a clausal relation.
fn is_clause_head(doc: &Document, t: TokenIdx) -> bool {
    let rel = base_deprel(doc, t);
    if !CLAUSE_RELS.contains(&rel) {
        return false;
    }
    rel == "root"
        || matches!(upos(doc, t), Some(Upos::VERB | Upos::AUX))
        || children(doc, t)
            .iter()
            .any(|&c| matches!(base_deprel(doc, c), "nsubj" | "cop" | "csubj"))
}

/// The head of the smallest clause that contains `t`.
pub fn clause(doc: &Document, t: TokenIdx) -> Option<TokenIdx> {
    if !has_syntax(doc, t) {
        return None;
    }
    std::iter::once(t)
        .chain(ancestors(doc, t))
        .find(|&x| is_clause_head(doc, x))
}

/// The text of the clause headed by `c`, without its embedded clauses'
/// leading and trailing punctuation.
pub fn clause_range(doc: &Document, c: TokenIdx) -> Option<TextRange> {
    let toks = subtree(doc, c);
    let is_edge = |x: &TokenIdx| {
        matches!(base_deprel(doc, *x), "punct" | "mark" | "cc") && head(doc, *x) == Some(c)
    };
    let lo = toks.iter().position(|x| !is_edge(x))?;
    let hi = toks.iter().rposition(|x| !is_edge(x))?;
    span(doc, &toks[lo..=hi])
}

/// Who does what to whom: the logical arguments of a predicate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Arguments {
    /// The doer: the agent of a passive, the antecedent of a relative pronoun.
    pub subject: Option<TokenIdx>,
    /// The one done to: the object, or the subject of a passive.
    pub object: Option<TokenIdx>,
    pub passive: bool,
}

const RELATIVE: &[&str] = &["which", "who", "that", "whom", "whose"];

/// Replaces a relative pronoun by the noun its clause modifies.
fn antecedent(doc: &Document, t: TokenIdx, verb: TokenIdx) -> TokenIdx {
    if !RELATIVE.contains(&lemma(doc, t)) {
        return t;
    }
    // The relative clause may be headed by an ancestor of `verb` (conjoined
    // or auxiliary-chained predicates).
    std::iter::once(verb)
        .chain(ancestors(doc, verb))
        .find(|&v| deprel(doc, v) == "acl:relcl")
        .and_then(|v| head(doc, v))
        .unwrap_or(t)
}

/// The agent of a passive: an `obl:agent`, or an `obl` introduced by "by".
fn agent(doc: &Document, verb: TokenIdx) -> Option<TokenIdx> {
    children(doc, verb).into_iter().find(|&c| {
        deprel(doc, c) == "obl:agent"
            || (base_deprel(doc, c) == "obl"
                && children(doc, c)
                    .iter()
                    .any(|&k| deprel(doc, k) == "case" && lemma(doc, k) == "by"))
    })
}

/// The logical subject and object of a predicate. Passives are undone
/// ("X was proclaimed ... by Y": subject Y, object X), relative pronouns are
/// replaced by their antecedent, and predicates without a subject inherit
/// it: a conjunct from the first conjunct, an open complement (`xcomp`) from
/// its controller.
pub fn arguments(doc: &Document, verb: TokenIdx) -> Arguments {
    let mut args = Arguments::default();
    if !has_syntax(doc, verb) {
        return args;
    }
    let (mut subj, mut outer) = (None, None);
    for c in children(doc, verb) {
        match deprel(doc, c) {
            "nsubj" | "csubj" => subj = subj.or(Some(c)),
            "nsubj:outer" => outer = outer.or(Some(c)),
            "nsubj:pass" | "csubj:pass" => {
                args.passive = true;
                args.object = Some(antecedent(doc, c, verb));
            }
            "obj" => args.object = args.object.or(Some(c)),
            _ => {}
        }
    }
    let subj = subj.or(outer);
    if args.passive {
        args.subject = agent(doc, verb);
    } else {
        args.subject = subj.map(|s| antecedent(doc, s, verb));
    }
    // Subjectless predicates borrow from the predicate they hang on.
    if args.subject.is_none() && subj.is_none() {
        if let Some(h) = head(doc, verb) {
            match deprel(doc, verb) {
                "conj" if !args.passive => {
                    let up = arguments(doc, h);
                    args.subject = if up.passive { None } else { up.subject };
                }
                "xcomp" => {
                    let up = arguments(doc, h);
                    args.subject = up.object.filter(|_| !up.passive).or(up.subject);
                }
                "acl" if args.object.is_none() => {
                    args.object = Some(h).filter(|_| is_participle(doc, verb))
                }
                _ => {}
            }
        }
    }
    args
}

fn is_participle(doc: &Document, t: TokenIdx) -> bool {
    doc.syntax
        .xpos
        .get(t.index())
        .is_some_and(|x| &**x == "VBN")
}

/// Whether `t` is a reporting verb ("said", "warned", "denied"): the
/// `parse` role of `dossier_text`'s `data/reporting_verbs.tsv`, by lemma
/// or, for a verb listed by its forms ("stated"), by form.
pub fn is_reporting_verb(doc: &Document, t: TokenIdx) -> bool {
    let verbs = dossier_text::wordlists::reporting_verbs();
    let role = dossier_text::wordlists::VerbRole::Parse;
    matches!(upos(doc, t), Some(Upos::VERB))
        && (verbs.is_form(lemma(doc, t), role)
            || verbs.is_form(&doc.token_text(t).to_lowercase(), role))
}

/// A reporting verb with its speaker and what is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Report {
    pub verb: TokenIdx,
    pub speaker: Option<TokenIdx>,
    /// The head of the reported clause.
    pub content: Option<TokenIdx>,
}

/// The speaker of a reporting verb: its logical subject ("X said",
/// "said X", "it was stated by X").
pub fn speaker(doc: &Document, verb: TokenIdx) -> Option<TokenIdx> {
    arguments(doc, verb)
        .subject
        .or_else(|| inverted_speaker(doc, verb))
}

fn is_punct(doc: &Document, t: TokenIdx) -> bool {
    matches!(upos(doc, t), Some(Upos::PUNCT))
}

/// Whether `verb` follows a comma or a closing quote: the reporting clause of
/// an inversion ("..., said X" / "'...,' said X").
fn after_punct(doc: &Document, verb: TokenIdx) -> bool {
    verb.index() > 0
        && sentence_tokens(doc, verb).start < verb.index()
        && is_punct(doc, TokenIdx::new(verb.index() - 1))
}

/// The speaker of "..., said X, ...": the noun phrase right after the verb,
/// up to the next punctuation, whatever the parser attached it to (parsers
/// often misattach inverted subjects).
fn inverted_speaker(doc: &Document, verb: TokenIdx) -> Option<TokenIdx> {
    if !after_punct(doc, verb) {
        return None;
    }
    let end = sentence_tokens(doc, verb).end;
    let span: Vec<TokenIdx> = (verb.index() + 1..end)
        .map(TokenIdx::new)
        .take_while(|&t| !is_punct(doc, t))
        .take(8)
        .collect();
    let mut heads = span
        .iter()
        .copied()
        .filter(|&t| head(doc, t).is_none_or(|h| !span.contains(&h)));
    let np = heads.next()?;
    let nominal = matches!(upos(doc, np), Some(Upos::NOUN | Upos::PROPN | Upos::PRON));
    (nominal && heads.next().is_none()).then_some(np)
}

/// The reported content of a reporting verb: its clausal complement
/// ("said that X"), or the clause it interrupts or follows as a parenthetical
/// ("X, he said" / "'X,' said Y"), or a quoted object.
pub fn content(doc: &Document, verb: TokenIdx) -> Option<TokenIdx> {
    if let Some(c) = child_with(doc, verb, &["ccomp", "csubj:pass"]) {
        return Some(c);
    }
    if matches!(deprel(doc, verb), "parataxis" | "parataxis:parenth") {
        return head(doc, verb);
    }
    // "X happened, said Y": the clause before the comma, however attached.
    if after_punct(doc, verb) && inverted_speaker(doc, verb).is_some() {
        if let Some(h) = head(doc, verb).filter(|&h| h < verb) {
            return Some(h);
        }
    }
    // A passive report ("it was said that ...") or a quoted direct object.
    children(doc, verb).into_iter().find(|&c| {
        matches!(deprel(doc, c), "obj" | "parataxis")
            && children(doc, c)
                .iter()
                .any(|&k| matches!(doc.token_text(k), "\"" | "\u{201c}" | "\u{201d}"))
    })
}

/// The text of what a reporting verb reports: the clause of
/// [`content`], cut before the reporting verb when the verb follows it
/// ("X happened, said Y" gives "X happened").
pub fn content_range(doc: &Document, verb: TokenIdx) -> Option<TextRange> {
    let c = content(doc, verb)?;
    if c > verb {
        return clause_range(doc, c);
    }
    let toks: Vec<TokenIdx> = subtree(doc, c).into_iter().filter(|&t| t < verb).collect();
    let lo = toks.iter().position(|&t| !is_punct(doc, t))?;
    let hi = toks.iter().rposition(|&t| !is_punct(doc, t))?;
    span(doc, &toks[lo..=hi])
}

/// Every reporting verb of the sentence that holds `t`, in text order.
pub fn reports_in_sentence(doc: &Document, t: TokenIdx) -> Vec<Report> {
    if !has_syntax(doc, t) {
        return Vec::new();
    }
    sentence_tokens(doc, t)
        .map(TokenIdx::new)
        .filter(|&v| is_reporting_verb(doc, v))
        .map(|v| Report {
            verb: v,
            speaker: speaker(doc, v),
            content: content(doc, v),
        })
        .collect()
}
