//! Generates news-like English text from hand-written sentence templates, for
//! the throughput benchmark and the long-document tests. The sentences are
//! this crate's own, not from any corpus.

use dossier_common::rng::{Rng as _, XorShift64};

const PEOPLE: &[&str] = &[
    "Maria Lopez",
    "Gen. Tariq Hassan",
    "Olaf Berg",
    "President Anna Kowalski",
    "Sami Haddad",
    "Chen Wei",
    "Prime Minister David Okafor",
    "Ines Moreau",
];
const PLACES: &[&str] = &[
    "Nairobi",
    "Lisbon",
    "the Sahel",
    "Karachi",
    "Ontario",
    "Mosul",
    "Jakarta",
    "Bolivia",
];
const ORGS: &[&str] = &[
    "the United Nations",
    "Reuters",
    "the World Bank",
    "NATO",
    "Amnesty International",
    "the Red Cross",
    "Siemens",
    "the Interior Ministry",
];
const TEMPLATES: &[&str] = &[
    "{P} arrived in {L} on Tuesday for talks with officials from {O}.",
    "Speaking to reporters, {P} said the agreement would be signed in {L} next month.",
    "{O} warned that fighting near {L} had displaced thousands of families.",
    "Police in {L} detained two men after a protest outside the offices of {O}.",
    "A spokesman for {O} declined to comment on the report, {P} told the newspaper.",
    "{P}, who was elected in 2019, has promised to cut taxes and rebuild roads in {L}.",
    "Shares in {O} fell 3.5 percent after the company cut its forecast for the year.",
    "Heavy rain flooded parts of {L}, and {O} sent teams to help the victims.",
];

/// About `n_tokens` tokens of news-like text, in paragraphs of ten
/// sentences separated by blank lines; the same `seed` gives the same text.
pub fn news_text(n_tokens: usize, seed: u64) -> String {
    // xorshift64: a fixed sequence is all this needs.
    let mut rng = XorShift64::new(seed);
    let mut next = |n: usize| rng.below(n);
    let mut out = String::new();
    let mut tokens = 0;
    let mut k = 0;
    while tokens < n_tokens {
        let t = TEMPLATES[next(TEMPLATES.len())];
        let s = t
            .replace("{P}", PEOPLE[next(PEOPLE.len())])
            .replace("{L}", PLACES[next(PLACES.len())])
            .replace("{O}", ORGS[next(ORGS.len())]);
        tokens += s.split_whitespace().count() + 2;
        out.push_str(&s);
        k += 1;
        out.push_str(if k % 10 == 0 { "\n\n" } else { " " });
    }
    out
}
