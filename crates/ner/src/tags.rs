//! The BILOU tag set the model predicts, and its transition constraints.
//!
//! BILOU (Begin, Inside, Last, Unit, Outside) beats IOB for greedy decoding
//! (Ratinov and Roth 2009): the tagger must commit to where a name ends, so
//! the end-of-name evidence gets weights of its own.

use dossier_text::EntityType;

/// The entity types of the CoNLL-trained model, in label order.
pub const TYPES: [EntityType; 4] = [
    EntityType::Person,
    EntityType::Org,
    EntityType::Loc,
    EntityType::Misc,
];

/// The CoNLL names of [`TYPES`].
pub const CONLL_NAMES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

pub const N_TYPES: usize = TYPES.len();
/// `O` plus B, I, L, U for each type.
pub const N_LABELS: usize = 1 + 4 * N_TYPES;

/// The part of a name a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Out,
    Begin,
    Inside,
    Last,
    Unit,
}

/// Label index: 0 is `O`, then `1 + 4 * type + {0: B, 1: I, 2: L, 3: U}`.
#[inline]
pub fn label(part: Part, ty: usize) -> u8 {
    match part {
        Part::Out => 0,
        Part::Begin => (1 + 4 * ty) as u8,
        Part::Inside => (2 + 4 * ty) as u8,
        Part::Last => (3 + 4 * ty) as u8,
        Part::Unit => (4 + 4 * ty) as u8,
    }
}

#[inline]
pub fn part(label: u8) -> Part {
    if label == 0 {
        return Part::Out;
    }
    match (label - 1) % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::Last,
        _ => Part::Unit,
    }
}

/// The type index of a non-`O` label.
#[inline]
pub fn type_of(label: u8) -> Option<usize> {
    (label != 0).then(|| (label as usize - 1) / 4)
}

/// Whether `cur` may follow `prev` (`None`: sentence start); `last` says that
/// `cur` is the sentence's last token, where a name must be closed.
#[inline]
pub fn allowed(prev: Option<u8>, cur: u8, last: bool) -> bool {
    let open = prev.is_some_and(|p| matches!(part(p), Part::Begin | Part::Inside));
    let ok = if open {
        matches!(part(cur), Part::Inside | Part::Last) && type_of(cur) == type_of(prev.unwrap_or(0))
    } else {
        matches!(part(cur), Part::Out | Part::Begin | Part::Unit)
    };
    ok && !(last && matches!(part(cur), Part::Begin | Part::Inside))
}

/// Name of a label for display: `B-PER`, `O`.
pub fn label_name(label: u8) -> String {
    match type_of(label) {
        None => "O".to_string(),
        Some(t) => {
            let p = match part(label) {
                Part::Begin => "B",
                Part::Inside => "I",
                Part::Last => "L",
                _ => "U",
            };
            format!("{p}-{}", CONLL_NAMES[t])
        }
    }
}

/// The type index of a CoNLL or schema type name.
pub fn type_index(name: &str) -> Option<usize> {
    let t = EntityType::parse(name)?;
    TYPES.iter().position(|&x| x == t)
}

/// Encodes chunks `(start, end, type)` of an `n`-token sentence as BILOU labels.
pub fn encode(n: usize, chunks: &[(usize, usize, usize)]) -> Vec<u8> {
    let mut out = vec![0u8; n];
    for &(s, e, t) in chunks {
        if e <= s || e > n {
            continue;
        }
        if e - s == 1 {
            out[s] = label(Part::Unit, t);
        } else {
            out[s] = label(Part::Begin, t);
            for o in &mut out[s + 1..e - 1] {
                *o = label(Part::Inside, t);
            }
            out[e - 1] = label(Part::Last, t);
        }
    }
    out
}

/// Decodes a valid BILOU sequence into chunks `(start, end, type)`. Invalid
/// sequences are read leniently: an unclosed name ends where the next begins.
pub fn decode(labels: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let t = type_of(l);
        match part(l) {
            Part::Out => {
                if let Some((s, ty)) = open.take() {
                    out.push((s, i, ty));
                }
            }
            Part::Begin | Part::Unit => {
                if let Some((s, ty)) = open.take() {
                    out.push((s, i, ty));
                }
                if part(l) == Part::Unit {
                    out.push((i, i + 1, t.unwrap_or(0)));
                } else {
                    open = Some((i, t.unwrap_or(0)));
                }
            }
            Part::Inside | Part::Last => {
                match open {
                    Some((s, ty)) if Some(ty) != t => {
                        out.push((s, i, ty));
                        open = Some((i, t.unwrap_or(0)));
                    }
                    None => open = Some((i, t.unwrap_or(0))),
                    _ => {}
                }
                if part(l) == Part::Last {
                    if let Some((s, ty)) = open.take() {
                        out.push((s, i + 1, ty));
                    }
                }
            }
        }
    }
    if let Some((s, ty)) = open {
        out.push((s, labels.len(), ty));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_decode_round_trip() {
        let chunks = vec![(0, 2, 0), (3, 4, 2), (4, 7, 1)];
        let labels = encode(8, &chunks);
        assert_eq!(decode(&labels), chunks);
        let names: Vec<String> = labels.iter().map(|&l| label_name(l)).collect();
        assert_eq!(names.join(" "), "B-PER L-PER O U-LOC B-ORG I-ORG L-ORG O");
    }

    #[test]
    fn open_name_cannot_end_sentence() {
        assert!(!allowed(None, label(Part::Begin, 0), true));
        assert!(allowed(
            Some(label(Part::Begin, 0)),
            label(Part::Last, 0),
            true
        ));
        assert!(!allowed(
            Some(label(Part::Begin, 0)),
            label(Part::Last, 1),
            false
        ));
        assert!(!allowed(Some(0), label(Part::Inside, 1), false));
    }
}
